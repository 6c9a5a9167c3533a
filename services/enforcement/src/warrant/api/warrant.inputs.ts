import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { WARRANT_STATUSES, WarrantChange, WarrantStatus } from '../domain/warrant';
import { InputType } from '../../enforcement.graphql';

@InputType('RecordWarrantOutcomeInput')
export class WarrantOutcomeBody {
  @Field(() => String, { description: `One of ${WARRANT_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: WARRANT_STATUSES })
  @IsIn(WARRANT_STATUSES)
  status!: WarrantStatus;
  @Field({ nullable: true, description: 'The enforcement agent the warrant is given to.' })
  @ApiPropertyOptional({ description: 'The enforcement agent the warrant is given to.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agent?: string;
  @Field(() => Int, { nullable: true, description: 'What an executed warrant collected, in pence.' })
  @ApiPropertyOptional({ description: 'What an executed warrant collected, in pence.' })
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
