import { createHash, randomUUID } from 'node:crypto';
import { assertRegionId, badInput, boundedInt, forbidden, notFound, requiredText, Role, type Viewer } from '@cgov/shared';
import type { CareKind, GridDuty, GridLevel, GridRow, GridWorkerRow } from '../db/schema.js';
import type { Loaders } from '../loaders.js';
import type { GridRepository } from '../repositories/grids.js';
import {
  careCounts,
  careStatus,
  hasPartyGroup,
  MOST_DAYS_BETWEEN_VISITS,
  MICRO_GRID_MOST_HOUSEHOLDS,
  partyGroupMemberIds,
  placementProblem,
  subtreeOf,
  workerSlot,
  type CareStatus,
} from './gridRules.js';

/** What a micro-grid use case needs: who asks, the time, the repository it writes through and the request's loaders. */
export interface GridDeps {
  viewer: Viewer;
  now: Date;
  grids: GridRepository;
  loaders: Loaders;
}

/** A community's micro-grid as one request reads it: a few statements for the whole community, whatever its size. */
export interface GridPicture {
  grids: GridRow[];
  /** The micro-grid that holds each building. */
  gridOfBuilding: Map<string, string>;
  /** The grid and every grid under it. */
  subtree(gridId: string): Set<string>;
  /** The buildings of the grid and of the grids under it. */
  buildingsUnder(gridId: string): Set<string>;
  /** Households in the buildings of the grid and of the grids under it. */
  householdsUnder(gridId: string): number;
  workers: GridWorkerRow[];
}

/** Reads a community's micro-grid through the request's loaders (shared by every grid of the request). */
export async function gridPicture(loaders: Loaders, communityId: string): Promise<GridPicture> {
  const [grids, held, counts, workers] = await Promise.all([
    loaders.gridsOfCommunity.load(communityId),
    loaders.gridBuildingsOfCommunity.load(communityId),
    loaders.microGridHouseholdsOf.load(communityId),
    loaders.gridWorkersOfCommunity.load(communityId),
  ]);
  const gridOfBuilding = new Map(held.map((row) => [row.buildingId, row.gridId]));
  const householdsOf = new Map(counts.map((row) => [row.gridId, row.households]));
  const subtree = (gridId: string) => subtreeOf(grids, gridId);
  return {
    grids,
    gridOfBuilding,
    subtree,
    buildingsUnder(gridId) {
      const under = subtree(gridId);
      return new Set(held.filter((row) => under.has(row.gridId)).map((row) => row.buildingId));
    },
    householdsUnder(gridId) {
      let total = 0;
      for (const id of subtree(gridId)) total += householdsOf.get(id) ?? 0;
      return total;
    },
    workers,
  };
}

/** How far a community's micro-grid reaches: households in micro-grids, micro-grids without a worker or oversize, care counts. */
export async function gridCoverage(loaders: Loaders, communityId: string, now: Date) {
  const [picture, counts, households, care] = await Promise.all([
    gridPicture(loaders, communityId),
    loaders.microGridHouseholdsOf.load(communityId),
    loaders.householdCountOf.load(communityId),
    loaders.careOfCommunity.load(communityId),
  ]);
  const microGrids = picture.grids.filter((grid) => grid.level === 'BUILDING');
  const householdsOf = new Map(counts.map((row) => [row.gridId, row.households]));
  const staffed = new Set(picture.workers.map((worker) => worker.gridId));
  const figures = careCounts(care.map((row) => careStatus(row, row.lastVisitAt, now)));
  return {
    households: households?.households ?? 0,
    householdsInMicroGrids: counts.reduce((sum, row) => sum + row.households, 0),
    microGridsWithoutWorker: microGrids.filter((grid) => !staffed.has(grid.id)).length,
    oversizeMicroGrids: microGrids.filter((grid) => (householdsOf.get(grid.id) ?? 0) > MICRO_GRID_MOST_HOUSEHOLDS).length,
    careHouseholds: figures.households,
    overdueCareHouseholds: figures.overdue,
  };
}

/** The care flags of the households under a grid (its buildings and its grids'), as of now. */
export async function careUnder(loaders: Loaders, grid: GridRow, now: Date): Promise<CareStatus[]> {
  const [picture, care] = await Promise.all([gridPicture(loaders, grid.communityId), loaders.careOfCommunity.load(grid.communityId)]);
  const buildings = picture.buildingsUnder(grid.id);
  return care.filter((row) => buildings.has(row.buildingId)).map((row) => careStatus(row, row.lastVisitAt, now));
}

