import type { CareKind, GridDuty, GridLevel } from '../db/schema.js';

/** What the rules need of a grid. */
export interface GridShape {
  id: string;
  communityId: string;
  parentId: string | null;
  level: GridLevel;
  name: string;
}

/** The level a grid's parent must have, by the grid's level (none for the community grid). */
export const PARENT_LEVEL: Record<GridLevel, GridLevel | null> = {
  COMMUNITY: null,
  AREA: 'COMMUNITY',
  BUILDING: 'AREA',
  DEDICATED: 'COMMUNITY',
};

/** Micro-grids with more households than this are oversize (the seed's micro-grid holds about 30–100). */
export const MICRO_GRID_MOST_HOUSEHOLDS = 100;

/** The longest interval between care visits, in days. */
export const MOST_DAYS_BETWEEN_VISITS = 90;

/**
 * Why a grid cannot sit where it was drawn, or null when it can: the community grid has no parent, an area or
 * dedicated grid sits under the community grid, a micro-grid under an area grid, all of the same community; only a
 * micro-grid holds buildings, and it holds at least one.
 */
export function placementProblem(
  grid: { communityId: string; level: GridLevel; buildingCount: number },
  parent: GridShape | null,
): { field: 'parentId' | 'buildingIds'; message: string } | null {
  const wanted = PARENT_LEVEL[grid.level];
  if (wanted === null && parent) return { field: 'parentId', message: 'The community grid is the root of the micro-grid: it has no parent.' };
  if (wanted !== null && !parent) return { field: 'parentId', message: `A ${grid.level} grid sits under a ${wanted} grid: give its parentId.` };
  if (parent && parent.communityId !== grid.communityId) {
    return { field: 'parentId', message: `The parent grid ${parent.name} belongs to community ${parent.communityId}, not ${grid.communityId}.` };
  }
  if (parent && parent.level !== wanted) {
    return { field: 'parentId', message: `A ${grid.level} grid sits under a ${wanted} grid; ${parent.name} is a ${parent.level} grid.` };
  }
  if (grid.level === 'BUILDING' && grid.buildingCount === 0) {
    return { field: 'buildingIds', message: 'A building micro-grid holds at least one building: give its buildingIds.' };
  }
  if (grid.level !== 'BUILDING' && grid.buildingCount > 0) {
    return { field: 'buildingIds', message: `Only building micro-grids hold buildings; a ${grid.level} grid holds those of the grids under it.` };
  }
  return null;
}

/**
 * The place a worker takes in a grid: in a micro-grid the responsible worker (any duty but BACKUP) or the backup,
 * one of each; in the other grids no limit (null).
 */
export function workerSlot(level: GridLevel, duty: GridDuty): 'RESPONSIBLE' | 'BACKUP' | null {
  if (level !== 'BUILDING') return null;
  return duty === 'BACKUP' ? 'BACKUP' : 'RESPONSIBLE';
}

/** The grid and every grid under it (its ids), from all the grids of its community. */
export function subtreeOf(grids: readonly GridShape[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const grid of grids) if (grid.parentId) children.set(grid.parentId, [...(children.get(grid.parentId) ?? []), grid.id]);
  const found = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

const LEVEL_ORDER: readonly GridLevel[] = ['COMMUNITY', 'AREA', 'BUILDING', 'DEDICATED'];

/** The community grid first, then areas, micro-grids and dedicated grids, each level by name. */
export function inGridOrder<T extends GridShape>(grids: readonly T[]): T[] {
  return [...grids].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** True for the grids that have a party group: area grids and micro-grids. */
export const hasPartyGroup = (level: GridLevel) => level === 'AREA' || level === 'BUILDING';

/**
 * The party group of a grid, derived (no list of its own): the party members assigned to floors of the buildings of
 * the grid and the grids under it, and the party members working in those grids.
 */
export function partyGroupMemberIds(
  subtree: ReadonlySet<string>,
  gridOfBuilding: ReadonlyMap<string, string>,
  assignments: ReadonlyArray<{ buildingId: string; partyMemberId: string }>,
  workers: ReadonlyArray<{ gridId: string; partyMemberId: string | null }>,
): string[] {
  const members = new Set<string>();
  for (const assignment of assignments) {
    const gridId = gridOfBuilding.get(assignment.buildingId);
    if (gridId && subtree.has(gridId)) members.add(assignment.partyMemberId);
  }
  for (const worker of workers) if (worker.partyMemberId && subtree.has(worker.gridId)) members.add(worker.partyMemberId);
  return [...members];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a cared-for household's next visit is due: `visitEveryDays` after its last visit, or after the flag before any. */
export function nextVisitDue(flag: { flaggedAt: Date; visitEveryDays: number }, lastVisitAt: Date | null): Date {
  const from = lastVisitAt && lastVisitAt > flag.flaggedAt ? lastVisitAt : flag.flaggedAt;
  return new Date(from.getTime() + flag.visitEveryDays * DAY_MS);
}

/** A care flag as read: the household's place and its last visit, with when the next is due and whether it is overdue. */
export interface CareStatus {
  householdId: string;
  buildingId: string;
  kind: CareKind;
  visitEveryDays: number;
  flaggedAt: Date;
  lastVisitAt: Date | null;
  nextVisitDue: Date;
  overdue: boolean;
}

/** A flag's status at `now`: overdue when no visit came within `visitEveryDays` of the last one (or of the flag). */
export function careStatus(
  flag: { householdId: string; buildingId: string; kind: CareKind; visitEveryDays: number; flaggedAt: Date },
  lastVisitAt: Date | null,
  now: Date,
): CareStatus {
  const due = nextVisitDue(flag, lastVisitAt);
  return { ...flag, lastVisitAt, nextVisitDue: due, overdue: now.getTime() > due.getTime() };
}

/** Households flagged (any kind) and, of them, those with a visit overdue. */
export function careCounts(statuses: readonly CareStatus[]): { households: number; overdue: number } {
  const households = new Set(statuses.map((status) => status.householdId));
  const overdue = new Set(statuses.filter((status) => status.overdue).map((status) => status.householdId));
  return { households: households.size, overdue: overdue.size };
}
