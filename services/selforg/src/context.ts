import type { SubgraphContextBase, SubgraphRuntime } from '@cgov/shared';
import type { SelforgTables } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';

/** Per request: the verified viewer, the clock, repositories and fresh loaders. */
export interface SelforgContext extends SubgraphContextBase {
  committees: OwnerCommitteeRepository;
  loaders: Loaders;
}

/** Repositories once per process; loaders once per request. */
export function createContext({ db }: SubgraphRuntime<SelforgTables>) {
  const committees = new OwnerCommitteeRepository(db);
  return (base: SubgraphContextBase): SelforgContext => ({ ...base, committees, loaders: createLoaders(committees) });
}
