import { Module } from '@nestjs/common';
import { IdentityController } from './api/identity.controller';
import { IdentityResolver } from './api/identity.resolver';
import { PartyIdentities } from './application/party-identities';
import { IdentityRepository } from './infrastructure/identity.repository';

/** One person or organisation across cases: staff match parties, and see every case of the person. */
@Module({
  controllers: [IdentityController],
  providers: [IdentityResolver, PartyIdentities, IdentityRepository],
})
export class IdentityModule {}
