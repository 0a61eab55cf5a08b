import { assertRegionId, parseMoney, type Fen } from '@cgov/shared';
import type { CityContext } from '../context.js';
import type { RegionRow } from '../db/schema.js';
import { assertCanGovern, assertCanReadBudget, canReadBudget } from '../domain/access.js';

/** A budget as the schema sees it: the region, its allocation if any, and `spent` when the gateway brought it. */
interface BudgetParent {
  regionId: string;
  spent?: unknown;
}

async function budgetOf(regionId: string, ctx: CityContext) {
  const row = await ctx.loaders.budgetOf.load(regionId);
  return { regionId, allocated: row?.amount ?? 0, allocatedAt: row?.allocatedAt ?? null, allocatedBy: row?.allocatedBy ?? null };
}

/** City.subsidyBudget and District.subsidyBudget: null outside the viewer's scope, with one FORBIDDEN a request. */
export async function subsidyBudget(region: RegionRow, _: unknown, ctx: CityContext) {
  if (!canReadBudget(ctx.viewer, region.id)) {
    return ctx.refuse('subsidy budget', `The subsidy budget of region ${region.id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  }
  return budgetOf(region.id, ctx);
}

export const SubsidyBudget = {
  /** The gateway comes back with `spent` (from the community tier) to resolve `remaining`; scope as City.subsidyBudget. */
  __resolveReference: async (reference: BudgetParent, ctx: CityContext) => {
    assertCanReadBudget(ctx.viewer, reference.regionId);
    return { ...(await budgetOf(reference.regionId, ctx)), spent: reference.spent };
  },
  remaining: (budget: BudgetParent & { allocated: Fen }) => {
    if (budget.spent == null) return null;
    return budget.allocated - (typeof budget.spent === 'number' ? budget.spent : parseMoney(budget.spent, 'spent'));
  },
};

export const budgetMutations = {
  async allocateSubsidyBudget(_: unknown, { input }: { input: { regionId: string; amount: Fen } }, ctx: CityContext) {
    assertRegionId(input.regionId, 'regionId', 'CITY', 'DISTRICT');
    assertCanGovern(ctx.viewer, input.regionId, 'allocate subsidy budgets');
    await ctx.existingRegion(input.regionId);
    const saved = await ctx.budgets.allocate(ctx.viewer, input.regionId, input.amount, ctx.clock.now());
    return { regionId: saved.regionId, allocated: saved.amount, allocatedAt: saved.allocatedAt, allocatedBy: saved.allocatedBy };
  },
};
