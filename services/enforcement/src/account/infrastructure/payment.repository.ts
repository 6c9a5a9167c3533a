import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, Sql, sql } from '@ccsc/platform';
import type { AllocationLine, SuspenseReason } from '../domain/fine-account';

export interface AppliedPayment {
  paymentId: string;
  amountPence: number;
  source: string;
  receivedAt: Date;
  reversed: boolean;
}

export interface PaymentApplicationRow {
  applicationId: string;
  paymentId: string;
  accountId: string;
  amountPence: number;
  source: 'payments' | 'warrant';
  method: string | null;
  receivedAt: Date;
  appliedAt: Date;
  /** The version of the account's terms it was applied under (the account is locked meanwhile). */
  termsVersion: number;
}

export interface SuspendedPayment {
  /** The item's own id (see migration 1733000500000). */
  id: string;
  applicationId: string;
  paymentId: string;
  accountNumber: string;
  amountPence: number;
  reason: SuspenseReason;
  source: 'payments' | 'warrant';
  method: string | null;
  receivedAt: Date;
  suspendedAt: Date;
}

/** Which applications of a payment: all of them, or one allocation's (see PaymentApplication.reverse). */
export interface ApplicationsOf {
  paymentId: string;
  allocationId?: string;
}

/**
 * Payments applied to fine accounts (with the lines that say what each imposition got) and those
 * held in suspense; writes take the transaction's EntityManager.
 */
@Injectable()
export class PaymentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when the application was applied or suspended before. */
  async seen(manager: EntityManager, applicationId: string): Promise<boolean> {
    const rows = await query<unknown>(
      manager,
      sql`SELECT 1 FROM fine_payments WHERE application_id = ${applicationId}
          UNION ALL SELECT 1 FROM suspense_payments WHERE application_id = ${applicationId}`,
    );
    return rows.length > 0;
  }

  async suspend(manager: EntityManager, s: SuspendedPayment): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO suspense_payments
            (id, application_id, payment_id, account_number, amount_pence, reason, source, method, received_at,
             suspended_at)
          VALUES (${s.id}, ${s.applicationId}, ${s.paymentId}, ${s.accountNumber}, ${s.amountPence}, ${s.reason},
                  ${s.source}, ${s.method}, ${s.receivedAt}, ${s.suspendedAt})`,
    );
  }

  /** The application and its lines, and what each imposition got from it. */
  async apply(manager: EntityManager, p: PaymentApplicationRow, lines: readonly AllocationLine[]): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO fine_payments
            (application_id, payment_id, account_id, amount_pence, source, method, received_at, applied_at, terms_version)
          VALUES (${p.applicationId}, ${p.paymentId}, ${p.accountId}, ${p.amountPence}, ${p.source}, ${p.method},
                  ${p.receivedAt}, ${p.appliedAt}, ${p.termsVersion})`,
    );
    const impositionIds = lines.map((l) => l.impositionId);
    const amounts = lines.map((l) => l.amountPence);
    await execute(
      manager,
      sql`INSERT INTO fine_payment_lines (application_id, payment_id, imposition_id, amount_pence)
          SELECT ${p.applicationId}, ${p.paymentId}, i, a
            FROM unnest(${impositionIds}::uuid[], ${amounts}::bigint[]) AS t(i, a)`,
    );
    await execute(
      manager,
      sql`UPDATE fine_impositions i SET paid_pence = i.paid_pence + t.a
            FROM unnest(${impositionIds}::uuid[], ${amounts}::bigint[]) AS t(id, a) WHERE i.id = t.id`,
    );
  }

  /**
   * Marks the payment's applications (and suspense) reversed; the applications that had counted on
   * an account. One allocation's application is keyed by its allocation, or by the payment id when
   * it is a warrant's or from before allocations were recorded; what an officer later allocated from
   * its suspense is keyed by that item's id, and so on down the chain (an allocation's overpayment
   * is suspended, and may be allocated, in its turn), so all of it goes back with the allocation.
   */
  async reverse(
    manager: EntityManager,
    of: ApplicationsOf,
    at: Date,
  ): Promise<
    { applicationId: string; accountId: string; amountPence: number; appliedAt: Date; termsVersion: number | null }[]
  > {
    const which: Sql = of.allocationId
      ? sql`payment_id = ${of.paymentId} AND application_id IN (
              WITH RECURSIVE chain (id) AS (
                SELECT unnest(ARRAY[${of.allocationId}::uuid, ${of.paymentId}::uuid])
                UNION SELECT s.id FROM suspense_payments s JOIN chain c ON s.application_id = c.id
                        WHERE s.payment_id = ${of.paymentId} AND s.state = 'allocated')
              SELECT id FROM chain)`
      : sql`payment_id = ${of.paymentId}`;
    await execute(
      manager,
      sql`UPDATE suspense_payments SET reversed_at = ${at} WHERE ${which} AND reversed_at IS NULL`,
    );
    const rows = await query<{
      application_id: string;
      account_id: string;
      amount: number;
      applied_at: Date;
      terms_version: number | null;
    }>(
      manager,
      sql`UPDATE fine_payments SET reversed_at = ${at} WHERE ${which} AND reversed_at IS NULL
          RETURNING application_id, account_id, amount_pence::int AS amount, applied_at, terms_version`,
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      accountId: r.account_id,
      amountPence: r.amount,
      appliedAt: r.applied_at,
      termsVersion: r.terms_version,
    }));
  }

  /** Takes back from each imposition exactly what the application gave it. */
  async takeBackLines(manager: EntityManager, applicationId: string): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fine_impositions i SET paid_pence = i.paid_pence - l.amount_pence
            FROM fine_payment_lines l WHERE l.application_id = ${applicationId} AND l.imposition_id = i.id`,
    );
  }

  async ofAccount(accountId: string): Promise<AppliedPayment[]> {
    const rows = await query<{
      payment_id: string;
      amount_pence: number;
      source: string;
      received_at: Date;
      reversed: boolean;
    }>(
      this.dataSource,
      sql`SELECT payment_id, amount_pence::int AS amount_pence, source, received_at, reversed_at IS NOT NULL AS reversed
            FROM fine_payments WHERE account_id = ${accountId} ORDER BY received_at, payment_id`,
    );
    return rows.map((r) => ({
      paymentId: r.payment_id,
      amountPence: r.amount_pence,
      source: r.source,
      receivedAt: r.received_at,
      reversed: r.reversed,
    }));
  }
}
