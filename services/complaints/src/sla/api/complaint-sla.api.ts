import { Controller, HttpCode, Post } from '@nestjs/common';
import { Field, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ObjectType } from '../../complaints.graphql';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { COMPLAINT_STAFF } from '../../complaint/domain/complaint-access';
import { ComplaintSlaRun } from '../application/complaint-sla.run';

@ObjectType('ComplaintSlaRun', { description: 'What one run of the complaint stage flags changed.' })
export class ComplaintSlaRunModel {
  @Field() @ApiProperty() ranAt!: Date;
  @Field(() => Int, { description: 'Stages whose at-risk flag turned on or off.' }) @ApiProperty() atRiskChanged!: number;
  @Field(() => Int, { description: 'Stages newly past their deadline, each announced once.' }) @ApiProperty() breached!: number;
}

const SLA_RUNNERS = [...COMPLAINT_STAFF, 'system' as const];

@Resolver(() => ComplaintSlaRunModel)
export class ComplaintSlaResolver {
  constructor(private readonly sla: ComplaintSlaRun) {}

  @Mutation(() => ComplaintSlaRunModel, { description: 'Refreshes the at-risk and breached flags of every unanswered stage now (the scheduler does it on an interval).' })
  @Roles(...SLA_RUNNERS)
  runComplaintSla() {
    return this.sla.run();
  }
}

@ApiTags('complaints')
@Controller('api/v1/complaints/sla')
export class ComplaintSlaController {
  constructor(private readonly sla: ComplaintSlaRun) {}

  @Post('runs')
  @HttpCode(200)
  @Roles(...SLA_RUNNERS)
  @ApiOperation({ summary: 'Refresh the at-risk and breached flags of every unanswered stage now' })
  @ApiOkResponse({ type: ComplaintSlaRunModel })
  run() {
    return this.sla.run();
  }
}
