import type { CalendarDate } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import { canSeeStats } from '../domain/access.js';
import { readiness } from './readiness.js';

/** A region's statistics for a date, inside the viewer's scope; batched across every region of the request. */
export async function orderStats({ id }: { id: string }, { date }: { date: CalendarDate }, ctx: CommunityContext) {
  if (!canSeeStats(ctx.viewer, id, await ctx.home())) {
    return ctx.refuse('figure', `The order statistics of region ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  }
  return ctx.loaders.statsOf.load(`${id}|${date}`);
}

const region = { __resolveReference: ({ id }: { id: string }) => ({ id }), orderStats, readiness };

export const City = region;
export const District = region;
export const Street = region;

/** What orders inside a region have drawn on the city's subsidy budget, for those who may see its statistics. */
export const SubsidyBudget = {
  __resolveReference: ({ regionId }: { regionId: string }) => ({ regionId }),
  spent: async ({ regionId }: { regionId: string }, _: unknown, ctx: CommunityContext) => {
    if (!canSeeStats(ctx.viewer, regionId, await ctx.home())) {
      return ctx.refuse('figure', `The subsidy spent in region ${regionId} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    }
    return ctx.loaders.spentIn.load(regionId);
  },
};
