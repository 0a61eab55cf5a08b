import { forbidden, Role, type Database, type SubgraphContextBase } from '@cgov/shared';
import type { CommunityTables } from './db/schema.js';
import { canSeeCommunity, canSeeRoster, type ViewerHome } from './domain/access.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RosterRepository } from './repositories/roster.js';

/** Per request: the verified viewer, the clock, repositories, fresh loaders and the access checks. */
export interface CommunityContext extends SubgraphContextBase {
  roster: RosterRepository;
  loaders: Loaders;
  /** The community the viewer belongs to, looked up once per request. */
  home(): Promise<ViewerHome>;
  /** Refuses with FORBIDDEN unless the viewer may see the community's compounds and buildings. */
  assertCanSeeCommunity(communityId: string): Promise<void>;
  /** Refuses with FORBIDDEN unless the viewer may see the community's household list. */
  assertCanSeeRoster(communityId: string): Promise<void>;
}

export function createContext(base: SubgraphContextBase, db: Database<CommunityTables>): CommunityContext {
  const roster = new RosterRepository(db);
  const loaders = createLoaders(roster);
  const { viewer } = base;
  let home: Promise<ViewerHome> | undefined;
  const resolveHome = async (): Promise<ViewerHome> => {
    switch (viewer.role) {
      case Role.COMMUNITY_STAFF:
        return { communityId: viewer.scope };
      case Role.RESIDENT:
        return { communityId: (await loaders.householdById.load(viewer.scope))?.communityId ?? null };
      case Role.OWNER_COMMITTEE:
        return { communityId: (await loaders.compoundById.load(viewer.scope))?.communityId ?? null };
      default:
        return { communityId: null };
    }
  };
  const ctx: CommunityContext = {
    ...base,
    roster,
    loaders,
    home: () => (home ??= resolveHome()),
    async assertCanSeeCommunity(communityId) {
      if (!canSeeCommunity(viewer, communityId, await ctx.home())) {
        throw forbidden(`Community ${communityId} is outside your scope (${viewer.role} ${viewer.scope}).`);
      }
    },
    async assertCanSeeRoster(communityId) {
      if (!canSeeRoster(viewer, communityId, await ctx.home())) {
        throw forbidden(`The households of community ${communityId} are outside your scope (${viewer.role} ${viewer.scope}).`);
      }
    },
  };
  return ctx;
}
