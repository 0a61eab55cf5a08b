import { anyOf, validUuids, type Database } from '@cgov/shared';
import { and, asc, eq } from 'drizzle-orm';
import { departments, requestCategories, type RequestsTables } from '../db/schema.js';

/** The category catalogue (派单目录) and the departments that take requests: reference data. */
export class CatalogueRepository {
  constructor(private readonly db: Database<RequestsTables>) {}

  categoriesOf(cityId: string) {
    return this.db.select().from(requestCategories).where(eq(requestCategories.cityId, cityId)).orderBy(asc(requestCategories.position));
  }

  category(cityId: string, code: string) {
    return this.db
      .select()
      .from(requestCategories)
      .where(and(eq(requestCategories.cityId, cityId), eq(requestCategories.code, code)))
      .then((rows) => rows[0] ?? null);
  }

  /** Categories by `${cityId}|${code}` keys. */
  async categoriesByKeys(keys: readonly string[]) {
    const cities = [...new Set(keys.map((key) => key.split('|')[0]!))];
    return this.db.select().from(requestCategories).where(anyOf(requestCategories.cityId, cities));
  }

  departmentsOf(cityId: string) {
    return this.db.select().from(departments).where(eq(departments.cityId, cityId)).orderBy(asc(departments.position));
  }

  departmentsByIds(ids: readonly string[]) {
    return this.db.select().from(departments).where(anyOf(departments.id, validUuids(ids)));
  }

  /** Demo loading: departments and categories as given (stable ids). */
  async insert(rows: { departments: Array<typeof departments.$inferInsert>; categories: Array<typeof requestCategories.$inferInsert> }) {
    if (rows.departments.length) await this.db.insert(departments).values(rows.departments);
    if (rows.categories.length) await this.db.insert(requestCategories).values(rows.categories);
  }
}
