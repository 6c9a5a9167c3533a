import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { accountDefaultedV1, enforcementActionTakenV2, warrantStatusChangedV1 } from '@ccsc/contracts';
import type { LocalDate } from '@ccsc/calendar';
import { execute, queryOne, Sql, sql } from '@ccsc/platform';
import { ACTIONS, ACTION_IDS, FIRST_ACTIONS } from '../../action/domain/enforcement-actions';
import { WARRANT_VALIDITY_DAYS } from '../../warrant/domain/warrant';
import { EnforcementPath } from '../domain/enforcement-paths';

/**
 * The default run as ONE statement over every live account not on hold: what the terms expected
 * before the day (the same rule as `arrearsOn`, in SQL), the arrears against what was paid or
 * written off, the missed instalments (or days overdue) against the path's threshold. Accounts
 * newly in default are marked and get the path's first action; accounts already in default and
 * still in arrears get the next step once its gap has passed, if the last action permits it.
 * Every step after the first waits at least a day, so a second run on the same day finds nothing.
 * Warrants past their expiry date unexecuted expire in the same run.
 *
 * The run's events go into the outbox from the same statement. A national run defaults tens of
 * thousands of accounts, and building and checking each envelope in Node took twice as long as the
 * run itself (the benchmark measured it), so here alone the envelope is built in SQL, in exactly
 * appendToOutbox's shape; the integration test checks those events against their contracts.
 */
