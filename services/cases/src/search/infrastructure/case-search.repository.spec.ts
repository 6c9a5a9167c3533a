import * as search from './case-search.repository';

const { hasPartyCriteria } = search;
// The statements as node-postgres receives them: the text with its $n, and the values in order.
const caseSearchSql = (...args: Parameters<typeof search.caseSearchSql>) => search.caseSearchSql(...args).toQuery();
const matchedPartiesSql = (...args: Parameters<typeof search.matchedPartiesSql>) =>
  search.matchedPartiesSql(...args).toQuery();

describe('case search SQL', () => {
  const after = { createdAt: new Date('2025-01-02T03:04:05.678Z'), id: '00000000-0000-4000-8000-000000000000' };
  const filter = { nameWords: ["o'brien", '50%'], postcode: 'SW1A1AA', state: 'Issued', caseType: 'divorce' };
  const org = { kind: 'organisation', organisationId: 'org-a' } as const;

  it('walks the cases newest first, checking parties case by case; every value bound, none inlined', () => {
    const { text, values } = caseSearchSql(filter, org, 21, after);
    expect(text).toBe(
      'SELECT c.id, c.created_at AS "createdAt" FROM cases c WHERE c.state = $1 AND c.case_type = $2' +
        ' AND EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.represented_by = $3)' +
        ' AND (c.created_at, c.id) < ($4, $5)' +
        ' AND EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND lower(p.name) ILIKE $6 AND lower(p.name) ILIKE $7 AND p.postcode = $8 AND p.represented_by = $9 OFFSET 0)' +
        ' ORDER BY c.created_at DESC, c.id DESC LIMIT $10',
    );
    expect(values).toEqual([
      'Issued',
      'divorce',
      'org-a',
      after.createdAt,
      after.id,
      "%o'brien%",
      '%50\\%%',
      'SW1A1AA',
      'org-a',
      21,
    ]);
  });

  it('collects matching parties up to the cap, then the page among their cases', () => {
    const { text, values } = matchedPartiesSql(filter, org, 21, after, 100);
    expect(text).toBe(
      'WITH matched AS MATERIALIZED (SELECT p.case_id FROM case_parties p WHERE lower(p.name) ILIKE $1 AND lower(p.name) ILIKE $2 AND p.postcode = $3 AND p.represented_by = $4 LIMIT $5)' +
        ' SELECT m.n AS matched, c.id, c."createdAt" FROM (SELECT count(*)::int AS n FROM matched) m' +
        ' LEFT JOIN LATERAL (SELECT c.id, c.created_at AS "createdAt" FROM cases c WHERE m.n < $6 AND c.id IN (SELECT case_id FROM matched)' +
        ' AND c.state = $7 AND c.case_type = $8 AND EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.represented_by = $9)' +
        ' AND (c.created_at, c.id) < ($10, $11) ORDER BY c.created_at DESC, c.id DESC LIMIT $12) c ON true' +
        ' ORDER BY c."createdAt" DESC, c.id DESC',
    );
    expect(values).toEqual([
      "%o'brien%",
      '%50\\%%',
      'SW1A1AA',
      'org-a',
      100,
      100,
      'Issued',
      'divorce',
      'org-a',
      after.createdAt,
      after.id,
      21,
    ]);
    expect(() => matchedPartiesSql({ state: 'Issued' }, org, 21)).toThrow();
  });

  it('applies the access rule of the caller', () => {
    expect(caseSearchSql({ reference: '1' }, { kind: 'all' }, 5).text).not.toContain('ap.');
    expect(caseSearchSql({ reference: '1' }, { kind: 'user', userId: 'u' }, 5).text).toContain('ap.user_id = $2');
    expect(caseSearchSql({ reference: '1' }, { kind: 'none' }, 5).text).toContain('AND false');
  });

  it("finds a postcode only among the parties a non-staff caller acts for: it is the party's own detail", () => {
    expect(caseSearchSql({ postcode: 'SW1A1AA' }, { kind: 'all' }, 5).text).not.toMatch(/ p\.(represented_by|user_id)/);
    expect(caseSearchSql({ postcode: 'SW1A1AA' }, { kind: 'user', userId: 'u' }, 5).text).toContain(
      'p.postcode = $2 AND p.user_id = $3',
    );
    expect(matchedPartiesSql({ postcode: 'SW1A1AA' }, { kind: 'none' }, 5).text).toContain('p.postcode = $1 AND false');
    // A name is not a detail: the other side's name still finds the case.
    expect(caseSearchSql({ nameWords: ['smith'] }, org, 5).text).not.toContain(' p.represented_by');
  });

  it('knows which criteria are about parties', () => {
    expect(hasPartyCriteria({ state: 'Issued', caseType: 'divorce', reference: '1' })).toBe(false);
    expect(hasPartyCriteria({ postcode: 'SW1A1AA' })).toBe(true);
    expect(hasPartyCriteria({ nameWords: ['smi'] })).toBe(true);
  });
});
