import { randomUUID } from 'node:crypto';
import { askService, assertRegionId, badInput, conflict, forbidden, isUuid, notFound, optionalText, requiredText, Role, type Viewer } from '@cgov/shared';
import type { RequestChannel, RequestRow, Satisfaction } from '../db/schema.js';
import type { CatalogueRepository } from '../repositories/catalogue.js';
import type { Change, RequestRepository } from '../repositories/requests.js';
import type { CityClient } from '../cityClient.js';
import type { CommunityClient } from '../communityClient.js';
import { filerOf, holdsRequest } from './access.js';
import {
  assertMove,
  assertReturnable,
  AUTOMATIC_SUMMONS_REOPENING,
  deadlinesFrom,
  filingFingerprint,
  MAX_SUMMONS,
  REPORT_WINDOW_MS,
  resolutionDeadlineFrom,
  streetOfCommunity,
} from './rules.js';

/**
 * What a use case needs: who asks, the time, the repositories, what it may ask of the city and community tiers
 * (their API clients, or the demo's answers from its own registry), and, for the demo, where a new request's id
 * comes from (random otherwise).
 */
export interface UseCaseDeps {
  viewer: Viewer;
  now: Date;
  requests: RequestRepository;
  catalogue: CatalogueRepository;
  community: Pick<CommunityClient, 'householdCommunity' | 'gridWorkerCommunity'>;
  city: Pick<CityClient, 'regionExists'>;
  newRequestId?: (filedBy: string, idempotencyKey: string) => string;
}

export interface FileRequestInput {
  communityId: string;
  categoryCode: string;
  description: string;
  channel: RequestChannel;
  householdId?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  idempotencyKey: string;
}

/** The channel each filing role uses. */
const CHANNEL_OF: Partial<Record<Viewer['role'], RequestChannel>> = {
  RESIDENT: 'APP',
  HOTLINE_OPERATOR: 'HOTLINE',
  COMMUNITY_STAFF: 'VISIT',
  GRID_WORKER: 'GRID_PATROL',
};

const PHONE = /^\+?[0-9][0-9-]{4,19}$/;

/**
 * Files a request and dispatches it at once: to the department the catalogue names, or else to the street of its
 * community (首接负责); both deadlines count from now. A resident files for its own household (APP), the hotline for
 * any caller in its city (HOTLINE), community staff for their community (VISIT), a grid worker on patrol
 * (GRID_PATROL). Idempotent by the filer's key.
 */
