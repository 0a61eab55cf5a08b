// The checklist's arithmetic: the walk order, the batch, and the estimate before the platform answers.
import { describe, expect, it } from 'vitest';
import { answerTotals, byBuildingAndFloor, estimatePayable, formatRange, sumRanges, toBatch } from './checklist.js';

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

describe('the estimate', () => {
  const vegetables = { listPrice: '52.00', subsidy: '12.00' };
  it('is exact when the household’s subsidised units left are known', () => {
    expect(estimatePayable(vegetables, 2, 1)).toEqual({ payable: { min: 9200, max: 9200 }, subsidised: { min: 1, max: 1 }, subsidyKnown: true });
    expect(estimatePayable(vegetables, 2, 0).payable).toEqual({ min: 10400, max: 10400 });
  });

  it('is a range from every unit subsidised to none when the limit cannot be read', () => {
    expect(estimatePayable(vegetables, 2, null)).toEqual({ payable: { min: 8000, max: 10400 }, subsidised: { min: 0, max: 2 }, subsidyKnown: true });
    expect(formatRange(sumRanges([estimatePayable(vegetables, 1, null).payable, estimatePayable({ listPrice: '66.00', subsidy: '6.00' }, 1, null).payable]))).toBe('¥100.00–¥118.00');
  });

  it('knows only the list price while the subsidy cannot be asked, and nothing to subtract without a subsidy', () => {
    expect(estimatePayable({ listPrice: '52.00', subsidy: null }, 1, null)).toMatchObject({ payable: { min: 5200, max: 5200 }, subsidyKnown: false });
    expect(estimatePayable({ listPrice: '30.00', subsidy: '0.00' }, 3, null).payable).toEqual({ min: 9000, max: 9000 });
  });

  it('adds up the platform’s answer', () => {
    expect(answerTotals([
      { quantity: 2, subsidizedQuantity: 1, subsidy: '12.00', payable: '92.00' },
      { quantity: 1, subsidizedQuantity: 1, subsidy: '6.00', payable: '60.00' },
    ])).toEqual({ orders: 2, units: 3, subsidised: 2, subsidyFen: 1800, payableFen: 15200 });
  });
});
