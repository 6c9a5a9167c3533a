import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as one GraphQL request (keyed by its context object), so
 * federation's `_entities` lookups for a list of 100 cases become one query, not 100, and no
 * result is cached across callers with different access.
 */
export function requestLoader<V>(
  context: object,
  name: string,
  batch: (keys: readonly string[]) => Promise<(V | null)[]>,
): DataLoader<string, V | null> {
  let byName = loaders.get(context);
  if (!byName) loaders.set(context, (byName = new Map()));
  let loader = byName.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(batch);
    byName.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
