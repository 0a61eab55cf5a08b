import { Role } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { CareVisitRow, GridRow, GridWorkerRow } from '../db/schema.js';
import { careCounts, type CareStatus } from '../domain/gridRules.js';
import {
  assignGridWorker,
  careUnder,
  createGrid,
  flagHouseholdCare,
  gridPicture,
  namePartyGroupLeader,
  partyGroupOf,
  recordVisit,
  type AssignGridWorkerInput,
  type CreateGridInput,
} from '../domain/microGrid.js';
import type { CareKind } from '../db/schema.js';

/** A grid by id, for those who may see its community; null when there is none. */
export async function visibleGrid(id: string, ctx: CommunityContext) {
  const grid = await ctx.loaders.gridById.load(id);
  if (grid) await ctx.assertCanSeeCommunity(grid.communityId);
  return grid;
}

/** A grid worker by id: the worker itself, and those who may see its community; null when there is none. */
export async function visibleGridWorker(id: string, ctx: CommunityContext) {
  const worker = await ctx.loaders.gridWorkerById.load(id);
  const isSelf = ctx.viewer.role === Role.GRID_WORKER && ctx.viewer.scope === id;
  if (worker && !isSelf) await ctx.assertCanSeeCommunity(worker.communityId);
  return worker;
}

/** True for the community's staff and for workers of the grid or a grid above it: who reads the care of a grid's households. */
async function caresForGrid(grid: GridRow, ctx: CommunityContext): Promise<boolean> {
  if (ctx.viewer.role === Role.COMMUNITY_STAFF) return ctx.viewer.scope === grid.communityId;
  return (await ctx.workerReach())?.grids.has(grid.id) ?? false;
}

export const Grid = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleGrid(id, ctx),
  community: (grid: GridRow) => ({ id: grid.communityId }),
  parent: (grid: GridRow, _: unknown, ctx: CommunityContext) => (grid.parentId ? ctx.loaders.gridById.load(grid.parentId) : null),
  buildings: async (grid: GridRow, _: unknown, ctx: CommunityContext) => {
    const held = (await ctx.loaders.gridBuildingsOfCommunity.load(grid.communityId)).filter((row) => row.gridId === grid.id);
    const buildings = await Promise.all(held.map((row) => ctx.loaders.buildingById.load(row.buildingId)));
    return buildings.filter((building) => building !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  },
  households: async (grid: GridRow, _: unknown, ctx: CommunityContext) => (await gridPicture(ctx.loaders, grid.communityId)).householdsUnder(grid.id),
  workers: async (grid: GridRow, _: unknown, ctx: CommunityContext) =>
    (await ctx.loaders.gridWorkersOfCommunity.load(grid.communityId)).filter((worker) => worker.gridId === grid.id),
  partyGroup: (grid: GridRow, _: unknown, ctx: CommunityContext) => partyGroupOf(ctx.loaders, grid),
  careHouseholds: async (grid: GridRow, _: unknown, ctx: CommunityContext) => {
    if (!(await caresForGrid(grid, ctx))) {
      return ctx.refuse('care of households', `Care flags are read by the community's staff and the grid's workers; ${ctx.viewer.role} ${ctx.viewer.scope} sees counts only.`);
    }
    return careUnder(ctx.loaders, grid, ctx.clock.now());
  },
  careFigures: async (grid: GridRow, _: unknown, ctx: CommunityContext) => careCounts(await careUnder(ctx.loaders, grid, ctx.clock.now())),
};

export const PartyGroup = {
  leader: ({ leaderId }: { leaderId: string | null }, _: unknown, ctx: CommunityContext) => (leaderId ? ctx.loaders.partyMemberById.load(leaderId) : null),
  members: async ({ memberIds }: { memberIds: string[] }, _: unknown, ctx: CommunityContext) => {
    const members = await Promise.all(memberIds.map((id) => ctx.loaders.partyMemberById.load(id)));
    return members.filter((member) => member !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  },
};

/** A grid worker's name or phone: the community's staff and the worker; for anyone else null, with one FORBIDDEN a request. */
function workerContact(field: 'name' | 'phone') {
  return (worker: GridWorkerRow, _: unknown, ctx: CommunityContext) => {
    const { role, scope } = ctx.viewer;
    const allowed = (role === Role.COMMUNITY_STAFF && scope === worker.communityId) || (role === Role.GRID_WORKER && scope === worker.id);
    if (!allowed) return ctx.refuse('name or phone', `Names and phone numbers of grid workers are not shown to ${role} ${scope}.`);
    return worker[field];
  };
}

export const GridWorker = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleGridWorker(id, ctx),
  name: workerContact('name'),
  phone: workerContact('phone'),
  grid: (worker: GridWorkerRow, _: unknown, ctx: CommunityContext) => ctx.loaders.gridById.load(worker.gridId),
  community: (worker: GridWorkerRow) => ({ id: worker.communityId }),
  partyMember: (worker: GridWorkerRow, _: unknown, ctx: CommunityContext) => (worker.partyMemberId ? ctx.loaders.partyMemberById.load(worker.partyMemberId) : null),
};

export const CareFlag = {
  household: (status: CareStatus, _: unknown, ctx: CommunityContext) => ctx.loaders.householdById.load(status.householdId),
};

export const Visit = {
  household: (visit: CareVisitRow, _: unknown, ctx: CommunityContext) => ctx.loaders.householdById.load(visit.householdId),
  worker: (visit: CareVisitRow, _: unknown, ctx: CommunityContext) => ctx.loaders.gridWorkerById.load(visit.gridWorkerId),
  note: async (visit: CareVisitRow, _: unknown, ctx: CommunityContext) => {
    const staff = ctx.viewer.role === Role.COMMUNITY_STAFF && ctx.viewer.scope === visit.communityId;
    const household = await ctx.loaders.householdById.load(visit.householdId);
    if (staff || (household && (await ctx.gridHolds(household)))) return visit.note;
    return ctx.refuse("visit's note", `A visit's note is read by the community's staff and the grid's workers, not ${ctx.viewer.role} ${ctx.viewer.scope}.`);
  },
};

export const gridQueries = {
  grid: (_: unknown, { id }: { id: string }, ctx: CommunityContext) => visibleGrid(id, ctx),
  gridWorker: (_: unknown, { id }: { id: string }, ctx: CommunityContext) => visibleGridWorker(id, ctx),
};

/** Thin: each mutation reads its arguments and calls one use case of domain/microGrid.ts. */
export const gridMutations = {
  createGrid: (_: unknown, { input }: { input: CreateGridInput }, ctx: CommunityContext) => createGrid(ctx.gridDeps(), input),
  assignGridWorker: (_: unknown, { input }: { input: AssignGridWorkerInput }, ctx: CommunityContext) => assignGridWorker(ctx.gridDeps(), input),
  namePartyGroupLeader: (_: unknown, { input }: { input: { gridId: string; partyMemberId: string } }, ctx: CommunityContext) =>
    namePartyGroupLeader(ctx.gridDeps(), input),
  flagHouseholdCare: (_: unknown, { input }: { input: { householdId: string; kind: CareKind; visitEveryDays: number } }, ctx: CommunityContext) =>
    flagHouseholdCare(ctx.gridDeps(), input),
  recordVisit: (_: unknown, { input }: { input: { householdId: string; note: string; idempotencyKey: string } }, ctx: CommunityContext) =>
    recordVisit(ctx.gridDeps(), input),
};
