import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { execute, query, queryOne, rawSql, sql, type Queryable, type Sql } from '@ccsc/platform';
import type { FeeCriteria, FeeVersion } from '../domain/fee';

/** The columns named as the fields are. */
type SameNamed = 'code' | 'version' | 'description' | 'service' | 'jurisdiction' | 'channel' | 'event' | 'amount';

interface FeeRow extends Pick<FeeVersion, SameNamed | 'status'> {
  valid_from: string;
  valid_to: string | null;
  proposed_by: string;
  approved_by: string | null;
}

const COLUMNS = rawSql(`code, version, description, service, jurisdiction, channel, event, amount,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
  status, proposed_by, approved_by`);

const inForceOn = (on: LocalDate): Sql =>
  sql`status = 'approved' AND valid_from <= ${on} AND (valid_to IS NULL OR ${on} < valid_to)`;

@Injectable()
export class FeeRepository {
  /** The version of each code in force on a day, in one query. */
  async inForce(manager: Queryable, codes: readonly string[], on: LocalDate): Promise<Map<string, FeeVersion>> {
    const rows = await query<FeeRow>(
      manager,
      sql`SELECT ${COLUMNS} FROM fee_versions WHERE code = ANY (${codes}::varchar[]) AND ${inForceOn(on)}`,
    );
    return new Map(rows.map((r) => [r.code, toDomain(r)]));
  }

  /** The fees in force for a service, jurisdiction and event; a channel without its own fee uses the default one. */
  async lookup(manager: Queryable, criteria: FeeCriteria, on: LocalDate): Promise<FeeVersion[]> {
    const rows = await query<FeeRow>(
      manager,
      sql`SELECT DISTINCT ON (code) ${COLUMNS} FROM fee_versions
       WHERE service = ${criteria.service} AND jurisdiction = ${criteria.jurisdiction} AND event = ${criteria.event}
         AND channel IN (${criteria.channel}, 'default') AND ${inForceOn(on)}
       ORDER BY code, (channel = ${criteria.channel}) DESC`,
    );
    return rows.map(toDomain);
  }

  async versions(manager: Queryable, code: string): Promise<FeeVersion[]> {
    const rows = await query<FeeRow>(
      manager,
      sql`SELECT ${COLUMNS} FROM fee_versions WHERE code = ${code} ORDER BY version`,
    );
    return rows.map(toDomain);
  }

  async find(manager: Queryable, code: string, version: number): Promise<FeeVersion | undefined> {
    const row = await queryOne<FeeRow>(
      manager,
      sql`SELECT ${COLUMNS} FROM fee_versions WHERE code = ${code} AND version = ${version}`,
    );
    return row && toDomain(row);
  }

  async findForUpdate(manager: EntityManager, code: string, version: number): Promise<FeeVersion | undefined> {
    const row = await queryOne<FeeRow>(
      manager,
      sql`SELECT ${COLUMNS} FROM fee_versions WHERE code = ${code} AND version = ${version} FOR UPDATE`,
    );
    return row && toDomain(row);
  }

  async insert(manager: EntityManager, fee: FeeVersion): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO fee_versions (code, version, description, service, jurisdiction, channel, event, amount,
         valid_from, valid_to, status, proposed_by, approved_by)
       VALUES (${fee.code}, ${fee.version}, ${fee.description}, ${fee.service}, ${fee.jurisdiction}, ${fee.channel},
         ${fee.event}, ${JSON.stringify(fee.amount)}, ${fee.validFrom}, ${fee.validTo}, ${fee.status},
         ${fee.proposedBy}, ${fee.approvedBy})`,
    );
  }

  async setStatus(manager: EntityManager, fee: FeeVersion): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fee_versions SET status = ${fee.status}, approved_by = ${fee.approvedBy}
       WHERE code = ${fee.code} AND version = ${fee.version}`,
    );
  }

  /** Ends the approved versions of a code still open on `from`, so that exactly one version is in force each day. */
  async closeBefore(manager: EntityManager, code: string, from: LocalDate): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fee_versions SET valid_to = ${from}
       WHERE code = ${code} AND status = 'approved' AND valid_from < ${from}
         AND (valid_to IS NULL OR valid_to > ${from})`,
    );
  }
}

function toDomain(r: FeeRow): FeeVersion {
  return {
    code: r.code,
    version: r.version,
    description: r.description,
    service: r.service,
    jurisdiction: r.jurisdiction,
    channel: r.channel,
    event: r.event,
    amount: r.amount,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    proposedBy: r.proposed_by,
    approvedBy: r.approved_by,
  };
}
