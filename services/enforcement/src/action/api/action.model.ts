import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../enforcement.graphql';
import { ACCOUNT_ID, OFFICER_EXAMPLE, USER_ID } from '../../api-descriptions';
import { ACTION_IDS } from '../domain/enforcement-actions';

const ACTION_ID = "The action's id (UUID).";
const ACTION = `Which action: one of ${ACTION_IDS.join(', ')}.`;
const TAKEN_BY = `Who took it: ${USER_ID}, or \`default-run\` when the default run took it.`;
const TAKEN_AT = 'When it was taken.';
const WARRANT_ID =
  'The warrant the action issued (UUID), for a warrant of control or a committal warrant; null for any other action.';
const DETAILS =
  'What the action recorded, by name (e.g. employer, deductionPence and protectedEarningsPence for an attachment of earnings; amounts in pence); empty for an action that records nothing.';

@ObjectType('EnforcementAction', { description: 'An enforcement action taken on an account.' })
export class EnforcementActionModel {
  @Field(() => ID, { description: ACTION_ID }) id!: string;
  @Field({ description: ACTION }) action!: string;
  @Field({ description: TAKEN_BY }) takenBy!: string;
  @Field({ description: TAKEN_AT }) takenAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description: `${WARRANT_ID} Given in the answer to takeEnforcementAction only: always null in FineAccount.actions.`,
  })
  warrantId?: string | null;
}

/** An action as REST lists those taken on an account. */
export class EnforcementActionRecordModel {
  @ApiProperty({ format: 'uuid', description: ACTION_ID }) id!: string;
  @ApiProperty({ enum: ACTION_IDS, description: ACTION, example: 'attachment-of-earnings' }) action!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: DETAILS,
    example: { employer: 'Northgate Logistics Ltd', deductionPence: 2500, protectedEarningsPence: 40000 },
  })
  details!: Record<string, unknown>;
  @ApiProperty({ description: TAKEN_BY, example: OFFICER_EXAMPLE }) takenBy!: string;
  @ApiProperty({ description: TAKEN_AT }) takenAt!: Date;
}

/** The REST answer to taking an action: the action, its account, and the warrant it issued. */
export class TakenEnforcementActionModel extends EnforcementActionRecordModel {
  @ApiProperty({ format: 'uuid', description: ACCOUNT_ID }) accountId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: WARRANT_ID, example: null })
  warrantId!: string | null;
}
