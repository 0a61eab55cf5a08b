// The community tier's client of the city's API, against a real city subgraph over HTTP.
import { createServer as createCity } from '@cgov/city';
import { addDays, createLogger, DEMO, DEMO_SUPPLIER_IDS, DEVELOPMENT_JWT_SECRET } from '@cgov/shared';
import { createTestDatabase, testSubgraphConfig, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityClient, policyKey } from '../src/cityClient.js';

let database: TestDatabase;
let city: Awaited<ReturnType<typeof createCity>>;
beforeAll(async () => {
  database = await createTestDatabase('city_client');
  city = await createCity({ config: testSubgraphConfig('city', database) });
});
afterAll(async () => {
  await city?.stop();
  await database?.drop();
});

describe('CityClient', () => {
  it('answers any number of dates and communities, asking the city in slices it accepts', async () => {
    const client = new CityClient({ cityUrl: city.url, jwtSecret: DEVELOPMENT_JWT_SECRET, logger: createLogger('test', 'silent') });
    const dates = Array.from({ length: 45 }, (_, i) => addDays('2020-02-01', i));
    const keys = dates.flatMap((date) => [policyKey(DEMO.communityId, date), policyKey('420103001001', date)]);
    const answer = await client.policiesFor(keys);
    expect(answer.size).toBe(keys.length);
    expect(answer.get(policyKey(DEMO.communityId, '2020-02-17'))).toEqual([]);
    expect(answer.get(policyKey(DEMO.communityId, '2020-02-20'))?.map((policy) => [policy.category, policy.subsidyPerUnit])).toEqual([
      ['PORK_BASIC', 600],
      ['VEGETABLE_BASIC', 1200],
    ]);
  });

  it('knows which suppliers serve a community', async () => {
    const client = new CityClient({ cityUrl: city.url, jwtSecret: DEVELOPMENT_JWT_SECRET, logger: createLogger('test', 'silent') });
    expect(await client.supplierServes(DEMO_SUPPLIER_IDS.qSupermarket, DEMO.communityId)).toBe(true);
    expect(await client.supplierServes(DEMO_SUPPLIER_IDS.qSupermarket, '420103001001')).toBe(false);
    expect(await client.supplierServes(DEMO_SUPPLIER_IDS.cityWholesale, '420103001001')).toBe(true);
  });
});
