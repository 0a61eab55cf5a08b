import DataLoader from 'dataloader';
import { groupRows, loadMany, loadOne } from '@cgov/shared';
import type { CityApi } from './cityClient.js';
import { floorsInclude } from './domain/coverage.js';
import { statsOfRegions, type OrderStats } from './domain/stats.js';
import type { CoverageRepository } from './repositories/coverage.js';
import type { GridRepository } from './repositories/grids.js';
import type { OrderRepository } from './repositories/orders.js';
import type { PackageRepository } from './repositories/packages.js';
import type { MonthCount, PartyMemberRepository } from './repositories/partyMembers.js';
import { rangeInstants } from './domain/partyMemberRecord.js';
import type { ReadinessRepository } from './repositories/readiness.js';
import type { ReadinessCounts } from './domain/readinessRules.js';
import type { RosterRepository } from './repositories/roster.js';

export interface Repositories {
  roster: RosterRepository;
  coverage: CoverageRepository;
  partyMembers: PartyMemberRepository;
  packages: PackageRepository;
  orders: OrderRepository;
  grids: GridRepository;
  readiness: ReadinessRepository;
}

const split = (key: string) => key.split('|') as [string, string];

/** Groups `${id}|${date}` keys by their second part: one statement per date (or filter), whatever the number of ids. */
function bySuffix(keys: readonly string[]): Map<string, string[]> {
  const groups = groupRows(keys.map(split), ([, suffix]) => suffix);
  return new Map([...groups].map(([suffix, pairs]) => [suffix, pairs.map(([id]) => id)]));
}

