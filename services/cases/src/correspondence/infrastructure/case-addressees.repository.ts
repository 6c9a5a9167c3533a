import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { query, queryOne, sql } from '@ccsc/platform';

/** The party and case an item is addressed from, read in the recording transaction. */
export interface AddresseeRow {
  name: string;
  email: string | null;
  postcode: string | null;
  addressLines: string[] | null;
  /** Null when the party has not said. */
  preferredLanguage: 'en' | 'cy' | null;
  role: string;
  caseReference: string;
}

/** A case's parties as access sees them. */
export interface PartyRelationRow {
  partyId: string;
  role: string;
  userId?: string;
  organisationId?: string;
}

/**
 * What correspondence reads of cases and their parties: whom to address (in the caller's transaction)
 * and who may read what was sent. The items themselves are libs/correspondence's repository's.
 */
@Injectable()
export class CaseAddresseeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async addressee(manager: EntityManager, caseId: string, partyId: string): Promise<AddresseeRow | undefined> {
    return queryOne<AddresseeRow>(
      manager,
      sql`SELECT p.name, p.email, p.postcode, p.address_lines AS "addressLines",
          p.preferred_language AS "preferredLanguage", p.role, c.reference AS "caseReference"
        FROM case_parties p JOIN cases c ON c.id = p.case_id
        WHERE p.id = ${partyId} AND p.case_id = ${caseId}`,
    );
  }

  /** The case's reference and type id, or undefined when there is no such case. */
  async caseOf(manager: EntityManager, caseId: string): Promise<{ reference: string; caseType: string } | undefined> {
    return queryOne<{ reference: string; caseType: string }>(
      manager,
      sql`SELECT reference, case_type AS "caseType" FROM cases WHERE id = ${caseId}`,
    );
  }

  async partyIds(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT id FROM case_parties WHERE case_id = ${caseId} ORDER BY position`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * The parties of the case a request names by account rather than by party: the party whose citizen
   * account `userId` is, or the parties the firm `organisationId` represents; with the case's type, whose
   * fee-paying roles the caller may narrow them to. Case order. Empty when nobody on the case matches.
   */
  async partiesByAccount(
    manager: EntityManager,
    caseId: string,
    account: { userId: string } | { organisationId: string },
  ): Promise<{ partyId: string; role: string; caseType: string }[]> {
    const match =
      'userId' in account ? sql`p.user_id = ${account.userId}` : sql`p.represented_by = ${account.organisationId}`;
    return query<{ partyId: string; role: string; caseType: string }>(
      manager,
      sql`SELECT p.id AS "partyId", p.role, c.case_type AS "caseType"
        FROM case_parties p JOIN cases c ON c.id = p.case_id
        WHERE p.case_id = ${caseId} AND ${match} ORDER BY p.position`,
    );
  }

  /** Each case's parties for the access rule, by case id; a case that does not exist is not in the map. */
  async relations(caseIds: readonly string[]): Promise<Map<string, PartyRelationRow[]>> {
    const rows = await query<{
      caseId: string;
      partyId: string | null;
      role: string;
      userId: string | null;
      organisationId: string | null;
    }>(
      this.dataSource,
      sql`SELECT c.id AS "caseId", p.id AS "partyId", p.role, p.user_id AS "userId", p.represented_by AS "organisationId"
        FROM cases c LEFT JOIN case_parties p ON p.case_id = c.id WHERE c.id = ANY(${[...caseIds]}::uuid[])`,
    );
    const byCase = new Map<string, PartyRelationRow[]>();
    for (const r of rows) {
      const parties = byCase.get(r.caseId) ?? [];
      byCase.set(r.caseId, parties);
      if (r.partyId)
        parties.push({
          partyId: r.partyId,
          role: r.role,
          ...(r.userId ? { userId: r.userId } : {}),
          ...(r.organisationId ? { organisationId: r.organisationId } : {}),
        });
    }
    return byCase;
  }
}
