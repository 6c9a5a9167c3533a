import { ConfigError, env, readConfig } from './config';

const spec = {
  PORT: env.int('port', undefined, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('db', ['postgres:']),
  MODE: env.oneOf('mode', ['a', 'b'] as const, 'a'),
  FLAG: env.bool('flag', false),
  HOSTS: env.list('hosts', ['x']),
};

describe('readConfig', () => {
  it('reads, converts and defaults values', () => {
    expect(readConfig(spec, { PORT: '4101', DATABASE_URL: 'postgres://u:p@h/db', FLAG: 'true', HOSTS: 'a, b' })).toEqual({
      PORT: 4101,
      DATABASE_URL: 'postgres://u:p@h/db',
      MODE: 'a',
      FLAG: true,
      HOSTS: ['a', 'b'],
    });
  });

  it('names every bad variable at once, without echoing secrets', () => {
    let error: ConfigError | undefined;
    try {
      readConfig(spec, { PORT: '70000', DATABASE_URL: 'mysql://user:s3cret@h/db', MODE: 'c', FLAG: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'PORT must be at most 65535, got 70000',
      'DATABASE_URL must use postgres:, got mysql:',
      'MODE must be one of a, b, got "c"',
      'FLAG must be true or false, got "maybe"',
    ]);
    expect(error!.message).not.toContain('s3cret');
  });

  it('reports a missing required variable', () => {
    expect(() => readConfig(spec, { DATABASE_URL: 'postgres://h/db' })).toThrow('PORT is required');
  });
});
