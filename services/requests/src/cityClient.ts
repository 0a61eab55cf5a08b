import { ServiceClient, type Logger } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

const REGION_QUERY = `query RequestsRegion($id: ID!, $street: Boolean!) {
  community(id: $id) @skip(if: $street) { id }
  street(id: $id) @include(if: $street) { id }
}`;

/**
 * What the requests tier asks of the city tier's API (never its database) on a write path: whether a community or
 * street is in the registry. Regions found are kept for an hour (they do not go away); "not there" and failures are
 * not kept.
 */
export class CityClient {
  private readonly client: ServiceClient;
  private readonly known = new LRUCache<string, true>({ max: 100_000, ttl: 3_600_000 });

  constructor(options: { url: string; jwtSecret: string; logger: Logger }) {
    this.client = new ServiceClient({ url: options.url, service: 'city', caller: 'service:requests', jwtSecret: options.jwtSecret, logger: options.logger });
  }

  /** True when the city registers the community (12 digits) or street (9 digits). */
  async regionExists(id: string): Promise<boolean> {
    if (this.known.has(id)) return true;
    const street = id.length === 9;
    const answer = await this.client.query<{ community?: { id: string } | null; street?: { id: string } | null }>(id.slice(0, 4), REGION_QUERY, { id, street });
    const found = (street ? answer.street : answer.community) != null;
    if (found) this.known.set(id, true);
    return found;
  }
}
