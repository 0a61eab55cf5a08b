import type { RequestsContext } from '../context.js';
import type { CategoryRow, RequestRow, SummonsRow } from '../db/schema.js';
import { canSeeCaller, canSeeRequest, historyBy } from '../domain/access.js';
import { DEADLINE_HOURS, respondedLate, resolvedLate } from '../domain/rules.js';

export const RequestCategory = {
  responseHours: (category: CategoryRow) => DEADLINE_HOURS[category.urgency].response,
  resolutionHours: (category: CategoryRow) => DEADLINE_HOURS[category.urgency].resolution,
  responsibleDepartment: (category: CategoryRow, _: unknown, ctx: RequestsContext) =>
    category.responsibleDepartmentId ? ctx.loaders.departmentById.load(category.responsibleDepartmentId) : null,
  supervisingDepartment: (category: CategoryRow, _: unknown, ctx: RequestsContext) =>
    category.supervisingDepartmentId ? ctx.loaders.departmentById.load(category.supervisingDepartmentId) : null,
};

/** A caller's name or phone the viewer may not see: one FORBIDDEN a request, null. */
const refuseCaller = (ctx: RequestsContext) =>
  ctx.refuse('name or phone', `Callers' names and phones are for the hotline, the unit that holds the request and the household itself, not for ${ctx.viewer.role}.`);

export const Request = {
  category: (request: RequestRow, _: unknown, ctx: RequestsContext) => ctx.loaders.categoryByKey.load(`${request.cityId}|${request.categoryCode}`),
  community: (request: RequestRow) => ({ id: request.communityId }),
  street: (request: RequestRow) => (request.streetId ? { id: request.streetId } : null),
  department: (request: RequestRow, _: unknown, ctx: RequestsContext) => (request.departmentId ? ctx.loaders.departmentById.load(request.departmentId) : null),
  callerName: (request: RequestRow, _: unknown, ctx: RequestsContext) => (canSeeCaller(ctx.viewer, request) ? request.callerName : refuseCaller(ctx)),
  callerPhone: (request: RequestRow, _: unknown, ctx: RequestsContext) => (canSeeCaller(ctx.viewer, request) ? request.callerPhone : refuseCaller(ctx)),
  respondedLate: (request: RequestRow, _: unknown, ctx: RequestsContext) => respondedLate(request, ctx.clock.now()),
  resolvedLate: (request: RequestRow, _: unknown, ctx: RequestsContext) => resolvedLate(request, ctx.clock.now()),
  callback: (request: RequestRow) =>
    request.callbackAt
      ? { resolved: request.callbackResolved, satisfaction: request.callbackSatisfaction, note: request.callbackNote, at: request.callbackAt }
      : null,
  summons: (request: RequestRow, _: unknown, ctx: RequestsContext) => ctx.loaders.summonsOf.load(request.id),
  history: async (request: RequestRow, _: unknown, ctx: RequestsContext) =>
    (await ctx.loaders.historyOf.load(request.id)).map((step) => ({ ...step, by: historyBy(ctx.viewer, request, step.by) })),
};

export const Summons = {
  department: (row: SummonsRow, _: unknown, ctx: RequestsContext) => ctx.loaders.departmentById.load(row.departmentId),
  reportedLate: (row: SummonsRow, _: unknown, ctx: RequestsContext) => (row.reportedAt ?? ctx.clock.now()).getTime() > row.reportDeadline.getTime(),
};

export const Household = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  /** The household's requests the viewer may read: all of them for the household itself; none (FORBIDDEN) when it may read none of them. */
  requests: async ({ id }: { id: string }, _: unknown, ctx: RequestsContext) => {
    const rows = await ctx.loaders.requestsOfHousehold.load(id);
    if (ctx.viewer.role === 'RESIDENT' && ctx.viewer.scope === id) return rows;
    const visible = rows.filter((row) => canSeeRequest(ctx.viewer, row, []));
    if (rows.length && !visible.length) return ctx.refuse('household requests', `The requests of that household are outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
    return visible;
  },
};
