import DataLoader from 'dataloader';
import { groupRows, loadMany, loadOne } from '@cgov/shared';
import type { GroupBuyStatus } from './db/schema.js';
import type { CouncilRepository, ProjectFigures } from './repositories/councils.js';
import type { GroupBuyRepository } from './repositories/groupBuys.js';
import type { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';
import type { SharingRepository } from './repositories/sharing.js';
import type { Clock } from '@cgov/shared';

/** Per-request loaders: a list of N group buys costs one statement per level, not N. */
export function createLoaders(
  committees: OwnerCommitteeRepository,
  groupBuys: GroupBuyRepository,
  councils: CouncilRepository,
  sharing: SharingRepository,
  viewerScope: string,
  clock: Clock,
) {
  return {
    listingById: loadOne((ids: readonly string[]) => sharing.listingsByIds(ids), (row) => row.id),
    matchById: loadOne((ids: readonly string[]) => sharing.matchesByIds(ids), (row) => row.id),
    /** Household ids → its listings, newest first (at most 50). */
    listingsOfHousehold: loadMany((ids: readonly string[]) => sharing.listingsOfHouseholds(ids, 50), (row) => row.householdId),
    /** Listing ids → the matches it is in (as need or offer), latest first (at most 20). */
    matchesOfListing: new DataLoader(async (ids: readonly string[]) => {
      const rows = await sharing.matchesOfListings(ids);
      return ids.map((id) => rows.filter((row) => row.needId === id || row.offerId === id).slice(0, 20));
    }),
    /** Listing ids → the ids of the listings suggested for it at this instant, in the contract's order; one statement for all. */
    suggestionIdsOf: new DataLoader(async (ids: readonly string[]) => {
      const found = await sharing.suggestionIdsFor(ids, clock.now());
      return ids.map((id) => found.get(id) ?? []);
    }),
    actionsOf: loadMany((ids: readonly string[]) => sharing.actionsOf(ids), (row) => row.matchId),
    /** Household ids → whether its community's staff verified it. */
    verified: new DataLoader(async (ids: readonly string[]) => {
      const verified = new Set((await sharing.verifiedAmong(ids)).map((row) => row.householdId));
      return ids.map((id) => verified.has(id));
    }),
    balanceOf: loadOne((ids: readonly string[]) => sharing.balancesOf(ids), (row) => row.householdId),
    creditEntriesOf: loadMany((ids: readonly string[]) => sharing.entriesOf(ids), (row) => row.householdId),
    /** Region ids (any level) → the shared community counted; one pair of statements for every region asked. */
    sharingFiguresOf: new DataLoader(async (ids: readonly string[]) => {
      const found = await sharing.figures(ids, clock.now());
      return ids.map((id) => found.get(id) ?? null);
    }),
    councilById: loadOne((ids: readonly string[]) => councils.councilsByIds(ids), (row) => row.id),
    councilOfCommunity: loadOne((ids: readonly string[]) => councils.councilsOfCommunities(ids), (row) => row.communityId),
    councilMembersOf: loadMany((ids: readonly string[]) => councils.membersOf(ids), (row) => row.councilId),
    roundById: loadOne((ids: readonly string[]) => councils.roundsByIds(ids), (row) => row.id),
    roundsOfCommunity: loadMany((ids: readonly string[]) => councils.roundsOfCommunities(ids, 50), (row) => row.communityId),
    projectById: loadOne((ids: readonly string[]) => councils.projectsByIds(ids), (row) => row.id),
    projectsOfRound: loadMany((ids: readonly string[]) => councils.projectsOf(ids), (row) => row.roundId),
    progressOf: loadMany((ids: readonly string[]) => councils.reportsOf(ids), (row) => row.projectId),
    /** Project ids → whether the viewer's household (a resident's scope) supports it. */
    supportedByViewer: new DataLoader(async (ids: readonly string[]) => {
      const supported = new Set((await councils.supportsOfHousehold(viewerScope, ids)).map((row) => row.projectId));
      return ids.map((id) => supported.has(id));
    }),
    /** `${regionId}|${year}` → the region's rounds of the year added up (null when it has none); one statement for all. */
    projectFiguresOf: new DataLoader(async (keys: readonly string[]) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const rows = await councils.figures([...new Set(pairs.map(([regionId]) => regionId))], [...new Set(pairs.map(([, year]) => Number(year)))]);
      const found = new Map<string, ProjectFigures>(rows.map((row) => [`${row.regionId}|${row.year}`, row]));
      return keys.map((key) => found.get(key) ?? null);
    }),
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
    participationById: loadOne((ids: readonly string[]) => groupBuys.participationsByIds(ids), (row) => row.id),
    participationsOf: loadMany((ids: readonly string[]) => groupBuys.participationsOf(ids), (row) => row.groupBuyId),
    linesOf: loadMany((ids: readonly string[]) => groupBuys.linesOf(ids), (row) => row.participationId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
