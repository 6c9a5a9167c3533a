import type { EntityManager } from 'typeorm';
import { and, startAfter, encodeCursor, execute, query, sql, type Page } from '@ccsc/platform';
import { currentWorkScope, type ScopeActor } from '@ccsc/platform/work-scope';
import { AUDIT_RETENTION } from './audit-trail.table';

/** One act in a service's audit trail, as the auditor reads it. */
export interface AuditRecord {
  id: string;
  at: Date;
  kind: 'change' | 'read';
  /** The token subject who acted, or `system` (a consumer, a scheduled run). */
  actor: string;
  /** The roles they acted in. */
  roles: string[];
  /** The firm a professional acted for. */
  organisationId: string | null;
  /** The parties the actor acted as (a citizen) or for (their firm). Staff act for nobody. */
  actingFor: string[];
  operation: string;
  /** What was read (`case`, `complaint`, …), or `change` for a change, whose records its events name. */
  recordType: string;
  recordIds: string[];
  /** Whose personal data was seen. */
  partyIds: string[];
  /** The events a change published. */
  events: string[];
  correlationId: string | null;
  /** The event a system change was the consequence of. */
  causedBy: string | null;
}

/** What the auditor asks: any combination; `from` inclusive, `to` exclusive. */
export interface AuditFilter {
  actor?: string;
  recordId?: string;
  partyId?: string;
  kind?: 'change' | 'read';
  from?: Date;
  to?: Date;
}

export interface ReadRecord {
  /** What kind of record was shown: `case`, `party`, `complaint`, `fine-account`, `enquiry`, `payment`, … */
  recordType: string;
  recordIds: readonly string[];
  /** Whose personal data it showed. */
  partyIds?: readonly string[];
  /** The parties the caller acts for among those, where the read itself decided it. */
  actingFor?: readonly string[];
}

export const SYSTEM_ACTOR = 'system';

interface Actor {
  actor: string;
  roles: readonly string[];
  organisationId?: string;
}

function actorOf(who: ScopeActor | undefined, fallback?: string): Actor {
  if (who)
    return { actor: who.sub, roles: who.roles, ...(who.organisationId ? { organisationId: who.organisationId } : {}) };
  const actor = fallback ?? SYSTEM_ACTOR;
  // Outside a request (a consumer, a run, a tool) nobody's token says more than the subject.
  return { actor, roles: actor === SYSTEM_ACTOR ? [SYSTEM_ACTOR] : [] };
}

async function insert(
  manager: EntityManager,
  row: Actor & {
    kind: 'change' | 'read';
    recordType: string;
    recordIds: readonly string[];
    partyIds?: readonly string[];
    actingFor?: readonly string[];
    events?: readonly { type: string; id: string }[];
  },
): Promise<void> {
  const scope = currentWorkScope();
  const actingFor = new Set([...(scope?.actingFor ?? []), ...(row.actingFor ?? [])]);
  const events = row.events ?? [];
  // `at` is the database's own clock: no writer can file an act in the past (or the future).
  await query(
    manager,
    sql`INSERT INTO audit_trail (kind, actor, roles, organisation_id, acting_for, operation, record_type, record_ids, party_ids, events, event_ids, correlation_id, caused_by)
        VALUES (${row.kind}, ${row.actor}, ${[...row.roles]}::text[], ${row.organisationId ?? null}, ${[...actingFor]}::text[],
                ${scope?.operation ?? 'unnamed'}, ${row.recordType}, ${[...new Set(row.recordIds)]}::text[],
                ${[...new Set(row.partyIds ?? [])]}::text[], ${[...new Set(events.map((e) => e.type))]}::text[],
                ${events.map((e) => e.id)}::uuid[], ${scope?.correlationId ?? null}, ${scope?.causedBy ?? null})`,
  );
}

/**
 * Records a change in the transaction that makes it (the unit of work calls this), so the trail has it
 * if and only if the change committed: the records its request named (the ids in its path or its
 * arguments) and its events' subjects, and the events' ids. The actor is the request's caller; a
 * consumer's or a scheduled run's change is the system's, with the event it follows from.
 */
