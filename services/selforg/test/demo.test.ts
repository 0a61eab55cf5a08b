// The demo's self-organisation: loaded once through the repositories' rules, the same wherever it is loaded.
import { fixedClock, openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  councilMembers,
  groupBuyItems,
  groupBuys,
  microProjectReports,
  microProjects,
  microProjectSupports,
  ownerCommitteeMembers,
  ownerCommittees,
  participationLines,
  participations,
  projectRounds,
  residentsCouncils,
  tables,
  type SelforgTables,
} from '../src/db/schema.js';
import { allocationOf, roundStatus } from '../src/domain/councilRules.js';
import { loadDemoData } from '../src/demo.js';
import { selforgSubgraph } from '../src/server.js';

const clock = fixedClock('2026-11-21T10:00:00+08:00');
const open = (database: TestDatabase) =>
  openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: selforgSubgraph.migrationsFolder });

let database: TestDatabase;
let db: Database<SelforgTables>;
let close: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDatabase('selforg_demo');
  ({ db, close } = await open(database));
});
afterAll(async () => {
  await close?.();
  await database?.drop();
});

/** Every row the demo loads, in a stable order. */
const everything = async (on: Database<SelforgTables>) => ({
  committees: await on.select().from(ownerCommittees).orderBy(ownerCommittees.id),
  members: await on.select().from(ownerCommitteeMembers).orderBy(ownerCommitteeMembers.committeeId, ownerCommitteeMembers.name),
  groupBuys: await on.select().from(groupBuys).orderBy(groupBuys.id),
  items: await on.select().from(groupBuyItems).orderBy(groupBuyItems.id),
  participations: await on.select().from(participations).orderBy(participations.id),
  lines: await on.select().from(participationLines).orderBy(participationLines.participationId, participationLines.itemId),
  councils: await on.select().from(residentsCouncils).orderBy(residentsCouncils.id),
  councilMembers: await on.select().from(councilMembers).orderBy(councilMembers.id),
  rounds: await on.select().from(projectRounds).orderBy(projectRounds.id),
  projects: await on.select().from(microProjects).orderBy(microProjects.id),
  supports: await on.select().from(microProjectSupports).orderBy(microProjectSupports.projectId, microProjectSupports.householdId),
  reports: await on.select().from(microProjectReports).orderBy(microProjectReports.id),
});

