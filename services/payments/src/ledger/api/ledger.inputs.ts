import type { Type } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length } from 'class-validator';
import { DEFAULT_PAGE_SIZE, IsLocalDay, MAX_PAGE_SIZE, PageParams } from '@ccsc/platform';
import { ArgsType } from '../../payments.graphql';
import { LEDGER_ACCOUNT_KINDS, LedgerAccountKind } from '../domain/ledger';

// One set of classes serves REST query strings (with PageParams) and GraphQL arguments.

@ArgsType()
export class ReconciliationArgs {
  @Field({ description: 'A day in England, YYYY-MM-DD.' })
  @ApiProperty({ example: '2026-12-01', description: 'A day in England.' })
  @IsLocalDay()
  date!: string;
}

@ArgsType()
export class LedgerAccountArgs {
  @Field({ description: 'A ledger account, e.g. `cash:card`, `fee-income`, `fine-account:FA10000001M`.' })
  @ApiProperty({ example: 'cash:card', description: 'A ledger account, e.g. `cash:card`, `fee-income`.' })
  @IsString()
  @Length(1, 80)
  account!: string;
}

@ArgsType()
export class LedgerBalancesArgs {
  @Field({ description: 'A day in England, YYYY-MM-DD: balances at its end.' })
  @ApiProperty({ example: '2026-12-01', description: 'A day in England: balances at its end.' })
  @IsLocalDay()
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: `Only accounts of this kind: ${LEDGER_ACCOUNT_KINDS.join(', ')}.`,
  })
  @ApiPropertyOptional({ enum: LEDGER_ACCOUNT_KINDS, description: 'Only accounts of this kind.' })
  @IsOptional()
  @IsIn(LEDGER_ACCOUNT_KINDS)
  kind?: LedgerAccountKind;
}

/**
 * GraphQL's paging arguments added to a class of arguments: validated with the rest, as one arguments
 * class must be (a separate `@Args('first')` beside it would be refused as an unknown property).
 */
function Paged<T extends Type<object>>(Base: T) {
  @ArgsType()
  class PagedArgs extends Base {
    @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
    @IsOptional()
    @IsInt()
    first?: number;

    @Field({ nullable: true, description: 'The `endCursor` of the previous page.' })
    @IsOptional()
    @IsString()
    @Length(1, 200)
    after?: string;
  }
  return PagedArgs;
}

/** An account's entries over GraphQL. */
@ArgsType()
export class LedgerEntriesArgs extends Paged(LedgerAccountArgs) {}

/** Balances at a day's end over GraphQL. */
@ArgsType()
export class LedgerBalancesPageArgs extends Paged(LedgerBalancesArgs) {}

/** An account's entries over REST: the account and the page. */
export class LedgerEntriesQuery extends IntersectionType(PageParams, LedgerAccountArgs) {}

/** Balances at a day's end over REST: the day, the kind of account and the page. */
export class LedgerBalancesQuery extends IntersectionType(PageParams, LedgerBalancesArgs) {}
