import { Field, Float, Int } from '@nestjs/graphql';
import { ObjectType } from '../../enforcement.graphql';

// Each flow is counted in the period its act was recorded (London days), so a past period's figures never
// change: the state of the whole book on a day is the other enforcement MI (GET /api/v1/enforcement/mi).
const IMPOSED =
  "Impositions recorded in the period, in pence: an account's own when it was opened and any added later (a fixed penalty's increase). What consolidation moves onto another account is not imposed again.";
const COLLECTED =
  'Payments applied to fine accounts in the period, in pence (through payments and by enforcement agents), less payments taken back in the period (bounced, charged back or transferred away): a reversal counts when it is made, not in the period of the payment it takes back, so the figure may be below zero. Money held in suspense counts once it is applied to an account.';
const WRITTEN_OFF =
  'Write-offs approved in the period, in pence (by a second person: requested or rejected ones do not count).';

@ObjectType('MiFinesByUnit', { description: "One business unit's fine money in the period." })
export class MiFinesByUnitModel {
  @Field({ description: 'The business unit that administers the accounts.' })
  businessUnit!: string;
  @Field(() => Int, { description: IMPOSED })
  imposedPence!: number;
  @Field(() => Int, { description: COLLECTED })
  collectedPence!: number;
  @Field(() => Int, { description: WRITTEN_OFF })
  writtenOffPence!: number;
}

@ObjectType('MiFinesPeriod', { description: 'The fine money of one bucket of the period (a day, week or month).' })
export class MiFinesPeriodModel {
  @Field({ description: "The bucket's first day within the period, YYYY-MM-DD (London)." })
  start!: string;
  @Field(() => Int, { description: IMPOSED })
  imposedPence!: number;
  @Field(() => Int, { description: COLLECTED })
  collectedPence!: number;
  @Field(() => Int, { description: WRITTEN_OFF })
  writtenOffPence!: number;
}

@ObjectType('MiFines', {
  description:
    'What happened to fine accounts in the period (flows), from the enforcement service: not the state of the whole book on a day (that is `GET /api/v1/enforcement/mi`).',
})
export class MiFinesModel {
  @Field(() => Int, { description: 'Fine accounts opened in the period (from a court result or a fixed penalty).' })
  accountsOpened!: number;
  @Field(() => Int, { description: IMPOSED })
  imposedPence!: number;
  @Field(() => Int, { description: COLLECTED })
  collectedPence!: number;
  @Field(() => Int, { description: WRITTEN_OFF })
  writtenOffPence!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "collectedPence / imposedPence * 100 for the period, to two decimal places; null when nothing was imposed. The period's flow ratio (what came in against what was imposed in the same period, whenever that was imposed), not the book's collection rate: it may pass 100 or fall below 0.",
  })
  collectionRatePercent!: number | null;
  @Field(() => [MiFinesByUnitModel], {
    description: 'The money by business unit: every unit with anything recorded in the period, ordered by unit.',
  })
  byBusinessUnit!: MiFinesByUnitModel[];
  @Field(() => [MiFinesPeriodModel], {
    description: 'The money of each bucket of the period, in order; a quiet one as zeros.',
  })
  periods!: MiFinesPeriodModel[];
}
