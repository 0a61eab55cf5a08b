import { loadMany, loadOne } from '@cgov/shared';
import type { RegionRepository } from './repositories/regions.js';

/** Per-request loaders: a list of N regions costs one statement per level, not N. */
export function createLoaders(regions: RegionRepository) {
  return {
    regionById: loadOne((ids: readonly string[]) => regions.byIds(ids), (row) => row.id),
    childrenOf: loadMany((ids: readonly string[]) => regions.childrenOf(ids), (row) => row.parentId ?? ''),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
