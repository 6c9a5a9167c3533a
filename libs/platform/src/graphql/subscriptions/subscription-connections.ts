/** What a live connection needs to be closed: a `ws` WebSocket. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
  terminate(): void;
}

/** WebSocket's 1001: the server is going away; a graphql-ws client reconnects (to another replica). */
export const GOING_AWAY = 1001;
/** How long a closed connection has to finish its closing handshake before it is cut. */
const CLOSE_GRACE_MS = 2_000;
/** setTimeout's longest delay (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The service's open graphql-ws connections. HTTP stops first on SIGTERM (runServiceApp), and the HTTP
 * server's close waits for every connection, upgraded ones included: these are closed then, rather than
 * holding the shutdown until its deadline.
 */
export class SubscriptionConnections {
  private readonly sockets = new Set<ClosableSocket>();

  add(socket: ClosableSocket): void {
    this.sockets.add(socket);
  }

  delete(socket: ClosableSocket): void {
    this.sockets.delete(socket);
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Closes every connection with 1001 Going Away, and cuts any still open `graceMs` later. */
  closeAll(graceMs = CLOSE_GRACE_MS): void {
    const closing = [...this.sockets];
    this.sockets.clear();
    for (const socket of closing) socket.close(GOING_AWAY, 'The service is stopping');
    if (closing.length > 0) setTimeout(() => closing.forEach((socket) => socket.terminate()), graceMs).unref();
  }
}

/**
 * Calls `expire` once `expiresAt` has passed (at once if it has), however far off it is; returns the
 * cancellation. Timers longer than setTimeout's limit are re-armed rather than firing early.
 */
export function onExpiry(expiresAt: Date, expire: () => void, now: () => number = Date.now): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = expiresAt.getTime() - now();
    if (remaining <= 0) {
      timer = undefined;
      expire();
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
