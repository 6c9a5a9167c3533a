import { Body, Controller, INestApplication, MiddlewareConsumer, Module, NestModule, Post, Res } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@ccsc/testing';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { serviceDataSourceOptions, ServiceDataSourceParts } from '../database/data-source-options';
import { createIdempotencyTable, dropIdempotencyTable } from './idempotency-tables';
import { IdempotencyModule } from './idempotency.module';
import { purgeExpiredIdempotencyKeys } from './idempotency.store';
import { recordRequestCommits, trackRequestCommits } from '../database/request-commits';

class IdempotencyTest1750000000000 implements MigrationInterface {
  name = 'IdempotencyTest1750000000000';

  async up(q: QueryRunner): Promise<void> {
    await createIdempotencyTable(q);
    await q.query(
      `CREATE TABLE things (id serial PRIMARY KEY, name varchar(100) NOT NULL, owner varchar(100) NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE things');
    await dropIdempotencyTable(q);
  }
}

const database: ServiceDataSourceParts = { entities: [], migrations: [IdempotencyTest1750000000000] };

class CreateThing {
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** Lets a test hold the handler open to observe an in-progress key. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  delayMs?: number;
}

interface TestRequest extends Request {
  principal?: { sub: string; roles: string[]; organisationId?: string };
}

@Controller('things')
class ThingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  async create(@Body() body: CreateThing, @Res({ passthrough: true }) res: Response) {
    return this.insert(body, res);
  }

  /** Commits the thing, then fails: as a command whose response could not be built after its commit. */
  @Post('then-fail')
  async createThenFail(@Body() body: CreateThing) {
    await this.dataSource.transaction((m) =>
      m.query('INSERT INTO things (name, owner) VALUES ($1, $2)', [body.name, 'after-commit']),
    );
    throw new Error('failed after the commit');
  }

  @Post('copies')
  async copy(@Body() body: CreateThing, @Res({ passthrough: true }) res: Response) {
    return this.insert(body, res);
  }

  private async insert(body: CreateThing, res: Response) {
    if (body.delayMs) await new Promise((resolve) => setTimeout(resolve, body.delayMs));
    const owner = (res.req as TestRequest).principal?.sub ?? 'nobody';
    const [row] = (await this.dataSource.query('INSERT INTO things (name, owner) VALUES ($1, $2) RETURNING id', [
      body.name,
      owner,
    ])) as { id: number }[];
    res.location(`/things/${row.id}`);
    return { id: row.id, name: body.name, owner, createdAt: new Date().toISOString() };
  }
}

// Stands in for the auth middleware: the interceptor only needs `req.principal.sub`.
function fakeAuth(req: TestRequest, _res: Response, next: NextFunction) {
  const user = req.headers['x-test-user'];
  const firm = req.headers['x-test-firm'];
  if (typeof user === 'string')
    req.principal =
      typeof firm === 'string'
        ? { sub: user, roles: ['professional'], organisationId: firm }
        : { sub: user, roles: ['caseworker'] };
  next();
}

describe('Idempotency-Key on REST POSTs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('platform', database);

    @Module({
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(db.url, database, 8),
          // As PlatformModule: each request knows whether it has committed.
          dataSourceFactory: async (options) => recordRequestCommits(await new DataSource(options!).initialize()),
        }),
        IdempotencyModule.forRoot(),
      ],
      controllers: [ThingsController],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    })
    class TestAppModule implements NestModule {
      configure(consumer: MiddlewareConsumer) {
        consumer.apply(trackRequestCommits, fakeAuth).forRoutes('{*path}');
      }
    }

    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE things, idempotency_keys');
  });

  const post = (
    key: string | undefined,
    body: object,
    options: { user?: string; firm?: string; path?: string } = {},
  ) => {
    const req = request(app.getHttpServer())
      .post(options.path ?? '/things')
      .set('x-test-user', options.user ?? 'alice');
    const caller = options.firm ? req.set('x-test-firm', options.firm) : req;
    return (key === undefined ? caller : caller.set('Idempotency-Key', key)).send(body);
  };
  const thingCount = async () =>
    ((await dataSource.query('SELECT count(*)::int AS n FROM things')) as { n: number }[])[0].n;
  const keyRows = async () =>
    (await dataSource.query(
      'SELECT principal_sub, idempotency_key, status FROM idempotency_keys ORDER BY principal_sub',
    )) as object[];

  it('replays a failure that came after the command committed, instead of running the command again', async () => {
    const first = await post('key-after-commit', { name: 'once' }, { path: '/things/then-fail' }).expect(500);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(await thingCount()).toBe(1);

    const retry = await post('key-after-commit', { name: 'once' }, { path: '/things/then-fail' }).expect(500);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(await thingCount()).toBe(1);
  });

  it('replays the first response for a retry with the same key and body, running the command once', async () => {
    const first = await post('key-1', { name: 'widget' }).expect(201);
    expect(first.headers.location).toBe(`/things/${first.body.id}`);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await post('key-1', { name: 'widget' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['content-type']).toMatch(/application\/json/);
    expect(retry.body).toEqual(first.body);

    expect(await thingCount()).toBe(1);
    expect(await keyRows()).toEqual([{ principal_sub: 'alice', idempotency_key: 'key-1', status: 'completed' }]);
  });

  it('treats a body with its keys in another order as the same request', async () => {
    const first = await post('key-order', { name: 'widget', delayMs: 0 }).expect(201);
    const retry = await post('key-order', { delayMs: 0, name: 'widget' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await thingCount()).toBe(1);
  });

  it('refuses the same key for a different body or endpoint with 409 problem+json, creating nothing', async () => {
    await post('key-2', { name: 'widget' }).expect(201);

    const otherBody = await post('key-2', { name: 'gadget' }).expect(409);
    expect(otherBody.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(otherBody.body).toMatchObject({ status: 409, code: 'CONFLICT', type: 'urn:ccsc:problem:conflict' });
    expect(otherBody.body.detail).toMatch(/different request/);

    const otherPath = await post('key-2', { name: 'widget' }, { path: '/things/copies' }).expect(409);
    expect(otherPath.body.detail).toMatch(/different request/);

    expect(await thingCount()).toBe(1);
  });

  it('scopes keys to the caller: the same key from another user is a different key', async () => {
    const alice = await post('shared-key', { name: 'widget' }, { user: 'alice' }).expect(201);
    const bob = await post('shared-key', { name: 'widget' }, { user: 'bob' }).expect(201);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    expect(bob.body.id).not.toBe(alice.body.id);
    expect(bob.body.owner).toBe('bob');
    expect(await thingCount()).toBe(2);
    expect(await keyRows()).toHaveLength(2);
  });

  it('scopes keys to the firm too: the same subject for another firm, or for none, is another caller', async () => {
    const atFirmA = await post('moved-key', { name: 'widget' }, { user: 'sam', firm: 'firm-a' }).expect(201);
    const atFirmB = await post('moved-key', { name: 'widget' }, { user: 'sam', firm: 'firm-b' }).expect(201);
    const asStaff = await post('moved-key', { name: 'widget' }, { user: 'sam' }).expect(201);
    for (const other of [atFirmB, asStaff]) {
      expect(other.headers['idempotent-replayed']).toBeUndefined();
      expect(other.body.id).not.toBe(atFirmA.body.id);
    }
    const again = await post('moved-key', { name: 'widget' }, { user: 'sam', firm: 'firm-a' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await thingCount()).toBe(3);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', 'clé-1'],
    ['control character', 'tab\tinside'],
  ])('refuses a malformed key (%s) with 400 and a field error', async (_what, key) => {
    const res = await post(key, { name: 'widget' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await thingCount()).toBe(0);
    expect(await keyRows()).toEqual([]);
  });

  it('accepts a key of 255 printable characters', async () => {
    const key = `${'k'.repeat(250)} ~!@#`;
    await post(key, { name: 'widget' }).expect(201);
    expect((await post(key, { name: 'widget' }).expect(201)).headers['idempotent-replayed']).toBe('true');
    expect(await thingCount()).toBe(1);
  });

