import { rawSql, sql } from '@ccsc/platform';
import * as search from './complaint-search.repository';

const { hasMatchCriteria } = search;
// The statements as node-postgres receives them: the text with its $n, and the values in order.
const complaintSearchSql = (...args: Parameters<typeof search.complaintSearchSql>) =>
  search.complaintSearchSql(...args).toQuery();
const matchedComplaintsSql = (...args: Parameters<typeof search.matchedComplaintsSql>) =>
  search.matchedComplaintsSql(...args).toQuery();

describe('complaint search SQL', () => {
  const after = { createdAt: new Date('2025-01-02T03:04:05.678Z'), id: '00000000-0000-4000-8000-000000000000' };
  const received = { from: new Date('2025-11-01T00:00:00Z'), to: new Date('2025-12-01T00:00:00Z') };
  const caseId = '11111111-1111-4111-8111-111111111111';
  const firm = sql`c.complainant_organisation_id = ${'org-a'}`;

  it('walks the complaints newest first; every value bound, none inlined', () => {
    const { text, values } = complaintSearchSql({ reference: 'CMP-000123', status: 'open', stage: 2 }, firm, 21, after);
    expect(text).toBe(
      'SELECT c.id, c.created_at AS "createdAt" FROM complaints c WHERE c.reference = $1' +
        ' AND (c.closed_at IS NULL) = $2' +
        ' AND (SELECT max(s.stage) FROM complaint_stages s WHERE s.complaint_id = c.id) = $3' +
        ' AND c.complainant_organisation_id = $4 AND (c.created_at, c.id) < ($5, $6)' +
        ' ORDER BY c.created_at DESC, c.id DESC LIMIT $7',
    );
    expect(values).toEqual(['CMP-000123', true, 2, 'org-a', after.createdAt, after.id, 21]);
    expect(complaintSearchSql({ status: 'closed' }, rawSql('true'), 5).values).toEqual([false, 5]);
  });

  it('collects the matches up to the cap, then the newest of them', () => {
    const { text, values } = matchedComplaintsSql(
      { nameWords: ["o'brien", '50%'], caseId, received },
      firm,
      21,
      after,
      100,
    );
    expect(text).toBe(
      'WITH matched AS MATERIALIZED (SELECT c.id, c.created_at FROM complaints c WHERE' +
        ' lower(c.complainant_name) ILIKE $1 AND lower(c.complainant_name) ILIKE $2 AND c.case_ids @> $3::uuid[]' +
        ' AND c.received_at >= $4 AND c.received_at < $5 AND c.complainant_organisation_id = $6' +
        ' AND (c.created_at, c.id) < ($7, $8) LIMIT $9)' +
        ' SELECT (SELECT count(*)::int FROM matched) AS matched, m.id, m.created_at AS "createdAt" FROM matched m' +
        ' ORDER BY m.created_at DESC, m.id DESC LIMIT $10',
    );
    expect(values).toEqual([
      "%o'brien%",
      '%50\\%%',
      [caseId],
      received.from,
      received.to,
      'org-a',
      after.createdAt,
      after.id,
      100,
      21,
    ]);
    expect(() => matchedComplaintsSql({ status: 'open' }, firm, 21)).toThrow();
  });

  it('applies the access condition it is given', () => {
    expect(complaintSearchSql({ reference: 'CMP-000001' }, rawSql('false'), 5).text).toContain(
      'c.reference = $1 AND false ORDER BY',
    );
  });

  it('knows which criteria find their matches through an index of their own', () => {
    expect(hasMatchCriteria({ reference: 'CMP-000001', status: 'open', stage: 1 })).toBe(false);
    expect(hasMatchCriteria({ nameWords: ['jon'] })).toBe(true);
    expect(hasMatchCriteria({ caseId })).toBe(true);
    expect(hasMatchCriteria({ received: { to: received.to } })).toBe(true);
  });
});
