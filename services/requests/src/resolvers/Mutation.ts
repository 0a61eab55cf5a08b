import type { RequestsContext } from '../context.js';
import {
  acceptRequest,
  dispatchRequest,
  fileRequest,
  recordCallback,
  replyToRequest,
  reportToWhistle,
  returnRequest,
  whistle,
  type FileRequestInput,
  type RecordCallbackInput,
} from '../domain/requests.js';

/** Thin: each mutation reads its arguments and calls one use case of domain/requests.ts. */
export const Mutation = {
  fileRequest: (_: unknown, { input }: { input: FileRequestInput }, ctx: RequestsContext) => fileRequest(ctx.deps(), input),
  acceptRequest: (_: unknown, { id }: { id: string }, ctx: RequestsContext) => acceptRequest(ctx.deps(), id),
  returnRequest: (_: unknown, { id, reason }: { id: string; reason: string }, ctx: RequestsContext) => returnRequest(ctx.deps(), id, reason),
  dispatchRequest: (_: unknown, { input }: { input: { requestId: string; streetId?: string | null; departmentId?: string | null } }, ctx: RequestsContext) =>
    dispatchRequest(ctx.deps(), input),
  whistle: (_: unknown, { input }: { input: { requestId: string; departmentIds: string[]; note: string } }, ctx: RequestsContext) => whistle(ctx.deps(), input),
  reportToWhistle: (_: unknown, { requestId, note }: { requestId: string; note: string }, ctx: RequestsContext) => reportToWhistle(ctx.deps(), requestId, note),
  replyToRequest: (_: unknown, { id, reply }: { id: string; reply: string }, ctx: RequestsContext) => replyToRequest(ctx.deps(), id, reply),
  recordCallback: (_: unknown, { input }: { input: RecordCallbackInput }, ctx: RequestsContext) => recordCallback(ctx.deps(), input),
};