function defaultRunStatement(runOn: LocalDate, paths: readonly EnforcementPath[], now: Date, actor: string): Sql {
  const thresholds = {
    path: paths.map((p) => p.id),
    weekly: paths.map((p) => p.missedToDefault.weekly),
    fortnightly: paths.map((p) => p.missedToDefault.fortnightly),
    monthly: paths.map((p) => p.missedToDefault.monthly),
    overdueDays: paths.map((p) => p.daysOverdueToDefault),
  };
  const pathSteps = paths.flatMap((p) => p.steps.map((s, i) => ({ path: p.id, step: i, ...s })));
  const steps = {
    path: pathSteps.map((s) => s.path),
    step: pathSteps.map((s) => s.step),
    action: pathSteps.map((s) => s.action),
    gapDays: pathSteps.map((s) => s.gapDays),
  };
  const permitted = [
    ...ACTION_IDS.flatMap((from) => ACTIONS[from].next.map((to) => [from, to] as const)),
    ...FIRST_ACTIONS.map((to) => ['', to] as const),
  ];
  const transitions = { from: permitted.map((t) => t[0]), to: permitted.map((t) => t[1]) };
  const warrantActions = ACTION_IDS.filter((a) => ACTIONS[a].createsWarrant);
  const { topic, type: defaulted } = accountDefaultedV1;
  const [actionTaken, warrantChanged] = [enforcementActionTakenV2.type, warrantStatusChangedV1.type];
  const at = now.toISOString();
  return sql`
WITH thresholds AS (
  SELECT * FROM unnest(${thresholds.path}::text[], ${thresholds.weekly}::int[], ${thresholds.fortnightly}::int[],
                       ${thresholds.monthly}::int[], ${thresholds.overdueDays}::int[])
           AS t(path, weekly, fortnightly, monthly, overdue_days)
), steps AS (
  SELECT * FROM unnest(${steps.path}::text[], ${steps.step}::int[], ${steps.action}::text[], ${steps.gapDays}::int[])
           AS s(path, step, action, gap_days)
), transitions AS (
  SELECT * FROM unnest(${transitions.from}::text[], ${transitions.to}::text[]) AS p(from_action, to_action)
), due AS (
  SELECT a.id, a.enforcement_path, a.defaulted_on, a.path_step, a.last_action, a.last_action_on, a.terms_kind,
         a.frequency, a.instalment_pence, a.pay_by, a.first_instalment, a.lump_sum_due,
         -- Terms pay what was left when they were set (AccountStanding): the total and the credits count from there.
         a.paid_pence + a.written_off_pence - t.before AS credited,
         LEAST(COALESCE(a.lump_sum_pence, 0), t.total) AS lump, t.total,
         CASE a.frequency
           WHEN 'weekly' THEN (${runOn}::date - a.first_instalment - 1) / 7 + 1
           WHEN 'fortnightly' THEN (${runOn}::date - a.first_instalment - 1) / 14 + 1
           ELSE m.months
                + CASE WHEN (a.first_instalment + m.months * interval '1 month')::date < ${runOn}::date THEN 1 ELSE 0 END
         END AS instalments_due
    FROM fine_accounts a
    CROSS JOIN LATERAL (SELECT LEAST(a.credited_before_terms_pence, a.paid_pence + a.written_off_pence) AS before) b
    CROSS JOIN LATERAL (SELECT GREATEST(a.imposed_pence - b.before, 0) AS total, b.before) t
    CROSS JOIN LATERAL (
      SELECT ((extract(year FROM ${runOn}::date) - extract(year FROM a.first_instalment)) * 12
             + extract(month FROM ${runOn}::date) - extract(month FROM a.first_instalment))::int AS months
    ) m
   WHERE a.status = 'live' AND NOT a.on_hold
), expected AS (
  SELECT d.*,
         CASE WHEN d.terms_kind = 'pay-by-date' THEN CASE WHEN d.pay_by < ${runOn}::date THEN d.total ELSE 0 END
              ELSE CASE WHEN d.lump_sum_due < ${runOn}::date THEN d.lump ELSE 0 END
                 + CASE WHEN d.first_instalment < ${runOn}::date
                        THEN LEAST(d.instalments_due * d.instalment_pence, d.total - d.lump) ELSE 0 END
         END AS expected_pence
    FROM due d
), assessed AS (
  SELECT e.*, GREATEST(e.expected_pence - e.credited, 0) AS arrears,
         CASE WHEN e.terms_kind = 'pay-by-date' THEN ${runOn}::date - e.pay_by
              ELSE ceil(GREATEST(e.expected_pence - e.credited, 0)::numeric / e.instalment_pence)::int END AS missed,
         CASE WHEN e.terms_kind = 'pay-by-date' THEN t.overdue_days
              WHEN e.frequency = 'weekly' THEN t.weekly WHEN e.frequency = 'fortnightly' THEN t.fortnightly
              ELSE t.monthly END AS threshold
    FROM expected e JOIN thresholds t ON t.path = e.enforcement_path
), newly AS (
  UPDATE fine_accounts a
     SET defaulted_on = ${runOn}::date, arrears_pence = x.arrears,
         path_step = CASE WHEN p.to_action IS NULL THEN a.path_step ELSE 0 END,
         last_action = COALESCE(p.to_action, a.last_action),
         last_action_on = CASE WHEN p.to_action IS NULL THEN a.last_action_on ELSE ${runOn}::date END
    FROM assessed x
    JOIN steps s ON s.path = x.enforcement_path AND s.step = 0
    LEFT JOIN transitions p ON p.from_action = COALESCE(x.last_action, '') AND p.to_action = s.action
   WHERE a.id = x.id AND x.defaulted_on IS NULL AND x.arrears > 0 AND x.missed >= x.threshold
  RETURNING a.id, a.account_number, a.case_id, x.arrears, p.to_action AS action
), advanced AS (
  UPDATE fine_accounts a
     SET path_step = s.step, last_action = s.action, last_action_on = ${runOn}::date, arrears_pence = x.arrears
    FROM assessed x
    JOIN steps s ON s.path = x.enforcement_path AND s.step = x.path_step + 1
    JOIN transitions p ON p.from_action = x.last_action AND p.to_action = s.action
   WHERE a.id = x.id AND x.defaulted_on IS NOT NULL AND x.arrears > 0
     AND x.last_action_on + s.gap_days <= ${runOn}::date
  RETURNING a.id, a.case_id, s.action
), taken AS (
  INSERT INTO enforcement_actions (id, account_id, action, details, taken_by, taken_at, taken_on)
  SELECT gen_random_uuid(), t.id, t.action, '{}', 'default-run', ${now}, ${runOn}::date
    FROM (SELECT id, action FROM newly WHERE action IS NOT NULL UNION ALL SELECT id, action FROM advanced) t
  ON CONFLICT DO NOTHING
  RETURNING id, account_id, action
), warranted AS (
  INSERT INTO warrants (id, account_id, action_id, kind, status, issued_on, expires_on, updated_at)
  SELECT gen_random_uuid(), account_id, id, action, 'issued', ${runOn}::date,
         ${runOn}::date + ${WARRANT_VALIDITY_DAYS}::int, ${now}
    FROM taken WHERE action = ANY(${warrantActions}::text[])
  RETURNING id
), expired AS (
  UPDATE warrants SET status = 'expired', updated_at = ${now}
   WHERE status IN ('issued', 'with-agent') AND expires_on < ${runOn}::date
  RETURNING id, account_id
), events AS (
  INSERT INTO outbox (id, topic, message_key, type, envelope)
  SELECT e.id, ${topic}, e.subject, e.type,
         jsonb_build_object('specversion', '1.0', 'id', e.id, 'source', 'enforcement', 'type', e.type,
                            'subject', e.subject, 'time', ${at}::text, 'datacontenttype', 'application/json',
                            'data', e.data, 'actor', ${actor}::text)
    FROM (
      SELECT gen_random_uuid() AS id, ${defaulted}::text AS type, n.id::text AS subject,
             jsonb_strip_nulls(jsonb_build_object('accountId', n.id, 'accountNumber', n.account_number,
                                                  'arrearsPence', n.arrears, 'caseId', n.case_id)) AS data
        FROM newly n
      UNION ALL
      SELECT gen_random_uuid(), ${actionTaken}::text, t.account_id::text,
             jsonb_strip_nulls(jsonb_build_object('accountId', t.account_id, 'actionId', t.id, 'action', t.action,
                                                  'takenAt', ${at}::text, 'caseId', COALESCE(n.case_id, v.case_id),
                                                  'takenBy', 'default-run'))
        FROM taken t LEFT JOIN newly n ON n.id = t.account_id LEFT JOIN advanced v ON v.id = t.account_id
      UNION ALL
      SELECT gen_random_uuid(), ${warrantChanged}::text, x.account_id::text,
             jsonb_build_object('accountId', x.account_id, 'warrantId', x.id, 'status', 'expired')
        FROM expired x
    ) e
  RETURNING type
)
SELECT count(*) FILTER (WHERE type = ${defaulted})::int AS defaulted,
       count(*) FILTER (WHERE type = ${actionTaken})::int AS actions,
       (SELECT count(*) FROM warranted)::int AS warrants,
       count(*) FILTER (WHERE type = ${warrantChanged})::int AS "expiredWarrants"
  FROM events`;
}

