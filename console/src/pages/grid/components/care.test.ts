// The grid worker's care list: which visits are overdue or due today (Asia/Shanghai), the walking order, the grids under a grid.
import { describe, expect, it } from 'vitest';
import { buildGridTree, coverageGaps, nodeGaps } from '../../community/components/gridShape.js';
import { byCareUrgency, careState, gridsUnder } from './care.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const flag = (room: string, nextVisitDue: string, overdue = false) => ({ room, nextVisitDue, overdue });

describe('care due', () => {
  it('is overdue as the platform says, due today by the Shanghai date, else later', () => {
    expect(careState(flag('a', '2026-11-30T10:00:00+08:00', true), NOW)).toBe('overdue');
    expect(careState(flag('b', '2026-12-01T23:59:00+08:00'), NOW)).toBe('dueToday');
    // 00:30 on 2 December in Shanghai is still 1 December in UTC: not today.
    expect(careState(flag('c', '2026-12-02T00:30:00+08:00'), NOW)).toBe('later');
    // The platform's word wins even when the due time is today.
    expect(careState(flag('d', '2026-12-01T09:00:00+08:00', true), NOW)).toBe('overdue');
  });

  it('orders overdue first, then due today, then the rest, each by due time', () => {
    const flags = [
      flag('later', '2026-12-05T10:00:00+08:00'),
      flag('today-late', '2026-12-01T20:00:00+08:00'),
      flag('overdue-recent', '2026-11-30T10:00:00+08:00', true),
      flag('today-early', '2026-12-01T11:00:00+08:00'),
      flag('overdue-old', '2026-11-20T10:00:00+08:00', true),
    ];
    expect(byCareUrgency(flags, NOW).map((f) => f.room)).toEqual(['overdue-old', 'overdue-recent', 'today-early', 'today-late', 'later']);
  });
});

describe('the grid tree', () => {
  const grids = [
    { id: 'q', parent: null, level: 'COMMUNITY', households: 130, workers: [1], buildings: [] },
    { id: 'a', parent: { id: 'q' }, level: 'AREA', households: 130, workers: [], buildings: [] },
    { id: 'a1', parent: { id: 'a' }, level: 'BUILDING', households: 101, workers: [], buildings: [{ id: 'b1' }] },
    { id: 'a2', parent: { id: 'a' }, level: 'BUILDING', households: 29, workers: [1], buildings: [{ id: 'b2' }] },
    { id: 'm', parent: { id: 'q' }, level: 'DEDICATED', households: 0, workers: [], buildings: [] },
  ];

  it('puts each grid under its parent, in the list’s order', () => {
    const [root, ...others] = buildGridTree(grids);
    expect(others).toEqual([]);
    expect(root!.children.map((c) => c.grid.id)).toEqual(['a', 'm']);
    expect(root!.children[0]!.children.map((c) => c.grid.id)).toEqual(['a1', 'a2']);
  });

  it('finds the grids under a grid, not the grid itself nor its siblings', () => {
    expect(gridsUnder(grids, 'q').map((g) => g.id)).toEqual(['a', 'a1', 'a2', 'm']);
    expect(gridsUnder(grids, 'a').map((g) => g.id)).toEqual(['a1', 'a2']);
    expect(gridsUnder(grids, 'a1')).toEqual([]);
  });

  it('picks out micro-grids without a worker or over 100 households, and sums the gaps from the platform’s figures', () => {
    expect(grids.map((g) => nodeGaps(g))).toEqual([[], [], ['noWorker', 'oversize'], [], []]);
    const community = { compounds: [{ name: 'A小区', buildings: [{ id: 'b1', name: '1栋' }, { id: 'b2', name: '2栋' }, { id: 'b3', name: '3栋' }] }] };
    expect(coverageGaps({ households: 134, householdsInMicroGrids: 130, microGridsWithoutWorker: 1, oversizeMicroGrids: 1 }, grids, community)).toEqual({
      outside: 4,
      outsideBuildings: ['A小区3栋'],
      any: true,
    });
    expect(coverageGaps({ households: 130, householdsInMicroGrids: 130, microGridsWithoutWorker: 0, oversizeMicroGrids: 0 }, grids, community).any).toBe(false);
  });
});
