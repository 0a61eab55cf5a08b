import {
  assertRegionId,
  assertRegionReader,
  badInput,
  paginate,
  regionLineage,
  type CalendarDate,
  type RegionLevel,
} from '@cgov/shared';
import type { PolicyFilter } from '../repositories/policies.js';
import type { CityContext } from '../context.js';
import type { RegionRow, SubsidyPolicyRow } from '../db/schema.js';
import { assertCanRead, assertCanReadAudit } from '../domain/access.js';
import { inForce, mostSpecificPerCategory } from '../domain/policy.js';

/** A region of one level by code: malformed codes are refused, unknown ones are null. */
async function regionOfLevel(id: string, level: RegionLevel, ctx: CityContext): Promise<RegionRow | null> {
  assertRegionId(id, 'id', level);
  const row = await ctx.loaders.regionById.load(id);
  return row?.level === level ? row : null;
}

/** The largest matrix one call may ask for. */
export const MATRIX_LIMIT = { regions: 500, dates: 31 };

/** The most audit entries one page may hold. */
export const AUDIT_PAGE_LIMIT = 200;

export const Query = {
  cities: (_: unknown, __: unknown, ctx: CityContext) => ctx.regions.cities(),
  city: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'CITY', ctx),
  district: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'DISTRICT', ctx),
  street: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'STREET', ctx),
  community: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'COMMUNITY', ctx),

  async subsidyPolicies(_: unknown, { regionId }: { regionId: string }, ctx: CityContext) {
    assertRegionId(regionId, 'regionId', 'CITY', 'DISTRICT', 'STREET');
    assertCanRead(ctx.viewer, regionId, 'Subsidy policies');
    await ctx.existingRegion(regionId);
    return ctx.policies.ofRegion(regionId);
  },

  async effectiveSubsidyPolicies(_: unknown, { regionId, date }: { regionId: string; date: CalendarDate }, ctx: CityContext) {
    assertRegionId(regionId, 'regionId');
    assertCanRead(ctx.viewer, regionId, 'Subsidy policies');
    await ctx.existingRegion(regionId);
    return mostSpecificPerCategory(await ctx.policies.inForceBetween(regionLineage(regionId), date, date));
  },

  async subsidyPolicyMatrix(_: unknown, { regionIds, dates }: { regionIds: string[]; dates: CalendarDate[] }, ctx: CityContext) {
    if (regionIds.length > MATRIX_LIMIT.regions || dates.length > MATRIX_LIMIT.dates) {
      throw badInput(`Ask for at most ${MATRIX_LIMIT.regions} regions and ${MATRIX_LIMIT.dates} dates at once.`);
    }
    for (const regionId of regionIds) {
      assertRegionId(regionId, 'regionIds');
      assertCanRead(ctx.viewer, regionId, 'Subsidy policies');
    }
    if (!regionIds.length || !dates.length) return [];
    const sorted = [...dates].sort();
    const lineages = new Set(regionIds.flatMap((regionId) => regionLineage(regionId)));
    const candidates = await ctx.policies.inForceBetween([...lineages], sorted[0]!, sorted.at(-1)!);
    return regionIds.flatMap((regionId) => {
      const lineage = new Set(regionLineage(regionId));
      const mine = candidates.filter((policy) => lineage.has(policy.regionId));
      return dates.map((date) => ({ regionId, date, policies: mostSpecificPerCategory(mine.filter((policy) => inForce(policy, date))) }));
    });
  },

  async subsidyPolicy(_: unknown, { id }: { id: string }, ctx: CityContext) {
    const policy = await ctx.loaders.policyById.load(id);
    if (policy) assertCanRead(ctx.viewer, policy.regionId, 'Subsidy policies');
    return policy;
  },

  async suppliers(_: unknown, { regionId }: { regionId: string }, ctx: CityContext) {
    assertRegionId(regionId, 'regionId');
    assertCanRead(ctx.viewer, regionId, 'Suppliers');
    await ctx.existingRegion(regionId);
    return ctx.suppliers.designatedFor(regionLineage(regionId));
  },

  /** One supplier by id: public, like the supplier a package names. */
  supplier: (_: unknown, { id }: { id: string }, ctx: CityContext) => ctx.loaders.supplierById.load(id),

  async policies(_: unknown, { filter, first, after }: { filter: PolicyFilter; first: number; after?: string | null }, ctx: CityContext) {
    assertRegionId(filter.regionId, 'filter.regionId', 'CITY', 'DISTRICT', 'STREET');
    assertRegionReader(ctx.viewer, filter.regionId, 'Policy versions');
    if (filter.activeFrom && filter.activeTo && filter.activeFrom > filter.activeTo) throw badInput('activeFrom is after activeTo.', 'activeFrom');
    const today = ctx.today();
    return paginate(
      { first, after },
      (row: SubsidyPolicyRow) => [row.publishedAt.toISOString(), row.id],
      (limit, key) => ctx.policies.list(filter, today, limit, key),
      () => ctx.policies.count(filter, today),
    );
  },

  async auditLog(_: unknown, args: { cityId: string; first: number; before?: string | null }, ctx: CityContext) {
    assertRegionId(args.cityId, 'cityId', 'CITY');
    assertCanReadAudit(ctx.viewer, args.cityId);
    if (args.first < 1 || args.first > AUDIT_PAGE_LIMIT) {
      throw badInput(`first must be between 1 and ${AUDIT_PAGE_LIMIT} (got ${args.first}).`, 'first');
    }
    const before = args.before == null ? undefined : Number(args.before);
    if (before !== undefined && !Number.isSafeInteger(before)) throw badInput('before must be the nextBefore of an earlier page.', 'before');
    const entries = await ctx.audit.ofCity(args.cityId, args.first, before);
    return { entries, nextBefore: entries.length === args.first ? String(entries.at(-1)!.id) : null };
  },
};
