import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Who acts, as the audit trail records them: a token's subject and roles, and a professional's firm. */
export interface ScopeActor {
  sub: string;
  roles: readonly string[];
  organisationId?: string;
}

/**
 * What the code running now is part of: one HTTP request (REST or GraphQL), one consumed event or one
 * scheduled run. The audit trail reads it, so that a change or a read records who did it, in which
 * operation and correlation, and for which parties, without every command passing that along.
 */
export interface WorkScope {
  correlationId?: string;
  /** `GET /api/v1/cases/:idOrReference`, `mutation approveRefund`, `on cases.case-issued.v2`, `run default-run`. */
  operation?: string;
  /** The event a consumer is applying: the change it causes is the system's, because of that event. */
  causedBy?: string;
  /** The caller of a request, once authenticated; a consumer or a run has none (it is the system). */
  actor?: () => ScopeActor | undefined;
  /** The parties the caller was found to act for (as that citizen, or as their firm) while deciding access. */
  readonly actingFor: Set<string>;
  /** The records the operation names (the ids in its path or arguments): what a change is a change of. */
  namedRecords?: readonly string[];
  /** What the audit trail has recorded as shown in this work (`type:id`), so one look is one record. */
  readonly shown: Set<string>;
}

const scopes = new AsyncLocalStorage<WorkScope>();

export function currentWorkScope(): WorkScope | undefined {
  return scopes.getStore();
}

/**
 * Runs `work` (a consumed event, a scheduled run) in a scope of its own: its own operation, no caller
 * (it is the system's work) and nobody acted for yet, whatever scope it was started from.
 */
export function inWorkScope<T>(scope: Omit<Partial<WorkScope>, 'actingFor' | 'shown'>, work: () => T): T {
  return scopes.run({ ...scope, actingFor: new Set(), shown: new Set() }, work);
}

/** Notes that the caller acts for these parties in the work in hand (the access rules call it). */
export function noteActingFor(partyIds: Iterable<string>): void {
  const scope = scopes.getStore();
  if (scope) for (const id of partyIds) scope.actingFor.add(id);
}

/**
 * Express middleware: each request gets its scope, with its correlation id (assignCorrelationId runs
 * first), its operation as method and path until the handler names it, and its caller as the
 * authentication middleware finds them.
 */
export function workScopeMiddleware(
  req: IncomingMessage & { id?: unknown; principal?: ScopeActor },
  _res: ServerResponse,
  next: () => void,
): void {
  scopes.run(
    {
      ...(req.id === undefined ? {} : { correlationId: String(req.id) }),
      operation: `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`,
      actor: () => req.principal,
      actingFor: new Set(),
      shown: new Set(),
    },
    next,
  );
}
