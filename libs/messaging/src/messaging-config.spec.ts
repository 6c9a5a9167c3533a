import { ConfigError, readConfig, serviceSettings } from '@ccsc/platform';
import { kafkaSasl, messagingSettings } from './messaging-config';

// Every service reads these alongside NODE_ENV, which decides what production refuses.
const settings = { NODE_ENV: serviceSettings.NODE_ENV, ...messagingSettings };
const problemsOf = (source: Record<string, string>): string[] => {
  try {
    readConfig(settings, source);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};
const scram = {
  KAFKA_BROKERS: 'kafka:9092',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'cases',
  KAFKA_SASL_PASSWORD: '9f8e7d6c5b4a',
};

describe('Kafka SASL settings', () => {
  it('are optional, and without them the client does not authenticate', () => {
    const config = readConfig(settings, { KAFKA_BROKERS: 'kafka:9092' });
    expect(kafkaSasl(config)).toBeUndefined();
  });

  it('give the client its principal', () => {
    expect(kafkaSasl(readConfig(settings, scram))).toEqual({
      mechanism: 'SCRAM-SHA-512',
      username: 'cases',
      password: '9f8e7d6c5b4a',
    });
    expect(kafkaSasl(readConfig(settings, { ...scram, KAFKA_SASL_MECHANISM: 'plain' }))).toMatchObject({
      mechanism: 'PLAIN',
    });
  });

  it('name an unknown mechanism and credentials without a mechanism, or a mechanism without credentials', () => {
    expect(problemsOf({ ...scram, KAFKA_SASL_MECHANISM: 'gssapi' })).toEqual([
      'KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, plain, got "gssapi"',
    ]);
    expect(
      problemsOf({ KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cases' }),
    ).toEqual(['KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD']);
    expect(problemsOf({ KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_USERNAME: 'cases', KAFKA_SASL_PASSWORD: 'x' })).toEqual(
      ['KAFKA_SASL_MECHANISM is required with KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD'],
    );
  });

  describe('in production', () => {
    const problems = (source: Record<string, string>) => problemsOf({ NODE_ENV: 'production', ...source });

    it('are required with Kafka, and not without it (the in-process bus)', () => {
      expect(problems({ KAFKA_BROKERS: 'kafka:9092' })).toEqual([
        'KAFKA_SASL_MECHANISM is required in production when KAFKA_BROKERS is set: every service authenticates as its own principal',
      ]);
      expect(problems({})).toEqual([]);
      expect(problems(scram)).toEqual([]);
    });

    it('refuse PLAIN, which sends the password in clear, and the published demo passwords', () => {
      expect(problems({ ...scram, KAFKA_SASL_MECHANISM: 'plain' })).toEqual([
        'KAFKA_SASL_MECHANISM plain sends the password in clear, refused in production: use scram-sha-512',
      ]);
      const demo = problems({ ...scram, KAFKA_SASL_PASSWORD: 'demo-cases-kafka' });
      expect(demo).toEqual(['KAFKA_SASL_PASSWORD is a published demo or sandbox value, refused in production']);
    });
  });
});