export async function fileRequest(deps: UseCaseDeps, input: FileRequestInput): Promise<RequestRow> {
  const { viewer, now } = deps;
  const channel = CHANNEL_OF[viewer.role];
  if (!channel) throw forbidden(`Requests are filed by residents, the hotline, community staff and grid workers; your role is ${viewer.role}.`);
  if (input.channel !== channel) throw badInput(`A ${viewer.role} files requests through the ${channel} channel, not ${input.channel}.`, 'channel');
  assertRegionId(input.communityId, 'communityId', 'COMMUNITY');
  const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
  const description = requiredText(input.description, 'description', 2000);
  const callerName = optionalText(input.callerName, 'callerName', 50);
  const callerPhone = optionalText(input.callerPhone, 'callerPhone', 20);
  if (callerPhone && !PHONE.test(callerPhone)) throw badInput(`"${callerPhone}" is not a phone number.`, 'callerPhone');
  const cityId = input.communityId.slice(0, 4);
  let householdId = input.householdId ?? null;

  switch (viewer.role) {
    case Role.RESIDENT:
      if (householdId && householdId !== viewer.scope) throw forbidden('A resident files requests for its own household only.');
      householdId = viewer.scope;
      break;
    case Role.HOTLINE_OPERATOR:
      if (cityId !== viewer.scope) throw forbidden(`Community ${input.communityId} is outside your hotline's city ${viewer.scope}.`);
      break;
    case Role.COMMUNITY_STAFF:
      if (input.communityId !== viewer.scope) throw forbidden(`Community staff file requests for their own community (${viewer.scope}), not ${input.communityId}.`);
      break;
    case Role.GRID_WORKER:
      // Its grid's community comes from the community tier, asked below once the key is known to be new.
      break;
  }
  if (householdId && !isUuid(householdId)) throw badInput(`"${householdId}" is not a household id.`, 'householdId');
  const fingerprint = filingFingerprint({
    communityId: input.communityId,
    categoryCode: input.categoryCode,
    description,
    channel,
    householdId,
    callerName,
    callerPhone,
  });
  const filedBy = filerOf(viewer);
  // A key seen before answers as it did the first time (or is a CONFLICT), before anything remote is asked.
  const replay = await deps.requests.replay(filedBy, idempotencyKey, fingerprint);
  if (replay) return replay;

  if (!(await askService('city', 'The community cannot be looked up', () => deps.city.regionExists(input.communityId)))) {
    throw badInput(`There is no community ${input.communityId} in the city's registry.`, 'communityId');
  }
  if (viewer.role === Role.GRID_WORKER) {
    const community = await askService('community', "Your grid's community cannot be looked up", () => deps.community.gridWorkerCommunity(viewer.scope, cityId));
    if (community !== input.communityId) {
      throw forbidden(`A grid worker files requests for its grid's community${community ? ` (${community})` : ''}, not ${input.communityId}.`);
    }
  }
  if (householdId) {
    const community = await askService('community', 'The household cannot be looked up', () => deps.community.householdCommunity(householdId!, cityId));
    if (community !== input.communityId) {
      throw badInput(`Household ${householdId} does not live in community ${input.communityId}.`, 'householdId');
    }
  }

  const category = await deps.catalogue.category(cityId, input.categoryCode);
  if (!category) throw badInput(`There is no request category "${input.categoryCode}" in city ${cityId}'s catalogue.`, 'categoryCode');
  const departmentId = category.responsibleDepartmentId;
  const streetId = departmentId ? null : streetOfCommunity(input.communityId);
  return deps.requests.file(
    {
      id: deps.newRequestId?.(filedBy, idempotencyKey) ?? randomUUID(),
      cityId,
      communityId: input.communityId,
      categoryCode: category.code,
      description,
      channel,
      householdId,
      callerName,
      callerPhone,
      status: 'DISPATCHED',
      streetId,
      departmentId,
      receivedAt: now,
      dispatchedAt: now,
      ...deadlinesFrom(category.urgency, now),
      filedBy,
      idempotencyKey,
      fingerprint,
    },
    departmentId ? 'dispatched to the department the catalogue names' : `dispatched to street ${streetId}`,
  );
}

/** Refuses anyone but the staff of the unit that holds the request. */
function assertHolder(viewer: Viewer, request: RequestRow, action: string): void {
  if (!holdsRequest(viewer, request)) {
    const unit = request.streetId ? `street ${request.streetId}` : `department ${request.departmentId}`;
    throw forbidden(`Only the unit that holds the request (${unit}) may ${action} it; you are ${viewer.role} ${viewer.scope}.`);
  }
}

/** The unit's first response (DISPATCHED → ACCEPTED). */
export function acceptRequest(deps: UseCaseDeps, id: string): Promise<RequestRow> {
  return deps.requests.change(id, deps.now, (request) => {
    assertHolder(deps.viewer, request, 'accept');
    const status = assertMove(request, 'accept');
    return { patch: { status, respondedAt: request.respondedAt ?? deps.now }, history: { status, at: deps.now, by: filerOf(deps.viewer) } };
  });
}

/** The unit returns a request (with a reason, within 2 hours of dispatch, once in its life): the hotline decides. */
export function returnRequest(deps: UseCaseDeps, id: string, reason: string): Promise<RequestRow> {
  const note = requiredText(reason, 'reason', 500);
  return deps.requests.change(id, deps.now, (request) => {
    assertHolder(deps.viewer, request, 'return');
    assertReturnable(request, deps.now);
    return {
      patch: { status: 'RETURNED', returnCount: request.returnCount + 1 },
      history: { status: 'RETURNED', at: deps.now, by: filerOf(deps.viewer), note },
    };
  });
}

