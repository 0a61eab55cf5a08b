import type { Database, SubgraphContextBase } from '@cgov/shared';
import type { SelforgTables } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';

/** Per request: the verified viewer, the clock, repositories and fresh loaders. */
export interface SelforgContext extends SubgraphContextBase {
  committees: OwnerCommitteeRepository;
  loaders: Loaders;
}

export function createContext(base: SubgraphContextBase, db: Database<SelforgTables>): SelforgContext {
  const committees = new OwnerCommitteeRepository(db);
  return { ...base, committees, loaders: createLoaders(committees) };
}
