import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { scopeFilter } from '@ccsc/auth';
import {
  and,
  ConflictError,
  CursorPosition,
  execute,
  joinSql,
  Page,
  query,
  queryOne,
  type Queryable,
  sql,
  Sql,
  toPage,
} from '@ccsc/platform';
import { Case, CaseFee, type WaitingOn } from '../domain/case';
import { OPEN_REFERRAL_STATUSES } from '../../assisted-digital/domain/referral';
import type { CaseAccess } from '../domain/case-access';
import type { Party, PartyKind, PartyRole, PreferredLanguage } from '../domain/party';

export interface CaseFilter {
  state?: string;
  caseType?: string;
}

export interface HistoryEntry {
  event: string;
  from: string;
  to: string;
  actor: string;
  reason: string | null;
  at: Date;
}

interface CaseRow {
  id: string;
  reference: string;
  case_type: string;
  state: string;
  state_entered_at: Date;
  state_until: Date | string | null;
  claim_amount_pence: number | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

interface PartyRow {
  id: string;
  case_id: string;
  position: number;
  role: string;
  kind: string;
  name: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  address_lines: string[] | null;
  user_id: string | null;
  represented_by: string | null;
  preferred_language: string | null;
  reasonable_adjustments: string[];
  vulnerability_flags: string[];
  identity_id: string | null;
}

interface FeeRow {
  case_id: string;
  code: string;
  event: string;
  status: string;
}

/** What readiness needs from the case's documents, referrals, decisions and status-review records. */
interface FactsRow {
  id: string;
  pending: number;
  accepted: number;
  referral: boolean;
  decided: boolean;
  decision_check: 'approved' | 'returned' | null;
  referred: boolean;
  minded_to: boolean;
  represented: boolean;
}

/**
 * The caller's access as a condition on the cases row aliased `c`. It is canSeeCase in SQL, for
 * lists and searches: the two must change together.
 */
export function caseAccessFilter(access: CaseAccess): Sql {
  return scopeFilter(access, {
    user: (userId) => sql`EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.user_id = ${userId})`,
    organisation: (organisationId) =>
      sql`EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.represented_by = ${organisationId})`,
  });
}

/**
 * Persistence of the case aggregate: the case row, its parties and its fees. Every method takes the
 * EntityManager of the caller's transaction where it writes.
 */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, aggregate: Case): Promise<void> {
    const s = aggregate.snapshot;
    try {
      await execute(
        manager,
        sql`INSERT INTO cases (id, reference, case_type, state, state_entered_at, state_until, claim_amount_pence, created_by,
            created_at, updated_at, version)
          VALUES (${s.id}, ${s.reference}, ${s.caseType}, ${s.state}, ${s.stateEnteredAt}, ${s.stateUntil}::date,
            ${s.claimAmountPence}, ${s.createdBy}, ${s.createdAt}, ${s.updatedAt}, ${s.version})`,
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ConflictError('A case with this reference already exists');
      throw error;
    }
    await this.saveParties(manager, s.id, s.parties);
  }

  /** Saves a changed case (state, parties, fees), refusing it when someone else changed it since it was read. */
  async update(manager: EntityManager, aggregate: Case): Promise<void> {
    const s = aggregate.snapshot;
    const updated = await execute(
      manager,
      sql`UPDATE cases SET state = ${s.state}, state_entered_at = ${s.stateEnteredAt}, state_until = ${s.stateUntil}::date,
          updated_at = ${s.updatedAt},
          version = ${s.version + 1}
        WHERE id = ${s.id} AND version = ${s.version}`,
    );
    if (updated !== 1) throw new ConflictError('The case was changed by someone else; reload it and try again');
    await this.saveParties(manager, s.id, s.parties);
    await this.saveFees(manager, s.id, s.fees);
  }

  async saveFees(manager: EntityManager, caseId: string, fees: readonly CaseFee[]): Promise<void> {
    if (fees.length === 0) return;
    const rows = fees.map((f) => sql`(${caseId}, ${f.code}, ${f.event}, ${f.status})`);
    await execute(
      manager,
      sql`INSERT INTO case_fees (case_id, code, event, status) VALUES ${joinSql(rows)}
        ON CONFLICT (case_id, code, event) DO UPDATE SET status = EXCLUDED.status`,
    );
  }

  async recordTransition(
    manager: EntityManager,
    entry: {
      caseId: string;
      event: string;
      from: string;
      to: string;
      actor: string;
      actorRoles: readonly string[];
      reason?: string;
      at: Date;
    },
  ): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_history (id, case_id, event, from_state, to_state, actor, actor_roles, reason, at)
       VALUES (gen_random_uuid(), ${entry.caseId}, ${entry.event}, ${entry.from}, ${entry.to}, ${entry.actor},
         ${entry.actorRoles.join(',')}, ${entry.reason ?? null}, ${entry.at})`,
    );
  }

  async history(caseId: string): Promise<HistoryEntry[]> {
    return query<HistoryEntry>(
      this.dataSource,
      sql`SELECT event, from_state AS "from", to_state AS "to", actor, reason, at FROM case_history
        WHERE case_id = ${caseId} ORDER BY at, id`,
    );
  }

  /**
   * What a case waits for that concerns these parties only, as their side may know of it: its documents in
   * review filed for them (domain/case-document's documentAudience: the other side's papers in review are not
   * theirs to know of), and whether one of them has an assisted-digital referral open (another party's needs
   * are that party's and staff's).
   */
  async waitingOn(
    caseId: string,
    partyIds: readonly string[],
    runner: Queryable = this.dataSource,
  ): Promise<WaitingOn> {
    const row = await queryOne<{ documents: number; referral: boolean }>(
      runner,
      sql`SELECT
         (SELECT count(*) FROM case_documents WHERE case_id = ${caseId} AND status = 'pending-review'
           AND filed_for && ${partyIds}::uuid[])::int AS documents,
         EXISTS (SELECT 1 FROM assisted_digital_referrals WHERE case_id = ${caseId}
           AND status = ANY(${OPEN_REFERRAL_STATUSES}::text[]) AND party_id = ANY(${partyIds}::uuid[])) AS referral`,
    );
    return { documentsAwaitingAcceptance: row?.documents ?? 0, openAssistedDigitalReferral: row?.referral ?? false };
  }

  /**
   * The case, only if the caller may see it: the access rule is part of the statement, so a case the caller
   * may not see is not read at all, and "not found" takes the same one query whether it exists or not.
   */
  findVisibleById(id: string, access: CaseAccess): Promise<Case | undefined> {
    return this.findVisible(this.dataSource.manager, sql`c.id = ${id}`, access);
  }

  findVisibleByReference(reference: string, access: CaseAccess): Promise<Case | undefined> {
    return this.findVisible(this.dataSource.manager, sql`c.reference = ${reference}`, access);
  }

  /**
   * The same, its row locked until the caller's transaction ends (changes to it queue up rather than
   * overwrite each other): a case the caller may not see is neither locked nor read, so a stranger cannot
   * hold up its writers.
   */
  findVisibleForUpdate(manager: EntityManager, id: string, access: CaseAccess): Promise<Case | undefined> {
    return this.findVisible(manager, sql`c.id = ${id}`, access, true);
  }

  private async findVisible(
    manager: EntityManager,
    condition: Sql,
    access: CaseAccess,
    forUpdate = false,
  ): Promise<Case | undefined> {
    const row = await queryOne<CaseRow>(
      manager,
      sql`SELECT c.* FROM cases c WHERE ${condition} AND ${caseAccessFilter(access)}${forUpdate ? sql` FOR UPDATE OF c` : sql``}`,
    );
    return (await this.complete(manager, row ? [row] : []))[0];
  }

  /**
   * The case, locked for the caller's transaction, whoever asks: for the platform's own work on a case already
   * found visible, or on no caller's behalf (payments' news of its fees, the deadline run).
   */
  async findForUpdate(manager: EntityManager, id: string): Promise<Case | undefined> {
    const row = await queryOne<CaseRow>(manager, sql`SELECT * FROM cases WHERE id = ${id} FOR UPDATE`);
    return (await this.complete(manager, row ? [row] : []))[0];
  }

  /** One query for many ids: federation resolves lists of cases through this. */
  async findByIds(ids: readonly string[]): Promise<Case[]> {
    if (ids.length === 0) return [];
    const rows = await query<CaseRow>(this.dataSource, sql`SELECT * FROM cases WHERE id = ANY(${ids}::uuid[])`);
    return this.complete(this.dataSource.manager, rows);
  }

  /** Newest first, keyset-paginated, with the caller's access applied in SQL. */
  async findPage(filter: CaseFilter, access: CaseAccess, limit: number, after?: CursorPosition): Promise<Page<Case>> {
    const where = and([
      filter.state ? sql`c.state = ${filter.state}` : undefined,
      filter.caseType ? sql`c.case_type = ${filter.caseType}` : undefined,
      caseAccessFilter(access),
      after ? sql`(c.created_at, c.id) < (${after.createdAt}, ${after.id})` : undefined,
    ]);
    const rows = await query<CaseRow>(
      this.dataSource,
      sql`SELECT c.* FROM cases c WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`,
    );
    return toPage(await this.complete(this.dataSource.manager, rows), limit);
  }

  /** Inserts new parties and updates the others, in the order they have on the case. */
  private async saveParties(manager: EntityManager, caseId: string, parties: readonly Party[]): Promise<void> {
    if (parties.length === 0) return;
    const rows = parties.map(
      (p, position) =>
        sql`(${p.id}, ${caseId}, ${position}, ${p.role}, ${p.kind}, ${p.name}, ${p.email ?? null}, ${p.phone ?? null},
          ${p.postcode ?? null}, ${p.addressLines ?? null}::text[], ${p.userId ?? null}, ${p.representedBy ?? null},
          ${p.preferredLanguage ?? null}, ${p.reasonableAdjustments}::text[], ${p.vulnerabilityFlags}::text[])`,
    );
    await execute(
      manager,
      sql`INSERT INTO case_parties (id, case_id, position, role, kind, name, email, phone, postcode, address_lines,
          user_id, represented_by, preferred_language, reasonable_adjustments, vulnerability_flags)
        VALUES ${joinSql(rows)}
        ON CONFLICT (id) DO UPDATE SET case_id = EXCLUDED.case_id, position = EXCLUDED.position,
          role = EXCLUDED.role, kind = EXCLUDED.kind, name = EXCLUDED.name, email = EXCLUDED.email,
          phone = EXCLUDED.phone, postcode = EXCLUDED.postcode, address_lines = EXCLUDED.address_lines,
          user_id = EXCLUDED.user_id,
          represented_by = EXCLUDED.represented_by, preferred_language = EXCLUDED.preferred_language,
          reasonable_adjustments = EXCLUDED.reasonable_adjustments, vulnerability_flags = EXCLUDED.vulnerability_flags`,
    );
  }

  /** The cases of these rows, in their order, with parties, fees and readiness facts: one query each for all of them. */
  private async complete(manager: EntityManager, rows: readonly CaseRow[]): Promise<Case[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parties = await query<PartyRow>(
      manager,
      sql`SELECT * FROM case_parties WHERE case_id = ANY(${ids}::uuid[]) ORDER BY position`,
    );
    const fees = await query<FeeRow>(manager, sql`SELECT * FROM case_fees WHERE case_id = ANY(${ids}::uuid[])`);
    const facts = await query<FactsRow>(
      manager,
      sql`SELECT c.id,
         (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id AND d.status = 'pending-review')::int AS pending,
         (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id AND d.status = 'accepted'
           AND (d.filed_by_staff OR d.reviewed_by IS NOT NULL))::int AS accepted,
         EXISTS (SELECT 1 FROM assisted_digital_referrals r
           WHERE r.case_id = c.id AND r.status = ANY(${OPEN_REFERRAL_STATUSES}::text[])) AS referral,
         EXISTS (SELECT 1 FROM case_decisions d WHERE d.case_id = c.id) AS decided,
         (SELECT d.check_outcome FROM case_decisions d
           WHERE d.case_id = c.id AND NOT EXISTS (SELECT 1 FROM case_decisions s WHERE s.supersedes = d.id)
           ORDER BY d.decided_at DESC, d.id LIMIT 1) AS decision_check,
         EXISTS (SELECT 1 FROM status_review_referrals r WHERE r.case_id = c.id) AS referred,
         EXISTS (SELECT 1 FROM minded_to_notices n WHERE n.case_id = c.id) AS minded_to,
         EXISTS (SELECT 1 FROM minded_to_representations p WHERE p.case_id = c.id) AS represented
       FROM unnest(${ids}::uuid[]) AS c(id)`,
    );
    const factsOf = new Map(facts.map((f) => [f.id, f]));
    return rows.map((r) =>
      toDomain(
        r,
        parties.filter((p) => p.case_id === r.id),
        fees.filter((f) => f.case_id === r.id),
        factsOf.get(r.id),
      ),
    );
  }
}

function toDomain(
  r: CaseRow,
  parties: readonly PartyRow[],
  fees: readonly FeeRow[],
  facts: FactsRow | undefined,
): Case {
  return Case.restore({
    documentsAwaitingAcceptance: facts?.pending ?? 0,
    openAssistedDigitalReferral: facts?.referral ?? false,
    decisionRecorded: facts?.decided ?? false,
    ...(facts?.decision_check ? { decisionCheck: facts.decision_check } : {}),
    documentsAccepted: facts?.accepted ?? 0,
    referralRecorded: facts?.referred ?? false,
    mindedToNoticeRecorded: facts?.minded_to ?? false,
    representationsRecorded: facts?.represented ?? false,
    id: r.id,
    reference: r.reference,
    caseType: r.case_type,
    state: r.state,
    stateEnteredAt: r.state_entered_at,
    stateUntil: localDay(r.state_until),
    claimAmountPence: r.claim_amount_pence,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    fees: fees.map((f) => ({ code: f.code, event: f.event, status: f.status as CaseFee['status'] })),
    parties: parties.map(toParty),
  });
}

function toParty(p: PartyRow): Party {
  return {
    id: p.id,
    role: p.role as PartyRole,
    kind: p.kind as PartyKind,
    name: p.name,
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.postcode ? { postcode: p.postcode } : {}),
    ...(p.address_lines ? { addressLines: p.address_lines } : {}),
    ...(p.user_id ? { userId: p.user_id } : {}),
    ...(p.represented_by ? { representedBy: p.represented_by } : {}),
    ...(p.preferred_language ? { preferredLanguage: p.preferred_language as PreferredLanguage } : {}),
    reasonableAdjustments: p.reasonable_adjustments,
    vulnerabilityFlags: p.vulnerability_flags,
    ...(p.identity_id ? { identityId: p.identity_id } : {}),
  };
}

/** node-postgres reads a `date` as local midnight of that day; the day is what the column holds. */
function localDay(value: Date | string | null): LocalDate | null {
  if (value === null || typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
