import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  OnModuleInit,
  Query as QueryParams,
  type Type,
} from '@nestjs/common';
import { Args, Directive, Field, ID, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Gauge } from 'prom-client';
import { CurrentPrincipal, hasRole, Roles, type Principal, type Role } from '@ccsc/auth';
import { ForbiddenError, Metrics, type graphqlScope } from '@ccsc/platform';
import { miCsv, MI_CSV_COLUMNS, type MiFigure } from './mi-csv';
import { MI_GRANULARITIES, miPeriodId, miPeriodOf, miPeriodOfId, monthToDate, type MiPeriod } from './mi-period';

/**
 * Who reads management information: the service centre's managers. One list for every section, so
 * the whole picture and each part of it are open to the same people.
 */
export const MI_READERS: readonly Role[] = ['team-leader'];

/** A service's part of the picture, answered from its own tables. */
export interface MiSectionSource<F> {
  /**
   * `required` holds what the section's `requires` asked of other sections (through the gateway); it is
   * absent on the CSV export and the metrics, which answer from the service's own data alone.
   */
  figuresFor(period: MiPeriod, required?: Record<string, unknown>): Promise<F>;
  /** The same figures in the long format: the CSV export and the metrics Grafana reads. */
  figuresAsRows(figures: F, period: MiPeriod): MiFigure[];
}

export interface MiSectionOptions<F> {
  /** The path segment of its REST routes (`/api/v1/<service>/…`). */
  service: string;
  /** The field on `ManagementInformation`, and the CSV's section: `cases`, `enquiries`, `complaints`, `fees`, `fines`. */
  section: string;
  /** Its GraphQL type, in the service's scope; `figuresFor` answers with its shape. */
  type: Type<F>;
  description: string;
  /** The injectable that answers (an `MiSectionSource`). */
  source: Type<MiSectionSource<F>>;
  /** The subgraph that holds the root `managementInformation` query (the cases service). */
  root?: boolean;
  /**
   * Figures of other sections this one is computed with (complaints per thousand cases needs the cases
   * issued): the gateway fetches them first (`@requires`). `fields` is the selection on
   * ManagementInformation; `externals` declares those fields here, each with this subgraph's own
   * (partial) copy of their type whose fields are marked `@external`.
   */
  requires?: { fields: string; externals: { field: string; type: () => Type<unknown> }[] };
}

