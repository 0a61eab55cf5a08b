import DataLoader from 'dataloader';

/** Anything a request keeps of what it read: a DataLoader, or a memo made by `RequestCaches.memo`. */
export interface RequestCache {
  clearAll(): unknown;
}

/**
 * Everything one request keeps of what it read (its DataLoaders and memos), in one place, so that a
 * write can forget it all at once: every mutation root field clears it before it runs and again once it
 * has written (`freshAfterWrites` in subgraph.ts), so what a mutation returns, and every later field of
 * the same request, is read after every write made before it.
 */
export class RequestCaches {
  private readonly caches: RequestCache[] = [];

  /** Keeps every DataLoader among the object's values (a service's loaders; startSubgraph adds `ctx.loaders`); returns the object. */
  add<T extends object>(loaders: T): T {
    for (const value of Object.values(loaders)) if (value instanceof DataLoader && !this.caches.includes(value)) this.caches.push(value);
    return loaders;
  }

  /** A value computed at its first use and kept until the next clear (e.g. where the viewer lives). */
  memo<T>(compute: () => T): () => T {
    let kept: { value: T } | undefined;
    this.caches.push({ clearAll: () => (kept = undefined) });
    return () => (kept ??= { value: compute() }).value;
  }

  /** Like `memo`, one value per key (e.g. where the viewer lives, per city asked). */
  memoByKey<K, T>(compute: (key: K) => T): (key: K) => T {
    const kept = new Map<K, T>();
    this.caches.push({ clearAll: () => kept.clear() });
    return (key) => {
      if (!kept.has(key)) kept.set(key, compute(key));
      return kept.get(key)!;
    };
  }

  /** Forgets everything read so far in this request. */
  clearAll(): void {
    for (const cache of this.caches) cache.clearAll();
  }
}

/** A per-request loader for rows by a unique key: one statement for all keys asked in a tick. */
export function loadOne<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Rows grouped by a key, in their order: matches a batch's rows to the keys asked without a scan per key. */
export function groupRows<K, V>(rows: Iterable<V>, keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A per-request loader for the rows under each key (children of a parent): one statement for all keys. */
export function loadMany<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const byKey = groupRows(await fetch(keys), keyOf);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID: ids that are not cannot name anything, so they are not looked up. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Keeps only well-formed UUIDs, so that a malformed id reads as "not found" rather than a database error. */
export function validUuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}
