import type { Fen, PackageCategory } from '@cgov/shared';

/** One community's orders of a day: per category (units, money), or its distinct households (category null). */
export interface CommunityStatsRow {
  communityId: string;
  category: PackageCategory | null;
  orders: number;
  households: number;
  units: number;
  listTotal: Fen;
  subsidyTotal: Fen;
  payableTotal: Fen;
  delivered: number;
}

export interface OrderStats {
  orders: number;
  households: number;
  units: number;
  listTotal: Fen;
  subsidyTotal: Fen;
  payableTotal: Fen;
  delivered: number;
  byCategory: Array<{ category: PackageCategory; orders: number; units: number; subsidyTotal: Fen; payableTotal: Fen }>;
}

/**
 * Adds up the communities inside a region: a district is the sum of its streets, a street of its
 * communities. A household lives in one community, so distinct households add up too.
 */
export function statsForRegion(regionId: string, rows: readonly CommunityStatsRow[]): OrderStats {
  const inside = rows.filter((row) => row.communityId.startsWith(regionId));
  const totals = inside.filter((row) => row.category === null);
  const sum = (list: readonly CommunityStatsRow[], key: keyof Omit<CommunityStatsRow, 'communityId' | 'category'>) =>
    list.reduce((total, row) => total + row[key], 0);
  const byCategory = new Map<PackageCategory, OrderStats['byCategory'][number]>();
  for (const row of inside) {
    if (row.category === null) continue;
    const entry = byCategory.get(row.category) ?? { category: row.category, orders: 0, units: 0, subsidyTotal: 0, payableTotal: 0 };
    entry.orders += row.orders;
    entry.units += row.units;
    entry.subsidyTotal += row.subsidyTotal;
    entry.payableTotal += row.payableTotal;
    byCategory.set(row.category, entry);
  }
  return {
    orders: sum(totals, 'orders'),
    households: sum(totals, 'households'),
    units: sum(totals, 'units'),
    listTotal: sum(totals, 'listTotal'),
    subsidyTotal: sum(totals, 'subsidyTotal'),
    payableTotal: sum(totals, 'payableTotal'),
    delivered: sum(totals, 'delivered'),
    byCategory: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)),
  };
}

/** The fewest code prefixes that cover all the regions asked about (a city covers its districts). */
export function coveringPrefixes(regionIds: readonly string[]): string[] {
  const sorted = [...new Set(regionIds)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const id of sorted) if (!kept.some((prefix) => id.startsWith(prefix))) kept.push(id);
  return kept.sort();
}
