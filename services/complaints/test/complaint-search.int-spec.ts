import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, indexConditions, testCaseReference } from '@ccsc/testing';
import { complaintFilter, scopeOf } from '../src/complaint/application/complaint.queries';
import { toSearchFilter } from '../src/search/domain/complaint-search-criteria';
import { complaintSearchSql, matchedComplaintsSql } from '../src/search/infrastructure/complaint-search.repository';
import { announceCase, startComplaintsApp } from './complaints-app';

// An officer with a caller on the line: "the complaint Mrs Jones made last month". Complaints are
// recorded and moved on through the API, as officers and complainants do, then searched for over
// REST and GraphQL.

const SEARCH = `query($criteria: ComplaintSearchInput!, $first: Int, $after: String) {
  searchComplaints(criteria: $criteria, first: $first, after: $after) {
    nodes { id reference complainantName status currentStage }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Seeded {
  id: string;
  reference: string;
}

describe('complaint search', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;
  let caseworker: string;
  let jones: string;
  let otherCitizen: string;
  let orgA: string;
  let orgB: string;
  let auditor: string;
  let caseReference: string;
  // Oldest first, as recorded.
  const c: Record<string, Seeded> = {};

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query: SEARCH, variables }).expect(200);

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    [officer, caseworker, jones, otherCitizen, orgA, orgB, auditor] = await Promise.all([
      bearer('complaints-officer', { sub: 'officer-olu' }),
      bearer('caseworker'),
      bearer('citizen', { sub: 'citizen-jones' }),
      bearer('citizen', { sub: 'citizen-other' }),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
      bearer('auditor'),
    ]);
    const known = await announceCase(app, { users: ['citizen-jones'], organisations: ['org-a'] });
    caseReference = known.reference;

    const open = async (key: string, who: string, body: Record<string, unknown>) => {
      const res = await http()
        .post('/api/v1/complaints')
        .set('Authorization', who)
        .send({ category: 'delay', ...body })
        .expect(201);
      c[key] = { id: res.body.id, reference: res.body.reference };
    };
    // Recorded by an officer from a call, about the citizen's case: staff's record, not the citizen's.
    await open('phoned', officer, {
      complainantName: 'Mrs Eleri Jones',
      receivedAt: '2025-11-10T10:00:00Z',
      caseIds: [known.caseId],
    });
    // 00:30 on 1 July in London (BST): received on 1 July, not 30 June.
    await open('summer', officer, { complainantName: 'Tom Jones', receivedAt: '2025-06-30T23:30:00Z' });
    await open('morgan', officer, { complainantName: 'Gareth Morgan', receivedAt: '2025-10-31T23:30:00Z' });
    await open('literal', officer, { complainantName: '100% Genuine Ltd', receivedAt: '2025-11-30T23:30:00Z' });
    await open('evans', officer, { complainantName: 'Rhian Evans', receivedAt: '2025-12-01T00:30:00Z' });
    await open('jonesFirm', orgA, { complainantName: 'Jones & Partners LLP', caseIds: [known.caseId] });
    await open('ownForm', jones, { complainantName: 'Eleri Jones', caseIds: [known.caseId] });
    for (const n of [1, 2, 3]) await open(`bulk${n}`, officer, { complainantName: `Alun Jones ${n}` });

    // Gareth Morgan's complaint goes on to stage 2; the 100% one is answered and closed.
    const step = (id: string, path: string, body: Record<string, unknown> = {}) =>
      http().post(`/api/v1/complaints/${id}/${path}`).set('Authorization', officer).send(body).expect(200);
    for (const id of [c.morgan!.id, c.literal!.id]) {
      await step(id, 'acknowledgement');
      await step(id, 'investigation');
      await step(id, 'response-draft', { text: 'We are sorry.' });
      await step(id, 'response', { outcome: 'upheld' });
    }
    await step(c.morgan!.id, 'escalation');
    await step(c.literal!.id, 'closure', { businessArea: 'civil-listing', causeCategory: 'communication' });
  });
  afterAll(() => close());

  const ids = (...keys: string[]) => keys.map((k) => c[k]!.id);
  /** Every page over REST, following nextCursor; fails on a repeat. */
  async function rest(query: Record<string, string>, token = officer): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http()
        .get('/api/v1/complaints/search')
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .set('Authorization', token)
        .expect(200);
      found.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(found).size).toBe(found.length);
    return found;
  }
  /** Every page over GraphQL, following endCursor; fails on a repeat. */
  async function gql(criteria: Record<string, unknown>, token = officer, first?: number): Promise<string[]> {
    const found: string[] = [];
    let after: string | undefined;
    for (;;) {
      const body = (await graphql(token, { criteria, first, after })).body;
      expect(body.errors).toBeUndefined();
      const { nodes, pageInfo } = body.data.searchComplaints;
      found.push(...nodes.map((n: { id: string }) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(new Set(found).size).toBe(found.length);
    return found;
  }
  const both = async (query: Record<string, string>, criteria: Record<string, unknown> = query, token = officer) => {
    const found = await rest(query, token);
    expect(await gql(criteria, token)).toEqual(found);
    return found;
  };

  const auditRows = async () =>
    (await app
      .get(DataSource)
      .query(
        `SELECT kind, actor, operation, record_type AS "recordType", record_ids AS "recordIds" FROM audit_trail ORDER BY at, id`,
      )) as { kind: string; actor: string; operation: string; recordType: string; recordIds: string[] }[];
  const counts = async () => {
    const [row] = (await app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM audit_trail)::int AS audit, (SELECT count(*) FROM outbox)::int AS events`,
      )) as [{ complaints: number; audit: number; events: number }];
    return row;
  };

  it('finds a complaint by its reference in any case and spacing, not taken for an id by GET :id', async () => {
    const { reference } = c.morgan!;
    const number = reference.replace(/^CMP-0*/, '');
    for (const typed of [reference, reference.toLowerCase().replace('-', ' '), `cmp-${number}`, number]) {
      expect(await both({ reference: typed })).toEqual(ids('morgan'));
    }
    const res = await http()
      .get('/api/v1/complaints/search')
      .query({ reference })
      .set('Authorization', officer)
      .expect(200);
    expect(res.body.items[0]).toMatchObject({ reference, complainantName: 'Gareth Morgan', currentStage: 2 });
    expect(await both({ reference: 'CMP-999999' })).toEqual([]);
  });

  it('finds complainants by words of their name in any case, newest first, wildcards taken literally', async () => {
    expect(await both({ complainant: 'jones' })).toEqual(
      ids('bulk3', 'bulk2', 'bulk1', 'ownForm', 'jonesFirm', 'summer', 'phoned'),
    );
    expect(await both({ complainant: 'ELERI jon' })).toEqual(ids('ownForm', 'phoned'));
    expect(await both({ complainant: 'mrs jones' })).toEqual(ids('phoned'));
    expect(await both({ complainant: '100%' })).toEqual(ids('literal'));
    expect(await both({ complainant: '10_%' })).toEqual([]);
  });

  it('finds the complaints about a case by its reference, dashes or spaces allowed; an unknown case finds none', async () => {
    const dashed = caseReference.replace(/(\d{4})(?=\d)/g, '$1-');
    for (const typed of [caseReference, dashed, dashed.replace(/-/g, ' ')])
      expect(await both({ caseReference: typed })).toEqual(ids('ownForm', 'jonesFirm', 'phoned'));
    let unknown = testCaseReference();
    while (unknown === caseReference) unknown = testCaseReference();
    expect(await both({ caseReference: unknown })).toEqual([]);
  });

  it('finds by current stage, by status, and by London days received, receivedTo included', async () => {
    expect(await both({ stage: '2' }, { stage: 2 })).toEqual(ids('morgan'));
    expect(await both({ status: 'closed' })).toEqual(ids('literal'));
    expect(
      await both(
        { status: 'Open', stage: '1', complainant: 'jones' },
        { status: 'Open', stage: 1, complainant: 'jones' },
      ),
    ).toEqual(ids('bulk3', 'bulk2', 'bulk1', 'ownForm', 'jonesFirm', 'summer', 'phoned'));
    expect(await both({ stage: '2', status: 'closed' }, { stage: 2, status: 'closed' })).toEqual([]);
    // "Mrs Jones, last month": November 2025.
    expect(await both({ complainant: 'jones', receivedFrom: '2025-11-01', receivedTo: '2025-11-30' })).toEqual(
      ids('phoned'),
    );
    expect(await both({ receivedFrom: '2025-11-01', receivedTo: '2025-11-30' })).toEqual(ids('literal', 'phoned'));
    expect(await both({ receivedFrom: '2025-10-31', receivedTo: '2025-10-31' })).toEqual(ids('morgan'));
    expect(await both({ receivedFrom: '2025-12-01', receivedTo: '2025-12-01' })).toEqual(ids('evans'));
    expect(await both({ receivedFrom: '2025-07-01', receivedTo: '2025-07-01' })).toEqual(ids('summer'));
    expect(await both({ receivedTo: '2025-06-30' })).toEqual([]);
  });

  it('pages newest first without repeats or gaps, over REST (limit, cursor) and GraphQL (first, after)', async () => {
    const all = ids('bulk3', 'bulk2', 'bulk1', 'ownForm', 'jonesFirm', 'summer', 'phoned');
    const page = await http()
      .get('/api/v1/complaints/search')
      .query({ complainant: 'jones', limit: '3' })
      .set('Authorization', officer)
      .expect(200);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 3));
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await http()
      .get('/api/v1/complaints/search')
      .query({ complainant: 'jones', limit: '3', cursor: page.body.nextCursor })
      .set('Authorization', officer)
      .expect(200);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual(all.slice(3, 6));
    for (const first of [1, 2, 3]) expect(await gql({ complainant: 'jones' }, officer, first)).toEqual(all);
    const one = (await graphql(officer, { criteria: { complainant: 'jones' }, first: 7 })).body.data.searchComplaints;
    expect(one.pageInfo.hasNextPage).toBe(false);
  });

  it('shows staff every complaint, a citizen and a firm only their own; other roles are refused', async () => {
    expect(await both({ complainant: 'jones' }, { complainant: 'jones' }, caseworker)).toHaveLength(7);
    // The citizen's case has an officer-recorded complaint too: not theirs to find.
    expect(await both({ complainant: 'jones' }, { complainant: 'jones' }, jones)).toEqual(ids('ownForm'));
    expect(await both({ caseReference }, { caseReference }, jones)).toEqual(ids('ownForm'));
    expect(await both({ caseReference }, { caseReference }, orgA)).toEqual(ids('jonesFirm'));
    expect(await both({ caseReference }, { caseReference }, orgB)).toEqual([]);
    expect(await both({ complainant: 'jones' }, { complainant: 'jones' }, orgB)).toEqual([]);
    expect(await both({ reference: c.phoned!.reference }, { reference: c.phoned!.reference }, otherCitizen)).toEqual(
      [],
    );
    await http().get('/api/v1/complaints/search').query({ status: 'open' }).set('Authorization', auditor).expect(403);
    const refused = await graphql(auditor, { criteria: { status: 'open' } });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await http().get('/api/v1/complaints/search').query({ status: 'open' }).expect(401);
  });

  it('refuses bad criteria as BAD_USER_INPUT naming every field, and then has written nothing', async () => {
    const before = await counts();
    const problem = async (query: Record<string, string>) => {
      const res = await http().get('/api/v1/complaints/search').query(query).set('Authorization', officer).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await problem({})).toEqual(['criteria']);
    expect(await problem({ reference: ' ', complainant: '' })).toEqual(['criteria']);
    expect(
      await problem({ reference: 'REF-1', complainant: 'ab', caseReference: '1234', stage: '4', status: 'pending' }),
    ).toEqual(['reference', 'complainant', 'caseReference', 'stage', 'status']);
    expect(await problem({ receivedFrom: '2025-11-30', receivedTo: '2025-11-01' })).toEqual(['receivedTo']);
    expect(await problem({ receivedFrom: '30/11/2025' })).toEqual(['receivedFrom']);
    expect(await problem({ stage: 'two' })).toEqual(['stage']);
    expect(await problem({ status: 'open', sort: 'name' })).toEqual(['sort']);
    expect(await problem({ status: 'open', cursor: 'bm9wZQ' })).toEqual(['cursor']);
    expect(await problem({ status: 'open', limit: '0' })).toEqual(['limit']);
    const statusMessage = await http()
      .get('/api/v1/complaints/search')
      .query({ status: 'pending', stage: '0' })
      .set('Authorization', officer)
      .expect(400);
    expect(statusMessage.body.errors).toEqual([
      { field: 'stage', message: 'must be one of 1, 2, 3' },
      { field: 'status', message: 'must be one of open, closed' },
    ]);

    for (const [criteria, fields] of [
      [{}, ['criteria']],
      [{ stage: 5, status: 'lost', complainant: 'a b' }, ['complainant', 'stage', 'status']],
      [{ receivedFrom: '2025-11-30', receivedTo: '2025-11-29' }, ['receivedTo']],
    ] as const) {
      const body = (await graphql(officer, { criteria })).body;
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fieldErrors.map((e: { field: string }) => e.field)).toEqual(fields);
    }
    const badCursor = (await graphql(officer, { criteria: { status: 'open' }, after: 'bm9wZQ' })).body;
    expect(badCursor.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'after' }] });
    expect(await counts()).toEqual(before);
  });

  it('records each page shown as one read of its complaints in the audit trail, and a search that finds nothing not at all', async () => {
    const before = (await auditRows()).length;
    const page = await http()
      .get('/api/v1/complaints/search')
      .query({ complainant: 'jones', limit: '2' })
      .set('Authorization', officer)
      .expect(200);
    const gqlPage = (await graphql(officer, { criteria: { complainant: 'eleri' } })).body.data.searchComplaints;
    await http()
      .get('/api/v1/complaints/search')
      .query({ complainant: 'nobody-called-this' })
      .set('Authorization', officer)
      .expect(200);
    const added = (await auditRows()).slice(before);
    expect(added).toEqual([
      {
        kind: 'read',
        actor: 'officer-olu',
        operation: 'GET /api/v1/complaints/search',
        recordType: 'complaint',
        recordIds: page.body.items.map((i: { id: string }) => i.id),
      },
      {
        kind: 'read',
        actor: 'officer-olu',
        operation: 'query searchComplaints',
        recordType: 'complaint',
        recordIds: gqlPage.nodes.map((n: { id: string }) => n.id),
      },
    ]);
    expect(added[0]!.recordIds).toHaveLength(2);
    expect(added[1]!.recordIds).toEqual(ids('ownForm', 'phoned'));
  });

  it('reads the name, reference, open/closed and received-day criteria through their indexes', async () => {
    const dataSource = app.get(DataSource);
    const staff = complaintFilter(scopeOf({ sub: 'officer-olu', roles: ['complaints-officer'] }));
    const plan = async (statement: { toQuery(): { text: string; values: unknown[] } }) => {
      const { text, values } = statement.toQuery();
      return (await indexConditions(dataSource, text, values)).join(' | ');
    };
    const filter = (criteria: Record<string, unknown>) => {
      const { caseReference: _, ...rest } = toSearchFilter(criteria);
      return rest;
    };
    expect(await plan(matchedComplaintsSql(filter({ complainant: 'eleri jones' }), staff, 21))).toContain(
      'lower((complainant_name)::text) ~~*',
    );
    expect(await plan(complaintSearchSql(filter({ reference: c.evans!.reference }), staff, 21))).toContain('reference');
    expect(await plan(complaintSearchSql(filter({ status: 'open' }), staff, 21))).toContain('closed_at IS NULL');
    expect(
      await plan(matchedComplaintsSql(filter({ receivedFrom: '2025-11-01', receivedTo: '2025-11-30' }), staff, 21)),
    ).toContain('received_at');
  });
});
