import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { enquirySlaBreachedV1 } from '@ccsc/contracts';
import { execute, query, queryOne, rawSql, sql, type Queryable, type Sql } from '@ccsc/platform';
import type { SlaClock, SlaClockKind, SlaClockStatus, SlaFlag, SlaUnit } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';

/** A clock as stored (and as `row_to_json` gives it, timestamps then being strings). */
export interface ClockRow {
  enquiry_id: string;
  clock: SlaClockKind;
  unit: SlaUnit;
  amount: string;
  status: SlaClockStatus;
  flag: SlaFlag;
  started_at: Date | string;
  due_at: Date | string | null;
  at_risk_at: Date | string | null;
  paused_at: Date | string | null;
  remaining: number | null;
  stopped_at: Date | string | null;
  met: boolean | null;
  calendar_version: string;
}

const CLOCK_COLUMNS = rawSql(`enquiry_id, clock, unit, amount, status, flag, started_at, due_at, at_risk_at, paused_at,
  remaining, stopped_at, met, calendar_version`);

const instant = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function clockFromRow(row: ClockRow): SlaClock {
  return {
    clock: row.clock,
    unit: row.unit,
    amount: Number(row.amount),
    status: row.status,
    flag: row.flag,
    startedAt: new Date(row.started_at),
    dueAt: instant(row.due_at),
    atRiskAt: instant(row.at_risk_at),
    pausedAt: instant(row.paused_at),
    remaining: row.remaining,
    stoppedAt: instant(row.stopped_at),
    met: row.met,
    calendarVersion: row.calendar_version,
  };
}

/** What one breach run flagged. */
export interface SlaFlagCounts {
  atRisk: number;
  breached: number;
}

/**
 * The scheduled SLA run as one statement over every running clock: it flags clocks whose at-risk
 * moment has passed as at risk, those whose due moment has passed as breached, and writes one
 * `enquiry-sla-breached` event per new breach into the outbox in the same statement (so in the
 * same transaction). Due moments were computed with the working-day calendar when each clock
 * started or resumed, so the run only compares instants and the partial index on `at_risk_at`
 * confines it to clocks that can change. A clock is flagged breached once: a rerun finds nothing.
 *
 * The envelope is built exactly as `appendToOutbox` builds it (the integration test checks it
 * against the event schema).
 */
function breachRun(now: Date): Sql {
  const topic = enquirySlaBreachedV1.topic;
  const type = enquirySlaBreachedV1.type;
  return sql`
  WITH flagged AS (
    UPDATE enquiry_sla_clocks c
    SET flag = CASE WHEN c.due_at <= ${now} THEN 'breached' ELSE 'at-risk' END,
        breached_at = CASE WHEN c.due_at <= ${now} THEN ${now}::timestamptz END
    WHERE c.status = 'running' AND c.flag <> 'breached' AND c.at_risk_at <= ${now}
      AND (c.flag = 'on-track' OR c.due_at <= ${now})
    RETURNING c.enquiry_id, c.clock, c.due_at, c.flag
  ),
  breaches AS (
    SELECT gen_random_uuid() AS id, f.enquiry_id, f.clock, f.due_at, e.case_id
    FROM flagged f JOIN enquiries e ON e.id = f.enquiry_id
    WHERE f.flag = 'breached'
  ),
  published AS (
    INSERT INTO outbox (id, topic, message_key, type, envelope)
    SELECT b.id, ${topic}::text, b.enquiry_id::text, ${type}::text, jsonb_build_object(
      'specversion', '1.0', 'id', b.id, 'source', 'queries', 'type', ${type}::text, 'subject', b.enquiry_id,
      'time', to_char(${now}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'datacontenttype', 'application/json', 'actor', 'system',
      'data', jsonb_strip_nulls(jsonb_build_object(
        'enquiryId', b.enquiry_id, 'clock', b.clock, 'caseId', b.case_id,
        'dueAt', to_char(b.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))
    FROM breaches b ORDER BY b.due_at
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM flagged WHERE flag = 'at-risk')::int AS "atRisk",
         (SELECT count(*) FROM published)::int AS breached`;
}

// The breach run's statement as text and parameters, for bench/queries-sla-breach to EXPLAIN it.
export const SLA_BREACH_RUN_SQL = breachRun(new Date(0)).toQuery().text;
export const slaBreachRunParams = (now: Date): unknown[] => breachRun(now).toQuery().values;

/** An enquiry's SLA clocks, the policy table they start from, and the run that flags them. */
@Injectable()
export class SlaClockRepository {
  async policies(manager: EntityManager): Promise<SlaPolicy[]> {
    const rows = await query<Omit<SlaPolicy, 'amount'> & { amount: string }>(
      manager,
      sql`SELECT channel, category, clock, unit, amount FROM sla_policies`,
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  /** One row per channel, category and clock (NULLS NOT DISTINCT): saving replaces the target. */
  async savePolicy(manager: EntityManager, policy: SlaPolicy): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO sla_policies (channel, category, clock, unit, amount)
          VALUES (${policy.channel}, ${policy.category}, ${policy.clock}, ${policy.unit}, ${policy.amount})
          ON CONFLICT (channel, category, clock) DO UPDATE SET unit = excluded.unit, amount = excluded.amount`,
    );
  }

  /** Inserts or replaces the clocks; the flag set by the breach run is kept unless the clock restarted on track. */
  async save(manager: EntityManager, enquiryId: string, clocks: readonly SlaClock[]): Promise<void> {
    for (const c of clocks) {
      await execute(
        manager,
        sql`INSERT INTO enquiry_sla_clocks (${CLOCK_COLUMNS})
            VALUES (${enquiryId}, ${c.clock}, ${c.unit}, ${c.amount}, ${c.status}, ${c.flag}, ${c.startedAt},
                    ${c.dueAt}, ${c.atRiskAt}, ${c.pausedAt}, ${c.remaining}, ${c.stoppedAt}, ${c.met},
                    ${c.calendarVersion})
            ON CONFLICT (enquiry_id, clock) DO UPDATE SET status = excluded.status,
              -- The run may have flagged the clock since this command read it: a breach is never undone, and
              -- another flag gives way only to a clock that restarted (a new due moment).
              flag = CASE WHEN enquiry_sla_clocks.flag = 'breached' THEN 'breached'
                          WHEN excluded.due_at IS DISTINCT FROM enquiry_sla_clocks.due_at THEN excluded.flag
                          ELSE enquiry_sla_clocks.flag END,
              due_at = excluded.due_at,
              at_risk_at = excluded.at_risk_at, paused_at = excluded.paused_at, remaining = excluded.remaining,
              stopped_at = excluded.stopped_at, met = excluded.met, calendar_version = excluded.calendar_version`,
      );
    }
  }

  /** Flags every clock that is now at risk or breached and publishes the breaches, in one statement. */
  async flagDue(runner: Queryable, now: Date): Promise<SlaFlagCounts> {
    const counts = await queryOne<SlaFlagCounts>(runner, breachRun(now));
    return counts ?? { atRisk: 0, breached: 0 };
  }
}
