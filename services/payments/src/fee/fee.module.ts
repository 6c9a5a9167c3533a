import { Module } from '@nestjs/common';
import { FeeController } from './api/fee.controller';
import { FeeResolver } from './api/fee.resolver';
import { FeeCommands } from './application/fee.commands';
import { FeeQueries } from './application/fee.queries';
import { FeeRepository } from './infrastructure/fee.repository';

/** The fees register: lookups for everyone, and changes that take effect only with a second person's approval. */
@Module({
  controllers: [FeeController],
  providers: [FeeResolver, FeeCommands, FeeQueries, FeeRepository],
  exports: [FeeRepository],
})
export class FeeModule {}
