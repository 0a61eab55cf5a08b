import { DEMO_ACTORS, jsonBody, mintDevelopmentToken, type HttpApp, type HttpNext, type HttpRequest, type HttpResponse } from '@cgov/shared';
import { z } from 'zod';
import { sendError } from './httpErrors.js';

const tokenRequest = z.object({ role: z.string(), scope: z.string() });

/**
 * Development sign-in, mounted only outside production: GET /auth/dev-actors lists the demo's actors, and
 * POST /auth/dev-token `{ role, scope }` answers `{ token, expiresAt }`, a 12-hour token minted as `npm run token` does.
 */
export function devSignInRoutes(app: HttpApp, options: { jwtSecret: string }): void {
  app.get('/auth/dev-actors', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ actors: DEMO_ACTORS });
  });
  app.post(
    '/auth/dev-token',
    jsonBody({ limit: '4kb' }),
    async (req: HttpRequest, res: HttpResponse) => {
      const body = tokenRequest.safeParse(req.body);
      if (!body.success) {
        return sendError(res, 400, 'BAD_USER_INPUT', 'Send a JSON body {"role": "…", "scope": "…"} (Content-Type: application/json), e.g. {"role": "CITY_OFFICIAL", "scope": "4201"}.');
      }
      try {
        const { token, expiresAt } = await mintDevelopmentToken(body.data, options.jwtSecret);
        res.set('Cache-Control', 'no-store').json({ token, expiresAt: expiresAt.toISOString() });
      } catch (error) {
        sendError(res, 400, 'BAD_USER_INPUT', error instanceof Error ? error.message : String(error));
      }
    },
    // A body that is not JSON, or too large, is refused in the route's own shape.
    (error: Error & { status?: number }, _req: HttpRequest, res: HttpResponse, next: HttpNext) => {
      if (res.headersSent || !error.status || error.status >= 500) return next(error);
      sendError(res, error.status, 'BAD_USER_INPUT', 'The body must be JSON of at most 4 kB: {"role": "…", "scope": "…"}.');
    },
  );
}
