import { DEMO, DEMO_POLICIES, DEMO_POLICY_FROM, DEMO_REGIONS, DEMO_SUPPLIER_IDS, demoId, parentRegionId, regionLevel, seedWhenEmpty, type Database } from '@cgov/shared';
import { regions, subsidyBudgets, subsidyPolicies, suppliers, type CityTables } from './db/schema.js';
import { RegionRepository } from './repositories/regions.js';

/** When the case's city published its first policies (2020-02-17, in force from the 18th). */
const CASE_PUBLISHED_AT = new Date('2020-02-17T10:00:00+08:00');
const DEMO_OFFICIAL = 'demo-city-official';

/** H市's subsidy budget in the demo: 2,000,000.00 yuan. */
export const DEMO_CITY_BUDGET = 200_000_000;

/** The designated suppliers: a city-wide wholesaler, and the supermarket serving Q社区. */
export const DEMO_SUPPLIERS = [
  { id: DEMO_SUPPLIER_IDS.cityWholesale, regionId: DEMO.cityId, name: 'H市农产品批发市场', address: 'H市东城区江滨路1号' },
  { id: DEMO_SUPPLIER_IDS.qSupermarket, regionId: DEMO.communityId, name: '惠民平价超市(Q社区店)', address: 'Q社区A小区南门' },
];

/**
 * The demo's city tier, each part into an empty table so that a database in use is left alone: the
 * region tree (H市 with Q社区 among its communities), the case's policies, H市's budget and the designated suppliers.
 */
export async function loadDemoData(db: Database<CityTables>): Promise<void> {
  await seedWhenEmpty(db, regions, (tx) =>
    RegionRepository.insertMissing(
      tx,
      DEMO_REGIONS.map((region) => ({
        id: region.id,
        name: region.name,
        level: regionLevel(region.id)!,
        parentId: parentRegionId(region.id),
      })),
    ),
  );
  await seedWhenEmpty(db, subsidyPolicies, async (tx) => {
    await tx.insert(subsidyPolicies).values(
      DEMO_POLICIES.map((policy) => ({
        id: demoId(`policy:${DEMO.cityId}:${policy.category}:1`),
        regionId: DEMO.cityId,
        ...policy,
        version: 1,
        effectiveFrom: DEMO_POLICY_FROM,
        effectiveTo: null,
        publishedBy: DEMO_OFFICIAL,
        publishedAt: CASE_PUBLISHED_AT,
      })),
    );
  });
  await seedWhenEmpty(db, subsidyBudgets, async (tx) => {
    await tx.insert(subsidyBudgets).values({ regionId: DEMO.cityId, amount: DEMO_CITY_BUDGET, allocatedBy: DEMO_OFFICIAL, allocatedAt: CASE_PUBLISHED_AT });
  });
  await seedWhenEmpty(db, suppliers, async (tx) => {
    await tx.insert(suppliers).values(
      DEMO_SUPPLIERS.map((supplier) => ({ ...supplier, designatedBy: DEMO_OFFICIAL, designatedAt: CASE_PUBLISHED_AT })),
    );
  });
}
