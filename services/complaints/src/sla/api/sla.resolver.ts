import { Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { SLA_RUNNERS } from '../../roles';
import { ComplaintSlaRun } from '../application/sla.commands';
import { ComplaintSlaRunModel } from './sla.model';

@Resolver(() => ComplaintSlaRunModel)
export class ComplaintSlaResolver {
  constructor(private readonly sla: ComplaintSlaRun) {}

  @Mutation(() => ComplaintSlaRunModel, {
    description:
      'Refreshes the at-risk and breached flags of every unanswered stage now (the scheduler does it on an interval).',
  })
  @Roles(...SLA_RUNNERS)
  runComplaintSla() {
    return this.sla.run();
  }
}
