import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { BadUserInputError, PageParams } from '@ccsc/platform';
import { InputType } from '../../queries.graphql';
import { ENQUIRY_ID, MAX_REASON } from '../../enquiry/api/enquiry.inputs';
import { USER_ID } from '../../enquiry/api/enquiry.model';

const OFFICER = `The officer to give it to: ${USER_ID}.`;
const REASON = `Why, kept in the enquiry's history (at most ${MAX_REASON} characters). Optional.`;

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
  @Field({ description: OFFICER })
  @ApiProperty({ description: OFFICER, maxLength: 255, example: 'officer-sam' })
  @IsString()
  @Length(1, 255)
  officer!: string;
  @Field({ nullable: true, description: REASON })
  @ApiPropertyOptional({
    maxLength: MAX_REASON,
    description: REASON,
    example: 'Sam covers Welsh-language calls today.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('AssignEnquiryInput', {
  description: 'An enquiry and the officer a team leader gives it to (or moves it to from another officer).',
})
export class AssignEnquiryInput extends AssignmentBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/unassignment; with the enquiry id, the GraphQL `unassignEnquiry` input. */
@InputType({ isAbstract: true })
export class UnassignmentBody {
  @Field({ nullable: true, description: REASON })
  @ApiPropertyOptional({ maxLength: MAX_REASON, description: REASON, example: 'Going on leave until Monday.' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('UnassignEnquiryInput', {
  description: 'An enquiry to take from its officer and put back in its queue, and why.',
})
export class UnassignEnquiryInput extends UnassignmentBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/** GET /api/v1/queries/queues/{queueId}/enquiries: the queue is read from its head, without cursors. */
export class WorkQueueQuery extends PickType(PageParams, ['limit'] as const) {}
