import { DEMO, demoId, demoTransaction, seedWhenEmpty, type Clock, type Database } from '@cgov/shared';
import { departments, requests, type RequestsTables, type Urgency } from './db/schema.js';
import { loadDemoRequests, type DemoCatalogue } from './demoRequests.js';
import { CatalogueRepository } from './repositories/catalogue.js';

/** The departments and public service companies of H市 that take requests (委办局、公共服务企业), with stable ids. */
export const DEMO_DEPARTMENTS = [
  { key: 'water', name: '市供水集团' },
  { key: 'heating', name: '市热力集团' },
  { key: 'urban-management', name: '市城市管理局' },
  { key: 'housing', name: '市住房和城乡建设局' },
  { key: 'cdc', name: '市疾病预防控制中心' },
  { key: 'commerce', name: '市商务局' },
  { key: 'environment', name: '市生态环境局' },
] as const;
type DepartmentKey = (typeof DEMO_DEPARTMENTS)[number]['key'];

/** A demo department's id. */
export const demoDepartmentId = (key: DepartmentKey) => demoId(`department:${DEMO.cityId}:${key}`);

/**
 * H市's catalogue (派单目录): each category's urgency, the unit responsible (null: the street of the community,
 * 首接负责) and the department summoned by itself on the third reopening.
 */
export const DEMO_CATEGORIES: ReadonlyArray<{ code: string; name: string; urgency: Urgency; responsible: DepartmentKey | null; supervising: DepartmentKey | null }> = [
  { code: 'SUPPLIES', name: '生活物资', urgency: 'URGENT', responsible: null, supervising: 'commerce' },
  { code: 'EPIDEMIC_CONTROL', name: '疫情防控', urgency: 'URGENT', responsible: null, supervising: 'cdc' },
  { code: 'WATER', name: '供水', urgency: 'URGENT', responsible: 'water', supervising: 'water' },
  { code: 'HEATING', name: '供热', urgency: 'NORMAL', responsible: 'heating', supervising: 'heating' },
  { code: 'PROPERTY', name: '物业管理', urgency: 'NORMAL', responsible: null, supervising: 'housing' },
  { code: 'STREET_LIGHTS', name: '路灯', urgency: 'NORMAL', responsible: 'urban-management', supervising: 'urban-management' },
  { code: 'NOISE', name: '噪音扰民', urgency: 'NORMAL', responsible: null, supervising: 'environment' },
  { code: 'SANITATION', name: '环境卫生', urgency: 'NORMAL', responsible: null, supervising: 'urban-management' },
  { code: 'OLD_BUILDING_RENOVATION', name: '老旧小区改造', urgency: 'COMPLEX', responsible: null, supervising: 'housing' },
];

/** The catalogue as the demo's requests use it: urgencies and departments by category code. */
function demoCatalogue(): DemoCatalogue {
  const byCode = <T>(value: (category: (typeof DEMO_CATEGORIES)[number]) => T) =>
    Object.fromEntries(DEMO_CATEGORIES.map((category) => [category.code, value(category)])) as Record<keyof DemoCatalogue['urgency'], T>;
  return {
    urgency: byCode((category) => category.urgency),
    supervising: byCode((category) => demoDepartmentId(category.supervising!)),
    responsible: Object.fromEntries(DEMO_CATEGORIES.flatMap((category) => (category.responsible ? [[category.code, demoDepartmentId(category.responsible)]] : []))),
  };
}

/**
 * The demo, each part into an empty table (a database in use is left alone): H市's departments and its category
 * catalogue, with stable ids; then about two months of requests in its streets, filed and moved through the same
 * use cases as real ones with a moving clock (demoRequests.ts), the same on every machine for the same clock.
 */
export async function loadDemoData(db: Database<RequestsTables>, clock: Clock): Promise<void> {
  await seedWhenEmpty(db, departments, async (tx) => {
    await new CatalogueRepository(demoTransaction(tx)).insert({
      departments: DEMO_DEPARTMENTS.map((department, position) => ({ id: demoDepartmentId(department.key), cityId: DEMO.cityId, name: department.name, position })),
      categories: DEMO_CATEGORIES.map((category, position) => ({
        cityId: DEMO.cityId,
        code: category.code,
        name: category.name,
        urgency: category.urgency,
        responsibleDepartmentId: category.responsible ? demoDepartmentId(category.responsible) : null,
        supervisingDepartmentId: category.supervising ? demoDepartmentId(category.supervising) : null,
        position,
      })),
    });
  });
  await seedWhenEmpty(db, requests, (tx) => loadDemoRequests(demoTransaction(tx), clock, demoCatalogue()));
}
