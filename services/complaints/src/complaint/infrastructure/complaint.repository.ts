import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ComplaintSeverity } from '@ccsc/contracts';
import { and, execute, query, queryOne, sql, type Sql } from '@ccsc/platform';
import type { Stage } from '../domain/clocks';
import {
  Change,
  Complaint,
  ComplaintChannel,
  ComplaintProps,
  ComplainantType,
  Outcome,
  RemedyKind,
  RemedyProps,
  StageProps,
  StageStatus,
  TimelineEntry,
} from '../domain/complaint';

interface ComplaintRow {
  id: string;
  reference: string;
  complainant_type: ComplainantType;
  complainant_name: string | null;
  complainant_email: string | null;
  complainant_phone: string | null;
  complainant_address_lines: string[] | null;
  complainant_postcode: string | null;
  /** Null: the complaint's language (rows from before it was asked for). */
  complainant_language: 'en' | 'cy' | null;
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
  ombudsman: {
    ombudsmanReference: string;
    referredAt: string;
    /** The answer's fields are absent from enquiries stored before answers were recorded. */
    enquiries: {
      at: string;
      text: string;
      by: string;
      answer?: string | null;
      answeredAt?: string | null;
      answeredBy?: string | null;
    }[];
    outcome: Outcome | null;
    outcomeAt: string | null;
  } | null;
  created_at: Date;
  created_by: string;
}

interface StageRow {
  complaint_id: string;
  stage: number;
  status: StageStatus;
  started_at: Date;
  working_days: number;
  /** due_date as text: the driver would turn a date into a Date at the server's local midnight. */
  due_day: string;
  due_at: Date;
  at_risk_at: Date;
  calendar_version: string;
  at_risk: boolean;
  breached_at: Date | null;
  acknowledged_at: Date | null;
  investigation_started_at: Date | null;
  draft: string | null;
  draft_template: string | null;
  drafted_by: string | null;
  response_text: string | null;
  responded_at: Date | null;
  responded_by: string | null;
  outcome: Outcome | null;
}

interface RemedyRow {
  id: string;
  complaint_id: string;
  kind: RemedyKind;
  /** bigint: the driver hands it over as a string. */
  amount_pence: string | null;
  case_id: string | null;
  fee_code: string | null;
  description: string | null;
  stage: number;
  agreed_by: string;
  agreed_at: Date;
  payment_status: string | null;
  refund_id: string | null;
}

