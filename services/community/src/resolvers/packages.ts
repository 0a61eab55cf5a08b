import {
  assertRegionId,
  badInput,
  forbidden,
  formatMoney,
  notFound,
  optionalText,
  requiredText,
  Role,
  type CalendarDate,
  type Fen,
  type PackageCategory,
} from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { PackageItem, PackageRow } from '../db/schema.js';
import { householdIfVisible } from './visibility.js';
import { assertOrderable, orderCutoff, subsidyFor } from '../domain/orders.js';

export interface PublishPackageInput {
  communityId: string;
  category: PackageCategory;
  name: string;
  date: CalendarDate;
  listPrice: Fen;
  items: PackageItem[];
  supplierId: string;
}

/** The policy in force for the package's community, date and category, asked of the city (null when none). */
function packagePolicy(pkg: PackageRow, ctx: CommunityContext) {
  return ctx.policyFor(pkg.communityId, pkg.date, pkg.category, `The subsidy of package "${pkg.name}" cannot be shown`);
}

/** The subsidy per unit the policy in force grants the package, asked of the city (null when it cannot be asked). */
async function packageSubsidy(pkg: PackageRow, ctx: CommunityContext): Promise<Fen> {
  return subsidyFor(pkg.listPrice, await packagePolicy(pkg, ctx));
}

export const Package = {
  __resolveReference: async ({ id }: { id: string }, ctx: CommunityContext) => visiblePackage(id, ctx),
  community: (pkg: PackageRow) => ({ id: pkg.communityId }),
  supplier: (pkg: PackageRow) => ({ id: pkg.supplierId }),
  subsidy: (pkg: PackageRow, _: unknown, ctx: CommunityContext) => packageSubsidy(pkg, ctx),
  residentPrice: async (pkg: PackageRow, _: unknown, ctx: CommunityContext) => pkg.listPrice - (await packageSubsidy(pkg, ctx)),
  orderCutoff: (pkg: PackageRow) => orderCutoff(pkg.date),
  perHouseholdDailyLimit: async (pkg: PackageRow, _: unknown, ctx: CommunityContext) => {
    const policy = await packagePolicy(pkg, ctx);
    return subsidyFor(pkg.listPrice, policy) > 0 ? policy!.perHouseholdDailyLimit : 0;
  },
  averageRating: async (pkg: PackageRow, _: unknown, ctx: CommunityContext) => {
    const summary = await ctx.loaders.ratingSummaryOf.load(pkg.id);
    return summary?.average == null ? null : Math.round(Number(summary.average) * 100) / 100;
  },
  ratingCount: async (pkg: PackageRow, _: unknown, ctx: CommunityContext) => (await ctx.loaders.ratingSummaryOf.load(pkg.id))?.count ?? 0,
  ratings: (pkg: PackageRow, _: unknown, ctx: CommunityContext) => ctx.loaders.ratingsOf.load(pkg.id),
};

export const PackageReportLine = {
  package: (line: { packageId: string }, _: unknown, ctx: CommunityContext) => ctx.loaders.packageById.load(line.packageId),
};

export const PackageRating = {
  package: (rating: { packageId: string }, _: unknown, ctx: CommunityContext) => ctx.loaders.packageById.load(rating.packageId),
  household: (rating: { householdId: string }, _: unknown, ctx: CommunityContext) => householdIfVisible(rating.householdId, ctx),
};

/** A package by id when the viewer may see its community; null when it does not exist. */
export async function visiblePackage(id: string, ctx: CommunityContext) {
  const pkg = await ctx.loaders.packageById.load(id);
  if (pkg) await ctx.assertCanSeeCommunity(pkg.communityId);
  return pkg;
}

/** The most lines a package's contents may have. */
const MAX_ITEMS = 30;

export const packageMutations = {
  async publishPackage(_: unknown, { input }: { input: PublishPackageInput }, ctx: CommunityContext) {
    assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
    ctx.assertStaffOf(input.communityId, 'publish packages');
    const name = requiredText(input.name, 'name');
    assertOrderable(input.date, ctx.clock.now());
    if (input.listPrice <= 0) throw badInput('listPrice must be more than 0.00.', 'listPrice');
    if (!input.items.length) throw badInput('A package needs at least one item.', 'items');
    if (input.items.length > MAX_ITEMS) throw badInput(`A package has at most ${MAX_ITEMS} items.`, 'items');
    const items = input.items.map((item, i) => {
      if (!(item.quantity > 0) || !Number.isFinite(item.quantity)) {
        throw badInput(`items[${i}].quantity must be more than 0 (got ${item.quantity}).`, 'items');
      }
      return { name: requiredText(item.name, `items[${i}].name`), quantity: item.quantity, unit: requiredText(item.unit, `items[${i}].unit`, 20) };
    });
    const policy = await ctx.policyFor(input.communityId, input.date, input.category, 'The package cannot be checked against the price cap');
    if (policy && input.listPrice > policy.maxListPrice) {
      throw badInput(
        `listPrice ${formatMoney(input.listPrice)} is above the city's cap of ${formatMoney(policy.maxListPrice)} for ${input.category} packages on ${input.date}.`,
        'listPrice',
      );
    }
    if (!(await ctx.supplierServes(input.supplierId, input.communityId))) {
      throw badInput(`Supplier ${input.supplierId} is not a designated supplier serving community ${input.communityId}.`, 'supplierId');
    }
    return ctx.packages.publish({
      communityId: input.communityId,
      category: input.category,
      name,
      date: input.date,
      listPrice: input.listPrice,
      items,
      supplierId: input.supplierId,
      publishedBy: ctx.viewer.sub,
      publishedAt: ctx.clock.now(),
    });
  },

  async ratePackage(
    _: unknown,
    { input }: { input: { packageId: string; householdId: string; rating: number; comment?: string | null } },
    ctx: CommunityContext,
  ) {
    if (ctx.viewer.role !== Role.RESIDENT || ctx.viewer.scope !== input.householdId) {
      throw forbidden('A package is rated by the household it was delivered to, with its own RESIDENT token.');
    }
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      throw badInput(`rating must be a whole number from 1 to 5 (got ${input.rating}).`, 'rating');
    }
    const comment = optionalText(input.comment, 'comment', 500);
    const pkg = await ctx.loaders.packageById.load(input.packageId);
    if (!pkg) throw notFound(`There is no package with id ${input.packageId}.`);
    if (!(await ctx.packages.wasDelivered(input.householdId, input.packageId))) {
      throw badInput('A package can be rated once it has been delivered to your household.', 'packageId');
    }
    return ctx.packages.rate({ packageId: pkg.id, householdId: input.householdId, rating: input.rating, comment, ratedAt: ctx.clock.now() });
  },
};
