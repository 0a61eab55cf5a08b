import { ServiceClient, type Logger } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

const REGION_QUERY = `query RequestsRegion($id: ID!, $street: Boolean!) {
  community(id: $id) @skip(if: $street) { id }
  street(id: $id) @include(if: $street) { id }
}`;

const STREET_NAMES_QUERY = `query RequestsStreetNames($cityId: ID!) {
  city(id: $cityId) { districts { streets { id name } } }
}`;

/**
 * What the requests tier asks of the city tier's API (never its database) on a write path: whether a community or
 * street is in the registry. Regions found are kept for an hour (they do not go away); "not there" and failures are
 * not kept.
 */
export class CityClient {
  private readonly client: ServiceClient;
  private readonly known = new LRUCache<string, true>({ max: 100_000, ttl: 3_600_000 });
  private readonly streetNamesOf = new LRUCache<string, ReadonlyMap<string, string>>({ max: 100, ttl: 3_600_000 });

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

  /** The names of a city's streets by code (for rankings), kept for an hour; one call per city. */
  async streetNames(cityId: string): Promise<ReadonlyMap<string, string>> {
    const kept = this.streetNamesOf.get(cityId);
    if (kept) return kept;
    const answer = await this.client.query<{ city: { districts: Array<{ streets: Array<{ id: string; name: string }> }> } | null }>(cityId, STREET_NAMES_QUERY, { cityId });
    const names = new Map((answer.city?.districts ?? []).flatMap((district) => district.streets.map((street) => [street.id, street.name] as const)));
    if (names.size) this.streetNamesOf.set(cityId, names); // a city not (yet) in the registry is asked again
    return names;
  }
}
