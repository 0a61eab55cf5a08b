import { Role } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { GroupBuyItemRow, GroupBuyRow, GroupBuyStatus, OwnerCommitteeRow, ParticipationLineRow, ParticipationRow } from '../db/schema.js';
import { canSeeCompoundDetails } from '../domain/access.js';
import { visibleCommittee, visibleGroupBuy, visibleParticipation } from './visibility.js';

export const Community = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  groupBuys: async ({ id }: { id: string }, { status }: { status?: GroupBuyStatus | null }, ctx: SelforgContext) => {
    if (!(await ctx.canRead({ communityId: id, compoundId: null }))) {
      return ctx.refuse('figure', `The group buys of community ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    }
    return ctx.loaders.groupBuysOfCommunity.load(`${id}|${status ?? ''}`);
  },
};

/** A compound's self-organisation the viewer may not read: one FORBIDDEN a request, null. */
const refuseCompound = (ctx: SelforgContext) =>
  ctx.refuse("compound's self-organisation", `The owners' committee and group buys of that compound are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);

export const Compound = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  ownerCommittee: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
    const committee = await ctx.loaders.committeeOfCompound.load(id);
    if (committee && !(await ctx.canRead(committee))) return refuseCompound(ctx);
    return committee;
  },
  groupBuys: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
    const list = await ctx.loaders.groupBuysOfCompound.load(id);
    if (list[0] && !(await ctx.canRead(list[0]))) return refuseCompound(ctx);
    return list;
  },
};

export const OwnerCommittee = {
  __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleCommittee(id, ctx),
  compound: (committee: OwnerCommitteeRow) => ({ id: committee.compoundId }),
  members: (committee: OwnerCommitteeRow, _: unknown, ctx: SelforgContext) => {
    if (!canSeeCompoundDetails(ctx.viewer, committee)) {
      return ctx.refuse('name or phone', `Names and phones of committee members are shown to the committee and the community's staff, not to ${ctx.viewer.role}.`);
    }
    return ctx.loaders.membersOf.load(committee.id);
  },
};

export const GroupBuy = {
  __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleGroupBuy(id, ctx),
  compound: (groupBuy: GroupBuyRow) => ({ id: groupBuy.compoundId }),
  items: (groupBuy: GroupBuyRow, _: unknown, ctx: SelforgContext) => ctx.loaders.itemsOf.load(groupBuy.id),
  participations: async (groupBuy: GroupBuyRow, _: unknown, ctx: SelforgContext) => {
    const all = await ctx.loaders.participationsOf.load(groupBuy.id);
    if (canSeeCompoundDetails(ctx.viewer, groupBuy)) return all;
    if (ctx.viewer.role === Role.RESIDENT) return all.filter((participation) => participation.householdId === ctx.viewer.scope);
    return ctx.refuse('pickup list', "The pickup list is for the compound's owners' committee and the community's staff.");
  },
};

export const GroupBuyItem = {
  remaining: (item: GroupBuyItemRow) => (item.stock === null ? null : item.stock - item.sold),
};

export const Participation = {
  __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleParticipation(id, ctx),
  groupBuy: (participation: ParticipationRow, _: unknown, ctx: SelforgContext) => ctx.loaders.groupBuyById.load(participation.groupBuyId),
  compoundId: async (participation: ParticipationRow, _: unknown, ctx: SelforgContext) => (await ctx.loaders.groupBuyById.load(participation.groupBuyId))!.compoundId,
  lines: (participation: ParticipationRow, _: unknown, ctx: SelforgContext) => ctx.loaders.linesOf.load(participation.id),
  pickedUp: (participation: ParticipationRow) => participation.pickedUpAt !== null,
};

export const ParticipationLine = {
  item: (line: ParticipationLineRow, _: unknown, ctx: SelforgContext) => ctx.loaders.itemById.load(line.itemId),
};
