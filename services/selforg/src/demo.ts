import { addDays, DEMO, demoId, demoIds, seedWhenEmpty, today, type Clock, type Database } from '@cgov/shared';
import {
  groupBuyItems,
  groupBuys,
  ownerCommitteeMembers,
  ownerCommittees,
  participationLines,
  participations,
  type SelforgTables,
} from './db/schema.js';

const B = demoIds.compound(DEMO.communityId, 'B小区');
const B1 = demoIds.building(B, '1号楼');
export const DEMO_COMMITTEE_ID = demoId('owner-committee:B');
export const DEMO_FRUIT_ID = demoId('group-buy:fruit');
export const DEMO_SEAFOOD_ID = demoId('group-buy:seafood');

/**
 * The case's self-organisation in B小区: its owners' committee (an owner with a buying channel, volunteers
 * who share the goods out), a fruit group buy open until tomorrow evening with households already in it,
 * and a seafood group buy of the lockdown, completed.
 */
export async function loadDemoData(db: Database<SelforgTables>, clock: Clock): Promise<void> {
  await seedWhenEmpty(db, ownerCommittees, async (tx) => {
    const registeredAt = new Date('2020-02-12T10:00:00+08:00');
    await tx.insert(ownerCommittees).values({
      id: DEMO_COMMITTEE_ID,
      compoundId: B,
      communityId: DEMO.communityId,
      name: 'B小区业主委员会',
      registeredBy: 'demo-community-staff',
      registeredAt,
    });
    await tx.insert(ownerCommitteeMembers).values([
      { committeeId: DEMO_COMMITTEE_ID, name: '刘建国', role: '主任', phone: '13700003001' },
      { committeeId: DEMO_COMMITTEE_ID, name: '黄丽华', role: '采购(有水果批发渠道)', phone: '13700003002' },
      { committeeId: DEMO_COMMITTEE_ID, name: '周涛', role: '志愿者', phone: '13700003003' },
    ]);

    const tomorrow = addDays(today(clock), 1);
    const plans = [
      {
        id: DEMO_SEAFOOD_ID,
        title: '海鲜团购(鲜虾、鲈鱼)',
        category: 'SEAFOOD' as const,
        organizer: '黄丽华',
        minParticipants: 5,
        perHouseholdLimit: 4,
        deadline: new Date('2020-02-21T20:00:00+08:00'),
        pickupAt: new Date('2020-02-22T15:00:00+08:00'),
        status: 'COMPLETED' as const,
        closedAt: new Date('2020-02-21T20:00:00+08:00'),
        items: [
          { name: '鲜虾', unit: '斤', unitPrice: 4500, stock: 40 },
          { name: '鲈鱼', unit: '条(约1.5斤)', unitPrice: 3800, stock: 30 },
        ],
        joins: ['101', '102', '201', '301', '302', '401', '502'],
      },
      {
        id: DEMO_FRUIT_ID,
        title: '砂糖橘、苹果团购',
        category: 'FRUIT' as const,
        organizer: '黄丽华',
        minParticipants: 6,
        perHouseholdLimit: 3,
        deadline: new Date(`${tomorrow}T18:00:00+08:00`),
        pickupAt: new Date(`${addDays(tomorrow, 1)}T15:00:00+08:00`),
        status: 'OPEN' as const,
        closedAt: null,
        items: [
          { name: '砂糖橘', unit: '箱(5斤)', unitPrice: 3500, stock: 20 },
          { name: '红富士苹果', unit: '箱(10斤)', unitPrice: 6800, stock: 12 },
        ],
        joins: ['101', '202', '301', '402'],
      },
    ];
    for (const plan of plans) {
      await tx.insert(groupBuys).values({
        id: plan.id,
        committeeId: DEMO_COMMITTEE_ID,
        compoundId: B,
        communityId: DEMO.communityId,
        title: plan.title,
        category: plan.category,
        organizer: plan.organizer,
        minParticipants: plan.minParticipants,
        perHouseholdLimit: plan.perHouseholdLimit,
        deadline: plan.deadline,
        pickupAt: plan.pickupAt,
        pickupPoint: 'B小区东门',
        volunteers: ['周涛', '吴敏'],
        status: plan.status,
        createdBy: 'demo-owner-committee',
        createdAt: new Date(plan.deadline.getTime() - 2 * 86_400_000),
        closedBy: plan.closedAt ? 'scheduler' : null,
        closedAt: plan.closedAt,
      });
      const items = plan.items.map((item, position) => ({ ...item, id: demoId(`${plan.id}:item:${position}`), groupBuyId: plan.id, position, sold: 0 }));
      const joins = plan.joins.map((room, i) => {
        const lines = [{ item: items[i % items.length]!, quantity: 1 + (i % 2) }];
        for (const line of lines) line.item.sold += line.quantity;
        return {
          participation: {
            id: demoId(`${plan.id}:participation:${room}`),
            groupBuyId: plan.id,
            householdId: demoIds.household(B1, room),
            householdLabel: `B小区 1号楼 ${room}`,
            submittedBy: `resident:${room}`,
            idempotencyKey: `demo-${plan.id}`,
            fingerprint: 'demo',
            amount: lines.reduce((sum, line) => sum + line.quantity * line.item.unitPrice, 0),
            joinedAt: new Date(plan.deadline.getTime() - 86_400_000),
            pickedUpAt: plan.status === 'COMPLETED' ? plan.pickupAt : null,
            pickedUpBy: plan.status === 'COMPLETED' ? 'demo-owner-committee' : null,
          },
          lines: lines.map((line) => ({ itemId: line.item.id, quantity: line.quantity, unitPrice: line.item.unitPrice })),
        };
      });
      await tx.insert(groupBuyItems).values(items);
      await tx.insert(participations).values(joins.map((join) => join.participation));
      await tx.insert(participationLines).values(joins.flatMap((join) => join.lines.map((line) => ({ ...line, participationId: join.participation.id }))));
    }
  });
}
