import DataLoader from 'dataloader';
import { groupRows, loadMany, loadOne } from '@cgov/shared';
import type { GroupBuyStatus } from './db/schema.js';
import type { GroupBuyRepository } from './repositories/groupBuys.js';
import type { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';

/** Per-request loaders: a list of N group buys costs one statement per level, not N. */
export function createLoaders(committees: OwnerCommitteeRepository, groupBuys: GroupBuyRepository) {
  return {
    committeeById: loadOne((ids: readonly string[]) => committees.byIds(ids), (row) => row.id),
    committeeOfCompound: loadOne((ids: readonly string[]) => committees.ofCompounds(ids), (row) => row.compoundId),
    membersOf: loadMany((ids: readonly string[]) => committees.membersOf(ids), (row) => row.committeeId),
    groupBuyById: loadOne((ids: readonly string[]) => groupBuys.byIds(ids), (row) => row.id),
    groupBuysOfCompound: loadMany((ids: readonly string[]) => groupBuys.ofCompounds(ids), (row) => row.compoundId),
    /** `${communityId}|${status}` (status empty for all) → the community's group buys. */
    groupBuysOfCommunity: new DataLoader(async (keys: readonly string[]) => {
      const byStatus = groupRows(keys.map((key) => key.split('|') as [string, string]), ([, status]) => status);
      const results = new Map<string, Awaited<ReturnType<GroupBuyRepository['ofCommunities']>>>();
      for (const [status, pairs] of byStatus) {
        const communityIds = pairs.map(([communityId]) => communityId);
        const rows = groupRows(await groupBuys.ofCommunities(communityIds, (status || null) as GroupBuyStatus | null), (row) => row.communityId);
        for (const id of communityIds) results.set(`${id}|${status}`, rows.get(id) ?? []);
      }
      return keys.map((key) => results.get(key)!);
    }),
    itemsOf: loadMany((ids: readonly string[]) => groupBuys.itemsOf(ids), (row) => row.groupBuyId),
    itemById: loadOne((ids: readonly string[]) => groupBuys.itemsByIds(ids), (row) => row.id),
    participantCountOf: loadOne((ids: readonly string[]) => groupBuys.participantCounts(ids), (row) => row.groupBuyId),
    participationById: loadOne((ids: readonly string[]) => groupBuys.participationsByIds(ids), (row) => row.id),
    participationsOf: loadMany((ids: readonly string[]) => groupBuys.participationsOf(ids), (row) => row.groupBuyId),
    linesOf: loadMany((ids: readonly string[]) => groupBuys.linesOf(ids), (row) => row.participationId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
