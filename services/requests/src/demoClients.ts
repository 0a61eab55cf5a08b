import { DEMO_REGIONS, DEVELOPMENT_JWT_SECRET, createLogger } from '@cgov/shared';
import { CityClient } from './cityClient.js';
import { CommunityClient } from './communityClient.js';

/** Where the demo's clients would send a query: never, they answer from the demo's own registry data. */
const NOWHERE = { url: 'http://127.0.0.1:1/graphql', jwtSecret: DEVELOPMENT_JWT_SECRET, logger: createLogger('requests-demo', 'silent') };

/**
 * The city tier as its demo loads it (the shared DEMO_REGIONS), for the demo loader: the requests service loads its
 * demo before the city's API may answer, so its filings and re-dispatches ask this instead.
 */
export class DemoCityClient extends CityClient {
  private readonly regions = new Set<string>(DEMO_REGIONS.map((region) => region.id));

  constructor() {
    super(NOWHERE);
  }

  /** True when the demo's region tree holds the community or street. */
  override regionExists(id: string): Promise<boolean> {
    return Promise.resolve(this.regions.has(id));
  }
}

/**
 * The community tier as its demo loads it, for the demo loader: which community each of the demo's households
 * (`households`, id → community) lives in, and each of its grid workers (`gridWorkers`, id → community) works in.
 */
export class DemoCommunityClient extends CommunityClient {
  constructor(
    private readonly households: ReadonlyMap<string, string>,
    private readonly gridWorkers: ReadonlyMap<string, string>,
  ) {
    super(NOWHERE);
  }

  /** The community of a demo grid worker's grids inside the city `cityId`; null for any other id. */
  override gridWorkerCommunity(gridWorkerId: string, cityId: string): Promise<string | null> {
    const community = this.gridWorkers.get(gridWorkerId);
    return Promise.resolve(community?.startsWith(cityId) ? community : null);
  }

  /** The community of a demo household inside the city `cityId`; null for any other id. */
  override householdCommunity(householdId: string, cityId: string): Promise<string | null> {
    const community = this.households.get(householdId);
    return Promise.resolve(community?.startsWith(cityId) ? community : null);
  }
}
