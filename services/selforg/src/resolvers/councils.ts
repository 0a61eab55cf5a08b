import { badInput, forbidden, Role, viewerCoversRegion } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { MicroProjectRow, ProjectRoundRow, ResidentsCouncilRow } from '../db/schema.js';
import { roundStatus } from '../domain/councilRules.js';
import {
  acceptMicroProject,
  openProjectRound,
  proposeMicroProject,
  recordCouncilResolution,
  registerResidentsCouncil,
  reportProjectProgress,
  supportMicroProject,
  withdrawSupport,
  type OpenRoundInput,
  type ProposeInput,
  type RegisterCouncilInput,
} from '../domain/councils.js';
import type { ProjectVote } from '../domain/councilRules.js';
import type { ProjectFigures } from '../repositories/councils.js';

/** Refuses (FORBIDDEN) unless the viewer may read the community's council: its people, staff and the officials above. */
async function assertCouncilReader(communityId: string, ctx: SelforgContext): Promise<void> {
  if (!(await ctx.canRead({ communityId, compoundId: null }))) {
    throw forbidden(`The residents' council of community ${communityId} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  }
}

/** A round by id when the viewer may read it; null when there is none. */
async function visibleRound(id: string, ctx: SelforgContext) {
  const round = await ctx.loaders.roundById.load(id);
  if (round) await assertCouncilReader(round.communityId, ctx);
  return round;
}

/** A project by id when the viewer may read its round; null when there is none. */
async function visibleProject(id: string, ctx: SelforgContext) {
  const project = await ctx.loaders.projectById.load(id);
  if (project) await visibleRound(project.roundId, ctx);
  return project;
}

/** A council by id when the viewer may read it; null when there is none. */
async function visibleCouncil(id: string, ctx: SelforgContext) {
  const council = await ctx.loaders.councilById.load(id);
  if (council) await assertCouncilReader(council.communityId, ctx);
  return council;
}

/** A region's figures of a year (zeros when it has no round), for officials, analysts and staff whose scope holds it. */
async function microProjectFigures({ id }: { id: string }, { year }: { year: number }, ctx: SelforgContext) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`year must be a calendar year from 2000 to 2100 (got ${year}).`, 'year');
  if (!viewerCoversRegion(ctx.viewer, id)) {
    return ctx.refuse('figure', `The small livelihood projects of region ${id} are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  }
  const figures: ProjectFigures = (await ctx.loaders.projectFiguresOf.load(`${id}|${year}`)) ?? {
    rounds: 0,
    budget: 0,
    allocated: 0,
    spent: 0,
    projects: 0,
    fundedProjects: 0,
    acceptedProjects: 0,
  };
  return { ...figures, remaining: figures.budget - figures.allocated };
}

const region = { __resolveReference: ({ id }: { id: string }) => ({ id }), microProjectFigures };

/** The council's part of the schema: queries, mutations, types and the regions' figures. */
export const councilResolvers = {
  Query: {
    projectRound: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleRound(id, ctx),
    microProject: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleProject(id, ctx),
  },
  Mutation: {
    registerResidentsCouncil: (_: unknown, { input }: { input: RegisterCouncilInput }, ctx: SelforgContext) => registerResidentsCouncil(ctx.councilDeps(), input),
    openProjectRound: (_: unknown, { input }: { input: OpenRoundInput }, ctx: SelforgContext) => openProjectRound(ctx.councilDeps(), input),
    proposeMicroProject: (_: unknown, { input }: { input: ProposeInput }, ctx: SelforgContext) => proposeMicroProject(ctx.councilDeps(), input),
    supportMicroProject: (_: unknown, { input }: { input: { projectId: string; householdId: string; idempotencyKey: string } }, ctx: SelforgContext) =>
      supportMicroProject(ctx.councilDeps(), input),
    withdrawSupport: (_: unknown, { projectId, householdId }: { projectId: string; householdId: string }, ctx: SelforgContext) =>
      withdrawSupport(ctx.councilDeps(), projectId, householdId),
    recordCouncilResolution: (_: unknown, { input }: { input: { roundId: string; membersPresent: string[]; votes: ProjectVote[] } }, ctx: SelforgContext) =>
      recordCouncilResolution(ctx.councilDeps(), input),
    reportProjectProgress: (_: unknown, { input }: { input: { projectId: string; percentDone: number; note: string; spent: number } }, ctx: SelforgContext) =>
      reportProjectProgress(ctx.councilDeps(), input),
    acceptMicroProject: (_: unknown, { input }: { input: { projectId: string; accepted: boolean; note: string } }, ctx: SelforgContext) =>
      acceptMicroProject(ctx.councilDeps(), input),
  },
  Community: {
    residentsCouncil: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
      if (!(await ctx.canRead({ communityId: id, compoundId: null }))) return ctx.refuse('council', `The residents' council of community ${id} is outside your scope.`);
      return ctx.loaders.councilOfCommunity.load(id);
    },
    projectRounds: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
      if (!(await ctx.canRead({ communityId: id, compoundId: null }))) return ctx.refuse('council', `The residents' council of community ${id} is outside your scope.`);
      return ctx.loaders.roundsOfCommunity.load(id);
    },
    microProjectFigures,
  },
  City: region,
  District: region,
  Street: region,
  ResidentsCouncil: {
    __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleCouncil(id, ctx),
    community: (council: ResidentsCouncilRow) => ({ id: council.communityId }),
    members: (council: ResidentsCouncilRow, _: unknown, ctx: SelforgContext) => ctx.loaders.councilMembersOf.load(council.id),
  },
  ProjectRound: {
    __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleRound(id, ctx),
    status: (round: ProjectRoundRow, _: unknown, ctx: SelforgContext) => roundStatus(round, ctx.clock.now()),
    remaining: (round: ProjectRoundRow) => round.budget - round.allocated,
    community: (round: ProjectRoundRow) => ({ id: round.communityId }),
    council: (round: ProjectRoundRow, _: unknown, ctx: SelforgContext) => ctx.loaders.councilById.load(round.councilId),
    projects: (round: ProjectRoundRow, _: unknown, ctx: SelforgContext) => ctx.loaders.projectsOfRound.load(round.id),
    resolution: (round: ProjectRoundRow) =>
      round.resolvedAt ? { membersPresent: round.membersPresent?.length ?? 0, members: round.memberCount ?? 0, recordedAt: round.resolvedAt } : null,
  },
  MicroProject: {
    __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleProject(id, ctx),
    recusals: (project: MicroProjectRow) => (project.recused ? project.recused.length : null),
    supportedByMyHousehold: (project: MicroProjectRow, _: unknown, ctx: SelforgContext) =>
      ctx.viewer.role === Role.RESIDENT ? ctx.loaders.supportedByViewer.load(project.id) : null,
    progress: (project: MicroProjectRow, _: unknown, ctx: SelforgContext) => ctx.loaders.progressOf.load(project.id),
    round: (project: MicroProjectRow, _: unknown, ctx: SelforgContext) => ctx.loaders.roundById.load(project.roundId),
  },
};
