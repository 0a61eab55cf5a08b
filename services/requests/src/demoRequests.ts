import { addDays, DEMO, DEMO_REGIONS, demoId, demoIds, demoRandom, shanghaiInstant, today, type Clock, type Database, type DemoRandom, type Viewer } from '@cgov/shared';
import type { RequestChannel, RequestsTables, Satisfaction } from './db/schema.js';
import { demoCity, demoCommunity } from './demoClients.js';
import {
  acceptRequest,
  dispatchRequest,
  fileRequest,
  recordCallback,
  replyToRequest,
  reportToWhistle,
  returnRequest,
  whistle,
  type UseCaseDeps,
} from './domain/requests.js';
import { DEADLINE_HOURS } from './domain/rules.js';
import { CatalogueRepository } from './repositories/catalogue.js';
import { RequestRepository } from './repositories/requests.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The category catalogue's codes as the demo uses them (demo.ts's DEMO_CATEGORIES). */
type Code = 'SUPPLIES' | 'EPIDEMIC_CONTROL' | 'WATER' | 'HEATING' | 'PROPERTY' | 'STREET_LIGHTS' | 'NOISE' | 'SANITATION' | 'OLD_BUILDING_RENOVATION';

/** What the demo needs to know of the catalogue: each category's urgency and the department of its third reopening. */
export interface DemoCatalogue {
  urgency: Record<Code, keyof typeof DEADLINE_HOURS>;
  /** The department a street-held category goes to when the street returns it, and which it whistles on. */
  supervising: Record<Code, string>;
  /** The department holding a department-held category; undefined when the street holds it. */
  responsible: Partial<Record<Code, string>>;
}

/**
 * The demo's households, as the community service's demo registers them (its demoRoster: Q社区's A小区 and B小区,
 * every other community's 和谐家园 1栋 of 6 floors, 2 doors a floor), id → community.
 */
export function demoHouseholds(): Map<string, string> {
  const plan = (communityId: string) =>
    communityId === DEMO.communityId
      ? [
          { compound: 'A小区', building: '1栋', floors: 18, perFloor: 2 },
          { compound: 'A小区', building: '2栋', floors: 11, perFloor: 2 },
          { compound: 'A小区', building: '3栋', floors: 6, perFloor: 3 },
          { compound: 'B小区', building: '1号楼', floors: 6, perFloor: 2 },
          { compound: 'B小区', building: '2号楼', floors: 4, perFloor: 2 },
        ]
      : [{ compound: '和谐家园', building: '1栋', floors: 6, perFloor: 2 }];
  const households = new Map<string, string>();
  for (const community of DEMO_REGIONS.filter((region) => region.id.length === 12)) {
    for (const building of plan(community.id)) {
      const buildingId = demoIds.building(demoIds.compound(community.id, building.compound), building.building);
      for (let floor = 1; floor <= building.floors; floor += 1) {
        for (let door = 1; door <= building.perFloor; door += 1) households.set(demoIds.household(buildingId, `${floor}${String(door).padStart(2, '0')}`), community.id);
      }
    }
  }
  return households;
}

/**
 * Q社区's grid workers who file what they find on patrol, as the community service's demo registers them: 刘芳 of
 * A小区 1栋's micro-grid (a demo actor) and 马晓军 of A小区's area grid; id → community.
 */
const GRID_WORKERS = new Map(['a1-lead', 'a-full'].map((key) => [demoIds.gridWorker(DEMO.communityId, key), DEMO.communityId]));

/** The household of Q社区's A小区 1栋 1201, a demo actor who signs in as a resident. */
const RESIDENT_A1_1201 = demoIds.household(demoIds.building(demoIds.compound(DEMO.communityId, 'A小区'), '1栋'), '1201');

/**
 * H市's communities and their requests of each category in a whole month (this month's so far are as many times the
 * share of it gone). Held by the street of the community: 青山街道 (Q社区, 幸福社区) and 长江街道 get 10 or more a
 * month (ranked), 和平街道 and 汉水街道 fewer (unranked); by a department: 供水 and 供热 10 or more, 城管 fewer.
 */
const COMMUNITY_MONTHS: Array<{ communityId: string; requests: Partial<Record<Code, number>> }> = [
  { communityId: '420102001001', requests: { SUPPLIES: 3, EPIDEMIC_CONTROL: 1, PROPERTY: 4, NOISE: 2, SANITATION: 2, OLD_BUILDING_RENOVATION: 1, WATER: 4, HEATING: 5, STREET_LIGHTS: 2 } },
  { communityId: '420102001002', requests: { SUPPLIES: 1, PROPERTY: 2, NOISE: 1, SANITATION: 1, WATER: 2, HEATING: 2 } },
  { communityId: '420102002001', requests: { PROPERTY: 2, NOISE: 1, SANITATION: 1, WATER: 2, HEATING: 1 } },
  { communityId: '420103001001', requests: { SUPPLIES: 2, EPIDEMIC_CONTROL: 1, PROPERTY: 4, NOISE: 2, SANITATION: 2, OLD_BUILDING_RENOVATION: 1, WATER: 3, HEATING: 3, STREET_LIGHTS: 2 } },
  { communityId: '420103001002', requests: { PROPERTY: 1, SANITATION: 1, WATER: 2, HEATING: 2 } },
  { communityId: '420103002001', requests: { PROPERTY: 1, NOISE: 1, WATER: 1, HEATING: 1, STREET_LIGHTS: 1 } },
];

/** What residents say, by category. */
const DESCRIPTIONS: Record<Code, string[]> = {
  SUPPLIES: ['社区团购的蔬菜套餐两天未送达，家中老人缺菜。', '楼里独居老人买不到米面油，希望社区帮忙代购。', '团购猪肉送到时已变质，要求处理。'],
  EPIDEMIC_CONTROL: ['小区门口核酸检测点排队过长，无人维持秩序。', '隔壁单元有人居家隔离，但门口未张贴告知。', '小区消杀不及时，垃圾站附近异味严重。'],
  WATER: ['整栋楼停水一天，未见停水通知。', '自来水发黄有异味，烧开后有沉淀。', '小区主水管爆裂，路面积水。'],
  HEATING: ['暖气不热，室温只有14度。', '楼道暖气管漏水，地面结冰。', '家中暖气片一直不热，报修多次无人来。'],
  PROPERTY: ['电梯频繁故障，老人上下楼困难。', '物业长期不清理楼道杂物，存在消防隐患。', '地下车库照明损坏，物业一直未修。'],
  STREET_LIGHTS: ['小区门前路段路灯不亮，夜间出行不安全。', '路灯白天一直亮着，浪费电。', '路口路灯杆倾斜，有倒塌危险。'],
  NOISE: ['夜间施工噪音扰民，影响休息。', '楼下广场舞音响声音过大。', '临街商铺高音喇叭招揽顾客。'],
  SANITATION: ['小区垃圾桶满溢多日无人清运。', '楼道有人乱堆垃圾，气味难闻。', '绿化带里积存建筑垃圾。'],
  OLD_BUILDING_RENOVATION: ['老旧小区外墙脱落，希望纳入改造。', '小区雨污管网老化，下雨就倒灌。', '希望老楼加装电梯，居民意见已基本统一。'],
};
const REPLIES = ['已安排人员上门处理，问题已解决。', '已协调相关单位，现场整改完毕。', '经核实已处理，并向居民说明情况。', '已联系物业和责任单位落实，后续持续跟踪。'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';

/** Who acts in the demo, as their tokens would say. */
const HOTLINE: Viewer = { sub: 'demo-hotline-operator', role: 'HOTLINE_OPERATOR', scope: DEMO.cityId };
const streetOffice = (streetId: string): Viewer => ({ sub: 'demo-street-officer', role: 'STREET_OFFICER', scope: streetId });
const departmentDesk = (departmentId: string): Viewer => ({ sub: 'demo-department-officer', role: 'DEPARTMENT_OFFICER', scope: departmentId });
const communityDesk = (communityId: string): Viewer => ({ sub: 'demo-community-staff', role: 'COMMUNITY_STAFF', scope: communityId });
const residentOf = (householdId: string): Viewer => ({ sub: 'demo-resident', role: 'RESIDENT', scope: householdId });
const gridWorker = (gridWorkerId: string): Viewer => ({ sub: 'demo-grid-worker', role: 'GRID_WORKER', scope: gridWorkerId });

/** A step of a story later than the load instant: the story stops there, as it has not happened yet. */
const NOT_YET = Symbol('not yet');

/** One request of the demo: where, what, who files it, when. */
interface Filing {
  key: string;
  communityId: string;
  code: Code;
  at: Date;
  random: DemoRandom;
  /** The household that files it on the app; hotline and staff filings have none. */
  householdId?: string;
  channel?: RequestChannel;
}

/** Requests of the demo, filed and moved through the use cases with the clock of each step. */
class Stories {
  private readonly catalogue: CatalogueRepository;
  private readonly requests: RequestRepository;
  private readonly city = demoCity;
  private readonly community: UseCaseDeps['community'];
  private readonly byCommunity = new Map<string, string[]>();

  constructor(
    db: Database<RequestsTables>,
    private readonly now: Date,
    private readonly plan: DemoCatalogue,
    households: Map<string, string>,
  ) {
    this.catalogue = new CatalogueRepository(db);
    this.requests = new RequestRepository(db);
    this.community = demoCommunity(households, GRID_WORKERS);
    for (const [householdId, communityId] of [...households.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      this.byCommunity.set(communityId, [...(this.byCommunity.get(communityId) ?? []), householdId]);
    }
  }

  /** What a use case needs when `viewer` acts at `at`; refuses (NOT_YET) an instant after the load's. */
  private deps(viewer: Viewer, at: Date): UseCaseDeps {
    if (at.getTime() > this.now.getTime()) throw NOT_YET;
    return { viewer, now: at, requests: this.requests, catalogue: this.catalogue, community: this.community, city: this.city, newRequestId: demoRequestId };
  }

  /** Runs a story until its first step later than now. */
  async tell(story: () => Promise<unknown>) {
    try {
      await story();
    } catch (error) {
      if (error !== NOT_YET) throw error;
    }
  }

  /**
   * Files a request: on the app by its household, or through the hotline (with the caller), or by the community's
   * staff on a visit; in Q社区, which has its grid, what the staff would find its grid workers find on patrol.
   */
  async file(filing: Filing) {
    const { random } = filing;
    const patrolled = filing.communityId === DEMO.communityId;
    const channel = filing.channel ?? (filing.householdId ? 'APP' : random.chance(0.8) ? 'HOTLINE' : patrolled ? 'GRID_PATROL' : 'VISIT');
    const householdId = channel === 'APP' ? (filing.householdId ?? random.pick(this.byCommunity.get(filing.communityId)!)) : null;
    const viewers: Record<RequestChannel, () => Viewer> = {
      APP: () => residentOf(householdId!),
      HOTLINE: () => HOTLINE,
      VISIT: () => communityDesk(filing.communityId),
      GRID_PATROL: () => gridWorker([...GRID_WORKERS.keys()][filing.at.getTime() % GRID_WORKERS.size]!),
    };
    const viewer = viewers[channel]();
    const caller = channel === 'HOTLINE' && random.chance(0.9);
    return fileRequest(this.deps(viewer, filing.at), {
      communityId: filing.communityId,
      categoryCode: filing.code,
      description: random.pick(DESCRIPTIONS[filing.code]),
      channel,
      householdId,
      callerName: caller ? `${random.pick([...SURNAMES])}${random.pick(['先生', '女士'])}` : null,
      callerPhone: caller ? `139${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
      idempotencyKey: filing.key,
    });
  }

  /** The holding unit's staff. */
  holder(request: { streetId: string | null; departmentId: string | null }): Viewer {
    return request.streetId ? streetOffice(request.streetId) : departmentDesk(request.departmentId!);
  }

  accept = (request: Held, at: Date) => acceptRequest(this.deps(this.holder(request), at), request.id);
  return = (request: Held, at: Date, reason: string) => returnRequest(this.deps(this.holder(request), at), request.id, reason);
  redispatch = (id: string, at: Date, unit: { streetId: string } | { departmentId: string }) => dispatchRequest(this.deps(HOTLINE, at), { requestId: id, ...unit });
  whistle = (request: Held, at: Date, departmentIds: string[], note: string) => whistle(this.deps(this.holder(request), at), { requestId: request.id, departmentIds, note });
  report = (id: string, departmentId: string, at: Date, note: string) => reportToWhistle(this.deps(departmentDesk(departmentId), at), id, note);
  reply = (request: Held, at: Date, reply: string) => replyToRequest(this.deps(this.holder(request), at), request.id, reply);

  /** A callback by the resident who filed on the app (half the time) or else the hotline. */
  callback(request: Held & { householdId: string | null; channel: RequestChannel }, at: Date, resolved: boolean, satisfaction: Satisfaction, random: DemoRandom) {
    const viewer = request.channel === 'APP' && random.chance(0.5) ? residentOf(request.householdId!) : HOTLINE;
    const note = resolved ? (satisfaction === 'DISSATISFIED' ? '问题解决了，但处理太慢。' : '问题已解决，感谢。') : '问题仍未解决。';
    return recordCallback(this.deps(viewer, at), { requestId: request.id, resolved, satisfaction, note });
  }

  /**
   * A request's ordinary life, drawn from its own seed: a few are returned within 2 hours and re-dispatched by the
   * hotline; the unit accepts (late one time in ten) and replies (late about one time in eight); a few street-held
   * ones are whistled on and the departments report; the callback mostly says resolved and satisfied, sometimes
   * not resolved, which reopens it (at most twice here).
   */
  async ordinary(filing: Filing) {
    const { random } = filing;
    const urgency = this.plan.urgency[filing.code];
    const hours = DEADLINE_HOURS[urgency];
    let request: Held = await this.file(filing);
    let t = filing.at.getTime();
    if (random.chance(0.06)) {
      t += random.int(15, 110) * MINUTE;
      const toDepartment = request.streetId !== null;
      await this.return(request, new Date(t), toDepartment ? '经核实，该诉求属于专业部门职责，申请退回重派。' : '经核实，该问题属小区物业管辖范围，不属本单位职责。');
      t += random.int(10, 90) * MINUTE;
      request = await this.redispatch(
        request.id,
        new Date(t),
        toDepartment ? { departmentId: this.plan.supervising[filing.code] } : { streetId: filing.communityId.slice(0, 9) },
      );
    }
    const late = random.chance(0.1);
    t += late ? hours.response * HOUR + random.int(30, 12 * 60) * MINUTE : random.int(5, Math.floor(hours.response * 60 * 0.8)) * MINUTE;
    request = await this.accept(request, new Date(t));
    const resolutionDeadline = request.resolutionDeadline.getTime();
    if (request.streetId && random.chance(0.12)) {
      t += random.int(1, 6) * HOUR;
      const departments = [this.plan.supervising[filing.code], ...(random.chance(0.3) ? [this.plan.responsible.WATER!] : [])];
      await this.whistle(request, new Date(t), [...new Set(departments)], '街道协调不了，请相关部门到场会商。');
      let reported = t;
      for (const departmentId of [...new Set(departments)]) {
        const at = t + random.int(1, 20) * HOUR;
        await this.report(request.id, departmentId, new Date(at), '已派员到场，配合街道处置。');
        reported = Math.max(reported, at);
      }
      t = reported;
    }
    for (let reopenings = 0; ; reopenings += 1) {
      const deadline = reopenings === 0 ? resolutionDeadline : request.resolutionDeadline.getTime();
      const window = deadline - t;
      t = Math.max(t + 30 * MINUTE, random.chance(0.12) ? deadline + random.int(2, 48) * HOUR : t + Math.floor((window * random.int(10, 90)) / 100));
      request = await this.reply(request, new Date(t), random.pick(REPLIES));
      t += random.int(2, 36) * HOUR;
      const resolved = reopenings === 2 || random.chance(0.87);
      const satisfaction: Satisfaction = resolved
        ? random.pick<Satisfaction>(['SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'])
        : random.pick<Satisfaction>(['DISSATISFIED', 'DISSATISFIED', 'BASICALLY_SATISFIED']);
      request = await this.callback(request, new Date(t), resolved, satisfaction, random);
      if (resolved) return;
    }
  }
}

/** A request as the stories hold it. */
type Held = Awaited<ReturnType<RequestRepository['file']>>;

/** The demo's requests keep ids derived from their filer and idempotency key, so that they are the same on every machine. */
const demoRequestId = (filedBy: string, idempotencyKey: string) => demoId(`request:${filedBy}:${idempotencyKey}`);

/** The first instant of the month of an Asia/Shanghai date, and of the month after. */
function monthOf(date: string): { start: Date; end: Date } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start: shanghaiInstant(`${date.slice(0, 7)}-01`, 0), end: shanghaiInstant(next, 0) };
}

/**
 * Loads the demo's requests (in `db`, a demo transaction): H市's communities' requests of last month and of this
 * one so far (relative to the clock), each filed and moved through the same use cases as real ones with the clock of
 * its step, drawn from seeds so that every machine gets the same; steps later than the load instant are left for
 * the street and departments to take. Then the cases a new user should find: one request in every status, a whistle
 * a department has not answered, a request reopened three times with its automatic summons, and the demo
 * resident's own requests; and the overdue ones marked, as the scheduler would have.
 */
export async function loadDemoRequests(db: Database<RequestsTables>, clock: Clock, plan: DemoCatalogue): Promise<void> {
  const now = clock.now();
  const stories = new Stories(db, now, plan, demoHouseholds());
  const thisMonth = monthOf(today(clock));
  const lastMonth = monthOf(addDays(today(clock), -Number(today(clock).slice(8, 10))));
  const filings: Filing[] = [];
  for (const month of [lastMonth, thisMonth]) {
    const until = Math.min(month.end.getTime(), now.getTime() - 2 * HOUR);
    const share = Math.max(0, (until - month.start.getTime()) / (month.end.getTime() - month.start.getTime()));
    for (const community of COMMUNITY_MONTHS) {
      for (const [code, full] of Object.entries(community.requests) as Array<[Code, number]>) {
        for (let i = 0; i < Math.round(full * share); i += 1) {
          const key = `demo-${month.start.toISOString().slice(0, 7)}-${community.communityId}-${code}-${i}`;
          const random = demoRandom(key);
          const at = new Date(month.start.getTime() + random.int(0, Math.floor((until - month.start.getTime()) / MINUTE)) * MINUTE);
          filings.push({ key, communityId: community.communityId, code, at, random, channel: random.chance(0.2) ? 'APP' : undefined });
        }
      }
    }
  }
  filings.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
  for (const filing of filings) await stories.tell(() => stories.ordinary(filing));
  await loadCases(stories, now, plan);
  // What the scheduler would have marked by now: requests whose deadline passed unmet.
  await new RequestRepository(db).markOverdue(now);
}

/** The cases a new user should find, each anchored to the load instant. */
async function loadCases(stories: Stories, now: Date, plan: DemoCatalogue) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const filing = (key: string, communityId: string, code: Code, at: Date, extra: Partial<Filing> = {}): Filing => ({
    key: `demo-case-${key}`,
    communityId,
    code,
    at,
    random: demoRandom(`case:${key}`),
    ...extra,
  });
  const Q = DEMO.communityId;

  // DISPATCHED: groceries that did not arrive, 40 minutes ago; and noise nobody has answered for 30 hours (late).
  await stories.tell(() => stories.file(filing('groceries', Q, 'SUPPLIES', ago(40 * MINUTE), { channel: 'HOTLINE' })));
  await stories.tell(() => stories.file(filing('noise-unanswered', '420102001002', 'NOISE', ago(30 * HOUR), { channel: 'HOTLINE' })));

  // ACCEPTED: the demo resident's lift, accepted an hour after it filed.
  await stories.tell(async () => {
    const request = await stories.file(filing('resident-lift', Q, 'PROPERTY', ago(6 * HOUR), { householdId: RESIDENT_A1_1201 }));
    await stories.accept(request, ago(5 * HOUR));
  });

  // RETURNED: the water company returns a leak inside the compound (the property's pipes); the hotline has yet to decide.
  await stories.tell(async () => {
    const request = await stories.file(filing('water-returned', '420103001001', 'WATER', ago(90 * MINUTE), { channel: 'HOTLINE' }));
    await stories.return(request, ago(30 * MINUTE), '漏水点位于小区内部管网，属物业维修范围，不属本单位职责。');
  });

  // REPLIED: the demo resident's rubbish, answered this morning, waiting for its callback (the resident may give it).
  await stories.tell(async () => {
    const request = await stories.file(filing('resident-rubbish', Q, 'SANITATION', ago(3 * DAY), { householdId: RESIDENT_A1_1201 }));
    await stories.accept(request, ago(3 * DAY - 50 * MINUTE));
    await stories.reply(request, ago(5 * HOUR), '已安排保洁公司清运，并增加每日清运一次。');
  });

  // REOPENED: the callback says the rubbish is still there.
  await stories.tell(async () => {
    const request = await stories.file(filing('rubbish-reopened', '420102002001', 'SANITATION', ago(4 * DAY), { channel: 'HOTLINE' }));
    await stories.accept(request, ago(4 * DAY - 2 * HOUR));
    const replied = await stories.reply(request, ago(2 * DAY), '已通知清运公司清理。');
    await stories.callback(replied, ago(3 * HOUR), false, 'DISSATISFIED', demoRandom('case:rubbish-reopened:callback'));
  });

  // Reopened three times: the third reopening summons the category's department (住建) by itself; it reported.
  await stories.tell(async () => {
    const random = demoRandom('case:lift-three-times');
    let request = await stories.file(filing('lift-three-times', Q, 'PROPERTY', ago(20 * DAY), { channel: 'HOTLINE' }));
    request = await stories.accept(request, ago(20 * DAY - 3 * HOUR));
    for (const [replied, called] of [[17, 16], [12, 11], [6, 5]] as const) {
      request = await stories.reply(request, ago(replied * DAY), '已督促物业维修电梯。');
      request = await stories.callback(request, ago(called * DAY), false, 'DISSATISFIED', random);
    }
    await stories.report(request.id, plan.supervising.PROPERTY, ago(5 * DAY - 6 * HOUR), '已约谈物业企业，责令更换电梯控制柜。');
  });

  // Whistled: 长江街道 summons 住建 and 城管 on a renovation; 住建 reported, 城管 never did (its deadline passed).
  await stories.tell(async () => {
    const request = await stories.file(filing('renovation-whistle', '420103001001', 'OLD_BUILDING_RENOVATION', ago(5 * DAY), { channel: 'VISIT' }));
    const accepted = await stories.accept(request, ago(5 * DAY - 3 * HOUR));
    await stories.whistle(accepted, ago(4 * DAY), [plan.supervising.OLD_BUILDING_RENOVATION, plan.responsible.STREET_LIGHTS!], '外墙脱落涉及楼体安全和占道施工，请住建、城管到场。');
    await stories.report(request.id, plan.supervising.OLD_BUILDING_RENOVATION, ago(4 * DAY - 6 * HOUR), '已派技术人员现场勘查，列入本年度改造计划。');
  });
}
