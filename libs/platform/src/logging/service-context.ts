import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `work` as the named service: everything it starts (its HTTP server, timers, consumers)
 * logs under that name. Only needed where several services share one process (`npm start`, the
 * tests): the framework's own loggers are process-wide, so without this every service's framework
 * lines would carry the name of whichever service started last.
 */
export function runAsService<T>(service: string, work: () => T): T {
  return current.run(service, work);
}

/** The service the current work belongs to, when the process runs several. */
export function currentService(): string | undefined {
  return current.getStore();
}
