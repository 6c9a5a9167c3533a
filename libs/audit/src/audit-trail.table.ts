import type { QueryRunner } from 'typeorm';

/** How long the trail is kept. Court and tribunal records are kept for years; so is the proof of who touched them. */
export const AUDIT_RETENTION = '7 years';

/**
 * A service's audit trail, created by one of the service's own migrations so that every service has
 * exactly the same table. Append-only in the database itself, as for decisions and the ledger: an
 * update is always refused, and so is a delete, except of a row past the retention period (the
 * purge), and a truncate.
 *
 * One row is one act: a change (one transaction, naming the records its request and its events name,
 * and the events' ids, which a consumer's change in another service names as `caused_by`) or a read
 * (one look, naming every record it showed, so a list of fifty is one row, not fifty). Ids only; no
 * names, addresses or free text, so the trail itself holds nothing personal beyond who acted. `at` is
 * the database's clock (the writer never gives it), so a replayed event is not filed in the past.
 */
export async function createAuditTrailTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE audit_trail (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      kind varchar(10) NOT NULL CHECK (kind IN ('change', 'read')),
      actor text NOT NULL,
      roles text[] NOT NULL,
      organisation_id text,
      acting_for text[] NOT NULL DEFAULT '{}',
      operation text NOT NULL,
      record_type varchar(60) NOT NULL,
      record_ids text[] NOT NULL,
      party_ids text[] NOT NULL DEFAULT '{}',
      events text[] NOT NULL DEFAULT '{}',
      event_ids uuid[] NOT NULL DEFAULT '{}',
      correlation_id text,
      caused_by uuid
    )`);
  // The auditor's questions: everything one person did or saw in a period; everyone who touched a record or saw a party.
  await q.query(`CREATE INDEX audit_trail_actor_at ON audit_trail (actor, at DESC, id DESC)`);
  await q.query(`CREATE INDEX audit_trail_at ON audit_trail (at DESC, id DESC)`);
  await q.query(`CREATE INDEX audit_trail_record_ids ON audit_trail USING gin (record_ids)`);
  await q.query(`CREATE INDEX audit_trail_party_ids ON audit_trail USING gin (party_ids)`);
  await q.query(`
    CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.at < now() - interval '${AUDIT_RETENTION}' THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'the audit trail is append-only: its records are never edited, nor deleted before % have passed', '${AUDIT_RETENTION}';
    END $$`);
  await q.query(
    `CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()`,
  );
  await q.query(
    `CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only()`,
  );
}

export async function dropAuditTrailTable(q: QueryRunner): Promise<void> {
  await q.query('DROP TABLE audit_trail');
  await q.query('DROP FUNCTION audit_trail_append_only');
}
