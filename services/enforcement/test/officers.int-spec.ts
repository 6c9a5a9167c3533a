import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, londonLocalDate } from '@ccsc/calendar';
import { bearer, commandEventCount, eventually } from '@ccsc/testing';
import { permittedAfter } from '../src/action/domain/enforcement-actions';
import { DefaultRun } from '../src/default-run/application/default-run.commands';
import { ActionCommands } from '../src/action/application/action.commands';
import {
  caseResulted,
  paymentAllocated as paymentAllocatedFor,
  paymentReversed,
  publish,
  resulted,
  startEnforcementApp,
} from './enforcement-app';

// What officers do to an account: actions, terms, means, write-offs, warrants.
describe('enforcement officers at work', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;
  let colleague: string;
  let leader: string;
  let agent: string;
  let otherAgency: string;
  let system: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [officer, colleague, leader, agent, otherAgency, system] = await Promise.all([
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('enforcement-officer', { sub: 'officer-kim' }),
      bearer('team-leader', { sub: 'leader-jo' }),
      bearer('enforcement-agent', { sub: 'agent-ali', org: 'agency-marston' }),
      bearer('enforcement-agent', { sub: 'agent-bo', org: 'agency-other' }),
      bearer('system', { sub: 'agency-marston' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const count = async (table: string) =>
    ((await db().query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;
  // What commands publish. The correspondence requests enforcement's own consumer adds a moment after an
  // earlier command's event are left out, so that a refusal is seen to publish nothing without a race.
  const commandEvents = () => commandEventCount(db());
  /** A fresh account with a warrant of control issued on it (a further steps notice comes first). */
  async function accountWithWarrant(): Promise<{ id: string; warrantId: string }> {
    const { id } = await newAccount();
    const act = (action: string) =>
      http()
        .post(`/api/v1/enforcement/accounts/${id}/actions`)
        .set('Authorization', officer)
        .send({ action })
        .expect(201);
    await act('further-steps-notice');
    return { id, warrantId: (await act('warrant-of-control')).body.warrantId as string };
  }

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
  const account = async (id: string) =>
    (await http().get(`/api/v1/enforcement/accounts/${id}`).set('Authorization', officer).expect(200)).body;

  it('refuses an action the last one does not permit with 409 and the permitted list, and records nothing', async () => {
    const { id } = await newAccount();
    const registration = await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'registration' })
      .expect(409);
    expect(registration.body.detail).toBe('registration applies to fixed penalties only');
    const reminder = await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'reminder' })
      .expect(201);
    // Announced as an officer's action, which the work queue tells from the default run's.
    const announced = (await db().query(
      `SELECT type, envelope FROM outbox WHERE type LIKE 'enforcement.enforcement-action-taken.%' AND message_key = $1`,
      [id],
    )) as { type: string; envelope: { actor: string; data: unknown } }[];
    expect(announced).toEqual([
      {
        type: 'enforcement.enforcement-action-taken.v2',
        envelope: expect.objectContaining({
          actor: 'officer-sam',
          data: {
            accountId: id,
            actionId: reminder.body.id,
            action: 'reminder',
            caseId: expect.any(String),
            takenAt: reminder.body.takenAt,
            takenBy: 'officer',
          },
        }),
      },
    ]);
    const actionsBefore = await count('enforcement_actions');
    const outboxBefore = await commandEvents();
    const refused = await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'committal-warrant' })
      .expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      detail: `committal-warrant cannot follow reminder; permitted next actions: ${permittedAfter('reminder').join(', ')}`,
    });
    expect(await count('enforcement_actions')).toBe(actionsBefore);
    expect(await commandEvents()).toBe(outboxBefore);
    expect((await account(id)).permittedActions).toEqual([...permittedAfter('reminder')]);

    const mutation =
      'mutation($i: TakeEnforcementActionInput!) { takeEnforcementAction(input: $i) { action takenBy warrantId } }';
    const viaGraphql = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({ query: mutation, variables: { i: { accountId: id, action: 'means-inquiry-summons' } } })
      .expect(200);
    expect(viaGraphql.body.data.takeEnforcementAction).toEqual({
      action: 'means-inquiry-summons',
      takenBy: 'officer-sam',
      warrantId: null,
    });
    const conflict = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({ query: mutation, variables: { i: { accountId: id, action: 'reminder' } } })
      .expect(200);
    expect(conflict.body.errors[0]).toMatchObject({
      message: expect.stringContaining(`permitted next actions: ${permittedAfter('means-inquiry-summons').join(', ')}`),
      extensions: { code: 'CONFLICT' },
    });
    const attachment = {
      accountId: id,
      action: 'attachment-of-earnings',
      details: [
        { name: 'employer', text: 'Acme Ltd' },
        { name: 'deductionPence', pence: 2_000 },
        { name: 'protectedEarningsPence', pence: 15_000 },
      ],
    };
    await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({ query: mutation, variables: { i: attachment } })
      .expect(200);
    const history = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({ query: 'query($id: ID!) { fineAccount(id: $id) { lastAction actions { action } } }', variables: { id } })
      .expect(200);
    expect(history.body.data.fineAccount).toEqual({
      lastAction: 'attachment-of-earnings',
      actions: [{ action: 'reminder' }, { action: 'means-inquiry-summons' }, { action: 'attachment-of-earnings' }],
    });
  });

  it('records the employer and rates of an attachment of earnings, and refuses it without them', async () => {
    const { id } = await newAccount();
    const missing = await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'attachment-of-earnings', details: { employer: 'Acme Ltd' } })
      .expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'details.deductionPence',
      'details.protectedEarningsPence',
    ]);
    const details = { employer: 'Acme Ltd', deductionPence: 2_500, protectedEarningsPence: 20_000 };
    const taken = await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'attachment-of-earnings', details })
      .expect(201);
    expect(taken.body).toMatchObject({ action: 'attachment-of-earnings', details, warrantId: null });
    const history = await http()
      .get(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ action: 'attachment-of-earnings', details, takenBy: 'officer-sam' }),
    ]);
  });

  it('holds enforcement, so the default run passes the account by', async () => {
    const { id } = await newAccount();
    await http()
      .post(`/api/v1/enforcement/accounts/${id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'enforcement-hold', details: { reason: 'appeal lodged' } })
      .expect(201);
    // Years on (a run only assesses today or earlier, so the clock is moved, not the day asked for).
    await app.get(DefaultRun).run(undefined, 'leader', new Date('2030-01-01T12:00:00Z'));
    expect(await account(id)).toMatchObject({ onHold: true, defaultedOn: null, lastAction: 'enforcement-hold' });
  });

  it('refuses a write-off above the balance; another officer approves one within it', async () => {
    const { id } = await newAccount();
    const above = await http()
      .post(`/api/v1/enforcement/accounts/${id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 93_501, reason: 'hardship' })
      .expect(400);
    expect(above.body.errors).toEqual([
      { field: 'amountPence', message: 'must be at most the balance of 93500 pence' },
    ]);
    expect(await count('write_offs')).toBe(0);

    const asked = await http()
      .post(`/api/v1/enforcement/accounts/${id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 40_000, reason: 'hardship' })
      .expect(201);
    await http()
      .post(`/api/v1/enforcement/write-offs/${asked.body.id}/decision`)
      .set('Authorization', officer)
      .send({ approve: true })
      .expect(409);
    const approved = await http()
      .post(`/api/v1/enforcement/write-offs/${asked.body.id}/decision`)
      .set('Authorization', colleague)
      .send({ approve: true })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'officer-kim' });
    expect(await account(id)).toMatchObject({ writtenOffPence: 40_000, balancePence: 53_500, status: 'live' });
    await http()
      .post(`/api/v1/enforcement/write-offs/${asked.body.id}/decision`)
      .set('Authorization', leader)
      .send({ approve: true })
      .expect(409);
    const rest = await http()
      .post(`/api/v1/enforcement/accounts/${id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 53_501, reason: 'hardship' })
      .expect(400);
    expect(rest.body.code).toBe('BAD_USER_INPUT');
  });

  it('applies no more than the balance left after a write-off; the rest goes to suspense', async () => {
    const { id, accountNumber } = await newAccount();
    const asked = await http()
      .post(`/api/v1/enforcement/accounts/${id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 40_000, reason: 'hardship' })
      .expect(201);
    await http()
      .post(`/api/v1/enforcement/write-offs/${asked.body.id}/decision`)
      .set('Authorization', colleague)
      .send({ approve: true })
      .expect(200);
    const payment = paymentAllocatedFor(accountNumber, 60_000);
    await publish(payment);
    await eventually(async () =>
      expect(await account(id)).toMatchObject({
        status: 'paid',
        balancePence: 0,
        paidPence: 53_500,
        writtenOffPence: 40_000,
      }),
    );
    const paymentId = JSON.parse(payment.value).data.paymentId as string;
    expect(
      await db().query(`SELECT reason, amount_pence::int AS amount FROM suspense_payments WHERE payment_id = $1`, [
        paymentId,
      ]),
    ).toEqual([{ reason: 'overpayment', amount: 6_500 }]);
  });

  it('varies terms with the reason and keeps the history; a means assessment proposes affordable terms', async () => {
    const { id } = await newAccount();
    const bad = await http()
      .post(`/api/v1/enforcement/accounts/${id}/terms`)
      .set('Authorization', officer)
      .send({ terms: { kind: 'instalments', frequency: 'weekly' }, reason: 'x' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'terms.instalmentPence',
      'terms.firstInstalment',
    ]);
    const means = await http()
      .post(`/api/v1/enforcement/accounts/${id}/means-assessments`)
      .set('Authorization', officer)
      .send({ weeklyIncomePence: 40_000, weeklyOutgoingsPence: 25_000, dependants: 2 })
      .expect(201);
    expect(means.body.proposedTerms).toMatchObject({
      kind: 'instalments',
      frequency: 'weekly',
      instalmentPence: 4_500,
    });
    await http()
      .post(`/api/v1/enforcement/accounts/${id}/terms`)
      .set('Authorization', officer)
      .send({ terms: means.body.proposedTerms, reason: 'Means assessed' })
      .expect(201);
    const varied = await account(id);
    expect(varied.terms).toMatchObject({ kind: 'instalments', instalmentPence: 4_500 });
    expect(varied.schedule[0]).toEqual({
      dueOn: means.body.proposedTerms.firstInstalment,
      amountPence: 4_500,
      cumulativePence: 4_500,
    });
    expect(varied.schedule.at(-1).cumulativePence).toBe(93_500);
    const history = (await db().query(
      `SELECT version, reason FROM payment_terms_history WHERE account_id = $1 ORDER BY version`,
      [id],
    )) as { version: number; reason: string }[];
    expect(history).toEqual([
      { version: 1, reason: 'Terms set when the account was opened' },
      { version: 2, reason: 'Means assessed' },
    ]);
  });

  it('reads varied terms as a fresh start for what was left: what was paid before is no holiday from the new instalments', async () => {
    // £935 imposed, £500 paid, then £50 a week for the £435 left, from a week today.
    const { id, accountNumber } = await newAccount();
    await publish(paymentAllocatedFor(accountNumber, 50_000));
    await eventually(async () => expect(await account(id)).toMatchObject({ paidPence: 50_000 }));
    const first = addDays(londonLocalDate(new Date()), 7);
    const terms = { kind: 'instalments', frequency: 'weekly', instalmentPence: 5_000, firstInstalment: first };
    // Terms that start on a day already past, or would take a penny a week for decades, are refused unchanged.
    const today = londonLocalDate(new Date());
    for (const [refused, field] of [
      [{ kind: 'pay-by-date', payBy: addDays(today, -1) }, 'terms.payBy'],
      [{ ...terms, instalmentPence: 1 }, 'terms.instalmentPence'],
      [{ ...terms, instalmentPence: 43_501 }, 'terms.instalmentPence'],
    ] as const) {
      const bad = await http()
        .post(`/api/v1/enforcement/accounts/${id}/terms`)
        .set('Authorization', officer)
        .send({ terms: refused, reason: 'Means changed' })
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect(await account(id)).toMatchObject({ terms: { kind: 'pay-by-date' } });
    await http()
      .post(`/api/v1/enforcement/accounts/${id}/terms`)
      .set('Authorization', officer)
      .send({ terms, reason: 'Means changed' })
      .expect(201);
    const varied = await account(id);
    expect(varied.schedule).toHaveLength(9);
    expect(varied.schedule.at(-1)).toEqual({ dueOn: addDays(first, 56), amountPence: 3_500, cumulativePence: 43_500 });
    // Two weekly instalments missed (the standard path's threshold): in default, with their £100 in arrears.
    await app.get(DefaultRun).run(undefined, 'leader', new Date(`${addDays(first, 8)}T12:00:00Z`));
    expect(await account(id)).toMatchObject({ defaultedOn: addDays(first, 8), arrearsPence: 10_000 });
  });

  it('adds a payment made before the terms and taken back since to what the terms pay, never against payments made under them', async () => {
    const { id, accountNumber } = await newAccount();
    const before = paymentAllocatedFor(accountNumber, 50_000);
    await publish(before);
    await eventually(async () => expect(await account(id)).toMatchObject({ paidPence: 50_000 }));
    const first = addDays(londonLocalDate(new Date()), 7);
    await http()
      .post(`/api/v1/enforcement/accounts/${id}/terms`)
      .set('Authorization', officer)
      .send({
        terms: { kind: 'instalments', frequency: 'weekly', instalmentPence: 5_000, firstInstalment: first },
        reason: 'Means changed',
      })
      .expect(201);
    // Three instalments paid under the terms; then the cheque paid before them bounces.
    await publish(paymentAllocatedFor(accountNumber, 15_000));
    await eventually(async () => expect(await account(id)).toMatchObject({ paidPence: 65_000 }));
    await publish(paymentReversed(accountNumber, 50_000, JSON.parse(before.value).data.paymentId as string));
    await eventually(async () => expect(await account(id)).toMatchObject({ paidPence: 15_000 }));
    // The £500 is owed again at the end of the schedule: nothing is in arrears after the three weeks paid.
    const afterBounce = await account(id);
    expect(afterBounce.schedule.at(-1).cumulativePence).toBe(93_500);
    await app.get(DefaultRun).run(undefined, 'leader', new Date(`${addDays(first, 15)}T12:00:00Z`));
    expect(await account(id)).toMatchObject({ defaultedOn: null });
  });

  it('issues a warrant of control, which an agent executes; what it collected comes back as a payment', async () => {
    const { id, warrantId } = await accountWithWarrant();
    expect(warrantId).toEqual(expect.any(String));
    // Not yet given to this agency: it cannot see it.
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'executed', collectedPence: 10_000 })
      .expect(404);
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', officer)
      .send({ status: 'with-agent' })
      .expect(400);
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', officer)
      .send({ status: 'with-agent', agent: 'agency-marston' })
      .expect(200);
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'executed' })
      .expect(400);
    // An officer cannot clear the fine by reporting a collection: only the agent holding the warrant, with the money.
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', officer)
      .send({ status: 'executed', collectedPence: 93_500 })
      .expect(403);
    expect(await account(id)).toMatchObject({ paidPence: 0, balancePence: 93_500 });
    // More than the account owes is not the court's money to take: refused, not parked in suspense.
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'executed', collectedPence: 93_501 })
      .expect(409);
    const executed = await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'executed', collectedPence: 35_000 })
      .expect(200);
    expect(executed.body).toMatchObject({ status: 'executed', agent: 'agency-marston', collectedPence: 35_000 });
    expect(await account(id)).toMatchObject({ paidPence: 35_000, balancePence: 58_500 });
    const again = await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'returned-unexecuted' })
      .expect(409);
    expect(again.body.detail).toMatch(/executed cannot become returned-unexecuted/);
    const payments = await http()
      .get(`/api/v1/enforcement/accounts/${id}/payments`)
      .set('Authorization', officer)
      .expect(200);
    expect(payments.body).toEqual([
      expect.objectContaining({ paymentId: warrantId, amountPence: 35_000, source: 'warrant' }),
    ]);
  });

  it('withdraws the warrants in force on an account paid off, so no agency goes to a door that owes nothing', async () => {
    const { id, warrantId } = await accountWithWarrant();
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', officer)
      .send({ status: 'with-agent', agent: 'agency-marston' })
      .expect(200);
    const { accountNumber } = await account(id);
    const warrants = async () =>
      (await http().get(`/api/v1/enforcement/accounts/${id}/warrants`).set('Authorization', officer).expect(200))
        .body as { id: string; status: string }[];
    // Part paid: still owed, still in force.
    await publish(paymentAllocatedFor(accountNumber, 50_000));
    await eventually(async () => expect(await account(id)).toMatchObject({ balancePence: 43_500 }));
    expect(await warrants()).toEqual([expect.objectContaining({ id: warrantId, status: 'with-agent' })]);
    // Paid off: withdrawn, and the agency told by the warrant's event; its report of an execution is refused.
    const lastPayment = paymentAllocatedFor(accountNumber, 43_500);
    await publish(lastPayment);
    await eventually(async () =>
      expect(await warrants()).toEqual([expect.objectContaining({ id: warrantId, status: 'withdrawn' })]),
    );
    const [event] = (await db().query(
      `SELECT envelope FROM outbox WHERE type = 'enforcement.warrant-status-changed.v1'
         AND envelope->'data'->>'warrantId' = $1 AND envelope->'data'->>'status' = 'withdrawn'`,
      [warrantId],
    )) as { envelope: { data: unknown; actor: string } }[];
    expect(event!.envelope).toMatchObject({ data: { accountId: id, warrantId, status: 'withdrawn' }, actor: 'system' });
    const late = await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'executed', collectedPence: 1_000 })
      .expect(409);
    expect(late.body.detail).toMatch(/withdrawn cannot become executed/);
    expect(await account(id)).toMatchObject({ paidPence: 93_500, balancePence: 0 });

    // The cheque that paid it off bounces: the account owes again, and the court may issue a warrant again.
    await publish(paymentReversed(accountNumber, 43_500, JSON.parse(lastPayment.value).data.paymentId as string));
    await eventually(async () => expect(await account(id)).toMatchObject({ balancePence: 43_500 }));
    // (The next day: an action is taken once a day on an account.)
    const tomorrow = new Date(Date.now() + 86_400_000);
    const officerSam = { sub: 'officer-sam', roles: ['enforcement-officer' as const] };
    const again = await app.get(ActionCommands).take(id, 'warrant-of-control', {}, officerSam, undefined, tomorrow);
    expect(again.warrantId).toEqual(expect.any(String));
    expect(again.warrantId).not.toBe(warrantId);
  });

  it("keeps an agency to the warrants given to it: its work list, what it may report, and nothing of the account's", async () => {
    const { id, warrantId } = await accountWithWarrant();
    const listed = async (token: string, query = '') =>
      (
        (await http().get(`/api/v1/enforcement/warrants?limit=100${query}`).set('Authorization', token).expect(200))
          .body as { items: { id: string; agent: string | null }[] }
      ).items.map((w) => w.id);
    // Issued, not yet given: staff see it, no agency does.
    expect(await listed(officer)).toContain(warrantId);
    expect(await listed(agent)).not.toContain(warrantId);
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', officer)
      .send({ status: 'with-agent', agent: 'agency-marston' })
      .expect(200);
    expect(await listed(agent)).toContain(warrantId);
    expect(await listed(agent, '&status=with-agent')).toContain(warrantId);
    // Page by page (one a page, warrants issued the same day among them), the same list as in one page.
    const paged: string[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = (
        await http()
          .get(`/api/v1/enforcement/warrants?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', officer)
          .expect(200)
      ).body as { items: { id: string }[]; nextCursor: string | null };
      paged.push(...page.items.map((w) => w.id));
      cursor = page.nextCursor;
    }
    expect(paged.length).toBeGreaterThan(1);
    expect(paged).toEqual(await listed(officer));
    // Naming another agency in the filter changes nothing: an agency's list is its own.
    expect(await listed(otherAgency, '&agent=agency-marston')).not.toContain(warrantId);
    expect(await listed(officer, '&agent=agency-other')).not.toContain(warrantId);
    const marstons = (
      await http().get('/api/v1/enforcement/warrants?limit=100').set('Authorization', agent).expect(200)
    ).body as { items: { agent: string }[] };
    expect(marstons.items.every((w) => w.agent === 'agency-marston')).toBe(true);

    // Another agency cannot report on it, and learns nothing of it.
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', otherAgency)
      .send({ status: 'returned-unexecuted' })
      .expect(404);
    // The holder reports what it did, never the court's decisions: no withdrawing, no handing it on.
    for (const change of [
      { status: 'withdrawn' },
      { status: 'expired' },
      { status: 'with-agent', agent: 'agency-other' },
    ])
      await http()
        .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
        .set('Authorization', agent)
        .send(change)
        .expect(403);
    // A `system` client is the platform's own, not an agency: it reports no outcome.
    await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', system)
      .send({ status: 'returned-unexecuted' })
      .expect(403);
    // The account, its payments and the defendant's other accounts are staff's.
    for (const path of [`accounts/${id}`, `accounts/${id}/warrants`, `accounts/${id}/payments`, 'accounts?limit=1'])
      await http().get(`/api/v1/enforcement/${path}`).set('Authorization', agent).expect(403);
    const returned = await http()
      .post(`/api/v1/enforcement/warrants/${warrantId}/outcome`)
      .set('Authorization', agent)
      .send({ status: 'returned-unexecuted' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'returned-unexecuted', agent: 'agency-marston' });
    // Each read of the list is in the audit trail, with the agency's user as the actor.
    const [audited] = (await db().query(
      `SELECT count(*)::int AS n FROM audit_trail WHERE kind = 'read' AND actor = 'agent-ali' AND record_type = 'warrant'`,
    )) as { n: number }[];
    expect(audited!.n).toBeGreaterThan(0);
  });

  it('refuses a token of an agency that names no agency', async () => {
    const nameless = await bearer('enforcement-agent', { sub: 'agent-x' });
    await http().get('/api/v1/enforcement/warrants').set('Authorization', nameless).expect(401);
  });

  it('expires a warrant left unexecuted past its date in the default run', async () => {
    const { id, warrantId } = await accountWithWarrant();
    // Years on, when the warrant has expired (the clock is moved: a run only assesses today or earlier).
    const run = await app.get(DefaultRun).run(undefined, 'leader', new Date('2031-01-01T12:00:00Z'));
    expect(run.expiredWarrants).toBeGreaterThanOrEqual(1);
    const warrants = await http()
      .get(`/api/v1/enforcement/accounts/${id}/warrants`)
      .set('Authorization', officer)
      .expect(200);
    expect(warrants.body).toEqual([expect.objectContaining({ id: warrantId, status: 'expired' })]);
    const [event] = (await db().query(
      `SELECT envelope FROM outbox WHERE type = 'enforcement.warrant-status-changed.v1' AND envelope->'data'->>'warrantId' = $1`,
      [warrantId],
    )) as { envelope: { data: unknown } }[];
    expect(event!.envelope.data).toEqual({ accountId: id, warrantId, status: 'expired' });
  });

  it("consolidates a defendant's live accounts into one, keeping what each still owes and its priority", async () => {
    const defendant = '5b0f1c1e-9d59-4c38-9a43-3f3a6f0a0001';
    const [target, other, stranger] = [await newAccount(defendant), await newAccount(defendant), await newAccount()];
    const paid = paymentAllocatedFor(other.accountNumber, 30_000);
    await publish(paid);
    await eventually(async () => expect((await account(other.id)).paidPence).toBe(30_000));

    const refused = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds: [stranger.id] })
      .expect(409);
    expect(refused.body.detail).toMatch(/another defendant/);
    await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds: [target.id] })
      .expect(400);

    const merged = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds: [other.id] })
      .expect(201);
    expect(merged.body).toMatchObject({ imposedPence: 93_500 + 63_500, balancePence: 157_000 });
    expect(await account(other.id)).toMatchObject({ status: 'consolidated' });
    const detail = await account(target.id);
    expect(
      detail.impositions.map((i: { kind: string; outstandingPence: number }) => [i.kind, i.outstandingPence]),
    ).toEqual([
      ['compensation', 30_000],
      ['victim-surcharge', 8_500],
      ['victim-surcharge', 8_500],
      ['costs', 15_000],
      ['costs', 15_000],
      ['fine', 40_000],
      ['fine', 40_000],
    ]);
    await publish(paymentAllocatedFor(other.accountNumber, 1_000));
    await eventually(async () =>
      expect(
        await db().query(`SELECT reason FROM suspense_payments WHERE account_number = $1`, [other.accountNumber]),
      ).toEqual([{ reason: 'consolidated' }]),
    );

    // The £300 paid on the old account bounces: consolidation moved only what was owed then, so what that
    // payment had paid (the compensation) is owed again on the account it went into; nothing is forgiven.
    const paymentId = JSON.parse(paid.value).data.paymentId as string;
    await publish(paymentReversed(other.accountNumber, 30_000, paymentId));
    await eventually(async () =>
      expect(await account(target.id)).toMatchObject({ imposedPence: 187_000, balancePence: 187_000 }),
    );
    const after = await account(target.id);
    expect(
      after.impositions
        .filter((i: { kind: string }) => i.kind === 'compensation')
        .map((i: { outstandingPence: number }) => i.outstandingPence),
    ).toEqual([30_000, 30_000]);
    const consolidated = (await db().query(
      `SELECT envelope->'data' AS data FROM outbox WHERE type = 'enforcement.fine-accounts-consolidated.v1' AND message_key = $1`,
      [target.id],
    )) as { data: { consolidatedAccountIds: string[]; balancePence: number } }[];
    expect(consolidated.map((r) => r.data)).toContainEqual(
      expect.objectContaining({ consolidatedAccountIds: [other.id], balancePence: 187_000 }),
    );
  });

  it('consolidates only what a partly written-off account still owes', async () => {
    const defendant = '5b0f1c1e-9d59-4c38-9a43-3f3a6f0a0002';
    const [target, other] = [await newAccount(defendant), await newAccount(defendant)];
    const asked = await http()
      .post(`/api/v1/enforcement/accounts/${other.id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 45_000, reason: 'hardship' })
      .expect(201);
    await http()
      .post(`/api/v1/enforcement/write-offs/${asked.body.id}/decision`)
      .set('Authorization', colleague)
      .send({ approve: true })
      .expect(200);
    const merged = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds: [other.id] })
      .expect(201);
    expect(merged.body).toMatchObject({ imposedPence: 93_500 + 48_500, balancePence: 142_000 });
    const detail = await account(target.id);
    expect(
      detail.impositions.map((i: { kind: string; outstandingPence: number }) => [i.kind, i.outstandingPence]),
    ).toEqual([
      ['compensation', 30_000],
      ['compensation', 30_000],
      ['victim-surcharge', 8_500],
      ['victim-surcharge', 8_500],
      ['costs', 15_000],
      ['costs', 10_000],
      ['fine', 40_000],
    ]);
  });

  it('registers a fixed penalty once, honouring Idempotency-Key', async () => {
    const body = { penaltyReference: 'FP-2026-000123', businessUnit: 'BU-LONDON-01', amountPence: 10_000 };
    const first = await http()
      .post('/api/v1/enforcement/fixed-penalties')
      .set('Authorization', officer)
      .set('Idempotency-Key', 'fp-1')
      .send(body)
      .expect(201);
    expect(first.body).toMatchObject({
      accountType: 'fixed-penalty',
      enforcementPath: 'fixed-penalty',
      balancePence: 10_000,
      businessUnit: 'BU-LONDON-01',
    });
    const replay = await http()
      .post('/api/v1/enforcement/fixed-penalties')
      .set('Authorization', officer)
      .set('Idempotency-Key', 'fp-1')
      .send(body)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const again = await http()
      .post('/api/v1/enforcement/fixed-penalties')
      .set('Authorization', officer)
      .send(body)
      .expect(409);
    expect(again.body.code).toBe('CONFLICT');
    const unknownField = await http()
      .post('/api/v1/enforcement/fixed-penalties')
      .set('Authorization', officer)
      .send({ ...body, penaltyReference: 'FP-2', colour: 'red' })
      .expect(400);
    expect(unknownField.body.code).toBe('BAD_USER_INPUT');
    expect(
      await db().query(`SELECT count(*)::int AS n FROM fine_accounts WHERE account_type = 'fixed-penalty'`),
    ).toEqual([{ n: 1 }]);

    const increased = await http()
      .post(`/api/v1/enforcement/accounts/${first.body.id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'registration' })
      .expect(201);
    expect(increased.body.action).toBe('registration');
    await http()
      .post(`/api/v1/enforcement/accounts/${first.body.id}/actions`)
      .set('Authorization', officer)
      .send({ action: 'fixed-penalty-increase' })
      .expect(201);
    expect(await account(first.body.id)).toMatchObject({ imposedPence: 15_000, balancePence: 15_000 });
  });

  it('answers with management information per business unit', async () => {
    const mi = await http().get('/api/v1/enforcement/mi').set('Authorization', leader).expect(200);
    const national = (
      await db().query(`SELECT count(*)::int AS n FROM fine_accounts WHERE business_unit = 'national'`)
    )[0].n as number;
    expect(mi.body).toEqual([
      expect.objectContaining({
        businessUnit: 'BU-LONDON-01',
        accounts: 1,
        outstandingPence: 15_000,
        collectionRate: 0,
      }),
      expect.objectContaining({
        businessUnit: 'national',
        accounts: national,
        actionsByType: expect.arrayContaining([
          {
            action: 'warrant-of-control',
            count: await count("enforcement_actions WHERE action = 'warrant-of-control'"),
          },
        ]),
      }),
    ]);
    expect(mi.body[1].collectionRate).toBeGreaterThan(0);
    // The book balances with consolidated accounts in it (the tests above consolidate): every penny imposed
    // is paid, written off, or owed by an account that did not go into another.
    const [book] = await db().query(
      `SELECT sum(paid_pence + written_off_pence)::bigint AS settled,
              sum(imposed_pence - paid_pence - written_off_pence) FILTER (WHERE status <> 'consolidated')::bigint AS owed,
              count(*) FILTER (WHERE status = 'consolidated')::int AS consolidated
         FROM fine_accounts WHERE business_unit = 'national'`,
    );
    expect(book.consolidated).toBeGreaterThan(0);
    expect(mi.body[1].imposedPence).toBe(Number(book.settled) + Number(book.owed));
    expect(mi.body[1].outstandingByAge.under90Days).toBe(mi.body[1].outstandingPence);
    await http()
      .get('/api/v1/enforcement/mi')
      .set('Authorization', await bearer('citizen'))
      .expect(403);
  });
});
