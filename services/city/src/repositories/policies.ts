import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { notFound, validUuids, type CalendarDate, type Database, type Viewer } from '@cgov/shared';
import { subsidyPolicies, type CityTables, type SubsidyPolicyRow } from '../db/schema.js';
import { planSupersession, validateRevocation, type PolicyTerms } from '../domain/policy.js';
import { AuditRepository } from './audit.js';

/** The only code that reads or writes subsidy policies. */
export class PolicyRepository {
  constructor(private readonly db: Database<CityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(subsidyPolicies).where(inArray(subsidyPolicies.id, validUuids(ids)));
  }

  /** Every version defined at exactly this region, newest first. */
  ofRegion(regionId: string) {
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(eq(subsidyPolicies.regionId, regionId))
      .orderBy(desc(subsidyPolicies.publishedAt), asc(subsidyPolicies.category), desc(subsidyPolicies.version));
  }

  /** Every version in force on the date at any of the regions: one statement for a whole lineage. */
  inForceAt(regionIds: readonly string[], date: CalendarDate) {
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(
        and(
          inArray(subsidyPolicies.regionId, [...regionIds]),
          lte(subsidyPolicies.effectiveFrom, date),
          or(isNull(subsidyPolicies.effectiveTo), gte(subsidyPolicies.effectiveTo, date)),
        ),
      );
  }

  /** Every version in force on some day between the dates at any of the regions: one statement for a matrix. */
  inForceBetween(regionIds: readonly string[], from: CalendarDate, to: CalendarDate) {
    return this.db
      .select()
      .from(subsidyPolicies)
      .where(
        and(
          inArray(subsidyPolicies.regionId, [...regionIds]),
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
      const [found] = await tx.select().from(subsidyPolicies).where(inArray(subsidyPolicies.id, validUuids([id])));
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
