import { ServiceClient, type Logger } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

const HOUSEHOLD_QUERY = `query RequestsHousehold($id: ID!) {
  household(id: $id) { id building { compound { community { id } } } }
}`;

interface HouseholdAnswer {
  household: { id: string; building: { compound: { community: { id: string } } } } | null;
}

/**
 * What the requests tier asks of the community tier's API (never its database): which community a household
 * belongs to, on the filing path. Answers found are reused for a minute; "not found" and failures are not.
 */
export class CommunityClient {
  private readonly client: ServiceClient;
  private readonly cache = new LRUCache<string, { expires: number; value: Promise<string | null> }>({ max: 100_000 });

  constructor(options: { url: string; jwtSecret: string; logger: Logger }) {
    this.client = new ServiceClient({ url: options.url, service: 'community', caller: 'service:requests', jwtSecret: options.jwtSecret, logger: options.logger });
  }

  /** The community of a household, looked up inside the city `cityId`; null when it is not a household there. */
  householdCommunity(householdId: string, cityId: string): Promise<string | null> {
    const key = `${cityId}:${householdId}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = this.client.query<HouseholdAnswer>(cityId, HOUSEHOLD_QUERY, { id: householdId }).then((answer) => answer.household?.building.compound.community.id ?? null);
    const entry = { expires: now + 60_000, value };
    const forget = () => void (this.cache.get(key) === entry && this.cache.delete(key));
    value.then((answer) => answer === null && forget(), forget);
    this.cache.set(key, entry);
    return value;
  }
}
