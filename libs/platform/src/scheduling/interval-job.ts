import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { SERVICE_CONFIG } from '../platform.module';
import { inWorkScope } from '../scope/work-scope';

/**
 * A scheduled run (SLA flags, the default run) on an interval: runs never overlap, a failed run is
 * logged and the next tick tries again, and shutdown waits for the run in hand. An interval of 0 turns
 * it off (the tests call the use case themselves). The runs are set-based and idempotent, so several
 * replicas each running it is harmless.
 */
export class IntervalJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run now, unless one is already going. */
  tick(): Promise<void> {
    this.running ??= inWorkScope({ operation: `run ${this.name}` }, () => this.work())
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, `${this.name} failed; the next interval retries`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/**
 * A Nest provider that runs `useCase.run()` every `intervalOf(config)` milliseconds while the
 * application is up (see IntervalJob), reading the interval from the service's configuration.
 */
export function scheduledRun<C extends object>(
  name: string,
  useCase: Type<{ run(): Promise<unknown> }>,
  intervalOf: (config: C) => number,
): Type<unknown> {
  @Injectable()
  class ScheduledRun implements OnApplicationBootstrap, OnApplicationShutdown {
    private readonly job: IntervalJob;

    constructor(@Inject(useCase) run: { run(): Promise<unknown> }, @Inject(SERVICE_CONFIG) config: C) {
      this.job = new IntervalJob(name, intervalOf(config), () => run.run());
    }

    onApplicationBootstrap() {
      this.job.start();
    }

    onApplicationShutdown() {
      return this.job.stop();
    }
  }
  return ScheduledRun;
}
