import { createHash } from 'node:crypto';
import {
  askService,
  assertRegionId,
  badInput,
  boundedInt,
  conflict,
  forbidden,
  notFound,
  optionalText,
  requiredText,
  Role,
  type Fen,
} from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { GroupBuyCategory, GroupBuyRow, GroupBuyStatus } from '../db/schema.js';
import { isCommitteeOf } from '../domain/access.js';
import { assertAchievable, type JoinLine } from '../domain/groupBuys.js';

interface RegisterGroupBuyInput {
  compoundId: string;
  title: string;
  category: GroupBuyCategory;
  organizer: string;
  items: Array<{ name: string; unit: string; unitPrice: Fen; stock?: number | null }>;
  minParticipants: number;
  perHouseholdLimit?: number | null;
  deadline: Date;
  pickupAt: Date;
  pickupPoint: string;
  volunteers?: string[] | null;
}

/** Refuses unless the viewer is the owners' committee of the group buy's compound. */
function committeeOnly(ctx: SelforgContext, action: string) {
  return (groupBuy: GroupBuyRow) => {
    if (!isCommitteeOf(ctx.viewer, groupBuy.compoundId)) {
      throw forbidden(`Only the owners' committee of this group buy's compound may ${action}.`);
    }
  };
}

export const Mutation = {
  async registerOwnerCommittee(
    _: unknown,
    { input }: { input: { communityId: string; compoundId: string; name: string; members: Array<{ name: string; role: string; phone?: string | null }> } },
    ctx: SelforgContext,
  ) {
    assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
    if (ctx.viewer.role !== Role.COMMUNITY_STAFF || ctx.viewer.scope !== input.communityId) {
      throw forbidden(`Owners' committees are registered by the staff of community ${input.communityId}.`);
    }
    if (!input.members.length || input.members.length > 30) throw badInput('A committee has from 1 to 30 members.', 'members');
    const members = input.members.map((member, i) => ({
      name: requiredText(member.name, `members[${i}].name`, 50),
      role: requiredText(member.role, `members[${i}].role`, 50),
      phone: optionalText(member.phone, `members[${i}].phone`, 20),
    }));
    const compound = await askService('community', 'The compound cannot be checked', () =>
      ctx.community.compound(input.compoundId, input.communityId.slice(0, 4)),
    );
    if (!compound) throw notFound(`There is no compound with id ${input.compoundId}.`);
    if (compound.communityId !== input.communityId) {
      throw badInput(`Compound ${compound.name} belongs to community ${compound.communityId}, not ${input.communityId}.`, 'compoundId');
    }
    return ctx.committees.register(
      { compoundId: compound.id, communityId: compound.communityId, name: requiredText(input.name, 'name'), registeredBy: ctx.viewer.sub, registeredAt: ctx.clock.now() },
      members,
    );
  },

  async registerGroupBuy(_: unknown, { input }: { input: RegisterGroupBuyInput }, ctx: SelforgContext) {
    if (!isCommitteeOf(ctx.viewer, input.compoundId)) throw forbidden("Group buys are registered by the compound's own owners' committee.");
    const committee = await ctx.loaders.committeeOfCompound.load(input.compoundId);
    if (!committee) throw conflict("This compound has no registered owners' committee yet; the community's staff register it first.");
    const now = ctx.clock.now();
    if (!input.items.length || input.items.length > 50) throw badInput('A group buy offers from 1 to 50 items.', 'items');
    const items = input.items.map((item, i) => {
      if (item.unitPrice <= 0) throw badInput(`items[${i}].unitPrice must be more than 0.00.`, 'items');
      return {
        name: requiredText(item.name, `items[${i}].name`),
        unit: requiredText(item.unit, `items[${i}].unit`, 20),
        unitPrice: item.unitPrice,
        stock: item.stock == null ? null : boundedInt(item.stock, `items[${i}].stock`, 1, 1_000_000),
      };
    });
    const minParticipants = boundedInt(input.minParticipants, 'minParticipants', 1, 10_000);
    assertAchievable({ deadline: input.deadline, pickupAt: input.pickupAt, minParticipants, items }, now);
    const volunteers = (input.volunteers ?? []).map((name, i) => requiredText(name, `volunteers[${i}]`, 50));
    if (volunteers.length > 20) throw badInput('At most 20 volunteers.', 'volunteers');
    return ctx.groupBuys.register(
      {
        committeeId: committee.id,
        compoundId: committee.compoundId,
        communityId: committee.communityId,
        title: requiredText(input.title, 'title'),
        category: input.category,
        organizer: requiredText(input.organizer, 'organizer', 50),
        minParticipants,
        perHouseholdLimit: input.perHouseholdLimit == null ? null : boundedInt(input.perHouseholdLimit, 'perHouseholdLimit', 1, 10_000),
        deadline: input.deadline,
        pickupAt: input.pickupAt,
        pickupPoint: requiredText(input.pickupPoint, 'pickupPoint'),
        volunteers,
        createdBy: ctx.viewer.sub,
        createdAt: now,
      },
      items,
    );
  },

  async joinGroupBuy(
    _: unknown,
    { input }: { input: { groupBuyId: string; householdId: string; idempotencyKey: string; lines: JoinLine[] } },
    ctx: SelforgContext,
  ) {
    if (ctx.viewer.role !== Role.RESIDENT || ctx.viewer.scope !== input.householdId) {
      throw forbidden('A resident joins a group buy for its own household, with its own RESIDENT token.');
    }
    const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([input.groupBuyId, input.householdId, input.lines.map((line) => [line.itemId, line.quantity])]))
      .digest('hex');
    // A key seen before answers as it did the first time (even after the deadline), or is a CONFLICT.
    const earlier = await ctx.groupBuys.replayJoin(ctx.viewer.sub, idempotencyKey, fingerprint);
    if (earlier) return earlier;
    const groupBuy = await ctx.loaders.groupBuyById.load(input.groupBuyId);
    if (!groupBuy) throw notFound(`There is no group buy with id ${input.groupBuyId}.`);
    const place = await askService('community', 'Your household cannot be checked', () =>
      ctx.community.householdPlace(input.householdId, groupBuy.communityId.slice(0, 4)),
    );
    if (!place || place.compoundId !== groupBuy.compoundId) {
      throw forbidden("Only residents of this group buy's compound may join it.");
    }
    const { participation } = await ctx.groupBuys.join({
      groupBuyId: groupBuy.id,
      householdId: input.householdId,
      householdLabel: place.label,
      submittedBy: ctx.viewer.sub,
      idempotencyKey,
      fingerprint,
      lines: input.lines,
      now: ctx.clock.now(),
    });
    return participation;
  },

  closeGroupBuy: (_: unknown, { id }: { id: string }, ctx: SelforgContext) =>
    ctx.groupBuys.close(id, ctx.viewer.sub, ctx.clock.now(), committeeOnly(ctx, 'close it')),

  advanceGroupBuy: (_: unknown, { id, to }: { id: string; to: GroupBuyStatus }, ctx: SelforgContext) =>
    ctx.groupBuys.advance(id, to, committeeOnly(ctx, 'advance it')),

  markPickedUp: (_: unknown, { participationId }: { participationId: string }, ctx: SelforgContext) =>
    ctx.groupBuys.markPickedUp(participationId, ctx.viewer.sub, ctx.clock.now(), committeeOnly(ctx, 'mark pickups')),
};
