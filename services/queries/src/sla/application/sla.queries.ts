import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SlaPolicy } from '../domain/sla-policy';
import { SlaClockRepository } from '../infrastructure/sla-clock.repository';

@Injectable()
export class SlaQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: SlaClockRepository,
  ) {}

  policies(): Promise<SlaPolicy[]> {
    return this.clocks.policies(this.dataSource.manager);
  }
}
