import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assistedDigitalNeedIdentifiedV1, enquiryConvertedToComplaintV2 } from '@ccsc/contracts';
import { bearer } from '@ccsc/testing';
import { enquiry, knownCase, officerProfiles, startQueriesApp } from './queries-app';
import { expectDocumented, expectProblem, restAndGraphQL, type Loose } from './rest-parity';

describe("an enquiry's status, conversion and assisted-digital needs over REST", () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let api: ReturnType<typeof restAndGraphQL>;
  let officer: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['officer-1']);
    api = restAndGraphQL(app, dataSource);
    [officer, citizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('citizen', { sub: 'citizen-carys' }),
    ]);
  });
  afterAll(() => close());

  const raise = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (
      await api
        .http()
        .post('/api/v1/queries/enquiries')
        .set('Authorization', officer)
        .send(enquiry({ channel: 'telephone', subject: 'Question', message: 'A general question', ...overrides }))
        .expect(201)
    ).body.id;
  const post = (path: string, who: string, body: unknown = {}) =>
    api
      .http()
      .post(path)
      .set('Authorization', who)
      .send(body as object);
  const envelopes = async (type: string, key: string) =>
    (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2', [type, key])) as {
      envelope: Loose;
    }[];

  const STATUS = 'mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { id } }';
  const CONVERT = 'mutation($i: ConvertEnquiryToComplaintInput!) { convertEnquiryToComplaint(input: $i) { id } }';
  const NEED = 'mutation($i: IdentifyAssistedDigitalNeedInput!) { identifyAssistedDigitalNeed(input: $i) { id } }';

  it('puts an enquiry to awaiting the customer (its clocks pause), then resolves and closes it', async () => {
    const id = await raise();
    await post(`/api/v1/queries/enquiries/${id}/claim`, officer).expect(200);
    const waiting = await post(`/api/v1/queries/enquiries/${id}/status`, officer, {
      status: 'awaiting-customer',
      reason: 'asked for the claim number',
    }).expect(200);
    expect(waiting.body).toMatchObject({ id, status: 'awaiting-customer' });
    expect(waiting.body.sla.find((c: Loose) => c.clock === 'resolution').state).toBe('paused');
    await post(`/api/v1/queries/enquiries/${id}/status`, officer, { status: 'resolved' }).expect(200);
    const closed = await post(`/api/v1/queries/enquiries/${id}/status`, officer, { status: 'closed' }).expect(200);
    expect(closed.body.status).toBe('closed');
    const history = await api.ok(
      'query($id: ID!) { enquiry(id: $id) { history { toStatus reason actor } } }',
      { id },
      officer,
    );
    expect(history.enquiry.history).toEqual(
      expect.arrayContaining([
        { toStatus: 'awaiting-customer', reason: 'asked for the claim number', actor: 'officer-1' },
      ]),
    );
  });

  it('refuses a status change as GraphQL does, and bad input with 400 problem+json, changing nothing', async () => {
    const id = await raise();
    const closed = await raise();
    await post(`/api/v1/queries/enquiries/${closed}/status`, officer, { status: 'closed' }).expect(200);
    const before = await api.store();

    const refusals: [string, string, string, Record<string, unknown>][] = [
      ['FORBIDDEN', id, citizen, { status: 'resolved' }],
      ['NOT_FOUND', '0b6f3f64-9d59-4c39-a4f5-8d2a4a6c2e11', officer, { status: 'resolved' }],
      ['BAD_USER_INPUT', id, officer, { status: 'assigned' }],
      ['CONFLICT', closed, officer, { status: 'resolved' }],
    ];
    for (const [code, enquiryId, who, input] of refusals) {
      expect(await api.code(STATUS, { i: { enquiryId, ...input } }, who)).toBe(code);
      expectProblem(await post(`/api/v1/queries/enquiries/${enquiryId}/status`, who, input), code);
    }
    for (const [path, body] of [
      [`/api/v1/queries/enquiries/${id}/status`, { status: 'pigeon' }],
      [`/api/v1/queries/enquiries/${id}/status`, {}],
      [`/api/v1/queries/enquiries/${id}/status`, { status: 'resolved', reason: '' }],
      [`/api/v1/queries/enquiries/${id}/status`, { status: 'resolved', reason: 'x'.repeat(1001) }],
      [`/api/v1/queries/enquiries/${id}/status`, { status: 'resolved', enquiryId: id }],
      ['/api/v1/queries/enquiries/not-an-id/status', { status: 'resolved' }],
    ] as const) {
      expectProblem(await post(path, officer, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);
  });

  it('turns an enquiry into a complaint once, publishing it, and refuses as GraphQL does', async () => {
    const id = await raise({ category: 'service' });
    const before = await api.store();
    expect(await api.code(CONVERT, { i: { enquiryId: id, reason: 'unhappy' } }, citizen)).toBe('FORBIDDEN');
    expectProblem(await post(`/api/v1/queries/enquiries/${id}/complaint`, citizen, { reason: 'unhappy' }), 'FORBIDDEN');
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(1001) }, { reason: 7 }]) {
      expectProblem(await post(`/api/v1/queries/enquiries/${id}/complaint`, officer, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    const converted = await post(`/api/v1/queries/enquiries/${id}/complaint`, officer, {
      reason: 'complains about the delay',
    }).expect(200);
    expect(converted.body).toMatchObject({ id, status: 'closed', convertedToComplaintAt: expect.any(String) });
    const [event] = await envelopes(enquiryConvertedToComplaintV2.type, id);
    expect(event!.envelope.data).toMatchObject({ enquiryId: id, category: 'service', complainantType: 'public' });

    expect(await api.code(CONVERT, { i: { enquiryId: id, reason: 'again' } }, officer)).toBe('CONFLICT');
    expectProblem(await post(`/api/v1/queries/enquiries/${id}/complaint`, officer, { reason: 'again' }), 'CONFLICT');
    expect(await envelopes(enquiryConvertedToComplaintV2.type, id)).toHaveLength(1);
  });

  it("sends an assisted-digital need to the enquiry's case, and refuses as GraphQL does", async () => {
    const caseId = await knownCase(dataSource);
    const id = await raise({ caseId });
    const unlinked = await raise();
    const before = await api.store();
    const refusals: [string, string, string, Record<string, unknown>][] = [
      ['FORBIDDEN', id, citizen, { needs: ['no-device'] }],
      ['NOT_FOUND', '0b6f3f64-9d59-4c39-a4f5-8d2a4a6c2e11', officer, { needs: ['no-device'] }],
      ['CONFLICT', unlinked, officer, { needs: ['no-device'] }],
      ['BAD_USER_INPUT', id, officer, { needs: ['telepathy'] }],
      ['BAD_USER_INPUT', id, officer, { needs: [] }],
    ];
    for (const [code, enquiryId, who, input] of refusals) {
      expect(await api.code(NEED, { i: { enquiryId, ...input } }, who)).toBe(code);
      expectProblem(await post(`/api/v1/queries/enquiries/${enquiryId}/assisted-digital-needs`, who, input), code);
    }
    for (const body of [{}, { needs: 'no-device' }, { needs: Array(7).fill('no-device') }]) {
      expectProblem(
        await post(`/api/v1/queries/enquiries/${id}/assisted-digital-needs`, officer, body),
        'BAD_USER_INPUT',
      );
    }
    expect(await api.store()).toEqual(before);

    const told = await post(`/api/v1/queries/enquiries/${id}/assisted-digital-needs`, officer, {
      needs: ['no-device', 'low-digital-confidence', 'no-device'],
    }).expect(200);
    expect(told.body.id).toBe(id);
    const [need] = await envelopes(assistedDigitalNeedIdentifiedV1.type, id);
    expect(need!.envelope.data).toEqual({ enquiryId: id, caseId, needs: ['no-device', 'low-digital-confidence'] });
  });

  it('documents the routes in the OpenAPI document', async () => {
    expectDocumented(await api.openApi(), [
      'POST /api/v1/queries/enquiries/{id}/status',
      'POST /api/v1/queries/enquiries/{id}/complaint',
      'POST /api/v1/queries/enquiries/{id}/assisted-digital-needs',
    ]);
  });
});
