import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { Histogram, type Registry } from 'prom-client';
import { LATENCY_BUCKETS } from '../metrics/metrics';

/**
 * `query cases`, `mutation createCase`, `query _entities`: the operation type and its first root
 * field, which the schema bounds, rather than the client's operation name, which nothing bounds.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'unparsed';
  const first = operation.selectionSet.selections.find((s) => s.kind === 'Field');
  return `${operation.operation} ${first && first.kind === 'Field' ? first.name.value : '?'}`;
}

/** `ccsc_graphql_operation_duration_seconds`, by operation and outcome: the gateway's and every subgraph's. */
export function operationDurationHistogram(registry: Registry): Histogram<'operation' | 'outcome'> {
  return new Histogram({
    name: 'ccsc_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation type and root field, and whether they returned errors',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
}

/** Times every GraphQL operation of a subgraph (Apollo Server) in `operationDurationHistogram`. */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin {
  const duration = operationDurationHistogram(registry);
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors }) {
          duration.observe(
            { operation: operationLabel(operation ?? undefined), outcome: errors?.length ? 'error' : 'ok' },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
