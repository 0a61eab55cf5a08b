// `npm start`: the three subgraphs and the gateway, each its own process, in one command; Ctrl-C stops them all.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig, SUBGRAPH_NAMES } from '@cgov/shared';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? '.data') };
const config = loadGatewayConfig(env);
const gatewayUrl = `http://localhost:${config.port}`;

const processes = [
  ...SUBGRAPH_NAMES.map((name) => ({ name, entry: `services/${name}/src/index.ts` })),
  { name: 'gateway', entry: 'gateway/src/index.ts' },
];

const children: ChildProcess[] = [];
let stopping = false;

function launch(name: string, entry: string): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream! }).on('line', (line) => console.log(`${label}${line}`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${label}stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
      void stopAll(1);
    }
  });
  return child;
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('Stopped.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

for (const { name, entry } of processes) children.push(launch(name, entry));

const deadline = Date.now() + 120_000;
while (!stopping) {
  const healthy = await fetch(`${gatewayUrl}/health`, { signal: AbortSignal.timeout(2000) })
    .then((response) => response.ok)
    .catch(() => false);
  if (healthy) {
    console.log(`
  The platform is up.
    GraphQL:  ${gatewayUrl}/graphql   (every request needs "Authorization: Bearer <token>")
    Health:   ${gatewayUrl}/health
    A token:  npm run token -- --role CITY_OFFICIAL --scope 4201
    Data:     ${env.DATA_DIR}   (embedded PostgreSQL; set CITY_DATABASE_URL etc. for a server)
  Ctrl-C stops everything.
`);
    break;
  }
  if (Date.now() > deadline) {
    console.error('The platform did not become healthy within two minutes; see the log above.');
    await stopAll(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
