import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../http/public.decorator';
import { Metrics } from '../metrics/metrics';
import { HealthRegistry } from './health.registry';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly metrics: Metrics,
  ) {}

  /** The process is up and its event loop answers; restart it if not. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Send traffic here only when the database is reachable and migrated. The status is for every
   * probe; which check failed and why (errors, pending migrations) only for whoever may read metrics.
   */
  @Get('ready')
  async ready(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const { ready, checks } = await this.registry.readiness();
    const status = ready ? 'ok' : 'unavailable';
    res.status(ready ? 200 : 503).json(this.metrics.access.allows(authorization) ? { status, checks } : { status });
  }
}
