import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeOffApprovedV1, writeOffRejectedV1, writeOffRequestedV1 } from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import { caseResulted, publish, resulted, startEnforcementApp } from './enforcement-app';

// The work queue opens a task for a second officer when a write-off is asked for, and closes it when it is
// approved or rejected: each step is published once, in its own transaction, with the officer as the actor.
describe('write-off events for the work queue', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let sam: string;
  let kim: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [sam, kim] = await Promise.all([
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('enforcement-officer', { sub: 'officer-kim' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  async function newAccount(): Promise<{ accountId: string; caseId: string }> {
    const data = resulted();
    await publish(caseResulted(data));
    const accountId = await eventually(async () => {
      const [row] = (await db().query(`SELECT id FROM fine_accounts WHERE case_id = $1`, [data.caseId])) as {
        id: string;
      }[];
      expect(row).toBeDefined();
      return row!.id;
    });
    return { accountId, caseId: data.caseId };
  }
  /** The account's write-off events in the outbox, oldest first: type, subject, actor and data. */
  const events = async (accountId: string) =>
    (
      (await db().query(
        `SELECT envelope FROM outbox WHERE message_key = $1 AND type LIKE 'enforcement.write-off-%' ORDER BY position`,
        [accountId],
      )) as { envelope: { type: string; subject: string; actor?: string; data: Record<string, unknown> } }[]
    ).map(({ envelope: e }) => ({ type: e.type, subject: e.subject, actor: e.actor, data: e.data }));
  const ask = (accountId: string, who: string, amountPence: number, reason = 'hardship') =>
    http()
      .post(`/api/v1/enforcement/accounts/${accountId}/write-offs`)
      .set('Authorization', who)
      .send({ amountPence, reason });
  const decide = (id: string, who: string, approve: boolean) =>
    http().post(`/api/v1/enforcement/write-offs/${id}/decision`).set('Authorization', who).send({ approve });

  it('publishes a request once, with its reason code and case, and nothing for a refused request', async () => {
    const { accountId, caseId } = await newAccount();
    await ask(accountId, sam, 93_501).expect(400);
    await ask(accountId, sam, 1_000, 'feeling-generous').expect(400);
    expect(await events(accountId)).toEqual([]);

    const writeOffId = (await ask(accountId, sam, 15_000, 'untraceable').expect(201)).body.id as string;
    expect(await events(accountId)).toEqual([
      {
        type: writeOffRequestedV1.type,
        subject: accountId,
        actor: 'officer-sam',
        data: { accountId, writeOffId, amountPence: 15_000, reason: 'untraceable', caseId },
      },
    ]);
  });

  it('publishes a rejection by a second officer once, and nothing when the requester tries to decide it', async () => {
    const { accountId } = await newAccount();
    const writeOffId = (await ask(accountId, sam, 20_000).expect(201)).body.id as string;
    await decide(writeOffId, sam, false).expect(409);
    await decide(writeOffId, sam, true).expect(409);
    expect((await events(accountId)).map((e) => e.type)).toEqual([writeOffRequestedV1.type]);

    await decide(writeOffId, kim, false).expect(200);
    await decide(writeOffId, kim, false).expect(409);
    await decide(writeOffId, kim, true).expect(409);
    expect(await events(accountId)).toEqual([
      expect.objectContaining({ type: writeOffRequestedV1.type }),
      { type: writeOffRejectedV1.type, subject: accountId, actor: 'officer-kim', data: { accountId, writeOffId } },
    ]);
  });

  it('publishes an approval and no rejection; an approval over the limit publishes nothing', async () => {
    const { accountId } = await newAccount();
    const approved = (await ask(accountId, sam, 30_000).expect(201)).body.id as string;
    const overLimit = (await ask(accountId, sam, 30_000).expect(201)).body.id as string;
    await decide(approved, kim, true).expect(200);
    await decide(overLimit, kim, true).expect(403);
    const published = await events(accountId);
    expect(published.map((e) => [e.type, e.data.writeOffId])).toEqual([
      [writeOffRequestedV1.type, approved],
      [writeOffRequestedV1.type, overLimit],
      [writeOffApprovedV1.type, approved],
    ]);
    expect(published[2]).toMatchObject({ actor: 'officer-kim', subject: accountId });

    // The request over kim's limit is still open: kim may reject it, and that closes it.
    await decide(overLimit, kim, false).expect(200);
    expect((await events(accountId)).slice(3)).toEqual([
      {
        type: writeOffRejectedV1.type,
        subject: accountId,
        actor: 'officer-kim',
        data: { accountId, writeOffId: overLimit },
      },
    ]);
  });
});
