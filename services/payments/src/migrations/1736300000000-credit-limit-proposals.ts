import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A higher credit limit on a firm's account waits for a second person (domain/payment-account's askCreditLimit):
 * what was asked for and by whom. Limits already in force stay as they are.
 */
export class CreditLimitProposals1736300000000 implements MigrationInterface {
  name = 'CreditLimitProposals1736300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE payment_accounts
         ADD COLUMN proposed_credit_limit_pence bigint CHECK (proposed_credit_limit_pence >= 0),
         ADD COLUMN credit_limit_proposed_by text,
         ADD CONSTRAINT payment_accounts_proposal_whole
           CHECK ((proposed_credit_limit_pence IS NULL) = (credit_limit_proposed_by IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE payment_accounts DROP COLUMN proposed_credit_limit_pence, DROP COLUMN credit_limit_proposed_by`,
    );
  }
}
