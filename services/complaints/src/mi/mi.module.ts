import { Module } from '@nestjs/common';
import { ComplaintMiController } from './api/mi.controller';
import { ComplaintMiResolver } from './api/mi.resolver';
import { ComplaintMiQueries } from './application/mi.queries';
import { ComplaintFiguresRepository } from './infrastructure/complaint-figures.repository';

/** Daily and monthly complaint figures (MI) for the complaints team and the platform's reporting. */
@Module({
  controllers: [ComplaintMiController],
  providers: [ComplaintMiResolver, ComplaintMiQueries, ComplaintFiguresRepository],
})
export class MiModule {}
