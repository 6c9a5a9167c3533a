import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addMonths, contractViolations, readListedChanges, type ListedChange } from './breaking-changes';
import type { BreakingChange } from './contract-change';

const entry = (change: string, deprecatedOn: string, api: ListedChange['api'] = 'rest'): ListedChange => ({
  api,
  change,
  reason: 'Replaced by the summary, which partners asked for.',
  deprecatedOn,
  deprecation: 'Deprecation and Sunset headers, deprecated: true, and the partner bulletin of that day',
});

const removedOperation: BreakingChange = {
  api: 'rest',
  change: 'GET /api/v1/things/{id}',
  message: 'GET /api/v1/things/{id}: operation removed',
  announced: true,
  notBefore: '2027-09-01',
};
const retyped: BreakingChange = {
  api: 'rest',
  change: 'Thing.amount',
  message: 'Thing.amount: type changed from integer to string in a response',
};

describe('contractViolations', () => {
  it('passes a listed change whose notice has run, and one the contract could not mark deprecated', () => {
    expect(
      contractViolations(
        'rest',
        [removedOperation, retyped],
        [entry('GET /api/v1/things/{id}', '2027-01-04'), entry('Thing.amount', '2027-01-04')],
        '2027-09-01',
      ),
    ).toEqual([]);
  });

  it('holds a removal to the sunset the released document gave, when it is later than the notice', () => {
    expect(
      contractViolations('rest', [removedOperation], [entry('GET /api/v1/things/{id}', '2027-01-04')], '2027-08-31'),
    ).toEqual([
      'GET /api/v1/things/{id}: operation removed. Listed in contracts/breaking-changes.json, announced on 2027-01-04: not before 2027-09-01.',
    ]);
  });

  it('passes a correction of what the document said at once, without a deprecation', () => {
    const correction: ListedChange = {
      api: 'rest',
      change: 'Thing.amount',
      reason: 'The document showed another service’s Thing under this name; the API never returned a string here.',
      correction: true,
    };
    expect(contractViolations('rest', [retyped], [correction], '2026-12-04')).toEqual([]);
  });

  it('refuses an unlisted change, naming it and how to list it', () => {
    const [violation] = contractViolations('rest', [retyped], [], '2027-09-01');
    expect(violation).toMatch(/^Thing\.amount: type changed from integer to string in a response\. A breaking change/);
    expect(violation).toContain('{"api": "rest", "change": "Thing.amount", "reason", "deprecatedOn", "deprecation"}');
  });

  it('refuses a listing that breaks nothing, and reads only its own API', () => {
    expect(
      contractViolations(
        'rest',
        [],
        [entry('Thing.colour', '2027-01-04'), entry('Case.colour', '2027-01-04', 'graphql')],
        '2027-09-01',
      ),
    ).toEqual([
      expect.stringMatching(
        /^contracts\/breaking-changes\.json lists rest change "Thing\.colour", which breaks nothing/,
      ),
    ]);
  });
});

describe('readListedChanges', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'breaking-changes-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (content: unknown) => {
    const file = path.join(dir, 'breaking-changes.json');
    writeFileSync(file, JSON.stringify(content));
    return () => readListedChanges(file);
  };

  it('reads well-formed entries', () => {
    expect(read({ changes: [entry('Thing.amount', '2027-01-04')] })()).toEqual([entry('Thing.amount', '2027-01-04')]);
  });

  it('names every problem of every entry', () => {
    expect(read({})).toThrow('has no "changes" list');
    const reading = read({
      changes: [{ api: 'soap', change: 'Thing.amount', reason: 'why', deprecatedOn: '2027-02-30' }],
    });
    expect(reading).toThrow(/entry 1 \(Thing\.amount\): api must be "graphql" or "rest"/);
    expect(reading).toThrow(/reason must say why/);
    expect(reading).toThrow(/deprecatedOn must be the day/);
    expect(reading).toThrow(/deprecation must say how it was announced/);
    const corrections = read({
      changes: [
        {
          api: 'graphql',
          change: 'Case.state',
          reason: 'The supergraph said so but the code did not.',
          correction: true,
        },
        {
          api: 'rest',
          change: 'Thing.amount',
          reason: 'Retyped, and also deprecated on the side.',
          correction: true,
          deprecatedOn: '2027-01-04',
        },
      ],
    });
    expect(corrections).toThrow(/entry 1 \(Case\.state\): only a REST document can need a correction/);
    expect(corrections).toThrow(/entry 2 \(Thing\.amount\): a correction is not a deprecation/);
  });
});

describe('addMonths', () => {
  it('counts calendar months', () => {
    expect(addMonths('2027-01-04', 6)).toBe('2027-07-04');
    expect(addMonths('2027-06-01', -6)).toBe('2026-12-01');
  });
});
