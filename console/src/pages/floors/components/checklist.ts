/**
 * The party member's checklist as data: households grouped by building and floor, the orders picked per household
 * turned into one batch, and what each household will pay as far as the page can know before the platform answers.
 */
import { toFen } from '../../../lib/money.js';
import { estimateHousehold, type PricedPackage } from '../../../lib/pricing.js';

/** The most units of one package a household may order (the platform's limit). */
export const MAX_QUANTITY = 20;
/** The most orders one batch may hold (the platform's limit). */
export const MAX_BATCH = 200;

/** Solid tags with white text, each colour dark enough for 4.5:1 contrast (the light preset tags fall short). */
export const TAG_COLORS = { attention: '#ad4e00', ready: '#0958d9', done: '#237804', neutral: '#595959' } as const;

/** Where a household or an order's household is. */
export interface Place {
  id: string;
  floor: number;
  room: string;
  building: { id: string; name: string; compound?: { name: string } | null };
}

/** Items by building (in name order, compound first) then floor (low to high) then room. */
export interface BuildingGroup<T> {
  buildingId: string;
  label: string;
  floors: Array<{ floor: number; items: T[] }>;
}

/** Groups anything with a place by building and floor, in the order a party member walks them. */
export function byBuildingAndFloor<T>(items: readonly T[], placeOf: (item: T) => Place): BuildingGroup<T>[] {
  const sorted = [...items].sort((a, b) => {
    const pa = placeOf(a);
    const pb = placeOf(b);
    return (
      (pa.building.compound?.name ?? '').localeCompare(pb.building.compound?.name ?? '', 'zh-CN') ||
      pa.building.name.localeCompare(pb.building.name, 'zh-CN', { numeric: true }) ||
      pa.floor - pb.floor ||
      pa.room.localeCompare(pb.room, 'zh-CN', { numeric: true })
    );
  });
  const groups: BuildingGroup<T>[] = [];
  for (const item of sorted) {
    const place = placeOf(item);
    let group = groups.at(-1);
    if (!group || group.buildingId !== place.building.id) {
      group = { buildingId: place.building.id, label: [place.building.compound?.name, place.building.name].filter(Boolean).join(' '), floors: [] };
      groups.push(group);
    }
    let floor = group.floors.at(-1);
    if (!floor || floor.floor !== place.floor) {
      floor = { floor: place.floor, items: [] };
      group.floors.push(floor);
    }
    floor.items.push(item);
  }
  return groups;
}

/** A door as the page names it: building and room. */
export function doorOf(place: Place): string {
  return `${place.building.name} ${place.room}`;
}

/** What was picked for one household: units per package, and whether it was asked at its door. */
export interface Pick {
  quantities: Record<string, number>;
  doorToDoor: boolean;
}

export type OrderChannel = 'GROUP_CHAIN' | 'DOOR_TO_DOOR';

/** One order of the batch, as submitOrders takes it. */
export interface BatchOrder {
  householdId: string;
  packageId: string;
  quantity: number;
  channel: OrderChannel;
}

/** The picks as one batch: every package with at least one unit, households in the checklist's order. */
export function toBatch(picks: Record<string, Pick>, householdOrder: readonly string[], packageOrder: readonly string[]): BatchOrder[] {
  return householdOrder.flatMap((householdId) => {
    const pick = picks[householdId];
    if (!pick) return [];
    return packageOrder
      .filter((packageId) => (pick.quantities[packageId] ?? 0) > 0)
      .map((packageId) => ({
        householdId,
        packageId,
        quantity: Math.min(MAX_QUANTITY, Math.trunc(pick.quantities[packageId]!)),
        channel: pick.doorToDoor ? ('DOOR_TO_DOOR' as const) : ('GROUP_CHAIN' as const),
      }));
  });
}

/** The platform's answer added up: orders, units, subsidised units, subsidy and what households pay. */
export function answerTotals(orders: ReadonlyArray<{ quantity: number; subsidizedQuantity: number; subsidy: string; payable: string }>) {
  return {
    orders: orders.length,
    units: orders.reduce((sum, order) => sum + order.quantity, 0),
    subsidised: orders.reduce((sum, order) => sum + order.subsidizedQuantity, 0),
    subsidyFen: orders.reduce((sum, order) => sum + order.subsidizedQuantity * toFen(order.subsidy), 0),
    payableFen: orders.reduce((sum, order) => sum + toFen(order.payable), 0),
  };
}

/**
 * The subsidised units a household has used that day, by category, before what is picked now: its orders' (`already`,
 * from `subsidisedByCategory`), and the lines of its batches still waiting in the queue, each counted at the most it
 * could have subsidised (the platform prices them before anything picked now), so that a second pick is not shown as
 * subsidised again.
 */
export function subsidisedBeforePicks(already: ReadonlyMap<string, number>, waiting: ReadonlyArray<{ pkg: PricedPackage; quantity: number }>): Map<string, number> {
  const used = new Map(already);
  estimateHousehold(waiting, already).forEach((estimate, i) => {
    const category = waiting[i]!.pkg.category;
    used.set(category, (used.get(category) ?? 0) + estimate.subsidised.max);
  });
  return used;
}
