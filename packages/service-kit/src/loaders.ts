import DataLoader from 'dataloader';

/**
 * Puts fetched rows back in the order of `keys`, `null` where a key has no row: the contract DataLoader needs.
 * Rows may arrive in any order; duplicates keep the first.
 */
export function inKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return keys.map((key) => byKey.get(key) ?? null);
}

/**
 * A per-request DataLoader for `__resolveReference` and similar lookups by id: `fetch` receives the distinct ids of
 * one tick and returns the rows it found in any order; each `load(id)` resolves to its row or `null`.
 * Build it in the service's `loaders` factory so that nothing is cached across requests.
 */
export function createEntityLoader<V, K = string>(
  fetch: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => inKeyOrder(keys, await fetch(keys), keyOf), {
    maxBatchSize: options.maxBatchSize ?? 1000,
  });
}
