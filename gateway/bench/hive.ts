// The benchmark's yardstick (issue 16): Hive Gateway serving the same committed supergraph against the same
// subgraphs as our gateway, one process per worker like ours, so that both do the same work: the caller's token
// and the gateway's internal credential forwarded to every subgraph, identical subgraph requests in flight merged
// (Hive's default, as our gateway does), no response cache, no inbound deduplication (Hive's default).
// HIVE_RUNTIME=router plans with Hive's Rust query planner (`@graphql-hive/router-runtime`); otherwise its default
// JavaScript runtime. Started by bench/run.ts; not part of the platform.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { DEVELOPMENT_JWT_SECRET, INTERNAL_CREDENTIAL_HEADER, internalCredential } from '@cgov/shared';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

const env = process.env;
const port = Number(env.HIVE_PORT ?? '5106');
const workers = Number(env.HIVE_WORKERS ?? '1');
/** Each subgraph's URL in the committed supergraph (the default ports), replaced by the benchmark's. */
const subgraphUrls: Record<string, string | undefined> = {
  'http://localhost:4001/graphql': env.HIVE_CITY_URL,
  'http://localhost:4002/graphql': env.HIVE_COMMUNITY_URL,
  'http://localhost:4003/graphql': env.HIVE_SELFORG_URL,
  'http://localhost:4004/graphql': env.HIVE_REQUESTS_URL,
};

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
} else {
  let supergraph = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
  for (const [committed, bench] of Object.entries(subgraphUrls)) if (bench) supergraph = supergraph.replaceAll(committed, bench);
  const credential = internalCredential(DEVELOPMENT_JWT_SECRET);
  const gateway = createGatewayRuntime({
    supergraph,
    logging: (env.HIVE_LOG as 'error' | undefined) ?? false,
    maskedErrors: false,
    ...(env.HIVE_RUNTIME === 'router' ? { unifiedGraphHandler } : {}),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization'), [INTERNAL_CREDENTIAL_HEADER]: credential }),
    },
  });
  createServer(gateway).listen(port, '127.0.0.1');
}
