import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, londonLocalDate, longDate } from '@ccsc/calendar';
import { bearer, eventually } from '@ccsc/testing';
import { immigrationStatusReview } from '../src/case-type/definitions/immigration-status-review';
import { CASE_CALENDAR, enteredBefore } from '../src/case-type/domain/deadlines';
import { claim, startCasesApp } from './cases-app';

const SUBJECT = 'citizen-sam';
const REFERRAL = {
  stakeholderKind: 'other-department',
  stakeholderName: 'Department for Work and Pensions',
  contactReference: 'DWP-FR-2026-0042',
  concerns: 'Leave to remain was obtained with a false declaration of employment.',
};
const NOTICE = {
  proposedOutcome: 'Revoke indefinite leave to remain',
  grounds: 'The employer letter relied on in 2019 was not issued by the employer.',
};
const DECISION = {
  outcome: 'Indefinite leave to remain revoked',
  legalBasis: 'Nationality, Immigration and Asylum Act 2002, section 76(2)',
  reasons: 'The representations do not explain the letter; deception is established on the evidence.',
  evidenceReferences: ['bundle p.12'],
};
const CHECK = `mutation($i: CheckDecisionInput!) { checkDecision(input: $i) { id check { outcome checkedBy comments } } }`;

/**
 * The Status Review Unit's process through the real app: referral, investigation with evidence, the minded-to
 * notice and its time for representations, a decision a second caseworker checks, and the notice that opens the
 * appeal window.
 */
