import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { scopeFilter, type Principal } from '@ccsc/auth';
import { rawSql, sql, type Sql } from '@ccsc/platform/sql';
import { noteActingFor } from '@ccsc/platform/work-scope';
import { caseAccessChangedV2, CaseAccessChangedV2, EventEnvelope } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { CASE_ACCESS_TABLE } from './case-access.table';
import { admits, audienceOfParties, caseAccessOf, partiesActedFor, PartyRelation } from './case-access.rule';

interface AccessRow {
  case_id: string;
  reference: string;
  organisations: string[];
  users: string[];
  parties: PartyRelation[];
}

/**
 * Case authorisation for the services that do not own cases: their case-linked data is visible to
 * whoever may see the case, decided from this service's projection of cases' access events (never
 * from cases' tables). A case not (yet) known here is visible to staff only.
 */
@Injectable()
export class CaseAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: EventHandlers,
  ) {}

  onModuleInit() {
    this.handlers.on(caseAccessChangedV2, (event, manager) =>
      recordCaseAccess(manager, event as EventEnvelope<CaseAccessChangedV2>),
    );
  }

  /** The case is known to the platform (cases has announced it). */
  async exists(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.rows([caseId], manager)).length > 0;
  }

  /** The case's id from its 16-digit reference, when known. */
  async idOfReference(
    reference: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const rows = (await manager.query(`SELECT case_id FROM ${CASE_ACCESS_TABLE} WHERE reference = $1`, [
      reference.replace(/[\s-]/g, ''),
    ])) as { case_id: string }[];
    return rows[0]?.case_id;
  }

  async canSee(principal: Principal, caseId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.visible(principal, [caseId], manager)).has(caseId);
  }

  /** The ids among `caseIds` the caller may see, in one query. */
  async visible(
    principal: Principal,
    caseIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const scope = caseAccessOf(principal);
    if (scope.kind === 'all') return new Set(caseIds);
    if (scope.kind === 'none' || caseIds.length === 0) return new Set();
    const rows = await this.rows(caseIds, manager);
    return new Set(rows.filter((r) => admits(scope, r)).map((r) => r.case_id));
  }

  /**
   * The parties of the case the caller acts for (as that citizen, or as the firm representing them):
   * what a service checks before showing or changing data that concerns one party, so the
   * opponent, who can see the case, still cannot act for the other side. Staff act for nobody.
   */
  async partiesActedFor(
    principal: Principal,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PartyRelation[]> {
    return (await this.partiesActedForEach(principal, [caseId], manager)).get(caseId) ?? [];
  }

  /** The same for several cases in one query: each known case's parties the caller acts for. */
  async partiesActedForEach(
    principal: Principal,
    caseIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PartyRelation[]>> {
    const scope = caseAccessOf(principal);
    if (scope.kind === 'all' || scope.kind === 'none' || caseIds.length === 0) return new Map();
    const acting = new Map(
      (await this.rows(caseIds, manager)).map((r) => [r.case_id, partiesActedFor(scope, r.parties)]),
    );
    // What the caller does next (a change, a read) is on these parties' behalf: the audit trail says so.
    noteActingFor([...acting.values()].flat().map((p) => p.partyId));
    return acting;
  }

  /**
   * The ids among `caseIds` whose fees (and remissions) the caller may see: staff all; otherwise
   * only where they act for a party whose side pays the fees, never for the other side.
   */
  async feesVisible(
    principal: Principal,
    caseIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (caseAccessOf(principal).kind === 'all') return new Set(caseIds);
    const acting = await this.partiesActedForEach(principal, caseIds, manager);
    return new Set([...acting].filter(([, parties]) => parties.some((p) => p.paysFees)).map(([caseId]) => caseId));
  }

  /** The same rule as a SQL condition on a case id column (names from the code), for lists: `true` for staff. */
  filter(principal: Principal, caseIdColumn: string): Sql {
    const caseId = rawSql(caseIdColumn);
    return scopeFilter(caseAccessOf(principal), {
      organisation: (organisationId) =>
        sql`EXISTS (SELECT 1 FROM ${rawSql(CASE_ACCESS_TABLE)} ca WHERE ca.case_id = ${caseId} AND ${organisationId} = ANY (ca.organisations))`,
      user: (userId) =>
        sql`EXISTS (SELECT 1 FROM ${rawSql(CASE_ACCESS_TABLE)} ca WHERE ca.case_id = ${caseId} AND ${userId} = ANY (ca.users))`,
    });
  }

  private async rows(caseIds: readonly string[], manager: EntityManager): Promise<AccessRow[]> {
    return (await manager.query(
      `SELECT case_id, reference, organisations, users, parties FROM ${CASE_ACCESS_TABLE} WHERE case_id = ANY ($1::uuid[])`,
      [caseIds],
    )) as AccessRow[];
  }
}

/**
 * Upserts the projection from one event. The case's sequence orders changes: a late, replayed or
 * forged-old event never undoes a newer one, and an event's clock plays no part.
 */
export async function recordCaseAccess(
  manager: EntityManager,
  event: EventEnvelope<CaseAccessChangedV2>,
): Promise<void> {
  const { caseId, reference, sequence, parties } = event.data;
  const { organisations, users } = audienceOfParties(parties);
  await manager.query(
    `INSERT INTO ${CASE_ACCESS_TABLE} (case_id, reference, organisations, users, parties, sequence) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id) DO UPDATE SET organisations = excluded.organisations, users = excluded.users, parties = excluded.parties, sequence = excluded.sequence
     WHERE ${CASE_ACCESS_TABLE}.sequence < excluded.sequence`,
    [caseId, reference, organisations, users, JSON.stringify(parties), sequence],
  );
}
