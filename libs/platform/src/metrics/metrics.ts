import { Controller, Get, Headers, Injectable, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { UnauthenticatedError } from '../errors/app-error';
import { Public } from '../http/public.decorator';
import { OperationsAccess } from './operations-access';

/**
 * The service's Prometheus registry. One per application rather than prom-client's global one, so
 * services started side by side in one process (`npm start`, tests) keep their figures apart; every
 * series carries a `service` label, so one dashboard serves all of them. `access` says who may read it.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor(
    readonly service: string,
    readonly access: OperationsAccess,
  ) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'ccsc_' });
  }
}

/** Latency buckets (seconds) shared by the HTTP and GraphQL histograms: 5 ms to 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Public to the token guard: Prometheus presents METRICS_TOKEN, not a user's token.
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    if (!this.metrics.access.allows(authorization)) throw new UnauthenticatedError('The metrics token is required');
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
