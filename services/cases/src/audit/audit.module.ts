import { Module } from '@nestjs/common';
import { auditTrailSurface } from '@ccsc/audit';
import { casesGraphQL } from '../cases.graphql';

const surface = auditTrailSurface(casesGraphQL, 'cases', { root: true });

/**
 * The cases part of the auditor's API (libs/audit): its section of the federated `AuditTrail` and the root `auditTrail(filter)` field,
 * and its trail as CSV.
 */
@Module({ providers: [surface.resolver], controllers: [surface.controller] })
export class CasesAuditModule {}
