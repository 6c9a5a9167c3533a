import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import { caseResulted, paymentAllocated, publish, resulted, startEnforcementApp } from './enforcement-app';

// Four eyes on write-offs (architecture.md): one person never forgives a fine alone, whatever role,
// route or token they use, and an approval limit is not beaten by approving a sum in slices.
describe('write-offs need a second person within their limit for the account', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let sam: string;
  let samAsLeader: string;
  let samAsFinance: string;
  let kim: string;
  let jo: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [sam, samAsLeader, samAsFinance, kim, jo] = await Promise.all([
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('team-leader', { sub: 'officer-sam' }),
      bearer('finance-officer', { sub: 'officer-sam' }),
      bearer('enforcement-officer', { sub: 'officer-kim' }),
      bearer('team-leader', { sub: 'leader-jo' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  async function newAccount(defendantPartyId?: string): Promise<string> {
    const data = resulted(defendantPartyId ? { defendantPartyId } : {});
    await publish(caseResulted(data));
    return eventually(async () => {
      const [row] = (await db().query(`SELECT id FROM fine_accounts WHERE case_id = $1`, [data.caseId])) as {
        id: string;
      }[];
      expect(row).toBeDefined();
      return row!.id;
    });
  }
  /** What a refused decision must leave alone: the account's money, the write-offs, and the outbox. */
  const state = async (accountId: string) => ({
    account: (
      await db().query(`SELECT written_off_pence::int AS w, status FROM fine_accounts WHERE id = $1`, [accountId])
    )[0],
    writeOffs: await db().query(
      `SELECT id, status, decided_by FROM write_offs WHERE account_id = $1 ORDER BY requested_at, id`,
      [accountId],
    ),
    outbox: (await db().query(`SELECT count(*)::int AS n FROM outbox`))[0].n,
  });
  const ask = async (accountId: string, who: string, amountPence: number) =>
    (
      await http()
        .post(`/api/v1/enforcement/accounts/${accountId}/write-offs`)
        .set('Authorization', who)
        .send({ amountPence, reason: 'hardship' })
        .expect(201)
    ).body.id as string;
  const decide = (id: string, who: string, approve = true) =>
    http().post(`/api/v1/enforcement/write-offs/${id}/decision`).set('Authorization', who).send({ approve });

  it('refuses the officer who asked, under any role or token, and changes nothing; a second officer approves', async () => {
    const accountId = await newAccount();
    const id = await ask(accountId, sam, 40_000);
    const before = await state(accountId);
    for (const sameSam of [sam, samAsLeader, samAsFinance]) {
      const refused = await decide(id, sameSam).expect(409);
      expect(refused.body).toMatchObject({
        code: 'CONFLICT',
        detail: 'A write-off must be approved by someone other than the person who proposed it',
      });
      await decide(id, sameSam, false).expect(409);
    }
    expect(await state(accountId)).toEqual(before);

    await decide(id, kim).expect(200);
    expect((await state(accountId)).account).toEqual({ w: 40_000, status: 'live' });
  });

  it('counts what is already written off on the account, so three slices under the limit are not one approval each', async () => {
    const accountId = await newAccount();
    const slices = [
      await ask(accountId, sam, 20_000),
      await ask(accountId, sam, 20_000),
      await ask(accountId, sam, 20_000),
    ];
    await decide(slices[0]!, kim).expect(200);
    await decide(slices[1]!, kim).expect(200);
    const before = await state(accountId);
    const refused = await decide(slices[2]!, kim).expect(403);
    expect(refused.body.detail).toBe(
      'Approving it would put 60000 pence written off (or asked for by you) on the account, above your approval limit of 50000 pence',
    );
    expect(await state(accountId)).toEqual(before);
    // Someone with the authority for the whole sum may approve the last slice.
    await decide(slices[2]!, jo).expect(200);
    expect((await state(accountId)).account).toEqual({ w: 60_000, status: 'live' });
  });

  it("counts the approver's own pending requests on the account, so two officers cannot trade approvals past their limits", async () => {
    const accountId = await newAccount();
    const kims = await ask(accountId, kim, 30_000);
    const sams = await ask(accountId, sam, 30_000);
    const before = await state(accountId);
    await decide(sams, kim).expect(403);
    expect(await state(accountId)).toEqual(before);
    await decide(kims, sam).expect(403);
    // A leader approves one; the other then counts it too.
    await decide(kims, jo).expect(200);
    await decide(sams, kim).expect(403);
    await decide(sams, jo).expect(200);
  });

  it('counts what accounts consolidated into this one had written off, so consolidating does not reset a limit', async () => {
    const defendant = randomUUID();
    const [target, other] = [await newAccount(defendant), await newAccount(defendant)];
    await decide(await ask(other, sam, 40_000), kim).expect(200);
    await http()
      .post(`/api/v1/enforcement/accounts/${target}/consolidations`)
      .set('Authorization', jo)
      .send({ accountIds: [other] })
      .expect(201);
    const id = await ask(target, sam, 20_000);
    const before = await state(target);
    expect((await decide(id, kim).expect(403)).body.detail).toMatch(/60000 pence written off/);
    expect(await state(target)).toEqual(before);
    await decide(id, jo).expect(200);
  });

  it('rejects, as the system, a write-off still asked for when its account stops being live, closing its approval', async () => {
    const rejectedEvents = async (writeOffId: string) =>
      (await db().query(
        `SELECT envelope->'data'->>'writeOffId' AS id FROM outbox
          WHERE type = 'enforcement.write-off-rejected.v1' AND envelope->'data'->>'writeOffId' = $1`,
        [writeOffId],
      )) as { id: string }[];
    // Consolidated into another account.
    const defendant = randomUUID();
    const [target, other] = [await newAccount(defendant), await newAccount(defendant)];
    const onOther = await ask(other, sam, 10_000);
    await http()
      .post(`/api/v1/enforcement/accounts/${target}/consolidations`)
      .set('Authorization', jo)
      .send({ accountIds: [other] })
      .expect(201);
    expect((await state(other)).writeOffs).toEqual([{ id: onOther, status: 'rejected', decided_by: 'system' }]);
    expect(await rejectedEvents(onOther)).toEqual([{ id: onOther }]);
    await decide(onOther, kim).expect(409);

    // Paid in full while the write-off waited.
    const accountId = await newAccount();
    const pending = await ask(accountId, sam, 10_000);
    const [{ account_number: number }] = await db().query(`SELECT account_number FROM fine_accounts WHERE id = $1`, [
      accountId,
    ]);
    await publish(paymentAllocated(number, 93_500));
    await eventually(async () =>
      expect(await state(accountId)).toMatchObject({
        account: { w: 0, status: 'paid' },
        writeOffs: [{ id: pending, status: 'rejected', decided_by: 'system' }],
      }),
    );
    expect(await rejectedEvents(pending)).toEqual([{ id: pending }]);
  });

  it('spreads an approved write-off over the impositions, so what they owe adds up to the balance', async () => {
    const accountId = await newAccount();
    await decide(await ask(accountId, sam, 40_000), kim).expect(200);
    const { body } = await http()
      .get(`/api/v1/enforcement/accounts/${accountId}`)
      .set('Authorization', kim)
      .expect(200);
    expect(body.balancePence).toBe(93_500 - 40_000);
    const owed = (body.impositions as { kind: string; writtenOffPence: number; outstandingPence: number }[]).map(
      (i) => [i.kind, i.writtenOffPence, i.outstandingPence],
    );
    // What payments reach last goes first: the fine, not the victim's compensation.
    expect(owed).toEqual(
      expect.arrayContaining([
        ['fine', 40_000, 0],
        ['compensation', 0, 30_000],
      ]),
    );
    expect(owed.reduce((sum, [, , outstanding]) => sum + (outstanding as number), 0)).toBe(body.balancePence);

    // A second request is weighed against the true balance, and says it.
    const refused = await http()
      .post(`/api/v1/enforcement/accounts/${accountId}/write-offs`)
      .set('Authorization', sam)
      .send({ amountPence: 53_501, reason: 'hardship' })
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'amountPence', message: 'must be at most the balance of 53500 pence' }),
    ]);
  });
});