/** The party group of an area grid or micro-grid (null for the others): its members' ids and the leader named, while a member. */
export async function partyGroupOf(loaders: Loaders, grid: GridRow): Promise<{ memberIds: string[]; leaderId: string | null } | null> {
  if (!hasPartyGroup(grid.level)) return null;
  const [picture, assignments] = await Promise.all([gridPicture(loaders, grid.communityId), loaders.assignmentsOfCommunity.load(grid.communityId)]);
  const memberIds = partyGroupMemberIds(picture.subtree(grid.id), picture.gridOfBuilding, assignments, picture.workers);
  const leaderId = grid.partyGroupLeaderId && memberIds.includes(grid.partyGroupLeaderId) ? grid.partyGroupLeaderId : null;
  return { memberIds, leaderId };
}

/** Where a GRID_WORKER may act: its worker row, its grid and the grids under it, and their buildings; null for other roles or an unknown worker. */
export async function workerReach(loaders: Loaders, viewer: Viewer) {
  if (viewer.role !== Role.GRID_WORKER) return null;
  const worker = await loaders.gridWorkerById.load(viewer.scope);
  if (!worker) return null;
  const picture = await gridPicture(loaders, worker.communityId);
  return { worker, grids: picture.subtree(worker.gridId), buildings: picture.buildingsUnder(worker.gridId) };
}
export type WorkerReach = Awaited<ReturnType<typeof workerReach>>;

function assertStaffOf(viewer: Viewer, communityId: string, action: string) {
  if (viewer.role !== Role.COMMUNITY_STAFF) throw forbidden(`Only COMMUNITY_STAFF may ${action}; your role is ${viewer.role}.`);
  if (viewer.scope !== communityId) throw forbidden(`You are staff of community ${viewer.scope}; you may ${action} only there, not in ${communityId}.`);
}

async function existingGrid(loaders: Loaders, id: string, field: string): Promise<GridRow> {
  const grid = await loaders.gridById.load(id);
  if (!grid) throw notFound(`There is no grid with id ${id} (${field}).`);
  return grid;
}

export interface CreateGridInput {
  communityId: string;
  parentId?: string | null;
  level: GridLevel;
  name: string;
  buildingIds?: string[] | null;
}

/**
 * Draws a grid (community staff of its community): the one community grid, an area or dedicated grid under it, or a
 * micro-grid under an area holding whole buildings of the community, none of them already in a micro-grid.
 */
export async function createGrid({ viewer, now, grids, loaders }: GridDeps, input: CreateGridInput): Promise<GridRow> {
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  assertStaffOf(viewer, input.communityId, 'draw grids');
  const name = requiredText(input.name, 'name', 50);
  const buildingIds = input.buildingIds ?? [];
  if (new Set(buildingIds).size !== buildingIds.length) throw badInput('buildingIds names a building twice.', 'buildingIds');
  const parent = input.parentId ? await existingGrid(loaders, input.parentId, 'parentId') : null;
  const problem = placementProblem({ communityId: input.communityId, level: input.level, buildingCount: buildingIds.length }, parent);
  if (problem) throw badInput(problem.message, problem.field);
  const buildings = await Promise.all(buildingIds.map((id) => loaders.buildingById.load(id)));
  buildings.forEach((building, i) => {
    if (!building) throw notFound(`There is no building with id ${buildingIds[i]}.`);
    if (building.communityId !== input.communityId) throw badInput(`Building ${building.name} is not in community ${input.communityId}.`, 'buildingIds');
  });
  return grids.createGrid(
    { id: randomUUID(), communityId: input.communityId, parentId: parent?.id ?? null, level: input.level, name, createdBy: viewer.sub, createdAt: now },
    buildingIds,
  );
}

export interface AssignGridWorkerInput {
  gridId: string;
  name: string;
  phone: string;
  duty: GridDuty;
  partyMemberId?: string | null;
}

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/** Names a worker of a grid (community staff): in a micro-grid one responsible worker and one backup; a party member of the community, if one. */
export async function assignGridWorker({ viewer, now, grids, loaders }: GridDeps, input: AssignGridWorkerInput): Promise<GridWorkerRow> {
  const grid = await existingGrid(loaders, input.gridId, 'gridId');
  assertStaffOf(viewer, grid.communityId, 'name grid workers');
  const name = requiredText(input.name, 'name', 50);
  const phone = requiredText(input.phone, 'phone', 20);
  if (!PHONE.test(phone)) throw badInput(`phone must be a phone number (got "${phone}").`, 'phone');
  let partyMemberId: string | null = null;
  if (input.partyMemberId) {
    const member = await loaders.partyMemberById.load(input.partyMemberId);
    if (!member) throw notFound(`There is no party member with id ${input.partyMemberId}.`);
    if (member.communityId !== grid.communityId) throw badInput('The party member reported to another community.', 'partyMemberId');
    partyMemberId = member.id;
  }
  return grids.addWorker({
    id: randomUUID(),
    gridId: grid.id,
    communityId: grid.communityId,
    name,
    phone,
    duty: input.duty,
    slot: workerSlot(grid.level, input.duty),
    partyMemberId,
    assignedBy: viewer.sub,
    assignedAt: now,
  });
}

