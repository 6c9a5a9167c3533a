/** Retries an assertion until it passes or the time is up: for effects that arrive through events. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** The next value of an async iterator (a subscription's messages) within `ms`, or 'nothing' if none comes. */
export async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<T | 'nothing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'nothing'>((resolve) => (timer = setTimeout(() => resolve('nothing'), ms)));
  try {
    const next = iterator.next().then((r) => (r.done ? ('nothing' as const) : r.value));
    return await Promise.race([next, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
