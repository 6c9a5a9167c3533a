import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ownerFilter, type AccessScope } from '@ccsc/auth';
import { and, execute, NotFoundError, query, queryOne, type CursorPosition, sql, type Sql } from '@ccsc/platform';
import type { EnquiryRecord, EnquiryStatus, HistoryRecord, MessageRecord, NewContact } from '../domain/enquiry';
import { clockFromRow, type ClockRow } from '../../sla/infrastructure/sla-clock.repository';

/** One SELECT for an enquiry with its contact kind, team and SLA clocks, whatever the filter. */
const SELECT_ENQUIRY = sql`
  SELECT e.id, e.reference, e.channel, e.contact_id AS "contactId", ct.kind AS "contactKind", e.subject, e.case_id AS "caseId",
         e.category, e.priority, e.language, e.status, e.queue_id AS "queueId", q.team, e.assigned_to AS "assignedTo",
         e.escalated_to AS "escalatedTo", e.major_priority AS "majorPriority", e.minor_priority AS "minorPriority",
         e.priority_date AS "priorityDate", e.hearing_related AS "hearingRelated", e.received_at AS "receivedAt",
         e.first_response_at AS "firstResponseAt", e.resolved_at AS "resolvedAt",
         e.resolved_first_contact AS "resolvedFirstContact", e.complaint_requested_at AS "convertedToComplaintAt",
         e.raised_by AS "raisedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(row_to_json(s) ORDER BY s.clock) FROM enquiry_sla_clocks s
                   WHERE s.enquiry_id = e.id), '[]') AS clocks
  FROM enquiries e
  JOIN contacts ct ON ct.id = e.contact_id
  LEFT JOIN work_queues q ON q.id = e.queue_id`;

/** Which enquiries a scope admits: a citizen's are those of their contact, a firm's those of its contacts (`ct`). */
export function visibleTo(scope: AccessScope): Sql {
  return ownerFilter(scope, { user: 'ct.user_id', organisation: 'ct.organisation_id' });
}

/** Open work still waiting in a queue for someone to take it. */
const WAITING = sql`e.assigned_to IS NULL AND e.status IN ('new', 'triaged', 'escalated')`;

type EnquiryRow = Omit<EnquiryRecord, 'clocks'> & { clocks: ClockRow[] };

