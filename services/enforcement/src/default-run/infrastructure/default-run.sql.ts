import { accountDefaultedV1, enforcementActionTakenV1, warrantStatusChangedV1 } from '@ccsc/contracts';
import { ACTIONS, ACTION_IDS, FIRST_ACTIONS } from '../../action/domain/enforcement-actions';
import { EnforcementPath } from '../domain/enforcement-paths';

/**
 * The default run as ONE statement over every live account not on hold: what the terms expected
 * before the day (the same rule as `expectedBy`, in SQL), the arrears against what was paid or
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
export const DEFAULT_RUN_SQL = `
WITH thresholds AS (
  SELECT * FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[]) AS t(path, weekly, fortnightly, monthly, overdue_days)
), steps AS (
  SELECT * FROM unnest($7::text[], $8::int[], $9::text[], $10::int[]) AS s(path, step, action, gap_days)
), transitions AS (
  SELECT * FROM unnest($11::text[], $12::text[]) AS p(from_action, to_action)
), due AS (
  SELECT a.id, a.enforcement_path, a.defaulted_on, a.path_step, a.last_action, a.last_action_on, a.terms_kind, a.frequency,
         a.instalment_pence, a.pay_by, a.first_instalment, a.lump_sum_due, a.paid_pence + a.written_off_pence AS credited,
         LEAST(COALESCE(a.lump_sum_pence, 0), a.imposed_pence) AS lump, a.imposed_pence,
         CASE a.frequency
           WHEN 'weekly' THEN ($1::date - a.first_instalment - 1) / 7 + 1
           WHEN 'fortnightly' THEN ($1::date - a.first_instalment - 1) / 14 + 1
           ELSE m.months + CASE WHEN (a.first_instalment + m.months * interval '1 month')::date < $1::date THEN 1 ELSE 0 END
         END AS instalments_due
    FROM fine_accounts a
    CROSS JOIN LATERAL (
      SELECT ((extract(year FROM $1::date) - extract(year FROM a.first_instalment)) * 12
             + extract(month FROM $1::date) - extract(month FROM a.first_instalment))::int AS months
    ) m
   WHERE a.status = 'live' AND NOT a.on_hold
), expected AS (
  SELECT d.*,
         CASE WHEN d.terms_kind = 'pay-by-date' THEN CASE WHEN d.pay_by < $1::date THEN d.imposed_pence ELSE 0 END
              ELSE CASE WHEN d.lump_sum_due < $1::date THEN d.lump ELSE 0 END
                 + CASE WHEN d.first_instalment < $1::date THEN LEAST(d.instalments_due * d.instalment_pence, d.imposed_pence - d.lump) ELSE 0 END
         END AS expected_pence
    FROM due d
), assessed AS (
  SELECT e.*, GREATEST(e.expected_pence - e.credited, 0) AS arrears,
         CASE WHEN e.terms_kind = 'pay-by-date' THEN $1::date - e.pay_by
              ELSE ceil(GREATEST(e.expected_pence - e.credited, 0)::numeric / e.instalment_pence)::int END AS missed,
         CASE WHEN e.terms_kind = 'pay-by-date' THEN t.overdue_days
              WHEN e.frequency = 'weekly' THEN t.weekly WHEN e.frequency = 'fortnightly' THEN t.fortnightly ELSE t.monthly END AS threshold
    FROM expected e JOIN thresholds t ON t.path = e.enforcement_path
), newly AS (
  UPDATE fine_accounts a
     SET defaulted_on = $1::date, arrears_pence = x.arrears,
         path_step = CASE WHEN p.to_action IS NULL THEN a.path_step ELSE 0 END,
         last_action = COALESCE(p.to_action, a.last_action),
         last_action_on = CASE WHEN p.to_action IS NULL THEN a.last_action_on ELSE $1::date END
    FROM assessed x
    JOIN steps s ON s.path = x.enforcement_path AND s.step = 0
    LEFT JOIN transitions p ON p.from_action = COALESCE(x.last_action, '') AND p.to_action = s.action
   WHERE a.id = x.id AND x.defaulted_on IS NULL AND x.arrears > 0 AND x.missed >= x.threshold
  RETURNING a.id, a.account_number, a.case_id, x.arrears, p.to_action AS action
), advanced AS (
  UPDATE fine_accounts a
     SET path_step = s.step, last_action = s.action, last_action_on = $1::date, arrears_pence = x.arrears
    FROM assessed x
    JOIN steps s ON s.path = x.enforcement_path AND s.step = x.path_step + 1
    JOIN transitions p ON p.from_action = x.last_action AND p.to_action = s.action
   WHERE a.id = x.id AND x.defaulted_on IS NOT NULL AND x.arrears > 0 AND x.last_action_on + s.gap_days <= $1::date
  RETURNING a.id, a.case_id, s.action
), taken AS (
  INSERT INTO enforcement_actions (id, account_id, action, details, taken_by, taken_at, taken_on)
  SELECT gen_random_uuid(), t.id, t.action, '{}', 'default-run', $13, $1::date
    FROM (SELECT id, action FROM newly WHERE action IS NOT NULL UNION ALL SELECT id, action FROM advanced) t
  ON CONFLICT DO NOTHING
  RETURNING id, account_id, action
), warranted AS (
  INSERT INTO warrants (id, account_id, action_id, kind, status, issued_on, expires_on, updated_at)
  SELECT gen_random_uuid(), account_id, id, action, 'issued', $1::date, $1::date + $15::int, $13 FROM taken WHERE action = ANY($14::text[])
  RETURNING id
), expired AS (
  UPDATE warrants SET status = 'expired', updated_at = $13
   WHERE status IN ('issued', 'with-agent') AND expires_on < $1::date
  RETURNING id, account_id
), events AS (
  INSERT INTO outbox (id, topic, message_key, type, envelope)
  SELECT e.id, $16, e.subject, e.type,
         jsonb_build_object('specversion', '1.0', 'id', e.id, 'source', 'enforcement', 'type', e.type, 'subject', e.subject,
                            'time', $17::text, 'datacontenttype', 'application/json', 'data', e.data, 'actor', $18::text)
    FROM (
      SELECT gen_random_uuid() AS id, $19::text AS type, n.id::text AS subject,
             jsonb_strip_nulls(jsonb_build_object('accountId', n.id, 'accountNumber', n.account_number, 'arrearsPence', n.arrears, 'caseId', n.case_id)) AS data
        FROM newly n
      UNION ALL
      SELECT gen_random_uuid(), $20::text, t.account_id::text,
             jsonb_strip_nulls(jsonb_build_object('accountId', t.account_id, 'actionId', t.id, 'action', t.action, 'takenAt', $17::text, 'caseId', COALESCE(n.case_id, v.case_id)))
        FROM taken t LEFT JOIN newly n ON n.id = t.account_id LEFT JOIN advanced v ON v.id = t.account_id
      UNION ALL
      SELECT gen_random_uuid(), $21::text, x.account_id::text, jsonb_build_object('accountId', x.account_id, 'warrantId', x.id, 'status', 'expired')
        FROM expired x
    ) e
  RETURNING type
)
SELECT count(*) FILTER (WHERE type = $19)::int AS defaulted, count(*) FILTER (WHERE type = $20)::int AS actions,
       (SELECT count(*) FROM warranted)::int AS warrants, count(*) FILTER (WHERE type = $21)::int AS "expiredWarrants"
  FROM events`;
/** How long a warrant stays in force before it expires unexecuted. */
export const WARRANT_VALIDITY_DAYS = 365;

export function defaultRunParams(asOf: string, paths: readonly EnforcementPath[], now: Date, actor = 'system'): unknown[] {
  const steps = paths.flatMap((p) => p.steps.map((s, i) => ({ path: p.id, step: i, ...s })));
  const transitions = [
    ...ACTION_IDS.flatMap((from) => ACTIONS[from].next.map((to) => [from, to] as const)),
    ...FIRST_ACTIONS.map((to) => ['', to] as const),
  ];
  return [
    asOf,
    paths.map((p) => p.id), paths.map((p) => p.missedToDefault.weekly), paths.map((p) => p.missedToDefault.fortnightly), paths.map((p) => p.missedToDefault.monthly), paths.map((p) => p.daysOverdueToDefault),
    steps.map((s) => s.path), steps.map((s) => s.step), steps.map((s) => s.action), steps.map((s) => s.gapDays),
    transitions.map((t) => t[0]), transitions.map((t) => t[1]),
    now,
    ACTION_IDS.filter((a) => ACTIONS[a].createsWarrant),
    WARRANT_VALIDITY_DAYS,
    accountDefaultedV1.topic, now.toISOString(), actor, accountDefaultedV1.type, enforcementActionTakenV1.type, warrantStatusChangedV1.type,
  ];
}
