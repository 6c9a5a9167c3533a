import { ConfigError } from '../config/config';

/** Runs a process's main function; a configuration error is printed plainly and exits non-zero. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `${JSON.stringify({ level: 'fatal', msg: 'startup failed', err: String((error as Error)?.stack ?? error) })}\n`,
      );
    }
    process.exit(1);
  });
}
