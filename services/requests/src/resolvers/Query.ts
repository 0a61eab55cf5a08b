import { askService, assertRegionId, badInput, forbidden, isUuid, notFound, paginate, parseCalendarMonth, regionContains, Role, viewerCoversRegion } from '@cgov/shared';
import type { RequestsContext } from '../context.js';
import type { RequestRow } from '../db/schema.js';
import type { RequestFilter } from '../repositories/requests.js';
import { canSeeRanking } from '../domain/access.js';
import { rankUnits } from '../domain/stats.js';
import { visibleRequest } from './visibility.js';

/** Refuses a list the viewer's scope does not hold: a region for region roles and the hotline, a department for its staff and the city's. */
async function assertCanList(filter: RequestFilter, ctx: RequestsContext): Promise<void> {
  const { viewer } = ctx;
  if (!filter.regionId && !filter.departmentId && !filter.streetId && !filter.summonedDepartmentId) {
    throw badInput('Give filter.regionId, filter.streetId, filter.departmentId or filter.summonedDepartmentId.', 'filter.regionId');
  }
  if (filter.regionId) {
    assertRegionId(filter.regionId, 'filter.regionId');
    const hotline = viewer.role === Role.HOTLINE_OPERATOR && regionContains(viewer.scope, filter.regionId);
    if (!hotline && !viewerCoversRegion(viewer, filter.regionId)) {
      throw forbidden(`Requests of region ${filter.regionId} are outside your scope (${viewer.role} ${viewer.scope}).`);
    }
  }
  if (filter.streetId) {
    assertRegionId(filter.streetId, 'filter.streetId', 'STREET');
    const own = viewer.role === Role.STREET_OFFICER && viewer.scope === filter.streetId;
    const city = (viewer.role === Role.HOTLINE_OPERATOR || viewer.role === Role.CITY_OFFICIAL || viewer.role === Role.ANALYST) && regionContains(viewer.scope, filter.streetId);
    if (!own && !city) throw forbidden(`Requests street ${filter.streetId} holds are outside your scope (${viewer.role} ${viewer.scope}).`);
  }
  for (const field of ['departmentId', 'summonedDepartmentId'] as const) {
    const id = filter[field];
    if (!id) continue;
    if (!isUuid(id)) throw badInput(`"${id}" is not a department id.`, `filter.${field}`);
    const department = await ctx.loaders.departmentById.load(id);
    if (!department) throw notFound(`There is no department ${id}.`);
    const own = viewer.role === Role.DEPARTMENT_OFFICER && viewer.scope === id;
    const city = (viewer.role === Role.HOTLINE_OPERATOR || viewer.role === Role.CITY_OFFICIAL || viewer.role === Role.ANALYST) && viewer.scope === department.cityId;
    if (!own && !city) throw forbidden(`Requests of department ${id} are outside your scope (${viewer.role} ${viewer.scope}).`);
  }
}

export const Query = {
  requestCategories: (_: unknown, { cityId }: { cityId: string }, ctx: RequestsContext) => {
    assertRegionId(cityId, 'cityId', 'CITY');
    return ctx.catalogue.categoriesOf(cityId);
  },
  departments: (_: unknown, { cityId }: { cityId: string }, ctx: RequestsContext) => {
    assertRegionId(cityId, 'cityId', 'CITY');
    return ctx.catalogue.departmentsOf(cityId);
  },
  request: (_: unknown, { id }: { id: string }, ctx: RequestsContext) => visibleRequest(id, ctx),
  async requests(_: unknown, { filter, first, after }: { filter: RequestFilter; first: number; after?: string | null }, ctx: RequestsContext) {
    await assertCanList(filter, ctx);
    return paginate(
      { first, after },
      (row: RequestRow) => [row.receivedAt.toISOString(), row.id],
      (limit, key) => ctx.requests.list(filter, limit, key),
      () => ctx.requests.count(filter),
    );
  },
  /** A month's ranking of the city's streets or departments by the three rates: every unit of the kind, ranked ones first. */
  async requestRanking(_: unknown, args: { cityId: string; month: string; unitKind: 'STREET' | 'DEPARTMENT' }, ctx: RequestsContext) {
    assertRegionId(args.cityId, 'cityId', 'CITY');
    const month = parseCalendarMonth(args.month);
    const { viewer } = ctx;
    const ownDepartment = viewer.role === Role.DEPARTMENT_OFFICER && isUuid(viewer.scope) ? await ctx.loaders.departmentById.load(viewer.scope) : null;
    if (!canSeeRanking(viewer, args.cityId, ownDepartment?.cityId ?? null)) {
      throw forbidden(`The ranking of city ${args.cityId} is for its officials, analysts, hotline, streets and departments; you are ${viewer.role} ${viewer.scope}.`);
    }
    const [counts, names] = await Promise.all([
      ctx.stats.unitCounts(args.cityId, month, args.unitKind),
      args.unitKind === 'STREET'
        ? askService('city', "The streets' names cannot be looked up", () => ctx.city.streetNames(args.cityId))
        : ctx.catalogue.departmentsOf(args.cityId).then((rows) => new Map(rows.map((row) => [row.id, row.name]))),
    ]);
    const byUnit = new Map(counts.map((row) => [row.unitId, row]));
    const none = { dispatched: 0, respondedOnTime: 0, callbacks: 0, resolvedCallbacks: 0, satisfiedCallbacks: 0 };
    const unitIds = new Set([...names.keys(), ...byUnit.keys()]);
    return rankUnits([...unitIds].map((unitId) => ({ unitId, unitName: names.get(unitId) ?? unitId, ...(byUnit.get(unitId) ?? none) })));
  },
};
