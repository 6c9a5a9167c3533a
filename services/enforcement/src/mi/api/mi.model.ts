import { ApiProperty } from '@nestjs/swagger';
import { ACTION_IDS } from '../../action/domain/enforcement-actions';
import { BUSINESS_UNIT_EXAMPLE } from '../../api-descriptions';

// Management information is REST only: the shapes MiQueries answers with.

const AGE = "What live accounts still owe, in pence, by the account's age (from the day it was opened)";

/** What live accounts of a business unit owe, by how long ago they were opened. */
export class EnforcementMiAgeModel {
  @ApiProperty({ type: 'integer', description: `${AGE}: opened in the last 90 days.`, example: 1250000 })
  under90Days!: number;
  @ApiProperty({ type: 'integer', description: `${AGE}: opened 90 to 365 days ago.`, example: 830000 })
  from90To365Days!: number;
  @ApiProperty({ type: 'integer', description: `${AGE}: opened more than 365 days ago.`, example: 410000 })
  over1Year!: number;
}

/** How many times one enforcement action was taken in a business unit. */
export class EnforcementMiActionCountModel {
  @ApiProperty({ enum: ACTION_IDS, description: 'The action.', example: 'reminder' }) action!: string;
  @ApiProperty({
    type: 'integer',
    description: 'How many times it was taken, ever, by officers and the default run.',
    example: 140,
  })
  count!: number;
}

/** The figures of one business unit, over every account it has ever administered. */
export class EnforcementMiModel {
  @ApiProperty({ description: 'The business unit.', example: BUSINESS_UNIT_EXAMPLE }) businessUnit!: string;
  @ApiProperty({ type: 'integer', description: 'Its accounts, in any status.', example: 320 }) accounts!: number;
  @ApiProperty({
    type: 'integer',
    description:
      'What was imposed on its accounts, each penny once: an account consolidated into another counts what it had paid and had written off, and the rest counts on the account it went into.',
    example: 9600000,
  })
  imposedPence!: number;
  @ApiProperty({
    type: 'integer',
    description: 'The paidPence of all its accounts, in any status, added up.',
    example: 6200000,
  })
  paidPence!: number;
  @ApiProperty({
    type: 'number',
    description:
      'Paid as a share of what was imposed less what was written off, from 0 to 1, to four decimal places; 0 when nothing is collectable.',
    example: 0.6813,
  })
  collectionRate!: number;
  @ApiProperty({ type: 'integer', description: 'What live accounts still owe, in pence.', example: 2490000 })
  outstandingPence!: number;
  @ApiProperty({ type: EnforcementMiAgeModel, description: 'The outstanding sum by the age of the accounts.' })
  outstandingByAge!: EnforcementMiAgeModel;
  @ApiProperty({ type: 'integer', description: 'Live accounts in default.', example: 41 }) inDefault!: number;
  @ApiProperty({
    type: [EnforcementMiActionCountModel],
    description: 'The enforcement actions taken on its accounts, by action (only those taken at least once).',
  })
  actionsByType!: EnforcementMiActionCountModel[];
}