/** Per-request loaders: each level of a list costs one statement (or one call to the city), whatever its size. */
export function createLoaders(repositories: Repositories, city: CityApi) {
  const { roster, coverage, partyMembers, packages, orders, grids, readiness } = repositories;
  /** The floors of each party member, for lists that follow them door by door. */
  const floorsOf = async (memberIds: readonly string[]) => {
    const assignments = groupRows(await partyMembers.assignmentsOfMembers(memberIds), (assignment) => assignment.partyMemberId);
    return new Map(memberIds.map((id) => [id, assignments.get(id) ?? []]));
  };
  return {
    compoundById: loadOne((ids: readonly string[]) => roster.compoundsByIds(ids), (row) => row.id),
    compoundsOfCommunity: loadMany((ids: readonly string[]) => roster.compoundsOfCommunities(ids), (row) => row.communityId),
    buildingById: loadOne((ids: readonly string[]) => roster.buildingsByIds(ids), (row) => row.id),
    buildingsOfCompound: loadMany((ids: readonly string[]) => roster.buildingsOfCompounds(ids), (row) => row.compoundId),
    coverageOf: loadOne((ids: readonly string[]) => coverage.ofCommunities(ids), (row) => row.communityId),
    uncoveredBuildingsOf: loadMany((ids: readonly string[]) => coverage.uncoveredOf(ids), (row) => row.communityId),
    householdById: loadOne((ids: readonly string[]) => roster.householdsByIds(ids), (row) => row.id),
    householdsOfBuilding: loadMany((ids: readonly string[]) => roster.householdsOfBuildings(ids), (row) => row.buildingId),

    partyMemberById: loadOne((ids: readonly string[]) => partyMembers.byIds(ids), (row) => row.id),
    partyMembersOfCommunity: loadMany((ids: readonly string[]) => partyMembers.ofCommunities(ids), (row) => row.communityId),
    assignmentsOfMember: loadMany((ids: readonly string[]) => partyMembers.assignmentsOfMembers(ids), (row) => row.partyMemberId),
    assignmentsOfCommunity: loadMany((ids: readonly string[]) => partyMembers.assignmentsOfCommunities(ids), (row) => row.communityId),
    /**
     * `${partyMemberId}|${from}~${to}` (months YYYY-MM, both empty for all time) → what the member did per month in that
     * range: one statement per range asked, whatever the number of members.
     */
    recordMonthsOf: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, MonthCount[]>();
      for (const [range, memberIds] of bySuffix(keys)) {
        const [from, to] = range.split('~') as [string, string];
        const instants = rangeInstants({ from: from || null, to: to || null });
        const rows = groupRows(await partyMembers.monthlyRecords(memberIds, instants.from, instants.to), (row) => row.partyMemberId);
        for (const id of memberIds) results.set(`${id}|${range}`, rows.get(id) ?? []);
      }
      return keys.map((key) => results.get(key)!);
    }),

    gridById: loadOne((ids: readonly string[]) => grids.byIds(ids), (row) => row.id),
    gridsOfCommunity: loadMany((ids: readonly string[]) => grids.ofCommunities(ids), (row) => row.communityId),
    /** Which micro-grid holds each building, per community. */
    gridBuildingsOfCommunity: loadMany((ids: readonly string[]) => grids.buildingsOfCommunities(ids), (row) => row.communityId),
    /** Households per micro-grid, per community. */
    microGridHouseholdsOf: loadMany((ids: readonly string[]) => grids.householdCounts(ids), (row) => row.communityId),
    /** All the community's households, counted. */
    householdCountOf: loadOne((ids: readonly string[]) => grids.communityHouseholds(ids), (row) => row.communityId),
    gridWorkerById: loadOne((ids: readonly string[]) => grids.workersByIds(ids), (row) => row.id),
    gridWorkersOfCommunity: loadMany((ids: readonly string[]) => grids.workersOfCommunities(ids), (row) => row.communityId),
    /** The care flags of a community with their households' buildings and last visits. */
    careOfCommunity: loadMany((ids: readonly string[]) => grids.careOfCommunities(ids), (row) => row.communityId),

    volunteerById: loadOne((ids: readonly string[]) => readiness.volunteersByIds(ids), (row) => row.id),
    volunteersOfCommunity: loadMany((ids: readonly string[]) => readiness.volunteersOfCommunities(ids), (row) => row.communityId),
    volunteerTeamById: loadOne((ids: readonly string[]) => readiness.teamsByIds(ids), (row) => row.id),
    /** Every version of a community's emergency plans, newest first per hazard. */
    plansOfCommunity: loadMany((ids: readonly string[]) => readiness.plansOfCommunities(ids), (row) => row.communityId),
    spacesOfCommunity: loadMany((ids: readonly string[]) => readiness.spacesOfCommunities(ids), (row) => row.communityId),
    suppliesOfCommunity: loadMany((ids: readonly string[]) => readiness.suppliesOfCommunities(ids), (row) => row.communityId),
    /** `${regionId}|${today}` → the region's readiness summed from its communities' kept rows: one statement for every region asked. */
    readinessOf: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, ReadinessCounts>();
      for (const [today, regionIds] of bySuffix(keys)) {
        for (const [regionId, counts] of await readiness.regionReadiness(regionIds, today)) results.set(`${regionId}|${today}`, counts);
      }
      return keys.map((key) => results.get(key)!);
    }),

    packageById: loadOne((ids: readonly string[]) => packages.byIds(ids), (row) => row.id),
    packagesOf: loadMany(
      (keys: readonly string[]) => packages.ofCommunityDates(keys.map((key) => ({ communityId: split(key)[0], date: split(key)[1] }))),
      (row) => `${row.communityId}|${row.date}`,
    ),
    ratingSummaryOf: loadOne((ids: readonly string[]) => packages.ratingSummaries(ids), (row) => row.packageId),
    ratingsOf: loadMany((ids: readonly string[]) => packages.ratingsOf(ids), (row) => row.packageId),

    orderById: loadOne((ids: readonly string[]) => orders.byIds(ids), (row) => row.id),
    /** `${compoundId}|${date}` → units and orders per package: one statement per date for every compound asked. */
    reportOf: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, Awaited<ReturnType<OrderRepository['report']>>>();
      for (const [date, compoundIds] of bySuffix(keys)) {
        const rows = groupRows(await orders.report(compoundIds, date), (row) => row.compoundId);
        for (const id of compoundIds) results.set(`${id}|${date}`, rows.get(id) ?? []);
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** `${compoundId}|${date}` → orders counted by status: one statement per date for every compound asked. */
    statusCountsOf: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, Awaited<ReturnType<OrderRepository['statusCounts']>>>();
      for (const [date, compoundIds] of bySuffix(keys)) {
        const rows = groupRows(await orders.statusCounts(compoundIds, date), (row) => row.compoundId);
        for (const id of compoundIds) results.set(`${id}|${date}`, rows.get(id) ?? []);
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** `${partyMemberId}|${needsDoorToDoor}` (empty for all) → the households on the member's floors. */
    householdsOfMember: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, Awaited<ReturnType<RosterRepository['householdsOnFloors']>>>();
      for (const [filter, memberIds] of bySuffix(keys)) {
        const floors = await floorsOf(memberIds);
        const rows = await roster.householdsOnFloors([...floors.values()].flat(), filter === '' ? null : filter === 'true');
        for (const id of memberIds) results.set(`${id}|${filter}`, rows.filter((row) => floorsInclude(floors.get(id)!, row)));
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** `${partyMemberId}|${date}` → that day's orders on the member's floors, door by door. */
    deliveriesOf: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, Awaited<ReturnType<OrderRepository['onFloors']>>>();
      for (const [date, memberIds] of bySuffix(keys)) {
        const floors = await floorsOf(memberIds);
        const rows = await orders.onFloors(date, [...floors.values()].flat());
        for (const id of memberIds) results.set(`${id}|${date}`, rows.filter((row) => floorsInclude(floors.get(id)!, row)));
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** `${householdId}|${date}` (date may be empty for all dates) → the household's orders, newest first. */
    ordersOfHousehold: new DataLoader(async (keys: readonly string[]) => {
      const results = new Map<string, Awaited<ReturnType<OrderRepository['ofHouseholds']>>>();
      for (const [date, householdIds] of bySuffix(keys)) {
        const rows = groupRows(await orders.ofHouseholds(householdIds, date || null), (row) => row.householdId);
        for (const id of householdIds) results.set(`${id}|${date}`, rows.get(id) ?? []);
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** `${regionId}|${date}` → that day's statistics of the region. */
    statsOf: new DataLoader(async (keys: readonly string[]) => {
      const asked = keys.map((key) => ({ regionId: split(key)[0], date: split(key)[1] }));
      const results = new Map<string, OrderStats>();
      for (const [date, regionIds] of bySuffix(keys)) {
        const rows = await orders.regionStats(regionIds, date, date);
        for (const [key, stats] of statsOfRegions(asked.filter((each) => each.date === date), rows)) results.set(key, stats);
      }
      return keys.map((key) => results.get(key)!);
    }),
    /** A region → the subsidy of every order inside it not cancelled: one statement per region level asked. */
    spentIn: new DataLoader(async (regionIds: readonly string[]) => {
      const spent = await orders.subsidySpent(regionIds);
      return regionIds.map((regionId) => spent.get(regionId)!);
    }),
    /** `${communityId}|${date}` → the policies in force there, from the city's API (one call for all keys). */
    policiesOf: new DataLoader(async (keys: readonly string[]) => {
      try {
        const answer = await city.policiesFor(keys);
        return keys.map((key) => answer.get(key) ?? []);
      } catch (error) {
        return keys.map(() => (error instanceof Error ? error : new Error(String(error))));
      }
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
