import { Role, ServiceClient, viewerRegion, type Logger, type Viewer } from '@cgov/shared';
import { LRUCache } from 'lru-cache';

/** Where a household lives, as the community subgraph knows it (no names). */
export interface HouseholdPlace {
  householdId: string;
  compoundId: string;
  communityId: string;
  /** The building it lives in (a grid worker's reach is counted in buildings). */
  buildingId: string;
  /** "B小区 1号楼 601": how volunteers find the household at pickup. */
  label: string;
}

const HOUSEHOLD_QUERY = `query SelforgHousehold($id: ID!) {
  household(id: $id) { id room building { id name compound { id name community { id } } } }
}`;
const COMPOUND_QUERY = `query SelforgCompound($id: ID!) { compound(id: $id) { id name community { id } } }`;
const GRID_WORKER_QUERY = `query SelforgGridWorker($id: ID!) {
  gridWorker(id: $id) { id grid { id } community { id grids { id parent { id } buildings { id } } } }
}`;

interface GridWorkerAnswer {
  gridWorker: {
    grid: { id: string };
    community: { id: string; grids: Array<{ id: string; parent: { id: string } | null; buildings: Array<{ id: string }> }> | null };
  } | null;
}

/** Where a grid worker may act: its grid's community and the buildings of its grid and the grids under it. */
export interface GridWorkerReach {
  communityId: string;
  buildingIds: string[];
}

const OWN_HOUSEHOLD_QUERY = `query SelforgOwnHousehold($id: ID!) { household(id: $id) { id building { compound { community { id } } } } }`;
const OWN_GRID_QUERY = `query SelforgOwnGrid($id: ID!) { gridWorker(id: $id) { id community { id } } }`;

const PARTY_MEMBER_QUERY = `query SelforgPartyMember($id: ID!) { partyMember(id: $id) { id community { id } } }`;

interface HouseholdAnswer {
  household: { id: string; room: string; building: { id: string; name: string; compound: { id: string; name: string; community: { id: string } } } } | null;
}

/**
 * What the self-organisation tier asks of the community tier's API (never its database): where a
 * household lives, which community a compound or party member belongs to. Answers found are reused for a
 * minute (they change rarely, and a join should not wait on them twice); "not found" and failures are not.
 */
export class CommunityClient {
  private readonly client: ServiceClient;
  // Bounded (every household that ever joined would stay otherwise); the least recently used go first.
  private readonly cache = new LRUCache<string, { expires: number; value: Promise<unknown> }>({ max: 100_000 });

  private readonly ttlMs: number;

  constructor(options: { url: string; jwtSecret: string; logger: Logger; ttlMs?: number }) {
    this.client = new ServiceClient({ url: options.url, service: 'community', caller: 'service:selforg', jwtSecret: options.jwtSecret, logger: options.logger });
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  /** Where the household lives, looked up inside the city `cityId`; null when it is not a household there. */
  householdPlace(householdId: string, cityId: string): Promise<HouseholdPlace | null> {
    return this.cached(`household:${cityId}:${householdId}`, async () => {
      const answer = await this.lookup<HouseholdAnswer>(cityId, HOUSEHOLD_QUERY, householdId);
      const household = answer.household;
      if (!household) return null;
      const { compound } = household.building;
      return {
        householdId: household.id,
        compoundId: compound.id,
        communityId: compound.community.id,
        buildingId: household.building.id,
        label: `${compound.name} ${household.building.name} ${household.room}`,
      };
    });
  }

  /** The compound's name and community, looked up inside the city `cityId`; null when it is not a compound there. */
  compound(compoundId: string, cityId: string): Promise<{ id: string; name: string; communityId: string } | null> {
    return this.cached(`compound:${cityId}:${compoundId}`, async () => {
      const answer = await this.lookup<{ compound: { id: string; name: string; community: { id: string } } | null }>(cityId, COMPOUND_QUERY, compoundId);
      return answer.compound ? { id: answer.compound.id, name: answer.compound.name, communityId: answer.compound.community.id } : null;
    });
  }

  /** The community a party member reported to, looked up inside the city `cityId`. */
  partyMemberCommunity(partyMemberId: string, cityId: string): Promise<string | null> {
    return this.cached(`party-member:${cityId}:${partyMemberId}`, async () => {
      const answer = await this.lookup<{ partyMember: { community: { id: string } } | null }>(cityId, PARTY_MEMBER_QUERY, partyMemberId);
      return answer.partyMember?.community.id ?? null;
    });
  }

  /** The community and buildings a grid worker's grid (and the grids under it) holds, looked up inside the city `cityId`; null when it is not a grid worker there. */
  gridWorkerReach(gridWorkerId: string, cityId: string): Promise<GridWorkerReach | null> {
    return this.cached(`grid-worker:${cityId}:${gridWorkerId}`, async () => {
      const worker = (await this.lookup<GridWorkerAnswer>(cityId, GRID_WORKER_QUERY, gridWorkerId)).gridWorker;
      if (!worker) return null;
      const grids = worker.community.grids ?? [];
      const under = new Set([worker.grid.id]);
      // Grids sit at most three deep (community, area, micro-grid): walk down until nothing new is found.
      for (let grown = true; grown; ) {
        grown = false;
        for (const grid of grids) {
          if (grid.parent && under.has(grid.parent.id) && !under.has(grid.id)) {
            under.add(grid.id);
            grown = true;
          }
        }
      }
      const buildingIds = grids.filter((grid) => under.has(grid.id)).flatMap((grid) => grid.buildings.map((building) => building.id));
      return { communityId: worker.community.id, buildingIds };
    });
  }

  /**
   * The city a resident's household or a grid worker's grid lies in (their scopes are ids, not region codes), asked of
   * the community tier with the viewer's own rights, so it answers for that household or grid worker only; null when
   * the community tier does not know it. Roles scoped by region: the first four digits of their code; any other role
   * (scoped by another kind of id): null.
   */
  viewerCity(viewer: Pick<Viewer, 'role' | 'scope'>): Promise<string | null> {
    if (viewer.role === Role.RESIDENT) {
      return this.cached(`own-household:${viewer.scope}`, async () => {
        const answer = await this.client.queryAs<{ household: { building: { compound: { community: { id: string } } } } | null }>(viewer, OWN_HOUSEHOLD_QUERY, { id: viewer.scope });
        return answer.household?.building.compound.community.id.slice(0, 4) ?? null;
      });
    }
    if (viewer.role === Role.GRID_WORKER) {
      return this.cached(`own-grid:${viewer.scope}`, async () => {
        const answer = await this.client.queryAs<{ gridWorker: { community: { id: string } } | null }>(viewer, OWN_GRID_QUERY, { id: viewer.scope });
        return answer.gridWorker?.community.id.slice(0, 4) ?? null;
      });
    }
    return Promise.resolve(viewerRegion(viewer as Viewer)?.slice(0, 4) ?? null);
  }

  /** A lookup by id; an id outside the city is refused by the community tier and reads as null. */
  private lookup<T>(cityId: string, query: string, id: string): Promise<T> {
    return this.client.query<T>(cityId, query, { id });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const value = load();
    const entry = { expires: now + this.ttlMs, value };
    // A failure or a "not there" is not kept: the next ask tries again (an id added meanwhile is found at once).
    const forget = () => void (this.cache.get(key) === entry && this.cache.delete(key));
    value.then((answer) => answer === null && forget(), forget);
    this.cache.set(key, entry);
    return value;
  }
}
