import { z } from 'zod';
import type { GroupBuyCategory, GroupBuyFilter, GroupBuyStatus, OrderChannel, OrderFilter, OrderStatus, PackageCategory, PackageFilter, PolicyFilter, SubsidyPolicyStatus } from '../../gql/graphql.js';
import { addDays, shanghaiToday } from '../../lib/dates.js';

/** The analyst lists that can be exported, by the name the gateway's route uses (`/export/<list>.csv`), in menu order. */
export const EXPORT_LISTS = ['orders', 'packages', 'policies', 'groupBuys', 'orderStatsSeries'] as const;
export type ExportListName = (typeof EXPORT_LISTS)[number];

// The enum values of the API schema (schema/api.graphql), each list offering the ones of its filter's fields.
export const PACKAGE_CATEGORIES = ['VEGETABLE_BASIC', 'PORK_BASIC', 'EGG_BASIC', 'GRAIN_OIL', 'MILK', 'MEDICINE'] as const satisfies readonly PackageCategory[];
export const GROUP_BUY_CATEGORIES = ['FRUIT', 'SEAFOOD', 'MEAT', 'VEGETABLE', 'GRAIN_OIL', 'DAILY_NECESSITIES', 'MEDICINE', 'OTHER'] as const satisfies readonly GroupBuyCategory[];
export const ORDER_STATUSES = ['PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED', 'CANCELLED'] as const satisfies readonly OrderStatus[];
export const POLICY_STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'REVOKED'] as const satisfies readonly SubsidyPolicyStatus[];
export const GROUP_BUY_STATUSES = ['OPEN', 'CONFIRMED', 'CANCELLED', 'DISTRIBUTING', 'COMPLETED'] as const satisfies readonly GroupBuyStatus[];
export const ORDER_CHANNELS = ['APP', 'GROUP_CHAIN', 'DOOR_TO_DOOR', 'PHONE'] as const satisfies readonly OrderChannel[];

/** What each list can be filtered by on screen, besides the region. */
export const LIST_FILTERS = {
  orders: { dates: 'optional', categories: PACKAGE_CATEGORIES, statuses: ORDER_STATUSES, channels: ORDER_CHANNELS },
  packages: { dates: 'optional', categories: PACKAGE_CATEGORIES, statuses: null, channels: null },
  policies: { dates: 'optional', categories: PACKAGE_CATEGORIES, statuses: POLICY_STATUSES, channels: null },
  groupBuys: { dates: 'optional', categories: GROUP_BUY_CATEGORIES, statuses: GROUP_BUY_STATUSES, channels: null },
  orderStatsSeries: { dates: 'required', categories: null, statuses: null, channels: null },
} as const satisfies Record<ExportListName, { dates: 'optional' | 'required'; categories: readonly string[] | null; statuses: readonly string[] | null; channels: readonly string[] | null }>;

/** The longest daily series the API gives (orderStatsSeries: at most 366 days). */
export const MAX_SERIES_DAYS = 366;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The filters set on screen, as kept in the page's URL (read back through zod: anything else is dropped). */
export const filtersSchema = z.object({
  list: z.enum(EXPORT_LISTS).catch('orders'),
  region: z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  channel: z.string().optional().catch(undefined),
});
export type Filters = z.infer<typeof filtersSchema>;

/** The filters from the URL's search params, each checked against what the chosen list offers. */
export function readFilters(params: URLSearchParams, defaultRegion: string): Filters & { region: string } {
  const raw = filtersSchema.parse(Object.fromEntries(params));
  const offered = LIST_FILTERS[raw.list];
  const pick = (value: string | undefined, values: readonly string[] | null) => (value && values?.includes(value) ? value : undefined);
  return {
    list: raw.list,
    region: raw.region ?? defaultRegion,
    from: raw.from,
    to: raw.to,
    category: pick(raw.category, offered.categories),
    status: pick(raw.status, offered.statuses),
    channel: pick(raw.channel, offered.channels),
  };
}

/** The daily series' range when none is set: the last 30 days. */
export function defaultSeriesRange(today = shanghaiToday()): { from: string; to: string } {
  return { from: addDays(today, -29), to: today };
}

/** The start and end of a Shanghai day, as the API's DateTime. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59+08:00`;

/** Drops the fields left unset (the API and the export route take a missing field as "any"). */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Each list's filter as the API names its fields: the GraphQL `filter` input of the list (or, for the daily series, its
 * arguments). The CSV export takes the very same names as URL parameters, so one object serves both.
 */
export function orderFilter(f: Filters & { region: string }): OrderFilter {
  return defined({ regionId: f.region, dateFrom: f.from, dateTo: f.to, category: f.category as PackageCategory | undefined, status: f.status as OrderStatus | undefined, channel: f.channel as OrderChannel | undefined });
}
/** The packages list's filter (see orderFilter). */
export function packageFilter(f: Filters & { region: string }): PackageFilter {
  return defined({ regionId: f.region, dateFrom: f.from, dateTo: f.to, category: f.category as PackageCategory | undefined });
}
/** The policy versions list's filter (see orderFilter). */
export function policyFilter(f: Filters & { region: string }): PolicyFilter {
  return defined({ regionId: f.region, activeFrom: f.from, activeTo: f.to, category: f.category as PackageCategory | undefined, status: f.status as SubsidyPolicyStatus | undefined });
}
/** The group buys list's filter: the date range is of their deadlines, whole Shanghai days (see orderFilter). */
export function groupBuyFilter(f: Filters & { region: string }): GroupBuyFilter {
  return defined({
    regionId: f.region,
    deadlineFrom: f.from ? dayStart(f.from) : undefined,
    deadlineTo: f.to ? dayEnd(f.to) : undefined,
    category: f.category as GroupBuyCategory | undefined,
    status: f.status as GroupBuyStatus | undefined,
  });
}
/** The daily series' arguments: a region and a range, the last 30 days when none is set. */
export function seriesArguments(f: Filters & { region: string }, today = shanghaiToday()): { regionId: string; from: string; to: string } {
  const range = f.from && f.to ? { from: f.from, to: f.to } : defaultSeriesRange(today);
  return { regionId: f.region, ...range };
}

/** The list's filter under the names its GraphQL filter (or arguments) use, which are also the export route's parameters. */
export function exportParams(f: Filters & { region: string }): Record<string, string> {
  const byList: Record<ExportListName, () => Record<string, unknown>> = {
    orders: () => orderFilter(f),
    packages: () => packageFilter(f),
    policies: () => policyFilter(f),
    groupBuys: () => groupBuyFilter(f),
    orderStatsSeries: () => seriesArguments(f),
  };
  return Object.fromEntries(Object.entries(byList[f.list]()).map(([key, value]) => [key, String(value)]));
}
