import { askService, forbidden, Role, today, type CalendarDate, type PackageCategory, type SubgraphContextBase, type SubgraphRuntime } from '@cgov/shared';
import { CityClient, policyKey, type EffectivePolicy } from './cityClient.js';
import type { AssignmentRow, CommunityTables, HouseholdRow } from './db/schema.js';
import { canActForHousehold, canSeeCommunity, canSeeRoster, type ViewerHome } from './domain/access.js';
import { workerReach, type GridDeps, type WorkerReach } from './domain/microGrid.js';
import { createLoaders, type Loaders, type Repositories } from './loaders.js';
import { CoverageRepository } from './repositories/coverage.js';
import { GridRepository } from './repositories/grids.js';
import { OrderRepository } from './repositories/orders.js';
import { PackageRepository } from './repositories/packages.js';
import { PartyMemberRepository } from './repositories/partyMembers.js';
import { RosterRepository } from './repositories/roster.js';

/** Per request: the verified viewer, the clock, repositories, fresh loaders and the access checks. */
export interface CommunityContext extends SubgraphContextBase, Repositories {
  loaders: Loaders;
  /** Today in Asia/Shanghai by the request's clock. */
  today(): CalendarDate;
  /** The community the viewer belongs to, looked up once per request. */
  home(): Promise<ViewerHome>;
  /** The floors the viewer covers when it is a party member; none otherwise. */
  viewerFloors(): Promise<AssignmentRow[]>;
  /** Whether the viewer may see the community's compounds, buildings and figures. */
  canSeeCommunity(communityId: string): Promise<boolean>;
  /** Refuses with FORBIDDEN unless the viewer may see the community's compounds and buildings. */
  assertCanSeeCommunity(communityId: string): Promise<void>;
  /** Whether the viewer may see the community's household list (ids, floors, rooms; no names). */
  canSeeRoster(communityId: string): Promise<boolean>;
  /** Refuses with FORBIDDEN unless the viewer may see the community's household list. */
  assertCanSeeRoster(communityId: string): Promise<void>;
  /** Refuses with FORBIDDEN unless the viewer is the community's own staff. */
  assertStaffOf(communityId: string, action: string): void;
  /** True when the viewer may act for the household (order, cancel, read its name and orders). */
  canActFor(household: HouseholdRow): Promise<boolean>;
  /** Where a GRID_WORKER may act (its grid and the grids under it, their buildings), looked up once per request; null for other roles. */
  workerReach(): Promise<WorkerReach>;
  /** True when the viewer is a grid worker whose grid (or a grid under it) holds the household's building. */
  gridHolds(household: { buildingId: string }): Promise<boolean>;
  /** Who asks, the time and the micro-grid's repository and loaders, for the micro-grid's use cases. */
  gridDeps(): GridDeps;
  /** True when the supplier is designated for the community or a region containing it (asked of the city). */
  supplierServes(supplierId: string, communityId: string): Promise<boolean>;
  /** The policy in force for a category in a community on a date, asked of the city; null when there is none. */
  policyFor(communityId: string, date: CalendarDate, category: PackageCategory, purpose: string): Promise<EffectivePolicy | null>;
}

/** Repositories and the city client once per process; loaders once per request. */
export function createContext({ db, config, logger }: SubgraphRuntime<CommunityTables>) {
  const repositories: Repositories = {
    roster: new RosterRepository(db),
    coverage: new CoverageRepository(db),
    partyMembers: new PartyMemberRepository(db),
    packages: new PackageRepository(db),
    orders: new OrderRepository(db),
    grids: new GridRepository(db),
  };
  const city = new CityClient({ cityUrl: config.subgraphUrls.city, jwtSecret: config.jwtSecret, logger });

  return (base: SubgraphContextBase): CommunityContext => {
    const loaders = createLoaders(repositories, city);
    const { viewer } = base;
    const resolveHome = async (): Promise<ViewerHome> => {
      switch (viewer.role) {
        case Role.COMMUNITY_STAFF:
          return { communityId: viewer.scope };
        case Role.RESIDENT:
          return { communityId: (await loaders.householdById.load(viewer.scope))?.communityId ?? null };
        case Role.OWNER_COMMITTEE:
          return { communityId: (await loaders.compoundById.load(viewer.scope))?.communityId ?? null };
        case Role.PARTY_MEMBER:
          return { communityId: (await loaders.partyMemberById.load(viewer.scope))?.communityId ?? null };
        case Role.GRID_WORKER:
          return { communityId: (await loaders.gridWorkerById.load(viewer.scope))?.communityId ?? null };
        default:
          return { communityId: null };
      }
    };
    const viewerFloors = async () => (viewer.role === Role.PARTY_MEMBER ? loaders.assignmentsOfMember.load(viewer.scope) : []);
    const ctx: CommunityContext = {
      ...base,
      ...repositories,
      loaders,
      today: () => today(base.clock),
      home: base.caches.memo(resolveHome),
      viewerFloors,
      async canSeeCommunity(communityId) {
        return canSeeCommunity(viewer, communityId, await ctx.home());
      },
      async assertCanSeeCommunity(communityId) {
        if (!(await ctx.canSeeCommunity(communityId))) {
          throw forbidden(`Community ${communityId} is outside your scope (${viewer.role} ${viewer.scope}).`);
        }
      },
      async canSeeRoster(communityId) {
        return canSeeRoster(viewer, communityId, await ctx.home());
      },
      async assertCanSeeRoster(communityId) {
        if (!(await ctx.canSeeRoster(communityId))) {
          throw forbidden(`The households of community ${communityId} are outside your scope (${viewer.role} ${viewer.scope}).`);
        }
      },
      assertStaffOf(communityId, action) {
        if (viewer.role !== Role.COMMUNITY_STAFF) throw forbidden(`Only COMMUNITY_STAFF may ${action}; your role is ${viewer.role}.`);
        if (viewer.scope !== communityId) {
          throw forbidden(`You are staff of community ${viewer.scope}; you may ${action} only there, not in ${communityId}.`);
        }
      },
      async canActFor(household) {
        return canActForHousehold(viewer, household, await viewerFloors());
      },
      workerReach: base.caches.memo(() => workerReach(loaders, viewer)),
      async gridHolds(household) {
        return (await ctx.workerReach())?.buildings.has(household.buildingId) ?? false;
      },
      gridDeps: () => ({ viewer, now: base.clock.now(), grids: repositories.grids, loaders }),
      supplierServes: (supplierId, communityId) =>
        askService('city', 'The supplier cannot be checked', () => city.supplierServes(supplierId, communityId)),
      async policyFor(communityId, date, category, purpose) {
        const policies = await askService('city', `${purpose}: no price is guessed`, () => loaders.policiesOf.load(policyKey(communityId, date)));
        return policies.find((policy) => policy.category === category) ?? null;
      },
    };
    return ctx;
  };
}
