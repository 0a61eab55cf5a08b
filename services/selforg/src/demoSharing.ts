import { DEMO, demoId, demoIds, demoTransaction, seedWhenEmpty, type Clock, type Database } from '@cgov/shared';
import { listings, type ListingKind, type ListingType, type SelforgTables } from './db/schema.js';
import { assertListingWindow, creditMinutes, expiresAt } from './domain/sharingRules.js';
import { SharingRepository, type Actor } from './repositories/sharing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const Q = DEMO.communityId;
const A = demoIds.compound(Q, 'A小区');
const B = demoIds.compound(Q, 'B小区');
const PLACES = {
  a1: { compoundId: A, buildingId: demoIds.building(A, '1栋'), label: 'A小区 1栋' },
  b1: { compoundId: B, buildingId: demoIds.building(B, '1号楼'), label: 'B小区 1号楼' },
  b2: { compoundId: B, buildingId: demoIds.building(B, '2号楼'), label: 'B小区 2号楼' },
};
type PlaceKey = keyof typeof PLACES;
const household = (place: PlaceKey, room: string) => demoIds.household(PLACES[place].buildingId, room);
const resident = (householdId: string): Omit<Actor, 'householdId'> => ({ sub: `resident:${householdId}`, role: 'RESIDENT' });
/** 刘芳, the worker of A小区1栋's micro-grid, posts and acts for an elderly neighbour without a phone. */
const GRID_WORKER = { sub: `grid-worker:${demoIds.gridWorker(Q, 'a1-lead')}`, role: 'GRID_WORKER' };

/** 李阿姨, 73, a retired party member of B小区 verified by the community's staff, repairs for elderly neighbours living alone (the seed's case). */
const LI_AYI = household('b1', '302');

interface ListingPlan {
  key: string;
  place: PlaceKey;
  room: string;
  kind: ListingKind;
  type: ListingType;
  title: string;
  description: string;
  /** Days from now (negative: past) it was posted, and its window. */
  postedDay: number;
  fromDay: number;
  toDay: number;
  verifiedOnly?: boolean;
  contactName?: string;
  contactPhone?: string;
  /** Who posted it, when not the household itself. */
  assistedBy?: typeof GRID_WORKER;
}

const LISTINGS: ListingPlan[] = [
  { key: 'li-repair-1', place: 'b1', room: '302', kind: 'OFFER', type: 'SKILL', title: '义务维修水电', description: '退休电工,为独居老人义务维修水龙头、灯具、插座', postedDay: -8, fromDay: -8, toDay: 6, contactName: '李阿姨', contactPhone: '13600006001' },
  { key: 'a1-201-tap', place: 'a1', room: '201', kind: 'NEED', type: 'SKILL', title: '厨房水龙头漏水', description: '独居老人,水龙头关不紧,请人上门修理', postedDay: -6, fromDay: -6, toDay: 4, verifiedOnly: true, contactName: '刘芳(网格员代发)', contactPhone: '13700003004', assistedBy: GRID_WORKER },
  { key: 'li-repair-2', place: 'b1', room: '302', kind: 'OFFER', type: 'SKILL', title: '上门换灯泡、修插座', description: '独居老人优先,材料自备', postedDay: -5, fromDay: -5, toDay: 7, contactName: '李阿姨', contactPhone: '13600006001' },
  { key: 'b1-101-light', place: 'b1', room: '101', kind: 'NEED', type: 'SKILL', title: '卫生间灯不亮', description: '行动不便,需要人帮忙换灯', postedDay: -4, fromDay: -4, toDay: 3, contactName: '赵大爷', contactPhone: '13600006002' },
  { key: 'a1-702-wheelchair', place: 'a1', room: '702', kind: 'NEED', type: 'GOODS', title: '借轮椅两周', description: '家中老人出院,需借用轮椅', postedDay: -3, fromDay: -3, toDay: 11 },
  { key: 'b1-502-wheelchair', place: 'b1', room: '502', kind: 'OFFER', type: 'GOODS', title: '闲置轮椅出借', description: '九成新轮椅,可借用一个月', postedDay: -3.5, fromDay: -3.5, toDay: 20 },
  { key: 'a1-1002-taichi', place: 'a1', room: '1002', kind: 'OFFER', type: 'ACTIVITY', title: '太极拳晨练带练', description: '每天早上7点中心花园,欢迎邻居一起练', postedDay: -1, fromDay: 0, toDay: 12 },
  { key: 'b1-401-math', place: 'b1', room: '401', kind: 'NEED', type: 'SKILL', title: '辅导初二数学', description: '孩子周末需要数学辅导', postedDay: -2, fromDay: -2, toDay: 10 },
  { key: 'a1-1501-math', place: 'a1', room: '1501', kind: 'OFFER', type: 'SKILL', title: '初中数学辅导', description: '退休教师,周末可辅导', postedDay: -1.5, fromDay: -1.5, toDay: 12 },
  { key: 'a1-1201-room', place: 'a1', room: '1201', kind: 'NEED', type: 'SPACE', title: '借用场地办寿宴', description: '下周六中午,约20人', postedDay: -1, fromDay: 3, toDay: 6 },
  { key: 'b2-101-garage', place: 'b2', room: '101', kind: 'OFFER', type: 'SPACE', title: '车库空位出借', description: '白天空闲,可停电动车或放杂物', postedDay: -2, fromDay: -2, toDay: 12 },
  { key: 'li-repair-3', place: 'b1', room: '302', kind: 'OFFER', type: 'SKILL', title: '义务维修水电(独居老人优先)', description: '每周二、四下午上门', postedDay: -1, fromDay: -1, toDay: 12, contactName: '李阿姨', contactPhone: '13600006001' },
];

