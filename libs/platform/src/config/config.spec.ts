import { ConfigError, env, readConfig, refine } from './config';

const spec = {
  PORT: env.int('port', undefined, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('db', ['postgres:']),
  MODE: env.oneOf('mode', ['a', 'b'] as const, 'a'),
  FLAG: env.bool('flag', false),
  HOSTS: env.list('hosts', ['x']),
};

describe('readConfig', () => {
  it('reads, converts and defaults values', () => {
    expect(
      readConfig(spec, { PORT: '4101', DATABASE_URL: 'postgres://u:p@h/db', FLAG: 'true', HOSTS: 'a, b' }),
    ).toEqual({
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

describe('checks across settings', () => {
  const secrets = {
    NODE_ENV: env.oneOf('mode', ['development', 'production'] as const, 'development'),
    SECRET: env.secret('secret', ['sandbox-default']),
    PAIRED: refine(env.optional('needs SECRET'), (value, config) =>
      value && !config.SECRET ? 'needs SECRET' : undefined,
    ),
  };

  it('refuses published secrets in production only, without echoing them', () => {
    for (const published of ['sandbox-default', 'demo-card-callback-secret', 'admin']) {
      expect(() => readConfig(secrets, { NODE_ENV: 'production', SECRET: published })).toThrow(
        /SECRET is a published demo or sandbox value, refused in production/,
      );
      expect(readConfig(secrets, { NODE_ENV: 'development', SECRET: published }).SECRET).toBe(published);
    }
    expect(readConfig(secrets, { NODE_ENV: 'production', SECRET: 'f3a9c0d1e2' }).SECRET).toBe('f3a9c0d1e2');
    expect(() => readConfig(secrets, { NODE_ENV: 'production', SECRET: 'sandbox-default' })).not.toThrow(
      /sandbox-default/,
    );
  });

  it('runs a check with the other values and reports it with the parse problems', () => {
    expect(() => readConfig(secrets, { PAIRED: 'x' })).toThrow('PAIRED needs SECRET');
    let error: ConfigError | undefined;
    try {
      readConfig(secrets, { NODE_ENV: 'production', SECRET: 'admin', PAIRED: 'x' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual(['SECRET is a published demo or sandbox value, refused in production']);
  });

  it('skips the checks of a setting that did not parse', () => {
    const spec = { PORT: refine(env.int('port'), () => 'never reached') };
    expect(() => readConfig(spec, { PORT: 'x' })).toThrow(
      /^Invalid configuration:\n {2}- PORT must be a whole number, got "x"$/,
    );
  });
});
