import { Body, Controller, Get, INestApplication, Module, NotFoundException, Param, Post } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApiOperation } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import request from 'supertest';
import { openApiDocument } from '../bootstrap/service-app';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { Deprecated, deprecationHeaders } from './deprecation';

const NOTICE = {
  since: '2027-01-04',
  sunset: '2027-07-05',
  reason: 'Superseded by GET /api/v1/things/{id}/summary, which also gives the state.',
  successor: '/api/v1/things/{id}/summary',
};

class RenameBody {
  @IsString()
  name!: string;
}

// Test only: no real route is deprecated yet.
@Controller('api/v1/things')
class ThingsController {
  @Deprecated(NOTICE)
  @ApiOperation({ summary: 'A thing, the old way' })
  @Get(':id')
  get(@Param('id') id: string) {
    if (id === 'missing') throw new NotFoundException('No such thing');
    return { id };
  }

  @ApiOperation({ summary: 'Rename a thing' })
  @Deprecated({ since: '2027-01-04', sunset: '2027-12-31', reason: 'Renaming moves to PUT.' })
  @Post(':id/name')
  rename(@Param('id') id: string, @Body() body: RenameBody) {
    return { id, name: body.name };
  }

  @Get(':id/summary')
  summary(@Param('id') id: string) {
    return { id, state: 'open' };
  }
}

@Module({
  controllers: [ThingsController],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
class ThingsModule {}

describe('deprecationHeaders', () => {
  it('dates the deprecation as RFC 9745 does (@ and Unix seconds) and the sunset as an HTTP-date (RFC 8594)', () => {
    expect(deprecationHeaders(NOTICE)).toEqual({
      Deprecation: `@${Date.UTC(2027, 0, 4) / 1000}`,
      Sunset: 'Mon, 05 Jul 2027 00:00:00 GMT',
      Link: '</api/v1/things/{id}/summary>; rel="successor-version"',
    });
    expect(deprecationHeaders({ ...NOTICE, successor: undefined })).not.toHaveProperty('Link');
  });

  it('refuses a notice shorter than six months, and days that are not days', () => {
    expect(() => deprecationHeaders({ ...NOTICE, sunset: '2027-07-03' })).toThrow(/at least 6 months after 2027-01-04/);
    expect(() => deprecationHeaders({ ...NOTICE, since: '2027-02-30' })).toThrow(/since must be a day/);
    expect(() => deprecationHeaders({ ...NOTICE, sunset: 'next year' })).toThrow(/sunset must be a day/);
  });
});

describe('@Deprecated on a route', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ThingsModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('sends Deprecation, Sunset and the successor with every answer of the route, refusals included', async () => {
    for (const [path, status] of [
      ['/api/v1/things/t1', 200],
      ['/api/v1/things/missing', 404],
    ] as const) {
      const res = await request(app.getHttpServer()).get(path).expect(status);
      expect(res.headers.deprecation).toBe('@1799020800');
      expect(res.headers.sunset).toBe('Mon, 05 Jul 2027 00:00:00 GMT');
      expect(res.headers.link).toBe('</api/v1/things/{id}/summary>; rel="successor-version"');
    }
    const refused = await request(app.getHttpServer()).post('/api/v1/things/t1/name').send({ name: 7 }).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers.sunset).toBe('Fri, 31 Dec 2027 00:00:00 GMT');
  });

  it('leaves the other routes alone', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/things/t1/summary').expect(200);
    expect(res.headers).not.toHaveProperty('deprecation');
    expect(res.headers).not.toHaveProperty('sunset');
  });

  it('marks the operation deprecated in OpenAPI with its reason and sunset, above or below @ApiOperation', () => {
    const { paths } = openApiDocument(app, {
      service: 'things',
      title: 'Things',
      description: 'Test only',
      config: { NODE_ENV: 'test', BODY_LIMIT: '1mb', OTEL_EXPORTER_OTLP_ENDPOINT: undefined },
    });
    expect(paths['/api/v1/things/{id}'].get).toMatchObject({
      summary: 'A thing, the old way',
      deprecated: true,
      description: `Deprecated: ${NOTICE.reason}`,
      'x-sunset': '2027-07-05',
    });
    expect(paths['/api/v1/things/{id}/name'].post).toMatchObject({
      summary: 'Rename a thing',
      deprecated: true,
      description: 'Deprecated: Renaming moves to PUT.',
      'x-sunset': '2027-12-31',
    });
    expect(paths['/api/v1/things/{id}/summary'].get?.deprecated).toBeUndefined();
  });
});
