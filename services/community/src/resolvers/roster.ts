import type { CalendarDate } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import { ORDER_STATUSES, type BuildingRow, type CompoundRow, type HouseholdRow } from '../db/schema.js';
import { canSeeOrdersOf } from '../domain/access.js';
import { inGridOrder } from '../domain/gridRules.js';
import { gridCoverage } from '../domain/microGrid.js';
import { orderStats } from './regions.js';
import { canSeeHousehold, canSeeHouseholdContact, householdOfParticipation, visibleBuilding, visibleCompound, visibleHousehold } from './visibility.js';

export const Community = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  compounds: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) return refuseCommunity(ctx, id, "community's compounds");
    return ctx.loaders.compoundsOfCommunity.load(id);
  },
  packages: async ({ id }: { id: string }, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) return refuseCommunity(ctx, id, "community's packages");
    return ctx.loaders.packagesOf.load(`${id}|${date}`);
  },
  partyMembers: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeRoster(id))) return refuseRoster(ctx, id, "community's party members");
    return ctx.loaders.partyMembersOfCommunity.load(id);
  },
  volunteerCoverage: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) {
      return ctx.refuse('figure', `The volunteer coverage of community ${id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    }
    return ctx.loaders.coverageOf.load(id);
  },
  orderStats,
  grids: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) return refuseCommunity(ctx, id, "community's grids");
    return inGridOrder(await ctx.loaders.gridsOfCommunity.load(id));
  },
  gridCoverage: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) return ctx.refuse('figure', `The grid coverage of community ${id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    return gridCoverage(ctx.loaders, id, ctx.clock.now());
  },
};

export const Compound = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleCompound(id, ctx),
  community: (compound: CompoundRow) => ({ id: compound.communityId }),
  buildings: (compound: CompoundRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingsOfCompound.load(compound.id),
  orderReport: async (compound: CompoundRow, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    if (!(await ctx.canSeeRoster(compound.communityId))) return refuseRoster(ctx, compound.communityId, 'order report');
    return ctx.loaders.reportOf.load(`${compound.id}|${date}`);
  },
  orderStatusCounts: async (compound: CompoundRow, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    if (!(await ctx.canSeeRoster(compound.communityId))) return refuseRoster(ctx, compound.communityId, 'order counts');
    const counts = await ctx.loaders.statusCountsOf.load(`${compound.id}|${date}`);
    return [...counts].sort((a, b) => ORDER_STATUSES.indexOf(a.status) - ORDER_STATUSES.indexOf(b.status));
  },
};

export const Building = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleBuilding(id, ctx),
  compound: (building: BuildingRow, _: unknown, ctx: CommunityContext) => ctx.loaders.compoundById.load(building.compoundId),
  households: async (building: BuildingRow, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeRoster(building.communityId)) && !(await ctx.gridHolds({ buildingId: building.id }))) {
      return refuseRoster(ctx, building.communityId, 'list of households');
    }
    return ctx.loaders.householdsOfBuilding.load(building.id);
  },
  assignments: async (building: BuildingRow, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeRoster(building.communityId))) return refuseRoster(ctx, building.communityId, 'list of assignments');
    const assignments = await ctx.loaders.assignmentsOfCommunity.load(building.communityId);
    return assignments.filter((assignment) => assignment.buildingId === building.id);
  },
};

/** A community's lists (compounds, packages) outside the viewer's scope: one FORBIDDEN per kind a request, null. */
function refuseCommunity(ctx: CommunityContext, communityId: string, kind: string) {
  return ctx.refuse(kind, `Community ${communityId} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
}

/** A roster figure (report, households, assignments) the viewer may not see: one FORBIDDEN per kind a request, null. */
function refuseRoster(ctx: CommunityContext, communityId: string, kind: string) {
  return ctx.refuse(kind, `The households of community ${communityId}, and what is built on them, are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
}

/** A household's name or phone: for those who act for it and its grid's workers; for anyone else null, with one FORBIDDEN a request. */
function personal(field: 'headOfHousehold' | 'phone') {
  return async (household: HouseholdRow, _: unknown, ctx: CommunityContext) => {
    if (!(await canSeeHouseholdContact(household, ctx))) {
      return ctx.refuse('name or phone', `Names and phone numbers of households are not shown to ${ctx.viewer.role} ${ctx.viewer.scope}.`);
    }
    return household[field];
  };
}

export const Household = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleHousehold(id, ctx),
  building: (household: HouseholdRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingById.load(household.buildingId),
  headOfHousehold: personal('headOfHousehold'),
  phone: personal('phone'),
  /** Beyond building and room: not for an owners' committee that sees the household on its pickup list. */
  needsDoorToDoor: async (household: HouseholdRow, _: unknown, ctx: CommunityContext) => {
    if (!(await canSeeHousehold(household, ctx))) {
      return ctx.refuse('door-to-door flag', `Of a household on a pickup list, ${ctx.viewer.role} sees the building and room only.`);
    }
    return household.needsDoorToDoor;
  },
  orders: async (household: HouseholdRow, { date }: { date?: CalendarDate | null }, ctx: CommunityContext) => {
    if (!canSeeOrdersOf(ctx.viewer, household, await ctx.viewerFloors())) {
      return ctx.refuse("household's orders", `The orders of household ${household.id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    }
    return ctx.loaders.ordersOfHousehold.load(`${household.id}|${date ?? ''}`);
  },
};

export const VolunteerCoverage = {
  uncoveredBuildings: ({ communityId }: { communityId: string }, _: unknown, ctx: CommunityContext) => ctx.loaders.uncoveredBuildingsOf.load(communityId),
};

export const Participation = {
  __resolveReference: (reference: { id: string; householdId: string; compoundId: string }) => reference,
  household: (participation: { householdId: string; compoundId: string }, _: unknown, ctx: CommunityContext) => householdOfParticipation(participation, ctx),
};
