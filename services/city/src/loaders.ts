import { loadMany, loadOne } from '@cgov/shared';
import type { PolicyRepository } from './repositories/policies.js';
import type { RegionRepository } from './repositories/regions.js';
import type { SupplierRepository } from './repositories/suppliers.js';

/** Per-request loaders: a list of N regions, policies or suppliers costs one statement per level, not N. */
export function createLoaders(repositories: { regions: RegionRepository; policies: PolicyRepository; suppliers: SupplierRepository }) {
  const { regions, policies, suppliers } = repositories;
  return {
    regionById: loadOne((ids: readonly string[]) => regions.byIds(ids), (row) => row.id),
    childrenOf: loadMany((ids: readonly string[]) => regions.childrenOf(ids), (row) => row.parentId ?? ''),
    policyById: loadOne((ids: readonly string[]) => policies.byIds(ids), (row) => row.id),
    supplierById: loadOne((ids: readonly string[]) => suppliers.byIds(ids), (row) => row.id),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
