import { parseMoney, ServiceClient, type CalendarDate, type Fen, type Logger, type PackageCategory } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

/** A policy in force for a community on a date, as the city subgraph's API gives it. */
export interface EffectivePolicy {
  id: string;
  regionId: string;
  category: PackageCategory;
  version: number;
  subsidyPerUnit: Fen;
  maxListPrice: Fen;
  perHouseholdDailyLimit: number;
}

/** What the community tier asks of the city, through its API, never its database. */
export interface CityApi {
  /** Per `${communityId}|${date}` key, the policies in force there that day. */
  policiesFor(keys: readonly string[]): Promise<Map<string, EffectivePolicy[]>>;
  /** True when the supplier is designated for the community or a region containing it. */
  supplierServes(supplierId: string, communityId: string): Promise<boolean>;
}

export const policyKey = (communityId: string, date: CalendarDate) => `${communityId}|${date}`;

const MATRIX_QUERY = `query CommunityPricing($regionIds: [ID!]!, $dates: [Date!]!) {
  subsidyPolicyMatrix(regionIds: $regionIds, dates: $dates) {
    regionId date policies { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit }
  }
}`;

/** The most regions and dates the city's subsidyPolicyMatrix answers in one call. */
const MATRIX_REGIONS = 500;
const MATRIX_DATES = 31;

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}

const SUPPLIERS_QUERY = `query CommunitySuppliers($regionId: ID!) { suppliers(regionId: $regionId) { id } }`;

interface Matrix {
  /** Null when the city refused (the field is nullable so that a refusal leaves other fields standing). */
  subsidyPolicyMatrix: null | Array<{
    regionId: string;
    date: string;
    policies: Array<Omit<EffectivePolicy, 'subsidyPerUnit' | 'maxListPrice'> & { subsidyPerUnit: string; maxListPrice: string }>;
  }>;
}

export interface CityClientOptions {
  cityUrl: string;
  jwtSecret: string;
  logger: Logger;
  /** How long an answer is reused: a published policy reaches prices within this (kept under the contract's 5 s). */
  ttlMs?: number;
  timeoutMs?: number;
}

/**
 * Asks the city subgraph, with a timeout: the policies in force, one call for all the (community, date)
 * pairs a request needs, reusing answers for a few seconds; and whether a supplier serves a community.
 * It reads as the city's ANALYST: read-only, and only inside that city.
 */
export class CityClient implements CityApi {
  // Bounded: (community, date) pairs accumulate day after day; the least recently used go first.
  private readonly cache = new LRUCache<string, { expires: number; policies: Promise<EffectivePolicy[]> }>({ max: 50_000 });
  private readonly ttlMs: number;
  private readonly client: ServiceClient;

  constructor(options: CityClientOptions) {
    this.ttlMs = options.ttlMs ?? 3000;
    this.client = new ServiceClient({
      url: options.cityUrl,
      service: 'city',
      caller: 'service:community',
      jwtSecret: options.jwtSecret,
      logger: options.logger,
      timeoutMs: options.timeoutMs,
    });
  }

  async policiesFor(keys: readonly string[]): Promise<Map<string, EffectivePolicy[]>> {
    const now = Date.now();
    const missing = [...new Set(keys)].filter((key) => {
      const hit = this.cache.get(key);
      return !hit || hit.expires <= now;
    });
    if (missing.length) {
      const answer = this.fetchMatrix(missing);
      for (const key of missing) {
        const entry = {
          expires: now + this.ttlMs,
          policies: answer.then((matrix) => matrix.get(key) ?? []),
        };
        entry.policies.catch(() => this.cache.get(key) === entry && this.cache.delete(key));
        this.cache.set(key, entry);
      }
    }
    const result = new Map<string, EffectivePolicy[]>();
    for (const key of keys) result.set(key, await this.cache.get(key)!.policies);
    return result;
  }

  private async fetchMatrix(keys: readonly string[]): Promise<Map<string, EffectivePolicy[]>> {
    const byCity = new Map<string, string[]>();
    for (const key of keys) {
      const city = key.slice(0, 4);
      byCity.set(city, [...(byCity.get(city) ?? []), key]);
    }
    const result = new Map<string, EffectivePolicy[]>();
    // The city answers at most 500 regions × 31 dates a call: ask in slices, all at once.
    const calls = [...byCity].flatMap(([cityId, cityKeys]) => {
      const regionIds = [...new Set(cityKeys.map((key) => key.split('|')[0]!))];
      const dates = [...new Set(cityKeys.map((key) => key.split('|')[1]!))];
      return chunks(regionIds, MATRIX_REGIONS).flatMap((regions) => chunks(dates, MATRIX_DATES).map((days) => ({ cityId, regions, days })));
    });
    await Promise.all(
      calls.map(async ({ cityId, regions, days }) => {
        const { subsidyPolicyMatrix } = await this.client.query<Matrix>(cityId, MATRIX_QUERY, { regionIds: regions, dates: days });
        if (!subsidyPolicyMatrix) throw new Error(`The city refused the policies of ${regions.length} regions in city ${cityId}.`);
        for (const cell of subsidyPolicyMatrix) {
          result.set(
            policyKey(cell.regionId, cell.date),
            cell.policies.map((policy) => ({
              ...policy,
              subsidyPerUnit: parseMoney(policy.subsidyPerUnit),
              maxListPrice: parseMoney(policy.maxListPrice),
            })),
          );
        }
      }),
    );
    return result;
  }

  async supplierServes(supplierId: string, communityId: string): Promise<boolean> {
    const { suppliers } = await this.client.query<{ suppliers: Array<{ id: string }> | null }>(communityId.slice(0, 4), SUPPLIERS_QUERY, {
      regionId: communityId,
    });
    if (!suppliers) throw new Error(`The city refused the suppliers of community ${communityId}.`);
    return suppliers.some((supplier) => supplier.id === supplierId);
  }
}
