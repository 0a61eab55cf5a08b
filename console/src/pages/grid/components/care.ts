import { shanghaiToday } from '../../../lib/dates.js';

/** Where a cared-for household stands: its visit overdue (the platform's `overdue`), due today (Asia/Shanghai), or later. */
export type CareState = 'overdue' | 'dueToday' | 'later';

/** A care flag's state at `now`: overdue as the platform says, else due today when `nextVisitDue` falls on today's date. */
export function careState(flag: { overdue: boolean; nextVisitDue: string }, now: Date = new Date()): CareState {
  if (flag.overdue) return 'overdue';
  return shanghaiToday(new Date(flag.nextVisitDue)) === shanghaiToday(now) ? 'dueToday' : 'later';
}

const ORDER: Record<CareState, number> = { overdue: 0, dueToday: 1, later: 2 };

/** Care flags in the order a worker walks them: overdue first, then due today, then the rest, each by its due time. */
export function byCareUrgency<F extends { overdue: boolean; nextVisitDue: string }>(flags: readonly F[], now: Date = new Date()): F[] {
  return [...flags].sort((a, b) => ORDER[careState(a, now)] - ORDER[careState(b, now)] || Date.parse(a.nextVisitDue) - Date.parse(b.nextVisitDue));
}

/** The grids under a grid (its children, theirs, …), in the list's order; not the grid itself. */
export function gridsUnder<G extends { id: string; parent: { id: string } | null }>(grids: readonly G[], gridId: string): G[] {
  const under = new Set<string>([gridId]);
  // The platform lists parents before their children (community, areas, micro-grids), but a second pass costs nothing.
  for (let pass = 0; pass < 3; pass += 1) for (const grid of grids) if (grid.parent && under.has(grid.parent.id)) under.add(grid.id);
  return grids.filter((grid) => grid.id !== gridId && under.has(grid.id));
}
