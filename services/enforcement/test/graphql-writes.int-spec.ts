import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { bearer, commandEventCount, eventually } from '@ccsc/testing';
import { caseResulted, publish, resulted, startEnforcementApp } from './enforcement-app';

// Every enforcement write that REST offers, GraphQL offers too: the same command, the same roles, the
// same refusals (a REST status and a GraphQL extensions.code name the same error), and a refused write
// changes nothing and publishes nothing.
describe('the REST-only enforcement writes as GraphQL mutations', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let sam: string;
  let kim: string;
  let leader: string;
  let caseworker: string;
  let citizen: string;
  let agent: string;
  let issuingAuthority: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [sam, kim, leader, caseworker, citizen, agent, issuingAuthority] = await Promise.all([
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('enforcement-officer', { sub: 'officer-kim' }),
      bearer('team-leader', { sub: 'leader-jo' }),
      bearer('caseworker', { sub: 'caseworker-cal' }),
      bearer('citizen'),
      bearer('enforcement-agent', { sub: 'agent-ali', org: 'agency-marston' }),
      bearer('system', { sub: 'issuing-authority' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) =>
    (await http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200)).body as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions: { code: string } }[];
    };
  const codeOf = (answer: { errors?: { extensions: { code: string } }[] }) => answer.errors?.[0]?.extensions.code;
  /** The REST refusal and the GraphQL one name the same error, and it is the one expected. */
  const sameRefusal = (
    rest: { body: { code: string } },
    answer: { errors?: { extensions: { code: string } }[] },
    code: string,
  ) => expect([rest.body.code, codeOf(answer)]).toEqual([code, code]);
  // What commands publish. The correspondence requests enforcement's own consumer adds a moment after an
  // earlier command's event are left out, so that a refusal is seen to publish nothing without a race.
  const outboxRows = () => commandEventCount(db());
  const account = async (id: string) =>
    (await http().get(`/api/v1/enforcement/accounts/${id}`).set('Authorization', sam).expect(200)).body;
  async function newAccount(defendantPartyId?: string): Promise<{ id: string; accountNumber: string }> {
    const data = resulted(defendantPartyId ? { defendantPartyId } : {});
    await publish(caseResulted(data));
    return eventually(async () => {
      const [row] = (await db().query(`SELECT id, account_number FROM fine_accounts WHERE case_id = $1`, [
        data.caseId,
      ])) as { id: string; account_number: string }[];
      expect(row).toBeDefined();
      return { id: row!.id, accountNumber: row!.account_number };
    });
  }

  const DECIDE =
    'mutation($w: ID!, $i: DecideFineWriteOffInput!) { decideFineWriteOff(writeOffId: $w, input: $i) { id status requestedBy decidedBy } }';

  it('decides a write-off: never by the officer who asked (CONFLICT, as REST 409), and by another within limit', async () => {
    const { id } = await newAccount();
    const asked = await http()
      .post(`/api/v1/enforcement/accounts/${id}/write-offs`)
      .set('Authorization', sam)
      .send({ amountPence: 40_000, reason: 'hardship' })
      .expect(201);
    const writeOffId = asked.body.id as string;
    const [before, outboxBefore] = [await account(id), await outboxRows()];

    const rest = await http()
      .post(`/api/v1/enforcement/write-offs/${writeOffId}/decision`)
      .set('Authorization', sam)
      .send({ approve: true })
      .expect(409);
    const own = await gql(sam, DECIDE, { w: writeOffId, i: { approve: true } });
    sameRefusal(rest, own, 'CONFLICT');
    expect(own.errors![0]!.message).toBe(rest.body.detail);
    expect(codeOf(await gql(caseworker, DECIDE, { w: writeOffId, i: { approve: true } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(kim, DECIDE, { w: 'not-an-id', i: { approve: true } }))).toBe('BAD_USER_INPUT');
    expect(await account(id)).toEqual(before);
    expect(await outboxRows()).toBe(outboxBefore);

    const decided = await gql(kim, DECIDE, { w: writeOffId, i: { approve: true } });
    expect(decided.data!.decideFineWriteOff).toEqual({
      id: writeOffId,
      status: 'approved',
      requestedBy: 'officer-sam',
      decidedBy: 'officer-kim',
    });
    expect(await account(id)).toMatchObject({ writtenOffPence: 40_000, balancePence: 53_500 });
    expect(codeOf(await gql(leader, DECIDE, { w: writeOffId, i: { approve: false } }))).toBe('CONFLICT');
  });

  const OUTCOME =
    'mutation($w: ID!, $i: RecordWarrantOutcomeInput!) { recordWarrantOutcome(warrantId: $w, input: $i) { id status agent collectedPence } }';

  it('records warrant outcomes: an agent executes what it holds; a move the status forbids is CONFLICT, as REST 409', async () => {
    const { id } = await newAccount();
    await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', sam)
      .send({ action: 'further-steps-notice' })
      .expect(201);
    const warrantId = (
      await http()
        .post(`/api/v1/enforcement/accounts/${id}/actions`)
        .set('Authorization', sam)
        .send({ action: 'warrant-of-control' })
        .expect(201)
    ).body.warrantId as string;

    expect(codeOf(await gql(sam, OUTCOME, { w: warrantId, i: { status: 'with-agent' } }))).toBe('BAD_USER_INPUT');
    const given = await gql(sam, OUTCOME, { w: warrantId, i: { status: 'with-agent', agent: 'agency-marston' } });
    expect(given.data!.recordWarrantOutcome).toEqual({
      id: warrantId,
      status: 'with-agent',
      agent: 'agency-marston',
      collectedPence: null,
    });

    const outboxBefore = await outboxRows();
    const rest = await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', sam)
      .send({ status: 'with-agent', agent: 'agency-other' })
      .expect(409);
    const again = await gql(sam, OUTCOME, { w: warrantId, i: { status: 'with-agent', agent: 'agency-other' } });
    sameRefusal(rest, again, 'CONFLICT');
    // Only the agent holding the warrant reports its execution, with the money (REST 403).
    const officerExecutes = await gql(sam, OUTCOME, { w: warrantId, i: { status: 'executed', collectedPence: 1 } });
    expect(codeOf(officerExecutes)).toBe('FORBIDDEN');
    expect(codeOf(await gql(citizen, OUTCOME, { w: warrantId, i: { status: 'withdrawn' } }))).toBe('FORBIDDEN');
    expect(await outboxRows()).toBe(outboxBefore);
    expect(await account(id)).toMatchObject({ paidPence: 0 });

    const executed = await gql(agent, OUTCOME, { w: warrantId, i: { status: 'executed', collectedPence: 35_000 } });
    expect(executed.data!.recordWarrantOutcome).toMatchObject({ status: 'executed', collectedPence: 35_000 });
    expect(await account(id)).toMatchObject({ paidPence: 35_000, balancePence: 58_500 });
  });

  const RUN =
    'mutation($i: RunFineDefaultsInput) { runFineDefaults(input: $i) { runOn defaulted actions warrants expiredWarrants } }';

  it('runs the default run for today or a day past; a day to come is BAD_USER_INPUT, as REST 400', async () => {
    const today = londonLocalDate(new Date());
    const ran = await gql(leader, RUN);
    expect(ran.data!.runFineDefaults).toMatchObject({ runOn: today });
    expect((await gql(sam, RUN, { i: { runOn: '2026-01-05' } })).data!.runFineDefaults).toMatchObject({
      runOn: '2026-01-05',
    });

    const rest = await http()
      .post('/api/v1/enforcement/default-runs')
      .set('Authorization', sam)
      .send({ runOn: '2999-01-01' })
      .expect(400);
    const future = await gql(sam, RUN, { i: { runOn: '2999-01-01' } });
    sameRefusal(rest, future, 'BAD_USER_INPUT');
    expect(codeOf(await gql(sam, RUN, { i: { runOn: 'last tuesday' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(caseworker, RUN))).toBe('FORBIDDEN');
  });

  const MEANS =
    'mutation($a: ID!, $i: FineMeansAssessmentInput!) { recordMeansAssessment(accountId: $a, input: $i) { id proposedTerms { kind frequency instalmentPence firstInstalment } } }';
  const CONSOLIDATE =
    'mutation($a: ID!, $i: ConsolidateFineAccountsInput!) { consolidateFineAccounts(accountId: $a, input: $i) { id imposedPence balancePence } }';

  it('records a means assessment with the terms REST proposes, and consolidates; refusals are CONFLICT, as REST 409', async () => {
    const defendant = randomUUID();
    const [target, other, stranger] = [await newAccount(defendant), await newAccount(defendant), await newAccount()];
    const means = { weeklyIncomePence: 40_000, weeklyOutgoingsPence: 25_000, dependants: 2 };
    const viaRest = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/means-assessments`)
      .set('Authorization', sam)
      .send(means)
      .expect(201);
    const viaGraphql = await gql(sam, MEANS, { a: target.id, i: means });
    expect(viaGraphql.data!.recordMeansAssessment).toEqual({
      id: expect.any(String),
      proposedTerms: { ...viaRest.body.proposedTerms },
    });
    expect(
      await db().query(`SELECT assessed_by FROM means_assessments WHERE account_id = $1 ORDER BY assessed_at`, [
        target.id,
      ]),
    ).toEqual([{ assessed_by: 'officer-sam' }, { assessed_by: 'officer-sam' }]);
    expect(codeOf(await gql(sam, MEANS, { a: target.id, i: { ...means, dependants: -1 } }))).toBe('BAD_USER_INPUT');

    const outboxBefore = await outboxRows();
    const restRefusal = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', sam)
      .send({ accountIds: [stranger.id] })
      .expect(409);
    const refused = await gql(sam, CONSOLIDATE, { a: target.id, i: { accountIds: [stranger.id] } });
    sameRefusal(restRefusal, refused, 'CONFLICT');
    expect(codeOf(await gql(caseworker, CONSOLIDATE, { a: target.id, i: { accountIds: [other.id] } }))).toBe(
      'FORBIDDEN',
    );
    expect(await outboxRows()).toBe(outboxBefore);
    expect(await account(stranger.id)).toMatchObject({ status: 'live' });

    const merged = await gql(leader, CONSOLIDATE, { a: target.id, i: { accountIds: [other.id] } });
    expect(merged.data!.consolidateFineAccounts).toEqual({
      id: target.id,
      imposedPence: 187_000,
      balancePence: 187_000,
    });
    expect(await account(other.id)).toMatchObject({ status: 'consolidated' });
    // A consolidated account is no longer worked: the same refusal over both.
    const restClosed = await http()
      .post(`/api/v1/enforcement/accounts/${other.id}/means-assessments`)
      .set('Authorization', sam)
      .send(means)
      .expect(409);
    sameRefusal(restClosed, await gql(sam, MEANS, { a: other.id, i: means }), 'CONFLICT');
  });

  const PENALTY =
    'mutation($i: RecordFixedPenaltyInput!) { recordFixedPenalty(input: $i) { id accountType enforcementPath balancePence businessUnit caseId } }';

  it('records a fixed penalty once: a second registration is CONFLICT, as REST 409', async () => {
    const input = { penaltyReference: 'FP-2026-GQL-01', businessUnit: 'BU-LEEDS-02', amountPence: 10_000 };
    const recorded = await gql(sam, PENALTY, { i: input });
    expect(recorded.data!.recordFixedPenalty).toEqual({
      id: expect.any(String),
      accountType: 'fixed-penalty',
      enforcementPath: 'fixed-penalty',
      balancePence: 10_000,
      businessUnit: 'BU-LEEDS-02',
      caseId: null,
    });
    const rest = await http()
      .post('/api/v1/enforcement/fixed-penalties')
      .set('Authorization', sam)
      .send(input)
      .expect(409);
    const outboxBefore = await outboxRows();
    sameRefusal(rest, await gql(sam, PENALTY, { i: input }), 'CONFLICT');
    expect(codeOf(await gql(sam, PENALTY, { i: { ...input, penaltyReference: 'fp lower case' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await gql(leader, PENALTY, { i: { ...input, penaltyReference: 'FP-2026-GQL-02' } }))).toBe(
      'FORBIDDEN',
    );
    expect(await outboxRows()).toBe(outboxBefore);
    expect(
      await db().query(`SELECT count(*)::int AS n FROM fine_accounts WHERE penalty_reference LIKE 'FP-2026-GQL-%'`),
    ).toEqual([{ n: 1 }]);

    const caseId = randomUUID();
    const withCase = await gql(issuingAuthority, PENALTY, {
      i: { ...input, penaltyReference: 'FP-2026-GQL-03', caseId },
    });
    expect(withCase.data!.recordFixedPenalty).toMatchObject({ caseId });
  });
});