  it('stores no failed response: a corrected retry with the same key runs', async () => {
    const refused = await post('key-3', { name: '' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(await keyRows()).toEqual([]);

    const corrected = await post('key-3', { name: 'widget' }).expect(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await thingCount()).toBe(1);

    const retry = await post('key-3', { name: 'widget' }).expect(201);
    expect(retry.body).toEqual(corrected.body);
    expect(await thingCount()).toBe(1);
  });

  it('answers 409 while the first request with the key is still running, and replays once it is done', async () => {
    const first = post('key-4', { name: 'widget', delayMs: 600 }).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const during = await post('key-4', { name: 'widget', delayMs: 600 }).expect(409);
    expect(during.body).toMatchObject({ code: 'CONFLICT' });
    expect(during.body.detail).toMatch(/still being processed/);

    const done = await first;
    expect(done.status).toBe(201);
    const after = await post('key-4', { name: 'widget', delayMs: 600 }).expect(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.body).toEqual(done.body);
    expect(await thingCount()).toBe(1);
  });

  it('runs the command once for concurrent first requests with the same key', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => post('key-5', { name: 'widget', delayMs: 100 })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of created) expect(r.body).toEqual(created[0].body);
    for (const r of responses.filter((r) => r.status === 409)) expect(r.body.detail).toMatch(/still being processed/);
    expect(await thingCount()).toBe(1);
  });

  it('leaves POSTs without the header as they were', async () => {
    const a = await post(undefined, { name: 'widget' }).expect(201);
    const b = await post(undefined, { name: 'widget' }).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(await thingCount()).toBe(2);
    expect(await keyRows()).toEqual([]);
  });

  it('ignores an expired key, and purges expired keys', async () => {
    const first = await post('key-6', { name: 'widget' }).expect(201);
    await post('key-7', { name: 'widget' }).expect(201);
    await dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = 'key-6'`,
    );

    const again = await post('key-6', { name: 'widget' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.id).not.toBe(first.body.id);
    expect(await thingCount()).toBe(3);

    await dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = 'key-7'`,
    );
    expect(await purgeExpiredIdempotencyKeys(dataSource)).toBe(1);
    expect((await keyRows()).map((r) => (r as { idempotency_key: string }).idempotency_key)).toEqual(['key-6']);
  });

  it('keeps a completed response for 24 hours by default', async () => {
    await post('key-8', { name: 'widget' }).expect(201);
    const [row] = (await dataSource.query(
      `SELECT extract(epoch FROM expires_at - now())::int AS ttl FROM idempotency_keys`,
    )) as { ttl: number }[];
    expect(row.ttl).toBeGreaterThan(24 * 3600 - 60);
    expect(row.ttl).toBeLessThanOrEqual(24 * 3600);
  });
});
