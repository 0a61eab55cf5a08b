import { Role } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { EmergencyPlanRow, EmergencyShiftRow, Hazard, SupplyItemRow, VolunteerRow } from '../db/schema.js';
import { canSeeReadiness } from '../domain/access.js';
import {
  acceptVolunteer,
  enrolVolunteer,
  publishEmergencyPlan,
  recordShift,
  recordSupplies,
  registerEmergencySpace,
  type EnrolVolunteerInput,
  type RecordShiftInput,
  type PublishEmergencyPlanInput,
  type RecordSuppliesInput,
  type RegisterEmergencySpaceInput,
} from '../domain/readiness.js';
import { isPlanCurrent, nextReviewDue, readinessFigures, supplyStatus } from '../domain/readinessRules.js';

type ById = { id: string };

/** A region's readiness, for officials, analysts, street officers and staff whose region holds it; null (FORBIDDEN) for others. */
export async function readiness({ id }: ById, _: unknown, ctx: CommunityContext) {
  if (!canSeeReadiness(ctx.viewer, id)) {
    return ctx.refuse('figure', `The readiness of region ${id} is for officials, analysts and staff whose scope holds it, not ${ctx.viewer.role} ${ctx.viewer.scope}.`);
  }
  return readinessFigures(await ctx.loaders.readinessOf.load(`${id}|${ctx.today()}`));
}

/** A community's readiness records, under the same rule as its figures. */
function readinessRecords<T>(what: string, read: (id: string, ctx: CommunityContext) => Promise<T>) {
  return async ({ id }: ById, _: unknown, ctx: CommunityContext) => {
    if (!canSeeReadiness(ctx.viewer, id)) return ctx.refuse(what, `The ${what} of community ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    return read(id, ctx);
  };
}

/** The readiness fields a community adds: its figures, plans (the latest version of each hazard, or every version of one), spaces, supplies, volunteers. */
export const communityReadiness = {
  readiness,
  emergencyPlans: async ({ id }: ById, { hazard }: { hazard?: Hazard | null }, ctx: CommunityContext) => {
    if (!canSeeReadiness(ctx.viewer, id)) return ctx.refuse('emergency plans', `The emergency plans of community ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    const plans = await ctx.loaders.plansOfCommunity.load(id);
    if (hazard) return plans.filter((plan) => plan.hazard === hazard);
    return plans.filter((plan, i) => plans.findIndex((other) => other.hazard === plan.hazard) === i);
  },
  emergencySpaces: readinessRecords('emergency spaces', (id, ctx) => ctx.loaders.spacesOfCommunity.load(id)),
  supplies: readinessRecords('supplies', (id, ctx) => ctx.loaders.suppliesOfCommunity.load(id)),
  volunteers: async ({ id }: ById, _: unknown, ctx: CommunityContext) => {
    if (ctx.viewer.role !== Role.COMMUNITY_STAFF || ctx.viewer.scope !== id) {
      return ctx.refuse('volunteers', `A community's volunteers are listed for its staff only, not ${ctx.viewer.role} ${ctx.viewer.scope}.`);
    }
    return ctx.loaders.volunteersOfCommunity.load(id);
  },
};

export const EmergencyPlan = {
  community: (plan: EmergencyPlanRow) => ({ id: plan.communityId }),
  nextReviewDue: (plan: EmergencyPlanRow) => nextReviewDue(plan.reviewedOn),
  current: (plan: EmergencyPlanRow, _: unknown, ctx: CommunityContext) => isPlanCurrent(plan.reviewedOn, ctx.today()),
};

export const SupplyItem = {
  belowMinimum: (item: SupplyItemRow, _: unknown, ctx: CommunityContext) => supplyStatus(item, ctx.today()).belowMinimum,
  expiringWithin30Days: (item: SupplyItemRow, _: unknown, ctx: CommunityContext) => supplyStatus(item, ctx.today()).expiringWithin30Days,
};

export const Volunteer = {
  team: (volunteer: VolunteerRow, _: unknown, ctx: CommunityContext) => ctx.loaders.volunteerTeamById.load(volunteer.teamId),
  household: (volunteer: VolunteerRow, _: unknown, ctx: CommunityContext) => (volunteer.householdId ? ctx.loaders.householdById.load(volunteer.householdId) : null),
  partyMember: (volunteer: VolunteerRow, _: unknown, ctx: CommunityContext) => (volunteer.partyMemberId ? ctx.loaders.partyMemberById.load(volunteer.partyMemberId) : null),
  community: (volunteer: VolunteerRow) => ({ id: volunteer.communityId }),
};

export const EmergencyShift = {
  volunteer: (shift: EmergencyShiftRow, _: unknown, ctx: CommunityContext) => ctx.loaders.volunteerById.load(shift.volunteerId),
  hours: (shift: EmergencyShiftRow) => Math.round((shift.endedAt.getTime() - shift.startedAt.getTime()) / 36_000) / 100,
};

export const VolunteerTeam = {
  community: (team: { communityId: string }) => ({ id: team.communityId }),
};

/** Thin: each mutation reads its arguments and calls one use case of domain/readiness.ts. */
export const readinessMutations = {
  publishEmergencyPlan: (_: unknown, { input }: { input: PublishEmergencyPlanInput }, ctx: CommunityContext) => publishEmergencyPlan(ctx.readinessDeps(), input),
  registerEmergencySpace: (_: unknown, { input }: { input: RegisterEmergencySpaceInput }, ctx: CommunityContext) => registerEmergencySpace(ctx.readinessDeps(), input),
  recordSupplies: (_: unknown, { input }: { input: RecordSuppliesInput }, ctx: CommunityContext) => recordSupplies(ctx.readinessDeps(), input),
  enrolVolunteer: (_: unknown, { input }: { input: EnrolVolunteerInput }, ctx: CommunityContext) => enrolVolunteer(ctx.readinessDeps(), input),
  acceptVolunteer: (_: unknown, { id }: ById, ctx: CommunityContext) => acceptVolunteer(ctx.readinessDeps(), id),
  recordShift: (_: unknown, { input }: { input: RecordShiftInput }, ctx: CommunityContext) => recordShift(ctx.readinessDeps(), input),
};
