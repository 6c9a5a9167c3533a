import { randomUUID } from 'node:crypto';
import {
  allocationTransferredV1,
  caseResultedV2,
  EventType,
  partyIdentityChangedV1,
  paymentAllocatedV1,
  paymentReversedV1,
} from '@ccsc/contracts';
import { InProcessTransport, type TransportMessage } from '@ccsc/messaging';
import { eventMessage, startTestService } from '@ccsc/testing';
import { enforcementApp } from '../src/enforcement.app';
import { readEnforcementConfig } from '../src/config';
import { enforcementDatabase } from '../src/data-source';

/** The enforcement service on a fresh, migrated database of its own. */
export const startEnforcementApp = (extra: Record<string, string> = {}) =>
  startTestService(
    'enforcement',
    enforcementDatabase,
    (source) => enforcementApp(readEnforcementConfig(source)),
    extra,
  );

/** An event of another service, exactly as its outbox relay puts it on the bus. */
export const envelope = <T extends object>(type: EventType<T>, subject: string, data: T, id?: string) =>
  eventMessage(type, subject, data, { id });

export const publish = (...messages: TransportMessage[]) => InProcessTransport.shared().publish(messages);

export function resulted(
  overrides: Partial<{
    caseId: string;
    resultId: string;
    defendantPartyId: string;
    resultedAt: string;
    court: string;
  }> = {},
) {
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

export const caseResulted = (data: ReturnType<typeof resulted>, id?: string) =>
  envelope(caseResultedV2, data.caseId, data, id);

/**
 * Staff in cases (caseworker-cy, unless `matchedBy` names another: the event's actor, who made the match) matched a
 * party with parties of other cases as `identityId`, or (none) took the match back.
 */
export const partyIdentityChanged = (
  caseId: string,
  partyId: string,
  identityId?: string,
  id?: string,
  matchedBy = 'caseworker-cy',
) =>
  eventMessage(
    partyIdentityChangedV1,
    caseId,
    { caseId, partyId, ...(identityId ? { identityId } : {}) },
    {
      ...(id ? { id } : {}),
      actor: matchedBy,
    },
  );

export const paymentAllocated = (
  accountNumber: string,
  amountPence: number,
  paymentId: string = randomUUID(),
  allocationId: string = randomUUID(),
) =>
  envelope(paymentAllocatedV1, paymentId, {
    paymentId,
    allocationId,
    target: 'fine-account',
    fineAccountNumber: accountNumber,
    amountPence,
    method: 'card',
    receivedAt: new Date().toISOString(),
    allocatedAt: new Date().toISOString(),
  });

export const paymentReversed = (accountNumber: string, amountPence: number, paymentId: string) =>
  envelope(paymentReversedV1, paymentId, {
    paymentId,
    reason: 'chargeback',
    amountPence,
    target: 'fine-account',
    fineAccountNumber: accountNumber,
    reversedAt: new Date().toISOString(),
  });

/** Payments moved a verified allocation of a fine account elsewhere; a payment-allocated event for `toAllocationId` follows. */
export const allocationTransferred = (
  accountNumber: string,
  amountPence: number,
  paymentId: string,
  allocationId: string,
  toAllocationId: string,
) =>
  envelope(allocationTransferredV1, paymentId, {
    paymentId,
    allocationId,
    toAllocationId,
    target: 'fine-account',
    fineAccountNumber: accountNumber,
    amountPence,
    transferredAt: new Date().toISOString(),
  });
