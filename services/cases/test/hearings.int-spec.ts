import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

// Next July, so every hearing is still to come and the day is in British Summer Time (UTC+1).
const year = new Date().getUTCFullYear() + 1;
const day = `${year}-07-14`;
const dayBefore = `${year}-07-13`;
const dayAfter = `${year}-07-15`;
const bst = (date: string, time: string) => `${date}T${time}:00+01:00`;

const listing = (overrides: Record<string, unknown> = {}) => ({
  venueId: 'LDN-RCJ',
  venueName: 'Royal Courts of Justice',
  hearingType: 'final-hearing',
  startsAt: bst(day, '10:00'),
  durationMinutes: 120,
  ...overrides,
});

const HEARING_FIELDS =
  'id caseId venueId venueName hearingType startsAt londonDate londonTime durationMinutes status delayMinutes reason goingAhead';
const CASE_HEARINGS = `query($id: ID!) { case(id: $id) { id hearings { ${HEARING_FIELDS} } } }`;
const LIST_HEARING = `mutation($input: ListHearingInput!) { listHearing(input: $input) { ${HEARING_FIELDS} } }`;
const UPDATE_STATUS = `mutation($input: UpdateHearingStatusInput!) { updateHearingStatus(input: $input) { ${HEARING_FIELDS} } }`;
const AT_VENUE = `query($venueId: String!, $date: String!) { hearingsAtVenue(venueId: $venueId, date: $date) { ${HEARING_FIELDS} } }`;

