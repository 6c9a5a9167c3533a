import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import type { EventEnvelope } from '@ccsc/contracts';
import { queryOne, sql } from '@ccsc/platform';
import type { CorrespondenceFacts, Recipient } from '../domain/correspondence-rules';

/** Paid by the payer themselves: a card or their firm's account. Bulk-scanned money is recorded by an officer. */
const PAID_BY_PAYER = ['card', 'payment-by-account'];

interface PayerRow {
  method: string;
  payer: string;
  organisationId: string | null;
}

/**
 * Who paid: the firm whose account it came from or whose user paid by card, else the citizen who paid by
 * card. Nobody for bulk-scanned money, whose `payer` is the officer who recorded it.
 */
export function payerOf(row: PayerRow): Recipient | undefined {
  if (!PAID_BY_PAYER.includes(row.method)) return undefined;
  if (row.organisationId) return { organisationId: row.organisationId };
  return { userId: row.payer };
}

/**
 * What a letter needs to know of the payment, refund or Help with Fees application a payments event is
 * about, read with the inbox transaction's manager, so the request is decided on the state it commits
 * with. The case's reference comes from the case-access projection (what cases announced).
 */
@Injectable()
export class CorrespondenceFactsRepository {
  async factsOf(manager: EntityManager, event: EventEnvelope): Promise<CorrespondenceFacts | undefined> {
    const day = londonLocalDate(new Date(event.time));
    const data = event.data as { paymentId?: string; refundId?: string; applicationId?: string; amountPence?: number };
    if (event.type === 'payments.payment-received.v1' && data.paymentId) {
      const p = await queryOne<PayerRow & { caseId: string | null; receivedAt: Date | null; reference: string | null }>(
        manager,
        sql`SELECT p.method, p.payer, p.organisation_id AS "organisationId", p.case_id AS "caseId",
              p.received_at AS "receivedAt", ca.reference
            FROM payments p LEFT JOIN case_access ca ON ca.case_id = p.case_id WHERE p.id = ${data.paymentId}`,
      );
      if (!p) return undefined;
      const recipient = payerOf(p);
      return {
        caseId: p.caseId,
        ...(recipient ? { recipient } : {}),
        day,
        values: {
          paymentReference: data.paymentId,
          amount: data.amountPence,
          receivedOn: p.receivedAt ? londonLocalDate(new Date(p.receivedAt)) : undefined,
          caseReference: p.reference ?? undefined,
          eventDay: day,
        },
      };
    }
    if (event.type === 'payments.refund-status-changed.v2' && data.refundId) {
      const r = await queryOne<{
        caseId: string | null;
        serviceRequestId: string | null;
        paidBackTo: string | null;
        reference: string | null;
      }>(
        manager,
        sql`SELECT r.case_id AS "caseId", r.service_request_id AS "serviceRequestId", r.paid_back_to AS "paidBackTo",
              ca.reference
            FROM refunds r LEFT JOIN case_access ca ON ca.case_id = r.case_id WHERE r.id = ${data.refundId}`,
      );
      if (!r) return undefined;
      // An ordinary refund goes back to the payment it was approved to go back to (paymentToRefundTo), whose
      // payer it is written to; a remedy's, from the courts' budget, to the case's last verified payer.
      const paidBy = r.paidBackTo
        ? await queryOne<PayerRow>(
            manager,
            sql`SELECT p.method, p.payer, p.organisation_id AS "organisationId" FROM payments p WHERE p.id = ${r.paidBackTo}`,
          )
        : r.serviceRequestId
          ? await queryOne<PayerRow>(
              manager,
              sql`SELECT p.method, p.payer, p.organisation_id AS "organisationId"
                  FROM allocations a JOIN payments p ON p.id = a.payment_id
                  WHERE a.service_request_id = ${r.serviceRequestId} AND a.status = 'verified'
                  ORDER BY a.allocated_at DESC LIMIT 1`,
            )
          : undefined;
      const recipient = paidBy ? payerOf(paidBy) : undefined;
      return {
        caseId: r.caseId,
        ...(recipient ? { recipient } : {}),
        day,
        values: {
          refundReference: data.refundId,
          amount: data.amountPence,
          caseReference: r.reference ?? undefined,
          eventDay: day,
        },
      };
    }
    if (event.type === 'payments.help-with-fees-concluded.v1' && data.applicationId) {
      const h = await queryOne<{
        caseId: string;
        appliedBy: string;
        firm: string | null;
        feePence: string;
        remittedPence: string;
        status: string;
        reference: string | null;
      }>(
        manager,
        sql`SELECT h.case_id AS "caseId", h.applied_by AS "appliedBy", h.applied_for_organisation AS firm,
              h.fee_pence AS "feePence",
              h.remitted_pence AS "remittedPence", h.status, ca.reference
            FROM hwf_applications h LEFT JOIN case_access ca ON ca.case_id = h.case_id WHERE h.id = ${data.applicationId}`,
      );
      if (!h) return undefined;
      const feePence = Number(h.feePence);
      // Refused, or failed its evidence check: nothing is remitted, whatever the assessment said.
      const remittedPence = h.status === 'decided' ? Number(h.remittedPence) : 0;
      return {
        caseId: h.caseId,
        // Whoever applied: the firm's client, for a professional's application (cases resolves the firm to
        // the party it represents on the side that pays), else the citizen who applied.
        recipient: h.firm ? { organisationId: h.firm } : { userId: h.appliedBy },
        day,
        values: {
          helpWithFeesReference: data.applicationId,
          feeAmount: feePence,
          remittedAmount: remittedPence,
          amountToPay: Math.max(0, feePence - remittedPence),
          caseReference: h.reference ?? undefined,
          eventDay: day,
        },
      };
    }
    return undefined;
  }
}
