import { DEMO_REGIONS } from '@cgov/shared';
import type { UseCaseDeps } from './domain/requests.js';

const regions = new Set<string>(DEMO_REGIONS.map((region) => region.id));

/**
 * The city tier as its demo loads it (the shared DEMO_REGIONS), for the demo loader: the requests service loads its
 * demo before the city's API may answer, so its filings and re-dispatches ask this instead.
 */
export const demoCity: UseCaseDeps['city'] = {
  regionExists: (id) => Promise.resolve(regions.has(id)),
};

/**
 * The community tier as its demo loads it, for the demo loader: which community each of the demo's households
 * (`households`, id → community) lives in, and each of its grid workers (`gridWorkers`, id → community) works in;
 * null for any other id or another city.
 */
export function demoCommunity(households: ReadonlyMap<string, string>, gridWorkers: ReadonlyMap<string, string>): UseCaseDeps['community'] {
  const inCity = (community: string | undefined, cityId: string) => Promise.resolve(community?.startsWith(cityId) ? community : null);
  return {
    householdCommunity: (householdId, cityId) => inCity(households.get(householdId), cityId),
    gridWorkerCommunity: (gridWorkerId, cityId) => inCity(gridWorkers.get(gridWorkerId), cityId),
  };
}
