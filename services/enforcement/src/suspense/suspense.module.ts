import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { SuspenseController } from './api/suspense.controller';
import { SuspenseResolver } from './api/suspense.resolver';
import { SuspenseCommands } from './application/suspense.commands';
import { SuspenseQueries } from './application/suspense.queries';
import { SuspenseEventsConsumer } from './consumers/suspense-events.consumer';
import { SuspenseRepository } from './infrastructure/suspense.repository';

/** Suspense: payments no account could take, allocated by an officer or refunded to the payer. */
@Module({
  imports: [AccountModule],
  controllers: [SuspenseController],
  providers: [SuspenseResolver, SuspenseCommands, SuspenseQueries, SuspenseEventsConsumer, SuspenseRepository],
})
export class SuspenseModule {}
