import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { ResultController } from './api/result.controller';
import { ResultResolver } from './api/result.resolver';
import { ResultCommands } from './application/result.commands';
import { ResultRepository } from './infrastructure/result.repository';

/** Court results: the case moves on, and financial impositions go to enforcement as an event. */
@Module({
  imports: [CaseModule],
  controllers: [ResultController],
  providers: [ResultResolver, ResultCommands, ResultRepository],
})
export class ResultModule {}
