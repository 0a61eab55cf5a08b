import { shanghaiMonth } from '@cgov/shared';
import type { CommunityStatsRow, RequestRow, UnitStatsRow } from '../db/schema.js';

/** What a unit's month or a region's month counts (the contract's three rates are worked out from these). */
export interface RateCounts {
  dispatched: number;
  respondedOnTime: number;
  callbacks: number;
  resolvedCallbacks: number;
  satisfiedCallbacks: number;
}

/** A region's requests of a month: received, open, overdue and closed, with the counts behind the three rates. */
export interface RegionCounts extends RateCounts {
  received: number;
  open: number;
  overdue: number;
  closed: number;
}

export type CommunityKey = Pick<CommunityStatsRow, 'communityId' | 'month' | 'categoryCode'>;
export type UnitKey = Pick<UnitStatsRow, 'cityId' | 'month' | 'unitKind' | 'unitId'>;
export type CommunityDelta = CommunityKey & RegionCounts;
export type UnitDelta = UnitKey & RateCounts;

type Counted = Pick<
  RequestRow,
  | 'cityId'
  | 'communityId'
  | 'categoryCode'
  | 'status'
  | 'streetId'
  | 'departmentId'
  | 'receivedAt'
  | 'dispatchedAt'
  | 'respondedAt'
  | 'responseDeadline'
  | 'dispatchCount'
  | 'callbackCount'
  | 'resolvedCallbacks'
  | 'satisfiedCallbacks'
  | 'overdue'
>;

/** 1 when the request's current dispatch got its first response by the response deadline. */
const respondedOnTime = (row: Counted) => (row.respondedAt !== null && row.respondedAt.getTime() <= row.responseDeadline.getTime() ? 1 : 0);

/**
 * What a request adds to its community's month (the month it was received, in Asia/Shanghai) and category: every
 * dispatch, the current one's response on time (an earlier dispatch was returned, which is no response: a request
 * is returned only before it is accepted), every callback.
 */
export function communityShare(row: Counted): CommunityDelta {
  const closed = row.status === 'CLOSED' ? 1 : 0;
  return {
    communityId: row.communityId,
    month: shanghaiMonth(row.receivedAt),
    categoryCode: row.categoryCode,
    received: 1,
    open: 1 - closed,
    overdue: row.overdue && !closed ? 1 : 0,
    closed,
    dispatched: row.dispatchCount,
    respondedOnTime: respondedOnTime(row),
    callbacks: row.callbackCount,
    resolvedCallbacks: row.resolvedCallbacks,
    satisfiedCallbacks: row.satisfiedCallbacks,
  };
}

/**
 * What the request's current dispatch adds to the month (of the dispatch) of the unit that holds it. Callbacks
 * count for the unit that holds the request: once accepted, a request is never returned, so every callback falls
 * under its last dispatch.
 */
export function unitShare(row: Counted): UnitDelta {
  return {
    cityId: row.cityId,
    month: shanghaiMonth(row.dispatchedAt),
    unitKind: row.streetId ? 'STREET' : 'DEPARTMENT',
    unitId: (row.streetId ?? row.departmentId)!,
    dispatched: 1,
    respondedOnTime: respondedOnTime(row),
    callbacks: row.callbackCount,
    resolvedCallbacks: row.resolvedCallbacks,
    satisfiedCallbacks: row.satisfiedCallbacks,
  };
}

function minus<T extends object>(after: T, before: T, counts: ReadonlyArray<keyof T>): T {
  const result = { ...after };
  for (const key of counts) (result[key] as number) = (after[key] as number) - (before[key] as number);
  return result;
}

/** Every count behind the three rates. */
export const RATE_COUNTS: ReadonlyArray<keyof RateCounts> = ['dispatched', 'respondedOnTime', 'callbacks', 'resolvedCallbacks', 'satisfiedCallbacks'];
/** Every count of a region's month. */
export const REGION_COUNTS: ReadonlyArray<keyof RegionCounts> = ['received', 'open', 'overdue', 'closed', ...RATE_COUNTS];

const isZero = (delta: object, counts: readonly string[]) => counts.every((key) => (delta as Record<string, number>)[key] === 0);

