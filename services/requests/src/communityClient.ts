import { ServiceClient, type Logger } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

const HOUSEHOLD_QUERY = `query RequestsHousehold($id: ID!) {
  household(id: $id) { id building { compound { community { id } } } }
}`;

const GRID_WORKER_QUERY = `query RequestsGridWorker($id: ID!) {
  gridWorker(id: $id) { id community { id } }
}`;

interface GridWorkerAnswer {
  gridWorker: { id: string; community: { id: string } } | null;
}

interface HouseholdAnswer {
  household: { id: string; building: { compound: { community: { id: string } } } } | null;
}

/**
 * What the requests tier asks of the community tier's API (never its database) on the filing path: which community a
 * household belongs to, and which community a grid worker's grid lies in. Answers found are reused for a minute;
 * "not found" and failures are not.
 */
export class CommunityClient {
  private readonly client: ServiceClient;
  private readonly cache = new LRUCache<string, { expires: number; value: Promise<string | null> }>({ max: 100_000 });

  constructor(options: { url: string; jwtSecret: string; logger: Logger }) {
    this.client = new ServiceClient({ url: options.url, service: 'community', caller: 'service:requests', jwtSecret: options.jwtSecret, logger: options.logger });
  }

  /** The community of a household, looked up inside the city `cityId`; null when it is not a household there. */
  householdCommunity(householdId: string, cityId: string): Promise<string | null> {
    return this.kept(`household:${cityId}:${householdId}`, () =>
      this.client.query<HouseholdAnswer>(cityId, HOUSEHOLD_QUERY, { id: householdId }).then((answer) => answer.household?.building.compound.community.id ?? null),
    );
  }

  /** The community of a grid worker's grid, looked up inside the city `cityId`; null when it is not a grid worker there. */
  gridWorkerCommunity(gridWorkerId: string, cityId: string): Promise<string | null> {
    return this.kept(`grid-worker:${cityId}:${gridWorkerId}`, () =>
      this.client.query<GridWorkerAnswer>(cityId, GRID_WORKER_QUERY, { id: gridWorkerId }).then((answer) => answer.gridWorker?.community.id ?? null),
    );
  }

  /** An answer asked once a minute per key (concurrent askers share it); null answers and failures are asked again. */
  private kept(key: string, ask: () => Promise<string | null>): Promise<string | null> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = ask();
    const entry = { expires: now + 60_000, value };
    const forget = () => void (this.cache.get(key) === entry && this.cache.delete(key));
    value.then((answer) => answer === null && forget(), forget);
    this.cache.set(key, entry);
    return value;
  }
}
