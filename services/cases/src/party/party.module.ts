import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { PartyController } from './api/party.controller';
import { PartyResolver } from './api/party.resolver';
import { PartyCommands } from './application/party.commands';

/** The parties of a case and who represents them; a party is part of the case aggregate. */
@Module({
  imports: [CaseModule],
  controllers: [PartyController],
  providers: [PartyResolver, PartyCommands],
})
export class PartyModule {}
