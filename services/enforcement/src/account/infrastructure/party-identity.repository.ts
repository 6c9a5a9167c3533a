import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, Queryable, sql } from '@ccsc/platform';
import type { PartyIdentities } from '../domain/defendant-identity';

export interface PartyMatch {
  partyId: string;
  caseId: string;
  identityId: string;
  /** The staff user whose match this is (the event's actor); null if the event did not say. */
  matchedBy: string | null;
  matchedAt: Date;
}

/** The projection of cases' party matches (party_identities); writes take the inbox transaction's EntityManager. */
@Injectable()
export class PartyIdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The party's match, replacing any earlier identity and adding its maker: the same event again changes nothing. */
  async record(manager: EntityManager, match: PartyMatch): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO party_identities (party_id, case_id, identity_id, matched_by, matched_at)
          VALUES (${match.partyId}, ${match.caseId}, ${match.identityId},
            ${match.matchedBy === null ? null : [match.matchedBy]}::text[], ${match.matchedAt})
          ON CONFLICT (party_id) DO UPDATE
            SET case_id = EXCLUDED.case_id, identity_id = EXCLUDED.identity_id, matched_at = EXCLUDED.matched_at,
                -- Everyone who matched the party into an identity stays (a merge moves it again); unknown stays unknown.
                matched_by = CASE WHEN party_identities.matched_by IS NULL OR EXCLUDED.matched_by IS NULL THEN NULL
                  ELSE ARRAY(SELECT DISTINCT m FROM unnest(party_identities.matched_by || EXCLUDED.matched_by) AS m
                             ORDER BY m) END`,
    );
  }

  /** A match taken back: the party is matched with no one. */
  async remove(manager: EntityManager, partyId: string): Promise<void> {
    await execute(manager, sql`DELETE FROM party_identities WHERE party_id = ${partyId}`);
  }

  /**
   * The identities of the parties that have one, held (FOR SHARE) until the transaction ends: a match taken back
   * meanwhile waits for the consolidation that relied on it.
   */
  async identitiesForShare(manager: EntityManager, partyIds: readonly string[]): Promise<PartyIdentities> {
    const rows = await query<{ party_id: string; identity_id: string; matched_by: string[] | null }>(
      manager,
      sql`SELECT party_id, identity_id, matched_by FROM party_identities
           WHERE party_id = ANY(${partyIds}::uuid[]) ORDER BY party_id FOR SHARE`,
    );
    return new Map(rows.map((r) => [r.party_id, { identityId: r.identity_id, matchedBy: r.matched_by }]));
  }

  /** The party and every party staff matched with it as the same person, on any case. */
  async sameIdentityAs(partyId: string, runner: Queryable = this.dataSource): Promise<string[]> {
    const rows = await query<{ party_id: string }>(
      runner,
      sql`SELECT ${partyId}::uuid AS party_id
          UNION
          SELECT same.party_id FROM party_identities matched
            JOIN party_identities same ON same.identity_id = matched.identity_id
           WHERE matched.party_id = ${partyId}`,
    );
    return rows.map((r) => r.party_id);
  }
}
