import { Module } from '@nestjs/common';
import { auditTrailSurface } from '@ccsc/audit';
import { complaintsGraphQL } from '../complaints.graphql';

const surface = auditTrailSurface(complaintsGraphQL, 'complaints');

/**
 * The complaints part of the auditor's API (libs/audit): its section of the federated `AuditTrail`,
 * and its trail as CSV.
 */
@Module({ providers: [surface.resolver], controllers: [surface.controller] })
export class ComplaintsAuditModule {}
