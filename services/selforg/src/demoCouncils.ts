import { DEMO, demoId, demoIds, demoTransaction, parseMoney, seedWhenEmpty, shanghaiDate, type Clock, type Database } from '@cgov/shared';
import { residentsCouncils, type CouncilRole, type MicroProjectKind, type SelforgTables } from './db/schema.js';
import { assertRoundWindows, assertWithinCap } from './domain/councilRules.js';
import { CouncilRepository } from './repositories/councils.js';

const DAY = 86_400_000;
const XINGFU = '420102001002';

/** Q社区's households the demo's supports come from: B小区 (20) and A小区 1栋's lower floors (16). */
const Q_HOUSEHOLDS = (() => {
  const b = demoIds.compound(DEMO.communityId, 'B小区');
  const a1 = demoIds.building(demoIds.compound(DEMO.communityId, 'A小区'), '1栋');
  const rooms = (buildingId: string, floors: number) =>
    Array.from({ length: floors }, (_, f) => [1, 2].map((door) => demoIds.household(buildingId, `${f + 1}0${door}`))).flat();
  return [...rooms(demoIds.building(b, '1号楼'), 6), ...rooms(demoIds.building(b, '2号楼'), 4), ...rooms(a1, 8)];
})();
/** 幸福社区's households (和谐家园 1栋, 6 floors, 2 doors). */
const XINGFU_HOUSEHOLDS = (() => {
  const building = demoIds.building(demoIds.compound(XINGFU, '和谐家园'), '1栋');
  return Array.from({ length: 6 }, (_, f) => [1, 2].map((door) => demoIds.household(building, `${f + 1}0${door}`))).flat();
})();

interface CouncilPlan {
  key: string;
  communityId: string;
  members: Array<{ name: string; role: CouncilRole }>;
}

const COUNCILS: CouncilPlan[] = [
  {
    key: 'q',
    communityId: DEMO.communityId,
    members: [
      { name: '陈建华', role: 'CHAIR' },
      { name: '王秀英', role: 'PARTY_REPRESENTATIVE' },
      ...['刘国强', '杨丽', '赵志明', '黄美玲', '周建军', '吴淑芬', '徐海涛'].map((name) => ({ name, role: 'MEMBER' as const })),
    ],
  },
  {
    key: 'xingfu',
    communityId: XINGFU,
    members: [
      { name: '马德胜', role: 'CHAIR' },
      { name: '胡春兰', role: 'PARTY_REPRESENTATIVE' },
      ...['郭振华', '林小燕', '何明', '罗桂芳', '梁勇'].map((name) => ({ name, role: 'MEMBER' as const })),
    ],
  },
];

/** A project of a round and what happens to it: its supports, the council's vote, progress reports and acceptance. */
interface ProjectPlan {
  title: string;
  kind: MicroProjectKind;
  description: string;
  cost: string;
  supports: number;
  vote?: { for: number; against: number; abstain: number; recused?: number[] };
  /** Percent done and total spent, reported in turn. */
  reports?: Array<[number, string]>;
  accepted?: boolean;
}

interface RoundPlan {
  key: string;
  council: CouncilPlan;
  households: string[];
  title: string;
  budget: string;
  /** Days from now (negative: past) when it was opened, proposals closed, supports closed, and it was resolved. */
  openedDay: number;
  proposalsDay: number;
  supportsDay: number;
  resolvedDay?: number;
  /** How many members (the first ones) were present at the resolution. */
  present?: number;
  projects: ProjectPlan[];
}

const [Q_COUNCIL, XINGFU_COUNCIL] = COUNCILS as [CouncilPlan, CouncilPlan];

/**
 * Q社区's council with a round in each phase across two communities: last year's round closed (every funded project
 * accepted or dropped), this year's publicised with funded, not funded and rejected projects under way, a second
 * batch taking supports; 幸福社区's round waiting for its resolution and a new one collecting proposals.
 */
