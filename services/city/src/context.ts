import type { Database, SubgraphContextBase } from '@cgov/shared';
import type { CityTables } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RegionRepository } from './repositories/regions.js';

/** Per request: the verified viewer, the clock, repositories and fresh loaders. */
export interface CityContext extends SubgraphContextBase {
  regions: RegionRepository;
  loaders: Loaders;
}

export function createContext(base: SubgraphContextBase, db: Database<CityTables>): CityContext {
  const regions = new RegionRepository(db);
  return { ...base, regions, loaders: createLoaders(regions) };
}
