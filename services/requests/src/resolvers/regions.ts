import { parseCalendarMonth, badInput } from '@cgov/shared';
import type { RequestsContext } from '../context.js';
import { canSeeRequestStats } from '../domain/access.js';
import { threeRates } from '../domain/stats.js';

/** Refuses (null, FORBIDDEN) a region's figures outside the viewer's scope. */
const refuseFigures = (id: string, ctx: RequestsContext) =>
  ctx.refuse('figure', `The request figures of region ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);

/** A region's requests received in a month, with the three rates; batched across every region of the request. */
async function requestStats({ id }: { id: string }, args: { month: string }, ctx: RequestsContext) {
  const month = parseCalendarMonth(args.month);
  if (!canSeeRequestStats(ctx.viewer, id)) return refuseFigures(id, ctx);
  const counts = await ctx.loaders.countsOf.load(`${id}|${month}`);
  return { ...counts, ...threeRates(counts) };
}

/** The month's most frequent categories in a region (每月一题), with last month's counts. */
async function frequentProblems({ id }: { id: string }, args: { month: string; first: number }, ctx: RequestsContext) {
  const month = parseCalendarMonth(args.month);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 50) throw badInput(`first must be 1 to 50 (got ${args.first}).`, 'first');
  if (!canSeeRequestStats(ctx.viewer, id)) return refuseFigures(id, ctx);
  const counts = await ctx.loaders.categoriesOf.load(`${id}|${month}`);
  const cityId = id.slice(0, 4);
  return Promise.all(
    counts.slice(0, args.first).map(async (entry) => ({
      category: await ctx.loaders.categoryByKey.load(`${cityId}|${entry.categoryCode}`),
      count: entry.count,
      previousMonthCount: entry.previousMonthCount,
    })),
  );
}

const region = { __resolveReference: ({ id }: { id: string }) => ({ id }), requestStats, frequentProblems };

export const City = region;
export const District = region;
export const Street = region;
export const Community = region;
