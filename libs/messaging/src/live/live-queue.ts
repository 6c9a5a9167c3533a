/** Values held for a subscriber that has not taken them, by default; older ones are dropped first. */
export const LIVE_QUEUE_CAPACITY = 100;

/**
 * A subscriber's stream of live values: an async iterator that `push` feeds and that ends when the
 * subscriber returns it (a GraphQL subscription completed, its connection closed) or `end` is called.
 * Unlike an async generator it ends at once, even while a `next()` is waiting: a generator suspended in
 * an `await` takes its `return()` only after the awaited value arrives, which for a quiet feed is never.
 * It holds at most `capacity` values a slow subscriber has not taken, dropping the oldest: what it
 * carries is a live notification, and the data stays queryable.
 */
export class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private waiting?: (result: IteratorResult<T, undefined>) => void;
  private ended = false;
  /** Values dropped because the subscriber fell `capacity` behind. */
  dropped = 0;

  constructor(
    private readonly onEnd: () => void = () => undefined,
    private readonly capacity = LIVE_QUEUE_CAPACITY,
  ) {}

  get isEnded(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ done: false, value });
      return;
    }
    this.values.push(value);
    if (this.values.length > this.capacity) {
      this.values.shift();
      this.dropped += 1;
    }
  }

  /** Ends the stream: a waiting `next()` resolves as done, and so does every later one. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.values.length = 0;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ done: true, value: undefined });
    this.onEnd();
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.values.length > 0) return Promise.resolve({ done: false, value: this.values.shift() as T });
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    // One reader at a time (a GraphQL subscription reads in turn); a second waiting reader would replace the first.
    this.waiting?.({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * The values of `source` through `project`, which may drop one by resolving to undefined (an event the
 * subscriber may no longer see). Returning it returns `source` at once, even while a value is being
 * projected, whose result is then dropped; a projection that fails ends the stream with its error.
 */
export function mapLive<T, R>(
  source: AsyncIterator<T>,
  project: (value: T) => Promise<R | undefined>,
): AsyncIterableIterator<R> {
  let done = false;
  const finish = async (): Promise<IteratorResult<R, undefined>> => {
    if (!done) {
      done = true;
      await source.return?.();
    }
    return { done: true, value: undefined };
  };
  return {
    async next() {
      while (!done) {
        const item = await source.next();
        if (item.done) return finish();
        let projected: R | undefined;
        try {
          projected = await project(item.value);
        } catch (error) {
          await finish();
          throw error;
        }
        if (done) break;
        if (projected !== undefined) return { done: false, value: projected };
      }
      return { done: true, value: undefined };
    },
    return: finish,
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
