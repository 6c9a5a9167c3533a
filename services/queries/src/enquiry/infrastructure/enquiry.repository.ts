import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { NotFoundError } from '@ccsc/platform';
import type { EnquiryChannel, EnquiryPriority, EnquiryStatus, EscalationTarget, Language } from '../domain/enquiry';
import type { SlaClock } from '../../sla/domain/sla-clock';
import { clockFromRow } from '../../sla/infrastructure/sla-clock.repository';

export interface EnquiryRecord {
  id: string;
  channel: EnquiryChannel;
  contactId: string;
  contactKind: 'public' | 'professional';
  subject: string;
  caseId: string | null;
  category: string | null;
  priority: EnquiryPriority;
  language: Language;
  status: EnquiryStatus;
  queueId: string | null;
  team: string | null;
  assignedTo: string | null;
  escalatedTo: EscalationTarget | null;
  majorPriority: number;
  minorPriority: number;
  priorityDate: Date;
  hearingRelated: boolean;
  receivedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  resolvedFirstContact: boolean | null;
  convertedToComplaintAt: Date | null;
  raisedBy: string;
  createdAt: Date;
  updatedAt: Date;
  clocks: SlaClock[];
}

export interface NewContact {
  kind: 'public' | 'professional';
  name: string;
  email?: string;
  phone?: string;
  userId?: string;
  organisationId?: string;
}

export interface MessageRecord {
  id: string;
  enquiryId: string;
  parentId: string | null;
  direction: 'inbound' | 'outbound';
  body: string;
  hearingRelated: boolean;
  author: string;
  createdAt: Date;
}

export interface HistoryRecord {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown>;
  reason: string | null;
  actor: string;
  at: Date;
}

/** One SELECT for an enquiry with its contact kind, team and SLA clocks, whatever the filter. */
const SELECT_ENQUIRY = `
  SELECT e.id, e.channel, e.contact_id AS "contactId", ct.kind AS "contactKind", e.subject, e.case_id AS "caseId", e.category,
         e.priority, e.language, e.status, e.queue_id AS "queueId", q.team, e.assigned_to AS "assignedTo", e.escalated_to AS "escalatedTo",
         e.major_priority AS "majorPriority", e.minor_priority AS "minorPriority", e.priority_date AS "priorityDate",
         e.hearing_related AS "hearingRelated", e.received_at AS "receivedAt", e.first_response_at AS "firstResponseAt",
         e.resolved_at AS "resolvedAt", e.resolved_first_contact AS "resolvedFirstContact",
         e.complaint_requested_at AS "convertedToComplaintAt", e.raised_by AS "raisedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(row_to_json(s) ORDER BY s.clock) FROM enquiry_sla_clocks s WHERE s.enquiry_id = e.id), '[]') AS clocks
  FROM enquiries e
  JOIN contacts ct ON ct.id = e.contact_id
  LEFT JOIN work_queues q ON q.id = e.queue_id`;

/**
 * Which enquiries a caller may see, as SQL on `ct` (the contact): staff all; a professional their
 * organisation's; a citizen their own. Placeholders start at `$first`.
 */
export function visibilitySql(principal: Principal, first: number): { sql: string; params: unknown[] } {
  if (isStaff(principal)) return { sql: 'true', params: [] };
  if (hasRole(principal, 'professional') && principal.organisationId) return { sql: `ct.organisation_id = $${first}`, params: [principal.organisationId] };
  if (hasRole(principal, 'citizen')) return { sql: `ct.user_id = $${first}`, params: [principal.sub] };
  return { sql: 'false', params: [] };
}

type Row = Omit<EnquiryRecord, 'clocks'> & { clocks: Parameters<typeof clockFromRow>[0][] };