describe('the demo’s group buys', () => {
  it('run in three compounds of two streets in two districts, past ones closed by their participants and open ones taking joins', async () => {
    await loadDemoData(db, clock);
    const rows = await everything(db);
    expect(new Set(rows.committees.map((committee) => committee.communityId.slice(0, 9)))).toEqual(new Set(['420102001', '420103001']));
    expect(new Set(rows.committees.map((committee) => committee.compoundId)).size).toBe(3);
    const byTitle = Object.fromEntries(
      rows.groupBuys.map((groupBuy) => [groupBuy.title, [groupBuy.status, rows.participations.filter((p) => p.groupBuyId === groupBuy.id).length]]),
    );
    expect(byTitle).toEqual({
      '海鲜团购(鲜虾、鲈鱼)': ['COMPLETED', 7],
      '砂糖橘、苹果团购': ['OPEN', 4],
      '东北大米、菜籽油团购': ['COMPLETED', 6],
      '土鸡蛋团购': ['OPEN', 3],
      '鲜牛奶团购': ['CANCELLED', 3],
      '时令蔬菜团购': ['OPEN', 4],
    });
    // Stock sold is what the participations took; amounts are their lines at the items' prices; completed ones were picked up.
    for (const item of rows.items) {
      const taken = rows.lines.filter((line) => line.itemId === item.id).reduce((sum, line) => sum + line.quantity, 0);
      expect(item.sold, item.name).toBe(taken);
    }
    for (const participation of rows.participations) {
      const lines = rows.lines.filter((line) => line.participationId === participation.id);
      expect(participation.amount).toBe(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0));
      const status = rows.groupBuys.find((groupBuy) => groupBuy.id === participation.groupBuyId)!.status;
      expect(participation.pickedUpAt !== null).toBe(status === 'COMPLETED');
      expect(participation.joinedAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    }
  });

  it("gives Q社区's council a round in every phase across two communities, each adding up", async () => {
    const rows = await everything(db);
    expect(rows.councils.map((council) => council.communityId).sort()).toEqual(['420102001001', '420102001002']);
    const phases = Object.fromEntries(rows.rounds.map((round) => [round.title, [round.communityId, roundStatus(round, clock.now())]]));
    expect(phases).toEqual({
      '2025年Q社区民生微实事': ['420102001001', 'CLOSED'],
      '2026年Q社区民生微实事': ['420102001001', 'PUBLICISED'],
      '2026年Q社区民生微实事(第二批)': ['420102001001', 'SUPPORTING'],
      '2026年幸福社区民生微实事': ['420102001002', 'RESOLVING'],
      '2027年幸福社区民生微实事征集': ['420102001002', 'COLLECTING'],
    });
    const publicised = rows.rounds.find((round) => round.title === '2026年Q社区民生微实事')!;
    const statuses = rows.projects.filter((project) => project.roundId === publicised.id).map((project) => project.status);
    for (const status of ['IN_PROGRESS', 'ACCEPTED', 'NOT_FUNDED', 'REJECTED']) expect(statuses).toContain(status);
    for (const round of rows.rounds) {
      const projects = rows.projects.filter((project) => project.roundId === round.id);
      expect(round.allocated, round.title).toBe(projects.reduce((sum, project) => sum + allocationOf(project), 0));
      expect(round.spent, round.title).toBe(projects.reduce((sum, project) => sum + project.spent, 0));
      expect(round.allocated).toBeLessThanOrEqual(round.budget);
      expect(round.projectCount).toBe(projects.length);
      for (const project of projects) {
        expect(project.supports, project.title).toBe(rows.supports.filter((support) => support.projectId === project.id).length);
        expect(project.spent).toBeLessThanOrEqual(project.estimatedCost);
      }
      const perHousehold = new Map<string, number>();
      for (const support of rows.supports.filter((row) => row.roundId === round.id)) perHousehold.set(support.householdId, (perHousehold.get(support.householdId) ?? 0) + 1);
      expect(Math.max(0, ...perHousehold.values())).toBeLessThanOrEqual(3);
    }
  });

  it('changes nothing when loaded again, and is the same in another database loaded at the same instant', async () => {
    const loaded = await everything(db);
    await Promise.all([loadDemoData(db, clock), loadDemoData(db, fixedClock('2026-11-22T10:00:00+08:00'))]);
    expect(await everything(db)).toEqual(loaded);

    const twin = await createTestDatabase('selforg_demo_twin');
    const opened = await open(twin);
    try {
      await loadDemoData(opened.db, clock);
      expect(await everything(opened.db)).toEqual(loaded);
    } finally {
      await opened.close();
      await twin.drop();
    }
  });

  it.each(['2026-11-21T00:00:00+08:00', '2026-11-21T17:59:59+08:00', '2026-11-21T23:59:59+08:00'])(
    'loads at any hour (%s): joins before now and before each deadline, the open ones still open',
    async (at) => {
      const twin = await createTestDatabase('selforg_demo_hours');
      const opened = await open(twin);
      try {
        await loadDemoData(opened.db, fixedClock(at));
        const rows = await everything(opened.db);
        expect(rows.groupBuys.filter((groupBuy) => groupBuy.status === 'OPEN')).toHaveLength(3);
        for (const participation of rows.participations) {
          const groupBuy = rows.groupBuys.find((candidate) => candidate.id === participation.groupBuyId)!;
          expect(participation.joinedAt.getTime()).toBeLessThanOrEqual(new Date(at).getTime());
          expect(participation.joinedAt.getTime()).toBeLessThan(groupBuy.deadline.getTime());
          expect(participation.joinedAt.getTime()).toBeGreaterThanOrEqual(groupBuy.createdAt.getTime());
        }
      } finally {
        await opened.close();
        await twin.drop();
      }
    },
  );
});
