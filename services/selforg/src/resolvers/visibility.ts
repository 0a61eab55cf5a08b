import { forbidden, Role } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import { canSeeCompoundDetails } from '../domain/access.js';

/** A group buy by id when the viewer may read it; null when there is none. */
export async function visibleGroupBuy(id: string, ctx: SelforgContext) {
  const groupBuy = await ctx.loaders.groupBuyById.load(id);
  if (groupBuy) await ctx.assertCanRead(groupBuy);
  return groupBuy;
}

/** An owners' committee by id when the viewer may read its compound's self-organisation; null when there is none. */
export async function visibleCommittee(id: string, ctx: SelforgContext) {
  const committee = await ctx.loaders.committeeById.load(id);
  if (committee) await ctx.assertCanRead(committee);
  return committee;
}

/**
 * A participation by id: for the group buy's committee and the community's staff (the pickup list), and for
 * the household's own resident; null when there is none.
 */
export async function visibleParticipation(id: string, ctx: SelforgContext) {
  const participation = await ctx.loaders.participationById.load(id);
  if (!participation) return null;
  const groupBuy = (await ctx.loaders.groupBuyById.load(participation.groupBuyId))!;
  const own = ctx.viewer.role === Role.RESIDENT && ctx.viewer.scope === participation.householdId;
  if (!own && !canSeeCompoundDetails(ctx.viewer, groupBuy)) throw forbidden("A participation is read by its household, the compound's owners' committee and the community's staff.");
  return participation;
}
