// The checklist's arithmetic: the walk order, the batch, and the platform's answer added up.
import { describe, expect, it } from 'vitest';
import { estimateHousehold } from '../../../lib/pricing.js';
import { answerTotals, byBuildingAndFloor, subsidisedBeforePicks, toBatch } from './checklist.js';

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

describe('the estimate beside a batch still waiting', () => {
  const vegetables = { listPrice: '52.00', subsidy: '12.00', category: 'VEGETABLE_BASIC', perHouseholdDailyLimit: 1 };
  const pork = { listPrice: '30.00', subsidy: '5.00', category: 'PORK_BASIC', perHouseholdDailyLimit: 1 };

  it('counts a waiting line as using the household’s subsidised units, so that a second pick pays the list price', () => {
    const used = subsidisedBeforePicks(new Map(), [{ pkg: vegetables, quantity: 1 }]);
    expect(used).toEqual(new Map([['VEGETABLE_BASIC', 1]]));
    expect(estimateHousehold([{ pkg: vegetables, quantity: 1 }], used)[0]!.payable).toEqual({ min: 5200, max: 5200 });
    // Another category keeps its own allowance.
    expect(estimateHousehold([{ pkg: pork, quantity: 1 }], used)[0]!.payable).toEqual({ min: 2500, max: 2500 });
  });

  it('adds to what its orders already used, never past what the waiting lines could take', () => {
    expect(subsidisedBeforePicks(new Map([['VEGETABLE_BASIC', 1]]), [{ pkg: vegetables, quantity: 2 }])).toEqual(new Map([['VEGETABLE_BASIC', 1]]));
    // A limit the page cannot know: the waiting line may have used all its units.
    const unknown = { ...vegetables, perHouseholdDailyLimit: null };
    expect(subsidisedBeforePicks(new Map(), [{ pkg: unknown, quantity: 3 }])).toEqual(new Map([['VEGETABLE_BASIC', 3]]));
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