const ROUNDS: RoundPlan[] = [
  {
    key: 'q:2025',
    council: Q_COUNCIL,
    households: Q_HOUSEHOLDS,
    title: '2025年Q社区民生微实事',
    budget: '400000.00',
    openedDay: -360,
    proposalsDay: -340,
    supportsDay: -330,
    resolvedDay: -325,
    present: 8,
    projects: [
      { title: '楼道照明改造', kind: 'WORKS', description: 'A小区、B小区楼道更换声控节能灯', cost: '120000.00', supports: 14, vote: { for: 8, against: 0, abstain: 0 }, reports: [[50, '60000.00'], [100, '116500.00']], accepted: true },
      { title: '老年助餐服务', kind: 'SERVICE', description: '为80岁以上老人提供午餐配送', cost: '90000.00', supports: 12, vote: { for: 7, against: 1, abstain: 0 }, reports: [[100, '90000.00']], accepted: true },
      { title: '小区健身器材', kind: 'GOODS', description: 'B小区中心花园添置健身器材', cost: '60000.00', supports: 8, vote: { for: 6, against: 1, abstain: 1 }, reports: [[30, '12000.00']], accepted: false },
      { title: '宠物活动区', kind: 'WORKS', description: '划出宠物活动区并加装围栏', cost: '80000.00', supports: 3, vote: { for: 3, against: 4, abstain: 1 } },
    ],
  },
  {
    key: 'q:2026',
    council: Q_COUNCIL,
    households: Q_HOUSEHOLDS,
    title: '2026年Q社区民生微实事',
    budget: '500000.00',
    openedDay: -40,
    proposalsDay: -30,
    supportsDay: -20,
    resolvedDay: -15,
    present: 7,
    projects: [
      { title: 'A小区加装楼梯扶手及防滑条', kind: 'WORKS', description: 'A小区1栋至3栋楼梯加装扶手、台阶贴防滑条', cost: '180000.00', supports: 9, vote: { for: 7, against: 0, abstain: 0 }, reports: [[60, '100000.00']] },
      { title: 'B小区雨污管网疏通', kind: 'WORKS', description: '疏通B小区雨污管网,更换破损井盖', cost: '150000.00', supports: 6, vote: { for: 7, against: 0, abstain: 0 }, reports: [[100, '148000.00']], accepted: true },
      { title: '独居老人上门探访服务', kind: 'SERVICE', description: '社工每周上门探访独居老人', cost: '80000.00', supports: 8, vote: { for: 6, against: 0, abstain: 1 }, reports: [[20, '15000.00']] },
      { title: '社区图书角', kind: 'GOODS', description: '党群服务中心设图书角,购置图书和书架', cost: '120000.00', supports: 4, vote: { for: 6, against: 1, abstain: 0 } },
      { title: '儿童课后托管', kind: 'SERVICE', description: '双职工家庭子女课后托管', cost: '60000.00', supports: 5, vote: { for: 5, against: 1, abstain: 0, recused: [4] } },
      { title: '电动车集中充电桩', kind: 'WORKS', description: 'B小区建电动车集中充电棚', cost: '200000.00', supports: 3, vote: { for: 4, against: 2, abstain: 1 } },
    ],
  },
  {
    key: 'q:2026:second',
    council: Q_COUNCIL,
    households: Q_HOUSEHOLDS.slice().reverse(),
    title: '2026年Q社区民生微实事(第二批)',
    budget: '200000.00',
    openedDay: -10,
    proposalsDay: -2,
    supportsDay: 5,
    projects: [
      { title: '冬季楼道保温门帘', kind: 'GOODS', description: 'A小区各单元门加装保温门帘', cost: '30000.00', supports: 6 },
      { title: '心理咨询进社区', kind: 'SERVICE', description: '每月两次心理咨询师驻点', cost: '45000.00', supports: 3 },
      { title: '垃圾分类亭改造', kind: 'WORKS', description: 'B小区垃圾分类亭加装洗手池和顶棚', cost: '95000.00', supports: 4 },
    ],
  },
  {
    key: 'xingfu:2026',
    council: XINGFU_COUNCIL,
    households: XINGFU_HOUSEHOLDS,
    title: '2026年幸福社区民生微实事',
    budget: '300000.00',
    openedDay: -30,
    proposalsDay: -15,
    supportsDay: -1,
    projects: [
      { title: '和谐家园外墙修缮', kind: 'WORKS', description: '修补1栋外墙脱落瓷砖', cost: '160000.00', supports: 7 },
      { title: '老年大学兴趣班', kind: 'SERVICE', description: '书法、合唱兴趣班', cost: '40000.00', supports: 5 },
    ],
  },
  {
    key: 'xingfu:2027',
    council: XINGFU_COUNCIL,
    households: XINGFU_HOUSEHOLDS,
    title: '2027年幸福社区民生微实事征集',
    budget: '300000.00',
    openedDay: -3,
    proposalsDay: 10,
    supportsDay: 20,
    projects: [
      { title: '增设休闲座椅', kind: 'GOODS', description: '小区步道增设10张休闲座椅', cost: '15000.00', supports: 0 },
      { title: '楼顶防水', kind: 'WORKS', description: '1栋楼顶防水层翻新', cost: '85000.00', supports: 0 },
    ],
  },
];

