import { askService, assertRegionId, badInput, conflict, forbidden, isUuid, notFound, requiredText, Role, shanghaiDate, type Fen, type Viewer } from '@cgov/shared';
import type { CommunityClient } from '../communityClient.js';
import type { CouncilRole, MicroProjectKind, MicroProjectRow, ProjectRoundRow } from '../db/schema.js';
import type { CouncilRepository } from '../repositories/councils.js';
import { assertRoundWindows, assertWithinCap, type ProjectVote } from './councilRules.js';

/** What a council use case needs: who asks, the time, the repository and the community tier's API. */
export interface CouncilDeps {
  viewer: Viewer;
  now: Date;
  councils: CouncilRepository;
  community: CommunityClient;
}

/** Refuses unless the viewer is the staff of the community (居委会), who run its council's paperwork. */
function assertStaffOf(viewer: Viewer, communityId: string, action: string): void {
  if (viewer.role !== Role.COMMUNITY_STAFF || viewer.scope !== communityId) {
    throw forbidden(`Only the staff of community ${communityId} may ${action}; you are ${viewer.role} ${viewer.scope}.`);
  }
}

/** Refuses an id that is not a UUID, as BAD_USER_INPUT naming the field. */
function assertId(id: string, field: string): void {
  if (!isUuid(id)) throw badInput(`${field} must be an id such as "4f1c…"; "${id}" is not.`, field);
}

/** A household of the community, asked of the community tier; BAD_USER_INPUT when it lives elsewhere or nowhere. */
async function assertHouseholdOf(deps: CouncilDeps, householdId: string, communityId: string, field: string): Promise<void> {
  assertId(householdId, field);
  const place = await askService('community', 'The household cannot be checked', () => deps.community.householdPlace(householdId, communityId.slice(0, 4)));
  if (!place || place.communityId !== communityId) throw badInput(`${field}: household ${householdId} does not live in community ${communityId}.`, field);
}

async function roundOf(deps: CouncilDeps, roundId: string): Promise<ProjectRoundRow> {
  const [round] = await deps.councils.roundsByIds([roundId]);
  if (!round) throw notFound(`There is no project round with id ${roundId}.`);
  return round;
}

async function projectAndRound(deps: CouncilDeps, projectId: string): Promise<{ project: MicroProjectRow; round: ProjectRoundRow }> {
  const [project] = await deps.councils.projectsByIds([projectId]);
  if (!project) throw notFound(`There is no project with id ${projectId}.`);
  return { project, round: await roundOf(deps, project.roundId) };
}

export interface RegisterCouncilInput {
  communityId: string;
  members: Array<{ name: string; role: CouncilRole; householdId?: string | null }>;
}

/** The community's staff register its residents' council (居民议事会): 3 to 50 members, one chair; one council a community. */
export async function registerResidentsCouncil(deps: CouncilDeps, input: RegisterCouncilInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(deps.viewer, input.communityId, "register its residents' council");
  if (input.members.length < 3 || input.members.length > 50) throw badInput(`A residents' council has from 3 to 50 members (got ${input.members.length}).`, 'members');
  const chairs = input.members.filter((member) => member.role === 'CHAIR').length;
  if (chairs !== 1) throw badInput(`A residents' council has one CHAIR (got ${chairs}).`, 'members');
  const members = input.members.map((member, i) => ({
    name: requiredText(member.name, `members[${i}].name`, 50),
    role: member.role,
    householdId: member.householdId ?? null,
  }));
  for (const [i, member] of members.entries()) {
    if (member.householdId) await assertHouseholdOf(deps, member.householdId, input.communityId, `members[${i}].householdId`);
  }
  return deps.councils.registerCouncil({ communityId: input.communityId, registeredBy: deps.viewer.sub, registeredAt: deps.now }, members);
}

export interface OpenRoundInput {
  communityId: string;
  title: string;
  budget: Fen;
  proposalsUntil: Date;
  supportsUntil: Date;
}

/** The community's staff open a round of small livelihood projects for its registered council, with its budget and windows. */
export async function openProjectRound(deps: CouncilDeps, input: OpenRoundInput) {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(deps.viewer, input.communityId, 'open a round of its small livelihood projects');
  const title = requiredText(input.title, 'title');
  if (input.budget <= 0) throw badInput('budget must be more than 0.00.', 'budget');
  assertRoundWindows(input.proposalsUntil, input.supportsUntil, deps.now);
  const [council] = await deps.councils.councilsOfCommunities([input.communityId]);
  if (!council) throw conflict(`Community ${input.communityId} has no residents' council yet; register it first.`);
  return deps.councils.openRound({
    councilId: council.id,
    communityId: input.communityId,
    year: Number(shanghaiDate(deps.now).slice(0, 4)),
    title,
    budget: input.budget,
    proposalsUntil: input.proposalsUntil,
    supportsUntil: input.supportsUntil,
    openedBy: deps.viewer.sub,
    openedAt: deps.now,
  });
}

