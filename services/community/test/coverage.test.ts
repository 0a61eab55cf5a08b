// A building is covered when every one of its floors lies in some party member's assignment (kept by SQL).
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings, compounds, partyMembers, tables, type CommunityTables } from '../src/db/schema.js';
import { CoverageRepository } from '../src/repositories/coverage.js';
import { PartyMemberRepository } from '../src/repositories/partyMembers.js';
import { communitySubgraph } from '../src/server.js';

const COMMUNITY = '420102001001';
let database: TestDatabase;
let db: Database<CommunityTables>;
let close: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDatabase('community_coverage');
  ({ db, close } = await openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: communitySubgraph.migrationsFolder }));
});
afterAll(async () => {
  await close?.();
  await database?.drop();
});

describe('volunteer coverage', () => {
  it('counts a building covered only when no floor is left out, a gap in the middle included', async () => {
    const compoundId = randomUUID();
    const buildingId = randomUUID();
    await db.insert(compounds).values({ id: compoundId, communityId: COMMUNITY, name: '小区' });
    await db.insert(buildings).values({ id: buildingId, compoundId, communityId: COMMUNITY, name: '1栋', floors: 6 });
    const [member] = await db
      .insert(partyMembers)
      .values({ communityId: COMMUNITY, name: '党员', phone: '13900000000', workUnit: '单位', reportedAt: new Date(), registeredBy: 't' })
      .returning();
    const members = new PartyMemberRepository(db);
    const coverage = async () => (await new CoverageRepository(db).ofCommunities([COMMUNITY]))[0];
    const assign = (floorFrom: number, floorTo: number) =>
      members.assign({ partyMemberId: member!.id, buildingId, communityId: COMMUNITY, floorFrom, floorTo, assignedBy: 't', assignedAt: new Date() });

    await assign(1, 3);
    await assign(5, 6);
    expect(await coverage()).toEqual({ communityId: COMMUNITY, buildings: 1, buildingsCovered: 0, partyMembers: 1 });
    expect((await new CoverageRepository(db).uncoveredOf([COMMUNITY])).map((b) => b.id)).toEqual([buildingId]);
    await assign(4, 4);
    expect(await coverage()).toEqual({ communityId: COMMUNITY, buildings: 1, buildingsCovered: 1, partyMembers: 1 });
  });
});