function toRecord(row: EnquiryRow): EnquiryRecord {
  return {
    ...row,
    priorityDate: new Date(row.priorityDate),
    receivedAt: new Date(row.receivedAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    clocks: row.clocks.map(clockFromRow),
  };
}

export interface QueueRecord {
  id: string;
  team: string;
  name: string;
  waiting: number;
}

export interface WorkloadRecord {
  officer: string;
  open: number;
  awaitingCustomer: number;
  urgent: number;
}

type NewEnquiry = Pick<
  EnquiryRecord,
  | 'id'
  | 'channel'
  | 'contactId'
  | 'subject'
  | 'caseId'
  | 'category'
  | 'priority'
  | 'language'
  | 'status'
  | 'queueId'
  | 'majorPriority'
  | 'minorPriority'
  | 'priorityDate'
  | 'hearingRelated'
  | 'receivedAt'
  | 'raisedBy'
  | 'createdAt'
>;

type NewHistory = Omit<HistoryRecord, 'detail' | 'fromStatus' | 'toStatus' | 'reason'> & Partial<HistoryRecord>;

@Injectable()
export class EnquiryRepository {
  async upsertContact(manager: EntityManager, id: string, contact: NewContact, now: Date): Promise<string> {
    const [row] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO contacts (id, kind, name, email, phone, user_id, organisation_id, created_at)
          VALUES (${id}, ${contact.kind}, ${contact.name}, ${contact.email ?? null}, ${contact.phone ?? null},
                  ${contact.userId ?? null}, ${contact.organisationId ?? null}, ${now})
          ON CONFLICT (user_id) WHERE user_id IS NOT NULL DO UPDATE SET name = excluded.name,
            email = COALESCE(excluded.email, contacts.email), phone = COALESCE(excluded.phone, contacts.phone)
          RETURNING id`,
    );
    return row.id;
  }

  async insert(manager: EntityManager, e: NewEnquiry): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO enquiries (id, channel, contact_id, subject, case_id, category, priority, language, status,
            queue_id, major_priority, minor_priority, priority_date, hearing_related, received_at, raised_by,
            created_at, updated_at)
          VALUES (${e.id}, ${e.channel}, ${e.contactId}, ${e.subject}, ${e.caseId}, ${e.category}, ${e.priority},
            ${e.language}, ${e.status}, ${e.queueId}, ${e.majorPriority}, ${e.minorPriority}, ${e.priorityDate},
            ${e.hearingRelated}, ${e.receivedAt}, ${e.raisedBy}, ${e.createdAt}, ${e.createdAt})`,
    );
  }

  /** Writes the mutable part of an enquiry back. */
  async update(manager: EntityManager, e: EnquiryRecord, now: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE enquiries SET category = ${e.category}, priority = ${e.priority}, status = ${e.status},
            queue_id = ${e.queueId}, assigned_to = ${e.assignedTo}, escalated_to = ${e.escalatedTo},
            major_priority = ${e.majorPriority}, minor_priority = ${e.minorPriority}, priority_date = ${e.priorityDate},
            hearing_related = ${e.hearingRelated}, first_response_at = ${e.firstResponseAt},
            resolved_at = ${e.resolvedAt}, resolved_first_contact = ${e.resolvedFirstContact},
            complaint_requested_at = ${e.convertedToComplaintAt}, updated_at = ${now}
          WHERE id = ${e.id}`,
    );
  }

  /** An enquiry the scope admits, else undefined: "not found" either way. */
  async find(manager: EntityManager, id: string, scope: AccessScope): Promise<EnquiryRecord | undefined> {
    const row = await queryOne<EnquiryRow>(manager, sql`${SELECT_ENQUIRY} WHERE e.id = ${id} AND ${visibleTo(scope)}`);
    return row && toRecord(row);
  }

  /** Whose the enquiry's contact is: a citizen's account, a firm, or neither (a contact staff recorded). */
  async ownerOf(manager: EntityManager, contactId: string): Promise<{ userId?: string; organisationId?: string }> {
    const row = await queryOne<{ user_id: string | null; organisation_id: string | null }>(
      manager,
      sql`SELECT user_id, organisation_id FROM contacts WHERE id = ${contactId}`,
    );
    return {
      ...(row?.user_id ? { userId: row.user_id } : {}),
      ...(row?.organisation_id ? { organisationId: row.organisation_id } : {}),
    };
  }

  /** Which of these enquiries the scope admits (ids only: nothing of them is read). */
  async visibleIds(manager: EntityManager, ids: readonly string[], scope: AccessScope): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT e.id FROM enquiries e JOIN contacts ct ON ct.id = e.contact_id
          WHERE e.id = ANY (${ids}::uuid[]) AND ${visibleTo(scope)}`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** One just written or locked: its absence is "not found". */
  async get(manager: EntityManager, id: string, scope: AccessScope): Promise<EnquiryRecord> {
    const found = await this.find(manager, id, scope);
    if (!found) throw new NotFoundError('The enquiry');
    return found;
  }

  /** The same, locked for update first, so that changes to one enquiry queue up behind each other. */
  async findForUpdate(manager: EntityManager, id: string, scope: AccessScope): Promise<EnquiryRecord | undefined> {
    await this.lock(manager, id);
    return this.find(manager, id, scope);
  }

  /** Locks an enquiry's row; with `skipLocked`, false instead of waiting when another transaction holds it. */
  async lock(manager: EntityManager, id: string, skipLocked = false): Promise<boolean> {
    const rows = await query(
      manager,
      sql`SELECT 1 FROM enquiries WHERE id = ${id} FOR UPDATE ${skipLocked ? sql`SKIP LOCKED` : sql``}`,
    );
    return rows.length > 0;
  }

  /** These enquiries, in the order of `ids` (a search's page, whose ids were found under the caller's access). */
  async inOrder(manager: EntityManager, ids: readonly string[]): Promise<EnquiryRecord[]> {
    if (ids.length === 0) return [];
    const rows = await query<EnquiryRow>(manager, sql`${SELECT_ENQUIRY} WHERE e.id = ANY (${ids}::uuid[])`);
    const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The enquiries of many cases that the scope admits, in one query (for Case.enquiries). */
  async forCases(manager: EntityManager, caseIds: readonly string[], scope: AccessScope): Promise<EnquiryRecord[]> {
    const rows = await query<EnquiryRow>(
      manager,
      sql`${SELECT_ENQUIRY} WHERE e.case_id = ANY (${caseIds}::uuid[]) AND ${visibleTo(scope)}
          ORDER BY e.received_at DESC, e.id`,
    );
    return rows.map(toRecord);
  }

  /** The enquiries the scope admits, newest first, from a keyset position. */
  async list(
    manager: EntityManager,
    scope: AccessScope,
    limit: number,
    after?: CursorPosition,
    status?: EnquiryStatus,
  ): Promise<EnquiryRecord[]> {
    const where = and([
      visibleTo(scope),
      after && sql`(e.created_at, e.id) < (${after.createdAt}, ${after.id})`,
      status && sql`e.status = ${status}`,
    ]);
    const rows = await query<EnquiryRow>(
      manager,
      sql`${SELECT_ENQUIRY} WHERE ${where} ORDER BY e.created_at DESC, e.id DESC LIMIT ${limit + 1}`,
    );
    return rows.map(toRecord);
  }

  /** Unassigned open work of a queue in next-task order. */
  async queue(manager: EntityManager, queueId: string, limit: number): Promise<EnquiryRecord[]> {
    const rows = await query<EnquiryRow>(
      manager,
      sql`${SELECT_ENQUIRY} WHERE e.queue_id = ${queueId} AND ${WAITING}
          ORDER BY e.major_priority, e.priority_date, e.minor_priority, e.id LIMIT ${limit}`,
    );
    return rows.map(toRecord);
  }

  /**
   * The next task of a queue, locked so that two officers asking at once get different ones. Work
   * escalated to a team leader is handed out only to team leaders, and a Welsh-language enquiry only to
   * an officer with the welsh skill (passed over for the others, so it never blocks their queue).
   */
  async lockNextTask(
    manager: EntityManager,
    queueId: string,
    officer: { teamLeader: boolean; welsh: boolean },
  ): Promise<string | undefined> {
    const row = await queryOne<{ id: string }>(
      manager,
      sql`SELECT e.id FROM enquiries e WHERE e.queue_id = ${queueId} AND ${WAITING}
            AND (${officer.teamLeader}::boolean OR e.escalated_to IS DISTINCT FROM 'team-leader')
            AND (${officer.welsh}::boolean OR e.language IS DISTINCT FROM 'cy')
          ORDER BY e.major_priority, e.priority_date, e.minor_priority, e.id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return row?.id;
  }

  async queueExists(manager: EntityManager, queueId: string): Promise<boolean> {
    return (await queryOne(manager, sql`SELECT 1 FROM work_queues WHERE id = ${queueId}`)) !== undefined;
  }

  async queues(manager: EntityManager): Promise<QueueRecord[]> {
    return query<QueueRecord>(
      manager,
      sql`SELECT q.id, q.team, q.name, count(e.id)::int AS waiting FROM work_queues q
          LEFT JOIN enquiries e ON e.queue_id = q.id AND ${WAITING}
          GROUP BY q.id ORDER BY q.id`,
    );
  }

  async workload(manager: EntityManager): Promise<WorkloadRecord[]> {
    return query<WorkloadRecord>(
      manager,
      sql`SELECT assigned_to AS officer, count(*)::int AS open,
                 count(*) FILTER (WHERE status = 'awaiting-customer')::int AS "awaitingCustomer",
                 count(*) FILTER (WHERE priority = 'urgent')::int AS urgent
          FROM enquiries WHERE assigned_to IS NOT NULL AND status NOT IN ('resolved', 'closed')
          GROUP BY assigned_to ORDER BY open DESC, assigned_to`,
    );
  }

  async addMessage(manager: EntityManager, m: MessageRecord): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO enquiry_messages (id, enquiry_id, parent_id, direction, body, hearing_related, author, created_at)
          VALUES (${m.id}, ${m.enquiryId}, ${m.parentId}, ${m.direction}, ${m.body}, ${m.hearingRelated}, ${m.author},
                  ${m.createdAt})`,
    );
  }

  async messageBelongs(manager: EntityManager, messageId: string, enquiryId: string): Promise<boolean> {
    const found = await queryOne(
      manager,
      sql`SELECT 1 FROM enquiry_messages WHERE id = ${messageId} AND enquiry_id = ${enquiryId}`,
    );
    return found !== undefined;
  }

  async messages(manager: EntityManager, enquiryId: string): Promise<MessageRecord[]> {
    return query<MessageRecord>(
      manager,
      sql`SELECT id, enquiry_id AS "enquiryId", parent_id AS "parentId", direction, body,
                 hearing_related AS "hearingRelated", author, created_at AS "createdAt"
          FROM enquiry_messages WHERE enquiry_id = ${enquiryId} ORDER BY created_at, id`,
    );
  }

  async countOutbound(manager: EntityManager, enquiryId: string): Promise<number> {
    const [row] = await query<{ n: number }>(
      manager,
      sql`SELECT count(*)::int AS n FROM enquiry_messages WHERE enquiry_id = ${enquiryId} AND direction = 'outbound'`,
    );
    return row.n;
  }

  async record(manager: EntityManager, enquiryId: string, h: NewHistory): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO enquiry_history (enquiry_id, kind, from_status, to_status, detail, reason, actor, at)
          VALUES (${enquiryId}, ${h.kind}, ${h.fromStatus ?? null}, ${h.toStatus ?? null},
                  ${JSON.stringify(h.detail ?? {})}, ${h.reason ?? null}, ${h.actor}, ${h.at})`,
    );
  }

  async history(manager: EntityManager, enquiryId: string): Promise<HistoryRecord[]> {
    return query<HistoryRecord>(
      manager,
      sql`SELECT kind, from_status AS "fromStatus", to_status AS "toStatus", detail, reason, actor, at
          FROM enquiry_history WHERE enquiry_id = ${enquiryId} ORDER BY id`,
    );
  }

  /** Whether the enquiry ever waited for the customer or was escalated: it then was not resolved at first contact. */
  async wentBeyondFirstContact(manager: EntityManager, enquiryId: string): Promise<boolean> {
    const found = await queryOne(
      manager,
      sql`SELECT 1 FROM enquiry_history
          WHERE enquiry_id = ${enquiryId} AND (to_status IN ('awaiting-customer', 'escalated') OR kind = 'reassigned')
          LIMIT 1`,
    );
    return found !== undefined;
  }
}
