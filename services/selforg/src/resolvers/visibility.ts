import type { SelforgContext } from '../context.js';

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
