import {
  addDays,
  assertRegionId,
  assertRegionReader,
  badInput,
  paginate,
  type CalendarDate,
} from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { OrderRow, PackageRow } from '../db/schema.js';
import { statsKey, statsOfRegions } from '../domain/stats.js';
import type { OrderFilter } from '../repositories/orders.js';
import type { PackageFilter } from '../repositories/packages.js';

/** The longest range a daily series covers. */
export const SERIES_MAX_DAYS = 366;

type Page = { first: number; after?: string | null };

function checkDates(from: CalendarDate | null | undefined, to: CalendarDate | null | undefined) {
  if (from && to && from > to) throw badInput(`dateFrom (${from}) is after dateTo (${to}).`, 'dateFrom');
}

/** Paginated lists and daily series of the community tier, for officials and analysts (no names in any of them). */
export const analysisQueries = {
  async orders(_: unknown, { filter, first, after }: Page & { filter: OrderFilter }, ctx: CommunityContext) {
    assertRegionId(filter.regionId, 'filter.regionId');
    assertRegionReader(ctx.viewer, filter.regionId, 'Orders');
    checkDates(filter.dateFrom, filter.dateTo);
    return paginate(
      { first, after },
      (row: OrderRow) => [row.date, row.id],
      (limit, key) => ctx.orders.list(filter, limit, key),
      () => ctx.orders.count(filter),
    );
  },

  async packages(_: unknown, { filter, first, after }: Page & { filter: PackageFilter }, ctx: CommunityContext) {
    assertRegionId(filter.regionId, 'filter.regionId');
    assertRegionReader(ctx.viewer, filter.regionId, 'Packages');
    checkDates(filter.dateFrom, filter.dateTo);
    return paginate(
      { first, after },
      (row: PackageRow) => [row.date, row.id],
      (limit, key) => ctx.packages.list(filter, limit, key),
      () => ctx.packages.count(filter),
    );
  },

  async orderStatsSeries(_: unknown, { regionId, from, to }: { regionId: string; from: CalendarDate; to: CalendarDate }, ctx: CommunityContext) {
    assertRegionId(regionId, 'regionId');
    assertRegionReader(ctx.viewer, regionId, 'Order statistics');
    checkDates(from, to);
    if (addDays(from, SERIES_MAX_DAYS - 1) < to) throw badInput(`A series covers at most ${SERIES_MAX_DAYS} days.`, 'to');
    const dates: CalendarDate[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
    const stats = statsOfRegions(dates.map((date) => ({ regionId, date })), await ctx.orders.regionStats([regionId], from, to));
    return dates.map((date) => ({ date, stats: stats.get(statsKey(regionId, date))! }));
  },
};
