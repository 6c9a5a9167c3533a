import { Module } from '@nestjs/common';
import { auditTrailSurface } from '@ccsc/audit';
import { queriesGraphQL } from '../queries.graphql';

const surface = auditTrailSurface(queriesGraphQL, 'queries');

/**
 * The queries part of the auditor's API (libs/audit): its section of the federated `AuditTrail`,
 * and its trail as CSV.
 */
@Module({ providers: [surface.resolver], controllers: [surface.controller] })
export class QueriesAuditModule {}
