import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ComplaintSeverity } from '@ccsc/contracts';
import type { Stage } from '../domain/clocks';
import {
  Change, Complaint, ComplaintChannel, ComplaintProps, ComplainantType, Outcome, RemedyKind, RemedyProps, StageProps, StageStatus,
} from '../domain/complaint';

interface ComplaintRow {
  id: string;
  reference: string;
  complainant_type: ComplainantType;
  complainant_name: string | null;
  contact_id: string | null;
  complainant_user_id: string | null;
  complainant_organisation_id: string | null;
  origin: ComplaintChannel;
  enquiry_id: string | null;
  case_ids: string[];
  category: string;
  sub_category: string | null;
  severity: ComplaintSeverity;
  investigating_officer: string | null;
  language: 'en' | 'cy';
  received_at: Date;
  summary: string | null;
  business_area: string | null;
  cause_category: string | null;
  outcome: Outcome | null;
  closed_at: Date | null;
  closed_by: string | null;
  ombudsman: { ombudsmanReference: string; referredAt: string; enquiries: { at: string; text: string; by: string }[]; outcome: Outcome | null; outcomeAt: string | null } | null;
  created_at: Date;
  created_by: string;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  summary: string;
  actor: string | null;
  at: Date;
}

export interface ComplaintListFilter {
  /** A WHERE fragment over `c` (the complaints row) and its parameters, from the caller's access. */
  access: { sql: string; params: unknown[] };
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** Persistence of complaints in plain SQL; writes take the caller's transaction's EntityManager. */
@Injectable()
export class ComplaintRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextReference(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('complaint_reference_seq') AS n`)) as [{ n: string }];
    return `CMP-${row.n.padStart(6, '0')}`;
  }

  /** False when the enquiry already became a complaint: the caller then changes and publishes nothing. */
  async insert(manager: EntityManager, complaint: Complaint): Promise<boolean> {
    const s = complaint.snapshot;
    const inserted = (await manager.query(
      `INSERT INTO complaints (id, reference, complainant_type, complainant_name, contact_id, complainant_user_id, complainant_organisation_id,
         origin, enquiry_id, case_ids, category, sub_category, severity, investigating_officer, language, received_at, summary, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (enquiry_id) DO NOTHING RETURNING id`,
      [s.id, s.reference, s.complainantType, s.complainantName, s.contactId, s.complainantUserId, s.complainantOrganisationId, s.origin, s.enquiryId,
        s.caseIds, s.category, s.subCategory, s.severity, s.investigatingOfficer, s.language, s.receivedAt, s.summary, s.createdAt, s.createdBy],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await this.saveParts(manager, complaint);
    return true;
  }

  async update(manager: EntityManager, complaint: Complaint): Promise<void> {
    const s = complaint.snapshot;
    await manager.query(
      `UPDATE complaints SET severity = $2, investigating_officer = $3, business_area = $4, cause_category = $5, outcome = $6,
         closed_at = $7, closed_by = $8, ombudsman = $9 WHERE id = $1`,
      [s.id, s.severity, s.investigatingOfficer, s.closure?.businessArea ?? null, s.closure?.causeCategory ?? null, s.closure?.outcome ?? null,
        s.closure?.closedAt ?? null, s.closure?.closedBy ?? null, s.ombudsman ? JSON.stringify(s.ombudsman) : null],
    );
    await this.saveParts(manager, complaint);
  }

  /**
   * Makes the breach row; false when there already is one. The notification event is written only
   * when this returns true, so a redelivered command or event cannot notify twice.
   */
  async insertBreach(manager: EntityManager, complaint: Complaint): Promise<boolean> {
    const b = complaint.snapshot.breach;
    if (!b) return false;
    const rows = (await manager.query(
      `INSERT INTO complaint_breaches (complaint_id, aware_at, regulator_deadline) VALUES ($1, $2, $3) ON CONFLICT (complaint_id) DO NOTHING RETURNING complaint_id`,
      [complaint.id, b.awareAt, b.regulatorDeadline],
    )) as unknown[];
    return rows.length > 0;
  }

  async appendTimeline(manager: EntityManager, complaintId: string, changes: Change[], actor: string | null, at: Date): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO complaint_timeline (id, complaint_id, kind, summary, actor, at)
       SELECT id, $2, kind, summary, $3, $4 FROM unnest($1::uuid[], $5::varchar[], $6::varchar[]) AS t (id, kind, summary)`,
      [changes.map(() => randomUUID()), complaintId, actor, at, changes.map((c) => c.kind), changes.map((c) => c.summary)],
    );
  }

