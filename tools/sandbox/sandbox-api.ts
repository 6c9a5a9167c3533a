// The partner REST API through the gateway, as the sandbox seed calls it: one caller's bearer token,
// JSON in and out, problem+json turned into an error that names the call and what the platform said.

/** How many times a request the gateway turned away for a moment (429, 503) is sent again. */
const ATTEMPTS = 6;
/** The longest the seed waits before sending one again, whatever Retry-After says. */
const MAX_RETRY_AFTER_MS = 10_000;

export class SandboxApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${describeProblem(body)}`);
  }
}

/** One caller of the partner API: the firm's user, or a member of the court's staff. */
export class SandboxApi {
  constructor(
    private readonly gatewayUrl: string,
    private readonly token: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  /** A GET whose 404 means "not there (yet)", not a failure. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.send<T>('GET', path);
    } catch (error) {
      if (error instanceof SandboxApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${this.gatewayUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const parsed = parseBody(await res.text());
      // 429 (the gateway's rate limit) and 503 (a database busy for a moment) changed nothing: try again.
      if ((res.status === 429 || res.status === 503) && attempt < ATTEMPTS) {
        await sleep(retryAfterMs(res.headers.get('retry-after')));
        continue;
      }
      if (!res.ok) throw new SandboxApiError(method, path, res.status, parsed);
      return parsed as T;
    }
  }
}

/** JSON, as the platform answers; anything else (a proxy's error page) as the text it is. */
function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 1000;
}

function describeProblem(body: unknown): string {
  if (typeof body !== 'object' || body === null) return String(body);
  const problem = body as { detail?: string; title?: string; errors?: { field: string; message: string }[] };
  const fields = (problem.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
  return [problem.detail ?? problem.title ?? JSON.stringify(body), fields].filter(Boolean).join(': ');
}
