import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import {
  caseAccessChangedV2,
  CaseAccessPartyV2,
  caseStateChangedV1,
  EventType,
  fineAccountRegisteredV1,
} from '@ccsc/contracts';
import { bearer, caseAccessData, eventually, publishEvent, startTestService } from '@ccsc/testing';
import { paymentsApp } from '../src/payments.app';
import { readPaymentsConfig } from '../src/config';
import { paymentsDatabase } from '../src/data-source';

/** The payments service on a fresh, migrated database of its own, on the in-process bus. */
export async function startPaymentsApp(env: Record<string, string> = {}) {
  const service = await startTestService(
    'payments',
    paymentsDatabase,
    (source) => paymentsApp(readPaymentsConfig(source)),
    { OUTBOX_POLL_MS: '50', ...env },
  );
  return { ...service, db: service.app.get(DataSource) };
}

/** Publishes another service's event onto the in-process bus, as that service's relay would; returns its id. */
export async function publish<T extends object>(
  type: EventType<T>,
  subject: string,
  data: T,
  id?: string,
): Promise<string> {
  return (await publishEvent(type, subject, data, { id })).id;
}

let references = 0;

/** A case as cases announces it: who may see it, then (optionally) an event making fees due; waits until payments has applied both. */
export async function announceCase(
  db: DataSource,
  options: { organisations?: string[]; users?: string[]; parties?: CaseAccessPartyV2[]; feesDue?: string[] } = {},
): Promise<{ caseId: string; reference: string }> {
  const caseId = randomUUID();
  const reference = String(1_000_000_000_000_000 + Date.now() * 100 + (references++ % 100)).slice(0, 16);
  await publish(caseAccessChangedV2, caseId, caseAccessData(caseId, reference, options));
  if (options.feesDue)
    await publish(caseStateChangedV1, caseId, {
      caseId,
      reference,
      event: 'submit',
      from: 'Draft',
      to: 'Submitted',
      feesDue: options.feesDue,
    });
  await eventually(async () => {
    expect((await db.query(`SELECT 1 FROM case_access WHERE case_id = $1`, [caseId])).length).toBe(1);
    if (options.feesDue)
      expect((await db.query(`SELECT 1 FROM service_requests WHERE case_id = $1`, [caseId])).length).toBe(1);
  });
  return { caseId, reference };
}

/** A fine account number as enforcement announces it when the account opens; waits until payments has it. */
/** Enforcement's news of a fine account number, as payments' register takes it; enforcement's id for the account. */
export async function registerFineAccount(db: DataSource, accountNumber: string): Promise<string> {
  const accountId = randomUUID();
  await publish(fineAccountRegisteredV1, accountId, { accountId, accountNumber });
  await eventually(async () =>
    expect(
      await db.query(`SELECT 1 FROM fine_account_numbers WHERE account_number = $1`, [accountNumber]),
    ).toHaveLength(1),
  );
  return accountId;
}

export async function outboxOf(db: DataSource, type: string): Promise<Record<string, unknown>[]> {
  const rows = (await db.query(`SELECT envelope FROM outbox WHERE type = $1 ORDER BY position`, [type])) as {
    envelope: { data: Record<string, unknown> };
  }[];
  return rows.map((r) => r.envelope.data);
}

/** A provider signature with its first digest character changed: looks right, does not verify. */
export const forged = (signature: string) =>
  signature.replace(/v1=(.)/, (_, c: string) => `v1=${c === '0' ? '1' : '0'}`);

export interface NewPaymentAccount {
  accountNumber: string;
  organisationId: string;
  name: string;
  creditLimitPence: number;
}

/**
 * A firm's account opened by one finance officer with its credit approved by a second (a higher credit limit waits
 * for one), through the API as finance would: for the tests whose subject is what the account pays, not its opening.
 */
export async function openApprovedAccount(server: App, account: NewPaymentAccount): Promise<void> {
  const [keeper, approver] = await Promise.all([
    bearer('finance-officer', { sub: 'account-keeper' }),
    bearer('team-leader', { sub: 'credit-approver' }),
  ]);
  await request(server).post('/api/v1/payments/accounts').set('Authorization', keeper).send(account).expect(201);
  if (account.creditLimitPence === 0) return;
  await request(server)
    .post(`/api/v1/payments/accounts/${account.accountNumber}/credit-limit/decision`)
    .set('Authorization', approver)
    .send({ approve: true, creditLimitPence: account.creditLimitPence })
    .expect(200);
}
