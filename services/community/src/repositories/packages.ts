import { and, asc, avg, count, desc, eq, gte, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { anyOf, conflict, regionPattern, validUuids, type CalendarDate, type Database, type PackageCategory } from '@cgov/shared';
import { orders, packageRatings, packages, type CommunityTables } from '../db/schema.js';

/** What an analyst filters packages by. */
export interface PackageFilter {
  regionId: string;
  dateFrom?: CalendarDate | null;
  dateTo?: CalendarDate | null;
  category?: PackageCategory | null;
}

function packageConditions(filter: PackageFilter): SQL {
  return and(
    like(packages.communityId, regionPattern(filter.regionId)),
    filter.dateFrom ? gte(packages.date, filter.dateFrom) : undefined,
    filter.dateTo ? lte(packages.date, filter.dateTo) : undefined,
    filter.category ? eq(packages.category, filter.category) : undefined,
  )!;
}

/** The only code that reads or writes packages and their ratings. */
export class PackageRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(packages).where(anyOf(packages.id, validUuids(ids)));
  }

  /** Packages of (community, date) pairs, one statement for all. */
  ofCommunityDates(pairs: ReadonlyArray<{ communityId: string; date: string }>) {
    if (!pairs.length) return Promise.resolve([]);
    return this.db
      .select()
      .from(packages)
      .where(or(...pairs.map((pair) => and(eq(packages.communityId, pair.communityId), eq(packages.date, pair.date)))))
      .orderBy(packages.category, packages.name);
  }

  /** A page of packages matching the filter, newest date first, after the key (date, id) of the last row seen. */
  list(filter: PackageFilter, limit: number, after: [string, string] | null) {
    const afterKey = after ? sql`(${packages.date}, ${packages.id}) < (${after[0]}::date, ${after[1]}::uuid)` : undefined;
    return this.db
      .select()
      .from(packages)
      .where(and(packageConditions(filter), afterKey))
      .orderBy(desc(packages.date), desc(packages.id))
      .limit(limit);
  }

  async count(filter: PackageFilter): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(packages).where(packageConditions(filter));
    return row?.n ?? 0;
  }

  async publish(input: typeof packages.$inferInsert) {
    const [created] = await this.db
      .insert(packages)
      .values(input)
      .onConflictDoNothing({ target: [packages.communityId, packages.date, packages.name] })
      .returning();
    if (!created) throw conflict(`Community ${input.communityId} already has a package named "${input.name}" for ${input.date}.`);
    return created;
  }

  /** Average rating and number of ratings per package. */
  ratingSummaries(packageIds: readonly string[]) {
    return this.db
      .select({ packageId: packageRatings.packageId, average: avg(packageRatings.rating), count: count() })
      .from(packageRatings)
      .where(anyOf(packageRatings.packageId, validUuids(packageIds)))
      .groupBy(packageRatings.packageId);
  }

  ratingsOf(packageIds: readonly string[]) {
    return this.db
      .select()
      .from(packageRatings)
      .where(anyOf(packageRatings.packageId, validUuids(packageIds)))
      .orderBy(desc(packageRatings.ratedAt), asc(packageRatings.householdId));
  }

  /** True when the household has had the package delivered: only then may it rate it. */
  async wasDelivered(householdId: string, packageId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ one: sql`1` })
      .from(orders)
      .where(and(eq(orders.householdId, householdId), eq(orders.packageId, packageId), eq(orders.status, 'DELIVERED')))
      .limit(1);
    return Boolean(row);
  }

  /** Records a household's rating of a package; rating again replaces the earlier one. */
  async rate(input: typeof packageRatings.$inferInsert) {
    const [saved] = await this.db
      .insert(packageRatings)
      .values(input)
      .onConflictDoUpdate({
        target: [packageRatings.packageId, packageRatings.householdId],
        set: { rating: input.rating, comment: input.comment, ratedAt: input.ratedAt },
      })
      .returning();
    return saved!;
  }
}