/** Runs one round through the rules real ones follow, at the times of its plan; steps later than now are left for time to bring. */
async function runRound(repo: CouncilRepository, plan: RoundPlan, memberIds: string[], now: Date) {
  const day = (n: number) => new Date(now.getTime() + n * DAY);
  const roundId = demoId(`round:${plan.key}`);
  const openedAt = day(plan.openedDay);
  assertRoundWindows(day(plan.proposalsDay), day(plan.supportsDay), openedAt);
  await repo.openRound({
    id: roundId,
    councilId: demoId(`council:${plan.council.key}`),
    communityId: plan.council.communityId,
    year: Number(shanghaiDate(openedAt).slice(0, 4)),
    title: plan.title,
    budget: parseMoney(plan.budget),
    proposalsUntil: day(plan.proposalsDay),
    supportsUntil: day(plan.supportsDay),
    openedBy: 'demo-community-staff',
    openedAt,
  });
  const projectIds: string[] = [];
  for (const [i, project] of plan.projects.entries()) {
    const cost = parseMoney(project.cost);
    assertWithinCap(project.kind, cost);
    const id = demoId(`project:${plan.key}:${i}`);
    const proposedAt = new Date(Math.min(openedAt.getTime() + (i + 1) * 3_600_000, now.getTime()));
    const householdId = plan.households[(i * 5) % plan.households.length]!;
    await repo.propose({ id, roundId, title: project.title, kind: project.kind, description: project.description, estimatedCost: cost, householdId, proposedBy: `resident:${householdId}`, proposedAt });
    projectIds.push(id);
  }
  const supportingFrom = day(plan.proposalsDay).getTime();
  if (supportingFrom > now.getTime()) return;
  // Households support in turn, none more than three projects of the round.
  let next = 0;
  for (const [i, project] of plan.projects.entries()) {
    for (let s = 0; s < project.supports; s += 1) {
      const householdId = plan.households[next % plan.households.length]!;
      next += 1;
      const at = new Date(Math.min(supportingFrom + (next % 50) * 3_600_000, now.getTime() - 1));
      await repo.support({ projectId: projectIds[i]!, householdId, submittedBy: `resident:${householdId}`, idempotencyKey: `demo-support:${projectIds[i]}`, now: at });
    }
  }
  if (plan.resolvedDay === undefined || day(plan.resolvedDay).getTime() > now.getTime()) return;
  const resolvedAt = day(plan.resolvedDay);
  await repo.resolve(
    roundId,
    {
      membersPresent: memberIds.slice(0, plan.present),
      votes: plan.projects.map((project, i) => ({
        projectId: projectIds[i]!,
        for: project.vote!.for,
        against: project.vote!.against,
        abstain: project.vote!.abstain,
        recused: (project.vote!.recused ?? []).map((member) => memberIds[member]!),
      })),
    },
    'demo-community-staff',
    resolvedAt,
  );
  for (const [i, project] of plan.projects.entries()) {
    const [row] = await repo.projectsByIds([projectIds[i]!]);
    if (!row?.funded) continue;
    for (const [r, [percentDone, spent]] of (project.reports ?? []).entries()) {
      const at = new Date(Math.min(resolvedAt.getTime() + (r + 1) * 7 * DAY + i * 3_600_000, now.getTime() - 2 * 3_600_000));
      await repo.reportProgress({ id: demoId(`report:${row.id}:${r}`), projectId: row.id, percentDone, note: percentDone === 100 ? '已完工' : `完成${percentDone}%`, spent: parseMoney(spent), reportedBy: 'demo-community-staff', now: at });
    }
    if (project.accepted !== undefined) {
      const at = new Date(Math.min(resolvedAt.getTime() + 30 * DAY + i * 3_600_000, now.getTime() - 3_600_000 + i * 60_000));
      await repo.accept({ projectId: row.id, accepted: project.accepted, note: project.accepted ? '居民议事会验收合格' : '居民议事会决定终止,余款退回', now: at });
    }
  }
}

/**
 * The demo's residents' councils (居民议事会), into a database without any (one in use is left alone): Q社区's and
 * 幸福社区's, and their rounds of small livelihood projects in every phase, through the repository and rules the
 * mutations use, with stable ids.
 */
export async function loadCouncilDemo(db: Database<SelforgTables>, clock: Clock): Promise<void> {
  await seedWhenEmpty(db, residentsCouncils, async (tx) => {
    const repo = new CouncilRepository(demoTransaction(tx));
    const now = clock.now();
    const members = new Map<string, string[]>();
    for (const council of COUNCILS) {
      const ids = council.members.map((member) => demoId(`council-member:${council.key}:${member.name}`));
      await repo.registerCouncil(
        { id: demoId(`council:${council.key}`), communityId: council.communityId, registeredBy: 'demo-community-staff', registeredAt: new Date(now.getTime() - 400 * DAY) },
        council.members.map((member, i) => ({ ...member, id: ids[i]!, householdId: null })),
      );
      members.set(council.key, ids);
    }
    for (const plan of ROUNDS) await runRound(repo, plan, members.get(plan.council.key)!, now);
  });
}
