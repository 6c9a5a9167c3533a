import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SLA_BREACH_RUN_SQL, slaBreachRunParams } from '../infrastructure/sla-breach.sql';

export interface SlaRunResult {
  /** Clocks newly flagged at risk. */
  atRisk: number;
  /** Clocks newly flagged breached, each with its event in the outbox. */
  breached: number;
  ranAt: Date;
}

/** The scheduled SLA run, also callable by staff: one statement for all open enquiries. */
@Injectable()
export class SlaBreachRun {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(now = new Date()): Promise<SlaRunResult> {
    const [row] = (await this.dataSource.query(SLA_BREACH_RUN_SQL, slaBreachRunParams(now))) as [{ atRisk: number; breached: number }];
    return { ...row, ranAt: now };
  }
}
