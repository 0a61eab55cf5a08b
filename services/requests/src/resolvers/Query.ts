import { assertRegionId, badInput, forbidden, isUuid, notFound, paginate, regionContains, Role, viewerCoversRegion } from '@cgov/shared';
import type { RequestsContext } from '../context.js';
import type { RequestRow } from '../db/schema.js';
import type { RequestFilter } from '../repositories/requests.js';
import { visibleRequest } from './visibility.js';

/** Refuses a list the viewer's scope does not hold: a region for region roles and the hotline, a department for its staff and the city's. */
async function assertCanList(filter: RequestFilter, ctx: RequestsContext): Promise<void> {
  const { viewer } = ctx;
  if (!filter.regionId && !filter.departmentId) throw badInput('Give filter.regionId or filter.departmentId.', 'filter.regionId');
  if (filter.regionId) {
    assertRegionId(filter.regionId, 'filter.regionId');
    const hotline = viewer.role === Role.HOTLINE_OPERATOR && regionContains(viewer.scope, filter.regionId);
    if (!hotline && !viewerCoversRegion(viewer, filter.regionId)) {
      throw forbidden(`Requests of region ${filter.regionId} are outside your scope (${viewer.role} ${viewer.scope}).`);
    }
  }
  if (filter.departmentId) {
    if (!isUuid(filter.departmentId)) throw badInput(`"${filter.departmentId}" is not a department id.`, 'filter.departmentId');
    const department = await ctx.loaders.departmentById.load(filter.departmentId);
    if (!department) throw notFound(`There is no department ${filter.departmentId}.`);
    const own = viewer.role === Role.DEPARTMENT_OFFICER && viewer.scope === filter.departmentId;
    const city = (viewer.role === Role.HOTLINE_OPERATOR || viewer.role === Role.CITY_OFFICIAL || viewer.role === Role.ANALYST) && viewer.scope === department.cityId;
    if (!own && !city) throw forbidden(`Requests of department ${filter.departmentId} are outside your scope (${viewer.role} ${viewer.scope}).`);
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
    const now = ctx.clock.now();
    return paginate(
      { first, after },
      (row: RequestRow) => [row.receivedAt.toISOString(), row.id],
      (limit, key) => ctx.requests.list(filter, now, limit, key),
      () => ctx.requests.count(filter, now),
    );
  },
};
