import { Module } from '@nestjs/common';
import { MiController } from './api/mi.controller';
import { MiQueries } from './application/mi.queries';
import { MiRepository } from './infrastructure/mi.repository';

/** Management information over the book of fine accounts. */
@Module({
  controllers: [MiController],
  providers: [MiQueries, MiRepository],
})
export class MiModule {}
