import { forbidden, type CalendarDate } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { BuildingRow, CompoundRow, HouseholdRow } from '../db/schema.js';
import { canSeeOrdersOf } from '../domain/access.js';
import { orderStats } from './regions.js';
import { visibleBuilding, visibleCompound, visibleHousehold } from './visibility.js';

export const Community = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  compounds: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeCommunity(id);
    return ctx.loaders.compoundsOfCommunity.load(id);
  },
  packages: async ({ id }: { id: string }, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    await ctx.assertCanSeeCommunity(id);
    return ctx.loaders.packagesOf.load(`${id}|${date}`);
  },
  partyMembers: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeRoster(id);
    return ctx.loaders.partyMembersOfCommunity.load(id);
  },
  volunteerCoverage: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canSeeCommunity(id))) {
      return ctx.refusals.refuse(`The volunteer coverage of community ${id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    }
    return ctx.loaders.coverageOf.load(id);
  },
  orderStats,
};

export const Compound = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleCompound(id, ctx),
  community: (compound: CompoundRow) => ({ id: compound.communityId }),
  buildings: (compound: CompoundRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingsOfCompound.load(compound.id),
  orderReport: async (compound: CompoundRow, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    await ctx.assertCanSeeRoster(compound.communityId);
    return ctx.loaders.reportOf.load(`${compound.id}|${date}`);
  },
};

export const Building = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleBuilding(id, ctx),
  compound: (building: BuildingRow, _: unknown, ctx: CommunityContext) => ctx.loaders.compoundById.load(building.compoundId),
  households: async (building: BuildingRow, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeRoster(building.communityId);
    return ctx.loaders.householdsOfBuilding.load(building.id);
  },
  assignments: async (building: BuildingRow, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeRoster(building.communityId);
    const assignments = await ctx.loaders.assignmentsOfCommunity.load(building.communityId);
    return assignments.filter((assignment) => assignment.buildingId === building.id);
  },
};

function personal(field: 'headOfHousehold' | 'phone') {
  return async (household: HouseholdRow, _: unknown, ctx: CommunityContext) => {
    if (!(await ctx.canActFor(household))) {
      throw forbidden(`Names and phone numbers of households are not shown to ${ctx.viewer.role} ${ctx.viewer.scope}.`);
    }
    return household[field];
  };
}

export const Household = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleHousehold(id, ctx),
  building: (household: HouseholdRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingById.load(household.buildingId),
  headOfHousehold: personal('headOfHousehold'),
  phone: personal('phone'),
  orders: async (household: HouseholdRow, { date }: { date?: CalendarDate | null }, ctx: CommunityContext) => {
    if (!canSeeOrdersOf(ctx.viewer, household, await ctx.viewerFloors())) {
      throw forbidden(`The orders of household ${household.id} are outside your scope.`);
    }
    return ctx.loaders.ordersOfHousehold.load(`${household.id}|${date ?? ''}`);
  },
};

export const VolunteerCoverage = {
  uncoveredBuildings: ({ communityId }: { communityId: string }, _: unknown, ctx: CommunityContext) => ctx.loaders.uncoveredBuildingsOf.load(communityId),
};
