import DataLoader from 'dataloader';
import { addMonths, groupRows, loadMany, loadOne } from '@cgov/shared';
import type { CatalogueRepository } from './repositories/catalogue.js';
import type { RequestRepository } from './repositories/requests.js';
import type { RequestStatsRepository } from './repositories/stats.js';
import type { RegionCounts } from './domain/stats.js';

/** How many of a household's latest requests Household.requests lists. */
export const HOUSEHOLD_REQUESTS = 100;

/** Per-request loaders: a list of N requests costs one statement per level, not N. */
/** A region's month without requests. */
const NO_REQUESTS: RegionCounts = { received: 0, open: 0, overdue: 0, closed: 0, dispatched: 0, respondedOnTime: 0, callbacks: 0, resolvedCallbacks: 0, satisfiedCallbacks: 0 };

/** `${regionId}|${month}` keys by month: each month's regions are summed in one statement. */
function regionsByMonth(keys: readonly string[]): Map<string, string[]> {
  const byMonth = new Map<string, string[]>();
  for (const key of keys) {
    const [regionId, month] = key.split('|') as [string, string];
    byMonth.set(month, [...(byMonth.get(month) ?? []), regionId]);
  }
  return byMonth;
}

/** A category's count in a region's month, with the month before's. */
export interface CategoryCount {
  categoryCode: string;
  count: number;
  previousMonthCount: number;
}

export function createLoaders(catalogue: CatalogueRepository, requests: RequestRepository, stats: RequestStatsRepository) {
  return {
    requestById: loadOne((ids: readonly string[]) => requests.byIds(ids), (row) => row.id),
    historyOf: loadMany((ids: readonly string[]) => requests.historyOf(ids), (row) => row.requestId),
    summonsOf: loadMany((ids: readonly string[]) => requests.summonsOf(ids), (row) => row.requestId),
    /** A household's latest HOUSEHOLD_REQUESTS requests. */
    requestsOfHousehold: loadMany((ids: readonly string[]) => requests.ofHouseholds(ids, HOUSEHOLD_REQUESTS), (row) => row.householdId!),
    departmentById: loadOne((ids: readonly string[]) => catalogue.departmentsByIds(ids), (row) => row.id),
    /** `${cityId}|${code}` → the category. */
    categoryByKey: loadOne((keys: readonly string[]) => catalogue.categoriesByKeys(keys), (row) => `${row.cityId}|${row.code}`),
    /** `${regionId}|${month}` → the region's counts of the month: one statement per month asked, every region and level at once. */
    countsOf: new DataLoader(async (keys: readonly string[]) => {
      const found = new Map<string, RegionCounts>();
      for (const [month, regionIds] of regionsByMonth(keys)) {
        for (const row of await stats.regionCounts(regionIds, [month])) found.set(`${row.regionId}|${row.month}`, row);
      }
      return keys.map((key) => found.get(key) ?? NO_REQUESTS);
    }),
    /** `${regionId}|${month}` → the categories received in the region that month or the month before, most first: one statement per month asked. */
    categoriesOf: new DataLoader(async (keys: readonly string[]) => {
      const found = new Map<string, CategoryCount[]>();
      for (const [month, regionIds] of regionsByMonth(keys)) {
        const previous = addMonths(month, -1);
        const rows = await stats.categoryCounts(regionIds, [month, previous]);
        for (const [regionId, regionRows] of groupRows(rows, (row) => row.regionId)) {
          const counts = new Map<string, CategoryCount>();
          for (const row of regionRows) {
            const entry = counts.get(row.categoryCode) ?? { categoryCode: row.categoryCode, count: 0, previousMonthCount: 0 };
            if (row.month === month) entry.count += row.count;
            else entry.previousMonthCount += row.count;
            counts.set(row.categoryCode, entry);
          }
          const list = [...counts.values()].filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || a.categoryCode.localeCompare(b.categoryCode));
          found.set(`${regionId}|${month}`, list);
        }
      }
      return keys.map((key) => found.get(key) ?? []);
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
