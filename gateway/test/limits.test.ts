// The query limits, computed on the committed supergraph: no platform needed (the e2e side is in auth.e2e.test.ts).
import { readFileSync } from 'node:fs';
import { contractOperation } from '@cgov/schema/contract';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cityAtScale } from '../bench/generate.js';
import { DEFAULT_LIST_SIZE, LIST_SIZES, QUERY_LIMITS, queryCost, queryLimitRules } from '@cgov/shared';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';
import { EVERY_HOUSEHOLD, fragmentFanOut, thousandCopiesDocument } from './costly-documents.js';

const schema = buildSchema(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

const refusals = (document: string) => validate(schema, parse(document), queryLimitRules()).map((error) => error.message);

describe('query cost', () => {
  it('weighs the region tree at full city scale, as the city generator builds it', () => {
    const city = cityAtScale(1);
    expect(LIST_SIZES['City.districts']).toBe(city.districts);
    expect(LIST_SIZES['District.streets']).toBe(city.streetsPerDistrict);
    expect(LIST_SIZES['Street.communities']).toBe(city.communitiesPerStreet);
    expect(LIST_SIZES['Community.compounds']).toBe(city.compoundsPerCommunity);
    expect(LIST_SIZES['Compound.buildings']).toBe(city.buildingsPerCompound);
    expect(LIST_SIZES['Building.households']).toBe(city.floors * city.householdsPerFloor);
    expect(city.districts * city.streetsPerDistrict * city.communitiesPerStreet).toBe(1560);
  });

  it('serves the contract’s CityDashboard for a full city of 1,560 communities', () => {
    const cost = queryCost(schema, parse(contractOperation('CityDashboard')), { cityId: '4401', date: '2026-11-22' });
    // Per community: itself, its orderStats with 6 categories, its coverage and 10 open group buys (19),
    // 1,560 times; the streets' and districts' own stats (8 each); the city, its budget and stats (9).
    expect(cost).toBe(1560 * 19 + 156 * 8 + 13 * 8 + 9);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    expect(refusals(contractOperation('CityDashboard'))).toEqual([]);
  });

  it('refuses the thousand copies of a compound’s households by its aliases once fragments are expanded, and by its cost', () => {
    const document = thousandCopiesDocument();
    expect(document.length).toBeLessThan(1100);
    expect(refusals(document)).toEqual([expect.stringMatching(/^This query uses 1110 aliases once its fragments are expanded .* at most 30 are served\. Use fewer aliases/)]);
    expect(queryCost(schema, parse(document), { c: 'x' })).toBeGreaterThan(100 * QUERY_LIMITS.maxCost);
  });

  it('refuses the whole city’s households asked without aliases by its cost, not its depth', () => {
    expect(refusals(EVERY_HOUSEHOLD)).toEqual([]);
    expect(queryCost(schema, parse(EVERY_HOUSEHOLD))).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('stops counting a document whose fragments fan out past 20,000 fields, however few aliases it has', () => {
    expect(refusals(fragmentFanOut())).toEqual([]);
    expect(() => queryCost(schema, parse(fragmentFanOut()))).toThrow(/maximum allowed number of nodes/);
  });

  it('weighs a page by its first (at most 100), and other lists by their declared or default size', () => {
    const page = (first: number) =>
      queryCost(schema, parse(`query ($n: Int) { orders(filter: { regionId: "4201" }, first: $n) { totalCount edges { node { id } } } }`), { n: first });
    expect(page(10)).toBe(10 * 3);
    expect(page(100)).toBe(100 * 3);
    expect(page(5000)).toBe(100 * 3);
    // The default page (first: Int = 20) when the variable is left out.
    expect(queryCost(schema, parse(`{ orders(filter: { regionId: "4201" }) { edges { node { id } } } }`))).toBe(20 * 3);
    expect(queryCost(schema, parse(`{ subsidyPolicyMatrix(regionIds: ["4201", "420102"], dates: ["2026-01-01", "2026-01-02", "2026-01-03"]) { regionId } }`))).toBe(6);
    expect(queryCost(schema, parse(`{ suppliers(regionId: "4201") { id } }`))).toBe(DEFAULT_LIST_SIZE);
  });

  it('counts aliases inside fragments each time the fragment is spread, and depth through fragments', () => {
    const spread = `{ ...Q ...Q } fragment Q on Query { ${Array.from({ length: 16 }, (_, i) => `c${i}: cities { id }`).join(' ')} }`;
    // Counted for each spread, even where graphql would merge the two: the count never undercounts.
    expect(refusals(spread)).toEqual([expect.stringMatching(/uses 32 aliases/)]);
    const twice = `{ a: cities { ...D } b: cities { ...D } } fragment D on City { ${Array.from({ length: 15 }, (_, i) => `d${i}: districts { id }`).join(' ')} }`;
    expect(refusals(twice)).toEqual([expect.stringMatching(/uses 32 aliases/)]);
    const deep = `{ cities { ...A } } fragment A on City { districts { city { districts { city { districts { city { districts { city { districts { city { districts { id } } } } } } } } } } } }`;
    expect(refusals(deep)).toEqual([expect.stringMatching(/nests 13 levels deep; at most 12 are served/)]);
  });
});
