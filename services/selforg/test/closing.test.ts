// Two instances of the service sweeping at once must close each due group buy exactly once.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBuys, ownerCommittees, participations, tables, type SelforgTables } from '../src/db/schema.js';
import { GroupBuyRepository } from '../src/repositories/groupBuys.js';
import { selforgSubgraph } from '../src/server.js';

let database: TestDatabase;
const connections: Array<{ db: Database<SelforgTables>; close(): Promise<void> }> = [];

beforeAll(async () => {
  database = await createTestDatabase('selforg_closing');
  // Two connections as two instances would have; embedded PGlite (no server reachable) allows one opener per folder.
  const open = () => openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: selforgSubgraph.migrationsFolder });
  const first = await open();
  connections.push(first, database.engine === 'postgres' ? await open() : { db: first.db, close: async () => undefined });
});
afterAll(async () => {
  for (const connection of connections) await connection.close();
  await database?.drop();
});

describe('closing at the deadline', () => {
  it('closes every due group buy exactly once when two instances sweep at once', async () => {
    const db = connections[0]!.db;
    const compoundId = randomUUID();
    const [committee] = await db
      .insert(ownerCommittees)
      .values({ compoundId, communityId: '420102001001', name: '测试业委会', registeredBy: 't' })
      .returning();
    const deadline = new Date('2026-11-21T12:00:00+08:00');
    const due = Array.from({ length: 30 }, (_, i) => ({
      committeeId: committee!.id,
      compoundId,
      communityId: '420102001001',
      title: `团购${i}`,
      category: 'FRUIT' as const,
      organizer: '某某',
      minParticipants: i % 2 ? 1 : 2,
      deadline,
      pickupAt: deadline,
      pickupPoint: '东门',
      volunteers: [],
      createdBy: 't',
      createdAt: deadline,
      // The one household each joins below, counted as a join counts it.
      participantCount: 1,
    }));
    const created = await db.insert(groupBuys).values(due).returning();
    await db.insert(participations).values(
      created.map((groupBuy) => ({
        groupBuyId: groupBuy.id,
        householdId: randomUUID(),
        householdLabel: '1号楼 101',
        submittedBy: `r-${groupBuy.id}`,
        idempotencyKey: 'k',
        fingerprint: 'f',
        amount: 100,
        joinedAt: deadline,
      })),
    );

    const now = new Date('2026-11-21T12:00:01+08:00');
    const [a, b] = connections.map((connection) => new GroupBuyRepository(connection.db));
    const results = await Promise.all([a!.closeDue(now, 7), b!.closeDue(now, 7), a!.closeDue(now, 7), b!.closeDue(now, 7), a!.closeDue(now), b!.closeDue(now)]);
    const closedIds = results.flat().map((groupBuy) => groupBuy.id);
    expect(closedIds).toHaveLength(30);
    expect(new Set(closedIds).size).toBe(30);

    const rows = await db.select().from(groupBuys).where(eq(groupBuys.compoundId, compoundId));
    expect(rows.filter((row) => row.status === 'CONFIRMED')).toHaveLength(15);
    expect(rows.filter((row) => row.status === 'CANCELLED')).toHaveLength(15);
    expect(rows.every((row) => row.closedBy === 'scheduler' && row.closedAt !== null)).toBe(true);
    expect(await a!.closeDue(now)).toEqual([]);
  });
});
