// `npm run bench`: a generated city on a PostgreSQL server, the platform in separate processes (the gateway one
// per core), and autocannon against the dashboard and order intake. Prints the figures and writes them to
// bench/results/. BENCH_SCALE=1 is the full city (13 districts … 3,000,000 households, ~2,000,000 orders a day).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createServer as createCity } from '@cgov/city';
import { createServer as createCommunity } from '@cgov/community';
import { createServer as createSelforg } from '@cgov/selforg';
import { addDays, createLogger, DEVELOPMENT_JWT_SECRET, signToken, today, systemClock, type SubgraphName } from '@cgov/shared';
import { testSubgraphConfig } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { createGateway } from '../src/server.js';
import { cityAtScale, generateCity } from './generate.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;
const scale = Number(env.BENCH_SCALE ?? '0.01');
const duration = Number(env.BENCH_DURATION ?? '10');
const connections = Number(env.BENCH_CONNECTIONS ?? '8');
const adminUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ports = { gateway: 5100, city: 5101, community: 5102, selforg: 5103 };
const date = addDays(today(systemClock), 2);
const names: SubgraphName[] = ['city', 'community', 'selforg'];

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/cgov_bench_${name}`;
  return url.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function exec(name: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 2 });
  return Object.assign(async (sql: string) => pool.query(sql), { end: () => pool.end() });
}

function launch(entry: string, extra: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'warn', DEMO_DATA: 'false', SCHEDULER_INTERVAL_MS: '60000', ...extra },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitHealthy(url: string) {
  for (let i = 0; i < 240; i += 1) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never became healthy`);
}

/** Runs autocannon and keeps every response time, for exact percentiles. */
function load(options: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, latencies })));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

function summary({ result, latencies }: { result: autocannon.Result; latencies: number[] }, unitsPerRequest = 1) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    unitsPerSecond: Math.round(result.requests.average * unitsPerRequest),
    latencyMs: { median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
  };
}

