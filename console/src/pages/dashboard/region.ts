import { z } from 'zod';
import { shanghaiToday } from '../../lib/dates.js';

/** The tiers a dashboard can show, by the length of their division code. */
export const LEVELS = ['city', 'district', 'street', 'community'] as const;
export type Level = (typeof LEVELS)[number];

const LENGTHS: Record<number, Level> = { 4: 'city', 6: 'district', 9: 'street', 12: 'community' };

/** A region's division code as the URL gives it: 4, 6, 9 or 12 digits (city, district, street, community). */
export const regionIdSchema = z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/);

/** The tier of a division code (its length says it); undefined for anything else. */
export function levelOf(regionId: string): Level | undefined {
  return regionIdSchema.safeParse(regionId).success ? LENGTHS[regionId.length] : undefined;
}

/**
 * Where a signed-in viewer's dashboard opens: its scope, when that is a region (a city official's or analyst's city, a
 * street officer's street, whose breadcrumbs lead up to the district and city with the rest marked outside its scope);
 * else the city its scope lies in.
 */
export function defaultRegion(scope: string): string {
  return levelOf(scope) ? scope : scope.slice(0, 4);
}

/** Whether a region lies wholly inside the viewer's scope (division codes start with their parents' codes). */
export function insideScope(regionId: string, scope: string): boolean {
  return regionId.startsWith(scope);
}

/** A date in the URL: YYYY-MM-DD that is a real calendar day. */
export const dateSchema = z.iso.date();

/** The page's search parameters, validated: a bad or missing date falls back to today in Shanghai. */
export function parseDashboardSearch(params: URLSearchParams, today = shanghaiToday()): { date: string } {
  return { date: dateSchema.catch(today).parse(params.get('date') ?? undefined) };
}

