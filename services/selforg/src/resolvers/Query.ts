import { assertRegionId, assertRegionReader, connection, decodeCursor, pageSize } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { GroupBuyFilter } from '../repositories/groupBuys.js';
import { visibleCommittee, visibleGroupBuy } from './visibility.js';

export const Query = {
  ownerCommittee: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleCommittee(id, ctx),
  groupBuy: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleGroupBuy(id, ctx),
  async groupBuys(_: unknown, { filter, first, after }: { filter: GroupBuyFilter; first: number; after?: string | null }, ctx: SelforgContext) {
    assertRegionId(filter.regionId, 'filter.regionId');
    assertRegionReader(ctx.viewer, filter.regionId, 'Group buys');
    const limit = pageSize(first);
    const [rows, total] = await Promise.all([
      ctx.groupBuys.list(filter, limit + 1, decodeCursor(after, 2) as [string, string] | null),
      ctx.groupBuys.count(filter),
    ]);
    return connection(rows, limit, (row) => [row.deadline.toISOString(), row.id], total);
  },
};
