import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { execute, query, sql } from '@ccsc/platform';
import type { PartyKind, PartyRole } from '../../case/domain/party';
import type { IdentityParty, MatchedParty } from '../domain/identity-match';

interface MatchedRow {
  id: string;
  case_id: string;
  kind: PartyKind;
  identity_id: string | null;
}

const toMatched = (r: MatchedRow): MatchedParty => ({
  partyId: r.id,
  caseId: r.case_id,
  kind: r.kind,
  identityId: r.identity_id,
});

/** The identity column of case_parties: only this module writes it (the case aggregate's saves leave it alone). */
@Injectable()
export class IdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One match at a time, across the service: a match locks its two parties and then every party of an identity
   * it joins, which no single order covers (two matches joining overlapping identities from either end
   * deadlocked). Matching is an occasional staff act; waiting for the one before costs nothing that matters.
   */
  async serialiseMatches(manager: EntityManager): Promise<void> {
    await execute(manager, sql`SELECT pg_advisory_xact_lock(hashtextextended('cases:party-identity-matches', 0))`);
  }

  /** These parties, locked in id order (so two matches over the same parties wait for each other, not deadlock). */
  async lockParties(manager: EntityManager, partyIds: readonly string[]): Promise<MatchedParty[]> {
    const rows = await query<MatchedRow>(
      manager,
      sql`SELECT id, case_id, kind, identity_id FROM case_parties WHERE id = ANY(${partyIds}::uuid[])
        ORDER BY id FOR UPDATE`,
    );
    return rows.map(toMatched);
  }

  /** Every party of an identity, locked. */
  async lockIdentity(manager: EntityManager, identityId: string): Promise<MatchedParty[]> {
    const rows = await query<MatchedRow>(
      manager,
      sql`SELECT id, case_id, kind, identity_id FROM case_parties WHERE identity_id = ${identityId}
        ORDER BY id FOR UPDATE`,
    );
    return rows.map(toMatched);
  }

  async setIdentity(manager: EntityManager, partyIds: readonly string[], identityId: string | null): Promise<void> {
    if (partyIds.length === 0) return;
    await execute(
      manager,
      sql`UPDATE case_parties SET identity_id = ${identityId} WHERE id = ANY(${partyIds}::uuid[])`,
    );
  }

  /** The parties of an identity with their cases, oldest case first. */
  async partiesOf(identityId: string): Promise<IdentityParty[]> {
    const rows = await query<{
      id: string;
      role: PartyRole;
      kind: PartyKind;
      name: string;
      case_id: string;
      reference: string;
      case_type: string;
      state: string;
      created_at: Date;
    }>(
      this.dataSource,
      sql`SELECT p.id, p.role, p.kind, p.name, c.id AS case_id, c.reference, c.case_type, c.state, c.created_at
        FROM case_parties p JOIN cases c ON c.id = p.case_id
        WHERE p.identity_id = ${identityId} ORDER BY c.created_at, c.id, p.position`,
    );
    return rows.map((r) => ({
      partyId: r.id,
      role: r.role,
      kind: r.kind,
      name: r.name,
      caseId: r.case_id,
      reference: r.reference,
      caseType: r.case_type,
      state: r.state,
      caseCreatedAt: r.created_at,
    }));
  }
}
