import { CallHandler, ExecutionContext, Global, Injectable, Module, NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GraphQLResolveInfo } from 'graphql';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Observable } from 'rxjs';
import type { Principal } from '@ccsc/auth';
import { isUuid, scheduledRun } from '@ccsc/platform';
import { currentWorkScope } from '@ccsc/platform/work-scope';
import { purgeExpiredAuditRecords, recordRead, type ReadRecord } from './audit-records';

/**
 * What every service's read side calls when it shows personal data: who was shown which records and
 * whose data, written before the answer leaves, so a read is never shown unrecorded (see recordRead).
 * Called from the application's queries, the one place each kind of data is read, so REST, GraphQL and
 * federation's entity lookups are recorded alike.
 */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  read(principal: Principal, read: ReadRecord): Promise<void> {
    return recordRead(this.dataSource.manager, principal, read);
  }
}

/**
 * Names the operation in the work scope once the route is known, with the records it names: the REST
 * route's pattern (`POST /api/v1/cases/:id/status-review/referrals`, not the id) and its path's ids, or
 * GraphQL's operation and root fields (`mutation decideRefund`) and the ids among the field's arguments.
 * Mutations run one after another, so each is named as it runs, and starts acting for nobody.
 */
@Injectable()
export class AuditOperationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = currentWorkScope();
    if (scope) {
      if (context.getType<GqlContextType>() === 'graphql') {
        const gql = GqlExecutionContext.create(context);
        const info = gql.getInfo<GraphQLResolveInfo | undefined>();
        if (info && !info.path.prev) {
          const op = info.operation.operation;
          if (op === 'mutation') {
            scope.operation = `mutation ${info.fieldName}`;
            scope.namedRecords = idsIn(gql.getArgs());
            scope.actingFor.clear();
          } else {
            const fields = info.operation.selectionSet.selections.flatMap((s) =>
              s.kind === 'Field' ? [s.name.value] : [],
            );
            scope.operation = `${op} ${fields.join(', ')}`;
          }
        }
      } else if (context.getType() === 'http') {
        const req = context.switchToHttp().getRequest<Request>();
        const route = (req.route as { path?: unknown } | undefined)?.path;
        if (typeof route === 'string') scope.operation = `${req.method} ${route}`;
        scope.namedRecords = Object.values(req.params ?? {}).filter((v): v is string => typeof v === 'string');
      }
    }
    return next.handle();
  }
}

/** The uuids among a GraphQL field's arguments and their inputs' fields (ids; never free text). */
function idsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return isUuid(value) ? [value] : [];
  if (depth > 2 || value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap((v) => (Array.isArray(v) ? v : [v]).flatMap((x) => idsIn(x, depth + 1)));
}

/** Keeps the trail to its retention period: the only delete the database lets through. */
@Injectable()
export class AuditRetention {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(): Promise<number> {
    return purgeExpiredAuditRecords(this.dataSource.manager);
  }
}

// Hourly, so a service restarted every day still purges; a run with nothing past retention reads one index entry.
const HOURLY = 60 * 60 * 1000;

/** The audit trail in a service: imported once by its root module, next to PlatformModule. */
@Global()
@Module({
  providers: [
    AuditTrail,
    AuditRetention,
    scheduledRun('audit-retention', AuditRetention, () => HOURLY),
    { provide: APP_INTERCEPTOR, useClass: AuditOperationInterceptor },
  ],
  exports: [AuditTrail],
})
export class AuditModule {}
