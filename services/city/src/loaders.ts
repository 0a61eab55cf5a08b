import { loadMany, loadOne } from '@cgov/shared';
import type { BudgetRepository } from './repositories/budgets.js';
import type { PolicyRepository } from './repositories/policies.js';
import type { RegionRepository } from './repositories/regions.js';
import type { SupplierRepository } from './repositories/suppliers.js';

/** Per-request loaders: a list of N regions, policies or suppliers costs one statement per level, not N. */
export function createLoaders(repositories: {
  regions: RegionRepository;
  policies: PolicyRepository;
  suppliers: SupplierRepository;
  budgets: BudgetRepository;
}) {
  const { regions, policies, suppliers, budgets } = repositories;
  return {
    regionById: loadOne((ids: readonly string[]) => regions.byIds(ids), (row) => row.id),
    childrenOf: loadMany((ids: readonly string[]) => regions.childrenOf(ids), (row) => row.parentId ?? ''),
    policyById: loadOne((ids: readonly string[]) => policies.byIds(ids), (row) => row.id),
    supplierById: loadOne((ids: readonly string[]) => suppliers.byIds(ids), (row) => row.id),
    budgetOf: loadOne((ids: readonly string[]) => budgets.ofRegions(ids), (row) => row.regionId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
