import { MigrationInterface, QueryRunner } from 'typeorm';
import { createCorrespondenceItemsTable, dropCorrespondenceItemsTable } from '@ccsc/correspondence/outbox';

/** What no line of an address holds (addressLinesProblem, complaint/domain/complainant-contact.ts). */
const CONTROL = String.raw`\u0001-\u001f\u007f-\u009f\u2028\u2029`;
/** What a line neither starts nor ends with: those, and the spaces String.prototype.trim removes. */
const EDGE = String.raw`[^${CONTROL}\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]`;
/** A line as addressLinesProblem admits it once trimmed: 1 to 80 characters. */
const LINE = `${EDGE}([^${CONTROL}]{0,78}${EDGE})?`;

/**
 * How to reach a complainant (issue 23), and what was sent to them.
 *
 * The contact details are the complainant's as given at intake, beside their name and with its access:
 * an email, a telephone number, a postal address (1 to 5 lines as the cases service's party address holds
 * them, text[] with the same CHECK, and a normalised postcode; the two together or neither) and the
 * language they are written to in. NULL there is the complaint's own language: what the complaints there
 * are already were written in, with no rewrite of the table, and what a row written without it means.
 *
 * correspondence_items (libs/correspondence): the acknowledgement, the stage responses and the escalation
 * rights as rendered when recorded; `record_id` is the complaint and `recipient_id` the complaint too (a
 * complainant has no record of their own here).
 */
export class ComplainantContact1735400100000 implements MigrationInterface {
  name = 'ComplainantContact1735400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE complaints
        ADD COLUMN complainant_email varchar(254),
        ADD COLUMN complainant_phone varchar(32),
        ADD COLUMN complainant_address_lines text[],
        ADD COLUMN complainant_postcode varchar(10),
        ADD COLUMN complainant_language char(2)`,
    );
    await q.query(
      `ALTER TABLE complaints
        ADD CONSTRAINT complaints_complainant_language CHECK (complainant_language IN ('en', 'cy')),
        ADD CONSTRAINT complaints_complainant_postcode CHECK (complainant_postcode ~ '^[A-Z0-9]{2,10}$'),
        ADD CONSTRAINT complaints_complainant_address
          CHECK ((complainant_address_lines IS NULL) = (complainant_postcode IS NULL)),
        ADD CONSTRAINT complaints_complainant_address_lines CHECK (
          cardinality(complainant_address_lines) BETWEEN 1 AND 5
          AND array_ndims(complainant_address_lines) = 1
          AND array_position(complainant_address_lines, NULL) IS NULL
          AND array_to_string(complainant_address_lines, '') !~ '[${CONTROL}]'
          AND array_to_string(complainant_address_lines, E'\\n') ~ '^${LINE}(\\n${LINE})*$'
        )`,
    );
    await createCorrespondenceItemsTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCorrespondenceItemsTable(q);
    await q.query(
      `ALTER TABLE complaints
        DROP COLUMN complainant_email,
        DROP COLUMN complainant_phone,
        DROP COLUMN complainant_address_lines,
        DROP COLUMN complainant_postcode,
        DROP COLUMN complainant_language`,
    );
  }
}
