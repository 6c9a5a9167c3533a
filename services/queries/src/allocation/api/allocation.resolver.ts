import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '@ccsc/platform';
import { AllocationCommands } from '../application/allocation.commands';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_ID, EscalateEnquiryInput } from '../../enquiry/api/enquiry.inputs';
import { OFFICERS } from '../../roles';
import { OfficerWorkloadModel, QUEUE_CODE, WorkQueueModel } from './allocation.model';
import { AssignEnquiryInput, checkedQueue, UnassignEnquiryInput } from './allocation.inputs';

@Resolver()
export class AllocationResolver {
  constructor(
    private readonly commands: AllocationCommands,
    private readonly queries: EnquiryQueries,
  ) {}

  @Query(() => [WorkQueueModel], { description: 'The queues and how much waits in each.' })
  @Roles(...OFFICERS)
  workQueues() {
    return this.queries.queues();
  }

  @Query(() => [EnquiryModel], {
    description: 'Unassigned work of a queue in next-task order: major priority, priority date, minor priority.',
  })
  @Roles(...OFFICERS)
  async workQueue(
    @Args('queueId', { description: QUEUE_CODE }) queueId: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.queries.queue(checkedQueue(queueId), pageSize(first), principal)).map((x) =>
      EnquiryModel.from(x, principal),
    );
  }

  @Query(() => [OfficerWorkloadModel], { description: 'Open enquiries per officer.' })
  @Roles(...OFFICERS)
  workload() {
    return this.queries.workload();
  }

  @Mutation(() => EnquiryModel, { description: 'Takes an enquiry waiting in a queue.' })
  @Roles(...OFFICERS)
  async claimEnquiry(
    @Args('enquiryId', { type: () => ID, description: ENQUIRY_ID }) enquiryId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.claim(assertUuid(enquiryId, 'enquiryId'), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, {
    nullable: true,
    description: 'Takes the next task of a queue; null when nothing waits in it that you may take.',
  })
  @Roles(...OFFICERS)
  async takeNextEnquiry(
    @Args('queueId', { description: QUEUE_CODE }) queueId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const taken = await this.commands.next(checkedQueue(queueId), principal, correlationId);
    return taken && EnquiryModel.from(taken, principal);
  }

  @Mutation(() => EnquiryModel, { description: 'A team leader assigns or reassigns an enquiry.' })
  @Roles(...OFFICERS)
  async assignEnquiry(
    @Args('input', { description: 'The enquiry, the officer and why.' }) input: AssignEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.assign(input.enquiryId, input.officer, principal, input.reason ?? undefined, correlationId),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, { description: 'Puts an enquiry back in its queue (its officer, or a team leader).' })
  @Roles(...OFFICERS)
  async unassignEnquiry(
    @Args('input', { description: 'The enquiry and why.' }) input: UnassignEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.unassign(input.enquiryId, principal, input.reason ?? undefined, correlationId),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, {
    description: 'Escalates to a team leader or to the judicial / case-directions team, with a reason.',
  })
  @Roles(...OFFICERS)
  async escalateEnquiry(
    @Args('input', { description: 'The enquiry, to whom and why.' }) input: EscalateEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.escalate(input.enquiryId, input.to, input.reason, principal, correlationId),
      principal,
    );
  }
}
