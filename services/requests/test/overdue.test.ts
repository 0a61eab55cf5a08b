// Two instances of the service sweeping at once must mark each overdue request exactly once, and count it once.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHistory, tables, type RequestsTables } from '../src/db/schema.js';
import { RequestRepository } from '../src/repositories/requests.js';
import { requestsSubgraph } from '../src/server.js';

let database: TestDatabase;
const connections: Array<{ db: Database<RequestsTables>; close(): Promise<void> }> = [];

beforeAll(async () => {
  database = await createTestDatabase('requests_overdue');
  // Two connections as two instances would have; embedded PGlite (no server reachable) allows one opener per folder.
  const open = () => openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: requestsSubgraph.migrationsFolder });
  const first = await open();
  connections.push(first, database.engine === 'postgres' ? await open() : { db: first.db, close: async () => undefined });
});
afterAll(async () => {
  for (const connection of connections) await connection.close();
  await database?.drop();
});

describe('marking overdue requests', () => {
  it('marks every overdue request exactly once when two instances sweep at once, and counts each once in its community', async () => {
    const [first, second] = connections.map((connection) => new RequestRepository(connection.db));
    const dispatchedAt = new Date('2026-11-02T09:00:00+08:00');
    const file = (i: number) =>
      first!.file(
        {
          id: randomUUID(),
          cityId: '4201',
          communityId: i % 2 ? '420102001001' : '420102001002',
          categoryCode: 'NOISE',
          description: `诉求${i}`,
          channel: 'HOTLINE',
          status: 'DISPATCHED',
          streetId: '420102001',
          departmentId: null,
          receivedAt: dispatchedAt,
          dispatchedAt,
          responseDeadline: new Date(dispatchedAt.getTime() + (i < 40 ? 1 : 100) * 3_600_000), // 40 due, 10 not yet
          resolutionDeadline: new Date(dispatchedAt.getTime() + 200 * 3_600_000),
          filedBy: 'HOTLINE_OPERATOR:4201:t',
          idempotencyKey: `k${i}`,
          fingerprint: 'f',
        },
        'dispatched',
      );
    for (let i = 0; i < 50; i += 1) await file(i);
    const now = new Date(dispatchedAt.getTime() + 2 * 3_600_000);
    // Small batches, so that the two sweeps interleave.
    const [a, b] = await Promise.all([first!.markOverdue(now, 7), second!.markOverdue(now, 7)]);
    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b].map((row) => row.id)).size).toBe(40);
    const db = connections[0]!.db;
    const [lines] = await db.select({ n: sql<number>`count(*)::int` }).from(requestHistory).where(sql`${requestHistory.by} = 'system'`);
    expect(lines!.n).toBe(40);
    const counted = (await db.execute(sql`SELECT sum(overdue)::int AS overdue, sum(received)::int AS received FROM request_community_stats`)) as unknown as { rows: unknown[] };
    expect(counted.rows[0]).toEqual({ overdue: 40, received: 50 });
    // A later sweep finds nothing more to mark.
    expect(await first!.markOverdue(now)).toEqual([]);
  });
});
