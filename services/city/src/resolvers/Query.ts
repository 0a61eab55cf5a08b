import { assertRegionId, type RegionLevel } from '@cgov/shared';
import type { CityContext } from '../context.js';
import type { RegionRow } from '../db/schema.js';

/** A region of one level by code: malformed codes are refused, unknown ones are null. */
async function regionOfLevel(id: string, level: RegionLevel, ctx: CityContext): Promise<RegionRow | null> {
  assertRegionId(id, 'id', level);
  const row = await ctx.loaders.regionById.load(id);
  return row?.level === level ? row : null;
}

export const Query = {
  cities: (_: unknown, __: unknown, ctx: CityContext) => ctx.regions.cities(),
  city: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'CITY', ctx),
  district: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'DISTRICT', ctx),
  street: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'STREET', ctx),
  community: (_: unknown, { id }: { id: string }, ctx: CityContext) => regionOfLevel(id, 'COMMUNITY', ctx),
};
