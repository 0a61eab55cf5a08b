import { createHash, randomUUID } from 'node:crypto';
import {
  assertRegionId,
  badInput,
  boundedInt,
  conflict,
  forbidden,
  formatDateTime,
  notFound,
  parseCalendarDate,
  requiredText,
  Role,
  shanghaiDate,
  type Viewer,
} from '@cgov/shared';
import type { EmergencyUse, Hazard, PlanStep, TeamKind } from '../db/schema.js';
import type { Loaders } from '../loaders.js';
import type { ReadinessRepository } from '../repositories/readiness.js';
import { supplyStatus } from './readinessRules.js';

/** What a readiness use case needs: who asks, the time, the repository it writes through and the request's loaders. */
export interface ReadinessDeps {
  viewer: Viewer;
  now: Date;
  readiness: ReadinessRepository;
  loaders: Loaders;
}

function assertStaffOf(viewer: Viewer, communityId: string, action: string) {
  if (viewer.role !== Role.COMMUNITY_STAFF) throw forbidden(`Only COMMUNITY_STAFF may ${action}; your role is ${viewer.role}.`);
  if (viewer.scope !== communityId) throw forbidden(`You are staff of community ${viewer.scope}; you may ${action} only there, not in ${communityId}.`);
}

/** The most steps a plan has. */
const MOST_PLAN_STEPS = 50;

export interface PublishEmergencyPlanInput {
  communityId: string;
  hazard: Hazard;
  title: string;
  steps: PlanStep[];
  reviewedOn: string;
}

/** Publishes an emergency plan (community staff): the next version for its hazard, with each unit's part, reviewed on a day not after today. */
export async function publishEmergencyPlan({ viewer, now, readiness }: ReadinessDeps, input: PublishEmergencyPlanInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(viewer, input.communityId, 'publish emergency plans');
  const title = requiredText(input.title, 'title', 100);
  if (!input.steps.length || input.steps.length > MOST_PLAN_STEPS) throw badInput(`A plan has from 1 to ${MOST_PLAN_STEPS} steps (got ${input.steps.length}).`, 'steps');
  const steps = input.steps.map((step) => ({ action: requiredText(step.action, 'steps.action', 500), responsible: requiredText(step.responsible, 'steps.responsible', 100) }));
  const reviewedOn = parseCalendarDate(input.reviewedOn, 'reviewedOn');
  if (reviewedOn > shanghaiDate(now)) throw badInput(`reviewedOn (${reviewedOn}) is after today (${shanghaiDate(now)}): a plan is reviewed before it is published.`, 'reviewedOn');
  return readiness.publishPlan({ id: randomUUID(), communityId: input.communityId, hazard: input.hazard, title, steps, reviewedOn, publishedBy: viewer.sub, publishedAt: now });
}

export interface RegisterEmergencySpaceInput {
  communityId: string;
  name: string;
  normalUse: string;
  emergencyUse: EmergencyUse;
  capacity: number;
  conversionHours: number;
}

/** Registers a space that switches from daily to emergency use (平疫结合), community staff: its capacity and the hours it takes to convert. */
export async function registerEmergencySpace({ viewer, now, readiness }: ReadinessDeps, input: RegisterEmergencySpaceInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(viewer, input.communityId, 'register emergency spaces');
  return readiness.registerSpace({
    id: randomUUID(),
    communityId: input.communityId,
    name: requiredText(input.name, 'name', 50),
    normalUse: requiredText(input.normalUse, 'normalUse', 100),
    emergencyUse: input.emergencyUse,
    capacity: boundedInt(input.capacity, 'capacity', 1, 100_000),
    conversionHours: boundedInt(input.conversionHours, 'conversionHours', 0, 720),
    registeredBy: viewer.sub,
    registeredAt: now,
  });
}

export interface RecordSuppliesInput {
  communityId: string;
  item: string;
  unit: string;
  change: number;
  reason: string;
  expiresOn?: string | null;
  minimum?: number | null;
  idempotencyKey: string;
}

/**
 * Records a change of a supply item in the community's ledger (community staff): stock in (with its expiry, if it
 * expires) or out, and the minimum to keep; idempotent by key; on hand never below 0. Answers the item as it stands.
 */
export async function recordSupplies({ viewer, now, readiness }: ReadinessDeps, input: RecordSuppliesInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(viewer, input.communityId, 'record supplies');
  const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
  const item = requiredText(input.item, 'item', 50);
  const unit = requiredText(input.unit, 'unit', 10);
  const change = boundedInt(input.change, 'change', -1_000_000, 1_000_000);
  const reason = requiredText(input.reason, 'reason', 200);
  const expiresOn = input.expiresOn == null ? null : parseCalendarDate(input.expiresOn, 'expiresOn');
  if (expiresOn && change <= 0) throw badInput('expiresOn goes with stock coming in (a change above 0): it is the expiry of what arrives.', 'expiresOn');
  const minimum = input.minimum == null ? null : boundedInt(input.minimum, 'minimum', 0, 1_000_000);
  const fingerprint = createHash('sha256').update(JSON.stringify([item, unit, change, reason, expiresOn, minimum])).digest('hex');
  const row = await readiness.recordSupplies({
    communityId: input.communityId,
    item,
    unit,
    change,
    reason,
    expiresOn,
    minimum,
    recordedBy: viewer.sub,
    recordedAt: now,
    idempotencyKey,
    fingerprint,
  });
  return { ...row, ...supplyStatus(row, shanghaiDate(now)) };
}

export interface EnrolVolunteerInput {
  communityId: string;
  teamKind: TeamKind;
  householdId?: string | null;
  partyMemberId?: string | null;
  skills: string[];
}

