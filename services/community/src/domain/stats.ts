import type { CalendarDate, Fen, PackageCategory } from '@cgov/shared';

/**
 * A region's orders of a day, summed over its communities: per category (units, money), or its distinct
 * households (category null).
 */
export interface RegionStatsRow {
  regionId: string;
  date: CalendarDate;
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

function add(stats: OrderStats, row: RegionStatsRow): void {
  if (row.category === null) {
    stats.households += row.households;
    return;
  }
  stats.orders += row.orders;
  stats.units += row.units;
  stats.listTotal += row.listTotal;
  stats.subsidyTotal += row.subsidyTotal;
  stats.payableTotal += row.payableTotal;
  stats.delivered += row.delivered;
  stats.byCategory.push({ category: row.category, orders: row.orders, units: row.units, subsidyTotal: row.subsidyTotal, payableTotal: row.payableTotal });
}

/** The key of a region's statistics for a date. */
export const statsKey = (regionId: string, date: CalendarDate) => `${regionId}|${date}`;

/**
 * Each region's statistics per date from its rows (one a category, one of households), totals adding up
 * the categories; a region and date without rows has an empty day.
 */
export function statsOfRegions(keys: ReadonlyArray<{ regionId: string; date: CalendarDate }>, rows: readonly RegionStatsRow[]): Map<string, OrderStats> {
  const result = new Map(keys.map(({ regionId, date }) => [statsKey(regionId, date), emptyStats()]));
  for (const row of rows) {
    const stats = result.get(statsKey(row.regionId, row.date));
    if (stats) add(stats, row);
  }
  for (const stats of result.values()) stats.byCategory.sort((a, b) => a.category.localeCompare(b.category));
  return result;
}
