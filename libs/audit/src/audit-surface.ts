import { Controller, Get, Header, Query as QueryParams, Res, type Type } from '@nestjs/common';
import {
  Args,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { CurrentPrincipal, hasRole, Roles, type Principal } from '@ccsc/auth';
import {
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  MAX_PAGE_SIZE,
  NullableArgs,
  PageInfo,
  pageSize,
  toConnection,
  type graphqlScope,
} from '@ccsc/platform';
import { AuditFilterFields, auditFilterOf, filterOfTrailId, trailIdOf } from './audit-filter';
import { auditRecords, type AuditFilter, type AuditRecord } from './audit-records';

/** Only auditors read the trail: not staff in general, and never the people it is about. */
export const AUDITORS = ['auditor'] as const;

function assertAuditor(principal: Principal): void {
  if (!hasRole(principal, ...AUDITORS)) throw new ForbiddenError();
}

@ObjectType('AuditRecord', { description: 'One act in a service’s audit trail: a change, or a look at personal data.' })
@Directive('@shareable')
export class AuditRecordModel {
  @Field(() => ID, { description: 'The record’s own id.' }) id!: string;
  @Field({ description: 'When it happened.' }) at!: Date;
  @Field({ description: '`change` or `read`.' }) kind!: string;
  @Field({ description: 'The token subject who acted, or `system` (a consumer, a scheduled run).' }) actor!: string;
  @Field(() => [String], { description: 'The roles they acted in.' }) roles!: string[];
  @Field(() => String, { nullable: true, description: 'The firm a professional acted for.' })
  organisationId!: string | null;
  @Field(() => [String], { description: 'The parties they acted as (a citizen) or for (their firm).' })
  actingFor!: string[];
  @Field({ description: 'The operation: `mutation approveRefund`, `GET /api/v1/cases/:idOrReference`, `on <event>`.' })
  operation!: string;
  @Field({ description: 'What was read (`case`, `complaint`, `fine-account`, …), or `change`.' }) recordType!: string;
  @Field(() => [String], { description: 'The records changed (the subjects of its events) or shown.' })
  recordIds!: string[];
  @Field(() => [String], { description: 'Whose personal data was shown.' }) partyIds!: string[];
  @Field(() => [String], { description: 'The events a change published.' }) events!: string[];
  @Field(() => String, { nullable: true, description: 'The correlation id of the request or event it was part of.' })
  correlationId!: string | null;
  @Field(() => String, { nullable: true, description: 'The event a system change followed from.' })
  causedBy!: string | null;
}

@ObjectType('AuditRecordConnection', { description: 'A page of AuditRecord results.' })
@Directive('@shareable')
export class AuditRecordConnection {
  @Field(() => [AuditRecordModel], { description: 'The AuditRecord results of this page, newest first.' })
  nodes!: AuditRecordModel[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}

/** Rows one CSV answer holds; a `Link: rel="next"` header gives the rest. */
export const AUDIT_EXPORT_ROWS = 5_000;

const CSV_COLUMNS = [
  'service',
  'at',
  'kind',
  'actor',
  'roles',
  'organisationId',
  'actingFor',
  'operation',
  'recordType',
  'recordIds',
  'partyIds',
  'events',
  'correlationId',
  'causedBy',
] as const;

/** A spreadsheet runs a cell that starts with = + - @ as a formula: such a value is quoted as text. */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsv(service: string, records: readonly AuditRecord[], header = true): string {
  return stringify(
    records.map((r) => [
      service,
      r.at.toISOString(),
      r.kind,
      cell(r.actor),
      r.roles.join(' '),
      cell(r.organisationId ?? ''),
      r.actingFor.join(' '),
      cell(r.operation),
      r.recordType,
      r.recordIds.join(' '),
      r.partyIds.join(' '),
      r.events.join(' '),
      cell(r.correlationId ?? ''),
      r.causedBy ?? '',
    ]),
    { header, columns: [...CSV_COLUMNS] },
  );
}

/**
 * A service's part of the auditor's API: its section of the federated `AuditTrail` (one question,
 * answered by every service from its own trail), and its trail as CSV at
 * `GET /api/v1/<service>/audit-trail`. The root `auditTrail(filter)` is the cases service's (`root`).
 */
export function auditTrailSurface(
  scope: ReturnType<typeof graphqlScope>,
  service: string,
  options: { root?: boolean } = {},
) {
  @scope.ObjectType('AuditTrail', {
    description:
      'One auditor’s question, answered by every service from its own audit trail: a field per service, each a page of its records, newest first.',
  })
  @Directive('@key(fields: "id")')
  class AuditTrailModel {
    @Field(() => ID, { description: 'The question itself, opaque.' })
    id!: string;
  }

  @Resolver(() => AuditTrailModel)
  class AuditTrailResolver {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    @ResolveField(service, () => AuditRecordConnection, {
      description: `The ${service} service's records answering the question. Auditors only (FORBIDDEN otherwise).`,
    })
    async section(
      @Parent() trail: AuditTrailModel,
      @CurrentPrincipal() principal: Principal,
      @Args('first', {
        type: () => Int,
        nullable: true,
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `At most ${MAX_PAGE_SIZE}.`,
      })
      first?: number,
      @Args('after', { nullable: true, description: "The previous page's `pageInfo.endCursor`." })
      after?: string,
    ): Promise<AuditRecordConnection> {
      assertAuditor(principal);
      const page = await auditRecords(this.dataSource.manager, filterOfTrailId(trail.id), pageSize(first), after);
      return toConnection(page, (r) => r);
    }

    @ResolveReference()
    resolveReference(reference: { id: string }): AuditTrailModel {
      return { id: reference.id };
    }
  }

  /** The root field, in one subgraph only (`root`): it just names the question every section answers. */
  function rootResolver(): Type<unknown> {
    @scope.InputType('AuditFilterInput', { description: 'Who, what and when: any combination.' })
    class AuditFilterInput extends AuditFilterFields {}
    for (const [name, description] of [
      ['actor', 'The token subject who acted (`system` for consumers and runs).'],
      ['recordId', 'A record they changed or saw.'],
      ['partyId', 'A party whose personal data they saw.'],
      ['kind', '`change` or `read`.'],
      ['from', 'From this instant (inclusive), ISO 8601 with an offset.'],
      ['to', 'Until this instant (exclusive), ISO 8601 with an offset.'],
    ] as const)
      Field(() => String, { nullable: true, description })(AuditFilterInput.prototype, name);

    @Resolver(() => AuditTrailModel)
    class AuditTrailRootResolver extends AuditTrailResolver {
      @Query(() => AuditTrailModel, {
        description:
          'The audit trail of every service for one question: everything a person did or saw in a period, everyone who changed or saw a record, or who saw a party’s personal data. Auditors only.',
      })
      @Roles(...AUDITORS)
      auditTrail(
        @NullableArgs('filter', () => AuditFilterInput, { description: 'Who, what and when; everything when absent.' })
        filter?: AuditFilterInput,
      ): AuditTrailModel {
        return { id: trailIdOf(auditFilterOf(filter ?? {})) };
      }
    }
    return AuditTrailRootResolver;
  }

  class AuditExportQuery extends AuditFilterFields {
    @ApiPropertyOptional({ description: 'The next part, from the `Link` header of the previous answer.' })
    @IsOptional()
    @IsString()
    @Length(1, 200)
    cursor?: string;
  }

  @ApiTags('audit')
  @Controller(`api/v1/${service}/audit-trail`)
  class AuditTrailController {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    @Get()
    @Roles(...AUDITORS)
    @Header('Content-Type', 'text/csv; charset=utf-8')
    @Header('Cache-Control', 'no-store')
    @ApiOperation({
      // One operation id per service: the gateway's document holds all five.
      operationId: `${service}AuditTrail_export`,
      summary: `Export the ${service} service's audit trail as CSV (auditors only)`,
      description: `Newest first, at most ${AUDIT_EXPORT_ROWS} rows an answer; a \`Link: <…>; rel="next"\` header gives the next part. Multi-valued cells are space-separated.`,
    })
    @ApiProduces('text/csv')
    @ApiOkResponse({
      description: 'The records, one per line, with a header line.',
      content: {
        'text/csv': {
          schema: { type: 'string' },
          example:
            'service,at,kind,actor,roles,organisationId,actingFor,operation,recordType,recordIds,partyIds,events,correlationId,causedBy\n' +
            `${service},2026-12-03T10:15:00.000Z,read,caseworker-carl,caseworker,,,query case,case,6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b,0b6f1c9e-3b4d-4e5f-8a7b-9c0d1e2f3a4c,,9e1d2c3b-4a5f-4e6d-8c7b-6a5f4e3d2c1b,\n`,
        },
      },
    })
    async export(@QueryParams() query: AuditExportQuery, @Res({ passthrough: true }) res: Response): Promise<string> {
      const page = await auditRecords(
        this.dataSource.manager,
        auditFilterOf(query),
        AUDIT_EXPORT_ROWS,
        query.cursor,
        'cursor',
      );
      if (page.nextCursor) {
        // Only what was asked: a filter left out is absent from the next link, not "undefined".
        const asked = Object.entries({ ...query, cursor: page.nextCursor }).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        );
        const next = new URLSearchParams(asked);
        res.setHeader('Link', `</api/v1/${service}/audit-trail?${next.toString()}>; rel="next"`);
      }
      return auditCsv(service, page.items);
    }
  }

  return {
    resolver: options.root ? rootResolver() : AuditTrailResolver,
    controller: AuditTrailController as Type<unknown>,
  };
}

export type { AuditFilter };
