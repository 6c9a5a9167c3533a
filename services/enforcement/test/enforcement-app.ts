import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { allocationTransferredV1, caseResultedV1, EventType, paymentAllocatedV1, paymentReversedV1 } from '@ccsc/contracts';
import { InProcessTransport } from '@ccsc/messaging';
import { createTestDatabase, TestDatabase, testServiceEnv } from '@ccsc/testing';
import { enforcementApp } from '../src/enforcement.app';
import { readEnforcementConfig } from '../src/config';
import { enforcementDatabase } from '../src/data-source';

/** The enforcement service on a fresh, migrated database of its own. */
export async function startEnforcementApp(extra: Record<string, string> = {}): Promise<{ app: INestApplication; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase('enforcement', enforcementDatabase);
  const app = await enforcementApp(readEnforcementConfig(testServiceEnv(database.url, extra)));
  await app.init();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** An event of another service, exactly as its outbox relay puts it on the bus. */
export function envelope<T extends object>(type: EventType<T>, subject: string, data: T, id: string = randomUUID()) {
  return {
    topic: type.topic,
    key: subject,
    value: JSON.stringify({ specversion: '1.0', id, source: type.source, type: type.type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', actor: 'system', data }),
    headers: {},
  };
}

export const publish = (...messages: ReturnType<typeof envelope>[]) => InProcessTransport.shared().publish(messages);

export function resulted(overrides: Partial<{ caseId: string; resultId: string; defendantPartyId: string; resultedAt: string }> = {}) {
  return {
    caseId: randomUUID(),
    reference: '1234567890123452',
    resultId: randomUUID(),
    defendantPartyId: randomUUID(),
    outcome: 'Guilty plea: fined',
    impositions: [
      { kind: 'compensation' as const, amountPence: 30_000, creditor: 'victim-party-1' },
      { kind: 'victim-surcharge' as const, amountPence: 8_500, creditor: 'central-funds' },
      { kind: 'costs' as const, amountPence: 15_000, creditor: 'cps' },
      { kind: 'fine' as const, amountPence: 40_000, creditor: 'central-funds' },
    ],
    resultedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const caseResulted = (data: ReturnType<typeof resulted>, id?: string) => envelope(caseResultedV1, data.caseId, data, id);

export const paymentAllocated = (accountNumber: string, amountPence: number, paymentId: string = randomUUID(), allocationId: string = randomUUID()) =>
  envelope(paymentAllocatedV1, paymentId, {
    paymentId, allocationId, target: 'fine-account', fineAccountNumber: accountNumber, amountPence, method: 'card',
    receivedAt: new Date().toISOString(), allocatedAt: new Date().toISOString(),
  });

export const paymentReversed = (accountNumber: string, amountPence: number, paymentId: string) =>
  envelope(paymentReversedV1, paymentId, { paymentId, reason: 'chargeback', amountPence, target: 'fine-account', fineAccountNumber: accountNumber, reversedAt: new Date().toISOString() });

/** Payments moved a verified allocation of a fine account elsewhere; a payment-allocated event for `toAllocationId` follows. */
export const allocationTransferred = (accountNumber: string, amountPence: number, paymentId: string, allocationId: string, toAllocationId: string) =>
  envelope(allocationTransferredV1, paymentId, {
    paymentId, allocationId, toAllocationId, target: 'fine-account', fineAccountNumber: accountNumber, amountPence, transferredAt: new Date().toISOString(),
  });
