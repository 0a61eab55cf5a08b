import { assertRegionId, badInput, boundedInt, forbidden, notFound, requiredText, Role, type CalendarDate } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { AssignmentRow, PartyMemberRow } from '../db/schema.js';
import { canSeePartyMemberContact } from '../domain/access.js';
import { everyMonth, monthRange, oneMonth, total } from '../domain/partyMemberRecord.js';

/** A party member by id: for those who may see the community's roster, and for the party member. */
export async function visiblePartyMember(id: string, ctx: CommunityContext) {
  const member = await ctx.loaders.partyMemberById.load(id);
  const isSelf = ctx.viewer.role === Role.PARTY_MEMBER && ctx.viewer.scope === id;
  if (member && !isSelf) await ctx.assertCanSeeRoster(member.communityId);
  return member;
}

/** The party member's own lists (households, deliveries): the party member and the community's staff. */
function mayReadOwnLists(member: PartyMemberRow, ctx: CommunityContext): boolean {
  const isSelf = ctx.viewer.role === Role.PARTY_MEMBER && ctx.viewer.scope === member.id;
  const isStaff = ctx.viewer.role === Role.COMMUNITY_STAFF && ctx.viewer.scope === member.communityId;
  return isSelf || isStaff;
}

/** One FORBIDDEN a request for a party member's lists, null for each. */
const refuseOwnList = (ctx: CommunityContext) =>
  ctx.refuse("party member's list", "A party member's households and deliveries are read by the party member and the community's staff.");

function contact(field: 'name' | 'phone') {
  return (member: PartyMemberRow, _: unknown, ctx: CommunityContext) => {
    if (!canSeePartyMemberContact(ctx.viewer, member)) {
      return ctx.refuse('name or phone', `Names and phone numbers of party members are not shown to ${ctx.viewer.role} ${ctx.viewer.scope}.`);
    }
    return member[field];
  };
}

export const PartyMember = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visiblePartyMember(id, ctx),
  name: contact('name'),
  phone: contact('phone'),
  community: (member: PartyMemberRow) => ({ id: member.communityId }),
  assignments: (member: PartyMemberRow, _: unknown, ctx: CommunityContext) => ctx.loaders.assignmentsOfMember.load(member.id),
  record: async (member: PartyMemberRow, { month }: { month?: string | null }, ctx: CommunityContext) => {
    const range = oneMonth(month);
    return total(await ctx.loaders.recordMonthsOf.load(`${member.id}|${range.from ?? ''}~${range.to ?? ''}`));
  },
  monthlyRecord: async (member: PartyMemberRow, args: { from: string; to: string }, ctx: CommunityContext) => {
    const { from, to } = monthRange(args.from, args.to);
    return everyMonth(from, to, await ctx.loaders.recordMonthsOf.load(`${member.id}|${from}~${to}`));
  },
  households: async (member: PartyMemberRow, { needsDoorToDoor }: { needsDoorToDoor?: boolean | null }, ctx: CommunityContext) => {
    if (!mayReadOwnLists(member, ctx)) return refuseOwnList(ctx);
    return ctx.loaders.householdsOfMember.load(`${member.id}|${needsDoorToDoor ?? ''}`);
  },
  deliveries: async (member: PartyMemberRow, { date }: { date: CalendarDate }, ctx: CommunityContext) => {
    if (!mayReadOwnLists(member, ctx)) return refuseOwnList(ctx);
    return ctx.loaders.deliveriesOf.load(`${member.id}|${date}`);
  },
};

export const Assignment = {
  building: (assignment: AssignmentRow, _: unknown, ctx: CommunityContext) => ctx.loaders.buildingById.load(assignment.buildingId),
  partyMember: (assignment: AssignmentRow, _: unknown, ctx: CommunityContext) => ctx.loaders.partyMemberById.load(assignment.partyMemberId),
};

export const partyMemberMutations = {
  async registerPartyMember(
    _: unknown,
    { input }: { input: { communityId: string; name: string; phone: string; workUnit: string } },
    ctx: CommunityContext,
  ) {
    assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
    ctx.assertStaffOf(input.communityId, 'register party members');
    const phone = requiredText(input.phone, 'phone', 20);
    if (!/^\+?[\d\s-]{5,20}$/.test(phone)) throw badInput(`phone must be a phone number (got "${phone}").`, 'phone');
    const now = ctx.clock.now();
    return ctx.partyMembers.register({
      communityId: input.communityId,
      name: requiredText(input.name, 'name', 50),
      phone,
      workUnit: requiredText(input.workUnit, 'workUnit'),
      reportedAt: now,
      registeredBy: ctx.viewer.sub,
    });
  },

  async assignPartyMember(
    _: unknown,
    { input }: { input: { partyMemberId: string; buildingId: string; floorFrom: number; floorTo: number } },
    ctx: CommunityContext,
  ) {
    if (ctx.viewer.role !== Role.COMMUNITY_STAFF) throw forbidden(`Only COMMUNITY_STAFF may assign party members; your role is ${ctx.viewer.role}.`);
    const [member, building] = await Promise.all([
      ctx.loaders.partyMemberById.load(input.partyMemberId),
      ctx.loaders.buildingById.load(input.buildingId),
    ]);
    if (!member) throw notFound(`There is no party member with id ${input.partyMemberId}.`);
    if (!building) throw notFound(`There is no building with id ${input.buildingId}.`);
    ctx.assertStaffOf(member.communityId, 'assign party members');
    if (building.communityId !== member.communityId) {
      throw badInput(`Building ${building.name} is not in the community the party member reported to.`, 'buildingId');
    }
    boundedInt(input.floorFrom, 'floorFrom', 1, building.floors);
    boundedInt(input.floorTo, 'floorTo', 1, building.floors);
    if (input.floorFrom > input.floorTo) {
      throw badInput(`floorFrom (${input.floorFrom}) cannot be above floorTo (${input.floorTo}).`, 'floorFrom');
    }
    return ctx.partyMembers.assign({
      partyMemberId: member.id,
      buildingId: building.id,
      communityId: building.communityId,
      floorFrom: input.floorFrom,
      floorTo: input.floorTo,
      assignedBy: ctx.viewer.sub,
      assignedAt: ctx.clock.now(),
    });
  },
};
