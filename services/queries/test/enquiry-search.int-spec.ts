import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseAccessChangedV2 } from '@ccsc/contracts';
import { recordCaseAccess } from '@ccsc/case-access';
import { bearer, caseAccessData, eventEnvelope, testCaseReference } from '@ccsc/testing';
import { enquiry, startQueriesApp } from './queries-app';

// Responses are checked field by field, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

describe('enquiry search', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let officer: string;
  let jones: string;
  let firm: string;
  let otherFirm: string;
  const caseId = randomUUID();
  const caseReference = testCaseReference();
  const raised: Record<string, Loose> = {};

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    [officer, jones, firm, otherFirm] = await Promise.all([
      bearer('caseworker', { sub: 'officer-sid' }),
      bearer('citizen', { sub: 'citizen-jones' }),
      bearer('professional', { org: 'org-smith-co', sub: 'solicitor-sue' }),
      bearer('professional', { org: 'org-other', sub: 'solicitor-oli' }),
    ]);
    await recordCaseAccess(
      dataSource.manager,
      eventEnvelope(
        caseAccessChangedV2,
        caseId,
        caseAccessData(caseId, caseReference, { organisations: ['org-smith-co'] }),
      ),
    );
    const raise = async (key: string, who: string, body: Loose) =>
      (raised[key] = (
        await http()
          .post('/api/v1/queries/enquiries')
          .set('Authorization', who)
          .send(enquiry(body))
          .expect((r) => expect([r.status, r.body.errors ?? r.body.detail]).toEqual([201, undefined]))
      ).body as Loose);
    await raise('jones', jones, {
      contact: { name: 'Mrs Angharad Jones', email: 'A.Jones@Example.com', phone: '020 7946 0001' },
    });
    await raise('phone', officer, {
      channel: 'telephone',
      contact: { name: 'Bob Jonesworth', phone: '+44 (20) 7946-0002' },
    });
    await raise('firm', firm, {
      caseId,
      subject: 'About the claim',
      contact: { name: 'Smith & Co Solicitors', email: 'clerk@smith.example' },
    });
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const search = (query: Record<string, string>, who = officer) =>
    http().get('/api/v1/queries/enquiries/search').query(query).set('Authorization', who);
  const found = async (query: Record<string, string>, who = officer) =>
    ((await search(query, who).expect(200)).body.items as Loose[]).map((e) => e.id);
  const gql = async (query: string, variables: Record<string, unknown>, who = officer) =>
    (await http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200)).body as {
      data?: Loose;
      errors?: { extensions: Loose }[];
    };

  it('gives every enquiry a reference a caller can read out, and finds it however it is typed', async () => {
    const reference = raised.jones!.reference as string;
    expect(reference).toMatch(/^ENQ-\d{7}$/);
    const digits = reference.slice(4);
    for (const typed of [reference, reference.toLowerCase(), `enq ${digits}`, `ENQ${Number(digits)}`])
      expect(await found({ reference: typed })).toEqual([raised.jones!.id]);
  });

  it('finds by part of the contact name in any case, newest first, and by email and phone in any form', async () => {
    expect(await found({ contactName: 'jones' })).toEqual([raised.phone!.id, raised.jones!.id]);
    expect(await found({ contactName: 'ANGHARAD jon' })).toEqual([raised.jones!.id]);
    // The user's own wildcards are letters, not patterns.
    expect(await found({ contactName: 'jo%s' })).toEqual([]);
    expect(await found({ email: 'a.jones@example.COM' })).toEqual([raised.jones!.id]);
    expect(await found({ phone: '02079460002' })).toEqual([]);
    expect(await found({ phone: '44 20 7946 0002' })).toEqual([raised.phone!.id]);
    expect(await found({ phone: '020-7946-0001' })).toEqual([raised.jones!.id]);
  });

  it('finds by case reference, status, channel and the days received, every criterion together', async () => {
    expect(await found({ caseReference: caseReference.replace(/(\d{4})(?=\d)/g, '$1-') })).toEqual([raised.firm!.id]);
    expect(await found({ caseReference: testCaseReference() })).toEqual([]);
    expect(await found({ channel: 'telephone' })).toEqual([raised.phone!.id]);
    expect(await found({ channel: 'telephone', contactName: 'angharad' })).toEqual([]);
    expect(await found({ status: 'triaged', contactName: 'jones' })).toHaveLength(2);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(await found({ receivedFrom: today, receivedTo: today, contactName: 'smith' })).toEqual([raised.firm!.id]);
    expect(await found({ receivedTo: '2020-01-01' })).toEqual([]);
  });

  it('pages newest first with a cursor, over REST and GraphQL alike', async () => {
    const first = (await search({ status: 'triaged', limit: '2' }).expect(200)).body as Loose;
    expect(first.items.map((e: Loose) => e.id)).toEqual([raised.firm!.id, raised.phone!.id]);
    const second = (await search({ status: 'triaged', limit: '2', cursor: first.nextCursor }).expect(200))
      .body as Loose;
    expect(second.items.map((e: Loose) => e.id)).toEqual([raised.jones!.id]);
    expect(second.nextCursor).toBeNull();

    const body = await gql(
      'query($c: EnquirySearchInput!) { searchEnquiries(criteria: $c, first: 1) { nodes { id reference } pageInfo { hasNextPage endCursor } } }',
      { c: { contactName: 'jones' } },
    );
    expect(body.data!.searchEnquiries.nodes).toEqual([{ id: raised.phone!.id, reference: raised.phone!.reference }]);
    expect(body.data!.searchEnquiries.pageInfo.hasNextPage).toBe(true);
  });

  it('finds only what the caller may see: their own as a citizen, their contacts as a firm', async () => {
    expect(await found({ contactName: 'jones' }, jones)).toEqual([raised.jones!.id]);
    expect(await found({ contactName: 'smith' }, firm)).toEqual([raised.firm!.id]);
    expect(await found({ contactName: 'smith' }, otherFirm)).toEqual([]);
    expect(await found({ caseReference }, otherFirm)).toEqual([]);
  });

  it('records a page shown as one audit record naming every enquiry on it', async () => {
    const before = Date.now();
    await found({ contactName: 'jones' });
    const rows = (await dataSource.query(
      `SELECT actor, record_type, record_ids FROM audit_trail WHERE kind = 'read' AND at >= $1 AND actor = 'officer-sid'`,
      [new Date(before)],
    )) as { actor: string; record_type: string; record_ids: string[] }[];
    expect(rows).toEqual([
      { actor: 'officer-sid', record_type: 'enquiry', record_ids: [raised.phone!.id, raised.jones!.id] },
    ]);
  });

  it('refuses what it cannot search for with every problem at once, and writes nothing', async () => {
    const counts = async () =>
      (await dataSource.query(
        `SELECT (SELECT count(*) FROM enquiries) AS e, (SELECT count(*) FROM audit_trail) AS a`,
      )) as Loose[];
    const before = await counts();
    const res = await search({
      reference: 'X-1',
      contactName: 'jo',
      status: 'lost',
      channel: 'pigeon',
      phone: 'call me',
      receivedFrom: '2026-12-05',
      receivedTo: '2026-12-01',
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((res.body.errors as Loose[]).map((e) => e.field).sort()).toEqual(
      ['channel', 'contactName', 'phone', 'receivedTo', 'reference', 'status'].sort(),
    );
    await search({}).expect(400);
    await search({
      contactName: 'jones',
      cursor: Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url'),
    }).expect(400);
    const body = await gql('query($c: EnquirySearchInput!) { searchEnquiries(criteria: $c) { nodes { id } } }', {
      c: { email: 'not-an-email' },
    });
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });
});
