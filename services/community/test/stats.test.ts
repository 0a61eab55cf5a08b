import { describe, expect, it } from 'vitest';
import { coveringPrefixes, statsByRegion, type CommunityStatsRow } from '../src/domain/stats.js';

const row = (communityId: string, category: CommunityStatsRow['category'], orders: number, households = 0): CommunityStatsRow => ({
  communityId, category, orders, households, units: orders * 2, listTotal: orders * 5200, subsidyTotal: orders * 1200, payableTotal: orders * 4000, delivered: 1,
});

describe('statistics of regions', () => {
  const rows = [
    row('420102001001', null, 3, 2), row('420102001001', 'VEGETABLE_BASIC', 3),
    row('420102001002', null, 2, 2), row('420102001002', 'PORK_BASIC', 2),
    row('420102002001', null, 4, 3), row('420102002001', 'VEGETABLE_BASIC', 4),
    row('420201001001', null, 9, 9), row('420201001001', 'VEGETABLE_BASIC', 9),
  ];

  it('adds a street of its communities, a district of its streets, a city of its districts, and nothing outside', () => {
    const stats = statsByRegion(['4201', '420102', '420102001', '420102001002', '420103'], rows);
    expect(stats.get('420102001')).toMatchObject({ orders: 5, households: 4, units: 10, subsidyTotal: 6000, delivered: 2 });
    expect(stats.get('420102')).toMatchObject({ orders: 9, households: 7, listTotal: 9 * 5200 });
    expect(stats.get('4201')).toEqual(stats.get('420102'));
    expect(stats.get('420102001')!.byCategory).toEqual([
      { category: 'PORK_BASIC', orders: 2, units: 4, subsidyTotal: 2400, payableTotal: 8000 },
      { category: 'VEGETABLE_BASIC', orders: 3, units: 6, subsidyTotal: 3600, payableTotal: 12000 },
    ]);
    expect(stats.get('420102001002')).toMatchObject({ orders: 2, households: 2 });
    expect(stats.get('420103')).toEqual({ orders: 0, households: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0, byCategory: [] });
  });

  it('asks the database for the fewest prefixes that cover every region asked', () => {
    expect(coveringPrefixes(['420102001001', '420102', '420102001', '4202', '420201001001'])).toEqual(['420102', '4202']);
  });
});
