import { MigrationInterface, QueryRunner } from 'typeorm';

/** What no line of an address holds (addressLinesProblem, case/domain/party.ts): control characters and separators. */
const CONTROL = String.raw`\u0001-\u001f\u007f-\u009f\u2028\u2029`;
/** What a line neither starts nor ends with: those, and the spaces String.prototype.trim removes. */
const EDGE = String.raw`[^${CONTROL}\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]`;
/** A line as addressLinesProblem admits it once trimmed: 1 to 80 characters. */
const LINE = `${EDGE}([^${CONTROL}]{0,78}${EDGE})?`;

/**
 * A party's postal address before its postcode (which stays its own column, the address's last line when
 * printed), for letters.
 *
 * text[] rather than jsonb: the lines are an ordered list of strings and nothing else, which text[] says
 * by its type (jsonb would need a CHECK that it is an array of strings to start with); the parties' other
 * lists (reasonable adjustments, vulnerability flags) are text[], and node-postgres reads it as string[].
 *
 * The CHECK holds what the inputs validate: 1 to 5 lines (never an empty list: no address is NULL), no
 * NULL line, one dimension, no control character in any line, and each line a LINE. A CHECK cannot look
 * into the array with a subquery, so the lines are joined by a line feed (which, by the check before it,
 * no line holds) and the whole is matched at once.
 */
export class PartyAddress1735450000000 implements MigrationInterface {
  name = 'PartyAddress1735450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_parties ADD COLUMN address_lines text[]`);
    await q.query(
      `ALTER TABLE case_parties ADD CONSTRAINT case_parties_address_lines CHECK (
        cardinality(address_lines) BETWEEN 1 AND 5
        AND array_ndims(address_lines) = 1
        AND array_position(address_lines, NULL) IS NULL
        AND array_to_string(address_lines, '') !~ '[${CONTROL}]'
        AND array_to_string(address_lines, E'\\n') ~ '^${LINE}(\\n${LINE})*$'
      )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_parties DROP COLUMN address_lines');
  }
}
