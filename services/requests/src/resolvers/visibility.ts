import { forbidden } from '@cgov/shared';
import type { RequestsContext } from '../context.js';
import { canSeeRequest } from '../domain/access.js';

/** A request by id for the viewer: null when there is none, FORBIDDEN when it is outside the viewer's scope. */
export async function visibleRequest(id: string, ctx: RequestsContext) {
  const request = await ctx.loaders.requestById.load(id);
  if (!request) return null;
  const summoned = (await ctx.loaders.summonsOf.load(id)).map((row) => row.departmentId);
  if (!canSeeRequest(ctx.viewer, request, summoned)) throw forbidden(`Request ${id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  return request;
}
