// What the request tests do through the API beside the page (the hotline filing, another unit moving a request), and
// read back to compare with the screen: the contract's mutations, sent as the roles that may send them.
import { randomUUID } from 'node:crypto';
import { DEMO, DEMO_ACTORS, type Role } from '@cgov/shared';
import { expect } from 'vitest';
import type { ConsoleTestbed } from './harness.js';

export const HOTLINE = DEMO_ACTORS.find((actor) => actor.id === 'hotline-12345')!;
export const STREET_OFFICE = DEMO_ACTORS.find((actor) => actor.id === 'street-office')!;
export const WATER_DEPARTMENT = DEMO_ACTORS.find((actor) => actor.id === 'department-water')!;
/** Q社区 (青山街道) and 友谊社区 (和平街道). */
export const Q_COMMUNITY = DEMO.communityId;
export const YOUYI_COMMUNITY = '420102002001';
export const HEPING_STREET = '420102002';

/** A request as the tests read it back. */
export interface RequestFigures {
  id: string;
  status: string;
  returnCount: number;
  responseDeadline: string;
  resolutionDeadline: string;
  respondedLate: boolean;
  resolvedLate: boolean;
  reply: string | null;
  street: { id: string } | null;
  department: { id: string; name: string } | null;
  summons: Array<{ department: { id: string; name: string }; reportDeadline: string; reportedAt: string | null }>;
  callback: { resolved: boolean; satisfaction: string } | null;
}
const FIELDS = `id status returnCount responseDeadline resolutionDeadline respondedLate resolvedLate reply street { id } department { id name }
  summons { department { id name } reportDeadline reportedAt } callback { resolved satisfaction }`;

/** Words no other request has, to find a request on the page. */
export const uniqueWords = (words: string) => `${words}（${randomUUID().slice(0, 8)}）`;

/** Sends a mutation or query as a role and returns its data, failing the test on any error. */
export async function send<T>(bed: ConsoleTestbed, actor: { role: string; scope: string }, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await bed.caller(actor.role as Role, actor.scope).query<T>(document, variables);
  expect(answer.errors, document).toBeUndefined();
  return answer.data!;
}

/** The hotline files a request for a caller (HOTLINE channel). */
export async function fileByHotline(bed: ConsoleTestbed, input: { communityId?: string; categoryCode?: string; description: string; callerName?: string }): Promise<RequestFigures> {
  const data = await send<{ fileRequest: RequestFigures }>(bed, HOTLINE, `mutation($input: FileRequestInput!) { fileRequest(input: $input) { ${FIELDS} } }`, {
    input: { communityId: input.communityId ?? Q_COMMUNITY, categoryCode: input.categoryCode ?? 'SUPPLIES', description: input.description, channel: 'HOTLINE', callerName: input.callerName ?? null, idempotencyKey: randomUUID() },
  });
  return data.fileRequest;
}

/** A request as the hotline of its city reads it. */
export async function readRequest(bed: ConsoleTestbed, id: string): Promise<RequestFigures> {
  return (await send<{ request: RequestFigures }>(bed, HOTLINE, `query($id: ID!) { request(id: $id) { ${FIELDS} } }`, { id })).request;
}

/** Mutations as the unit that holds a request, or the hotline. */
export const moves = {
  accept: (bed: ConsoleTestbed, unit: { role: string; scope: string }, id: string) => send(bed, unit, 'mutation($id: ID!) { acceptRequest(id: $id) { id } }', { id }),
  giveBack: (bed: ConsoleTestbed, unit: { role: string; scope: string }, id: string, reason: string) => send(bed, unit, 'mutation($id: ID!, $r: String!) { returnRequest(id: $id, reason: $r) { id } }', { id, r: reason }),
  reply: (bed: ConsoleTestbed, unit: { role: string; scope: string }, id: string, reply: string) => send(bed, unit, 'mutation($id: ID!, $r: String!) { replyToRequest(id: $id, reply: $r) { id } }', { id, r: reply }),
  whistle: (bed: ConsoleTestbed, id: string, departmentIds: string[], note: string) =>
    send(bed, STREET_OFFICE, 'mutation($input: WhistleInput!) { whistle(input: $input) { id } }', { input: { requestId: id, departmentIds, note } }),
  report: (bed: ConsoleTestbed, department: { role: string; scope: string }, id: string, note: string) =>
    send(bed, department, 'mutation($id: ID!, $n: String!) { reportToWhistle(requestId: $id, note: $n) { id } }', { id, n: note }),
  callback: (bed: ConsoleTestbed, id: string, resolved: boolean, satisfaction: string) =>
    send(bed, HOTLINE, 'mutation($input: RecordCallbackInput!) { recordCallback(input: $input) { id } }', { input: { requestId: id, resolved, satisfaction } }),
};

/** An instant `minutes` after another, as a Date. */
export const after = (at: string | Date, minutes: number) => new Date(new Date(at).getTime() + minutes * 60_000);