async function main() {
  const shape = cityAtScale(scale, '4401', date);
  console.log(`Benchmark: scale ${scale}, ${shape.districts} districts, ${shape.districts * shape.streetsPerDistrict} streets, ${shape.districts * shape.streetsPerDistrict * shape.communitiesPerStreet} communities, delivery date ${date}`);

  for (const name of names) await admin(`DROP DATABASE IF EXISTS cgov_bench_${name} WITH (FORCE)`);
  for (const name of names) await admin(`CREATE DATABASE cgov_bench_${name}`);

  // 1. Migrate by starting each subgraph once in-process (instrumented: statements and fetches are counted here).
  const statements: Record<SubgraphName, number> = { city: 0, community: 0, selforg: 0 };
  const fetches: Record<string, number> = { city: 0, community: 0, selforg: 0 };
  let counting = false;
  const configFor = (name: SubgraphName) =>
    testSubgraphConfig(name, { engine: 'postgres', url: databaseUrl(name), dataDir: os.tmpdir(), drop: async () => undefined }, { loadDemoData: false, schedulerIntervalMs: 3_600_000 });
  const city = await createCity({ config: configFor('city'), onQuery: () => void (counting && (statements.city += 1)) });
  const community = await createCommunity({ config: { ...configFor('community'), subgraphUrls: { ...configFor('community').subgraphUrls, city: city.url } }, onQuery: () => void (counting && (statements.community += 1)) });
  const selforg = await createSelforg({ config: { ...configFor('selforg'), subgraphUrls: { ...configFor('selforg').subgraphUrls, community: community.url } }, onQuery: () => void (counting && (statements.selforg += 1)) });

  const started = Date.now();
  const runners = { city: exec('city'), community: exec('community'), selforg: exec('selforg') };
  const generated = await generateCity(shape, runners);
  console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const gateway = await createGateway({
    config: { port: 0, host: '127.0.0.1', jwtSecret: DEVELOPMENT_JWT_SECRET, logLevel: 'silent', subgraphUrls: { city: city.url, community: community.url, selforg: selforg.url }, supergraphPath: undefined, apolloTelemetry: false, workers: 1, production: false },
    onSubgraphFetch: (name) => void (counting && (fetches[name] = (fetches[name] ?? 0) + 1)),
  });
  const analyst = await signToken({ sub: 'bench-analyst', role: 'ANALYST', scope: shape.cityId }, DEVELOPMENT_JWT_SECRET);
  const dashboardBody = JSON.stringify({ query: contractOperation('CityDashboard'), variables: { cityId: shape.cityId, date } });
  const post = (url: string, token: string, body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
  await post(gateway.url, analyst, dashboardBody);
  counting = true;
  const checked = await post(gateway.url, analyst, dashboardBody);
  counting = false;
  if (checked.errors) throw new Error(`The dashboard answered with errors: ${JSON.stringify(checked.errors).slice(0, 500)}`);
  const dashboardCost = { fetches: { ...fetches }, statements: { ...statements } };

  // Order batches of 50: staff of a community order for 50 of its households.
  const { rows: targets } = await runners.community(`
    SELECT h.community_id, array_agg(h.id ORDER BY h.id) FILTER (WHERE true) AS households,
           (SELECT id FROM packages p WHERE p.community_id = h.community_id AND p.date = '${date}' AND p.category = 'VEGETABLE_BASIC') AS package_id
    FROM (SELECT community_id, id, row_number() OVER (PARTITION BY community_id ORDER BY id) AS n FROM households WHERE community_id LIKE '${shape.cityId}%') h
    WHERE h.n <= 50 GROUP BY h.community_id LIMIT 200`) as unknown as { rows: Array<{ community_id: string; households: string[]; package_id: string }> };
  const staffTokens = new Map(await Promise.all(targets.map(async (t) => [t.community_id, await signToken({ sub: `bench-staff-${t.community_id}`, role: 'COMMUNITY_STAFF', scope: t.community_id }, DEVELOPMENT_JWT_SECRET)] as const)));
  let batch = 0;
  const batchBody = () => {
    const target = targets[batch % targets.length]!;
    batch += 1;
    return {
      token: staffTokens.get(target.community_id)!,
      body: JSON.stringify({
        query: contractOperation('SubmitOrders'),
        variables: { input: { idempotencyKey: `bench-${process.pid}-${batch}`, orders: target.households.map((householdId) => ({ householdId, packageId: target.package_id, quantity: 1, channel: 'PHONE' })) } },
      }),
    };
  };
  Object.keys(statements).forEach((key) => (statements[key as SubgraphName] = 0));
  Object.keys(fetches).forEach((key) => (fetches[key] = 0));
  counting = true;
  const one = batchBody();
  const placed = await post(gateway.url, one.token, one.body);
  counting = false;
  if (placed.errors) throw new Error(`A batch was refused: ${JSON.stringify(placed.errors).slice(0, 500)}`);
  const batchCost = { fetches: { ...fetches }, statements: { ...statements } };

  await gateway.stop();
  await Promise.all([selforg.stop(), community.stop(), city.stop()]);

  // 2. The platform as it runs: each subgraph its own process, the gateway one process per core.
  const workers = os.availableParallelism();
  const children = [
    launch('services/city/src/index.ts', { CITY_PORT: String(ports.city), CITY_DATABASE_URL: databaseUrl('city') }),
    launch('services/community/src/index.ts', { COMMUNITY_PORT: String(ports.community), COMMUNITY_DATABASE_URL: databaseUrl('community'), CITY_PORT: String(ports.city) }),
    launch('services/selforg/src/index.ts', { SELFORG_PORT: String(ports.selforg), SELFORG_DATABASE_URL: databaseUrl('selforg'), COMMUNITY_PORT: String(ports.community) }),
    launch('gateway/src/index.ts', { PORT: String(ports.gateway), CITY_PORT: String(ports.city), COMMUNITY_PORT: String(ports.community), SELFORG_PORT: String(ports.selforg), GATEWAY_WORKERS: String(workers) }),
  ];
  try {
    await waitHealthy(`http://127.0.0.1:${ports.gateway}/health`);
    const url = `http://127.0.0.1:${ports.gateway}/graphql`;
    await post(url, analyst, dashboardBody);

    const intake = await load({
      url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const next = batchBody();
            return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token}` }, body: next.body };
          },
        },
      ],
    });
    // Let the order intake's last requests drain before the dashboard is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const dashboard = await load({
      url,
      method: 'POST',
      connections,
      duration,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: dashboardBody,
    });
    const results = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      scale,
      city: { districts: generated.districtIds.length, streets: generated.streetIds.length, communities: generated.communityIds.length, date },
      settings: { duration, connections, gatewayWorkers: workers },
      dashboard: { ...summary(dashboard), perRequest: dashboardCost, target: 'p95 < 150 ms at full scale' },
      orderIntake: { ...summary(intake, 50), batchSize: 50, perRequest: batchCost, target: '≥ 2,000 orders/s at full scale' },
    };
    const folder = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${results.at.slice(0, 19).replace(/[:T]/g, '-')}-scale-${scale}.json`);
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    console.log(`\nWritten to ${path.relative(root, file)}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(Object.values(runners).map((runner) => runner.end()));
  }
}

main().catch((error: unknown) => {
  createLogger('bench').error({ err: error }, 'benchmark failed');
  process.exit(1);
});