  async timeline(complaintId: string): Promise<TimelineEntry[]> {
    return (await this.dataSource.query(`SELECT id, kind, summary, actor, at FROM complaint_timeline WHERE complaint_id = $1 ORDER BY seq`, [complaintId])) as TimelineEntry[];
  }

  /** With `lock`, the complaint row stays locked until the caller's transaction ends, so commands on it queue up. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Complaint | undefined> {
    const rows = (await manager.query(`SELECT * FROM complaints WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as ComplaintRow[];
    return (await this.assemble(manager, rows))[0];
  }

  /** Newest first by (created_at, id), one page and one extra row. */
  async list(filter: ComplaintListFilter): Promise<Complaint[]> {
    const params: unknown[] = [...filter.access.params];
    let where = filter.access.sql;
    if (filter.after) {
      params.push(filter.after.createdAt, filter.after.id);
      where += ` AND (c.created_at, c.id) < ($${params.length - 1}, $${params.length})`;
    }
    params.push(filter.limit + 1);
    const rows = (await this.dataSource.query(`SELECT c.* FROM complaints c WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`, params)) as ComplaintRow[];
    return this.assemble(this.dataSource.manager, rows);
  }

  /** The complaints about any of the given cases, in one query each for complaints and their parts. */
  async forCases(caseIds: readonly string[], access: { sql: string; params: unknown[] }): Promise<Complaint[]> {
    const params = [...access.params, caseIds];
    const rows = (await this.dataSource.query(
      `SELECT c.* FROM complaints c WHERE c.case_ids && $${params.length}::uuid[] AND ${access.sql} ORDER BY c.received_at, c.id`,
      params,
    )) as ComplaintRow[];
    return this.assemble(this.dataSource.manager, rows);
  }

  /** Records payments' report on the remedy it raised a refund for; an older report never overwrites a newer one. */
  async recordPaymentStatus(manager: EntityManager, remedyId: string, refundId: string, status: string, at: Date): Promise<{ complaintId: string; kind: RemedyKind } | undefined> {
    const rows = returned<{ complaint_id: string; kind: RemedyKind }>(
      await manager.query(
        `UPDATE complaint_remedies SET payment_status = $3, refund_id = $2, payment_status_at = $4
         WHERE id = $1 AND (payment_status_at IS NULL OR payment_status_at <= $4) RETURNING complaint_id, kind`,
        [remedyId, refundId, status, at],
      ),
    );
    return rows[0] && { complaintId: rows[0].complaint_id, kind: rows[0].kind };
  }

