import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { WriteOffController } from './api/write-off.controller';
import { FineWriteOffResolver } from './api/write-off.resolver';
import { WriteOffCommands } from './application/write-off.commands';
import { WriteOffRepository } from './infrastructure/write-off.repository';
import { ClosedAccountWriteOffsConsumer } from './consumers/closed-account.consumer';

/** Write-offs: asked for by one officer, decided by another within their limit. */
@Module({
  imports: [AccountModule],
  controllers: [WriteOffController],
  providers: [FineWriteOffResolver, WriteOffCommands, WriteOffRepository, ClosedAccountWriteOffsConsumer],
})
export class WriteOffModule {}
