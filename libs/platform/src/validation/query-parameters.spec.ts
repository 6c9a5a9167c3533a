import { Controller, Get, Query, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { of } from 'rxjs';
import { QueryInteger, QueryParametersInterceptor } from './query-parameters';

class Paged {
  @QueryInteger() limit?: unknown;
}

@Controller()
class Routes {
  @Get('none') none() {
    return 'none';
  }
  @Get('named') named(@Query('kind') kind: string) {
    return kind;
  }
  @Get('object') object(@Query() query: Paged) {
    return query;
  }
}

function call(handler: keyof Routes, query: Record<string, unknown>) {
  const context = {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => ({ query }) }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of('handled') };
  return () => new QueryParametersInterceptor().intercept(context, next);
}

describe('query parameters', () => {
  it('refuses a parameter the route does not take, by name', () => {
    expect(call('none', {})).not.toThrow();
    expect(call('none', { from: '2026-02-30' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'from', message: 'property from should not exist' }],
      }),
    );
    expect(call('named', { kind: 'outcomes' })).not.toThrow();
    expect(call('named', { kinds: 'outcomes' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('leaves a query object to the validation pipe', () => {
    expect(call('object', { anything: '1' })).not.toThrow();
  });

  it('reads a number only from decimal digits', () => {
    const limit = (value: unknown) => plainToInstance(Paged, { limit: value }).limit;
    expect(limit('16')).toBe(16);
    expect(limit('-3')).toBe(-3);
    for (const written of ['0x10', '1e1', ' 7', '7 ', '0b11', '', '1.5']) expect(limit(written)).toBe(written);
    expect(limit(12)).toBe(12);
  });
});
