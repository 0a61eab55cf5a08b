import { describe, expect, it } from 'vitest';
import { assertRegionId, parentRegionId, regionContains, regionLevel, regionLineage } from '../src/regions.js';

describe('region codes', () => {
  it('reads the level from the length of the code', () => {
    expect(regionLevel('4201')).toBe('CITY');
    expect(regionLevel('420102')).toBe('DISTRICT');
    expect(regionLevel('420102001')).toBe('STREET');
    expect(regionLevel('420102001001')).toBe('COMMUNITY');
    expect(regionLevel('42010')).toBeNull();
    expect(regionLevel('42a1')).toBeNull();
  });

  it('knows a community’s street, district and city from its code alone', () => {
    expect(regionLineage('420102001001')).toEqual(['4201', '420102', '420102001', '420102001001']);
    expect(parentRegionId('420102001001')).toBe('420102001');
    expect(parentRegionId('4201')).toBeNull();
  });

  it('contains by prefix, and only between well-formed codes', () => {
    expect(regionContains('4201', '420102001001')).toBe(true);
    expect(regionContains('420102001', '420102001001')).toBe(true);
    expect(regionContains('420102002', '420102001001')).toBe(false);
    expect(regionContains('4202', '420102001001')).toBe(false);
    expect(regionContains('42', '420102001001')).toBe(false);
  });

  it('refuses a code of the wrong level with a message that says what is expected', () => {
    expect(() => assertRegionId('420102', 'cityId', 'CITY')).toThrow('cityId must be the division code of a city (4 digits); "420102" is not.');
    expect(assertRegionId('420102', 'regionId')).toBe('DISTRICT');
  });
});