/**
 * What one write changes in the kept statistics: the request as it was (null when just filed) and as it is. The
 * community's row takes the difference. The unit's row takes the difference too, unless the request was
 * re-dispatched: then the earlier dispatch stays counted for the unit it went to, and the new one is added.
 */
export function statsDeltas(before: Counted | null, after: Counted): { community: CommunityDelta | null; units: UnitDelta[] } {
  const communityAfter = communityShare(after);
  const unitAfter = unitShare(after);
  if (!before) return { community: communityAfter, units: [unitAfter] };
  const community = minus(communityAfter, communityShare(before), REGION_COUNTS);
  let units: UnitDelta[];
  if (before.dispatchCount !== after.dispatchCount) {
    // Re-dispatched: the earlier dispatch stays counted as a dispatch of the unit it went to, with whatever else
    // it had taken back (nothing, while a request is returned only before it is accepted), and the new one is added.
    const unitBefore = unitShare(before);
    units = [minus({ ...unitBefore, dispatched: 1, respondedOnTime: 0, callbacks: 0, resolvedCallbacks: 0, satisfiedCallbacks: 0 }, unitBefore, RATE_COUNTS), unitAfter];
  } else {
    units = [minus(unitAfter, unitShare(before), RATE_COUNTS)];
  }
  return {
    community: isZero(community, REGION_COUNTS as string[]) ? null : community,
    units: units.filter((unit) => !isZero(unit, RATE_COUNTS as string[])),
  };
}

/** A rate of the contract: a decimal 0–1 with four places; null when the divisor is 0. */
export function rate(count: number, divisor: number): number | null {
  return divisor === 0 ? null : Math.round((count / divisor) * 10_000) / 10_000;
}

/** The three rates (三率) of counts: response = on time ÷ dispatched, resolution and satisfaction ÷ callbacks. */
export function threeRates(counts: RateCounts) {
  return {
    responseRate: rate(counts.respondedOnTime, counts.dispatched),
    resolutionRate: rate(counts.resolvedCallbacks, counts.callbacks),
    satisfactionRate: rate(counts.satisfiedCallbacks, counts.callbacks),
  };
}

/** Fewer requests than this in a month and a unit is listed unranked. */
export const RANKING_MINIMUM = 10;

/** score = 0.2 × response + 0.4 × resolution + 0.4 × satisfaction (four places); null when a rate is null. */
export function score(rates: ReturnType<typeof threeRates>): number | null {
  const { responseRate, resolutionRate, satisfactionRate } = rates;
  if (responseRate === null || resolutionRate === null || satisfactionRate === null) return null;
  return Math.round((0.2 * responseRate + 0.4 * resolutionRate + 0.4 * satisfactionRate) * 10_000) / 10_000;
}

export interface RankingEntry extends ReturnType<typeof threeRates> {
  rank: number | null;
  unitId: string;
  unitName: string;
  dispatched: number;
  score: number | null;
  ranked: boolean;
}

/**
 * A month's ranking: units with RANKING_MINIMUM requests or more by score (highest first; a null score last), equal
 * scores sharing a place (1, 2, 2, 4); then the others, unranked, by dispatched. Ties in order go to the name.
 */
export function rankUnits(units: ReadonlyArray<{ unitId: string; unitName: string } & RateCounts>): RankingEntry[] {
  const entries = units.map((unit) => {
    const rates = threeRates(unit);
    return { rank: null as number | null, unitId: unit.unitId, unitName: unit.unitName, dispatched: unit.dispatched, ...rates, score: score(rates), ranked: unit.dispatched >= RANKING_MINIMUM };
  });
  const byName = (a: RankingEntry, b: RankingEntry) => a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId.localeCompare(b.unitId);
  const ranked = entries.filter((entry) => entry.ranked).sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || byName(a, b));
  ranked.forEach((entry, index) => {
    const previous = ranked[index - 1];
    entry.rank = previous && previous.score === entry.score ? previous.rank : index + 1;
  });
  const unranked = entries.filter((entry) => !entry.ranked).sort((a, b) => b.dispatched - a.dispatched || byName(a, b));
  return [...ranked, ...unranked];
}
