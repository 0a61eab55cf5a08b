import { describe, expect, it } from 'vitest';
import { byFundingOrder, checkEstimate, checkVote, groupedMoney, passMarkOf, quorumOf } from './rules.js';

describe("the council's rules as the console checks them", () => {
  it('needs two thirds present and more than half of ALL members for', () => {
    expect([3, 6, 7, 9, 10].map(quorumOf)).toEqual([2, 4, 5, 6, 7]);
    expect([3, 6, 7, 9, 10].map(passMarkOf)).toEqual([2, 4, 4, 5, 6]);
  });

  it('fails a project with most of the present but not most of all members, and caps votes at present less recused', () => {
    const present = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(checkVote({ for: 4, against: 1, abstain: 1, recused: [] }, present, 9)).toMatchObject({ passes: false, mostOfPresentOnly: true, fits: true, cast: 6, mayCast: 6 });
    expect(checkVote({ for: 5, against: 0, abstain: 1, recused: ['a'] }, present, 9)).toMatchObject({ passes: true, fits: false, cast: 6, mayCast: 5 });
    expect(checkVote({ for: 5, against: 0, abstain: 0, recused: ['z'] }, present, 9)).toMatchObject({ fits: false, recusedAbsent: 1 });
    expect(checkVote({ for: 3, against: 0, abstain: 0, recused: [] }, present, 9)).toMatchObject({ passes: false, mostOfPresentOnly: false });
  });

  it('checks an estimate against the cap of its kind', () => {
    expect(checkEstimate('WORKS', '500000.00').state).toBe('ok');
    expect(checkEstimate('WORKS', '500000.01')).toEqual({ state: 'over', capFen: 50_000_000, overFen: 1 });
    expect(checkEstimate('SERVICE', '250000')).toEqual({ state: 'over', capFen: 20_000_000, overFen: 5_000_000 });
    expect(checkEstimate('GOODS', '').state).toBe('empty');
    expect(checkEstimate('GOODS', '12.345').state).toBe('format');
    expect(checkEstimate('GOODS', '0').state).toBe('zero');
  });

  it('orders by votes for, then supports, then the earliest proposed', () => {
    const p = (id: string, votesFor: number, supports: number, proposedAt: string) => ({ id, votesFor, supports, proposedAt });
    const order = byFundingOrder([p('a', 5, 5, '2026-01-02T00:00:00Z'), p('b', 6, 2, '2026-01-03T00:00:00Z'), p('c', 6, 5, '2026-01-04T00:00:00Z'), p('d', 5, 5, '2026-01-01T00:00:00Z')]);
    expect(order.map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(groupedMoney('300000.00')).toBe('300,000.00');
    expect(groupedMoney('999.5')).toBe('999.50');
  });
});
