import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PENCE, PageParams } from '@ccsc/platform';
import { WARRANT_STATUSES, WarrantChange, WarrantStatus } from '../domain/warrant';
import { InputType } from '../../enforcement.graphql';

const STATUS = `The warrant's new status, one of ${WARRANT_STATUSES.join(', ')}: an issued warrant may go with-agent, withdrawn or expired; one with an agent executed, returned-unexecuted, withdrawn or expired. Only the agency holding it reports it executed; an agency reports only executed or returned-unexecuted.`;
const AGENT =
  "With status with-agent, and only then: the enforcement agency it is given to, the organisation (`org`) its agents' tokens name (1 to 64 characters). Given with any other status it is refused.";
const COLLECTED =
  'With status executed (and only then): what it collected, in pence (a whole number, at least 1); it is applied to the account as a payment.';

@InputType('RecordWarrantOutcomeInput', {
  description: "A warrant's new status, with the agent it is given to or what its execution collected.",
})
export class WarrantOutcomeBody {
  @Field(() => String, { description: STATUS })
  @ApiProperty({ enum: WARRANT_STATUSES, description: STATUS, example: 'with-agent' })
  @IsIn(WARRANT_STATUSES)
  status!: WarrantStatus;
  @Field({ nullable: true, description: AGENT })
  @ApiPropertyOptional({ description: AGENT, example: 'agency-marston' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agent?: string;
  @Field(() => Int, { nullable: true, description: COLLECTED })
  @ApiPropertyOptional({ description: COLLECTED })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  collectedPence?: number;
}

/** The change as the domain knows it: GraphQL passes an explicit null for a field not given. */
export function warrantChangeFrom(body: WarrantOutcomeBody): WarrantChange {
  return {
    status: body.status,
    ...(body.agent != null ? { agent: body.agent } : {}),
    ...(body.collectedPence != null ? { collectedPence: body.collectedPence } : {}),
  };
}

class WarrantFilterParams {
  @ApiPropertyOptional({ enum: WARRANT_STATUSES, description: 'Only warrants in this status.' })
  @IsOptional()
  @IsIn(WARRANT_STATUSES)
  status?: WarrantStatus;
  @ApiPropertyOptional({
    description:
      "For staff: only the warrants given to this agency (its `org`). An enforcement agency's own token always sees only its own.",
    example: 'agency-marston',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agent?: string;
}
export class WarrantListQuery extends IntersectionType(WarrantFilterParams, PageParams) {}
