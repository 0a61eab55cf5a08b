// The checklist's arithmetic: the walk order, the batch, and the platform's answer added up.
import { describe, expect, it } from 'vitest';
import { answerTotals, byBuildingAndFloor, toBatch } from './checklist.js';

const b1 = { id: 'b1', name: '1栋', compound: { name: 'A小区' } };
const b2 = { id: 'b2', name: '2栋', compound: { name: 'A小区' } };
const place = (building: typeof b1, floor: number, room: string) => ({ id: `${building.id}-${room}`, floor, room, building });

describe('the checklist', () => {
  it('walks buildings, then floors low to high, then rooms', () => {
    const groups = byBuildingAndFloor([place(b2, 1, '101'), place(b1, 10, '1002'), place(b1, 9, '902'), place(b1, 10, '1001'), place(b1, 9, '901')], (p) => p);
    expect(groups.map((g) => [g.label, g.floors.map((f) => [f.floor, f.items.map((i) => i.room)])])).toEqual([
      ['A小区 1栋', [[9, ['901', '902']], [10, ['1001', '1002']]]],
      ['A小区 2栋', [[1, ['101']]]],
    ]);
  });

  it('makes one batch of what was picked, with the channel of each household', () => {
    const picks = { h2: { quantities: { p1: 1 }, doorToDoor: true }, h1: { quantities: { p2: 2, p1: 0 }, doorToDoor: false }, h3: { quantities: {}, doorToDoor: false } };
    expect(toBatch(picks, ['h1', 'h2', 'h3'], ['p1', 'p2'])).toEqual([
      { householdId: 'h1', packageId: 'p2', quantity: 2, channel: 'GROUP_CHAIN' },
      { householdId: 'h2', packageId: 'p1', quantity: 1, channel: 'DOOR_TO_DOOR' },
    ]);
  });
});

describe('the answer', () => {
  it('adds up the platform’s answer', () => {
    expect(answerTotals([
      { quantity: 2, subsidizedQuantity: 1, subsidy: '12.00', payable: '92.00' },
      { quantity: 1, subsidizedQuantity: 1, subsidy: '6.00', payable: '60.00' },
    ])).toEqual({ orders: 2, units: 3, subsidised: 2, subsidyFen: 1800, payableFen: 15200 });
  });
});
