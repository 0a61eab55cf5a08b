import { askService, forbidden, Role, type SubgraphContextBase, type SubgraphRuntime } from '@cgov/shared';
import { CommunityClient } from './communityClient.js';
import type { SelforgTables } from './db/schema.js';
import { canReadGroupBuys, type Target, type ViewerPlace } from './domain/access.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { CouncilDeps } from './domain/councils.js';
import { CouncilRepository } from './repositories/councils.js';
import { GroupBuyRepository } from './repositories/groupBuys.js';
import { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';
import type { SharingDeps } from './domain/sharing.js';
import { SharingRepository } from './repositories/sharing.js';

/** Per request: the verified viewer, the clock, repositories, the community tier's API and fresh loaders. */
export interface SelforgContext extends SubgraphContextBase {
  committees: OwnerCommitteeRepository;
  groupBuys: GroupBuyRepository;
  councils: CouncilRepository;
  sharing: SharingRepository;
  community: CommunityClient;
  /** What a council use case needs, with the time of this call. */
  councilDeps(): CouncilDeps;
  /** What a shared-community use case needs, with the time of this call. */
  sharingDeps(): SharingDeps;
  loaders: Loaders;
  /** Where the viewer lives, asked of the community tier inside the target's city (once per request and city). */
  place(cityId: string): Promise<ViewerPlace>;
  /** Whether the viewer may read the compound's (or community's) group buys. */
  canRead(target: Target): Promise<boolean>;
  /** Refuses with FORBIDDEN unless the viewer may read the compound's (or community's) group buys. */
  assertCanRead(target: Target): Promise<void>;
}

/** Repositories and the community client once per process; loaders once per request. */
export function createContext({ db, config, logger }: SubgraphRuntime<SelforgTables>) {
  const committees = new OwnerCommitteeRepository(db);
  const groupBuys = new GroupBuyRepository(db);
  const councils = new CouncilRepository(db);
  const sharing = new SharingRepository(db);
  const community = new CommunityClient({ url: config.subgraphUrls.community, jwtSecret: config.jwtSecret, logger });

  return (base: SubgraphContextBase): SelforgContext => {
    const loaders = createLoaders(committees, groupBuys, councils, sharing, base.viewer.scope, base.clock);
    const { viewer } = base;
    const resolvePlace = async (cityId: string): Promise<ViewerPlace> => {
      switch (viewer.role) {
        case Role.RESIDENT: {
          const place = await askService('community', 'Your household cannot be looked up', () => community.householdPlace(viewer.scope, cityId));
          return { compoundId: place?.compoundId ?? null, communityId: place?.communityId ?? null };
        }
        case Role.PARTY_MEMBER:
          return { compoundId: null, communityId: await askService('community', 'Your community cannot be looked up', () => community.partyMemberCommunity(viewer.scope, cityId)) };
        case Role.OWNER_COMMITTEE: {
          const committee = await loaders.committeeOfCompound.load(viewer.scope);
          return { compoundId: viewer.scope, communityId: committee?.communityId ?? null };
        }
        default:
          return { compoundId: null, communityId: null };
      }
    };
    const ctx: SelforgContext = {
      ...base,
      committees,
      groupBuys,
      councils,
      sharing,
      community,
      loaders,
      councilDeps: () => ({ viewer, now: base.clock.now(), councils, community }),
      sharingDeps: () => ({ viewer, now: base.clock.now(), sharing, community }),
      place: base.caches.memoByKey(resolvePlace),
      async canRead(target) {
        const needsPlace = viewer.role === Role.RESIDENT || viewer.role === Role.PARTY_MEMBER || viewer.role === Role.OWNER_COMMITTEE;
        const place = needsPlace ? await ctx.place(target.communityId.slice(0, 4)) : { compoundId: null, communityId: null };
        return canReadGroupBuys(viewer, target, place);
      },
      async assertCanRead(target) {
        if (!(await ctx.canRead(target))) {
          throw forbidden(`The group buys of ${target.compoundId ? 'that compound' : `community ${target.communityId}`} are outside your scope (${viewer.role} ${viewer.scope}).`);
        }
      },
    };
    return ctx;
  };
}
