import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { WarrantModule } from '../warrant/warrant.module';
import { ActionController } from './api/action.controller';
import { FineAccountActionsResolver } from './api/action.resolver';
import { ActionCommands } from './application/action.commands';
import { ActionQueries } from './application/action.queries';
import { ActionRepository } from './infrastructure/action.repository';

/** Enforcement actions an officer takes on an account, by the rules of which may follow which. */
@Module({
  imports: [AccountModule, WarrantModule],
  controllers: [ActionController],
  providers: [FineAccountActionsResolver, ActionCommands, ActionQueries, ActionRepository],
})
export class ActionModule {}
