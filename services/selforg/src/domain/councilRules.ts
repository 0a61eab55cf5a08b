import { badInput, conflict, formatDateTime, formatMoney, type Fen } from '@cgov/shared';
import type { MicroProjectKind, MicroProjectStatus } from '../db/schema.js';

/** The phases of a round of small livelihood projects (民生微实事). */
export type RoundStatus = 'COLLECTING' | 'SUPPORTING' | 'RESOLVING' | 'PUBLICISED' | 'CLOSED';

/** The most a project of each kind may cost (fen): works 500,000.00, services and goods 200,000.00. */
export const PROJECT_CAPS: Record<MicroProjectKind, Fen> = { WORKS: 50_000_000, SERVICE: 20_000_000, GOODS: 20_000_000 };

/** The most projects one round takes, and progress reports one project takes. */
export const PROJECTS_PER_ROUND = 200;
export const REPORTS_PER_PROJECT = 100;

/** How many projects of a round one household may support. */
export const SUPPORTS_PER_HOUSEHOLD = 3;

/**
 * Where a round stands at an instant: COLLECTING until proposalsUntil, SUPPORTING until supportsUntil, then
 * RESOLVING; PUBLICISED once a resolution is recorded; CLOSED when every funded project is accepted or dropped.
 * Worked out from the clock, so it is right at any instant on every instance.
 */
export function roundStatus(
  round: { proposalsUntil: Date; supportsUntil: Date; resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
): RoundStatus {
  if (round.closedAt) return 'CLOSED';
  if (round.resolvedAt) return 'PUBLICISED';
  if (now.getTime() < round.proposalsUntil.getTime()) return 'COLLECTING';
  if (now.getTime() < round.supportsUntil.getTime()) return 'SUPPORTING';
  return 'RESOLVING';
}

type Timed = Parameters<typeof roundStatus>[0];

/** Refuses (CONFLICT) what a round takes only in one phase, saying when that phase is. */
export function assertPhase(round: Timed, now: Date, phase: RoundStatus, what: string): void {
  const status = roundStatus(round, now);
  if (status === phase) return;
  const window: Partial<Record<RoundStatus, string>> = {
    COLLECTING: `until ${formatDateTime(round.proposalsUntil)}`,
    SUPPORTING: `from ${formatDateTime(round.proposalsUntil)} until ${formatDateTime(round.supportsUntil)}`,
    RESOLVING: `from ${formatDateTime(round.supportsUntil)} until a resolution is recorded`,
    PUBLICISED: 'once a resolution is recorded, until every funded project is accepted or dropped',
  };
  throw conflict(`${what} only while the round is ${phase} (${window[phase] ?? phase}); it is ${status} now.`);
}

/** Checks a round's windows when it is opened: proposals close in the future, supports after proposals. */
export function assertRoundWindows(proposalsUntil: Date, supportsUntil: Date, now: Date): void {
  if (proposalsUntil.getTime() <= now.getTime()) {
    throw badInput(`proposalsUntil (${formatDateTime(proposalsUntil)}) must be in the future: it is ${formatDateTime(now)} now.`, 'proposalsUntil');
  }
  if (supportsUntil.getTime() <= proposalsUntil.getTime()) {
    throw badInput(`supportsUntil (${formatDateTime(supportsUntil)}) must come after proposalsUntil (${formatDateTime(proposalsUntil)}).`, 'supportsUntil');
  }
}

/** Refuses an estimated cost of 0 or above the kind's cap. */
export function assertWithinCap(kind: MicroProjectKind, estimatedCost: Fen): void {
  if (estimatedCost <= 0) throw badInput('estimatedCost must be more than 0.00.', 'estimatedCost');
  const cap = PROJECT_CAPS[kind];
  if (estimatedCost > cap) {
    throw badInput(`A ${kind} project costs at most ${formatMoney(cap)}; this one is estimated at ${formatMoney(estimatedCost)}.`, 'estimatedCost');
  }
}

/** One project's vote as the staff enter it. */
export interface ProjectVote {
  projectId: string;
  for: number;
  against: number;
  abstain: number;
  recused?: string[] | null;
}

/** What a project is after the resolution, and the votes recorded on it. */
export interface ProjectOutcome {
  projectId: string;
  status: Extract<MicroProjectStatus, 'FUNDED' | 'NOT_FUNDED' | 'REJECTED'>;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  recused: string[];
}

/** A project of the round as the resolution weighs it. */
export interface Candidate {
  id: string;
  title: string;
  estimatedCost: Fen;
  supports: number;
  proposedAt: Date;
}

/** True when at least two thirds of the council's members are present. */
export const hasQuorum = (present: number, members: number) => present * 3 >= members * 2;

/** True when a project has more votes for than half of ALL the council's members (present or not, recused or not). */
export const passes = (votesFor: number, members: number) => votesFor * 2 > members;

function distinct(ids: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw badInput(`${field} names member ${id} twice.`, field);
    seen.add(id);
  }
  return [...seen];
}

const count = (value: number, field: string) => {
  if (!Number.isInteger(value) || value < 0) throw badInput(`${field} must be a whole number of 0 or more (got ${value}).`, field);
  return value;
};

/**
 * The council's resolution on a round: checks the quorum (at least two thirds of the members present), every
 * project voted on once, recused members among those present, and for + against + abstain at most the members
 * present less those recused; a project passes with for more than half of ALL members. Passed projects are funded in
 * order of votes for, then supports, then the earliest proposed, each while it fits in what is left of the budget
 * (NOT_FUNDED otherwise); the others are REJECTED.
 */