export interface ProposeInput {
  roundId: string;
  title: string;
  kind: MicroProjectKind;
  description: string;
  estimatedCost: Fen;
  householdId?: string | null;
}

/**
 * A resident proposes a project for its own household; the community's staff propose one for a household of the
 * community (one without a phone) or for the community itself. Works cost at most 500,000.00, services and goods
 * 200,000.00; proposals are taken while the round is COLLECTING.
 */
export async function proposeMicroProject(deps: CouncilDeps, input: ProposeInput) {
  const { viewer } = deps;
  assertId(input.roundId, 'roundId');
  const title = requiredText(input.title, 'title');
  const description = requiredText(input.description, 'description', 2000);
  assertWithinCap(input.kind, input.estimatedCost);
  const round = await roundOf(deps, input.roundId);
  let householdId = input.householdId ?? null;
  if (viewer.role === Role.RESIDENT) {
    if (householdId && householdId !== viewer.scope) throw forbidden('A resident proposes projects for its own household only.');
    householdId = viewer.scope;
    await assertResidentOf(deps, round.communityId);
  } else {
    assertStaffOf(viewer, round.communityId, 'propose projects in this round (residents propose for their own household)');
    if (householdId) await assertHouseholdOf(deps, householdId, round.communityId, 'householdId');
  }
  return deps.councils.propose({ roundId: round.id, title, kind: input.kind, description, estimatedCost: input.estimatedCost, householdId, proposedBy: viewer.sub, proposedAt: deps.now });
}

/** Refuses a resident whose household does not live in the community. */
async function assertResidentOf(deps: CouncilDeps, communityId: string): Promise<void> {
  const place = await askService('community', 'Your household cannot be checked', () => deps.community.householdPlace(deps.viewer.scope, communityId.slice(0, 4)));
  if (!place || place.communityId !== communityId) throw forbidden(`Only households of community ${communityId} take part in its rounds.`);
}

/** Refuses anyone but the resident of the household named, living in the round's community. */
async function assertOwnHousehold(deps: CouncilDeps, householdId: string, communityId: string, action: string): Promise<void> {
  if (deps.viewer.role !== Role.RESIDENT || deps.viewer.scope !== householdId) throw forbidden(`A resident ${action} for its own household, with its own RESIDENT token.`);
  await assertResidentOf(deps, communityId);
}

/** A resident supports a project for its own household while the round is SUPPORTING: 3 projects a round at most, idempotent. */
export async function supportMicroProject(deps: CouncilDeps, input: { projectId: string; householdId: string; idempotencyKey: string }) {
  assertId(input.projectId, 'projectId');
  const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
  const { round } = await projectAndRound(deps, input.projectId);
  await assertOwnHousehold(deps, input.householdId, round.communityId, 'supports projects');
  return deps.councils.support({ projectId: input.projectId, householdId: input.householdId, submittedBy: deps.viewer.sub, idempotencyKey, now: deps.now });
}

/** A resident withdraws its household's support while the round is SUPPORTING; the place is free again. */
export async function withdrawSupport(deps: CouncilDeps, projectId: string, householdId: string) {
  assertId(projectId, 'projectId');
  const { round } = await projectAndRound(deps, projectId);
  await assertOwnHousehold(deps, householdId, round.communityId, 'withdraws supports');
  return deps.councils.withdrawSupport(projectId, householdId, deps.now);
}

/** The community's staff record the council's resolution on a RESOLVING round (quorum, pass rule and funding: councilRules). */
export async function recordCouncilResolution(deps: CouncilDeps, input: { roundId: string; membersPresent: string[]; votes: ProjectVote[] }) {
  assertId(input.roundId, 'roundId');
  const round = await roundOf(deps, input.roundId);
  assertStaffOf(deps.viewer, round.communityId, "record its council's resolutions");
  return deps.councils.resolve(round.id, input, deps.viewer.sub, deps.now);
}

/** The community's staff report a funded project's progress: percent done and the total spent so far, within the estimate. */
export async function reportProjectProgress(deps: CouncilDeps, input: { projectId: string; percentDone: number; note: string; spent: Fen }) {
  assertId(input.projectId, 'projectId');
  const note = requiredText(input.note, 'note', 500);
  const { round } = await projectAndRound(deps, input.projectId);
  assertStaffOf(deps.viewer, round.communityId, 'report the progress of its projects');
  return deps.councils.reportProgress({ projectId: input.projectId, percentDone: input.percentDone, note, spent: input.spent, reportedBy: deps.viewer.sub, now: deps.now });
}

/** The community's staff record the council's acceptance (验收) of a funded project, or that it is dropped. */
export async function acceptMicroProject(deps: CouncilDeps, input: { projectId: string; accepted: boolean; note: string }) {
  assertId(input.projectId, 'projectId');
  const note = requiredText(input.note, 'note', 500);
  const { round } = await projectAndRound(deps, input.projectId);
  assertStaffOf(deps.viewer, round.communityId, 'record the acceptance of its projects');
  return deps.councils.accept({ projectId: input.projectId, accepted: input.accepted, note, now: deps.now });
}
