// The micro-grid's rules without I/O: where a grid may sit, a worker's place, a grid's subtree and party group, care due dates.
import { describe, expect, it } from 'vitest';
import { careCounts, careStatus, inGridOrder, nextVisitDue, partyGroupMemberIds, placementProblem, subtreeOf, workerSlot, type GridShape } from '../src/domain/gridRules.js';

const C = '420102001001';
const shape = (id: string, level: GridShape['level'], parentId: string | null, communityId = C, name = id): GridShape => ({ id, communityId, parentId, level, name });
const root = shape('root', 'COMMUNITY', null);
const area = shape('area', 'AREA', 'root');
const micro = shape('micro', 'BUILDING', 'area');
const other = shape('other-area', 'AREA', 'other-root', '420102001002');

describe('placementProblem', () => {
  it.each([
    ['COMMUNITY', null, 0],
    ['AREA', root, 0],
    ['DEDICATED', root, 0],
    ['BUILDING', area, 2],
  ] as const)('lets a %s grid sit under %o with %i buildings', (level, parent, buildingCount) => {
    expect(placementProblem({ communityId: C, level, buildingCount }, parent)).toBeNull();
  });

  it.each([
    ['COMMUNITY', root, 0, 'parentId'],
    ['AREA', null, 0, 'parentId'],
    ['AREA', area, 0, 'parentId'],
    ['AREA', root, 1, 'buildingIds'],
    ['BUILDING', root, 1, 'parentId'],
    ['BUILDING', micro, 1, 'parentId'],
    ['BUILDING', area, 0, 'buildingIds'],
    ['BUILDING', other, 1, 'parentId'],
    ['DEDICATED', area, 0, 'parentId'],
    ['DEDICATED', root, 1, 'buildingIds'],
  ] as const)('refuses a %s grid under %o with %i buildings (%s)', (level, parent, buildingCount, field) => {
    expect(placementProblem({ communityId: C, level, buildingCount }, parent)?.field).toBe(field);
  });
});

describe('workerSlot', () => {
  it('gives a micro-grid one responsible place and one backup; other grids have no places to fill', () => {
    expect(['GRID_LEADER', 'FULL_TIME', 'PART_TIME', 'BUILDING_LEAD'].map((duty) => workerSlot('BUILDING', duty as never))).toEqual(Array(4).fill('RESPONSIBLE'));
    expect(workerSlot('BUILDING', 'BACKUP')).toBe('BACKUP');
    expect(workerSlot('AREA', 'BACKUP')).toBeNull();
    expect(workerSlot('COMMUNITY', 'GRID_LEADER')).toBeNull();
  });
});

describe('subtrees and party groups', () => {
  const second = shape('micro-2', 'BUILDING', 'area');
  const market = shape('market', 'DEDICATED', 'root');
  const grids = [root, area, micro, second, market];

  it('holds a grid and every grid under it', () => {
    expect([...subtreeOf(grids, 'root')].sort()).toEqual(['area', 'market', 'micro', 'micro-2', 'root']);
    expect([...subtreeOf(grids, 'area')].sort()).toEqual(['area', 'micro', 'micro-2']);
    expect([...subtreeOf(grids, 'micro')]).toEqual(['micro']);
  });

  it('derives party group members from floor assignments in the grid’s buildings and the party members working in it', () => {
    const gridOfBuilding = new Map([
      ['b1', 'micro'],
      ['b2', 'micro-2'],
    ]);
    const assignments = [
      { buildingId: 'b1', partyMemberId: 'zhang' },
      { buildingId: 'b1', partyMemberId: 'li' },
      { buildingId: 'b2', partyMemberId: 'wang' },
      { buildingId: 'b3', partyMemberId: 'outside' },
    ];
    const workers = [
      { gridId: 'micro-2', partyMemberId: 'chen' },
      { gridId: 'micro', partyMemberId: null },
      { gridId: 'micro', partyMemberId: 'zhang' },
    ];
    expect(partyGroupMemberIds(subtreeOf(grids, 'micro'), gridOfBuilding, assignments, workers).sort()).toEqual(['li', 'zhang']);
    expect(partyGroupMemberIds(subtreeOf(grids, 'area'), gridOfBuilding, assignments, workers).sort()).toEqual(['chen', 'li', 'wang', 'zhang']);
  });

  it('orders the community grid first, then areas, micro-grids and dedicated grids by name', () => {
    expect(inGridOrder([market, second, micro, area, root]).map((grid) => grid.id)).toEqual(['root', 'area', 'micro', 'micro-2', 'market']);
  });
});

describe('care', () => {
  const flaggedAt = new Date('2026-11-01T10:00:00+08:00');
  const flag = { householdId: 'h', buildingId: 'b', kind: 'ELDERLY_ALONE' as const, visitEveryDays: 7, flaggedAt };

  it('is due visitEveryDays after the last visit, or after the flag before any', () => {
    expect(nextVisitDue(flag, null)).toEqual(new Date('2026-11-08T10:00:00+08:00'));
    expect(nextVisitDue(flag, new Date('2026-11-05T09:00:00+08:00'))).toEqual(new Date('2026-11-12T09:00:00+08:00'));
  });

  it('is overdue only once the due instant has passed', () => {
    expect(careStatus(flag, null, new Date('2026-11-08T10:00:00+08:00')).overdue).toBe(false);
    expect(careStatus(flag, null, new Date('2026-11-08T10:00:01+08:00')).overdue).toBe(true);
  });

  it('counts households, not flags', () => {
    const now = new Date('2026-11-20T10:00:00+08:00');
    const statuses = [
      careStatus(flag, null, now),
      careStatus({ ...flag, kind: 'DISABLED' }, null, now),
      careStatus({ ...flag, householdId: 'k', visitEveryDays: 30 }, null, now),
    ];
    expect(careCounts(statuses)).toEqual({ households: 2, overdue: 1 });
  });
});
