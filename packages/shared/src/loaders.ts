import DataLoader from 'dataloader';

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
