import { PUBLISHED_SECRETS } from './published-values';

export { DEMO_REALM, namesDemoRealm, PUBLISHED_SECRETS } from './published-values';

// Every setting comes from the environment and is validated once, at boot. A bad or missing value
// stops the process with a message that names the variable, instead of failing later mid-request.

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface Setting<T> {
  readonly description: string;
  parse(raw: string | undefined, name: string): T;
  /**
   * What is wrong with this value given the others (every setting has been read by then), e.g. what
   * production refuses; undefined when nothing is. The message follows the variable's name.
   */
  check?(value: T, config: Readonly<Record<string, unknown>>): string | undefined;
}

type Source = Record<string, string | undefined>;
export type ConfigSpec = Record<string, Setting<unknown>>;
export type Config<S extends ConfigSpec> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

class Invalid extends Error {}

function setting<T>(description: string, fallback: T | undefined, convert: (raw: string) => T): Setting<T> {
  return {
    description,
    parse(raw) {
      if (raw === undefined || raw.trim() === '') {
        if (fallback === undefined) throw new Invalid('is required');
        return fallback;
      }
      return convert(raw.trim());
    },
  };
}

export const env = {
  string: (description: string, fallback?: string) => setting(description, fallback, (raw) => raw),

  optional: (description: string): Setting<string | undefined> => ({
    description,
    parse: (raw) => (raw === undefined || raw.trim() === '' ? undefined : raw.trim()),
  }),

  int: (description: string, fallback?: number, range: { min?: number; max?: number } = {}) =>
    setting(description, fallback, (raw) => {
      if (!/^-?\d+$/.test(raw)) throw new Invalid(`must be a whole number, got "${raw}"`);
      const value = Number(raw);
      if (range.min !== undefined && value < range.min)
        throw new Invalid(`must be at least ${range.min}, got ${value}`);
      if (range.max !== undefined && value > range.max) throw new Invalid(`must be at most ${range.max}, got ${value}`);
      return value;
    }),

  bool: (description: string, fallback?: boolean) =>
    setting(description, fallback, (raw) => {
      if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
      throw new Invalid(`must be true or false, got "${raw}"`);
    }),

  oneOf: <T extends string>(description: string, values: readonly T[], fallback?: T) =>
    setting<T>(description, fallback, (raw) => {
      if (!(values as readonly string[]).includes(raw))
        throw new Invalid(`must be one of ${values.join(', ')}, got "${raw}"`);
      return raw as T;
    }),

  url: (description: string, protocols: string[], fallback?: string) =>
    setting(description, fallback, (raw) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        // The value may hold a password: never echo it.
        throw new Invalid('must be a URL');
      }
      if (!protocols.includes(url.protocol))
        throw new Invalid(`must use ${protocols.join(' or ')}, got ${url.protocol}`);
      return raw;
    }),

  optionalUrl: (description: string, protocols: string[]): Setting<string | undefined> => {
    const inner = env.url(description, protocols);
    return { description, parse: (raw, name) => (raw?.trim() ? inner.parse(raw, name) : undefined) };
  },

  list: (description: string, fallback?: string[]) =>
    setting(description, fallback, (raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),

  /**
   * Exact origins (scheme://host[:port], as a browser sends them), comma-separated: no wildcard, path or
   * trailing slash, and only the schemes given.
   */
  origins: (description: string, protocols: string[], fallback?: string[]) =>
    refine(env.list(description, fallback), (origins) => {
      const bad = origins.find((origin) => !isOrigin(origin, protocols));
      return bad === undefined ? undefined : `must list origins (${protocols.join(' or ')}//host[:port]), got "${bad}"`;
    }),

  optionalOneOf: <T extends string>(description: string, values: readonly T[]): Setting<T | undefined> => {
    const inner = env.oneOf(description, values);
    return { description, parse: (raw, name) => (raw?.trim() ? inner.parse(raw, name) : undefined) };
  },

  /**
   * An optional secret. Production refuses the values this repository publishes (the demo's, and
   * `published`, e.g. a sandbox default): a deployment that copied one would accept forged requests.
   */
  secret: (description: string, published: readonly string[] = []): Setting<string | undefined> => ({
    ...env.optional(description),
    check: (value, config) =>
      value !== undefined && inProduction(config) && (PUBLISHED_SECRETS.includes(value) || published.includes(value))
        ? 'is a published demo or sandbox value, refused in production'
        : undefined,
  }),
};

/** An exact origin as a browser sends it, with one of the schemes given (`https:`). */
export function isOrigin(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    // URL takes `*` as a host character; an origin never has one.
    return url.origin === value && protocols.includes(url.protocol) && !value.includes('*');
  } catch {
    return false;
  }
}

/** Whether the settings read so far put the process in production mode. */
export const inProduction = (config: Readonly<Record<string, unknown>>) => config.NODE_ENV === 'production';

/** The setting with one more check, run after the ones it already has. */
export function refine<T>(inner: Setting<T>, check: NonNullable<Setting<T>['check']>): Setting<T> {
  return {
    ...inner,
    check: (value, config) => inner.check?.(value, config) ?? check(value, config),
  };
}

/** Reads and validates every setting of the spec, reporting all the bad ones at once. */
export function readConfig<S extends ConfigSpec>(spec: S, source: Source = process.env): Config<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) {
    try {
      values[name] = s.parse(source[name], name);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      problems.push(`${name} ${error.message}`);
    }
  }
  // Checks that look at other settings run once all are read, and only on values that parsed.
  for (const [name, s] of Object.entries(spec)) {
    if (!(name in values) || !s.check) continue;
    const problem = s.check(values[name], values);
    if (problem) problems.push(`${name} ${problem}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config<S>;
}
