/**
 * What an order will cost before the platform prices it (docs/api.md, "Orders"): the subsidy covers at most the
 * policy's units per household, category and delivery date (`Package.perHouseholdDailyLimit`), the rest pay the list
 * price; `payable = quantity × listPrice − subsidised units × subsidy`. The platform's answer is the truth; these
 * are the figures shown before it.
 */
import { formatFen, toFen } from './money.js';

/**
 * The subsidised units a household has left for a package's category and day: the package's daily limit less what the
 * household's orders of that category (not cancelled) already had subsidised; null when the limit is unknown.
 */
export function allowanceLeft(perHouseholdDailyLimit: number | null | undefined, alreadySubsidised: number): number | null {
  return perHouseholdDailyLimit == null ? null : Math.max(0, perHouseholdDailyLimit - alreadySubsidised);
}

/** An amount the page cannot pin down before the platform answers: from `min` to `max` fen. */
export interface Range {
  min: number;
  max: number;
}

/**
 * What a household will pay for `quantity` units of a package, before the platform prices it. The subsidy covers at
 * most the policy's daily number of units per household and category (counted over all its orders that day), the rest
 * pay the list price. `allowance` is how many subsidised units the household has left that day (`allowanceLeft`); when
 * the page cannot know it (the platform could not say) it is null, and the answer is a range: from every unit
 * subsidised to none. `subsidyKnown` is false when the package's subsidy could not be asked (the city's service did
 * not answer): then the list price is all the page knows, an upper bound.
 */
export function estimatePayable(
  pkg: { listPrice: string; subsidy: string | null },
  quantity: number,
  allowance: number | null,
): { payable: Range; subsidised: Range; subsidyKnown: boolean } {
  const list = toFen(pkg.listPrice) * quantity;
  if (pkg.subsidy === null) return { payable: { min: list, max: list }, subsidised: { min: 0, max: 0 }, subsidyKnown: false };
  const subsidy = toFen(pkg.subsidy);
  const capped = allowance === null ? null : Math.min(quantity, Math.max(0, allowance));
  const subsidised = subsidy === 0 ? { min: 0, max: 0 } : capped === null ? { min: 0, max: quantity } : { min: capped, max: capped };
  return { payable: { min: list - subsidised.max * subsidy, max: list - subsidised.min * subsidy }, subsidised, subsidyKnown: true };
}

/** Adds ranges. */
export function sumRanges(ranges: readonly Range[]): Range {
  return ranges.reduce((sum, range) => ({ min: sum.min + range.min, max: sum.max + range.max }), { min: 0, max: 0 });
}

/** A range as money: "¥40.00" when it is one amount, else "¥40.00–¥52.00". */
export function formatRange(range: Range): string {
  return range.min === range.max ? `¥${formatFen(range.min)}` : `¥${formatFen(range.min)}–¥${formatFen(range.max)}`;
}


/** A package as an estimate needs it. */
export interface PricedPackage {
  listPrice: string;
  subsidy: string | null;
  category: string;
  perHouseholdDailyLimit: number | null;
}

/**
 * One household's lines estimated in the order the platform prices a batch: each line's allowance is what its
 * category has left after the household's earlier orders (`alreadySubsidised`, units by category) and the lines before
 * it in this batch.
 */
export function estimateHousehold(
  lines: ReadonlyArray<{ pkg: PricedPackage; quantity: number }>,
  alreadySubsidised: ReadonlyMap<string, number>,
): Array<ReturnType<typeof estimatePayable>> {
  const used = new Map(alreadySubsidised);
  return lines.map(({ pkg, quantity }) => {
    const estimate = estimatePayable(pkg, quantity, allowanceLeft(pkg.perHouseholdDailyLimit, used.get(pkg.category) ?? 0));
    used.set(pkg.category, (used.get(pkg.category) ?? 0) + estimate.subsidised.max);
    return estimate;
  });
}

/** Subsidised units by category of a household's orders that are not cancelled. */
export function subsidisedByCategory(orders: ReadonlyArray<{ status: string; subsidizedQuantity: number; package: { category: string } }>): Map<string, number> {
  const used = new Map<string, number>();
  for (const order of orders) {
    if (order.status !== 'CANCELLED') used.set(order.package.category, (used.get(order.package.category) ?? 0) + order.subsidizedQuantity);
  }
  return used;
}