describe('hearings', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;
  let teamLeader: string;
  let judiciary: string;
  let orgA: string;
  let orgB: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    [caseworker, teamLeader, judiciary, orgA, orgB, citizen] = await Promise.all([
      bearer('caseworker'),
      bearer('team-leader'),
      bearer('judiciary'),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
      bearer('citizen', { sub: 'citizen-carys' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, query: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  /** A case represented by org-a, opened by a caseworker. */
  const newCase = async (): Promise<string> =>
    (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201)).body.id;
  const listHearing = async (caseId: string, overrides: Record<string, unknown> = {}) =>
    (
      await http()
        .post(`/api/v1/cases/${caseId}/hearings`)
        .set('Authorization', caseworker)
        .send(listing(overrides))
        .expect(201)
    ).body;

  it('lists no hearing on a case that has ended, and sends no letter for one', async () => {
    const caseId = await newCase();
    await http()
      .post(`/api/v1/cases/${caseId}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'withdraw' })
      .expect(200);
    const refused = await http()
      .post(`/api/v1/cases/${caseId}/hearings`)
      .set('Authorization', caseworker)
      .send(listing())
      .expect(409);
    expect(refused.body.detail).toBe('The case is Withdrawn: no hearing is listed on a case that has ended');
    expect((await graphql(caseworker, CASE_HEARINGS, { id: caseId })).body.data.case.hearings).toEqual([]);
  });

  it('answers a listing replayed for its Idempotency-Key as the first time, going-ahead answer included', async () => {
    const caseId = await newCase();
    const send = () =>
      http()
        .post('/graphql')
        .set('Authorization', caseworker)
        .set('Idempotency-Key', `hearing-${caseId}`)
        .send({
          query: `mutation($input: ListHearingInput!) { listHearing(input: $input) { id goingAhead cy: goingAhead(language: cy) } }`,
          variables: { input: { caseId, ...listing() } },
        })
        .expect(200);
    const first = await send();
    expect(first.body.errors).toBeUndefined();
    const again = await send();
    expect(again.body).toEqual(first.body);
    expect(again.body.data.listHearing).toMatchObject({ goingAhead: 'yes', cy: 'ydy' });
    const listed = await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', caseworker).expect(200);
    expect(listed.body).toHaveLength(1);
  });

  it('answers whether a hearing is going ahead in Welsh, over REST and GraphQL', async () => {
    const caseId = await newCase();
    const hearing = await listHearing(caseId);
    await http()
      .post(`/api/v1/cases/${caseId}/hearings/${hearing.id}/status`)
      .set('Authorization', caseworker)
      .send({ status: 'running-late', delayMinutes: 30 })
      .expect(200);

    const welsh = await http()
      .get(`/api/v1/cases/${caseId}/hearings/${hearing.id}?language=cy`)
      .set('Authorization', orgA)
      .expect(200);
    expect(welsh.body.goingAhead).toBe("ydy, mae'n rhedeg tua 30 munud yn hwyr");
    const list = await http()
      .get(`/api/v1/cases/${caseId}/hearings?language=cy`)
      .set('Authorization', orgA)
      .expect(200);
    expect(list.body[0].goingAhead).toBe("ydy, mae'n rhedeg tua 30 munud yn hwyr");
    const english = await http().get(`/api/v1/cases/${caseId}/hearings/${hearing.id}`).set('Authorization', orgA);
    expect(english.body.goingAhead).toBe('yes, running about 30 minutes late');
    const atVenue = await http()
      .get(`/api/v1/cases/hearings/by-venue?venueId=LDN-RCJ&date=${day}&language=cy`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(atVenue.body.find((h: { id: string }) => h.id === hearing.id).goingAhead).toBe(
      "ydy, mae'n rhedeg tua 30 munud yn hwyr",
    );
    const badLanguage = await http().get(`/api/v1/cases/${caseId}/hearings?language=fr`).set('Authorization', orgA);
    expect(badLanguage.status).toBe(400);

    const both = await graphql(
      orgA,
      `
        query ($id: ID!, $language: Language) {
          case(id: $id) {
            hearings {
              en: goingAhead
              cy: goingAhead(language: cy)
              given: goingAhead(language: $language)
            }
          }
        }
      `,
      { id: caseId, language: null },
    );
    expect(both.body.errors).toBeUndefined();
    expect(both.body.data.case.hearings).toEqual([
      {
        en: 'yes, running about 30 minutes late',
        cy: "ydy, mae'n rhedeg tua 30 munud yn hwyr",
        given: 'yes, running about 30 minutes late',
      },
    ]);
  });

  it('lists a hearing and reads it per case over REST and GraphQL, soonest first', async () => {
    const caseId = await newCase();
    const created = await http()
      .post(`/api/v1/cases/${caseId}/hearings`)
      .set('Authorization', caseworker)
      .send(listing())
      .expect(201);
    expect(created.headers.location).toBe(`/api/v1/cases/${caseId}/hearings/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.any(String),
      caseId,
      venueId: 'LDN-RCJ',
      venueName: 'Royal Courts of Justice',
      hearingType: 'final-hearing',
      startsAt: `${day}T09:00:00.000Z`,
      londonDate: day,
      londonTime: '10:00',
      durationMinutes: 120,
      status: 'listed',
      delayMinutes: null,
      reason: null,
      goingAhead: 'yes',
      updatedAt: expect.any(String),
    });

    // Listed by a judge through GraphQL, and earlier in the day: it comes first.
    const viaGraphql = await graphql(judiciary, LIST_HEARING, {
      input: {
        caseId,
        ...listing({ hearingType: 'case-management', startsAt: bst(day, '09:15'), durationMinutes: 30 }),
      },
    });
    expect(viaGraphql.body.errors).toBeUndefined();
    const early = viaGraphql.body.data.listHearing;
    expect(early).toMatchObject({
      caseId,
      hearingType: 'case-management',
      londonTime: '09:15',
      status: 'listed',
      goingAhead: 'yes',
    });

    const rest = await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', orgA).expect(200);
    expect(rest.body.map((h: { id: string }) => h.id)).toEqual([early.id, created.body.id]);
    const one = await http()
      .get(`/api/v1/cases/${caseId}/hearings/${created.body.id}`)
      .set('Authorization', orgA)
      .expect(200);
    expect(one.body).toEqual(created.body);

    for (const token of [caseworker, orgA]) {
      const read = await graphql(token, CASE_HEARINGS, { id: caseId });
      expect(read.body.errors).toBeUndefined();
      const { updatedAt: _updatedAt, ...withoutUpdatedAt } = created.body;
      expect(read.body.data.case.hearings).toEqual([early, withoutUpdatedAt]);
    }
  });

  it('follows a hearing through running late, adjourned, relisted and vacated, answering whether it is going ahead', async () => {
    const caseId = await newCase();
    const hearing = await listHearing(caseId);
    const status = (body: Record<string, unknown>, token = caseworker) =>
      http().post(`/api/v1/cases/${caseId}/hearings/${hearing.id}/status`).set('Authorization', token).send(body);

    const late = await status({ status: 'running-late', delayMinutes: 30 }).expect(200);
    expect(late.body).toMatchObject({
      status: 'running-late',
      delayMinutes: 30,
      reason: null,
      goingAhead: 'yes, running about 30 minutes late',
    });
    const later = await status({ status: 'running-late', delayMinutes: 45 }, judiciary).expect(200);
    expect(later.body.goingAhead).toBe('yes, running about 45 minutes late');

    const adjourned = await graphql(teamLeader, UPDATE_STATUS, {
      input: { hearingId: hearing.id, status: 'adjourned', reason: 'the interpreter did not attend' },
    });
    expect(adjourned.body.errors).toBeUndefined();
    expect(adjourned.body.data.updateHearingStatus).toMatchObject({
      status: 'adjourned',
      delayMinutes: null,
      reason: 'the interpreter did not attend',
      goingAhead: 'no: adjourned because the interpreter did not attend',
    });
    const seenByParty = await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', orgA).expect(200);
    expect(seenByParty.body[0].goingAhead).toBe('no: adjourned because the interpreter did not attend');

    const noNewDate = await status({ status: 'listed' }).expect(400);
    expect(noNewDate.body.errors).toEqual([
      { field: 'startsAt', message: 'is required to relist an adjourned hearing' },
    ]);
    const relisted = await status({ status: 'listed', startsAt: bst(`${year}-09-01`, '14:00') }).expect(200);
    expect(relisted.body).toMatchObject({
      status: 'listed',
      londonDate: `${year}-09-01`,
      londonTime: '14:00',
      reason: null,
      goingAhead: 'yes',
    });

    const vacated = await status({ status: 'vacated', reason: 'the claim settled' }).expect(200);
    expect(vacated.body.goingAhead).toBe('no: vacated because the claim settled');
    const final = await status({ status: 'in-progress' }).expect(409);
    expect(final.body).toMatchObject({ code: 'CONFLICT', detail: 'The hearing is vacated, which is final' });
    const finalViaGraphql = await graphql(judiciary, UPDATE_STATUS, {
      input: { hearingId: hearing.id, status: 'completed' },
    });
    expect(finalViaGraphql.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it("puts each listing and change of a hearing on the case's timeline, for the parties too, under kind hearings", async () => {
    const caseId = await newCase();
    const hearing = await listHearing(caseId);
    const status = (body: Record<string, unknown>) =>
      http()
        .post(`/api/v1/cases/${caseId}/hearings/${hearing.id}/status`)
        .set('Authorization', caseworker)
        .send(body)
        .expect(200);
    await status({ status: 'running-late', delayMinutes: 30 });
    await status({ status: 'listed' });
    await status({ status: 'adjourned', reason: 'the interpreter did not attend' });
    await status({ status: 'listed', startsAt: bst(`${year}-09-01`, '14:00') });
    await status({ status: 'vacated', reason: 'the claim settled' });

    const expected = [
      `Hearing listed: final hearing at Royal Courts of Justice, ${day} at 10:00 (London time), 120 minutes`,
      'Hearing running about 30 minutes late',
      'Hearing back on time',
      `Hearing of ${day} at 10:00 (London time) adjourned`,
      `Hearing relisted for ${year}-09-01 at 14:00 (London time)`,
      `Hearing of ${year}-09-01 at 14:00 (London time) vacated (it will not go ahead)`,
    ];
    // The firm of a party reads them as staff do; the free-text reasons stay off the timeline (and the events).
    await eventually(async () => {
      const entries = (
        await http().get(`/api/v1/cases/${caseId}/timeline?kind=hearings`).set('Authorization', orgA).expect(200)
      ).body as { summary: string; kind: string; actor: string }[];
      expect(entries.map((e) => e.summary)).toEqual(expected);
      expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['hearings']));
    });
    const all = (await http().get(`/api/v1/cases/${caseId}/timeline`).set('Authorization', caseworker).expect(200))
      .body as { summary: string }[];
    expect(all.map((e) => e.summary).join('\n')).not.toMatch(/interpreter|settled/);
    const events = (await app
      .get(DataSource)
      .query(
        `SELECT type, envelope->'data' AS data FROM outbox WHERE message_key = $1 AND type LIKE 'cases.hearing-%' ORDER BY position`,
        [caseId],
      )) as { type: string; data: Record<string, unknown> }[];
    expect(events.map((e) => [e.type, e.data.from, e.data.to])).toEqual([
      ['cases.hearing-listed.v1', undefined, undefined],
      ['cases.hearing-status-changed.v1', 'listed', 'running-late'],
      ['cases.hearing-status-changed.v1', 'running-late', 'listed'],
      ['cases.hearing-status-changed.v1', 'listed', 'adjourned'],
      ['cases.hearing-status-changed.v1', 'adjourned', 'listed'],
      ['cases.hearing-relisted.v1', undefined, undefined],
      ['cases.hearing-status-changed.v1', 'listed', 'vacated'],
    ]);
    expect(events[0]?.data).toEqual({
      caseId,
      hearingId: hearing.id,
      hearingType: 'final-hearing',
      venueId: 'LDN-RCJ',
      venueName: 'Royal Courts of Justice',
      startsAt: new Date(bst(day, '10:00')).toISOString(),
      durationMinutes: 120,
    });
    expect(JSON.stringify(events)).not.toMatch(/interpreter|settled|reason/);
    // The relisting says where from: the parties are told the hearing is on again, and from which day.
    const [relisted] = (await app
      .get(DataSource)
      .query(
        `SELECT envelope->'data' AS data FROM outbox WHERE message_key = $1 AND type = 'cases.hearing-relisted.v1'`,
        [caseId],
      )) as { data: unknown }[];
    expect(relisted!.data).toEqual({
      caseId,
      hearingId: hearing.id,
      previousStartsAt: new Date(bst(day, '10:00')).toISOString(),
      startsAt: new Date(bst(`${year}-09-01`, '14:00')).toISOString(),
      venueName: 'Royal Courts of Justice',
    });
    await eventually(async () => {
      const letters = (await app
        .get(DataSource)
        .query(`SELECT DISTINCT template_id FROM correspondence_items WHERE record_id = $1 ORDER BY 1`, [caseId])) as {
        template_id: string;
      }[];
      expect(letters.map((l) => l.template_id)).toEqual([
        'cases.hearing-changed',
        'cases.hearing-listed',
        'cases.hearing-vacated',
      ]);
    });
    // Another firm sees no timeline of the case at all.
    await http().get(`/api/v1/cases/${caseId}/timeline?kind=hearings`).set('Authorization', orgB).expect(404);
  });

  it('finds cases by the London day of their hearings', async () => {
    const caseId = await newCase();
    const date = `${year}-11-02`;
    await listHearing(caseId, { startsAt: `${date}T23:30:00+00:00` });
    const found = await http()
      .get(`/api/v1/cases/search?hearingDate=${date}`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const nextDay = await http()
      .get(`/api/v1/cases/search?hearingDate=${year}-11-03`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(nextDay.body.items).toEqual([]);
    const bad = await http()
      .get(`/api/v1/cases/search?hearingDate=${year}-02-30`)
      .set('Authorization', caseworker)
      .expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'hearingDate', message: 'hearingDate must be a calendar day as YYYY-MM-DD' },
    ]);
  });

  it("returns a venue's hearings for exactly one London day, over REST and GraphQL", async () => {
    const caseId = await newCase();
    const venueId = 'MAN-CJC';
    const at = (date: string, time: string, venue = venueId) =>
      listHearing(caseId, {
        venueId: venue,
        venueName: 'Manchester Civil Justice Centre',
        startsAt: bst(date, time),
        durationMinutes: 15,
      });
    // 23:30 BST the day before is already the day in UTC, and 00:30 BST the day after is still the
    // day in UTC: a query by UTC day would get both edges wrong.
    await at(dayBefore, '23:30');
    const justAfterMidnight = await at(day, '00:30');
    const morning = await at(day, '10:00');
    const lateEvening = await at(day, '23:30');
    await at(dayAfter, '00:30');
    await at(day, '10:00', 'LDS-CJC');
    expect(justAfterMidnight.startsAt).toBe(`${dayBefore}T23:30:00.000Z`);
    expect(lateEvening.startsAt).toBe(`${day}T22:30:00.000Z`);

    const rest = await http()
      .get(`/api/v1/cases/hearings/by-venue?venueId=${venueId}&date=${day}`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(rest.body.map((h: { id: string }) => h.id)).toEqual([justAfterMidnight.id, morning.id, lateEvening.id]);
    expect(rest.body.map((h: { londonTime: string }) => h.londonTime)).toEqual(['00:30', '10:00', '23:30']);
    expect(new Set(rest.body.map((h: { londonDate: string }) => h.londonDate))).toEqual(new Set([day]));

    const before = await http()
      .get(`/api/v1/cases/hearings/by-venue?venueId=${venueId}&date=${dayBefore}`)
      .set('Authorization', judiciary)
      .expect(200);
    expect(
      before.body.map((h: { londonDate: string; londonTime: string }) => `${h.londonDate} ${h.londonTime}`),
    ).toEqual([`${dayBefore} 23:30`]);
    const elsewhere = await http()
      .get(`/api/v1/cases/hearings/by-venue?venueId=NOWHERE&date=${day}`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(elsewhere.body).toEqual([]);

    const viaGraphql = await graphql(teamLeader, AT_VENUE, { venueId, date: day });
    expect(viaGraphql.body.errors).toBeUndefined();
    expect(viaGraphql.body.data.hearingsAtVenue).toEqual(
      rest.body.map(({ updatedAt: _updatedAt, ...h }: { updatedAt: string }) => h),
    );

    // The court's list spans every case at the venue, so it is for staff only.
    for (const token of [orgA, citizen]) {
      const refused = await http()
        .get(`/api/v1/cases/hearings/by-venue?venueId=${venueId}&date=${day}`)
        .set('Authorization', token)
        .expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await graphql(token, AT_VENUE, { venueId, date: day })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('hides the hearings of a case from a professional of another firm, as if the case did not exist', async () => {
    const caseId = await newCase();
    const hearing = await listHearing(caseId);
    await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', orgA).expect(200);

    const list = await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', orgB).expect(404);
    expect(list.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(list.body)).not.toContain('Royal Courts');
    await http().get(`/api/v1/cases/${caseId}/hearings/${hearing.id}`).set('Authorization', orgB).expect(404);
    const read = await graphql(orgB, CASE_HEARINGS, { id: caseId });
    expect(read.body.data?.case ?? null).toBeNull();
    expect(read.body.errors[0].extensions.code).toBe('NOT_FOUND');

    // A hearing asked for under another case is not found either, even by staff.
    const otherCase = await newCase();
    await http().get(`/api/v1/cases/${otherCase}/hearings/${hearing.id}`).set('Authorization', caseworker).expect(404);
    await http()
      .post(`/api/v1/cases/${otherCase}/hearings/${hearing.id}/status`)
      .set('Authorization', caseworker)
      .send({ status: 'in-progress' })
      .expect(404);
    await http()
      .get(`/api/v1/cases/00000000-0000-4000-8000-000000000000/hearings`)
      .set('Authorization', caseworker)
      .expect(404);
  });

  it('rejects bad input with field errors, and lists nothing', async () => {
    const caseId = await newCase();
    const hearing = await listHearing(caseId);
    const count = async () =>
      (await http().get(`/api/v1/cases/${caseId}/hearings`).set('Authorization', caseworker).expect(200)).body.length;
    const post = (body: Record<string, unknown>) =>
      http().post(`/api/v1/cases/${caseId}/hearings`).set('Authorization', caseworker).send(body);
    const status = (body: Record<string, unknown>) =>
      http().post(`/api/v1/cases/${caseId}/hearings/${hearing.id}/status`).set('Authorization', caseworker).send(body);

    const unknownField = await post({ ...listing(), venue: 'Royal Courts of Justice' }).expect(400);
    expect(unknownField.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknownField.body).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'venue', message: 'property venue should not exist' }],
    });

    const wrong = await post(
      listing({ venueId: 'no spaces!', hearingType: 'tea-party', startsAt: `${day}T10:00:00`, durationMinutes: 0 }),
    ).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'durationMinutes',
      'hearingType',
      'startsAt',
      'venueId',
    ]);
    const impossibleDay = await post(listing({ startsAt: `${year}-02-30T10:00:00Z` })).expect(400);
    expect(impossibleDay.body.errors).toEqual([
      { field: 'startsAt', message: expect.stringContaining('with an offset') },
    ]);
    const past = await post(listing({ startsAt: '2020-01-06T10:00:00Z' })).expect(400);
    expect(past.body.errors).toEqual([{ field: 'startsAt', message: 'must be in the future' }]);
    await http().post('/api/v1/cases/not-a-uuid/hearings').set('Authorization', caseworker).send(listing()).expect(400);

    const badStatus = await status({ status: 'postponed' }).expect(400);
    expect(badStatus.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const noDelay = await status({ status: 'running-late' }).expect(400);
    expect(noDelay.body.errors).toEqual([
      { field: 'delayMinutes', message: 'is required when the hearing is running late' },
    ]);
    const stray = await status({ status: 'in-progress', reason: 'because' }).expect(400);
    expect(stray.body.errors).toEqual([
      { field: 'reason', message: 'can only be given when the hearing is adjourned or vacated' },
    ]);
    const graphqlStatus = await graphql(caseworker, UPDATE_STATUS, {
      input: { hearingId: hearing.id, status: 'postponed' },
    });
    expect(graphqlStatus.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'status' })],
    });
    const still = await http()
      .get(`/api/v1/cases/${caseId}/hearings/${hearing.id}`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(still.body.status).toBe('listed');

    for (const date of [`${year}-02-30`, '14/07/2031', 'tomorrow']) {
      const badDate = await http()
        .get(`/api/v1/cases/hearings/by-venue?venueId=LDN-RCJ&date=${encodeURIComponent(date)}`)
        .set('Authorization', caseworker)
        .expect(400);
      expect(badDate.body.errors).toEqual([{ field: 'date', message: 'date must be a calendar day as YYYY-MM-DD' }]);
    }
    const missing = await http().get('/api/v1/cases/hearings/by-venue').set('Authorization', caseworker).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['venueId', 'date']),
    );
    const graphqlDate = await graphql(caseworker, AT_VENUE, { venueId: 'LDN-RCJ', date: `${year}-13-01` });
    expect(graphqlDate.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'date', message: expect.any(String) }],
    });

    expect(await count()).toBe(1);
  });

  it('lets a citizen read the hearings of their own case but not list or change one', async () => {
    const own = await http()
      .post('/api/v1/cases')
      .set('Authorization', citizen)
      .send(
        claim({
          parties: [
            { role: 'claimant', kind: 'person', name: 'Carys' },
            { role: 'defendant', kind: 'person', name: 'Dai' },
          ],
        }),
      )
      .expect(201);
    const hearing = await listHearing(own.body.id);

    const read = await http().get(`/api/v1/cases/${own.body.id}/hearings`).set('Authorization', citizen).expect(200);
    expect(read.body.map((h: { id: string }) => h.id)).toEqual([hearing.id]);

    const refused = await http()
      .post(`/api/v1/cases/${own.body.id}/hearings`)
      .set('Authorization', citizen)
      .send(listing())
      .expect(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await http()
      .post(`/api/v1/cases/${own.body.id}/hearings/${hearing.id}/status`)
      .set('Authorization', citizen)
      .send({ status: 'vacated', reason: 'I am busy' })
      .expect(403);
    const viaGraphql = await graphql(citizen, LIST_HEARING, { input: { caseId: own.body.id, ...listing() } });
    expect(viaGraphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await http().post(`/api/v1/cases/${own.body.id}/hearings`).set('Authorization', orgA).send(listing()).expect(403);

    const after = await http()
      .get(`/api/v1/cases/${own.body.id}/hearings`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(after.body).toHaveLength(1);
  });

  it('documents the hearing routes in the OpenAPI document', async () => {
    const openapi = await http().get('/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases/hearings/by-venue',
        '/api/v1/cases/{id}/hearings',
        '/api/v1/cases/{id}/hearings/{hearingId}',
        '/api/v1/cases/{id}/hearings/{hearingId}/status',
      ]),
    );
  });
});