export async function recordChange(
  manager: EntityManager,
  change: { actor?: string; events: readonly { type: string; subject: string; id: string }[] },
): Promise<void> {
  const scope = currentWorkScope();
  const caller = scope?.causedBy ? undefined : scope?.actor?.();
  const who = caller && (!change.actor || caller.sub === change.actor) ? caller : undefined;
  await insert(manager, {
    ...actorOf(who, scope?.causedBy ? SYSTEM_ACTOR : change.actor),
    kind: 'change',
    recordType: 'change',
    recordIds: [...(scope?.namedRecords ?? []), ...change.events.map((e) => e.subject)],
    events: change.events,
  });
}

/**
 * Records that `who` was shown these records, before the answer leaves: a read that cannot be recorded is
 * not answered. A record already recorded as shown in the same request (a case, then its hearings and
 * documents) is not recorded again: one look is one record.
 */
export async function recordRead(manager: EntityManager, who: ScopeActor, read: ReadRecord): Promise<void> {
  const seen = currentWorkScope()?.shown;
  const fresh = read.recordIds.filter((id) => !seen?.has(`${read.recordType}:${id}`));
  if (fresh.length === 0) return;
  await insert(manager, { ...actorOf(who), kind: 'read', ...read, recordIds: fresh });
  for (const id of fresh) seen?.add(`${read.recordType}:${id}`);
}

/** A page of the trail, newest first, for the auditor. */
export async function auditRecords(
  manager: EntityManager,
  filter: AuditFilter,
  limit: number,
  after?: string,
  cursorField = 'after',
): Promise<Page<AuditRecord>> {
  const position = startAfter(after, cursorField);
  const rows = await query<AuditRow>(
    manager,
    sql`SELECT * FROM audit_trail
        WHERE ${and([
          filter.actor !== undefined && sql`actor = ${filter.actor}`,
          filter.recordId !== undefined && sql`record_ids @> ARRAY[${filter.recordId}]::text[]`,
          filter.partyId !== undefined && sql`party_ids @> ARRAY[${filter.partyId}]::text[]`,
          filter.kind !== undefined && sql`kind = ${filter.kind}`,
          filter.from !== undefined && sql`at >= ${filter.from}`,
          filter.to !== undefined && sql`at < ${filter.to}`,
          position && sql`(at, id) < (${position.createdAt}, ${position.id}::uuid)`,
        ])}
        ORDER BY at DESC, id DESC LIMIT ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map(recordOf);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null };
}

interface AuditRow {
  id: string;
  at: Date;
  kind: 'change' | 'read';
  actor: string;
  roles: string[];
  organisation_id: string | null;
  acting_for: string[];
  operation: string;
  record_type: string;
  record_ids: string[];
  party_ids: string[];
  events: string[];
  correlation_id: string | null;
  caused_by: string | null;
}

function recordOf(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    roles: row.roles,
    organisationId: row.organisation_id,
    actingFor: row.acting_for,
    operation: row.operation,
    recordType: row.record_type,
    recordIds: row.record_ids,
    partyIds: row.party_ids,
    events: row.events,
    correlationId: row.correlation_id,
    causedBy: row.caused_by,
  };
}

/** Rows one purge statement removes: a long-kept trail is emptied in steps, never in one huge delete. */
const PURGE_BATCH = 10_000;

/** Removes what is past the retention period (the only delete the table allows), a batch at a time. */
export async function purgeExpiredAuditRecords(manager: EntityManager): Promise<number> {
  let purged = 0;
  for (;;) {
    const affected = await execute(
      manager,
      sql`DELETE FROM audit_trail WHERE id IN (SELECT id FROM audit_trail WHERE at < now() - ${AUDIT_RETENTION}::interval LIMIT ${PURGE_BATCH})`,
    );
    purged += affected;
    if (affected < PURGE_BATCH) return purged;
  }
}