/** Decorators applied in order; none when the list is empty. */
function applyAll(decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

function assertReader(principal: Principal): void {
  if (!hasRole(principal, ...MI_READERS)) throw new ForbiddenError();
}

/**
 * Management information composed through federation rather than a new data store (docs/decisions.md):
 * `managementInformation(from, to, granularity)` names one question, an entity keyed by it, and every
 * service adds its section as a field it resolves from its own tables; the gateway asks them all at once.
 * Each service also exports its section as CSV at `GET /api/v1/<service>/management-information` and
 * shows its month-to-date figures as `ccsc_management_information` for the Grafana dashboard.
 */
export function managementInformationSurface<F>(scope: ReturnType<typeof graphqlScope>, options: MiSectionOptions<F>) {
  const { service, section, type, source } = options;

  @scope.ObjectType('ManagementInformation', {
    description:
      'One question about a period, answered by every service from its own data: a field per section. London days; weeks start on Monday.',
  })
  @Directive('@key(fields: "id")')
  class ManagementInformationModel {
    @Field(() => ID, { description: 'The question itself: `from..to/granularity`.' })
    id!: string;
  }
  for (const external of options.requires?.externals ?? []) {
    Field(external.type, { description: `Another service's section, read here for ${section}.` })(
      ManagementInformationModel.prototype,
      external.field,
    );
    Directive('@external')(ManagementInformationModel.prototype, external.field);
  }
  const requires = options.requires ? [Directive(`@requires(fields: "${options.requires.fields}")`)] : [];

  @Resolver(() => ManagementInformationModel)
  class SectionResolver {
    constructor(@Inject(source) private readonly figures: MiSectionSource<F>) {}

    @ResolveField(section, () => type, {
      description: `${options.description} Service-centre managers only (FORBIDDEN otherwise).`,
    })
    @applyAll(requires)
    async section(
      @Parent() question: ManagementInformationModel & Record<string, unknown>,
      @CurrentPrincipal() principal: Principal,
    ) {
      assertReader(principal);
      // The key is read again here: a subgraph called directly is asked with whatever key the caller wrote.
      const { id, ...required } = question;
      return this.figures.figuresFor(miPeriodOfId(id), options.requires ? required : undefined);
    }

    /** The representation as the gateway sent it: with the required fields of other sections, when any. */
    @ResolveReference()
    resolveReference(reference: { id: string } & Record<string, unknown>): ManagementInformationModel {
      return reference;
    }
  }

  /** The root field, in one subgraph only: it checks and names the question every section answers. */
  function rootResolver(): Type<unknown> {
    enum MiGranularity {
      DAY = 'day',
      WEEK = 'week',
      MONTH = 'month',
    }
    scope.registerEnumType(MiGranularity, {
      name: 'ManagementInformationGranularity',
      description: 'How the period is cut: London days, weeks from Monday, or calendar months.',
      valuesMap: {
        DAY: { description: 'One bucket per London calendar day.' },
        WEEK: { description: 'One bucket per week, Monday to Sunday (London time).' },
        MONTH: { description: 'One bucket per calendar month (London time).' },
      },
    });

    @Resolver(() => ManagementInformationModel)
    class ManagementInformationRootResolver extends SectionResolver {
      @Query(() => ManagementInformationModel, {
        description:
          'The service centre in one period, from every service at once: cases, enquiries, complaints, fees and fines, each cut by the granularity. Service-centre managers only.',
      })
      @Roles(...MI_READERS)
      managementInformation(
        @Args('from', { description: 'The first London day, YYYY-MM-DD.' }) from: string,
        @Args('to', { description: 'The last London day (inclusive), YYYY-MM-DD; at most three years after from.' })
        to: string,
        @Args('granularity', {
          type: () => MiGranularity,
          defaultValue: MiGranularity.MONTH,
          description: 'How the figures are cut; a month when not given.',
        })
        granularity: MiGranularity,
      ): ManagementInformationModel {
        return { id: miPeriodId(miPeriodOf({ from, to, granularity })) };
      }

      @ResolveField('from', () => String, { description: 'The first London day, YYYY-MM-DD.' })
      from(@Parent() question: ManagementInformationModel): string {
        return miPeriodOfId(question.id).from;
      }

      @ResolveField('to', () => String, { description: 'The last London day (inclusive), YYYY-MM-DD.' })
      to(@Parent() question: ManagementInformationModel): string {
        return miPeriodOfId(question.id).to;
      }

      @ResolveField('granularity', () => MiGranularity, { description: 'How the figures are cut.' })
      granularity(@Parent() question: ManagementInformationModel): string {
        return miPeriodOfId(question.id).granularity;
      }
    }
    return ManagementInformationRootResolver;
  }

  class MiExportQuery {
    @ApiProperty({ description: 'The first London day, YYYY-MM-DD.', example: '2026-11-01' })
    @IsString()
    @Length(1, 20)
    from!: string;

    @ApiProperty({ description: 'The last London day (inclusive), YYYY-MM-DD.', example: '2026-11-30' })
    @IsString()
    @Length(1, 20)
    to!: string;

    @ApiPropertyOptional({ enum: MI_GRANULARITIES, description: 'How the figures are cut; month when absent.' })
    @IsOptional()
    @IsIn(MI_GRANULARITIES)
    granularity?: string;
  }

  @ApiTags('management-information')
  @Controller(`api/v1/${service}/management-information`)
  class ManagementInformationController {
    constructor(@Inject(source) private readonly figures: MiSectionSource<F>) {}

    @Get()
    @Roles(...MI_READERS)
    @Header('Content-Type', 'text/csv; charset=utf-8')
    @Header('Cache-Control', 'no-store')
    @ApiOperation({
      operationId: `${service}ManagementInformation_export`,
      summary: `Export the ${section} section of the management information as CSV (service-centre managers)`,
      description:
        'The same figures as the `' +
        section +
        '` field of `managementInformation`, one per line: each bucket (its first day), then the whole period as `total`; a dimension is `by=value`.',
    })
    @ApiProduces('text/csv')
    @ApiOkResponse({
      description: 'The figures, one per line, with a header line.',
      content: {
        'text/csv': {
          schema: { type: 'string' },
          example: `${MI_CSV_COLUMNS.join(',')}\n${section},2026-11-01,2026-11-30,month,total,received,,42\n`,
        },
      },
    })
    async export(@QueryParams() query: MiExportQuery): Promise<string> {
      const period = miPeriodOf(query);
      const figures = await this.figures.figuresFor(period);
      return miCsv(section, period, this.figures.figuresAsRows(figures, period));
    }
  }

  /** Month-to-date figures for Grafana, refreshed at most once a minute however often Prometheus scrapes. */
  @Injectable()
  class ManagementInformationMetrics implements OnModuleInit {
    private cached?: { at: number; rows: MiFigure[] };

    constructor(
      @Inject(source) private readonly figures: MiSectionSource<F>,
      private readonly metrics: Metrics,
    ) {}

    onModuleInit() {
      const read = () => this.monthToDate();
      new Gauge({
        name: `ccsc_management_information_${section}`,
        help: `Management information, ${section}: the current London month to date, by measure and dimension (the CSV export's figures for bucket "total")`,
        labelNames: ['measure', 'dimension'],
        registers: [this.metrics.registry],
        async collect() {
          this.reset();
          for (const row of await read()) this.set({ measure: row.measure, dimension: row.dimension ?? '' }, row.value);
        },
      });
    }

    private async monthToDate(): Promise<MiFigure[]> {
      if (this.cached && Date.now() - this.cached.at < 60_000) return this.cached.rows;
      const period = monthToDate(new Date());
      try {
        const rows = this.figures.figuresAsRows(await this.figures.figuresFor(period), period);
        this.cached = { at: Date.now(), rows: rows.filter((r) => r.bucket === 'total') };
      } catch {
        // A scrape while the database is away shows the last figures (the pool metrics show why).
        this.cached = { at: Date.now(), rows: this.cached?.rows ?? [] };
      }
      return this.cached.rows;
    }
  }

  return {
    model: ManagementInformationModel,
    resolvers: [options.root ? rootResolver() : SectionResolver],
    controllers: [ManagementInformationController],
    providers: [ManagementInformationMetrics],
  };
}
