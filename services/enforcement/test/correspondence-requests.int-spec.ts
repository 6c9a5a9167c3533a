import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountDefaultedV1, type CorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import { InProcessTransport, withinTransaction } from '@ccsc/messaging';
import { eventually } from '@ccsc/testing';
import { DefaultRun } from '../src/default-run/application/default-run.commands';
import { CorrespondenceRequests } from '../src/correspondence/application/correspondence-requests';
import { caseResulted, envelope, publish, resulted, startEnforcementApp } from './enforcement-app';
import { correspondenceRequestId } from '@ccsc/correspondence';

class Replayed extends Error {
  constructor(readonly outcomes: unknown) {
    super('rolled back');
  }
}

const REQUESTED = 'enforcement.correspondence-requested.v1';
// Resulted on 10 January 2026: the default terms ask for everything by 7 February (28 days).
const RESULTED_AT = '2026-01-10T10:00:00Z';
const DEFAULTS_ON = '2026-03-02';
const IMPOSED = 30_000 + 8_500 + 15_000 + 40_000;
const COURT = "Cardiff Magistrates' Court";

describe('correspondence requested from enforcement events', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let db: DataSource;
  const caseId = randomUUID();
  const partyId = randomUUID();
  let accountNumber: string;
  let nobodysNumber: string;

  const requests = async () =>
    (
      (await db.query(`SELECT message_key, envelope FROM outbox WHERE type = $1 ORDER BY position`, [REQUESTED])) as {
        message_key: string;
        envelope: EventEnvelope<CorrespondenceRequestedV1>;
      }[]
    ).map((r) => ({ key: r.message_key, ...r.envelope }));
  /** Until the relay has sent everything and enforcement's own consumer has taken in all it was sent. */
  const settled = () =>
    eventually(async () => {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)) as [
        { n: number },
      ];
      expect(n).toBe(0);
      expect(await InProcessTransport.shared().lag('ccsc.enforcement')).toBe(0);
    });

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    db = app.get(DataSource);
    const ours = resulted({ caseId, defendantPartyId: partyId, resultedAt: RESULTED_AT, court: COURT });
    const nobodys = resulted({ resultedAt: RESULTED_AT });
    await publish(caseResulted(ours), caseResulted(nobodys));
    const numbers = await eventually(async () => {
      const rows = (await db.query(`SELECT case_id, account_number FROM fine_accounts`)) as {
        case_id: string;
        account_number: string;
      }[];
      expect(rows).toHaveLength(2);
      return rows;
    });
    accountNumber = numbers.find((r) => r.case_id === caseId)!.account_number;
    nobodysNumber = numbers.find((r) => r.case_id !== caseId)!.account_number;
    // An account no party of a case answers for (as one opened before parties were recorded).
    await db.query(`UPDATE fine_accounts SET defendant_party_id = NULL WHERE account_number = $1`, [nobodysNumber]);
  }, 60_000);
  afterAll(() => close());

  it('asks cases once for a default notice to the defendant when the default run defaults the account', async () => {
    const run = await app.get(DefaultRun).run(DEFAULTS_ON);
    expect(run).toMatchObject({ defaulted: 2, actions: 2 });
    const [request] = await eventually(async () => {
      const found = await requests();
      expect(found).toHaveLength(1);
      return found;
    });
    const [defaulted] = (await db.query(
      `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'accountNumber' = $2`,
      [accountDefaultedV1.type, accountNumber],
    )) as { envelope: EventEnvelope }[];
    const accountId = defaulted!.envelope.subject;
    expect(request).toMatchObject({
      key: accountId,
      source: 'enforcement',
      subject: accountId,
      causationid: defaulted!.envelope.id,
      actor: 'system',
      data: {
        requestId: correspondenceRequestId(defaulted!.envelope.id, 'enforcement.default-notice'),
        caseId,
        partyId,
        template: 'enforcement.default-notice',
        values: {
          accountNumber,
          balance: IMPOSED,
          amountOverdue: IMPOSED,
          missedSince: '2026-02-07',
          // 14 days on from the day of the default.
          payByDate: '2026-03-16',
        },
        recipientNameAs: 'defendantName',
        about: accountNumber,
      },
    });
    await settled();
    // None for the account nobody answers for, though it defaulted too: there is no one to write to.
    expect((await requests()).filter((r) => r.data.about === nobodysNumber)).toEqual([]);
  });

  it('asks nothing more when the run is repeated that day or the default is delivered again', async () => {
    expect(await app.get(DefaultRun).run(DEFAULTS_ON)).toMatchObject({ defaulted: 0, actions: 0 });
    const [defaulted] = (await db.query(
      `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'accountNumber' = $2`,
      [accountDefaultedV1.type, accountNumber],
    )) as { envelope: EventEnvelope<{ accountId: string; accountNumber: string; arrearsPence: number }> }[];
    // The same event again, as the relay resends it after a crash between sending and marking it sent.
    const { subject, data, id } = defaulted!.envelope;
    await publish(envelope(accountDefaultedV1, subject!, data, id));
    await settled();
    expect(await requests()).toHaveLength(1);
    expect(await db.query(`SELECT status FROM inbox WHERE event_id = $1`, [id])).toEqual([{ status: 'applied' }]);

    // Even past the inbox (a replay of the dead letters, a restored backup), the handler asks for the same
    // request: cases keeps one item per requestId. Rolled back, to leave the outbox as it was.
    const [sent] = await requests();
    const replayed = await db
      .transaction((manager) =>
        withinTransaction(manager, { actor: 'system' }, async (tx) => {
          throw new Replayed(await app.get(CorrespondenceRequests).apply(tx, defaulted!.envelope));
        }),
      )
      .catch((error: unknown) => (error instanceof Replayed ? error.outcomes : Promise.reject(error)));
    expect(replayed).toEqual([{ rule: 'default-notice', request: sent!.data }]);
    expect(await requests()).toHaveLength(1);
  });

  it('asks for a further-steps notice with its pay-by day when the run takes that step 14 days on', async () => {
    const stepOn = '2026-03-16';
    expect(await app.get(DefaultRun).run(stepOn)).toMatchObject({ defaulted: 0, actions: 2 });
    const further = await eventually(async () => {
      const found = (await requests()).filter((r) => r.data.template === 'enforcement.further-steps-notice');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(further.data).toEqual({
      requestId: correspondenceRequestId(further.causationid!, 'enforcement.further-steps-notice'),
      caseId,
      partyId,
      template: 'enforcement.further-steps-notice',
      values: { accountNumber, balance: IMPOSED, amountOverdue: IMPOSED, payByDate: '2026-03-30' },
      recipientNameAs: 'defendantName',
      about: accountNumber,
    });
    const [source] = (await db.query(`SELECT type, envelope->'data'->>'action' AS action FROM outbox WHERE id = $1`, [
      further.causationid,
    ])) as { type: string; action: string }[];
    expect(source).toEqual({ type: 'enforcement.enforcement-action-taken.v2', action: 'further-steps-notice' });
    await settled();
    expect(await requests()).toHaveLength(2);
  });

  it('asks for a collection order notice naming the court that imposed the sums when the run takes that step', async () => {
    const stepOn = '2026-03-30';
    expect(await app.get(DefaultRun).run(stepOn)).toMatchObject({ actions: 2 });
    const notice = await eventually(async () => {
      const found = (await requests()).filter((r) => r.data.template === 'enforcement.collection-order-notice');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    // The terms asked for everything by 7 February: nothing more is scheduled, so all of it, within 14 days.
    expect(notice.data).toMatchObject({
      caseId,
      partyId,
      values: {
        accountNumber,
        balance: IMPOSED,
        courtName: COURT,
        orderDate: stepOn,
        nextPaymentAmount: IMPOSED,
        nextPaymentDate: '2026-04-13',
      },
    });
    await settled();
  });
});
