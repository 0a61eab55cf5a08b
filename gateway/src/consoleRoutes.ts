import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticFiles, type HttpApp, type HttpRequest, type HttpResponse } from '@cgov/shared';

/** The repository's built console (console/dist), found from this file's place (gateway/src or gateway/dist). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist', import.meta.url));

/** Where a browser asking for GET /graphql is sent: the console's GraphiQL page. */
export const IDE_PATH = '/ide';

/**
 * The Content-Security-Policy of the console's pages: nothing from any other origin. Styles may be inline (Ant Design
 * writes its CSS-in-JS into <style> elements); workers may come from blob: URLs (Monaco, GraphiQL's editor).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The headers every console page and file carries. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Asset files have content-hashed names: a browser may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const CONSOLE_NOT_BUILT = 'The console is not built: run `npm run build -w @cgov/console` (it writes console/dist), then reload.';

/** Paths that are never the console's page, whatever the browser accepts. */
const NOT_CONSOLE = /^\/(graphql|health)(\/|$)|^\/(auth|export)(\/|$)/;

const acceptsHtml = (req: HttpRequest) => (req.header('accept') ?? '').includes('text/html');

/** Sends the console's index.html (never kept by the browser without asking), or 503 saying how to build it. */
function sendIndex(dir: string, res: HttpResponse): void {
  const index = path.join(dir, 'index.html');
  const notBuilt = () => void res.status(503).set({ ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).type('text/plain; charset=utf-8').send(CONSOLE_NOT_BUILT);
  if (!existsSync(index)) return notBuilt();
  res.sendFile(index, { headers: { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' }, cacheControl: false }, (error) => {
    if (error && !res.headersSent) notBuilt();
  });
}

/**
 * Mounts the web console: browsers asking for GET /graphql go to the IDE; the folder's files are served (assets/
 * for a year, anything else revalidated); `/`, and any other page a browser asks for that is not an API route or a
 * file, get index.html (the console routes in the browser); without a built console, 503 saying how to build it.
 */
export function consoleRoutes(app: HttpApp, options: { dir: string }): void {
  app.get('/graphql', (req, res, next) => {
    // Programs keep GET /graphql?query=…; a browser opening the address gets the console's IDE instead of an empty error.
    if (req.query.query === undefined && acceptsHtml(req)) return res.redirect(302, IDE_PATH);
    next();
  });
  app.use(
    staticFiles(options.dir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.set(SECURITY_HEADERS);
        const relative = path.relative(options.dir, file);
        res.set('Cache-Control', relative.startsWith(`assets${path.sep}`) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' || (acceptsHtml(req) && !NOT_CONSOLE.test(req.path))) return sendIndex(options.dir, res);
    next();
  });
}
