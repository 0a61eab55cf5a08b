import { randomUUID } from 'node:crypto';
import { DEMO, demoIds, type Clock } from '@cgov/shared';
import { expect } from 'vitest';
import type { ConsoleTestbed } from './harness.js';

/** Q社区, whose staff sign in as 'Q社区居委会' and whose demo council has 9 members (quorum 6, a pass needs 5 for). */
export const Q_COMMUNITY = DEMO.communityId;
const MINUTE = 60_000;

/** Households of Q社区's A小区 1栋 (floors 1–8, two doors), who propose and support through the API. */
export const Q_NEIGHBOURS = Array.from({ length: 8 }, (_, f) => [1, 2].map((door) => demoIds.household(demoIds.building(demoIds.compound(DEMO.communityId, 'A小区'), '1栋'), `${f + 1}0${door}`))).flat();

/** A project of a round as the API answers it. */
export interface ApiProject {
  id: string;
  title: string;
  status: string;
  estimatedCost: string;
  supports: number;
  funded: boolean;
  votesFor: number | null;
  supportedByMyHousehold: boolean | null;
}
/** A round as the API answers it. */
export interface ApiRound {
  id: string;
  status: string;
  budget: string;
  allocated: string;
  spent: string;
  remaining: string;
  projects: ApiProject[];
}

const ROUND_FIELDS = 'id status budget allocated spent remaining projects { id title status estimatedCost supports funded votesFor supportedByMyHousehold }';

/** Sends one operation as a role and scope; fails the test on any error. */
export async function asRole<T>(bed: ConsoleTestbed, role: 'COMMUNITY_STAFF' | 'RESIDENT', scope: string, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await bed.caller(role, scope).query<T>(document, variables);
  expect(answer.errors, document).toBeUndefined();
  return answer.data!;
}

/** The contract codes of an operation's refusal (none when it was carried out). */
export async function refusalCodes(bed: ConsoleTestbed, role: 'COMMUNITY_STAFF' | 'RESIDENT', scope: string, document: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  const answer = await bed.caller(role, scope).query(document, variables);
  return (answer.errors ?? []).map((error) => String((error as { extensions?: { code?: string } }).extensions?.code));
}

/** Q社区's staff open a round: proposals for an hour from the clock's now, supports for the hour after. */
export async function openRound(bed: ConsoleTestbed, clock: Clock, title: string, budget: string): Promise<string> {
  const now = clock.now().getTime();
  const data = await asRole<{ openProjectRound: { id: string } }>(bed, 'COMMUNITY_STAFF', Q_COMMUNITY, 'mutation($input: OpenProjectRoundInput!) { openProjectRound(input: $input) { id } }', {
    input: { communityId: Q_COMMUNITY, title, budget, proposalsUntil: new Date(now + 60 * MINUTE).toISOString(), supportsUntil: new Date(now + 120 * MINUTE).toISOString() },
  });
  return data.openProjectRound.id;
}

/** A household proposes a project. */
export async function propose(bed: ConsoleTestbed, householdId: string, roundId: string, title: string, kind: string, estimatedCost: string): Promise<string> {
  const data = await asRole<{ proposeMicroProject: { id: string } }>(bed, 'RESIDENT', householdId, 'mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }', {
    input: { roundId, householdId, title, kind, description: `${title}（居民提出）`, estimatedCost },
  });
  return data.proposeMicroProject.id;
}

/** The operation of a household's support, for `asRole` or `refusalCodes`. */
export const SUPPORT = 'mutation($input: SupportMicroProjectInput!) { supportMicroProject(input: $input) { id supports } }';
/** The variables of a household's support, each with a new idempotency key. */
export const supportOf = (projectId: string, householdId: string) => ({ input: { projectId, householdId, idempotencyKey: randomUUID() } });

/** A round as a role reads it (a resident's read says which projects its household supports). */
export async function readRound(bed: ConsoleTestbed, id: string, role: 'COMMUNITY_STAFF' | 'RESIDENT' = 'COMMUNITY_STAFF', scope: string = Q_COMMUNITY): Promise<ApiRound> {
  return (await asRole<{ projectRound: ApiRound }>(bed, role, scope, `query($id: ID!) { projectRound(id: $id) { ${ROUND_FIELDS} } }`, { id })).projectRound;
}
