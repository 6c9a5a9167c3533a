import { Directive, Field, Float, Int } from '@nestjs/graphql';
import { ObjectType } from '../../complaints.graphql';
import type { ComplaintsFigures, ComplaintsPeriodFigures } from '../domain/complaints-figures';

const RECEIVED = 'New complaints (stage 1) received in the period.';
const ANSWERED = 'Stage responses (stages 1 to 3) sent in the period, whenever the stage started.';
const ANSWERED_ON_TIME = 'Of the responses sent in the period, the ones sent by their deadline.';
const CLOSED = 'Complaints closed in the period.';
const UPHELD = 'Of those closed, the ones upheld or partially upheld at closing.';

@ObjectType('MiComplaintsByArea', {
  description: 'Complaints closed in the period whose root cause was fed back to one business area.',
})
export class MiComplaintsByAreaModel {
  @Field({ description: 'The business area the root cause was fed back to at closing, e.g. civil-listing.' })
  businessArea!: string;
  @Field(() => Int, { description: CLOSED }) closed!: number;
  @Field(() => Int, { description: UPHELD }) upheld!: number;
}

@ObjectType('MiComplaintsByCause', {
  description: 'Complaints closed in the period with one root-cause category.',
})
export class MiComplaintsByCauseModel {
  @Field({ description: 'The root-cause category recorded at closing, e.g. process-failure.' })
  cause!: string;
  @Field(() => Int, { description: CLOSED }) closed!: number;
  @Field(() => Int, { description: UPHELD }) upheld!: number;
}

@ObjectType('MiComplaintsPeriod', { description: 'The complaint figures of one day, week or month of the period.' })
export class MiComplaintsPeriodModel implements ComplaintsPeriodFigures {
  @Field({ description: 'Its first London day within the period, YYYY-MM-DD.' }) start!: string;
  @Field(() => Int, { description: RECEIVED }) received!: number;
  @Field(() => Int, { description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_ON_TIME }) answeredOnTime!: number;
}

@ObjectType('MiComplaints', {
  description:
    'Complaints in the period: received, answered on time, closed and upheld, by business area and root cause, and per thousand cases issued.',
})
export class MiComplaintsModel implements ComplaintsFigures {
  @Field(() => Int, { description: RECEIVED }) received!: number;
  @Field(() => Int, { description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_ON_TIME }) answeredOnTime!: number;
  @Field(() => Int, { description: CLOSED }) closed!: number;
  @Field(() => Int, { description: UPHELD }) upheld!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Complaints received per thousand cases issued in the same period (the cases section); null when no case was issued.',
  })
  perThousandCases!: number | null;
  @Field(() => [MiComplaintsByAreaModel], {
    description: 'Closed and upheld by the business area of the root cause, in name order; empty when none closed.',
  })
  byBusinessArea!: MiComplaintsByAreaModel[];
  @Field(() => [MiComplaintsByCauseModel], {
    description: 'Closed and upheld by root-cause category, in name order; empty when none closed.',
  })
  byCause!: MiComplaintsByCauseModel[];
  @Field(() => [MiComplaintsPeriodModel], {
    description: 'Received and answered in each day, week or month of the period, in order, a quiet one as zeros.',
  })
  periods!: MiComplaintsPeriodModel[];
}

/**
 * The cases section as this subgraph sees it: only the figure complaints are compared with, owned and
 * resolved by the cases subgraph, which the gateway fetches first (`@requires` on the complaints section).
 */
@ObjectType('MiCases', { description: 'Cases in the period (the cases section); here only what complaints need.' })
export class MiCasesIssuedModel {
  @Field(() => Int, { description: 'Cases issued in the period.' })
  @Directive('@external')
  issued!: number;
}