/** Names the leader of an area grid's or micro-grid's party group (community staff): one of its members. */
export async function namePartyGroupLeader({ viewer, grids, loaders }: GridDeps, input: { gridId: string; partyMemberId: string }): Promise<GridRow> {
  const grid = await existingGrid(loaders, input.gridId, 'gridId');
  assertStaffOf(viewer, grid.communityId, 'name party group leaders');
  const group = await partyGroupOf(loaders, grid);
  if (!group) throw badInput(`A ${grid.level} grid has no party group; area grids and micro-grids have one.`, 'gridId');
  if (!group.memberIds.includes(input.partyMemberId)) {
    throw badInput(`That party member is not in ${grid.name}'s party group (party members on floors of its buildings or working in it).`, 'partyMemberId');
  }
  return grids.setPartyGroupLeader(grid.id, input.partyMemberId);
}

/** True when the viewer may read and write the care of a household: the community's staff, and workers whose grid holds it. */
function caresFor(viewer: Viewer, reach: WorkerReach, household: { communityId: string; buildingId: string }): boolean {
  if (viewer.role === Role.COMMUNITY_STAFF) return viewer.scope === household.communityId;
  return reach !== null && reach.buildings.has(household.buildingId);
}

/**
 * Flags a household for care with how often to visit it (community staff of its community, or a worker whose grid
 * holds it); the same kind again changes the interval. Answers the flag as it stands now.
 */
export async function flagHouseholdCare(
  { viewer, now, grids, loaders }: GridDeps,
  input: { householdId: string; kind: CareKind; visitEveryDays: number },
): Promise<CareStatus> {
  const household = await loaders.householdById.load(input.householdId);
  if (!household) throw notFound(`There is no household with id ${input.householdId}.`);
  if (!caresFor(viewer, await workerReach(loaders, viewer), household)) {
    throw forbidden(`Households are flagged for care by the community's staff and the workers of their grid; household ${household.id} is outside your scope.`);
  }
  const visitEveryDays = boundedInt(input.visitEveryDays, 'visitEveryDays', 1, MOST_DAYS_BETWEEN_VISITS);
  await grids.flagCare({ householdId: household.id, kind: input.kind, communityId: household.communityId, visitEveryDays, flaggedBy: viewer.sub, flaggedAt: now });
  loaders.careOfCommunity.clear(household.communityId);
  const row = (await loaders.careOfCommunity.load(household.communityId)).find((each) => each.householdId === household.id && each.kind === input.kind)!;
  return careStatus(row, row.lastVisitAt, now);
}

/** Records a grid worker's visit to a household of its grid (or a grid under it); idempotent by the worker's key. */
export async function recordVisit({ viewer, now, grids, loaders }: GridDeps, input: { householdId: string; note: string; idempotencyKey: string }) {
  if (viewer.role !== Role.GRID_WORKER) throw forbidden(`Visits are recorded by grid workers; your role is ${viewer.role}.`);
  const reach = await workerReach(loaders, viewer);
  if (!reach) throw forbidden(`There is no grid worker ${viewer.scope}: your token names no worker of a grid.`);
  const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
  const note = requiredText(input.note, 'note', 500);
  const household = await loaders.householdById.load(input.householdId);
  if (!household) throw notFound(`There is no household with id ${input.householdId}.`);
  if (!reach.buildings.has(household.buildingId)) throw forbidden(`Household ${household.id} is not in your grid: you record visits for your grid's households only.`);
  return grids.recordVisit({
    id: randomUUID(),
    householdId: household.id,
    communityId: household.communityId,
    gridWorkerId: reach.worker.id,
    note,
    visitedAt: now,
    idempotencyKey,
    fingerprint: createHash('sha256').update(JSON.stringify([household.id, note])).digest('hex'),
  });
}
