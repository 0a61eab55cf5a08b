// The demo's reference data: H市's departments and category catalogue, loaded once, the same on every machine.
import { DEMO, fixedClock, openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, requestCategories, tables, type RequestsTables } from '../src/db/schema.js';
import { DEMO_CATEGORIES, demoDepartmentId, loadDemoData } from '../src/demo.js';
import { requestsSubgraph } from '../src/server.js';

const clock = fixedClock('2026-11-21T10:00:00+08:00');

let database: TestDatabase;
let db: Database<RequestsTables>;
let close: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDatabase('requests_demo');
  ({ db, close } = await openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: requestsSubgraph.migrationsFolder }));
});
afterAll(async () => {
  await close?.();
  await database?.drop();
});

const everything = async () => ({
  departments: await db.select().from(departments).orderBy(departments.id),
  categories: await db.select().from(requestCategories).orderBy(requestCategories.code),
});

describe('the demo’s catalogue (派单目录) and departments', () => {
  it('covers the contract’s categories in Chinese, each with its urgency and unit, with stable ids; loading again changes nothing', async () => {
    await loadDemoData(db, clock);
    const first = await everything();
    expect(first.departments.map((row) => row.name)).toEqual(expect.arrayContaining(['市供水集团', '市热力集团', '市城市管理局', '市住房和城乡建设局', '市疾病预防控制中心']));
    expect(first.departments.every((row) => row.cityId === DEMO.cityId)).toBe(true);
    expect(first.categories.map((row) => row.name)).toEqual(expect.arrayContaining(['生活物资', '物业管理', '供水', '供热', '路灯', '噪音扰民', '环境卫生', '疫情防控']));
    expect(first.categories).toHaveLength(DEMO_CATEGORIES.length);
    expect(new Set(first.categories.map((row) => row.urgency))).toEqual(new Set(['URGENT', 'NORMAL', 'COMPLEX']));
    expect(first.categories.find((row) => row.code === 'WATER')!.responsibleDepartmentId).toBe(demoDepartmentId('water'));
    expect(first.categories.find((row) => row.code === 'SUPPLIES')!.responsibleDepartmentId).toBeNull();
    // Every category names the department its third reopening summons.
    expect(first.categories.every((row) => row.supervisingDepartmentId !== null)).toBe(true);

    await loadDemoData(db, clock);
    expect(await everything()).toEqual(first);
  });
});
