import { regionLineage, type Fen, type PackageCategory } from '@cgov/shared';

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

/** An empty day, to add communities' rows to. */
function emptyStats(): OrderStats {
  return { orders: 0, households: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0, byCategory: [] };
}

function add(stats: OrderStats, row: CommunityStatsRow): void {
  if (row.category === null) {
    stats.orders += row.orders;
    stats.households += row.households;
    stats.units += row.units;
    stats.listTotal += row.listTotal;
    stats.subsidyTotal += row.subsidyTotal;
    stats.payableTotal += row.payableTotal;
    stats.delivered += row.delivered;
    return;
  }
  let entry = stats.byCategory.find((line) => line.category === row.category);
  if (!entry) {
    entry = { category: row.category, orders: 0, units: 0, subsidyTotal: 0, payableTotal: 0 };
    stats.byCategory.push(entry);
    stats.byCategory.sort((a, b) => a.category.localeCompare(b.category));
  }
  entry.orders += row.orders;
  entry.units += row.units;
  entry.subsidyTotal += row.subsidyTotal;
  entry.payableTotal += row.payableTotal;
}

/**
 * Adds up the communities inside each region, in one pass over the rows: a district is the sum of its
 * streets, a street of its communities. A household lives in one community, so distinct households add up too.
 */
export function statsByRegion(regionIds: readonly string[], rows: readonly CommunityStatsRow[]): Map<string, OrderStats> {
  const result = new Map(regionIds.map((id) => [id, emptyStats()]));
  for (const row of rows) {
    for (const regionId of regionLineage(row.communityId)) {
      const stats = result.get(regionId);
      if (stats) add(stats, row);
    }
  }
  return result;
}

/** The fewest code prefixes that cover all the regions asked about (a city covers its districts). */
export function coveringPrefixes(regionIds: readonly string[]): string[] {
  const sorted = [...new Set(regionIds)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const id of sorted) if (!kept.some((prefix) => id.startsWith(prefix))) kept.push(id);
  return kept.sort();
}
