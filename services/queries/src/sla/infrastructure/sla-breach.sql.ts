import { enquirySlaBreachedV1 } from '@ccsc/contracts';

/**
 * The scheduled SLA run as one statement over every running clock: it flags clocks whose at-risk
 * moment has passed as at risk, those whose due moment has passed as breached, and writes one
 * `enquiry-sla-breached` event per new breach into the outbox in the same statement (so in the
 * same transaction). Due moments were computed with the working-day calendar when each clock
 * started or resumed, so the run only compares instants and the partial index on `at_risk_at`
 * confines it to clocks that can change. A clock is flagged breached once: a rerun finds nothing.
 *
 * $1 = now, $2 = the events topic, $3 = the event type. The envelope is built exactly as
 * `appendToOutbox` builds it (the integration test checks it against the event schema).
 */
export const SLA_BREACH_RUN_SQL = `
  WITH flagged AS (
    UPDATE enquiry_sla_clocks c
    SET flag = CASE WHEN c.due_at <= $1 THEN 'breached' ELSE 'at-risk' END,
        breached_at = CASE WHEN c.due_at <= $1 THEN $1::timestamptz END
    WHERE c.status = 'running' AND c.flag <> 'breached' AND c.at_risk_at <= $1
      AND (c.flag = 'on-track' OR c.due_at <= $1)
    RETURNING c.enquiry_id, c.clock, c.due_at, c.flag
  ),
  breaches AS (
    SELECT gen_random_uuid() AS id, f.enquiry_id, f.clock, f.due_at, e.case_id
    FROM flagged f JOIN enquiries e ON e.id = f.enquiry_id
    WHERE f.flag = 'breached'
  ),
  published AS (
    INSERT INTO outbox (id, topic, message_key, type, envelope)
    SELECT b.id, $2::text, b.enquiry_id::text, $3::text, jsonb_build_object(
      'specversion', '1.0', 'id', b.id, 'source', 'queries', 'type', $3::text, 'subject', b.enquiry_id,
      'time', to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'datacontenttype', 'application/json', 'actor', 'system',
      'data', jsonb_strip_nulls(jsonb_build_object(
        'enquiryId', b.enquiry_id, 'clock', b.clock, 'caseId', b.case_id,
        'dueAt', to_char(b.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))
    FROM breaches b ORDER BY b.due_at
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM flagged WHERE flag = 'at-risk')::int AS "atRisk",
         (SELECT count(*) FROM published)::int AS breached`;

export const slaBreachRunParams = (now: Date) => [now, enquirySlaBreachedV1.topic, enquirySlaBreachedV1.type];
