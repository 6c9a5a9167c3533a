import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { query, sql } from '@ccsc/platform';
import type { ActionId } from '../domain/enforcement-actions';

export interface RecordedAction {
  id: string;
  action: string;
  details: Record<string, unknown>;
  takenBy: string;
  takenAt: Date;
}

export interface NewAction {
  id: string;
  accountId: string;
  action: ActionId;
  details: Record<string, string | number>;
  takenBy: string;
  takenAt: Date;
  takenOn: LocalDate;
}

/** The enforcement actions taken on accounts; writes take the transaction's EntityManager. */
@Injectable()
export class ActionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** False when the same action was taken on the account that day already. */
  async insert(manager: EntityManager, a: NewAction): Promise<boolean> {
    const inserted = await query<{ id: string }>(
      manager,
      sql`INSERT INTO enforcement_actions (id, account_id, action, details, taken_by, taken_at, taken_on)
          VALUES (${a.id}, ${a.accountId}, ${a.action}, ${JSON.stringify(a.details)}, ${a.takenBy}, ${a.takenAt},
                  ${a.takenOn})
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    return inserted.length > 0;
  }

  async ofAccount(accountId: string): Promise<RecordedAction[]> {
    const rows = await query<{
      id: string;
      action: string;
      details: Record<string, unknown>;
      taken_by: string;
      taken_at: Date;
    }>(
      this.dataSource,
      sql`SELECT id, action, details, taken_by, taken_at
            FROM enforcement_actions WHERE account_id = ${accountId} ORDER BY taken_at, id`,
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      details: r.details,
      takenBy: r.taken_by,
      takenAt: r.taken_at,
    }));
  }
}
