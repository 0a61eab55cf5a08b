import { badInput, conflict, formatDateTime, type Fen } from '@cgov/shared';
import type { GroupBuyStatus } from '../db/schema.js';

/** What closing does: CONFIRMED with enough households, CANCELLED without. */
export function statusOnClose(participants: number, minParticipants: number): GroupBuyStatus {
  return participants >= minParticipants ? 'CONFIRMED' : 'CANCELLED';
}

/** The committee's forward moves after closing. */
const ADVANCES: Partial<Record<GroupBuyStatus, GroupBuyStatus>> = { DISTRIBUTING: 'CONFIRMED', COMPLETED: 'DISTRIBUTING' };

/** Refuses any move but CONFIRMED → DISTRIBUTING → COMPLETED, with a CONFLICT that says what is possible. */
export function assertAdvance(current: GroupBuyStatus, to: GroupBuyStatus): void {
  const from = ADVANCES[to];
  if (!from) throw conflict(`A group buy is advanced to DISTRIBUTING or COMPLETED; ${to} is reached ${to === 'OPEN' ? 'only at registration' : 'by closing it'}.`);
  if (current !== from) throw conflict(`This group buy is ${current}; only a ${from} group buy can move to ${to}.`);
}

/**
 * Refuses a group buy that could never be what it says: a deadline already passed (nobody could join), a pickup
 * before the deadline, or more households needed than its stock could ever serve (each takes at least one unit).
 */
export function assertAchievable(
  plan: { deadline: Date; pickupAt: Date; minParticipants: number; items: ReadonlyArray<{ stock: number | null }> },
  now: Date,
): void {
  if (plan.deadline.getTime() <= now.getTime()) {
    throw badInput(`deadline (${formatDateTime(plan.deadline)}) must be in the future: it is ${formatDateTime(now)} now, so nobody could join.`, 'deadline');
  }
  if (plan.pickupAt.getTime() < plan.deadline.getTime()) {
    throw badInput(`pickupAt (${formatDateTime(plan.pickupAt)}) cannot be before the deadline (${formatDateTime(plan.deadline)}).`, 'pickupAt');
  }
  if (plan.items.every((item) => item.stock !== null)) {
    const units = plan.items.reduce((sum, item) => sum + item.stock!, 0);
    if (plan.minParticipants > units) {
      throw badInput(
        `minParticipants (${plan.minParticipants}) is more than the ${units} units in stock could serve (each household takes at least one), so it could never be confirmed.`,
        'minParticipants',
      );
    }
  }
}

/** Joining is open while the group buy is OPEN and its deadline has not come. */
export function assertOpenForJoining(groupBuy: { status: GroupBuyStatus; deadline: Date }, now: Date): void {
  if (groupBuy.status !== 'OPEN') throw conflict(`This group buy is ${groupBuy.status}; joining is closed.`);
  if (now.getTime() >= groupBuy.deadline.getTime()) {
    throw conflict(`Joining this group buy closed at ${formatDateTime(groupBuy.deadline)}.`);
  }
}

export interface JoinLine {
  itemId: string;
  quantity: number;
}

/** Checks a join's lines against the group buy's items and the household's limit; returns what it owes. */
export function priceJoin(
  lines: readonly JoinLine[],
  items: ReadonlyArray<{ id: string; name: string; unitPrice: Fen }>,
  limit: { perHousehold: number | null; alreadyTaken: number },
): { amount: Fen; units: number; priced: Array<JoinLine & { unitPrice: Fen }> } {
  if (!lines.length) throw badInput('Join with at least one line.', 'lines');
  const seen = new Set<string>();
  const priced = lines.map((line, i) => {
    const item = items.find((candidate) => candidate.id === line.itemId);
    if (!item) throw badInput(`lines[${i}]: item ${line.itemId} is not offered by this group buy.`, 'lines');
    if (seen.has(line.itemId)) throw badInput(`lines[${i}]: ${item.name} appears twice; give one line per item.`, 'lines');
    seen.add(line.itemId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw badInput(`lines[${i}]: quantity must be a whole number of 1 or more (got ${line.quantity}).`, 'lines');
    }
    return { ...line, unitPrice: item.unitPrice };
  });
  const units = priced.reduce((sum, line) => sum + line.quantity, 0);
  if (limit.perHousehold !== null) {
    if (units > limit.perHousehold) {
      throw badInput(`A household takes at most ${limit.perHousehold} units of this group buy (asked for ${units}).`, 'lines');
    }
    if (limit.alreadyTaken + units > limit.perHousehold) {
      throw conflict(
        `Your household already takes ${limit.alreadyTaken} of at most ${limit.perHousehold} units of this group buy; ${units} more would pass the limit.`,
      );
    }
  }
  return { amount: priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0), units, priced };
}