/**
 * A volunteer offers to a team of the community (双选, the first choice): a resident for its own household, a party
 * member for itself, in the community where they live or reported. The offer is PENDING until the community accepts.
 */
export async function enrolVolunteer({ viewer, now, readiness, loaders }: ReadinessDeps, input: EnrolVolunteerInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  if (Boolean(input.householdId) === Boolean(input.partyMemberId)) {
    throw badInput('A volunteer is a household or a party member: give householdId or partyMemberId, one of them.', input.householdId ? 'partyMemberId' : 'householdId');
  }
  if (input.skills.length > 10) throw badInput(`At most 10 skills (got ${input.skills.length}).`, 'skills');
  const skills = input.skills.map((skill) => requiredText(skill, 'skills', 30));
  let person: { householdId: string | null; partyMemberId: string | null; communityId: string | undefined };
  if (input.householdId) {
    if (viewer.role !== Role.RESIDENT || viewer.scope !== input.householdId) {
      throw forbidden(`A household enrols itself: only the RESIDENT of household ${input.householdId} may offer it.`);
    }
    person = { householdId: input.householdId, partyMemberId: null, communityId: (await loaders.householdById.load(input.householdId))?.communityId };
  } else {
    if (viewer.role !== Role.PARTY_MEMBER || viewer.scope !== input.partyMemberId) {
      throw forbidden(`A party member enrols itself: only PARTY_MEMBER ${input.partyMemberId} may offer.`);
    }
    person = { householdId: null, partyMemberId: input.partyMemberId!, communityId: (await loaders.partyMemberById.load(input.partyMemberId!))?.communityId };
  }
  if (!person.communityId) throw notFound(`There is no ${person.householdId ? 'household' : 'party member'} with the id of your token.`);
  if (person.communityId !== input.communityId) {
    throw badInput(`You belong to community ${person.communityId}: volunteer there, not in ${input.communityId}.`, 'communityId');
  }
  return readiness.enrol({
    id: randomUUID(),
    communityId: input.communityId,
    kind: input.teamKind,
    householdId: person.householdId,
    partyMemberId: person.partyMemberId,
    skills,
    enrolledBy: viewer.sub,
    enrolledAt: now,
  });
}

/** The community accepts a volunteer who offered (双选, the second choice): its staff only; a volunteer accepted already is a CONFLICT. */
export async function acceptVolunteer({ viewer, now, readiness, loaders }: ReadinessDeps, id: string) {
  const volunteer = await loaders.volunteerById.load(id);
  if (!volunteer) throw notFound(`There is no volunteer with id ${id}.`);
  assertStaffOf(viewer, volunteer.communityId, 'accept volunteers');
  return readiness.accept(volunteer.id, volunteer.communityId, viewer.sub, now);
}

/** The longest shift recorded, in hours. */
export const LONGEST_SHIFT_HOURS = 24;

export interface RecordShiftInput {
  volunteerId: string;
  startedAt: Date;
  endedAt: Date;
  idempotencyKey: string;
}

/**
 * Records a shift an accepted volunteer of an emergency team worked (community staff of the volunteer's community),
 * after it ended: NOT_FOUND for no such volunteer, CONFLICT for one still PENDING or a shift overlapping one it has,
 * BAD_USER_INPUT for an end not after the start, a shift over 24 hours, one ending after now or starting before the
 * volunteer was accepted. Idempotent by the community's key.
 */
export async function recordShift({ viewer, now, readiness, loaders }: ReadinessDeps, input: RecordShiftInput) {
  const volunteer = await loaders.volunteerById.load(input.volunteerId);
  if (!volunteer) throw notFound(`There is no volunteer with id ${input.volunteerId}.`);
  assertStaffOf(viewer, volunteer.communityId, 'record emergency shifts');
  const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
  if (volunteer.status !== 'ACCEPTED' || !volunteer.acceptedAt) {
    throw conflict('This volunteer offered but is not accepted yet (PENDING): only accepted volunteers of a team work shifts.');
  }
  const { startedAt, endedAt } = input;
  if (endedAt.getTime() <= startedAt.getTime()) {
    throw badInput(`endedAt (${formatDateTime(endedAt)}) must be after startedAt (${formatDateTime(startedAt)}).`, 'endedAt');
  }
  if (endedAt.getTime() - startedAt.getTime() > LONGEST_SHIFT_HOURS * 3_600_000) {
    throw badInput(`A shift lasts at most ${LONGEST_SHIFT_HOURS} hours (this one ${((endedAt.getTime() - startedAt.getTime()) / 3_600_000).toFixed(1)}); record it as two.`, 'endedAt');
  }
  if (endedAt.getTime() > now.getTime()) {
    throw badInput(`A shift is recorded once it has ended; endedAt (${formatDateTime(endedAt)}) is after now (${formatDateTime(now)}).`, 'endedAt');
  }
  if (startedAt.getTime() < volunteer.acceptedAt.getTime()) {
    throw badInput(`The volunteer was accepted at ${formatDateTime(volunteer.acceptedAt)}; a shift starting before that is not the team's.`, 'startedAt');
  }
  const fingerprint = createHash('sha256').update(JSON.stringify([volunteer.id, startedAt.toISOString(), endedAt.toISOString()])).digest('hex');
  return readiness.recordShift({
    id: randomUUID(),
    communityId: volunteer.communityId,
    volunteerId: volunteer.id,
    partyMemberId: volunteer.partyMemberId,
    startedAt,
    endedAt,
    recordedBy: viewer.sub,
    recordedAt: now,
    idempotencyKey,
    fingerprint,
  });
}