/** The hotline re-dispatches a returned request to one street or one department; deadlines count from now. */
export async function dispatchRequest(deps: UseCaseDeps, input: { requestId: string; streetId?: string | null; departmentId?: string | null }) {
  const { viewer, now } = deps;
  if (viewer.role !== Role.HOTLINE_OPERATOR) throw forbidden(`Only the hotline (HOTLINE_OPERATOR) re-dispatches requests; your role is ${viewer.role}.`);
  if (!input.streetId === !input.departmentId) throw badInput('Give exactly one of streetId and departmentId.', input.streetId ? 'departmentId' : 'streetId');
  if (input.streetId) assertRegionId(input.streetId, 'streetId', 'STREET');
  const department = input.departmentId ? (await deps.catalogue.departmentsByIds([input.departmentId]))[0] : null;
  if (input.departmentId && (!department || department.cityId !== viewer.scope)) {
    throw badInput(`There is no department ${input.departmentId} in city ${viewer.scope}.`, 'departmentId');
  }
  if (input.streetId && !(await askService('city', 'The street cannot be looked up', () => deps.city.regionExists(input.streetId!)))) {
    throw badInput(`There is no street ${input.streetId} in the city's registry.`, 'streetId');
  }
  const [found] = await deps.requests.byIds([input.requestId]);
  if (!found) throw notFound(`There is no request with id ${input.requestId}.`);
  const category = await deps.catalogue.category(found.cityId, found.categoryCode);
  return deps.requests.change(input.requestId, now, (request) => {
    if (request.cityId !== viewer.scope) throw forbidden(`Request ${request.id} is outside your hotline's city ${viewer.scope}.`);
    if (input.streetId && input.streetId.slice(0, 4) !== request.cityId) throw badInput(`Street ${input.streetId} is not in city ${request.cityId}.`, 'streetId');
    const status = assertMove(request, 'dispatch');
    const unit = input.streetId ? `street ${input.streetId}` : `department ${department!.name}`;
    return {
      patch: {
        status,
        streetId: input.streetId ?? null,
        departmentId: input.departmentId ?? null,
        dispatchedAt: now,
        dispatchCount: request.dispatchCount + 1,
        respondedAt: null,
        ...deadlinesFrom(category!.urgency, now),
      },
      history: { status, at: now, by: filerOf(viewer), note: `re-dispatched to ${unit}` },
      dispatched: { by: filerOf(viewer) },
    };
  });
}

/** The street that holds a request summons departments (吹哨); each must report within 24 hours. */
export async function whistle(deps: UseCaseDeps, input: { requestId: string; departmentIds: string[]; note: string }) {
  const { viewer, now } = deps;
  const note = requiredText(input.note, 'note', 500);
  const ids = [...new Set(input.departmentIds)];
  if (!ids.length) throw badInput('Name at least one department to summon.', 'departmentIds');
  const found = await deps.catalogue.departmentsByIds(ids);
  return deps.requests.change(input.requestId, now, (request, summoned) => {
    if (viewer.role !== Role.STREET_OFFICER || request.streetId !== viewer.scope) {
      throw forbidden(`Only the street that holds a request blows the whistle on it; you are ${viewer.role} ${viewer.scope}.`);
    }
    const missing = ids.filter((id) => !found.some((department) => department.id === id && department.cityId === request.cityId));
    if (missing.length) throw badInput(`There is no department ${missing.join(', ')} in city ${request.cityId}.`, 'departmentIds');
    if (request.status === 'CLOSED' || request.status === 'RETURNED') throw conflict(`A ${request.status} request cannot be whistled on.`);
    if (summoned.length + ids.length > MAX_SUMMONS) throw conflict(`A request summons at most ${MAX_SUMMONS} departments over its life; it has ${summoned.length}.`);
    const pending = ids.filter((id) => summoned.some((row) => row.departmentId === id && row.reportedAt === null));
    if (pending.length) throw conflict(`Department ${pending.join(', ')} was summoned on this request already and has not reported yet.`);
    return {
      patch: {},
      history: { status: request.status, at: now, by: filerOf(viewer), note: `whistle: ${note}` },
      summons: ids.map((departmentId) => ({ departmentId, note, summonedBy: filerOf(viewer), summonedAt: now, reportDeadline: new Date(now.getTime() + REPORT_WINDOW_MS) })),
    };
  });
}

/** A summoned department reports (报到). */
export function reportToWhistle(deps: UseCaseDeps, requestId: string, note: string) {
  const { viewer, now } = deps;
  const text = requiredText(note, 'note', 500);
  return deps.requests.change(requestId, now, (request, summoned) => {
    if (viewer.role !== Role.DEPARTMENT_OFFICER) throw forbidden(`Only a summoned department reports; your role is ${viewer.role}.`);
    const mine = summoned.filter((row) => row.departmentId === viewer.scope);
    if (!mine.length) throw forbidden(`Your department was not summoned on request ${request.id}.`);
    if (!mine.some((row) => row.reportedAt === null)) throw conflict('Your department has reported on this request already.');
    return {
      patch: {},
      history: { status: request.status, at: now, by: filerOf(viewer), note: `reported: ${text}` },
      report: { departmentId: viewer.scope, at: now, note: text },
    };
  });
}

