import { addDays, badInput, conflict, formatDateTime, shanghaiDate, shanghaiInstant, type CalendarDate, type Fen } from '@cgov/shared';
import type { OrderStatus } from '../db/schema.js';

/** The forward path of an order; CANCELLED branches off PLACED only. */
export const ORDER_PATH: readonly OrderStatus[] = ['PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED'];

/** The statuses advanceOrders may move a compound's orders to, and from which. */
export const ADVANCE_FROM: Partial<Record<OrderStatus, OrderStatus>> = {
  REPORTED: 'PLACED',
  PROCURED: 'REPORTED',
  AT_GATE: 'PROCURED',
};

/** The status advanceOrders moves from to reach `to`, or a CONFLICT for any other move. */
export function advanceSource(to: OrderStatus): OrderStatus {
  const from = ADVANCE_FROM[to];
  if (!from) {
    throw conflict(
      `Orders are advanced per compound to REPORTED, PROCURED or AT_GATE, one step at a time; ${to} is not such a step` +
        (to === 'DELIVERED' ? ' (mark each delivered order with markDelivered).' : '.'),
    );
  }
  return from;
}

/** Orders for a delivery date are taken until 20:00 (Asia/Shanghai) the evening before. */
export function orderCutoff(date: CalendarDate): Date {
  return shanghaiInstant(addDays(date, -1), 20);
}

/** The first delivery date whose orders are still open at `now`: tomorrow before 20:00 (Asia/Shanghai), the day after from 20:00 on. */
export function firstOpenDate(now: Date): CalendarDate {
  const tomorrow = addDays(shanghaiDate(now), 1);
  return now.getTime() < orderCutoff(tomorrow).getTime() ? tomorrow : addDays(tomorrow, 1);
}

/**
 * Refuses to publish a package nobody could order: one for a date whose cut-off (20:00 Asia/Shanghai the
 * evening before) has passed is BAD_USER_INPUT naming the cut-off and the first date still open.
 */
export function assertOrderable(date: CalendarDate, now: Date, field = 'date'): void {
  const cutoff = orderCutoff(date);
  if (now.getTime() >= cutoff.getTime()) {
    throw badInput(
      `Orders for ${date} closed at ${formatDateTime(cutoff)} (20:00 Asia/Shanghai the evening before delivery), so nobody could order ` +
        `a package for that date; publish it for ${firstOpenDate(now)} or later (today is ${shanghaiDate(now)}).`,
      field,
    );
  }
}

/** Refuses an order for a date whose cut-off (20:00 Asia/Shanghai the evening before) has passed: a CONFLICT naming it. */
export function assertBeforeCutoff(date: CalendarDate, now: Date): void {
  const cutoff = orderCutoff(date);
  if (now.getTime() >= cutoff.getTime()) {
    throw conflict(`Orders for ${date} closed at ${formatDateTime(cutoff)} (20:00 the evening before delivery).`);
  }
}

/** What the policy in force grants a package: its subsidy per unit, or nothing when there is no policy or the package is dearer than the cap. */
export interface PolicyTerms {
  subsidyPerUnit: Fen;
  maxListPrice: Fen;
  perHouseholdDailyLimit: number;
}

export function subsidyFor(listPrice: Fen, policy: PolicyTerms | null): Fen {
  return policy && listPrice <= policy.maxListPrice ? policy.subsidyPerUnit : 0;
}

/**
 * Prices one order: subsidy on as many units as the household has left of its daily limit,
 * list price for the rest. `alreadySubsidised` counts the household's earlier orders that day.
 */
export function priceOrder(input: {
  quantity: number;
  listPrice: Fen;
  policy: PolicyTerms | null;
  alreadySubsidised: number;
}): { subsidy: Fen; subsidizedQuantity: number; payable: Fen } {
  const subsidy = subsidyFor(input.listPrice, input.policy);
  const limit = subsidy > 0 && input.policy ? input.policy.perHouseholdDailyLimit : 0;
  const subsidizedQuantity = Math.max(0, Math.min(input.quantity, limit - input.alreadySubsidised));
  return {
    subsidy,
    subsidizedQuantity,
    payable: input.quantity * input.listPrice - subsidizedQuantity * subsidy,
  };
}
