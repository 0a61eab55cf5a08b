import type { SubgraphContextBase, SubgraphRuntime } from '@cgov/shared';
import { CityClient } from './cityClient.js';
import { CommunityClient } from './communityClient.js';
import type { RequestsTables } from './db/schema.js';
import type { UseCaseDeps } from './domain/requests.js';
import { createLoaders, type Loaders } from './loaders.js';
import { CatalogueRepository } from './repositories/catalogue.js';
import { RequestRepository } from './repositories/requests.js';
import { RequestStatsRepository } from './repositories/stats.js';

/** Per request: the verified viewer, the clock, repositories, the city and community tiers' APIs and fresh loaders. */
export interface RequestsContext extends SubgraphContextBase {
  catalogue: CatalogueRepository;
  requests: RequestRepository;
  stats: RequestStatsRepository;
  community: CommunityClient;
  city: CityClient;
  loaders: Loaders;
  /** What a use case of domain/ needs, at this moment. */
  deps(): UseCaseDeps;
}

/** Repositories and the community client once per process; loaders once per request. */
export function createContext({ db, config, logger }: SubgraphRuntime<RequestsTables>) {
  const catalogue = new CatalogueRepository(db);
  const requests = new RequestRepository(db);
  const stats = new RequestStatsRepository(db);
  const community = new CommunityClient({ url: config.subgraphUrls.community, jwtSecret: config.jwtSecret, logger });
  const city = new CityClient({ url: config.subgraphUrls.city, jwtSecret: config.jwtSecret, logger });

  return (base: SubgraphContextBase): RequestsContext => ({
    ...base,
    catalogue,
    requests,
    stats,
    community,
    city,
    loaders: createLoaders(catalogue, requests, stats),
    deps: () => ({ viewer: base.viewer, now: base.clock.now(), requests, catalogue, community, city }),
  });
}