export function resolveRound(
  council: { memberIds: readonly string[] },
  budget: Fen,
  projects: readonly Candidate[],
  input: { membersPresent: readonly string[]; votes: readonly ProjectVote[] },
): { outcomes: ProjectOutcome[]; allocated: Fen } {
  const members = new Set(council.memberIds);
  const present = distinct(input.membersPresent, 'membersPresent');
  const stranger = present.find((id) => !members.has(id));
  if (stranger) throw badInput(`membersPresent: ${stranger} is not a member of this council.`, 'membersPresent');
  if (!hasQuorum(present.length, members.size)) {
    const needed = Math.ceil((members.size * 2) / 3);
    throw badInput(`No quorum: ${present.length} of the council's ${members.size} members are present; a resolution needs at least ${needed} (two thirds).`, 'membersPresent');
  }
  const presentSet = new Set(present);
  const byId = new Map(projects.map((project) => [project.id, project]));
  const voted = new Map<string, ProjectOutcome>();
  input.votes.forEach((vote, i) => {
    const field = `votes[${i}]`;
    const project = byId.get(vote.projectId);
    if (!project) throw badInput(`${field}: project ${vote.projectId} is not proposed in this round.`, 'votes');
    if (voted.has(vote.projectId)) throw badInput(`${field}: 「${project.title}」 is voted on twice.`, 'votes');
    const recused = distinct(vote.recused ?? [], `${field}.recused`);
    const absent = recused.find((id) => !presentSet.has(id));
    if (absent) throw badInput(`${field}.recused: ${absent} is not among the members present.`, 'votes');
    const votesFor = count(vote.for, `${field}.for`);
    const votesAgainst = count(vote.against, `${field}.against`);
    const votesAbstain = count(vote.abstain, `${field}.abstain`);
    const voters = present.length - recused.length;
    if (votesFor + votesAgainst + votesAbstain > voters) {
      throw badInput(
        `${field}: 「${project.title}」 has ${votesFor + votesAgainst + votesAbstain} votes (for, against, abstain) but only ${voters} members may vote on it (${present.length} present, ${recused.length} recused).`,
        'votes',
      );
    }
    const status = passes(votesFor, members.size) ? 'FUNDED' : 'REJECTED';
    voted.set(vote.projectId, { projectId: vote.projectId, status, votesFor, votesAgainst, votesAbstain, recused });
  });
  const missing = projects.filter((project) => !voted.has(project.id));
  if (missing.length) throw badInput(`Every project of the round is voted on; missing: ${missing.map((project) => `「${project.title}」`).join('、')}.`, 'votes');

  const passed = projects
    .filter((project) => voted.get(project.id)!.status === 'FUNDED')
    .sort(
      (a, b) =>
        voted.get(b.id)!.votesFor - voted.get(a.id)!.votesFor ||
        b.supports - a.supports ||
        a.proposedAt.getTime() - b.proposedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  let left = budget;
  for (const project of passed) {
    const outcome = voted.get(project.id)!;
    if (project.estimatedCost <= left) left -= project.estimatedCost;
    else outcome.status = 'NOT_FUNDED';
  }
  return { outcomes: projects.map((project) => voted.get(project.id)!), allocated: budget - left };
}

/** Checks a progress report: percent 0–100, neither it nor spending going back, spending within the estimate. */
export function assertProgress(
  project: { status: MicroProjectStatus; percentDone: number; spent: Fen; estimatedCost: Fen },
  report: { percentDone: number; spent: Fen },
): void {
  if (project.status !== 'FUNDED' && project.status !== 'IN_PROGRESS') {
    throw conflict(`Progress is reported on funded projects under way; this one is ${project.status}.`);
  }
  if (!Number.isInteger(report.percentDone) || report.percentDone < 0 || report.percentDone > 100) {
    throw badInput(`percentDone must be a whole number from 0 to 100 (got ${report.percentDone}).`, 'percentDone');
  }
  if (report.spent > project.estimatedCost) {
    throw badInput(`spent (${formatMoney(report.spent)}) cannot exceed the project's estimated cost (${formatMoney(project.estimatedCost)}).`, 'spent');
  }
  if (report.percentDone < project.percentDone) throw conflict(`The last report said ${project.percentDone}% done; progress does not go back.`);
  if (report.spent < project.spent) throw conflict(`The last report said ${formatMoney(project.spent)} spent; spent is the total so far and does not go back.`);
}

/** What a funded project still holds of the round's budget: its estimate, or what it spent once dropped. */
export const allocationOf = (project: { status: MicroProjectStatus; funded: boolean; estimatedCost: Fen; spent: Fen }): Fen =>
  !project.funded ? 0 : project.status === 'DROPPED' ? project.spent : project.estimatedCost;

/** The council's acceptance: ACCEPTED once the work is reported 100% done, or DROPPED; only a funded project under way. */
export function acceptanceOutcome(project: { status: MicroProjectStatus; percentDone: number }, accepted: boolean): 'ACCEPTED' | 'DROPPED' {
  if (project.status !== 'FUNDED' && project.status !== 'IN_PROGRESS') {
    throw conflict(`Only a funded project under way is accepted or dropped; this one is ${project.status}.`);
  }
  if (accepted && project.percentDone < 100) throw conflict(`The project is reported ${project.percentDone}% done; it is accepted once reported 100% done.`);
  return accepted ? 'ACCEPTED' : 'DROPPED';
}
