import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { ComplaintModule } from '../complaint/complaint.module';
import { ComplaintSearchController } from './api/complaint-search.controller';
import { ComplaintSearchResolver } from './api/complaint-search.resolver';
import { ComplaintSearch } from './application/complaint-search.queries';
import { ComplaintSearchRepository } from './infrastructure/complaint-search.repository';

/**
 * Complaint search. complaints.module.ts imports this module right before ComplaintModule, so Nest
 * registers its controller first: ComplaintController's `GET :id` would otherwise take /search. (Nest
 * registers ComplaintModule as soon as it meets this module, which imports it: so this one comes after
 * the SLA and MI modules, whose routes must come before the complaint's too.)
 */
@Module({
  imports: [ComplaintModule, CaseAccessModule],
  controllers: [ComplaintSearchController],
  providers: [ComplaintSearchResolver, ComplaintSearch, ComplaintSearchRepository],
})
export class SearchModule {}