  private async saveParts(manager: EntityManager, complaint: Complaint): Promise<void> {
    const s = complaint.snapshot;
    for (const st of s.stages) {
      await manager.query(
        `INSERT INTO complaint_stages (complaint_id, stage, status, started_at, working_days, due_date, due_at, at_risk_at, calendar_version, at_risk, breached_at,
           acknowledged_at, investigation_started_at, draft, draft_template, drafted_by, response_text, responded_at, responded_by, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (complaint_id, stage) DO UPDATE SET status = excluded.status,
           -- The flag is the SLA run's, which may have set it since this command read the stage; an answer clears it.
           at_risk = CASE WHEN excluded.responded_at IS NOT NULL THEN false ELSE complaint_stages.at_risk END,
           acknowledged_at = excluded.acknowledged_at, investigation_started_at = excluded.investigation_started_at, draft = excluded.draft,
           draft_template = excluded.draft_template, drafted_by = excluded.drafted_by, response_text = excluded.response_text,
           responded_at = excluded.responded_at, responded_by = excluded.responded_by, outcome = excluded.outcome`,
        [s.id, st.stage, st.status, st.startedAt, st.workingDays, st.dueDate, st.dueAt, st.atRiskAt, st.calendarVersion, st.atRisk, st.breachedAt,
          st.acknowledgedAt, st.investigationStartedAt, st.draft, st.draftTemplate, st.draftedBy, st.responseText, st.respondedAt, st.respondedBy, st.outcome],
      );
    }
    for (const r of s.remedies) {
      await manager.query(
        `INSERT INTO complaint_remedies (id, complaint_id, kind, amount_pence, case_id, fee_code, description, stage, agreed_by, agreed_at, payment_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [r.id, s.id, r.kind, r.amountPence, r.caseId, r.feeCode, r.description, r.stage, r.agreedBy, r.agreedAt, r.paymentStatus],
      );
    }
    if (s.breach?.decidedAt) {
      await manager.query(
        `UPDATE complaint_breaches SET reportable = $2, decision_reason = $3, decided_by = $4, decided_at = $5 WHERE complaint_id = $1`,
        [s.id, s.breach.reportable, s.breach.decisionReason, s.breach.decidedBy, s.breach.decidedAt],
      );
    }
  }

  private async assemble(manager: EntityManager, rows: ComplaintRow[]): Promise<Complaint[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // due_date as text: the driver would turn a date into a Date at the server's local midnight.
    const stages = (await manager.query(`SELECT s.*, to_char(s.due_date, 'YYYY-MM-DD') AS due_day FROM complaint_stages s WHERE complaint_id = ANY ($1::uuid[]) ORDER BY stage`, [ids])) as Record<string, unknown>[];
    const remedies = (await manager.query(`SELECT * FROM complaint_remedies WHERE complaint_id = ANY ($1::uuid[]) ORDER BY agreed_at, id`, [ids])) as Record<string, unknown>[];
    const breaches = (await manager.query(`SELECT * FROM complaint_breaches WHERE complaint_id = ANY ($1::uuid[])`, [ids])) as Record<string, unknown>[];
    return rows.map((row) => Complaint.restore(toProps(row, stages.filter((s) => s.complaint_id === row.id), remedies.filter((r) => r.complaint_id === row.id), breaches.find((b) => b.complaint_id === row.id))));
  }
}

/** The rows of an UPDATE … RETURNING, which TypeORM's PostgreSQL driver hands back as [rows, affected count]. */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

function toProps(row: ComplaintRow, stages: Record<string, unknown>[], remedies: Record<string, unknown>[], breach: Record<string, unknown> | undefined): ComplaintProps {
  return {
    id: row.id,
    reference: row.reference,
    complainantType: row.complainant_type,
    complainantName: row.complainant_name,
    contactId: row.contact_id,
    complainantUserId: row.complainant_user_id,
    complainantOrganisationId: row.complainant_organisation_id,
    origin: row.origin,
    enquiryId: row.enquiry_id,
    caseIds: row.case_ids,
    category: row.category,
    subCategory: row.sub_category,
    severity: row.severity,
    investigatingOfficer: row.investigating_officer,
    language: row.language,
    receivedAt: row.received_at,
    summary: row.summary,
    stages: stages.map(toStage),
    remedies: remedies.map(toRemedy),
    breach: breach
      ? {
          awareAt: breach.aware_at as Date,
          regulatorDeadline: breach.regulator_deadline as Date,
          reportable: breach.reportable as boolean | null,
          decisionReason: breach.decision_reason as string | null,
          decidedBy: breach.decided_by as string | null,
          decidedAt: breach.decided_at as Date | null,
        }
      : null,
    closure:
      row.closed_at && row.business_area && row.cause_category && row.outcome && row.closed_by
        ? { businessArea: row.business_area, causeCategory: row.cause_category, outcome: row.outcome, closedAt: row.closed_at, closedBy: row.closed_by }
        : null,
    ombudsman: row.ombudsman
      ? {
          ...row.ombudsman,
          referredAt: new Date(row.ombudsman.referredAt),
          enquiries: row.ombudsman.enquiries.map((e) => ({ ...e, at: new Date(e.at) })),
          outcomeAt: row.ombudsman.outcomeAt ? new Date(row.ombudsman.outcomeAt) : null,
        }
      : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toStage(r: Record<string, unknown>): StageProps {
  return {
    stage: Number(r.stage) as Stage,
    status: r.status as StageStatus,
    startedAt: r.started_at as Date,
    workingDays: Number(r.working_days),
    dueDate: r.due_day as string,
    dueAt: r.due_at as Date,
    atRiskAt: r.at_risk_at as Date,
    calendarVersion: r.calendar_version as string,
    atRisk: r.at_risk as boolean,
    breachedAt: r.breached_at as Date | null,
    acknowledgedAt: r.acknowledged_at as Date | null,
    investigationStartedAt: r.investigation_started_at as Date | null,
    draft: r.draft as string | null,
    draftTemplate: r.draft_template as string | null,
    draftedBy: r.drafted_by as string | null,
    responseText: r.response_text as string | null,
    respondedAt: r.responded_at as Date | null,
    respondedBy: r.responded_by as string | null,
    outcome: r.outcome as Outcome | null,
  };
}

function toRemedy(r: Record<string, unknown>): RemedyProps {
  return {
    id: r.id as string,
    kind: r.kind as RemedyKind,
    amountPence: r.amount_pence === null ? null : Number(r.amount_pence),
    caseId: r.case_id as string | null,
    feeCode: r.fee_code as string | null,
    description: r.description as string | null,
    stage: Number(r.stage) as Stage,
    agreedBy: r.agreed_by as string,
    agreedAt: r.agreed_at as Date,
    paymentStatus: r.payment_status as string | null,
    refundId: r.refund_id as string | null,
  };
}
