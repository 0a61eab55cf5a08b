import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { anyOf, byLevel, conflict, everyLevel, notFound, ofLevel, validUuids, type Database, type Executor, type Fen } from '@cgov/shared';
import {
  councilMembers,
  microProjectReports,
  microProjects,
  microProjectSupportKeys,
  microProjectSupports,
  projectRounds,
  residentsCouncils,
  type CouncilRole,
  type MicroProjectKind,
  type MicroProjectRow,
  type ProjectRoundRow,
  type SelforgTables,
} from '../db/schema.js';
import {
  acceptanceOutcome,
  assertPhase,
  assertProgress,
  PROJECTS_PER_ROUND,
  REPORTS_PER_PROJECT,
  resolveRound,
  SUPPORTS_PER_HOUSEHOLD,
  type ProjectVote,
} from '../domain/councilRules.js';

type Tx = Executor<SelforgTables>;

/** A region's small livelihood projects of a year: its rounds added up. */
export interface ProjectFigures {
  rounds: number;
  budget: Fen;
  allocated: Fen;
  spent: Fen;
  projects: number;
  fundedProjects: number;
  acceptedProjects: number;
}

/** A round held FOR UPDATE (or FOR SHARE) inside a transaction; NOT_FOUND when there is none. */
async function lockRound(tx: Tx, id: string, strength: 'update' | 'share'): Promise<ProjectRoundRow> {
  const [round] = await tx.select().from(projectRounds).where(anyOf(projectRounds.id, validUuids([id]))).for(strength);
  if (!round) throw notFound(`There is no project round with id ${id}.`);
  return round;
}

/** A project and its round, the round locked first (every writer locks in that order), then the project FOR UPDATE. */
async function lockProject(tx: Tx, projectId: string, strength: 'update' | 'share'): Promise<{ round: ProjectRoundRow; project: MicroProjectRow }> {
  const [found] = await tx.select({ roundId: microProjects.roundId }).from(microProjects).where(anyOf(microProjects.id, validUuids([projectId])));
  if (!found) throw notFound(`There is no project with id ${projectId}.`);
  const round = await lockRound(tx, found.roundId, strength);
  const [project] = await tx.select().from(microProjects).where(eq(microProjects.id, projectId)).for('update');
  return { round, project: project! };
}

/** The only code that reads or writes residents' councils, their rounds of small livelihood projects and the supports. */
export class CouncilRepository {
  constructor(private readonly db: Database<SelforgTables>) {}

  councilsByIds(ids: readonly string[]) {
    return this.db.select().from(residentsCouncils).where(anyOf(residentsCouncils.id, validUuids(ids)));
  }

  councilsOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(residentsCouncils).where(anyOf(residentsCouncils.communityId, [...communityIds]));
  }

  membersOf(councilIds: readonly string[]) {
    return this.db
      .select()
      .from(councilMembers)
      .where(anyOf(councilMembers.councilId, validUuids(councilIds)))
      .orderBy(asc(councilMembers.position));
  }

  roundsByIds(ids: readonly string[]) {
    return this.db.select().from(projectRounds).where(anyOf(projectRounds.id, validUuids(ids)));
  }

  /** The communities' rounds, latest opened first: each community's latest `perCommunity`. */
  roundsOfCommunities(communityIds: readonly string[], perCommunity: number) {
    const ranked = this.db
      .select({ id: projectRounds.id, rank: sql<number>`row_number() OVER (PARTITION BY ${projectRounds.communityId} ORDER BY ${projectRounds.openedAt} DESC, ${projectRounds.seq} DESC)`.as('rank') })
      .from(projectRounds)
      .where(anyOf(projectRounds.communityId, [...communityIds]))
      .as('ranked');
    return this.db
      .select({ round: projectRounds })
      .from(projectRounds)
      .innerJoin(ranked, eq(ranked.id, projectRounds.id))
      .where(sql`${ranked.rank} <= ${perCommunity}`)
      .orderBy(desc(projectRounds.openedAt), desc(projectRounds.seq))
      .then((rows) => rows.map((row) => row.round));
  }

  /** The rounds' projects, earliest proposed first. */
  projectsOf(roundIds: readonly string[]) {
    return this.db
      .select()
      .from(microProjects)
      .where(anyOf(microProjects.roundId, validUuids(roundIds)))
      .orderBy(asc(microProjects.proposedAt), asc(microProjects.seq));
  }

  projectsByIds(ids: readonly string[]) {
    return this.db.select().from(microProjects).where(anyOf(microProjects.id, validUuids(ids)));
  }

  /** Which of the projects the household supports. */
  supportsOfHousehold(householdId: string, projectIds: readonly string[]) {
    return this.db
      .select({ projectId: microProjectSupports.projectId })
      .from(microProjectSupports)
      .where(and(eq(microProjectSupports.householdId, householdId), anyOf(microProjectSupports.projectId, validUuids(projectIds))));
  }

  /** The projects' progress reports, earliest first. */
  reportsOf(projectIds: readonly string[]) {
    return this.db
      .select()
      .from(microProjectReports)
      .where(anyOf(microProjectReports.projectId, validUuids(projectIds)))
      .orderBy(asc(microProjectReports.reportedAt), asc(microProjectReports.seq));
  }

  /** Registers a community's council with its members, in the order given; a community has one council. */
  async registerCouncil(
    council: typeof residentsCouncils.$inferInsert,
    members: Array<{ id?: string; name: string; role: CouncilRole; householdId: string | null }>,
  ) {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(residentsCouncils).values(council).onConflictDoNothing({ target: residentsCouncils.communityId }).returning();
      if (!created) throw conflict(`Community ${council.communityId} already has a registered residents' council.`);
      await tx.insert(councilMembers).values(members.map((member, position) => ({ ...member, position, councilId: created.id })));
      return created;
    });
  }

  /** Opens a round of the council's community. */
  async openRound(round: typeof projectRounds.$inferInsert): Promise<ProjectRoundRow> {
    const [created] = await this.db.insert(projectRounds).values(round).returning();
    return created!;
  }

  /** Adds a proposal to a round while it is COLLECTING (checked under the round's lock). */
  async propose(project: {
    id?: string;
    roundId: string;
    title: string;
    kind: MicroProjectKind;
    description: string;
    estimatedCost: Fen;
    householdId: string | null;
    proposedBy: string;
    proposedAt: Date;
  }): Promise<MicroProjectRow> {
    return this.db.transaction(async (tx) => {
      const round = await lockRound(tx, project.roundId, 'update');
      assertPhase(round, project.proposedAt, 'COLLECTING', 'Projects are proposed');
      if (round.projectCount >= PROJECTS_PER_ROUND) throw conflict(`This round already has ${round.projectCount} projects, the most one round takes.`);
      const [created] = await tx.insert(microProjects).values(project).returning();
      await tx.update(projectRounds).set({ projectCount: sql`${projectRounds.projectCount} + 1` }).where(eq(projectRounds.id, round.id));
      return created!;
    });
  }

  /**
   * A household supports a project while its round is SUPPORTING: at most 3 projects a round, counted under a lock on
   * the round and household so that concurrent supports cannot pass it; supporting a project again changes nothing.
   * A key sent again (even after a withdrawal) changes nothing; the same key for another support is a CONFLICT.
   */
  async support(request: { projectId: string; householdId: string; submittedBy: string; idempotencyKey: string; now: Date }): Promise<MicroProjectRow> {
    return this.db.transaction(async (tx) => {
      const { round, project } = await lockProject(tx, request.projectId, 'share');
      const reused = () => conflict(`The idempotency key "${request.idempotencyKey}" was already used for another support; use a new key.`);
      const [earlier] = await tx
        .select()
        .from(microProjectSupportKeys)
        .where(and(eq(microProjectSupportKeys.submittedBy, request.submittedBy), eq(microProjectSupportKeys.idempotencyKey, request.idempotencyKey)));
      if (earlier) {
        if (earlier.projectId !== request.projectId || earlier.householdId !== request.householdId) throw reused();
        return project;
      }
      assertPhase(round, request.now, 'SUPPORTING', 'Projects are supported');
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`support:${round.id}:${request.householdId}`}))`);
      const given = await tx
        .select({ projectId: microProjectSupports.projectId })
        .from(microProjectSupports)
        .where(and(eq(microProjectSupports.roundId, round.id), eq(microProjectSupports.householdId, request.householdId)));
      const already = given.some((row) => row.projectId === request.projectId);
      if (!already && given.length >= SUPPORTS_PER_HOUSEHOLD) {
        throw conflict(`Your household already supports ${given.length} projects of this round, the most it may; withdraw one to support another.`);
      }
      const [kept] = await tx
        .insert(microProjectSupportKeys)
        .values({ submittedBy: request.submittedBy, idempotencyKey: request.idempotencyKey, projectId: project.id, householdId: request.householdId, sentAt: request.now })
        .onConflictDoNothing()
        .returning();
      if (!kept) {
        // The same key committed meanwhile: answer as it did, or refuse it for another support.
        const [other] = await tx
          .select()
          .from(microProjectSupportKeys)
          .where(and(eq(microProjectSupportKeys.submittedBy, request.submittedBy), eq(microProjectSupportKeys.idempotencyKey, request.idempotencyKey)));
        if (other!.projectId !== request.projectId || other!.householdId !== request.householdId) throw reused();
        return project;
      }
      if (already) return project;
      await tx.insert(microProjectSupports).values({ projectId: project.id, roundId: round.id, householdId: request.householdId, submittedBy: request.submittedBy, supportedAt: request.now });
      const [counted] = await tx
        .update(microProjects)
        .set({ supports: sql`${microProjects.supports} + 1` })
        .where(eq(microProjects.id, project.id))
        .returning();
      return counted!;
    });
  }

  /** A household withdraws its support while the round is SUPPORTING, freeing its place; withdrawing none changes nothing. */
  async withdrawSupport(projectId: string, householdId: string, now: Date): Promise<MicroProjectRow> {
    return this.db.transaction(async (tx) => {
      const { round, project } = await lockProject(tx, projectId, 'share');
      assertPhase(round, now, 'SUPPORTING', 'Supports are withdrawn');
      const deleted = await tx
        .delete(microProjectSupports)
        .where(and(eq(microProjectSupports.projectId, projectId), eq(microProjectSupports.householdId, householdId)))
        .returning();
      if (!deleted.length) return project;
      const [counted] = await tx
        .update(microProjects)
        .set({ supports: sql`${microProjects.supports} - 1` })
        .where(eq(microProjects.id, projectId))
        .returning();
      return counted!;
    });
  }

  /**
   * Records the council's resolution on a RESOLVING round (under its lock): the votes, the funded, not funded and
   * rejected projects, what is allocated; the round is PUBLICISED, or CLOSED at once when nothing was funded.
   */
  async resolve(roundId: string, input: { membersPresent: string[]; votes: ProjectVote[] }, resolvedBy: string, now: Date): Promise<ProjectRoundRow> {
    return this.db.transaction(async (tx) => {
      const round = await lockRound(tx, roundId, 'update');
      assertPhase(round, now, 'RESOLVING', 'A resolution is recorded');
      const members = await tx.select({ id: councilMembers.id }).from(councilMembers).where(eq(councilMembers.councilId, round.councilId));
      const projects = await tx.select().from(microProjects).where(eq(microProjects.roundId, round.id)).orderBy(asc(microProjects.id)).for('update');
      const { outcomes, allocated } = resolveRound({ memberIds: members.map((member) => member.id) }, round.budget, projects, input);
      for (const outcome of outcomes) {
        await tx
          .update(microProjects)
          .set({
            status: outcome.status,
            funded: outcome.status === 'FUNDED',
            votesFor: outcome.votesFor,
            votesAgainst: outcome.votesAgainst,
            votesAbstain: outcome.votesAbstain,
            recused: outcome.recused,
            decidedAt: now,
          })
          .where(eq(microProjects.id, outcome.projectId));
      }
      const fundedCount = outcomes.filter((outcome) => outcome.status === 'FUNDED').length;
      const [resolved] = await tx
        .update(projectRounds)
        .set({
          membersPresent: [...input.membersPresent],
          memberCount: members.length,
          resolvedBy,
          resolvedAt: now,
          allocated,
          fundedCount,
          closedAt: fundedCount === 0 ? now : null,
        })
        .where(eq(projectRounds.id, round.id))
        .returning();
      return resolved!;
    });
  }

  /** Records a funded project's progress while its round is PUBLICISED (the report's id a new random one unless given, as the demo does); the round's spent follows the project's. */
  async reportProgress(report: { id?: string; projectId: string; percentDone: number; note: string; spent: Fen; reportedBy: string; now: Date }): Promise<MicroProjectRow> {
    return this.db.transaction(async (tx) => {
      const { round, project } = await lockProject(tx, report.projectId, 'update');
      assertPhase(round, report.now, 'PUBLICISED', 'Progress is reported');
      assertProgress(project, report);
      const [reports] = await tx.select({ n: sql<number>`count(*)::int` }).from(microProjectReports).where(eq(microProjectReports.projectId, project.id));
      if (reports!.n >= REPORTS_PER_PROJECT) throw conflict(`This project already has ${reports!.n} progress reports, the most one project takes.`);
      await tx.insert(microProjectReports).values({
        id: report.id,
        projectId: project.id,
        percentDone: report.percentDone,
        note: report.note,
        spent: report.spent,
        reportedBy: report.reportedBy,
        reportedAt: report.now,
      });
      const [updated] = await tx
        .update(microProjects)
        .set({ status: 'IN_PROGRESS', percentDone: report.percentDone, spent: report.spent })
        .where(eq(microProjects.id, project.id))
        .returning();
      await tx
        .update(projectRounds)
        .set({ spent: sql`${projectRounds.spent} + ${report.spent - project.spent}` })
        .where(eq(projectRounds.id, round.id));
      return updated!;
    });
  }

  /**
   * The council accepts a funded project (ACCEPTED) or drops it (DROPPED: what it did not spend goes back to the
   * round's remaining budget); the round is CLOSED when no funded project is left under way.
   */
  async accept(request: { projectId: string; accepted: boolean; note: string; now: Date }): Promise<MicroProjectRow> {
    return this.db.transaction(async (tx) => {
      const { round, project } = await lockProject(tx, request.projectId, 'update');
      assertPhase(round, request.now, 'PUBLICISED', 'Projects are accepted');
      const status = acceptanceOutcome(project, request.accepted);
      const [decided] = await tx
        .update(microProjects)
        .set({ status, decidedAt: request.now, decisionNote: request.note })
        .where(eq(microProjects.id, project.id))
        .returning();
      const [underWay] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(microProjects)
        .where(and(eq(microProjects.roundId, round.id), inArray(microProjects.status, ['FUNDED', 'IN_PROGRESS'])));
      await tx
        .update(projectRounds)
        .set({
          allocated: sql`${projectRounds.allocated} - ${status === 'DROPPED' ? project.estimatedCost - project.spent : 0}`,
          acceptedCount: sql`${projectRounds.acceptedCount} + ${status === 'ACCEPTED' ? 1 : 0}`,
          closedAt: underWay!.n === 0 ? request.now : null,
        })
        .where(eq(projectRounds.id, round.id));
      return decided!;
    });
  }

  /** Per region asked (any level) and year, its rounds added up: one statement for every region and level asked. */
  async figures(regionIds: readonly string[], years: readonly number[]): Promise<Array<{ regionId: string; year: number } & ProjectFigures>> {
    const levels = [...byLevel(regionIds)];
    if (!levels.length || !years.length) return [];
    const r = projectRounds;
    const sum = (column: typeof r.budget | typeof r.allocated | typeof r.spent, name: string) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number).as(name);
    const total = (column: typeof r.projectCount | typeof r.fundedCount | typeof r.acceptedCount, name: string) =>
      sql<number>`coalesce(sum(${column}), 0)::int`.as(name);
    return everyLevel(
      levels.map(([length, ids]) => {
        const region = ofLevel(r.communityId, length);
        return this.db
          .select({
            regionId: sql<string>`${region}`.as('region_id'),
            year: r.year,
            rounds: sql<number>`count(*)::int`.as('rounds'),
            budget: sum(r.budget, 'budget'),
            allocated: sum(r.allocated, 'allocated'),
            spent: sum(r.spent, 'spent'),
            projects: total(r.projectCount, 'projects'),
            fundedProjects: total(r.fundedCount, 'funded_projects'),
            acceptedProjects: total(r.acceptedCount, 'accepted_projects'),
          })
          .from(r)
          .where(and(anyOf(r.year, [...years]), anyOf(region, ids)))
          .groupBy(region, r.year)
          .$dynamic();
      }),
    );
  }
}
