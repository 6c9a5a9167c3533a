import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A write-off is spread over the account's impositions (the reverse of payment order), so that what
 * the impositions still owe adds up to the account's balance. Write-offs approved before this are
 * spread now by the same rule.
 */
export class ImpositionWriteOffs1733000400000 implements MigrationInterface {
  name = 'ImpositionWriteOffs1733000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_impositions ADD COLUMN written_off_pence bigint NOT NULL DEFAULT 0`);
    await q.query(`
      WITH ordered AS (
        SELECT i.id, i.amount_pence - i.paid_pence AS left_pence, a.written_off_pence AS total,
               sum(i.amount_pence - i.paid_pence) OVER (
                 PARTITION BY i.account_id ORDER BY i.priority DESC, i.imposed_at DESC, i.seq DESC ROWS UNBOUNDED PRECEDING
               ) AS upto
          FROM fine_impositions i JOIN fine_accounts a ON a.id = i.account_id
         WHERE a.written_off_pence > 0
      )
      UPDATE fine_impositions i
         SET written_off_pence = GREATEST(0, LEAST(o.left_pence, o.total - (o.upto - o.left_pence)))
        FROM ordered o WHERE o.id = i.id`);
    await q.query(
      `ALTER TABLE fine_impositions ADD CONSTRAINT fine_impositions_settled_within_amount
         CHECK (written_off_pence >= 0 AND paid_pence + written_off_pence <= amount_pence)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_impositions DROP CONSTRAINT fine_impositions_settled_within_amount`);
    await q.query(`ALTER TABLE fine_impositions DROP COLUMN written_off_pence`);
  }
}
