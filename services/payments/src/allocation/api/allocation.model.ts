import { ApiProperty } from '@nestjs/swagger';
import { CURSOR_EXAMPLE, NEXT_CURSOR, PAYMENT_ID, PAYMENT_METHOD, PENCE, UTC_INSTANT } from '../../api-descriptions';
import { AllocationModel } from '../../payment/api/payment.model';
import { PAYMENT_METHODS } from '../../payment/domain/payment';

// The officers' two queues over REST. Their items are the allocation itself, or the part of a payment an
// officer needs to place it; GraphQL has no queue of its own.

const QUEUE_AMOUNT = `What was received. ${PENCE}`;
const QUEUE_UNALLOCATED = `What no verified allocation has placed yet (an allocation awaiting verification still counts here). ${PENCE}`;
const QUEUE_REFERENCE =
  'What was written on the slip: its reference, else the case reference as scanned. Null when it came with neither.';
const QUEUE_FINE_ACCOUNT = 'The fine account number written on the slip, as scanned. Null when it came with none.';
const QUEUE_RECEIVED_AT = `When the money was received. ${UTC_INSTANT}`;

/** A payment in the unallocated queue, as `GET /api/v1/payments/unallocated` lists it. */
export class UnallocatedPaymentModel {
  @ApiProperty({ description: PAYMENT_ID, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PAYMENT_METHODS, description: PAYMENT_METHOD, example: 'cheque' }) method!: string;
  @ApiProperty({ description: QUEUE_AMOUNT, example: 45500 }) amountPence!: number;
  @ApiProperty({ description: QUEUE_UNALLOCATED, example: 45500 }) unallocatedPence!: number;
  @ApiProperty({ type: String, nullable: true, description: QUEUE_REFERENCE, example: 'J SMITH CLAIM FEE' })
  reference!: string | null;
  @ApiProperty({ type: String, nullable: true, description: QUEUE_FINE_ACCOUNT, example: 'FA00012345E' })
  fineAccountNumber!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: QUEUE_RECEIVED_AT }) receivedAt!: Date | null;
}

/** A page of the unallocated queue. */
export class UnallocatedPageModel {
  @ApiProperty({
    type: [UnallocatedPaymentModel],
    description:
      'Payments received and not reversed whose amount allocations (verified, or awaiting verification) do not yet take in full, oldest first.',
  })
  items!: UnallocatedPaymentModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

/** A page of allocations awaiting a second officer. */
export class AllocationPageModel {
  @ApiProperty({
    type: [AllocationModel],
    description: 'Allocations awaiting verification, oldest first; verify only those you did not make.',
  })
  items!: AllocationModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}
