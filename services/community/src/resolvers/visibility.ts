import type { CommunityContext } from '../context.js';
import type { HouseholdRow } from '../db/schema.js';
import { canSeePickupPlace } from '../domain/access.js';

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

/**
 * A household by id: for those who may see the community's roster, for those who act for it (itself, its party
 * member), and for the workers of the grid that holds it; another grid's worker is refused.
 */
export async function visibleHousehold(id: string, ctx: CommunityContext) {
  const household = await ctx.loaders.householdById.load(id);
  if (household && !(await ctx.canActFor(household)) && !(await ctx.gridHolds(household))) await ctx.assertCanSeeRoster(household.communityId);
  return household;
}

/** True when the viewer may see the household: it acts for it (itself, its party member, its staff), its grid's workers, or may see the community's roster. */
export async function canSeeHousehold(household: HouseholdRow, ctx: CommunityContext): Promise<boolean> {
  return (await ctx.canActFor(household)) || (await ctx.gridHolds(household)) || (await ctx.canSeeRoster(household.communityId));
}

/** A household's name and phone: those who act for it (itself, its party member, its staff) and the workers of the grid that holds it. */
export async function canSeeHouseholdContact(household: HouseholdRow, ctx: CommunityContext): Promise<boolean> {
  return (await ctx.canActFor(household)) || (await ctx.gridHolds(household));
}

/** A household reached from another record (a rating): itself when the viewer may see it, otherwise null with one FORBIDDEN a request. */
export async function householdIfVisible(id: string, ctx: CommunityContext) {
  const household = await ctx.loaders.householdById.load(id);
  if (!household || (await canSeeHousehold(household, ctx))) return household;
  return ctx.refuse('household', `Households of community ${household.communityId} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
}

/**
 * The household of a group buy's participation: for the owners' committee of the group buy's compound, the
 * household (its building and room; names, phones and orders stay refused field by field); for anyone else,
 * as any household they may see. `compoundId` is the group buy's compound, from the self-organisation tier.
 */
export async function householdOfParticipation({ householdId, compoundId }: { householdId: string; compoundId: string }, ctx: CommunityContext) {
  const household = await ctx.loaders.householdById.load(householdId);
  if (household && canSeePickupPlace(ctx.viewer, household, compoundId)) return household;
  return householdIfVisible(householdId, ctx);
}
