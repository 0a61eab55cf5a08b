import { DEMO_REGIONS, parentRegionId, regionLevel, seedWhenEmpty, type Database } from '@cgov/shared';
import { regions, type CityTables } from './db/schema.js';
import { RegionRepository } from './repositories/regions.js';

/** The demo's region tree, H市 with Q社区 among its communities, into an empty registry; again, nothing changes. */
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
}
