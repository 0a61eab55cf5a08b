import {
  addDays,
  DEMO,
  demoId,
  demoIds,
  demoTransaction,
  seedWhenEmpty,
  shanghaiInstant,
  today,
  type Clock,
  type Database,
  type Fen,
} from '@cgov/shared';
import { ownerCommittees, type GroupBuyCategory, type SelforgTables } from './db/schema.js';
import { loadCouncilDemo } from './demoCouncils.js';
import { loadSharingDemo } from './demoSharing.js';
import { assertAchievable } from './domain/groupBuys.js';
import { GroupBuyRepository } from './repositories/groupBuys.js';
import { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';

const B = demoIds.compound(DEMO.communityId, 'B小区');
const B1 = demoIds.building(B, '1号楼');
export const DEMO_COMMITTEE_ID = demoId('owner-committee:B');
export const DEMO_FRUIT_ID = demoId('group-buy:fruit');
export const DEMO_SEAFOOD_ID = demoId('group-buy:seafood');

/** The neighbours' compound (the community demo's 和谐家园, one building of 6 floors, 2 doors a floor). */
const neighbour = (communityId: string) => {
  const compoundId = demoIds.compound(communityId, '和谐家园');
  return { communityId, compoundId, buildingId: demoIds.building(compoundId, '1栋'), label: '和谐家园 1栋' };
};
const XINGFU = neighbour('420102001002');
const JIANSHE = neighbour('420103001001');

/** The owners' committees of the demo: B小区's, as in the case, and two neighbours' in other streets. */
const COMMITTEES = [
  {
    id: DEMO_COMMITTEE_ID,
    communityId: DEMO.communityId,
    compoundId: B,
    name: 'B小区业主委员会',
    members: [
      { name: '刘建国', role: '主任', phone: '13700003001' },
      { name: '黄丽华', role: '采购(有水果批发渠道)', phone: '13700003002' },
      { name: '周涛', role: '志愿者', phone: '13700003003' },
    ],
  },
  {
    id: demoId('owner-committee:xingfu'),
    communityId: XINGFU.communityId,
    compoundId: XINGFU.compoundId,
    name: '幸福社区和谐家园业主委员会',
    members: [
      { name: '马立新', role: '主任', phone: '13700004001' },
      { name: '胡晓梅', role: '采购', phone: '13700004002' },
    ],
  },
  {
    id: demoId('owner-committee:jianshe'),
    communityId: JIANSHE.communityId,
    compoundId: JIANSHE.compoundId,
    name: '建设社区和谐家园业主委员会',
    members: [
      { name: '罗永军', role: '主任', phone: '13700005001' },
      { name: '林芳', role: '志愿者', phone: '13700005002' },
    ],
  },
];

interface GroupBuyPlan {
  id: string;
  committee: (typeof COMMITTEES)[number];
  buildingId: string;
  label: string;
  title: string;
  category: GroupBuyCategory;
  organizer: string;
  minParticipants: number;
  perHouseholdLimit: number;
  createdAt: Date;
  deadline: Date;
  pickupAt: Date;
  pickupPoint: string;
  volunteers: string[];
  items: Array<{ name: string; unit: string; unitPrice: Fen; stock: number | null }>;
  /** The rooms that join, in turn. */
  joins: string[];
}

/**
 * The group buys: B小区's seafood of the lockdown (completed) and fruit open until tomorrow evening, as in the
 * case; 幸福社区's rice and oil of last week (completed) and eggs open until the day after tomorrow; 建设社区's
 * milk of last week, which too few households joined (cancelled), and its vegetables open until tomorrow.
 */
function plans(clock: Clock): GroupBuyPlan[] {
  const day = today(clock);
  const tomorrow = addDays(day, 1);
  const now = clock.now();
  const yesterdayEvening = (deadline: Date) => new Date(Math.min(deadline.getTime() - 2 * 86_400_000, now.getTime() - 86_400_000));
  const [b, xingfu, jianshe] = COMMITTEES as [GroupBuyPlan['committee'], GroupBuyPlan['committee'], GroupBuyPlan['committee']];
  const fruitDeadline = shanghaiInstant(tomorrow, 18);
  return [
    {
      id: DEMO_SEAFOOD_ID,
      committee: b,
      buildingId: B1,
      label: 'B小区 1号楼',
      title: '海鲜团购(鲜虾、鲈鱼)',
      category: 'SEAFOOD',
      organizer: '黄丽华',
      minParticipants: 5,
      perHouseholdLimit: 4,
      createdAt: new Date('2020-02-19T20:00:00+08:00'),
      deadline: new Date('2020-02-21T20:00:00+08:00'),
      pickupAt: new Date('2020-02-22T15:00:00+08:00'),
      pickupPoint: 'B小区东门',
      volunteers: ['周涛', '吴敏'],
      items: [
        { name: '鲜虾', unit: '斤', unitPrice: 4500, stock: 40 },
        { name: '鲈鱼', unit: '条(约1.5斤)', unitPrice: 3800, stock: 30 },
      ],
      joins: ['101', '102', '201', '301', '302', '401', '502'],
    },
    {
      id: DEMO_FRUIT_ID,
      committee: b,
      buildingId: B1,
      label: 'B小区 1号楼',
      title: '砂糖橘、苹果团购',
      category: 'FRUIT',
      organizer: '黄丽华',
      minParticipants: 6,
      perHouseholdLimit: 3,
      createdAt: yesterdayEvening(fruitDeadline),
      deadline: fruitDeadline,
      pickupAt: shanghaiInstant(addDays(tomorrow, 1), 15),
      pickupPoint: 'B小区东门',
      volunteers: ['周涛', '吴敏'],
      items: [
        { name: '砂糖橘', unit: '箱(5斤)', unitPrice: 3500, stock: 20 },
        { name: '红富士苹果', unit: '箱(10斤)', unitPrice: 6800, stock: 12 },
      ],
      joins: ['101', '202', '301', '402'],
    },
    {
      id: demoId('group-buy:xingfu:rice'),
      committee: xingfu,
      buildingId: XINGFU.buildingId,
      label: XINGFU.label,
      title: '东北大米、菜籽油团购',
      category: 'GRAIN_OIL',
      organizer: '胡晓梅',
      minParticipants: 4,
      perHouseholdLimit: 2,
      createdAt: shanghaiInstant(addDays(day, -8), 9),
      deadline: shanghaiInstant(addDays(day, -6), 20),
      pickupAt: shanghaiInstant(addDays(day, -5), 10),
      pickupPoint: '和谐家园物业门口',
      volunteers: ['马立新'],
      items: [
        { name: '东北大米', unit: '袋(10斤)', unitPrice: 4800, stock: 15 },
        { name: '菜籽油', unit: '桶(5升)', unitPrice: 6900, stock: 10 },
      ],
      joins: ['101', '202', '301', '302', '401', '601'],
    },
    {
      id: demoId('group-buy:xingfu:eggs'),
      committee: xingfu,
      buildingId: XINGFU.buildingId,
      label: XINGFU.label,
      title: '土鸡蛋团购',
      category: 'OTHER',
      organizer: '胡晓梅',
      minParticipants: 5,
      perHouseholdLimit: 2,
      createdAt: new Date(now.getTime() - 20 * 3_600_000),
      deadline: shanghaiInstant(addDays(day, 2), 18),
      pickupAt: shanghaiInstant(addDays(day, 3), 10),
      pickupPoint: '和谐家园物业门口',
      volunteers: ['马立新'],
      items: [{ name: '土鸡蛋', unit: '盒(30枚)', unitPrice: 3600, stock: 25 }],
      joins: ['102', '201', '402'],
    },
    {
      id: demoId('group-buy:jianshe:milk'),
      committee: jianshe,
      buildingId: JIANSHE.buildingId,
      label: JIANSHE.label,
      title: '鲜牛奶团购',
      category: 'OTHER',
      organizer: '罗永军',
      minParticipants: 6,
      perHouseholdLimit: 4,
      createdAt: shanghaiInstant(addDays(day, -10), 9),
      deadline: shanghaiInstant(addDays(day, -9), 20),
      pickupAt: shanghaiInstant(addDays(day, -8), 10),
      pickupPoint: '和谐家园南门',
      volunteers: ['林芳'],
      items: [{ name: '鲜牛奶', unit: '箱(12盒)', unitPrice: 5400, stock: null }],
      joins: ['101', '301', '501'],
    },
    {
      id: demoId('group-buy:jianshe:vegetables'),
      committee: jianshe,
      buildingId: JIANSHE.buildingId,
      label: JIANSHE.label,
      title: '时令蔬菜团购',
      category: 'VEGETABLE',
      organizer: '罗永军',
      minParticipants: 3,
      perHouseholdLimit: 3,
      createdAt: new Date(now.getTime() - 26 * 3_600_000),
      deadline: shanghaiInstant(tomorrow, 12),
      pickupAt: shanghaiInstant(tomorrow, 17),
      pickupPoint: '和谐家园南门',
      volunteers: ['林芳'],
      items: [
        { name: '西兰花', unit: '斤', unitPrice: 800, stock: 30 },
        { name: '小青菜', unit: '斤', unitPrice: 500, stock: 40 },
      ],
      joins: ['102', '201', '302', '502'],
    },
  ];
}

/**
 * Runs one group buy through the rules real ones follow: registered (its times and stock checked as
 * registerGroupBuy checks them), joined by households in turn (limits, stock and prices by the repository), closed
 * by the scheduler at its deadline (CONFIRMED or CANCELLED by who joined), and when confirmed distributed and
 * picked up. Steps later than `now` are left for time to bring.
 */
async function runGroupBuy(repo: GroupBuyRepository, plan: GroupBuyPlan, now: Date) {
  assertAchievable(plan, plan.createdAt);
  await repo.register(
    {
      id: plan.id,
      committeeId: plan.committee.id,
      compoundId: plan.committee.compoundId,
      communityId: plan.committee.communityId,
      title: plan.title,
      category: plan.category,
      organizer: plan.organizer,
      minParticipants: plan.minParticipants,
      perHouseholdLimit: plan.perHouseholdLimit,
      deadline: plan.deadline,
      pickupAt: plan.pickupAt,
      pickupPoint: plan.pickupPoint,
      volunteers: plan.volunteers,
      createdBy: 'demo-owner-committee',
      createdAt: plan.createdAt,
    },
    plan.items.map((item, position) => ({ ...item, id: demoId(`${plan.id}:item:${position}`) })),
  );
  const joinUntil = Math.min(now.getTime(), plan.deadline.getTime() - 1);
  const participations = [];
  for (const [i, room] of plan.joins.entries()) {
    const joinedAt = new Date(plan.createdAt.getTime() + (i + 1) * ((joinUntil - plan.createdAt.getTime()) / (plan.joins.length + 1)));
    const item = plan.items[i % plan.items.length]!;
    const { participation } = await repo.join({
      id: demoId(`${plan.id}:participation:${room}`),
      groupBuyId: plan.id,
      householdId: demoIds.household(plan.buildingId, room),
      householdLabel: `${plan.label} ${room}`,
      submittedBy: `resident:${demoIds.household(plan.buildingId, room)}`,
      idempotencyKey: `demo-${plan.id}`,
      fingerprint: 'demo',
      lines: [{ itemId: demoId(`${plan.id}:item:${plan.items.indexOf(item)}`), quantity: Math.min(1 + (i % 2), plan.perHouseholdLimit) }],
      now: new Date(Math.floor(joinedAt.getTime() / 60_000) * 60_000),
    });
    participations.push(participation);
  }
  if (plan.deadline.getTime() > now.getTime()) return;
  const [closed] = (await repo.closeDue(plan.deadline)).filter((groupBuy) => groupBuy.id === plan.id);
  if (closed?.status !== 'CONFIRMED' || plan.pickupAt.getTime() > now.getTime()) return;
  const committeeOnly = () => undefined;
  await repo.advance(plan.id, 'DISTRIBUTING', committeeOnly);
  for (const participation of participations) await repo.markPickedUp(participation.id, 'demo-owner-committee', plan.pickupAt, committeeOnly);
  await repo.advance(plan.id, 'COMPLETED', committeeOnly);
}

/**
 * The demo's self-organisation, into an empty database (a database in use is left alone): three owners'
 * committees in three streets, B小区's as in the case, and their group buys, past and open, registered, joined,
 * closed and distributed through the repositories and rules the mutations use, with stable ids; then the residents'
 * councils and their rounds (demoCouncils.ts) and the shared community's needs and offers (demoSharing.ts).
 */
export async function loadDemoData(db: Database<SelforgTables>, clock: Clock): Promise<void> {
  await seedWhenEmpty(db, ownerCommittees, async (tx) => {
    const committees = new OwnerCommitteeRepository(demoTransaction(tx));
    for (const committee of COMMITTEES) {
      await committees.register(
        {
          id: committee.id,
          compoundId: committee.compoundId,
          communityId: committee.communityId,
          name: committee.name,
          registeredBy: 'demo-community-staff',
          registeredAt: new Date('2020-02-12T10:00:00+08:00'),
        },
        committee.members.map((member) => ({ ...member, id: demoId(`owner-committee-member:${committee.id}:${member.name}`) })),
      );
    }
    const groupBuys = new GroupBuyRepository(demoTransaction(tx));
    for (const plan of plans(clock).sort((a, b) => a.deadline.getTime() - b.deadline.getTime())) await runGroupBuy(groupBuys, plan, clock.now());
  });
  await loadCouncilDemo(db, clock);
  await loadSharingDemo(db, clock);
}
