import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { anyOf, notFound, regionPattern, validUuids, type CalendarDate, type Database, type PackageCategory, type Viewer } from '@cgov/shared';
import { subsidyPolicies, type CityTables, type SubsidyPolicyRow } from '../db/schema.js';
import { planSupersession, validateRevocation, type PolicyStatus, type PolicyTerms } from '../domain/policy.js';
import { AuditRepository } from './audit.js';

/** What an analyst filters policy versions by. */
export interface PolicyFilter {
  regionId: string;
  category?: PackageCategory | null;
  status?: PolicyStatus | null;
  activeFrom?: CalendarDate | null;
  activeTo?: CalendarDate | null;
}

/** The status of a version on `today`, as SQL (the same rule as policyStatus). */
function statusIs(status: PolicyStatus, today: CalendarDate): SQL {
  const live = isNull(subsidyPolicies.revokedAt);
  switch (status) {
    case 'REVOKED':
      return isNotNull(subsidyPolicies.revokedAt);
    case 'SCHEDULED':
      return and(live, gt(subsidyPolicies.effectiveFrom, today))!;
    case 'ENDED':
      return and(live, lt(subsidyPolicies.effectiveTo, today))!;
    case 'ACTIVE':
      return and(live, lte(subsidyPolicies.effectiveFrom, today), or(isNull(subsidyPolicies.effectiveTo), gte(subsidyPolicies.effectiveTo, today)))!;
  }
}

function filterConditions(filter: PolicyFilter, today: CalendarDate): SQL {
  return and(
    like(subsidyPolicies.regionId, regionPattern(filter.regionId)),
    filter.category ? eq(subsidyPolicies.category, filter.category) : undefined,
    filter.status ? statusIs(filter.status, today) : undefined,
    filter.activeTo ? lte(subsidyPolicies.effectiveFrom, filter.activeTo) : undefined,
    filter.activeFrom ? or(isNull(subsidyPolicies.effectiveTo), gte(subsidyPolicies.effectiveTo, filter.activeFrom)) : undefined,
  )!;
}

/** The only code that reads or writes subsidy policies. */
export class PolicyRepository {
  constructor(private readonly db: Database<CityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(subsidyPolicies).where(anyOf(subsidyPolicies.id, validUuids(ids)));
  }

  /** Every version defined at exactly this region, newest first. */
  ofRegion(regionId: string) {
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(eq(subsidyPolicies.regionId, regionId))
      .orderBy(desc(subsidyPolicies.publishedAt), asc(subsidyPolicies.category), desc(subsidyPolicies.version));
  }

  /** A page of versions matching the filter, newest published first, after the key (publishedAt, id) of the last row seen. */
  list(filter: PolicyFilter, today: CalendarDate, limit: number, after: [string, string] | null) {
    const afterKey = after ? sql`(${subsidyPolicies.publishedAt}, ${subsidyPolicies.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(and(filterConditions(filter, today), afterKey))
      .orderBy(desc(subsidyPolicies.publishedAt), desc(subsidyPolicies.id))
      .limit(limit);
  }

  async count(filter: PolicyFilter, today: CalendarDate): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(subsidyPolicies).where(filterConditions(filter, today));
    return row?.n ?? 0;
  }

  /** Every version in force on some day between the dates at any of the regions: one statement for a matrix. */
  inForceBetween(regionIds: readonly string[], from: CalendarDate, to: CalendarDate) {
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(
        and(
          anyOf(subsidyPolicies.regionId, [...regionIds]),
          lte(subsidyPolicies.effectiveFrom, to),
          or(isNull(subsidyPolicies.effectiveTo), gte(subsidyPolicies.effectiveTo, from)),
        ),
      );
  }

  /**
   * Publishes a new version for a region and category in one transaction: serialised per region and
   * category, it ends the versions still running on its first day, numbers itself, and is audited.
   */
  async publish(viewer: Viewer, regionId: string, terms: PolicyTerms, now: Date): Promise<SubsidyPolicyRow> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`subsidy-policy:${regionId}:${terms.category}`}))`);
      const versions = await tx
        .select()
        .from(subsidyPolicies)
        .where(and(eq(subsidyPolicies.regionId, regionId), eq(subsidyPolicies.category, terms.category)))
        .orderBy(asc(subsidyPolicies.id))
        .for('update');
      const plan = planSupersession(versions, terms.effectiveFrom);
      for (const ending of plan.endings) {
        await tx.update(subsidyPolicies).set({ effectiveTo: ending.effectiveTo }).where(eq(subsidyPolicies.id, ending.id));
      }
      const [created] = await tx
        .insert(subsidyPolicies)
        .values({ regionId, ...terms, version: plan.nextVersion, publishedBy: viewer.sub, publishedAt: now })
        .returning();
      await AuditRepository.record(tx, viewer, now, [
        ...plan.endings.map((ending) => ({
          regionId,
          action: 'POLICY_ENDED_BY_NEW_VERSION' as const,
          subjectId: ending.id,
          details: { category: terms.category, effectiveTo: ending.effectiveTo, supersededByVersion: plan.nextVersion },
        })),
        { regionId, action: 'POLICY_PUBLISHED', subjectId: created!.id, details: { ...terms, version: plan.nextVersion } },
      ]);
      return created!;
    });
  }

  /** Revokes a version: ends it on `effectiveTo` (from today on, no later than it was), audited. */
  async revoke(
    viewer: Viewer,
    id: string,
    effectiveTo: CalendarDate,
    today: CalendarDate,
    now: Date,
    authorize: (policy: SubsidyPolicyRow) => void,
  ): Promise<SubsidyPolicyRow> {
    return this.db.transaction(async (tx) => {
      const [found] = await tx.select().from(subsidyPolicies).where(anyOf(subsidyPolicies.id, validUuids([id])));
      if (!found) throw notFound(`There is no subsidy policy with id ${id}.`);
      // The same lock as publishing for this region and category: a revocation and a new version never interleave.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`subsidy-policy:${found.regionId}:${found.category}`}))`);
      const [policy] = await tx.select().from(subsidyPolicies).where(eq(subsidyPolicies.id, id)).for('update');
      if (!policy) throw notFound(`There is no subsidy policy with id ${id}.`);
      authorize(policy);
      validateRevocation(policy, effectiveTo, today);
      const [revoked] = await tx
        .update(subsidyPolicies)
        .set({ effectiveTo, revokedAt: now, revokedBy: viewer.sub })
        .where(eq(subsidyPolicies.id, id))
        .returning();
      await AuditRepository.record(tx, viewer, now, [
        {
          regionId: policy.regionId,
          action: 'POLICY_REVOKED',
          subjectId: id,
          details: { category: policy.category, version: policy.version, effectiveTo, previousEffectiveTo: policy.effectiveTo },
        },
      ]);
      return revoked!;
    });
  }
}
