import { Module } from '@nestjs/common';
import { auditTrailSurface } from '@ccsc/audit';
import { enforcementGraphQL } from '../enforcement.graphql';

const surface = auditTrailSurface(enforcementGraphQL, 'enforcement');

/**
 * The enforcement part of the auditor's API (libs/audit): its section of the federated `AuditTrail`,
 * and its trail as CSV.
 */
@Module({ providers: [surface.resolver], controllers: [surface.controller] })
export class EnforcementAuditModule {}
