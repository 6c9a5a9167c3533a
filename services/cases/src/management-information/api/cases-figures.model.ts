import { Field, Float, Int } from '@nestjs/graphql';
import { ObjectType } from '../../cases.graphql';
import type { CasesByType, CasesFigures, CasesPeriod } from '../domain/cases-figures';

// `within` says over what: the whole period, one case type's cases in it, or one bucket.
const issued = (within: string) =>
  `Cases issued ${within}: the issue event of their case type (civil money claims, divorce), as recorded in the case's history. Case types without an issue step (appeals, probate, prosecutions...) issue none.`;
const progressed = (within: string) =>
  `Changes of state other than being issued or closed, ${within}: a submission, service, a listing, a stay...`;
const closed = (within: string) =>
  `Cases that entered a final state of their case type, ${within}: closed, withdrawn, struck out, a grant issued, rejected...`;
const medianDaysToIssue = (within: string) =>
  `The median number of whole London calendar days from a case's creation to its issue, over the cases issued ${within}; halfway between the middle two when their number is even. Null when none was issued.`;

const PERIOD = 'in the period';
const OF_TYPE = 'in the period, of this case type';
const BUCKET = 'in this bucket';

@ObjectType('MiCasesByType', { description: 'The cases section for one case type with any activity in the period.' })
export class MiCasesByTypeModel implements CasesByType {
  @Field({ description: 'The case type’s id (`civil-money-claim`, `divorce`...).' }) caseType!: string;
  @Field(() => Int, { description: issued(OF_TYPE) }) issued!: number;
  @Field(() => Int, { description: progressed(OF_TYPE) }) progressed!: number;
  @Field(() => Int, { description: closed(OF_TYPE) }) closed!: number;
  @Field(() => Float, { nullable: true, description: medianDaysToIssue(OF_TYPE) })
  medianDaysToIssue!: number | null;
}

@ObjectType('MiCasesPeriod', { description: 'The cases section for one bucket of the period.' })
export class MiCasesPeriodModel implements CasesPeriod {
  @Field({ description: 'The bucket’s first London day within the period, YYYY-MM-DD.' }) start!: string;
  @Field(() => Int, { description: issued(BUCKET) }) issued!: number;
  @Field(() => Int, { description: progressed(BUCKET) }) progressed!: number;
  @Field(() => Int, { description: closed(BUCKET) }) closed!: number;
}

@ObjectType('MiCases', {
  description:
    'Cases issued, progressed and closed in the period, from the changes of state the cases service recorded: the whole period, by case type, and by bucket.',
})
export class MiCasesModel implements CasesFigures {
  @Field(() => Int, { description: issued(PERIOD) }) issued!: number;
  @Field(() => Int, { description: progressed(PERIOD) }) progressed!: number;
  @Field(() => Int, { description: closed(PERIOD) }) closed!: number;
  @Field(() => Float, { nullable: true, description: medianDaysToIssue(PERIOD) })
  medianDaysToIssue!: number | null;
  @Field(() => [MiCasesByTypeModel], {
    description: 'The same figures per case type: only case types with any activity in the period, by id.',
  })
  byCaseType!: MiCasesByTypeModel[];
  @Field(() => [MiCasesPeriodModel], {
    description: 'The counts per bucket, every bucket of the period in order (a quiet one as zeros).',
  })
  periods!: MiCasesPeriodModel[];
}
