import { performance } from 'node:perf_hooks';
import { viewerFromAuthorization, type RequestContext, type Viewer } from '@cgov/shared';

/** Per request at the gateway: the verified caller and the header to forward. */
export interface GatewayContext extends RequestContext {
  viewer: Viewer;
  authorization: string;
  /** When the request reached the gateway (performance.now(), ms): the oldest subgraph fetch it may share. */
  receivedAt: number;
}

/** Refuses a request without a valid token before any subgraph is asked (each subgraph checks it again). */
export async function createContext(
  authorization: string | undefined,
  requestId: string,
  secret: string,
): Promise<GatewayContext> {
  const receivedAt = performance.now();
  const viewer = await viewerFromAuthorization(authorization, secret);
  return { requestId, viewer, authorization: authorization ?? '', receivedAt };
}