/** The statement as text and parameters, for the benchmark's EXPLAIN ANALYZE of exactly what runs. */
export const DEFAULT_RUN_SQL = defaultRunStatement('2000-01-01', [], new Date(0), 'system').toQuery().text;
export const defaultRunParams = (
  asOf: LocalDate,
  paths: readonly EnforcementPath[],
  now: Date,
  actor = 'system',
): unknown[] => defaultRunStatement(asOf, paths, now, actor).toQuery().values;

export interface DefaultRunCounts {
  defaulted: number;
  actions: number;
  warrants: number;
  expiredWarrants: number;
}

/** The default run's statement and its record of runs, in the caller's transaction. */
@Injectable()
export class DefaultRunRepository {
  /** One run at a time: a second caller waits here, then finds nothing left to do. */
  async lockRuns(manager: EntityManager): Promise<void> {
    await execute(manager, sql`SELECT pg_advisory_xact_lock(hashtext('enforcement-default-run'))`);
  }

  async run(
    manager: EntityManager,
    runOn: LocalDate,
    paths: readonly EnforcementPath[],
    now: Date,
    actor: string,
  ): Promise<DefaultRunCounts> {
    const counts = await queryOne<DefaultRunCounts>(manager, defaultRunStatement(runOn, paths, now, actor));
    if (!counts) throw new Error('The default run statement returned no counts');
    return counts;
  }

  async record(manager: EntityManager, runOn: LocalDate, startedAt: Date, counts: DefaultRunCounts): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO default_runs (run_on, started_at, finished_at, defaulted, actions)
          VALUES (${runOn}, ${startedAt}, clock_timestamp(), ${counts.defaulted}, ${counts.actions})`,
    );
  }
}
