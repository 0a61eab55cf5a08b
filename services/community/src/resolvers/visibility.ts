import type { CommunityContext } from '../context.js';

/** A compound by id when it exists and the viewer may see its community; null when it does not exist. */
export async function visibleCompound(id: string, ctx: CommunityContext) {
  const compound = await ctx.loaders.compoundById.load(id);
  if (compound) await ctx.assertCanSeeCommunity(compound.communityId);
  return compound;
}

/** A building by id, under the same rule as its compound. */
export async function visibleBuilding(id: string, ctx: CommunityContext) {
  const building = await ctx.loaders.buildingById.load(id);
  if (building) await ctx.assertCanSeeCommunity(building.communityId);
  return building;
}

/** A household by id: for those who may see the community's roster, and for those who act for it (itself, its party member). */
export async function visibleHousehold(id: string, ctx: CommunityContext) {
  const household = await ctx.loaders.householdById.load(id);
  if (household && !(await ctx.canActFor(household))) await ctx.assertCanSeeRoster(household.communityId);
  return household;
}
