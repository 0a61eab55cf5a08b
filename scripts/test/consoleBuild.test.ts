// When `npm start` rebuilds the console: no build yet, or any of its sources (its own, or the schema and the
// contract's operations it bundles) newer than the built index.html.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleNeedsBuild } from '../consoleBuild.js';

let root: string;
let consoleRoot: string;

/** Writes a file (making its folders) with a modification time `secondsAgo` in the past. */
function put(relative: string, secondsAgo: number): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'console-build-'));
  consoleRoot = path.join(root, 'console');
  put('console/src/main.tsx', 300);
  put('console/index.html', 300);
  put('schema/api.graphql', 300);
  put('schema/test/operations/dashboard.graphql', 300);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('consoleNeedsBuild', () => {
  it('builds when there is no dist', () => {
    expect(consoleNeedsBuild(consoleRoot)).toBe(true);
  });

  it('does not build when dist is newer than every source', () => {
    put('console/dist/index.html', 100);
    expect(consoleNeedsBuild(consoleRoot)).toBe(false);
  });

  it.each(['console/src/pages/x.tsx', 'console/index.html', 'schema/api.graphql', 'schema/test/operations/regions.graphql'])('builds when %s is newer than dist', (source) => {
    put('console/dist/index.html', 100);
    put(source, 10);
    expect(consoleNeedsBuild(consoleRoot)).toBe(true);
  });
});
