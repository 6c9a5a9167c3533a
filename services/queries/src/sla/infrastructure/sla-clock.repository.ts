import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaClock, SlaClockKind, SlaClockStatus, SlaFlag, SlaUnit } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';

interface ClockRow {
  enquiry_id: string;
  clock: SlaClockKind;
  unit: SlaUnit;
  amount: string;
  status: SlaClockStatus;
  flag: SlaFlag;
  started_at: Date;
  due_at: Date | null;
  at_risk_at: Date | null;
  paused_at: Date | null;
  remaining: number | null;
  stopped_at: Date | null;
  met: boolean | null;
  calendar_version: string;
}

export const CLOCK_COLUMNS = 'enquiry_id, clock, unit, amount, status, flag, started_at, due_at, at_risk_at, paused_at, remaining, stopped_at, met, calendar_version';

export function clockFromRow(row: ClockRow): SlaClock {
  return {
    clock: row.clock,
    unit: row.unit,
    amount: Number(row.amount),
    status: row.status,
    flag: row.flag,
    startedAt: new Date(row.started_at),
    dueAt: row.due_at && new Date(row.due_at),
    atRiskAt: row.at_risk_at && new Date(row.at_risk_at),
    pausedAt: row.paused_at && new Date(row.paused_at),
    remaining: row.remaining,
    stoppedAt: row.stopped_at && new Date(row.stopped_at),
    met: row.met,
    calendarVersion: row.calendar_version,
  };
}

/** An enquiry's SLA clocks and the policy table they start from. */
@Injectable()
export class SlaClockRepository {
  async policies(manager: EntityManager): Promise<SlaPolicy[]> {
    const rows = (await manager.query('SELECT channel, category, clock, unit, amount FROM sla_policies')) as (Omit<SlaPolicy, 'amount'> & { amount: string })[];
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  /** One row per channel, category and clock (NULLS NOT DISTINCT): saving replaces the target. */
  async savePolicy(manager: EntityManager, policy: SlaPolicy): Promise<void> {
    await manager.query(
      `INSERT INTO sla_policies (channel, category, clock, unit, amount) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel, category, clock) DO UPDATE SET unit = excluded.unit, amount = excluded.amount`,
      [policy.channel, policy.category, policy.clock, policy.unit, policy.amount],
    );
  }

  async forEnquiry(manager: EntityManager, enquiryId: string): Promise<SlaClock[]> {
    const rows = (await manager.query(`SELECT ${CLOCK_COLUMNS} FROM enquiry_sla_clocks WHERE enquiry_id = $1 ORDER BY clock`, [enquiryId])) as ClockRow[];
    return rows.map(clockFromRow);
  }

  /** Inserts or replaces the clocks; the flag set by the breach run is kept unless the clock restarted on track. */
  async save(manager: EntityManager, enquiryId: string, clocks: readonly SlaClock[]): Promise<void> {
    for (const c of clocks) {
      await manager.query(
        `INSERT INTO enquiry_sla_clocks (${CLOCK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (enquiry_id, clock) DO UPDATE SET status = excluded.status,
           -- The run may have flagged the clock since this command read it: a breach is never undone, and
           -- another flag gives way only to a clock that restarted (a new due moment).
           flag = CASE WHEN enquiry_sla_clocks.flag = 'breached' THEN 'breached'
                       WHEN excluded.due_at IS DISTINCT FROM enquiry_sla_clocks.due_at THEN excluded.flag
                       ELSE enquiry_sla_clocks.flag END,
           due_at = excluded.due_at,
           at_risk_at = excluded.at_risk_at, paused_at = excluded.paused_at, remaining = excluded.remaining,
           stopped_at = excluded.stopped_at, met = excluded.met, calendar_version = excluded.calendar_version`,
        [enquiryId, c.clock, c.unit, c.amount, c.status, c.flag, c.startedAt, c.dueAt, c.atRiskAt, c.pausedAt, c.remaining, c.stoppedAt, c.met, c.calendarVersion],
      );
    }
  }
}
