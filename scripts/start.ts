// `npm start`: the four subgraphs and the gateway, each its own process, in one command. A process that dies
// is started again with back-off while the others keep serving; Ctrl-C stops them all.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeStorage, loadGatewayConfig, loadSubgraphConfig, SUBGRAPH_NAMES } from '@cgov/shared';
import { ensureConsoleBuilt } from './consoleBuild.js';
import { formatLogLine } from './logLines.js';
import { supervise } from './supervisor.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? '.data') };
const config = loadGatewayConfig(env);
const gatewayUrl = `http://localhost:${config.port}`;
const storage = SUBGRAPH_NAMES.map((name) => `${name.padEnd(10)}${describeStorage(loadSubgraphConfig(name, env))}`);

const names = [...SUBGRAPH_NAMES, 'gateway'];
const width = Math.max(...names.map((name) => name.length)) + 3;
const label = (name: string) => `[${name}]`.padEnd(width);

if (!process.env.CONSOLE_DIR) ensureConsoleBuilt(path.join(root, 'console'), (message) => console.log(message));

console.log(`Starting ${SUBGRAPH_NAMES.join(', ')} and the gateway. Data:\n  ${storage.join('\n  ')}
The first start migrates the databases and loads the demo data (about a minute); later starts take seconds.\n`);

const supervisor = supervise(
  names.map((name) => ({
    name,
    command: process.execPath,
    args: ['--conditions=source', '--import', 'tsx', path.join(root, name === 'gateway' ? 'gateway/src/index.ts' : `services/${name}/src/index.ts`)],
    cwd: root,
    env,
  })),
  {
    onLine: (name, line) => console.log(`${label(name)}${formatLogLine(line)}`),
    log: (name, message) => console.error(`${label(name)}${message}`),
  },
);

let stopping = false;
async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await supervisor.stop();
  console.log('Stopped.');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** The gateway's /health: 200 once every subgraph answers; otherwise which do not. */
async function health(): Promise<{ ok: boolean; waitingFor: string[] }> {
  try {
    const response = await fetch(`${gatewayUrl}/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await response.json()) as { checks?: Record<string, string> };
    const waitingFor = Object.entries(body.checks ?? {}).flatMap(([name, status]) => (status === 'ok' ? [] : [name]));
    return { ok: response.ok, waitingFor };
  } catch {
    return { ok: false, waitingFor: ['gateway'] };
  }
}

const started = Date.now();
let lastProgress = started;
while (!stopping) {
  const { ok, waitingFor } = await health();
  if (ok) {
    console.log(`
  The platform is ready (${((Date.now() - started) / 1000).toFixed(0)} s): every service answers.
    Console:  ${gatewayUrl}/   (sign in as one of the demo's actors; GraphiQL at ${gatewayUrl}/ide)
    GraphQL:  ${gatewayUrl}/graphql   (every request needs "Authorization: Bearer <token>")
    Health:   ${gatewayUrl}/health
    A token:  npm run token -- --role CITY_OFFICIAL --scope 4201   (the README lists the demo's roles and ids)
    Data:     ${storage.join('\n              ')}
  A service that stops is started again; Ctrl-C stops everything.
`);
    break;
  }
  if (Date.now() - lastProgress >= 10_000) {
    lastProgress = Date.now();
    console.log(`… still starting (${((lastProgress - started) / 1000).toFixed(0)} s): waiting for ${waitingFor.join(', ')}`);
  }
  if (Date.now() - started > 300_000) {
    console.error('The platform did not become ready within five minutes; see the log above.');
    await stopAll(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