/** A match and how far it went: accepted hours after it was proposed, completed days after, with hours of credit. */
interface MatchPlan {
  key: string;
  need: string;
  offer: string;
  /** The side that proposes; the other accepts. */
  proposedBy: 'need' | 'offer';
  proposedDay: number;
  acceptedDay?: number;
  completedDay?: number;
  hours?: number;
}

const MATCHES: MatchPlan[] = [
  { key: 'tap', need: 'a1-201-tap', offer: 'li-repair-1', proposedBy: 'offer', proposedDay: -5.9, acceptedDay: -5.8, completedDay: -5, hours: 2 },
  { key: 'light', need: 'b1-101-light', offer: 'li-repair-2', proposedBy: 'need', proposedDay: -3.9, acceptedDay: -3.8, completedDay: -3, hours: 1 },
  { key: 'wheelchair', need: 'a1-702-wheelchair', offer: 'b1-502-wheelchair', proposedBy: 'need', proposedDay: -2.9, acceptedDay: -2.5, completedDay: -2 },
  { key: 'math', need: 'b1-401-math', offer: 'a1-1501-math', proposedBy: 'offer', proposedDay: -0.5 },
];

/**
 * Q社区's shared community (共享社区), into a database without listings (one in use is left alone): needs and offers in
 * A小区 and B小区, 李阿姨 verified and repairing for elderly neighbours, one need posted by a grid worker for an elderly
 * neighbour without a phone, matches completed (credits moved), one proposed, and open listings — through the
 * repository and rules the mutations use, with stable ids.
 */
export async function loadSharingDemo(db: Database<SelforgTables>, clock: Clock): Promise<void> {
  await seedWhenEmpty(db, listings, async (tx) => {
    const repo = new SharingRepository(demoTransaction(tx));
    const now = clock.now().getTime();
    const day = (d: number) => new Date(Math.floor((now + d * DAY) / 60_000) * 60_000);
    await repo.verify({ householdId: LI_AYI, communityId: Q, verifiedBy: 'demo-community-staff', verifiedAt: day(-60) });
    const byKey = new Map<string, { id: string; householdId: string }>();
    for (const plan of LISTINGS) {
      const householdId = household(plan.place, plan.room);
      const postedAt = day(plan.postedDay);
      assertListingWindow(day(plan.fromDay), day(plan.toDay), postedAt);
      const poster = plan.assistedBy ?? resident(householdId);
      const { listing } = await repo.post({
        id: demoId(`listing:q:${plan.key}`),
        householdId,
        communityId: Q,
        compoundId: PLACES[plan.place].compoundId,
        address: `${PLACES[plan.place].label} ${plan.room}`,
        kind: plan.kind,
        type: plan.type,
        title: plan.title,
        description: plan.description,
        availableFrom: day(plan.fromDay),
        availableTo: day(plan.toDay),
        verifiedOnly: plan.verifiedOnly ?? false,
        contactName: plan.contactName ?? null,
        contactPhone: plan.contactPhone ?? null,
        postedAt,
        expiresAt: expiresAt(postedAt, day(plan.toDay)),
        postedBy: poster.sub,
        postedByRole: poster.role,
        idempotencyKey: `demo:${plan.key}`,
      });
      byKey.set(plan.key, { id: listing.id, householdId });
    }
    const actorFor = (key: string): Actor => {
      const listing = byKey.get(key)!;
      const plan = LISTINGS.find((candidate) => candidate.key === key)!;
      return { ...(plan.assistedBy ?? resident(listing.householdId)), householdId: listing.householdId };
    };
    for (const plan of MATCHES) {
      const [proposer, accepter] = plan.proposedBy === 'need' ? [plan.need, plan.offer] : [plan.offer, plan.need];
      const id = demoId(`match:q:${plan.key}`);
      await repo.propose(byKey.get(plan.need)!.id, byKey.get(plan.offer)!.id, actorFor(proposer), day(plan.proposedDay), id);
      if (plan.acceptedDay === undefined) continue;
      await repo.accept(id, actorFor(accepter), day(plan.acceptedDay));
      if (plan.completedDay === undefined) continue;
      const type = LISTINGS.find((candidate) => candidate.key === plan.need)!.type;
      await repo.complete(id, creditMinutes(type, plan.hours), actorFor(plan.need), day(plan.completedDay));
    }
  });
}
