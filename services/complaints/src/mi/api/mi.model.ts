import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../complaints.graphql';

@ObjectType('ComplaintStageFigures')
export class StageFiguresModel {
  @Field(() => Int) @ApiProperty() stage!: number;
  @Field(() => Int, { description: 'Stages started in the period.' }) @ApiProperty() received!: number;
  @Field(() => Int) @ApiProperty() answered!: number;
  @Field(() => Int) @ApiProperty() answeredOnTime!: number;
}

@ObjectType('ComplaintOutcomeFigures', {
  description: 'Complaints closed in the period, by category and business area.',
})
export class OutcomeFiguresModel {
  @Field() @ApiProperty() category!: string;
  @Field() @ApiProperty() businessArea!: string;
  @Field(() => Int) @ApiProperty() closed!: number;
  @Field(() => Int) @ApiProperty() upheld!: number;
  @Field(() => Int) @ApiProperty() partiallyUpheld!: number;
  @Field(() => Int) @ApiProperty() notUpheld!: number;
  @Field(() => Int, { description: 'Upheld or partially upheld, in whole per cent of those closed.' })
  @ApiProperty()
  upheldRatePercent!: number;
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