function toRecord(row: Row): EnquiryRecord {
  return {
    ...row,
    priorityDate: new Date(row.priorityDate),
    receivedAt: new Date(row.receivedAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    clocks: row.clocks.map(clockFromRow),
  };
}

@Injectable()
export class EnquiryRepository {
  async upsertContact(manager: EntityManager, id: string, contact: NewContact, now: Date): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO contacts (id, kind, name, email, phone, user_id, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (user_id) WHERE user_id IS NOT NULL DO UPDATE SET name = excluded.name, email = COALESCE(excluded.email, contacts.email),
         phone = COALESCE(excluded.phone, contacts.phone)
       RETURNING id`,
      [id, contact.kind, contact.name, contact.email ?? null, contact.phone ?? null, contact.userId ?? null, contact.organisationId ?? null, now],
    )) as [{ id: string }];
    return row.id;
  }

  async insert(
    manager: EntityManager,
    e: Pick<EnquiryRecord, 'id' | 'channel' | 'contactId' | 'subject' | 'caseId' | 'category' | 'priority' | 'language' | 'status' | 'queueId' | 'majorPriority' | 'minorPriority' | 'priorityDate' | 'hearingRelated' | 'receivedAt' | 'raisedBy' | 'createdAt'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO enquiries (id, channel, contact_id, subject, case_id, category, priority, language, status, queue_id, major_priority, minor_priority,
         priority_date, hearing_related, received_at, raised_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
      [e.id, e.channel, e.contactId, e.subject, e.caseId, e.category, e.priority, e.language, e.status, e.queueId, e.majorPriority, e.minorPriority,
        e.priorityDate, e.hearingRelated, e.receivedAt, e.raisedBy, e.createdAt],
    );
  }

  /** Writes the mutable part of an enquiry back. */
  async update(manager: EntityManager, e: EnquiryRecord, now: Date): Promise<void> {
    await manager.query(
      `UPDATE enquiries SET category = $2, priority = $3, status = $4, queue_id = $5, assigned_to = $6, escalated_to = $7, major_priority = $8,
         minor_priority = $9, priority_date = $10, hearing_related = $11, first_response_at = $12, resolved_at = $13, resolved_first_contact = $14,
         complaint_requested_at = $15, updated_at = $16
       WHERE id = $1`,
      [e.id, e.category, e.priority, e.status, e.queueId, e.assignedTo, e.escalatedTo, e.majorPriority, e.minorPriority, e.priorityDate,
        e.hearingRelated, e.firstResponseAt, e.resolvedAt, e.resolvedFirstContact, e.convertedToComplaintAt, now],
    );
  }

  /** An enquiry the caller may see (locked for update when asked), else undefined: "not found" either way. */
  async find(manager: EntityManager, id: string, principal: Principal, lock = false): Promise<EnquiryRecord | undefined> {
    if (lock) await manager.query('SELECT 1 FROM enquiries WHERE id = $1 FOR UPDATE', [id]);
    const visible = visibilitySql(principal, 2);
    const rows = (await manager.query(`${SELECT_ENQUIRY} WHERE e.id = $1 AND ${visible.sql}`, [id, ...visible.params])) as Row[];
    return rows[0] && toRecord(rows[0]);
  }

  /** The same, for one just written or locked: its absence is "not found". */
  async get(manager: EntityManager, id: string, principal: Principal): Promise<EnquiryRecord> {
    const found = await this.find(manager, id, principal);
    if (!found) throw new NotFoundError('The enquiry');
    return found;
  }

  /** The enquiries of many cases that the caller may see, in one query (for Case.enquiries). */
  async forCases(manager: EntityManager, caseIds: readonly string[], principal: Principal): Promise<EnquiryRecord[]> {
    const visible = visibilitySql(principal, 2);
    const rows = (await manager.query(`${SELECT_ENQUIRY} WHERE e.case_id = ANY ($1::uuid[]) AND ${visible.sql} ORDER BY e.received_at DESC, e.id`, [
      caseIds,
      ...visible.params,
    ])) as Row[];
    return rows.map(toRecord);
  }

  /** The caller's enquiries (or, for staff, everyone's), newest first, from a keyset position. */
  async list(manager: EntityManager, principal: Principal, limit: number, after?: { createdAt: Date; id: string }, status?: EnquiryStatus): Promise<EnquiryRecord[]> {
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    const visible = visibilitySql(principal, params.length + 1);
    where.push(visible.sql);
    params.push(...visible.params);
    if (after) {
      params.push(after.createdAt, after.id);
      where.push(`(e.created_at, e.id) < ($${params.length - 1}, $${params.length})`);
    }
    if (status) {
      params.push(status);
      where.push(`e.status = $${params.length}`);
    }
    const rows = (await manager.query(`${SELECT_ENQUIRY} WHERE ${where.join(' AND ')} ORDER BY e.created_at DESC, e.id DESC LIMIT $1`, params)) as Row[];
    return rows.map(toRecord);
  }

  /** Unassigned open work of a queue in next-task order. */
  async queue(manager: EntityManager, queueId: string, limit: number): Promise<EnquiryRecord[]> {
    const rows = (await manager.query(
      `${SELECT_ENQUIRY} WHERE e.queue_id = $1 AND e.assigned_to IS NULL AND e.status IN ('new', 'triaged', 'escalated')
       ORDER BY e.major_priority, e.priority_date, e.minor_priority, e.id LIMIT $2`,
      [queueId, limit],
    )) as Row[];
    return rows.map(toRecord);
  }

  /**
   * The next task of a queue, locked so that two officers asking at once get different ones. Work
   * escalated to a team leader is handed out only to team leaders.
   */
  async lockNextTask(manager: EntityManager, queueId: string, teamLeader = false): Promise<string | undefined> {
    const rows = (await manager.query(
      `SELECT id FROM enquiries WHERE queue_id = $1 AND assigned_to IS NULL AND status IN ('new', 'triaged', 'escalated')
         AND ($2::boolean OR escalated_to IS DISTINCT FROM 'team-leader')
       ORDER BY major_priority, priority_date, minor_priority, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [queueId, teamLeader],
    )) as { id: string }[];
    return rows[0]?.id;
  }

  async queueExists(manager: EntityManager, queueId: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM work_queues WHERE id = $1', [queueId])) as unknown[]).length > 0;
  }

  async queues(manager: EntityManager): Promise<{ id: string; team: string; name: string; waiting: number }[]> {
    return (await manager.query(
      `SELECT q.id, q.team, q.name, count(e.id)::int AS waiting FROM work_queues q
       LEFT JOIN enquiries e ON e.queue_id = q.id AND e.assigned_to IS NULL AND e.status IN ('new', 'triaged', 'escalated')
       GROUP BY q.id ORDER BY q.id`,
    )) as { id: string; team: string; name: string; waiting: number }[];
  }

  async workload(manager: EntityManager): Promise<{ officer: string; open: number; awaitingCustomer: number; urgent: number }[]> {
    return (await manager.query(
      `SELECT assigned_to AS officer, count(*)::int AS open, count(*) FILTER (WHERE status = 'awaiting-customer')::int AS "awaitingCustomer",
              count(*) FILTER (WHERE priority = 'urgent')::int AS urgent
       FROM enquiries WHERE assigned_to IS NOT NULL AND status NOT IN ('resolved', 'closed')
       GROUP BY assigned_to ORDER BY open DESC, assigned_to`,
    )) as { officer: string; open: number; awaitingCustomer: number; urgent: number }[];
  }

  async addMessage(manager: EntityManager, m: MessageRecord): Promise<void> {
    await manager.query(
      `INSERT INTO enquiry_messages (id, enquiry_id, parent_id, direction, body, hearing_related, author, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [m.id, m.enquiryId, m.parentId, m.direction, m.body, m.hearingRelated, m.author, m.createdAt],
    );
  }

  async messageBelongs(manager: EntityManager, messageId: string, enquiryId: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM enquiry_messages WHERE id = $1 AND enquiry_id = $2', [messageId, enquiryId])) as unknown[]).length > 0;
  }

  async messages(manager: EntityManager, enquiryId: string): Promise<MessageRecord[]> {
    return (await manager.query(
      `SELECT id, enquiry_id AS "enquiryId", parent_id AS "parentId", direction, body, hearing_related AS "hearingRelated", author, created_at AS "createdAt"
       FROM enquiry_messages WHERE enquiry_id = $1 ORDER BY created_at, id`,
      [enquiryId],
    )) as MessageRecord[];
  }

  async countOutbound(manager: EntityManager, enquiryId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM enquiry_messages WHERE enquiry_id = $1 AND direction = 'outbound'`, [enquiryId])) as [{ n: number }];
    return row.n;
  }

  async record(manager: EntityManager, enquiryId: string, h: Omit<HistoryRecord, 'detail' | 'fromStatus' | 'toStatus' | 'reason'> & Partial<HistoryRecord>): Promise<void> {
    await manager.query(
      `INSERT INTO enquiry_history (enquiry_id, kind, from_status, to_status, detail, reason, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [enquiryId, h.kind, h.fromStatus ?? null, h.toStatus ?? null, JSON.stringify(h.detail ?? {}), h.reason ?? null, h.actor, h.at],
    );
  }

  async history(manager: EntityManager, enquiryId: string): Promise<HistoryRecord[]> {
    return (await manager.query(
      `SELECT kind, from_status AS "fromStatus", to_status AS "toStatus", detail, reason, actor, at FROM enquiry_history WHERE enquiry_id = $1 ORDER BY id`,
      [enquiryId],
    )) as HistoryRecord[];
  }

  /** Whether the enquiry has ever waited for the customer or been escalated: it then was not resolved at first contact. */
  async wentBeyondFirstContact(manager: EntityManager, enquiryId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM enquiry_history WHERE enquiry_id = $1 AND (to_status IN ('awaiting-customer', 'escalated') OR kind = 'reassigned') LIMIT 1`,
      [enquiryId],
    )) as unknown[];
    return rows.length > 0;
  }
}
