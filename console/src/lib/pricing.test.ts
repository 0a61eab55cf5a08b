// What an order will cost before the platform prices it (docs/api.md, "Orders"), in fen.
import { describe, expect, it } from 'vitest';
import { allowanceLeft, estimateHousehold, estimatePayable, formatRange, subsidisedByCategory, sumRanges } from './pricing.js';

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

  it('gives a household the policy’s units less what its orders already had, and never less than none', () => {
    expect(allowanceLeft(1, 0)).toBe(1);
    expect(allowanceLeft(1, 1)).toBe(0);
    expect(allowanceLeft(2, 5)).toBe(0);
    expect(allowanceLeft(null, 0)).toBeNull();
  });

  it('spends a household’s allowance line by line, as the platform prices a batch', () => {
    const veg = { ...vegetables, category: 'VEGETABLE_BASIC', perHouseholdDailyLimit: 1 };
    const pork = { listPrice: '66.00', subsidy: '6.00', category: 'PORK_BASIC', perHouseholdDailyLimit: 1 };
    // Two vegetable packages and one of pork, nothing ordered yet: the first vegetable unit and the pork are subsidised.
    const fresh = estimateHousehold([{ pkg: veg, quantity: 2 }, { pkg: veg, quantity: 1 }, { pkg: pork, quantity: 1 }], new Map());
    expect(fresh.map((e) => e.payable.min)).toEqual([9200, 5200, 6000]);
    // Its vegetable unit already subsidised by an earlier order (a cancelled one gives it back).
    const used = subsidisedByCategory([
      { status: 'PLACED', subsidizedQuantity: 1, package: { category: 'VEGETABLE_BASIC' } },
      { status: 'CANCELLED', subsidizedQuantity: 1, package: { category: 'PORK_BASIC' } },
    ]);
    expect(estimateHousehold([{ pkg: veg, quantity: 1 }, { pkg: pork, quantity: 1 }], used).map((e) => e.payable.min)).toEqual([5200, 6000]);
  });
});
