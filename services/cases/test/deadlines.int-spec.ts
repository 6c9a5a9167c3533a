import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, londonLocalDate, longDate } from '@ccsc/calendar';
import { bearer, eventually } from '@ccsc/testing';
import { CASE_CALENDAR } from '../src/case-type/domain/deadlines';
import { claim, startCasesApp } from './cases-app';

const DAY = 24 * 60 * 60 * 1000;
const RUN = `mutation($i: RunCaseDeadlinesInput) { runCaseDeadlines(input: $i) { id runOn calendarVersion triggered waiting } }`;

describe('case-type deadlines', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let db: DataSource;
  let caseworker: string;
  let teamLeader: string;
  let system: string;
  let claimantFirm: string;
  const today = londonLocalDate(new Date());

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    db = app.get(DataSource);
    [caseworker, teamLeader, system, claimantFirm] = await Promise.all([
      bearer('caseworker'),
      bearer('team-leader'),
      bearer('system'),
      bearer('professional', { org: 'org-a' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const trigger = (token: string, id: string, event: string) =>
    http().post(`/api/v1/cases/${id}/events`).set('Authorization', token).send({ event });
  /** Puts a case straight into a state it entered `daysAgo` days ago, as if its earlier steps had happened then. */
  const placeIn = (id: string, state: string, daysAgo: number) =>
    db.query(`UPDATE cases SET state = $2, state_entered_at = $3 WHERE id = $1`, [
      id,
      state,
      new Date(Date.now() - daysAgo * DAY),
    ]);
  const statusReview = async (): Promise<string> =>
    (
      await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send({
          caseType: 'immigration-status-review',
          parties: [{ role: 'subject', kind: 'person', name: 'Sam Subject' }],
        })
        .expect(201)
    ).body.id;

  it('offers the claimant judgment in default once the time to respond has passed, and says the date until then', async () => {
    const id = (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201)).body.id;
    await placeIn(id, 'AwaitingResponse', 2);
    const waiting = await http()
      .get(`/api/v1/cases/${id}/readiness?event=request-default-judgment`)
      .set('Authorization', claimantFirm)
      .expect(200);
    expect(waiting.body.ready).toBe(false);
    const ends = CASE_CALENDAR.periodEnd(new Date(Date.now() - 2 * DAY), 14, 'calendar').date;
    expect(waiting.body.criteria[0]).toEqual({
      id: 'response-due-passed',
      description: `The defendant's time to respond ends on ${longDate(ends, 'en')}`,
      met: false,
      reason: `The defendant's time to respond has not ended yet: this is possible from ${longDate(addDays(ends, 1), 'en')}.`,
    });
    await trigger(claimantFirm, id, 'request-default-judgment').expect(409);

    await placeIn(id, 'AwaitingResponse', 40);
    const ready = await http()
      .get(`/api/v1/cases/${id}/readiness?event=request-default-judgment&language=cy`)
      .set('Authorization', claimantFirm)
      .expect(200);
    expect(ready.body).toMatchObject({ ready: true, criteria: [{ met: true }] });
    expect(ready.body.criteria[0].description).toMatch(/^Yr amser sydd gan y diffynnydd i ymateb: yn dod i ben ar /);
    const moved = await trigger(claimantFirm, id, 'request-default-judgment').expect(200);
    expect(moved.body.state).toBe('DefaultJudgmentRequested');

    // Entered, the judgment is sent to both sides with what a defendant can do: apply to set it aside, not appeal.
    const judge = await bearer('judiciary');
    await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', judge)
      .send({
        outcome: 'Judgment for the claimant in default',
        legalBasis: 'CPR 12.3(2)',
        reasons: 'No acknowledgment of service or defence was filed in time.',
        evidenceReferences: [],
      })
      .expect(201);
    expect((await trigger(judge, id, 'enter-default-judgment').expect(200)).body.state).toBe('Decided');
    const letters = await eventually(async () => {
      const found = (await db.query(
        `SELECT template_id, body FROM correspondence_items WHERE record_id = $1
           AND template_id IN ('cases.default-judgment-entered', 'cases.decision-made')`,
        [id],
      )) as { template_id: string; body: string }[];
      expect(found).toHaveLength(2);
      return found;
    });
    for (const letter of letters) {
      expect(letter.template_id).toBe('cases.default-judgment-entered');
      expect(letter.body).toContain(`Judgment in default was entered in case`);
      expect(letter.body).toContain('apply to the court to set it aside or vary it');
    }
  });

  it('closes each status review whose appeal window has passed exactly once, as the system, and records the calendar it used', async () => {
    const [passed, running, notYet] = [await statusReview(), await statusReview(), await statusReview()];
    await placeIn(passed, 'AppealWindowOpen', 40);
    await placeIn(running, 'AppealWindowOpen', 3);
    await placeIn(notYet, 'NoticeServed', 40);

    const first = await http()
      .post('/api/v1/cases/deadlines/runs')
      .set('Authorization', teamLeader)
      .send({})
      .expect(200);
    expect(first.body).toMatchObject({
      runOn: today,
      calendarVersion: CASE_CALENDAR.version,
      triggered: 1,
      waiting: 0,
    });
    const states = async () =>
      Object.fromEntries(
        (
          (await db.query(`SELECT id, state FROM cases WHERE id = ANY($1)`, [[passed, running, notYet]])) as {
            id: string;
            state: string;
          }[]
        ).map((r) => [r.id, r.state]),
      );
    expect(await states()).toEqual({ [passed]: 'Closed', [running]: 'AppealWindowOpen', [notYet]: 'NoticeServed' });
    const history = await http().get(`/api/v1/cases/${passed}/history`).set('Authorization', caseworker).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      event: 'close',
      from: 'AppealWindowOpen',
      to: 'Closed',
      actor: 'case-deadline-run',
      reason: 'appeal-window passed',
    });
    const published = (await db.query(
      `SELECT envelope->'data'->>'event' AS event FROM outbox WHERE type = 'cases.case-state-changed.v1' AND message_key = $1`,
      [passed],
    )) as { event: string }[];
    expect(published).toEqual([{ event: 'close' }]);

    // Again, over GraphQL and as the scheduler's client: nothing left to trigger, and the closed case is not touched.
    const again = await http()
      .post('/graphql')
      .set('Authorization', system)
      .send({ query: RUN, variables: {} })
      .expect(200);
    expect(again.body.data.runCaseDeadlines).toMatchObject({ triggered: 0, calendarVersion: CASE_CALENDAR.version });
    const runs = (await db.query(
      `SELECT run_on::text, calendar_version, triggered, run_by FROM case_deadline_runs ORDER BY started_at`,
    )) as unknown[];
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ run_on: today, calendar_version: CASE_CALENDAR.version, triggered: 1 });
  });

  it('runs for an earlier day as that day saw it, and refuses a day to come or not a day, changing nothing', async () => {
    const review = await statusReview();
    await placeIn(review, 'AppealWindowOpen', 20);
    // Twenty days ago the window had not opened yet: a run for that day leaves the review open.
    const earlier = addDays(today, -19);
    const past = await http()
      .post('/api/v1/cases/deadlines/runs')
      .set('Authorization', teamLeader)
      .send({ runOn: earlier })
      .expect(200);
    expect(past.body).toMatchObject({ runOn: earlier, triggered: 0 });

    for (const runOn of [addDays(today, 1), '2026-02-30', 'tomorrow']) {
      const refused = await http()
        .post('/api/v1/cases/deadlines/runs')
        .set('Authorization', teamLeader)
        .send({ runOn })
        .expect(400);
      expect(refused.body.code).toBe('BAD_USER_INPUT');
    }
    const graphqlRefused = await http()
      .post('/graphql')
      .set('Authorization', teamLeader)
      .send({ query: RUN, variables: { i: { runOn: addDays(today, 1) } } })
      .expect(200);
    expect(graphqlRefused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ state }] = (await db.query(`SELECT state FROM cases WHERE id = $1`, [review])) as { state: string }[];
    expect(state).toBe('AppealWindowOpen');
  });

  it('lets only team leaders and the system start a run', async () => {
    await http().post('/api/v1/cases/deadlines/runs').set('Authorization', caseworker).send({}).expect(403);
    await http().post('/api/v1/cases/deadlines/runs').set('Authorization', claimantFirm).send({}).expect(403);
  });

  it('lifts a stay on the day after the one the judge gave, and leaves a stay until further order to the judge', async () => {
    const judge = await bearer('judiciary');
    const newClaim = async () => {
      const id = (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201)).body
        .id;
      await placeIn(id, 'AwaitingResponse', 2);
      return id as string;
    };
    const [withDay, untilFurtherOrder, refused] = [await newClaim(), await newClaim(), await newClaim()];
    const ends = addDays(today, 30);
    const stayed = await http()
      .post(`/api/v1/cases/${withDay}/events`)
      .set('Authorization', judge)
      .send({ event: 'stay', until: ends, reason: 'One month for the parties to try mediation' })
      .expect(200);
    expect(stayed.body).toMatchObject({ state: 'Stayed', stateEndsOn: ends });
    const open = await http()
      .post('/graphql')
      .set('Authorization', judge)
      .send({
        query: 'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state stateEndsOn } }',
        variables: { i: { caseId: untilFurtherOrder, event: 'stay', until: null } },
      })
      .expect(200);
    expect(open.body.data.triggerCaseEvent).toEqual({ state: 'Stayed', stateEndsOn: null });

    // A day the event does not take, or one that is not to come, is refused and changes nothing.
    for (const [body, field] of [
      [{ event: 'stay', until: today }, 'until'],
      [{ event: 'stay', until: '2027-02-30' }, 'until'],
      [{ event: 'ready-for-listing', until: ends }, 'until'],
    ] as const) {
      const token = body.event === 'stay' ? judge : caseworker;
      const answer = await http()
        .post(`/api/v1/cases/${refused}/events`)
        .set('Authorization', token)
        .send(body)
        .expect(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const [{ state: unchanged }] = (await db.query(`SELECT state FROM cases WHERE id = $1`, [refused])) as {
      state: string;
    }[];
    expect(unchanged).toBe('AwaitingResponse');

    // The run on the stay's last day leaves it; the run on the day after lifts it, as the system, once.
    const run = (runOn: string) =>
      http().post('/api/v1/cases/deadlines/runs').set('Authorization', system).send({ runOn });
    // A system token (an outside client may hold one) cannot end the stay before its day, nor lift it as a judge.
    await trigger(system, withDay, 'stay-ended').expect(409);
    await trigger(system, withDay, 'lift-stay').expect(403);

    // Other tests' cases may be due too: what counts is what happens to these.
    const stateOf = async (id: string) =>
      ((await db.query(`SELECT state FROM cases WHERE id = $1`, [id])) as { state: string }[])[0]?.state;
    await db.query(`UPDATE cases SET state_until = $2 WHERE id = $1`, [withDay, addDays(today, -1)]);
    await run(addDays(today, -1)).expect(200);
    expect(await stateOf(withDay)).toBe('Stayed');
    await run(today).expect(200);
    await run(today).expect(200);
    const lifted = await http().get(`/api/v1/cases/${withDay}`).set('Authorization', caseworker).expect(200);
    expect(lifted.body).toMatchObject({ state: 'ReadyForListing', stateEndsOn: null });
    expect(lifted.body.fees).toEqual(expect.arrayContaining([{ code: 'FEE0221', event: 'stay-ended', status: 'due' }]));
    const history = await http().get(`/api/v1/cases/${withDay}/history`).set('Authorization', caseworker).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      event: 'stay-ended',
      actor: 'case-deadline-run',
      reason: 'stay passed',
    });
    expect(await stateOf(untilFurtherOrder)).toBe('Stayed');
  });
});
