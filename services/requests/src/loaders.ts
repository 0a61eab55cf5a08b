import { loadMany, loadOne } from '@cgov/shared';
import type { CatalogueRepository } from './repositories/catalogue.js';
import type { RequestRepository } from './repositories/requests.js';

/** Per-request loaders: a list of N requests costs one statement per level, not N. */
export function createLoaders(catalogue: CatalogueRepository, requests: RequestRepository) {
  return {
    requestById: loadOne((ids: readonly string[]) => requests.byIds(ids), (row) => row.id),
    historyOf: loadMany((ids: readonly string[]) => requests.historyOf(ids), (row) => row.requestId),
    summonsOf: loadMany((ids: readonly string[]) => requests.summonsOf(ids), (row) => row.requestId),
    departmentById: loadOne((ids: readonly string[]) => catalogue.departmentsByIds(ids), (row) => row.id),
    /** `${cityId}|${code}` → the category. */
    categoryByKey: loadOne((keys: readonly string[]) => catalogue.categoriesByKeys(keys), (row) => `${row.cityId}|${row.code}`),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