/** The unit's answer (ACCEPTED or REOPENED → REPLIED). */
export function replyToRequest(deps: UseCaseDeps, id: string, reply: string) {
  const text = requiredText(reply, 'reply', 2000);
  return deps.requests.change(id, deps.now, (request) => {
    assertHolder(deps.viewer, request, 'reply to');
    const status = assertMove(request, 'reply');
    return { patch: { status, reply: text, repliedAt: deps.now }, history: { status, at: deps.now, by: filerOf(deps.viewer), note: text } };
  });
}

export interface RecordCallbackInput {
  requestId: string;
  resolved: boolean;
  satisfaction: Satisfaction;
  note?: string | null;
  /** Not resolved: reopen it (the default) or close it unresolved. */
  reopen?: boolean | null;
}

/**
 * A callback (回访), by the hotline of the request's city or the household that filed it, after the reply. It closes
 * the request, resolved or not, or reopens it (contract, "Rules of the second release": "it closes the request
 * (resolved or not) or reopens it"). Resolved closes it. Not resolved reopens it unless `reopen` is false (the unit
 * replies again, the resolution deadline restarts, the third reopening summons the category's department by itself);
 * `reopen: false` closes it unresolved, when the caller no longer wants it worked on or the hotline judges it cannot be
 * solved. Either way the callback counts in the unit's rates as it says. `reopen: true` with `resolved: true` is
 * BAD_USER_INPUT.
 */
export async function recordCallback(deps: UseCaseDeps, input: RecordCallbackInput) {
  const { viewer, now } = deps;
  const note = optionalText(input.note, 'note', 500);
  if (input.resolved && input.reopen === true) throw badInput('A callback that says resolved closes the request; only one that says not resolved can reopen it.', 'reopen');
  const reopen = !input.resolved && input.reopen !== false;
  const [found] = await deps.requests.byIds([input.requestId]);
  if (!found) throw notFound(`There is no request with id ${input.requestId}.`);
  const category = await deps.catalogue.category(found.cityId, found.categoryCode);
  return deps.requests.change(input.requestId, now, (request, summoned): Change => {
    const hotline = viewer.role === Role.HOTLINE_OPERATOR && viewer.scope === request.cityId;
    // The resident who filed it: a household named on a request the hotline or the staff filed does not call back.
    const household = viewer.role === Role.RESIDENT && request.householdId === viewer.scope && request.filedBy.startsWith(`${Role.RESIDENT}:${viewer.scope}:`);
    if (!hotline && !household) throw forbidden('A callback is recorded by the hotline of the request\'s city or by the resident household that filed it.');
    const callback = {
      callbackResolved: input.resolved,
      callbackSatisfaction: input.satisfaction,
      callbackNote: note,
      callbackAt: now,
      callbackCount: request.callbackCount + 1,
      resolvedCallbacks: request.resolvedCallbacks + (input.resolved ? 1 : 0),
      satisfiedCallbacks: request.satisfiedCallbacks + (input.satisfaction === 'DISSATISFIED' ? 0 : 1),
    };
    const recorded = { resolved: input.resolved, satisfaction: input.satisfaction, note, by: filerOf(viewer) };
    if (!reopen) {
      const status = assertMove(request, 'callbackClose');
      return { patch: { status, closedAt: now, ...callback }, history: { status, at: now, by: filerOf(viewer), note: note ?? (input.resolved ? 'resolved' : 'closed unresolved') }, callback: recorded };
    }
    const status = assertMove(request, 'callbackReopen');
    const reopenCount = request.reopenCount + 1;
    const department = category?.supervisingDepartmentId ?? category?.responsibleDepartmentId ?? null;
    const summon =
      reopenCount === AUTOMATIC_SUMMONS_REOPENING &&
      department !== null &&
      department !== request.departmentId &&
      !summoned.some((row) => row.departmentId === department && row.reportedAt === null);
    return {
      patch: { status, reopenCount, repliedAt: null, ...callback, resolutionDeadline: resolutionDeadlineFrom(category!.urgency, now) },
      history: { status, at: now, by: filerOf(viewer), note: note ?? 'not resolved' },
      callback: recorded,
      summons: summon
        ? [{ departmentId: department, note: `reopened ${reopenCount} times: summoned by itself`, summonedBy: 'system', summonedAt: now, reportDeadline: new Date(now.getTime() + REPORT_WINDOW_MS) }]
        : [],
    };
  });
}
