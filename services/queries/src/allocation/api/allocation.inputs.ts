import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { BadUserInputError, PageParams } from '@ccsc/platform';
import { InputType } from '../../queries.graphql';
import { MAX_REASON } from '../../enquiry/api/enquiry.inputs';

const QUEUE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A queue code from a path or an argument: anything else is refused before it reaches the database. */
export function checkedQueue(queueId: string, field = 'queueId'): string {
  if (!QUEUE_ID.test(queueId))
    throw new BadUserInputError('Invalid queue', [{ field, message: 'must be a queue code, e.g. general' }]);
  return queueId;
}

/** POST /api/v1/queries/enquiries/{id}/assignment; with the enquiry id, the GraphQL `assignEnquiry` input. */
@InputType({ isAbstract: true })
export class AssignmentBody {
  @Field({ description: "The officer's user id." })
  @ApiProperty({ description: "The officer's user id.", maxLength: 255 })
  @IsString()
  @Length(1, 255)
  officer!: string;
  @Field({ nullable: true })
  @ApiPropertyOptional({ maxLength: MAX_REASON })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('AssignEnquiryInput')
export class AssignEnquiryInput extends AssignmentBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/unassignment; with the enquiry id, the GraphQL `unassignEnquiry` input. */
@InputType({ isAbstract: true })
export class UnassignmentBody {
  @Field({ nullable: true })
  @ApiPropertyOptional({ maxLength: MAX_REASON })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('UnassignEnquiryInput')
export class UnassignEnquiryInput extends UnassignmentBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/** GET /api/v1/queries/queues/{queueId}/enquiries: the queue is read from its head, without cursors. */
export class WorkQueueQuery extends PickType(PageParams, ['limit'] as const) {}
