import { assertRegionId, assertRegionReader, paginate } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { GroupBuyRow } from '../db/schema.js';
import type { GroupBuyFilter } from '../repositories/groupBuys.js';
import { visibleCommittee, visibleGroupBuy } from './visibility.js';

export const Query = {
  ownerCommittee: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleCommittee(id, ctx),
  groupBuy: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleGroupBuy(id, ctx),
  async groupBuys(_: unknown, { filter, first, after }: { filter: GroupBuyFilter; first: number; after?: string | null }, ctx: SelforgContext) {
    assertRegionId(filter.regionId, 'filter.regionId');
    assertRegionReader(ctx.viewer, filter.regionId, 'Group buys');
    return paginate(
      { first, after },
      (row: GroupBuyRow) => [row.deadline.toISOString(), row.id],
      (limit, key) => ctx.groupBuys.list(filter, limit, key),
      () => ctx.groupBuys.count(filter),
    );
  },
};
