// `node --conditions=source --import tsx bench/hotpaths.ts` (in gateway/): times, with the real modules and no platform,
// the per-request work our own plugins add on hot paths: requestChecks on a subgraph's 1,560-representation
// `_entities` fetch (from a client, and from the gateway with the internal credential), the internal credential
// check, and the gateway's cost plugin on the contract's CityDashboard. Prints microseconds per call.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { buildSchema, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import {
  DEVELOPMENT_JWT_SECRET,
  INTERNAL_CREDENTIAL_HEADER,
  internalCredential,
  isInternalCredential,
  queryLimitsPlugin,
  requestChecks,
} from '@cgov/shared';
import { contractOperation } from '@cgov/schema/contract';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';

const schema = buildSchema(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

/** Microseconds per call of `run`, the median of 7 rounds of `n` calls after a warm-up. */
async function time(label: string, n: number, run: () => unknown): Promise<void> {
  for (let i = 0; i < n; i += 1) await run();
  const rounds: number[] = [];
  for (let r = 0; r < 7; r += 1) {
    const start = performance.now();
    for (let i = 0; i < n; i += 1) await run();
    rounds.push(((performance.now() - start) * 1000) / n);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${label.padEnd(64)} ${rounds[3]!.toFixed(1).padStart(8)} µs`);
}

/** The didResolveOperation hook of a plugin, called as Apollo Server would for this request. */
async function hook(
  plugin: ApolloServerPlugin<BaseContext>,
  s: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<() => Promise<void>> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const context = {
    schema: s,
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    request: { variables, http: { headers: new Map(Object.entries(headers)), method: 'POST', search: '', body: {} } },
  } as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>;
  return async () => {
    const listener = await plugin.requestDidStart!(context as never);
    await listener!.didResolveOperation!(context);
  };
}

const entities = parse('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { id name } } }');
const representations = Array.from({ length: 1560 }, (_, i) => ({ __typename: 'Community', id: `44010${String(i).padStart(5, '0')}` }));
const secret = DEVELOPMENT_JWT_SECRET;
const credential = internalCredential(secret);

// As a subgraph's serve() sets it up: our own services' requests (the internal credential) are not walked again.
const checks = requestChecks<BaseContext>({ internal: (request) => isInternalCredential(request.http?.headers.get(INTERNAL_CREDENTIAL_HEADER), secret) });
await time('requestChecks, _entities ×1,560, no credential', 500, await hook(checks, schema, entities, { representations }));
await time(
  'requestChecks, _entities ×1,560, internal credential',
  500,
  await hook(checks, schema, entities, { representations }, { [INTERNAL_CREDENTIAL_HEADER]: credential }),
);
await time('isInternalCredential (valid)', 20_000, () => isInternalCredential(credential, secret));

const dashboard = parse(contractOperation('CityDashboard'));
const dashboardVariables = { cityId: '4401', date: '2026-11-22' };
await time('queryLimitsPlugin (gateway), CityDashboard', 2_000, await hook(queryLimitsPlugin<BaseContext>(), schema, dashboard, dashboardVariables));
await time('requestChecks (gateway), CityDashboard', 2_000, await hook(requestChecks<BaseContext>(), schema, dashboard, dashboardVariables));
