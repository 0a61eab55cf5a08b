import type { CityContext } from '../context.js';
import type { RegionRow } from '../db/schema.js';

const resolveReference = ({ id }: { id: string }, ctx: CityContext) => ctx.loaders.regionById.load(id);
const children = (region: RegionRow, _: unknown, ctx: CityContext) => ctx.loaders.childrenOf.load(region.id);
const parent = (region: RegionRow, _: unknown, ctx: CityContext) => ctx.loaders.regionById.load(region.parentId ?? '');

/** City, District, Street and Community: one registry, resolved by code through the request's loaders. */
export const City = { __resolveReference: resolveReference, districts: children };
export const District = { __resolveReference: resolveReference, city: parent, streets: children };
export const Street = { __resolveReference: resolveReference, district: parent, communities: children };
export const Community = { __resolveReference: resolveReference, street: parent };
