// The gateway's cost plugin keeps a document's cost (hotpaths.ts times it): the kept cost is the one queryCost counts.
import { readFileSync } from 'node:fs';
import type { BaseContext } from '@apollo/server';
import { contractOperation } from '@cgov/schema/contract';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, queryCost, queryLimitsPlugin } from '@cgov/shared';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';

const schema = buildSchema(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

describe('the cost plugin on the contract’s CityDashboard', () => {
  it('refuses or serves it by the cost queryCost counts, request after request and city after city', async () => {
    const document = parse(contractOperation('CityDashboard'));
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
    const cost = queryCost(schema, document, { cityId: '4401', date: '2026-11-22' });
    const outcome = async (maxCost: number, variables: Record<string, unknown>) => {
      const plugin = queryLimitsPlugin<BaseContext>({ limits: { ...QUERY_LIMITS, maxCost } });
      const context = { schema, document, operation, operationName: 'CityDashboard', request: { variables } };
      const run = async () => {
        const listener = await plugin.requestDidStart!(context as never);
        return listener!.didResolveOperation!(context as never).then(() => 'served', (error: Error) => error.message);
      };
      return [await run(), await run(), await run()];
    };
    expect(await outcome(cost, { cityId: '4401', date: '2026-11-22' })).toEqual(['served', 'served', 'served']);
    expect(await outcome(cost - 1, { cityId: '4402', date: '2026-11-23' })).toEqual(Array(3).fill(expect.stringContaining(`about ${cost} objects`)));
    expect((await outcome(cost, { cityId: '4401' }))[1]).toMatch(/Variable "\$date" of required type "Date!" was not provided/);
  });
});
