import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import type { FeeAmount, FeeChannel, FeeEvent, FeeVersion, FeeVersionStatus } from '../domain/fee';

interface FeeRow {
  code: string;
  version: number;
  description: string;
  service: string;
  jurisdiction: string;
  channel: FeeChannel;
  event: FeeEvent;
  amount: FeeAmount;
  valid_from: string;
  valid_to: string | null;
  status: FeeVersionStatus;
  proposed_by: string;
  approved_by: string | null;
}

const COLUMNS = `code, version, description, service, jurisdiction, channel, event, amount, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(valid_to, 'YYYY-MM-DD') AS valid_to, status, proposed_by, approved_by`;
const IN_FORCE = `status = 'approved' AND valid_from <= $DATE AND (valid_to IS NULL OR $DATE < valid_to)`;

export interface FeeCriteria {
  service: string;
  jurisdiction: string;
  channel: FeeChannel;
  event: FeeEvent;
}

@Injectable()
export class FeeRepository {
  /** The version of each code in force on a day, in one query. */
  async inForce(manager: EntityManager, codes: readonly string[], on: LocalDate): Promise<Map<string, FeeVersion>> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM fee_versions WHERE code = ANY ($1::varchar[]) AND ${IN_FORCE.replaceAll('$DATE', '$2')}`, [codes, on])) as FeeRow[];
    return new Map(rows.map((r) => [r.code, toDomain(r)]));
  }

  /** The fees in force for a service, jurisdiction and event on a channel; a channel without its own fee uses the default one. */
  async lookup(manager: EntityManager, criteria: FeeCriteria, on: LocalDate): Promise<FeeVersion[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT ON (code) ${COLUMNS} FROM fee_versions
       WHERE service = $1 AND jurisdiction = $2 AND event = $3 AND channel IN ($4, 'default') AND ${IN_FORCE.replaceAll('$DATE', '$5')}
       ORDER BY code, (channel = $4) DESC`,
      [criteria.service, criteria.jurisdiction, criteria.event, criteria.channel, on],
    )) as FeeRow[];
    return rows.map(toDomain);
  }

  async versions(manager: EntityManager, code: string): Promise<FeeVersion[]> {
    return ((await manager.query(`SELECT ${COLUMNS} FROM fee_versions WHERE code = $1 ORDER BY version`, [code])) as FeeRow[]).map(toDomain);
  }

  async find(manager: EntityManager, code: string, version: number, lock = false): Promise<FeeVersion | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM fee_versions WHERE code = $1 AND version = $2 ${lock ? 'FOR UPDATE' : ''}`, [code, version])) as FeeRow[];
    return rows[0] && toDomain(rows[0]);
  }

  async insert(manager: EntityManager, fee: FeeVersion): Promise<void> {
    await manager.query(
      `INSERT INTO fee_versions (code, version, description, service, jurisdiction, channel, event, amount, valid_from, valid_to, status, proposed_by, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [fee.code, fee.version, fee.description, fee.service, fee.jurisdiction, fee.channel, fee.event, JSON.stringify(fee.amount), fee.validFrom, fee.validTo, fee.status, fee.proposedBy, fee.approvedBy],
    );
  }

  async setStatus(manager: EntityManager, fee: FeeVersion): Promise<void> {
    await manager.query(`UPDATE fee_versions SET status = $3, approved_by = $4 WHERE code = $1 AND version = $2`, [fee.code, fee.version, fee.status, fee.approvedBy]);
  }

  /** Ends the approved versions of a code still open on `from`, so that exactly one version is in force each day. */
  async closeBefore(manager: EntityManager, code: string, from: LocalDate): Promise<void> {
    await manager.query(
      `UPDATE fee_versions SET valid_to = $2 WHERE code = $1 AND status = 'approved' AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2)`,
      [code, from],
    );
  }
}

function toDomain(r: FeeRow): FeeVersion {
  return {
    code: r.code, version: r.version, description: r.description, service: r.service, jurisdiction: r.jurisdiction, channel: r.channel, event: r.event,
    amount: r.amount, validFrom: r.valid_from, validTo: r.valid_to, status: r.status, proposedBy: r.proposed_by, approvedBy: r.approved_by,
  };
}
