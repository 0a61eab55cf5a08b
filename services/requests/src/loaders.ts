import { loadMany, loadOne } from '@cgov/shared';
import type { CatalogueRepository } from './repositories/catalogue.js';
import type { RequestRepository } from './repositories/requests.js';

/** How many of a household's latest requests Household.requests lists. */
export const HOUSEHOLD_REQUESTS = 100;

/** Per-request loaders: a list of N requests costs one statement per level, not N. */
export function createLoaders(catalogue: CatalogueRepository, requests: RequestRepository) {
  return {
    requestById: loadOne((ids: readonly string[]) => requests.byIds(ids), (row) => row.id),
    historyOf: loadMany((ids: readonly string[]) => requests.historyOf(ids), (row) => row.requestId),
    summonsOf: loadMany((ids: readonly string[]) => requests.summonsOf(ids), (row) => row.requestId),
    /** A household's latest HOUSEHOLD_REQUESTS requests. */
    requestsOfHousehold: loadMany((ids: readonly string[]) => requests.ofHouseholds(ids, HOUSEHOLD_REQUESTS), (row) => row.householdId!),
    departmentById: loadOne((ids: readonly string[]) => catalogue.departmentsByIds(ids), (row) => row.id),
    /** `${cityId}|${code}` → the category. */
    categoryByKey: loadOne((keys: readonly string[]) => catalogue.categoriesByKeys(keys), (row) => `${row.cityId}|${row.code}`),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
