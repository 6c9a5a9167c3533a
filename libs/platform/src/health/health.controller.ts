import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../http/public.decorator';
import { HealthRegistry } from './health.registry';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is up and its event loop answers; restart it if not. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Send traffic here only when the database is reachable and migrated. */
  @Get('ready')
  async ready(@Res() res: Response) {
    const { ready, checks } = await this.registry.readiness();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
  }
}
