import { notFound, today, type CalendarDate, type SubgraphContextBase, type SubgraphRuntime } from '@cgov/shared';
import type { CityTables, RegionRow } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import { AuditRepository } from './repositories/audit.js';
import { BudgetRepository } from './repositories/budgets.js';
import { PolicyRepository } from './repositories/policies.js';
import { RegionRepository } from './repositories/regions.js';
import { SupplierRepository } from './repositories/suppliers.js';

/** Per request: the verified viewer, the clock, repositories and fresh loaders. */
export interface CityContext extends SubgraphContextBase {
  regions: RegionRepository;
  policies: PolicyRepository;
  suppliers: SupplierRepository;
  audit: AuditRepository;
  budgets: BudgetRepository;
  loaders: Loaders;
  /** Today in Asia/Shanghai by the request's clock. */
  today(): CalendarDate;
  /** The region with this code, or NOT_FOUND in plain words. */
  existingRegion(id: string): Promise<RegionRow>;
}

/** Repositories once per process; loaders once per request. */
export function createContext({ db }: SubgraphRuntime<CityTables>) {
  const repositories = {
    regions: new RegionRepository(db),
    policies: new PolicyRepository(db),
    suppliers: new SupplierRepository(db),
    audit: new AuditRepository(db),
    budgets: new BudgetRepository(db),
  };
  return (base: SubgraphContextBase): CityContext => {
    const loaders = createLoaders(repositories);
    return {
      ...base,
      ...repositories,
      loaders,
      today: () => today(base.clock),
      async existingRegion(id) {
        const region = await loaders.regionById.load(id);
        if (!region) throw notFound(`There is no region with code ${id}.`);
        return region;
      },
    };
  };
}
