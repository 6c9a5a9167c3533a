import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A defendant's result is read by that defendant's side and the prosecution, not by a co-defendant
 * (domain/timeline-audience, `result`). Entries made before name no defendant: each takes the one of
 * its case's results recorded at the same instant as its event (the result and its event share the
 * command's clock); an entry no result matches is left to staff rather than guessed.
 */
export class ResultsForTheirDefendant1736100000000 implements MigrationInterface {
  name = 'ResultsForTheirDefendant1736100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_timeline DROP CONSTRAINT case_timeline_audience_check`);
    await q.query(
      `ALTER TABLE case_timeline ADD CONSTRAINT case_timeline_audience_check CHECK (audience IN ('case', 'parties', 'result', 'staff'))`,
    );
    const resulted = `t.type IN ('cases.case-resulted.v1', 'cases.case-resulted.v2')`;
    await q.query(
      `UPDATE case_timeline t SET audience = 'result', party_ids = ARRAY[r.defendant_party_id]
         FROM case_results r
        WHERE ${resulted} AND r.case_id = t.case_id AND r.resulted_at = t.occurred_at`,
    );
    await q.query(`UPDATE case_timeline t SET audience = 'staff' WHERE ${resulted} AND t.audience = 'case'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE case_timeline SET audience = 'case', party_ids = '{}' WHERE audience = 'result' OR type IN ('cases.case-resulted.v1', 'cases.case-resulted.v2')`,
    );
    await q.query(`ALTER TABLE case_timeline DROP CONSTRAINT case_timeline_audience_check`);
    await q.query(
      `ALTER TABLE case_timeline ADD CONSTRAINT case_timeline_audience_check CHECK (audience IN ('case', 'parties', 'staff'))`,
    );
  }
}
