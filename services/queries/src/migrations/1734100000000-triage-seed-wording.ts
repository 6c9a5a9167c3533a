import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seeded probate rule matched the bare word "will", so "When will my claim be issued?" went to the
 * probate queue. It now asks for words that only a probate enquiry uses, in English and Welsh. Only the
 * seeded rule as it was seeded is changed: a rule a team leader has edited since is theirs.
 */
export class TriageSeedWording1734100000000 implements MigrationInterface {
  name = 'TriageSeedWording1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE triage_rules
          SET keywords = '{probate,grant of probate,grant of representation,letters of administration,last will,will and testament,executor,executors,estate,profiant,ewyllys,ysgutor}'
        WHERE queue_id = 'probate' AND updated_by = 'system'
          AND keywords = '{probate,will,grant of representation,profiant}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE triage_rules SET keywords = '{probate,will,grant of representation,profiant}'
        WHERE queue_id = 'probate' AND updated_by = 'system'
          AND keywords = '{probate,grant of probate,grant of representation,letters of administration,last will,will and testament,executor,executors,estate,profiant,ewyllys,ysgutor}'`,
    );
  }
}
