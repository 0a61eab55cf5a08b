import { forbidden } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { BuildingRow, CompoundRow, HouseholdRow } from '../db/schema.js';
import { canSeePersonalData } from '../domain/access.js';
import { visibleBuilding, visibleCompound, visibleHousehold } from './visibility.js';

export const Community = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  compounds: async ({ id }: { id: string }, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeCommunity(id);
    return ctx.loaders.compoundsOfCommunity.load(id);
  },
};

export const Compound = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleCompound(id, ctx),
  community: (compound: CompoundRow) => ({ id: compound.communityId }),
  buildings: (compound: CompoundRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingsOfCompound.load(compound.id),
};

export const Building = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleBuilding(id, ctx),
  compound: (building: BuildingRow, _: unknown, ctx: CommunityContext) => ctx.loaders.compoundById.load(building.compoundId),
  households: async (building: BuildingRow, _: unknown, ctx: CommunityContext) => {
    await ctx.assertCanSeeRoster(building.communityId);
    return ctx.loaders.householdsOfBuilding.load(building.id);
  },
};

function personal(field: 'headOfHousehold' | 'phone') {
  return (household: HouseholdRow, _: unknown, ctx: CommunityContext) => {
    if (!canSeePersonalData(ctx.viewer, household)) {
      throw forbidden(`Names and phone numbers of households are not shown to ${ctx.viewer.role}.`);
    }
    return household[field];
  };
}

export const Household = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleHousehold(id, ctx),
  building: (household: HouseholdRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingById.load(household.buildingId),
  headOfHousehold: personal('headOfHousehold'),
  phone: personal('phone'),
};
