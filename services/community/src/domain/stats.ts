import type { CalendarDate, Fen, PackageCategory } from '@cgov/shared';

/** A region's orders of a day in one category, summed over its communities. */
export interface RegionCategoryRow {
  regionId: string;
  date: CalendarDate;
  category: PackageCategory;
  orders: number;
  units: number;
  listTotal: Fen;
  subsidyTotal: Fen;
  payableTotal: Fen;
  delivered: number;
}

/** A region's distinct ordering households of a day, summed over its communities. */
export interface RegionHouseholdsRow {
  regionId: string;
  date: CalendarDate;
  households: number;
}

/** Regions' rows for some dates: one per category with orders, one of households. */
export interface RegionStatsRows {
  categories: readonly RegionCategoryRow[];
  households: readonly RegionHouseholdsRow[];
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

/** The key of a region's statistics for a date. */
export const statsKey = (regionId: string, date: CalendarDate) => `${regionId}|${date}`;

/**
 * Each region's statistics per date from its rows (one a category, one of households), totals adding up
 * the categories; a region and date without rows has an empty day.
 */
export function statsOfRegions(keys: ReadonlyArray<{ regionId: string; date: CalendarDate }>, rows: RegionStatsRows): Map<string, OrderStats> {
  const result = new Map(keys.map(({ regionId, date }) => [statsKey(regionId, date), emptyStats()]));
  for (const row of rows.categories) {
    const stats = result.get(statsKey(row.regionId, row.date));
    if (!stats) continue;
    stats.orders += row.orders;
    stats.units += row.units;
    stats.listTotal += row.listTotal;
    stats.subsidyTotal += row.subsidyTotal;
    stats.payableTotal += row.payableTotal;
    stats.delivered += row.delivered;
    stats.byCategory.push({ category: row.category, orders: row.orders, units: row.units, subsidyTotal: row.subsidyTotal, payableTotal: row.payableTotal });
  }
  for (const row of rows.households) {
    const stats = result.get(statsKey(row.regionId, row.date));
    if (stats) stats.households += row.households;
  }
  for (const stats of result.values()) stats.byCategory.sort((a, b) => a.category.localeCompare(b.category));
  return result;
}
