import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookFairness1735500200000 implements MigrationInterface {
  name = 'WebhookFairness1735500200000';

  async up(q: QueryRunner): Promise<void> {
    // `claim_id` fences the dispatcher's claim: whoever claimed an endpoint last names the claim, and
    // only that claim may record, withhold or release, so a replica that overran its lease cannot undo
    // a live claim of another's. `last_claimed_at` orders the claims, least recently served first, so a
    // slow endpoint cannot keep winning the slots by its id.
    await q.query(`ALTER TABLE webhook_endpoints ADD COLUMN claim_id uuid, ADD COLUMN last_claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoints DROP COLUMN claim_id, DROP COLUMN last_claimed_at`);
  }
}