describe('the immigration status review', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let db: DataSource;
  let caseworkerA: string;
  let caseworkerB: string;
  let teamLeader: string;
  let subject: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    db = app.get(DataSource);
    [caseworkerA, caseworkerB, teamLeader, subject] = await Promise.all([
      bearer('caseworker', { sub: 'caseworker-a' }),
      bearer('caseworker', { sub: 'caseworker-b' }),
      bearer('team-leader', { sub: 'team-leader-t' }),
      bearer('citizen', { sub: SUBJECT }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const post = (token: string, path: string, body: object) => http().post(path).set('Authorization', token).send(body);
  const trigger = (id: string, event: string, token = caseworkerA) =>
    post(token, `/api/v1/cases/${id}/events`, { event });
  const readiness = async (id: string, event: string, language = 'en') =>
    (
      await http()
        .get(`/api/v1/cases/${id}/readiness`)
        .query({ event, language })
        .set('Authorization', caseworkerA)
        .expect(200)
    ).body as { ready: boolean; criteria: { id: string; met: boolean; description: string; reason?: string }[] };
  const unmet = async (id: string, event: string) =>
    (await readiness(id, event)).criteria.filter((c) => !c.met).map((c) => c.id);
  const stateOf = async (id: string) =>
    ((await db.query(`SELECT state FROM cases WHERE id = $1`, [id])) as { state: string }[])[0]?.state;

  // ── Each step of the process, as a caseworker takes it ──
  const newReview = async (): Promise<string> =>
    (
      await post(caseworkerA, '/api/v1/cases', {
        caseType: 'immigration-status-review',
        parties: [{ role: 'subject', kind: 'person', name: 'Sam Subject', userId: SUBJECT }],
      }).expect(201)
    ).body.id as string;
  const refer = (id: string) => post(caseworkerA, `/api/v1/cases/${id}/status-review/referrals`, REFERRAL).expect(201);
  const acceptedEvidence = async (id: string) => {
    const scanned = await post(caseworkerA, `/api/v1/cases/${id}/documents`, {
      title: 'Employer letter',
      documentType: 'evidence',
      channel: 'post',
      storeReference: 'dm-store://documents/employer-letter',
    }).expect(201);
    await post(caseworkerA, `/api/v1/cases/${id}/documents/${scanned.body.id}/review`, { decision: 'accepted' }).expect(
      201,
    );
  };
  const investigating = async (): Promise<string> => {
    const id = await newReview();
    await refer(id);
    await trigger(id, 'investigate').expect(200);
    return id;
  };
  const issueNotice = (id: string) => post(caseworkerA, `/api/v1/cases/${id}/status-review/minded-to-notice`, NOTICE);
  const withNotice = async (): Promise<string> => {
    const id = await investigating();
    await acceptedEvidence(id);
    await issueNotice(id).expect(201);
    return id;
  };
  const represent = (id: string, receivedOn = londonLocalDate(new Date())) =>
    post(caseworkerA, `/api/v1/cases/${id}/status-review/minded-to-notice/representations`, {
      receivedOn,
      madeBy: 'representative',
      summary: 'The employer has since gone out of business; the letter was genuine when written.',
    });
  const decide = async (id: string, token = caseworkerA) =>
    (await post(token, `/api/v1/cases/${id}/decisions`, DECISION).expect(201)).body.id as string;
  const decided = async (): Promise<{ id: string; decisionId: string }> => {
    const id = await withNotice();
    await represent(id).expect(201);
    const decisionId = await decide(id);
    await trigger(id, 'decide').expect(200);
    return { id, decisionId };
  };
  const check = (id: string, decisionId: string, token: string, body: object) =>
    post(token, `/api/v1/cases/${id}/decisions/${decisionId}/check`, body);

  it('records the referral from a named stakeholder, with its concerns, for staff to read', async () => {
    const id = await newReview();
    const recorded = await refer(id);
    expect(recorded.body).toMatchObject({ ...REFERRAL, recordedBy: 'caseworker-a' });

    const listed = await http()
      .get(`/api/v1/cases/${id}/status-review/referrals`)
      .set('Authorization', teamLeader)
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: recorded.body.id, ...REFERRAL })]);
    const graphql = await post(teamLeader, '/graphql', {
      query: 'query($id: ID!) { case(id: $id) { statusReviewReferrals { stakeholderKind stakeholderName concerns } } }',
      variables: { id },
    }).expect(200);
    expect(graphql.body.data.case.statusReviewReferrals).toEqual([
      { stakeholderKind: 'other-department', stakeholderName: REFERRAL.stakeholderName, concerns: REFERRAL.concerns },
    ]);

    // The person under review sees their case, but not who referred them or why.
    await http().get(`/api/v1/cases/${id}`).set('Authorization', subject).expect(200);
    await http().get(`/api/v1/cases/${id}/status-review/referrals`).set('Authorization', subject).expect(403);
    // Other staff and outside clients (a system token) do not read them either, by route or by field.
    for (const role of ['enforcement-officer', 'system'] as const) {
      const token = await bearer(role);
      await http().get(`/api/v1/cases/${id}/status-review/referrals`).set('Authorization', token).expect(403);
      const field = await post(token, '/graphql', {
        query: 'query($id: ID!) { case(id: $id) { id statusReviewReferrals { id } } }',
        variables: { id },
      });
      expect(field.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const hidden = await post(subject, '/graphql', {
      query: 'query($id: ID!) { case(id: $id) { id statusReviewReferrals { id } } }',
      variables: { id },
    });
    expect(hidden.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const unnamed = await post(caseworkerA, `/api/v1/cases/${id}/status-review/referrals`, {
      ...REFERRAL,
      stakeholderKind: 'neighbour',
      stakeholderName: '',
    }).expect(400);
    expect(unnamed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'stakeholderKind',
      'stakeholderName',
    ]);
    const moneyClaim = (await post(caseworkerA, '/api/v1/cases', claim()).expect(201)).body.id as string;
    await post(caseworkerA, `/api/v1/cases/${moneyClaim}/status-review/referrals`, REFERRAL).expect(409);
  });

  it('closes a review with no further action when the investigation or the representations show nothing to act on', async () => {
    const investigated = await investigating();
    expect((await trigger(investigated, 'close-no-further-action').expect(200)).body.state).toBe('Closed');

    const represented = await withNotice();
    await represent(represented).expect(201);
    await trigger(represented, 'close-no-further-action', subject).expect(403);
    expect((await trigger(represented, 'close-no-further-action', teamLeader).expect(200)).body.state).toBe('Closed');
  });

  it('investigation needs the referral', async () => {
    const id = await newReview();
    const refused = await trigger(id, 'investigate').expect(409);
    expect(refused.body.detail).toContain('Record the referral first');
    expect(await unmet(id, 'investigate')).toEqual(['referral-recorded']);
    expect((await readiness(id, 'investigate', 'cy')).criteria[1]?.reason).toContain('Cofnodwch yr atgyfeiriad');

    await refer(id);
    expect((await trigger(id, 'investigate').expect(200)).body.state).toBe('UnderInvestigation');
  });

  it('takes no blank representations, so the time for them is not cut short by an empty record', async () => {
    const id = await withNotice();
    const refused = await post(caseworkerA, `/api/v1/cases/${id}/status-review/minded-to-notice/representations`, {
      receivedOn: londonLocalDate(new Date()),
      madeBy: 'subject',
      summary: '  \n ',
    }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'summary', message: 'summary must not be blank' }]);
    await post(caseworkerA, `/api/v1/cases/${id}/decisions`, { ...DECISION, reasons: ' ' }).expect(400);
  });

  it('minded-to notice needs accepted evidence and its grounds, and sets a representations deadline', async () => {
    const id = await investigating();
    expect(await unmet(id, 'issue-minded-to-notice')).toEqual(['evidence-accepted', 'grounds-given']);
    expect((await issueNotice(id).expect(409)).body.detail).toContain('No evidence is on the case yet');
    // Triggered without its notice, the event has no grounds to give the person.
    await trigger(id, 'issue-minded-to-notice').expect(409);

    // The subject's own statement, filed online, is on the case but is not the court's evidence.
    await post(subject, `/api/v1/cases/${id}/documents`, {
      title: 'My statement',
      documentType: 'statement',
      channel: 'online',
      storeReference: 'dm-store://documents/my-statement',
    }).expect(201);
    expect(await unmet(id, 'issue-minded-to-notice')).toEqual(['evidence-accepted', 'grounds-given']);
    // Nor is anything that is not in the document store: a web address, a path out of it.
    for (const storeReference of ['https://evil.example/x.pdf', 'dm-store://documents/../../etc/passwd', '../x'])
      await post(subject, `/api/v1/cases/${id}/documents`, {
        title: 'Elsewhere',
        documentType: 'statement',
        channel: 'online',
        storeReference,
      }).expect(400);

    const scanned = await post(caseworkerA, `/api/v1/cases/${id}/documents`, {
      title: 'Employer letter',
      documentType: 'evidence',
      channel: 'post',
      storeReference: 'dm-store://documents/employer-letter',
    }).expect(201);
    expect((await issueNotice(id).expect(409)).body.detail).toContain('waiting for a caseworker to check');
    await post(caseworkerA, `/api/v1/cases/${id}/documents/${scanned.body.id}/review`, { decision: 'accepted' }).expect(
      201,
    );

    const issuedAt = new Date();
    const notice = await issueNotice(id).expect(201);
    const due = CASE_CALENDAR.periodEnd(issuedAt, 10, 'working');
    expect(notice.body).toMatchObject({
      ...NOTICE,
      representationsDueOn: due.date,
      calendarVersion: CASE_CALENDAR.version,
      issuedBy: 'caseworker-a',
      representations: [],
    });
    expect(await stateOf(id)).toBe('MindedToNotice');
    const history = await http().get(`/api/v1/cases/${id}/history`).set('Authorization', caseworkerA).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      event: 'issue-minded-to-notice',
      from: 'UnderInvestigation',
      to: 'MindedToNotice',
      actor: 'caseworker-a',
    });
    const published = (await db.query(
      `SELECT envelope->'data'->>'event' AS event FROM outbox WHERE type = 'cases.case-state-changed.v1' AND message_key = $1 ORDER BY position`,
      [id],
    )) as { event: string }[];
    expect(published.map((p) => p.event)).toEqual(['investigate', 'issue-minded-to-notice']);

    // The person reads the notice served on them, and when representations are due.
    const seen = await post(subject, '/graphql', {
      query: 'query($id: ID!) { case(id: $id) { mindedToNotice { proposedOutcome grounds representationsDueOn } } }',
      variables: { id },
    }).expect(200);
    expect(seen.body.data.case.mindedToNotice).toEqual({ ...NOTICE, representationsDueOn: due.date });
    expect((await issueNotice(id).expect(409)).body.detail).toContain('already been issued');
  });

  it('decide is refused before representations or the deadline', async () => {
    const id = await withNotice();
    await decide(id);
    const due = CASE_CALENDAR.periodEnd(new Date(), 10, 'working').date;
    const refused = await trigger(id, 'decide').expect(409);
    expect(refused.body.detail).toContain(`this is possible from ${longDate(addDays(due, 1), 'en')}`);
    const criterion = (await readiness(id, 'decide')).criteria.find((c) => c.id === 'representations-considered');
    expect(criterion).toEqual({
      id: 'representations-considered',
      description: `Representations are recorded, or the time for representations has ended (it ends on ${longDate(due, 'en')})`,
      met: false,
      reason: `No representations are recorded yet, and the time for representations has not ended: this is possible from ${longDate(addDays(due, 1), 'en')}, or as soon as representations are recorded.`,
    });
    const welsh = (await readiness(id, 'decide', 'cy')).criteria.find((c) => c.id === 'representations-considered');
    expect(welsh?.description).toContain(`Yr amser i gyflwyno sylwadau: yn dod i ben ar ${longDate(due, 'cy')}`);
    expect(await stateOf(id)).toBe('MindedToNotice');

    // Once the time has ended without representations, the decision may be made.
    await db.query(`UPDATE cases SET state_entered_at = now() - interval '30 days' WHERE id = $1`, [id]);
    expect(await unmet(id, 'decide')).toEqual([]);
    await trigger(id, 'decide').expect(200);
  });

  it('representations recorded make decide available', async () => {
    const id = await withNotice();
    await decide(id);
    expect(await unmet(id, 'decide')).toEqual(['representations-considered']);

    const today = londonLocalDate(new Date());
    const recorded = await represent(id, today).expect(201);
    expect(recorded.body).toMatchObject({ receivedOn: today, madeBy: 'representative', late: false });
    const tomorrow = await represent(id, addDays(today, 1)).expect(400);
    expect(tomorrow.body.errors[0].field).toBe('receivedOn');
    expect(await unmet(id, 'decide')).toEqual([]);

    // The person sees their representations on the notice, without the officer who recorded them.
    const seen = await http()
      .get(`/api/v1/cases/${id}/status-review/minded-to-notice`)
      .set('Authorization', subject)
      .expect(200);
    expect(seen.body.representations).toEqual([
      expect.not.objectContaining({ recordedBy: expect.anything() as unknown }),
    ]);
    expect(seen.body.representations[0]).toMatchObject({ receivedOn: today, late: false });
    // Nor the caseworker who issued the notice: staff are not named to the parties.
    expect(seen.body).not.toHaveProperty('issuedBy');

    expect((await trigger(id, 'decide').expect(200)).body.state).toBe('Decided');
    // The decision is made: later representations have no decision left to wait on.
    expect((await represent(id, today).expect(409)).body.detail).toContain('The case is Decided');
  });

  it('takes a decision only once the review is ready for one, and its check only while it is awaited', async () => {
    // Before the evidence and the representations: no decision, so no check made before them can be relied on.
    const early = await investigating();
    const tooEarly = await post(caseworkerA, `/api/v1/cases/${early}/decisions`, DECISION).expect(409);
    expect(tooEarly.body.detail).toContain('not while it is UnderInvestigation');

    const { id, decisionId } = await decided();
    await check(id, decisionId, caseworkerB, { outcome: 'approved' }).expect(201);
    await trigger(id, 'serve-notice').expect(200);
    // Served: the decision the person was told of is not replaced unchecked, nor is a check made now.
    const replaced = await post(caseworkerA, `/api/v1/cases/${id}/decisions`, {
      ...DECISION,
      supersedes: decisionId,
    }).expect(409);
    expect(replaced.body.detail).toContain('not while it is AppealWindowOpen');
    const decisions = await http().get(`/api/v1/cases/${id}/decisions`).set('Authorization', caseworkerA).expect(200);
    expect(decisions.body).toHaveLength(1);

    // A correction before service is possible, and needs its own check by someone else.
    const other = await decided();
    const corrected = await post(caseworkerA, `/api/v1/cases/${other.id}/decisions`, {
      ...DECISION,
      supersedes: other.decisionId,
    }).expect(201);
    await trigger(other.id, 'serve-notice').expect(409);
    await check(other.id, corrected.body.id, caseworkerA, { outcome: 'approved' }).expect(409);
    await check(other.id, corrected.body.id, caseworkerB, { outcome: 'approved' }).expect(201);
    await trigger(other.id, 'serve-notice').expect(200);
  });

  it('the decider cannot check their own decision', async () => {
    const { id, decisionId } = await decided();
    const own = await check(id, decisionId, caseworkerA, { outcome: 'approved' }).expect(409);
    expect(own.body.detail).toBe('A decision must be approved by someone other than the person who proposed it');
    // The same person by GraphQL, under any other route, is still the same person.
    const ownGraphql = await post(caseworkerA, '/graphql', {
      query: CHECK,
      variables: { i: { caseId: id, decisionId, outcome: 'approved' } },
    }).expect(200);
    expect(ownGraphql.body.errors[0].extensions.code).toBe('CONFLICT');
    // Checking is a caseworker's or team leader's, never the person's.
    await check(id, decisionId, subject, { outcome: 'approved' }).expect(403);

    const returned = await post(caseworkerB, '/graphql', {
      query: CHECK,
      variables: {
        i: { caseId: id, decisionId, outcome: 'returned', comments: 'The reasons do not answer the representations.' },
      },
    }).expect(200);
    expect(returned.body.data.checkDecision.check).toEqual({
      outcome: 'returned',
      checkedBy: 'caseworker-b',
      comments: 'The reasons do not answer the representations.',
    });
    await check(id, decisionId, teamLeader, { outcome: 'approved' }).expect(409);
    // The database holds the same line: a check is recorded once, and nothing else of the decision changes.
    await expect(
      db.query(`UPDATE case_decisions SET check_outcome = 'approved' WHERE id = $1`, [decisionId]),
    ).rejects.toThrow(/never edited/);

    // The correction supersedes the returned decision and needs a check of its own, by someone else again.
    const correction = (
      await post(caseworkerA, `/api/v1/cases/${id}/decisions`, { ...DECISION, supersedes: decisionId }).expect(201)
    ).body.id as string;
    await check(id, correction, caseworkerA, { outcome: 'approved' }).expect(409);
    await expect(
      db.query(
        `UPDATE case_decisions SET check_outcome = 'approved', checked_by = decided_by, checked_at = now() WHERE id = $1`,
        [correction],
      ),
    ).rejects.toThrow(/case_decisions_second_person/);
    await expect(
      db.query(
        `UPDATE case_decisions SET reasons = 'Edited', check_outcome = 'approved', checked_by = 'x', checked_at = now()
          WHERE id = $1`,
        [correction],
      ),
    ).rejects.toThrow(/never edited/);
    const approved = await check(id, correction, teamLeader, { outcome: 'approved' }).expect(201);
    expect(approved.body.check).toMatchObject({ outcome: 'approved', checkedBy: 'team-leader-t' });

    // The parties see that each decision was checked, but not who decided or checked it, nor the comments.
    const seen = await http().get(`/api/v1/cases/${id}/decisions`).set('Authorization', subject).expect(200);
    expect(seen.body.map((d: { check: object }) => d.check)).toEqual([
      { outcome: 'returned', checkedAt: expect.any(String) as unknown },
      { outcome: 'approved', checkedAt: expect.any(String) as unknown },
    ]);
    for (const decision of seen.body) expect(decision).not.toHaveProperty('decidedBy');
    const seenOverGraphql = await post(subject, '/graphql', {
      query: 'query($id: ID!) { case(id: $id) { decisions { decidedBy check { checkedBy comments } } } }',
      variables: { id },
    }).expect(200);
    expect(seenOverGraphql.body.errors).toBeUndefined();
    expect(seenOverGraphql.body.data.case.decisions[1]).toEqual({
      decidedBy: null,
      check: { checkedBy: null, comments: null },
    });
    const timeline = await http()
      .get(`/api/v1/cases/${id}/timeline?kind=outcomes`)
      .set('Authorization', caseworkerA)
      .expect(200);
    expect(timeline.body.map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining(['Decision returned by the second caseworker for correction']),
    );
  });

  it('serve-notice refused until checked', async () => {
    const { id, decisionId } = await decided();
    expect((await trigger(id, 'serve-notice').expect(409)).body.detail).toContain(
      'A caseworker other than the one who made the current decision must check it',
    );
    await check(id, decisionId, caseworkerB, { outcome: 'returned', comments: 'Cite the evidence relied on.' }).expect(
      201,
    );
    expect((await trigger(id, 'serve-notice').expect(409)).body.detail).toContain(
      'record a corrected decision that supersedes it',
    );
    const correction = (
      await post(caseworkerA, `/api/v1/cases/${id}/decisions`, {
        ...DECISION,
        evidenceReferences: ['bundle p.12', 'bundle p.40'],
        supersedes: decisionId,
      }).expect(201)
    ).body.id as string;
    expect(await unmet(id, 'serve-notice')).toEqual(['decision-checked']);
    await check(id, correction, caseworkerB, { outcome: 'approved' }).expect(201);
    expect(await unmet(id, 'serve-notice')).toEqual([]);
  });

  it('serving opens the appeal window timed by the calendar', async () => {
    const { id, decisionId } = await decided();
    await check(id, decisionId, caseworkerB, { outcome: 'approved' }).expect(201);
    const servedAt = new Date();
    expect((await trigger(id, 'serve-notice').expect(200)).body.state).toBe('AppealWindowOpen');
    const [{ state_entered_at: enteredAt }] = (await db.query(`SELECT state_entered_at FROM cases WHERE id = $1`, [
      id,
    ])) as { state_entered_at: Date }[];
    expect(enteredAt.getTime()).toBeGreaterThanOrEqual(servedAt.getTime() - 1000);
    // Every party is told of the decision and the last day to appeal: the end of the window serving opened.
    const lastDay = longDate(CASE_CALENDAR.periodEnd(enteredAt, 14, 'calendar').date, 'en');
    const letters = await eventually(async () => {
      const found = (await db.query(
        `SELECT body FROM correspondence_items WHERE record_id = $1 AND template_id = 'cases.decision-made'`,
        [id],
      )) as { body: string }[];
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    for (const letter of letters) expect(letter.body).toContain(`You must do so by ${lastDay}.`);

    const run = () => http().post('/api/v1/cases/deadlines/runs').set('Authorization', teamLeader).send({}).expect(200);
    await run();
    expect(await stateOf(id)).toBe('AppealWindowOpen');

    // Served just before the last day whose 14 calendar days (rolled past a closed day) have ended by today.
    const window = immigrationStatusReview.deadlines!.find((d) => d.id === 'appeal-window')!;
    const lastPassed = enteredBefore(window, londonLocalDate(new Date()));
    await db.query(`UPDATE cases SET state_entered_at = $2 WHERE id = $1`, [id, new Date(lastPassed.getTime() + 1)]);
    await run();
    expect(await stateOf(id)).toBe('AppealWindowOpen');
    await db.query(`UPDATE cases SET state_entered_at = $2 WHERE id = $1`, [id, new Date(lastPassed.getTime() - 1)]);
    await run();
    expect(await stateOf(id)).toBe('Closed');
    const history = await http().get(`/api/v1/cases/${id}/history`).set('Authorization', caseworkerA).expect(200);
    expect(history.body.slice(-2)).toMatchObject([
      { event: 'serve-notice', from: 'Decided', to: 'AppealWindowOpen', actor: 'caseworker-a' },
      {
        event: 'close',
        from: 'AppealWindowOpen',
        to: 'Closed',
        actor: 'case-deadline-run',
        reason: 'appeal-window passed',
      },
    ]);
  });

  it('lets a review already in NoticeServed when serving began to open the window still open it', async () => {
    const id = await newReview();
    await db.query(`UPDATE cases SET state = 'NoticeServed' WHERE id = $1`, [id]);
    expect((await trigger(id, 'open-appeal-window').expect(200)).body.state).toBe('AppealWindowOpen');
  });
});
