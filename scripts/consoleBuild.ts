// `npm start` serves the built console: build it first when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time (ms) among a folder's files, recursively; 0 for a missing path. */
export function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestModification(path.join(target, entry))));
}

/**
 * What the console's build reads, relative to console/: its own sources, and the API schema and the contract's
 * operations it bundles (for GraphiQL's docs and examples).
 */
const CONSOLE_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../schema/api.graphql', '../schema/test/operations'];

/** Whether console/dist must be built again: no index.html, or a source newer than it. */
export function consoleNeedsBuild(consoleRoot: string): boolean {
  const built = newestModification(path.join(consoleRoot, 'dist', 'index.html'));
  if (built === 0) return true;
  const sources = CONSOLE_SOURCES.map((entry) => newestModification(path.join(consoleRoot, entry)));
  return Math.max(...sources) > built;
}

/** Builds the console with Vite (a few seconds) when it needs it; throws when the build fails. */
export function ensureConsoleBuilt(consoleRoot: string, log: (message: string) => void): void {
  if (!consoleNeedsBuild(consoleRoot)) return;
  log('Building the web console (console/dist)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build', '--', '--logLevel', 'warn'], { cwd: consoleRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The console did not build; see the output above.');
}
