import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import {
  receivedLate,
  type MindedToNotice,
  type RepresentationMaker,
  type Representations,
} from '../domain/minded-to-notice';

interface NoticeRow {
  id: string;
  case_id: string;
  proposed_outcome: string;
  grounds: string;
  representations_due_on: string;
  calendar_version: string;
  issued_by: string;
  issued_at: Date;
}

interface RepresentationsRow {
  id: string;
  notice_id: string;
  case_id: string;
  received_on: string;
  made_by: RepresentationMaker;
  summary: string;
  recorded_by: string;
  recorded_at: Date;
}

/** The minded-to notice of a case and the representations made on it. */
@Injectable()
export class MindedToNoticeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, n: MindedToNotice): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO minded_to_notices (id, case_id, proposed_outcome, grounds, representations_due_on,
          calendar_version, issued_by, issued_at)
        VALUES (${n.id}, ${n.caseId}, ${n.proposedOutcome}, ${n.grounds}, ${n.representationsDueOn},
          ${n.calendarVersion}, ${n.issuedBy}, ${n.issuedAt})`,
    );
  }

  async insertRepresentations(manager: EntityManager, r: Representations): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO minded_to_representations (id, notice_id, case_id, received_on, made_by, summary, recorded_by,
          recorded_at)
        VALUES (${r.id}, ${r.noticeId}, ${r.caseId}, ${r.receivedOn}, ${r.madeBy}, ${r.summary}, ${r.recordedBy},
          ${r.recordedAt})`,
    );
  }

  /** The case's notice with its representations (in the order received), read in `manager`'s transaction or outside one. */
  async findForCase(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MindedToNotice | undefined> {
    const notice = await queryOne<NoticeRow>(
      manager,
      sql`SELECT id, case_id, proposed_outcome, grounds, representations_due_on::text, calendar_version, issued_by,
          issued_at
        FROM minded_to_notices WHERE case_id = ${caseId}`,
    );
    if (!notice) return undefined;
    const representations = await query<RepresentationsRow>(
      manager,
      sql`SELECT id, notice_id, case_id, received_on::text, made_by, summary, recorded_by, recorded_at
        FROM minded_to_representations WHERE notice_id = ${notice.id} ORDER BY received_on, recorded_at, id`,
    );
    const dueOn = notice.representations_due_on;
    return {
      id: notice.id,
      caseId: notice.case_id,
      proposedOutcome: notice.proposed_outcome,
      grounds: notice.grounds,
      representationsDueOn: dueOn,
      calendarVersion: notice.calendar_version,
      issuedBy: notice.issued_by,
      issuedAt: notice.issued_at,
      representations: representations.map((r) => ({
        id: r.id,
        noticeId: r.notice_id,
        caseId: r.case_id,
        receivedOn: r.received_on,
        madeBy: r.made_by,
        summary: r.summary,
        late: receivedLate(r.received_on, dueOn),
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at,
      })),
    };
  }
}