interface BreachRow {
  complaint_id: string;
  aware_at: Date;
  regulator_deadline: Date;
  reportable: boolean | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface ComplaintListFilter {
  /** Whose complaints the caller may see: a condition over `c`, the complaints row. */
  access: Sql;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** Persistence of complaints in plain SQL; writes take the caller's transaction's EntityManager. */
@Injectable()
export class ComplaintRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextReference(manager: EntityManager): Promise<string> {
    const [row] = await query<{ n: string }>(manager, sql`SELECT nextval('complaint_reference_seq') AS n`);
    return `CMP-${row.n.padStart(6, '0')}`;
  }

  /** False when the enquiry already became a complaint: the caller then changes and publishes nothing. */
  async insert(manager: EntityManager, complaint: Complaint): Promise<boolean> {
    const s = complaint.snapshot;
    const contact = s.complainantContact;
    const inserted = await execute(
      manager,
      sql`INSERT INTO complaints (id, reference, complainant_type, complainant_name, complainant_email,
            complainant_phone, complainant_address_lines, complainant_postcode, complainant_language, contact_id,
            complainant_user_id, complainant_organisation_id, origin, enquiry_id, case_ids, category, sub_category,
            severity, investigating_officer, language, received_at, summary, created_at, created_by)
          VALUES (${s.id}, ${s.reference}, ${s.complainantType}, ${s.complainantName}, ${contact.email},
            ${contact.phone}, ${contact.addressLines}, ${contact.postcode}, ${contact.language}, ${s.contactId},
            ${s.complainantUserId}, ${s.complainantOrganisationId}, ${s.origin}, ${s.enquiryId}, ${s.caseIds},
            ${s.category}, ${s.subCategory}, ${s.severity}, ${s.investigatingOfficer}, ${s.language},
            ${s.receivedAt}, ${s.summary}, ${s.createdAt}, ${s.createdBy})
          ON CONFLICT (enquiry_id) DO NOTHING RETURNING id`,
    );
    if (inserted === 0) return false;
    await this.saveParts(manager, complaint);
    return true;
  }

  async update(manager: EntityManager, complaint: Complaint): Promise<void> {
    const s = complaint.snapshot;
    const c = s.closure;
    await execute(
      manager,
      sql`UPDATE complaints SET severity = ${s.severity}, investigating_officer = ${s.investigatingOfficer},
            business_area = ${c?.businessArea ?? null}, cause_category = ${c?.causeCategory ?? null},
            outcome = ${c?.outcome ?? null},
            closed_at = ${c?.closedAt ?? null}, closed_by = ${c?.closedBy ?? null},
            ombudsman = ${s.ombudsman ? JSON.stringify(s.ombudsman) : null}
          WHERE id = ${s.id}`,
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
    const inserted = await execute(
      manager,
      sql`INSERT INTO complaint_breaches (complaint_id, aware_at, regulator_deadline)
          VALUES (${complaint.id}, ${b.awareAt}, ${b.regulatorDeadline})
          ON CONFLICT (complaint_id) DO NOTHING RETURNING complaint_id`,
    );
    return inserted > 0;
  }

  async appendTimeline(
    manager: EntityManager,
    complaintId: string,
    changes: Change[],
    actor: string | null,
    at: Date,
  ): Promise<void> {
    if (changes.length === 0) return;
    await execute(
      manager,
      sql`INSERT INTO complaint_timeline (id, complaint_id, kind, summary, actor, at)
          SELECT id, ${complaintId}, kind, summary, ${actor}, ${at}
          FROM unnest(${changes.map(() => randomUUID())}::uuid[], ${changes.map((c) => c.kind)}::varchar[],
            ${changes.map((c) => c.summary)}::varchar[]) AS t (id, kind, summary)`,
    );
  }

  timeline(complaintId: string): Promise<TimelineEntry[]> {
    return query<TimelineEntry>(
      this.dataSource,
      sql`SELECT id, kind, summary, actor, at FROM complaint_timeline WHERE complaint_id = ${complaintId} ORDER BY seq`,
    );
  }

  async findById(id: string): Promise<Complaint | undefined> {
    return this.findOne(this.dataSource.manager, sql`SELECT * FROM complaints WHERE id = ${id}`);
  }

  /** The complaint row stays locked until the caller's transaction ends, so commands on it queue up. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Complaint | undefined> {
    return this.findOne(manager, sql`SELECT * FROM complaints WHERE id = ${id} FOR UPDATE`);
  }

  /** The complaints with these ids, in no particular order; an unknown id is left out. */
  async findByIds(ids: readonly string[]): Promise<Complaint[]> {
    if (ids.length === 0) return [];
    const rows = await query<ComplaintRow>(
      this.dataSource,
      sql`SELECT * FROM complaints WHERE id = ANY (${ids}::uuid[])`,
    );
    return this.assemble(this.dataSource.manager, rows);
  }

  /** Which of these complaints the access filter admits (ids only: nothing of them is read). */
  async visibleIds(ids: readonly string[], access: Sql): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await query<{ id: string }>(
      this.dataSource,
      sql`SELECT c.id FROM complaints c WHERE c.id = ANY (${ids}::uuid[]) AND ${access}`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Newest first by (created_at, id), one page and one extra row. */
  async list(filter: ComplaintListFilter): Promise<Complaint[]> {
    const after = filter.after && sql`(c.created_at, c.id) < (${filter.after.createdAt}, ${filter.after.id})`;
    const rows = await query<ComplaintRow>(
      this.dataSource,
      sql`SELECT c.* FROM complaints c WHERE ${and([filter.access, after])}
          ORDER BY c.created_at DESC, c.id DESC LIMIT ${filter.limit + 1}`,
    );
    return this.assemble(this.dataSource.manager, rows);
  }

  /** The complaints about any of the given cases, in one query each for complaints and their parts. */
  async forCases(caseIds: readonly string[], access: Sql): Promise<Complaint[]> {
    const rows = await query<ComplaintRow>(
      this.dataSource,
      sql`SELECT c.* FROM complaints c WHERE c.case_ids && ${caseIds}::uuid[] AND ${access}
          ORDER BY c.received_at, c.id`,
    );
    return this.assemble(this.dataSource.manager, rows);
  }

  /** The references of the cases (from the case-access projection), in their order; an unknown case by its id. */
  async caseReferences(manager: EntityManager, caseIds: readonly string[]): Promise<string[]> {
    if (caseIds.length === 0) return [];
    const rows = await query<{ case_id: string; reference: string }>(
      manager,
      sql`SELECT case_id, reference FROM case_access WHERE case_id = ANY (${caseIds}::uuid[])`,
    );
    return caseIds.map((id) => rows.find((r) => r.case_id === id)?.reference ?? id);
  }

  /**
   * Records payments' report on the remedy it raised a refund for; an older report never overwrites a
   * newer one. The remedy's complaint, or undefined when nothing changed.
   */
  async recordPaymentStatus(
    manager: EntityManager,
    remedyId: string,
    refundId: string,
    status: string,
    at: Date,
  ): Promise<string | undefined> {
    const row = await queryOne<{ complaint_id: string }>(
      manager,
      sql`UPDATE complaint_remedies SET payment_status = ${status}, refund_id = ${refundId}, payment_status_at = ${at}
          WHERE id = ${remedyId} AND (payment_status_at IS NULL OR payment_status_at <= ${at})
          RETURNING complaint_id`,
    );
    return row?.complaint_id;
  }

  private async findOne(manager: EntityManager, statement: Sql): Promise<Complaint | undefined> {
    return (await this.assemble(manager, await query<ComplaintRow>(manager, statement)))[0];
  }

  private async saveParts(manager: EntityManager, complaint: Complaint): Promise<void> {
    const s = complaint.snapshot;
    for (const st of s.stages) {
      await execute(
        manager,
        sql`INSERT INTO complaint_stages (complaint_id, stage, status, started_at, working_days, due_date, due_at,
              at_risk_at, calendar_version, at_risk, breached_at, acknowledged_at, investigation_started_at, draft,
              draft_template, drafted_by, response_text, responded_at, responded_by, outcome)
            VALUES (${s.id}, ${st.stage}, ${st.status}, ${st.startedAt}, ${st.workingDays}, ${st.dueDate},
              ${st.dueAt}, ${st.atRiskAt}, ${st.calendarVersion}, ${st.atRisk}, ${st.breachedAt}, ${st.acknowledgedAt},
              ${st.investigationStartedAt}, ${st.draft}, ${st.draftTemplate}, ${st.draftedBy}, ${st.responseText},
              ${st.respondedAt}, ${st.respondedBy}, ${st.outcome})
            ON CONFLICT (complaint_id, stage) DO UPDATE SET status = excluded.status,
              -- The flag is the SLA run's, which may have set it since this command read the stage; an answer
              -- clears it.
              at_risk = CASE WHEN excluded.responded_at IS NOT NULL THEN false ELSE complaint_stages.at_risk END,
              acknowledged_at = excluded.acknowledged_at, investigation_started_at = excluded.investigation_started_at,
              draft = excluded.draft, draft_template = excluded.draft_template, drafted_by = excluded.drafted_by,
              response_text = excluded.response_text, responded_at = excluded.responded_at,
              responded_by = excluded.responded_by, outcome = excluded.outcome`,
      );
    }
    for (const r of s.remedies) {
      await execute(
        manager,
        sql`INSERT INTO complaint_remedies (id, complaint_id, kind, amount_pence, case_id, fee_code, description, stage,
              agreed_by, agreed_at, payment_status)
            VALUES (${r.id}, ${s.id}, ${r.kind}, ${r.amountPence}, ${r.caseId}, ${r.feeCode}, ${r.description},
              ${r.stage}, ${r.agreedBy}, ${r.agreedAt}, ${r.paymentStatus})
            ON CONFLICT (id) DO NOTHING`,
      );
    }
    const b = s.breach;
    if (b?.decidedAt) {
      await execute(
        manager,
        sql`UPDATE complaint_breaches SET reportable = ${b.reportable}, decision_reason = ${b.decisionReason},
              decided_by = ${b.decidedBy}, decided_at = ${b.decidedAt}
            WHERE complaint_id = ${s.id}`,
      );
    }
  }

  private async assemble(manager: EntityManager, rows: ComplaintRow[]): Promise<Complaint[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const stages = await query<StageRow>(
      manager,
      sql`SELECT s.*, to_char(s.due_date, 'YYYY-MM-DD') AS due_day FROM complaint_stages s
          WHERE complaint_id = ANY (${ids}::uuid[]) ORDER BY stage`,
    );
    const remedies = await query<RemedyRow>(
      manager,
      sql`SELECT * FROM complaint_remedies WHERE complaint_id = ANY (${ids}::uuid[]) ORDER BY agreed_at, id`,
    );
    const breaches = await query<BreachRow>(
      manager,
      sql`SELECT * FROM complaint_breaches WHERE complaint_id = ANY (${ids}::uuid[])`,
    );
    return rows.map((row) =>
      Complaint.restore(
        toProps(
          row,
          stages.filter((s) => s.complaint_id === row.id),
          remedies.filter((r) => r.complaint_id === row.id),
          breaches.find((b) => b.complaint_id === row.id),
        ),
      ),
    );
  }
}

function toProps(
  row: ComplaintRow,
  stages: StageRow[],
  remedies: RemedyRow[],
  breach: BreachRow | undefined,
): ComplaintProps {
  return {
    id: row.id,
    reference: row.reference,
    complainantType: row.complainant_type,
    complainantName: row.complainant_name,
    complainantContact: {
      email: row.complainant_email,
      phone: row.complainant_phone,
      addressLines: row.complainant_address_lines,
      postcode: row.complainant_postcode,
      language: row.complainant_language ?? row.language,
    },
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
          awareAt: breach.aware_at,
          regulatorDeadline: breach.regulator_deadline,
          reportable: breach.reportable,
          decisionReason: breach.decision_reason,
          decidedBy: breach.decided_by,
          decidedAt: breach.decided_at,
        }
      : null,
    closure:
      row.closed_at && row.business_area && row.cause_category && row.outcome && row.closed_by
        ? {
            businessArea: row.business_area,
            causeCategory: row.cause_category,
            outcome: row.outcome,
            closedAt: row.closed_at,
            closedBy: row.closed_by,
          }
        : null,
    ombudsman: row.ombudsman
      ? {
          ...row.ombudsman,
          referredAt: new Date(row.ombudsman.referredAt),
          enquiries: row.ombudsman.enquiries.map((e) => ({
            at: new Date(e.at),
            text: e.text,
            by: e.by,
            answer: e.answer ?? null,
            answeredAt: e.answeredAt ? new Date(e.answeredAt) : null,
            answeredBy: e.answeredBy ?? null,
          })),
          outcomeAt: row.ombudsman.outcomeAt ? new Date(row.ombudsman.outcomeAt) : null,
        }
      : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toStage(r: StageRow): StageProps {
  return {
    stage: Number(r.stage) as Stage,
    status: r.status,
    startedAt: r.started_at,
    workingDays: Number(r.working_days),
    dueDate: r.due_day,
    dueAt: r.due_at,
    atRiskAt: r.at_risk_at,
    calendarVersion: r.calendar_version,
    atRisk: r.at_risk,
    breachedAt: r.breached_at,
    acknowledgedAt: r.acknowledged_at,
    investigationStartedAt: r.investigation_started_at,
    draft: r.draft,
    draftTemplate: r.draft_template,
    draftedBy: r.drafted_by,
    responseText: r.response_text,
    respondedAt: r.responded_at,
    respondedBy: r.responded_by,
    outcome: r.outcome,
  };
}

function toRemedy(r: RemedyRow): RemedyProps {
  return {
    id: r.id,
    kind: r.kind,
    amountPence: r.amount_pence === null ? null : Number(r.amount_pence),
    caseId: r.case_id,
    feeCode: r.fee_code,
    description: r.description,
    stage: Number(r.stage) as Stage,
    agreedBy: r.agreed_by,
    agreedAt: r.agreed_at,
    paymentStatus: r.payment_status,
    refundId: r.refund_id,
  };
}
