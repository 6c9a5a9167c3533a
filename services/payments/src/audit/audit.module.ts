import { Module } from '@nestjs/common';
import { auditTrailSurface } from '@ccsc/audit';
import { paymentsGraphQL } from '../payments.graphql';

const surface = auditTrailSurface(paymentsGraphQL, 'payments');

/**
 * The payments part of the auditor's API (libs/audit): its section of the federated `AuditTrail`,
 * and its trail as CSV.
 */
@Module({ providers: [surface.resolver], controllers: [surface.controller] })
export class PaymentsAuditModule {}
