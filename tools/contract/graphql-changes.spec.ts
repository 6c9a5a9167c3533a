import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { addMonths, contractViolations, type ListedChange } from './breaking-changes';
import { RELEASED_SUPERGRAPH_FILE } from './contract-files';
import { deprecationReason, graphqlChanges } from './graphql-changes';

const released = readFileSync(RELEASED_SUPERGRAPH_FILE, 'utf8');
const today = '2027-06-01';

/** The supergraph with one line of one type's body (`type Complaint {...}`) rewritten. */
function editLine(supergraph: string, type: string, line: string, replacement: string): string {
  const start = supergraph.search(new RegExp(`^(type|enum|input) ${type}$`, 'm'));
  const end = supergraph.indexOf('\n}\n', start);
  const body = supergraph.slice(start, end);
  if (start < 0 || !body.includes(`\n  ${line}\n`)) throw new Error(`No "${line}" in ${type}`);
  return (
    supergraph.slice(0, start) +
    body.replace(`\n  ${line}\n`, replacement ? `\n  ${replacement}\n` : '\n') +
    supergraph.slice(end)
  );
}

const deprecated = editLine(
  released,
  'Complaint',
  'reference: String!',
  'reference: String! @deprecated(reason: "Use id.")',
);
const removed = editLine(released, 'Complaint', 'reference: String!', '');

const listing = (deprecatedOn: string): ListedChange => ({
  api: 'graphql',
  change: 'Complaint.reference',
  reason: 'The reference duplicated the id, and partners were told to use the id.',
  deprecatedOn,
  deprecation: '@deprecated(reason: "Use id.") in the release of that day',
});

describe('graphqlChanges on the supergraph', () => {
  it('finds nothing between the released supergraph and itself', async () => {
    expect(await graphqlChanges(released, released)).toEqual({ breaking: [], dangerous: [] });
  });

  it('names a removed field that was never deprecated, and the check refuses it listed or not', async () => {
    const { breaking } = await graphqlChanges(released, removed);
    expect(breaking).toEqual([
      {
        api: 'graphql',
        change: 'Complaint.reference',
        message: "Complaint.reference: Field 'reference' was removed from object type 'Complaint'",
        announced: false,
      },
    ]);
    expect(contractViolations('graphql', breaking, [], today)).toEqual([
      expect.stringMatching(
        /^Complaint\.reference: Field 'reference' was removed .* A breaking change to the released contract/,
      ),
    ]);
    expect(contractViolations('graphql', breaking, [listing('2026-01-05')], today)).toEqual([
      expect.stringMatching(/^Complaint\.reference: .* the released contract does not mark it deprecated/),
    ]);
  });

  it('lets a field go once a release deprecated it with a reason and the listing dates it six months back', async () => {
    const { breaking } = await graphqlChanges(deprecated, removed);
    expect(breaking).toEqual([expect.objectContaining({ change: 'Complaint.reference', announced: true })]);
    expect(contractViolations('graphql', breaking, [listing(addMonths(today, -6))], today)).toEqual([]);
    expect(contractViolations('graphql', breaking, [listing(addMonths(today, -2))], today)).toEqual([
      expect.stringMatching(/^Complaint\.reference: .* announced on 2027-04-01: not before 2027-10-01\.$/),
    ]);
    expect(contractViolations('graphql', breaking, [], today)).toEqual([
      expect.stringMatching(/^Complaint\.reference: .* A breaking change/),
    ]);
  });

  it('does not count deprecating a field, or adding an enum value, as breaking (the value is dangerous)', async () => {
    expect((await graphqlChanges(released, deprecated)).breaking).toEqual([]);
    const withValue = editLine(
      released,
      'ImpositionKind',
      'fine @join__enumValue(graph: CASES)',
      'fine @join__enumValue(graph: CASES)\n  forfeit @join__enumValue(graph: CASES)',
    );
    expect(await graphqlChanges(released, withValue)).toEqual({
      breaking: [],
      dangerous: [expect.stringContaining("'forfeit' was added to enum 'ImpositionKind'")],
    });
  });

  it('names a retyped field', async () => {
    const retyped = editLine(released, 'Complaint', 'reference: String!', 'reference: Int!');
    expect((await graphqlChanges(released, retyped)).breaking).toEqual([
      expect.objectContaining({
        change: 'Complaint.reference',
        message: expect.stringMatching(/changed type from 'String!' to 'Int!'/),
      }),
    ]);
  });
});

describe('deprecationReason', () => {
  const schema = buildSchema(`
    type Query { thing(id: ID, ref: String @deprecated(reason: "Use id.")): Thing, old: String @deprecated(reason: "Gone soon.") }
    type Thing { id: ID }
    input ThingInput { name: String, alias: String @deprecated(reason: "Use name.") }
    enum Kind { NEW, OLD @deprecated(reason: "Use NEW.") }
  `);

  it('reads fields, arguments, input fields and enum values', () => {
    expect(deprecationReason(schema, 'Query.old')).toBe('Gone soon.');
    expect(deprecationReason(schema, 'Query.thing.ref')).toBe('Use id.');
    expect(deprecationReason(schema, 'Query.thing.id')).toBeUndefined();
    expect(deprecationReason(schema, 'ThingInput.alias')).toBe('Use name.');
    expect(deprecationReason(schema, 'Kind.OLD')).toBe('Use NEW.');
    expect(deprecationReason(schema, 'Kind.NEW')).toBeUndefined();
    expect(deprecationReason(schema, 'Thing.id')).toBeUndefined();
    expect(deprecationReason(schema, 'Nothing.here')).toBeUndefined();
  });
});
