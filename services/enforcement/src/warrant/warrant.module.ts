import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { WarrantController } from './api/warrant.controller';
import { WarrantResolver } from './api/warrant.resolver';
import { WarrantCommands } from './application/warrant.commands';
import { WarrantQueries } from './application/warrant.queries';
import { WarrantRepository } from './infrastructure/warrant.repository';
import { ClosedAccountWarrantsConsumer } from './consumers/closed-account.consumer';

/** Warrants: issued by an enforcement action, given to agents, executed, returned, withdrawn or expired. */
@Module({
  imports: [AccountModule],
  controllers: [WarrantController],
  providers: [WarrantResolver, WarrantCommands, WarrantQueries, WarrantRepository, ClosedAccountWarrantsConsumer],
  // An enforcement action that creates a warrant issues it.
  exports: [WarrantRepository],
})
export class WarrantModule {}
