import { Controller, Get, Param, Query } from '@nestjs/common';
import { Args, Field, Int, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { ArgsType, ObjectType } from '../../complaints.graphql';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { Roles } from '@ccsc/auth';
import { BadUserInputError } from '@ccsc/platform';
import { COMPLAINT_STAFF } from '../../complaint/domain/complaint-access';
import { ComplaintMiQueries, type MiPeriod } from '../application/complaint-mi';

@ObjectType('ComplaintStageFigures')
export class StageFiguresModel {
  @Field(() => Int) @ApiProperty() stage!: number;
  @Field(() => Int, { description: 'Stages started in the period.' }) @ApiProperty() received!: number;
  @Field(() => Int) @ApiProperty() answered!: number;
  @Field(() => Int) @ApiProperty() answeredOnTime!: number;
}

@ObjectType('ComplaintOutcomeFigures', { description: 'Complaints closed in the period, by category and business area.' })
export class OutcomeFiguresModel {
  @Field() @ApiProperty() category!: string;
  @Field() @ApiProperty() businessArea!: string;
  @Field(() => Int) @ApiProperty() closed!: number;
  @Field(() => Int) @ApiProperty() upheld!: number;
  @Field(() => Int) @ApiProperty() partiallyUpheld!: number;
  @Field(() => Int) @ApiProperty() notUpheld!: number;
  @Field(() => Int, { description: 'Upheld or partially upheld, in whole per cent of those closed.' }) @ApiProperty() upheldRatePercent!: number;
}

@ObjectType('ComplaintMi', { description: 'Daily or monthly complaint figures (London days).' })
export class ComplaintMiModel {
  @Field() @ApiProperty({ enum: ['day', 'month'] }) period!: string;
  @Field() @ApiProperty({ example: '2025-12' }) start!: string;
  @Field() @ApiProperty() from!: Date;
  @Field() @ApiProperty() to!: Date;
  @Field(() => Int, { description: 'New complaints (stage 1) received.' }) @ApiProperty() received!: number;
  @Field(() => [StageFiguresModel]) @ApiProperty({ type: [StageFiguresModel] }) stages!: StageFiguresModel[];
  @Field(() => [OutcomeFiguresModel]) @ApiProperty({ type: [OutcomeFiguresModel] }) outcomes!: OutcomeFiguresModel[];
}

@ArgsType()
export class ComplaintMiArgs {
  @Field(() => String, { description: 'day or month.' }) @IsIn(['day', 'month']) period!: MiPeriod;
  @Field({ description: 'The day (YYYY-MM-DD) or month (YYYY-MM).' }) @IsString() @Length(7, 10) start!: string;
}

export class ComplaintMiQuery {
  @ApiProperty({ example: '2025-12', description: 'The day (YYYY-MM-DD) or month (YYYY-MM).' }) @IsString() @Length(7, 10) start!: string;
}

const MI_READERS = [...COMPLAINT_STAFF, 'system' as const];

@Resolver(() => ComplaintMiModel)
export class ComplaintMiResolver {
  constructor(private readonly mi: ComplaintMiQueries) {}

  @GqlQuery(() => ComplaintMiModel, { description: 'Complaint figures for a London day or month: received, answered on time per stage, upheld rate by category and area.' })
  @Roles(...MI_READERS)
  complaintsMi(@Args() args: ComplaintMiArgs) {
    return this.mi.figures(args.period, args.start);
  }
}

@ApiTags('complaints')
@Controller('api/v1/complaints/mi')
export class ComplaintMiController {
  constructor(private readonly mi: ComplaintMiQueries) {}

  @Get(':period')
  @Roles(...MI_READERS)
  @ApiOperation({ summary: 'Complaint figures for a London day (`day`) or month (`month`)' })
  @ApiOkResponse({ type: ComplaintMiModel })
  figures(@Param('period') period: string, @Query() query: ComplaintMiQuery) {
    if (period !== 'day' && period !== 'month') throw new BadUserInputError('Unknown period', [{ field: 'period', message: 'must be day or month' }]);
    return this.mi.figures(period, query.start);
  }
}
