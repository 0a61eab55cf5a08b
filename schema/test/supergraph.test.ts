import { existsSync, readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { committedSupergraph, composeSupergraph } from '../src/compose.js';
import { contractOperation, contractOperationNames, operationFiles, OPERATIONS_DIR } from '../src/contract.js';

function apiSchema() {
  return Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();
}

describe('the supergraph', () => {
  it('is committed exactly as a fresh composition of the four subgraphs', () => {
    expect(committedSupergraph()).toBe(composeSupergraph());
  });

  it('knows every operation of the contract', () => {
    expect(contractOperationNames()).toHaveLength(68);
  });

  it.each(contractOperationNames())('validates the contract operation %s', (name) => {
    const errors = validate(apiSchema(), parse(contractOperation(name)));
    expect(errors.map((error) => error.message)).toEqual([]);
  });
});

describe('the project’s copies of the contract', () => {
  const shared = new URL('../../../shared/contract/operations/', import.meta.url);
  it.runIf(existsSync(shared))('match the contract beside the project', () => {
    for (const file of operationFiles()) {
      expect(readFileSync(new URL(file, OPERATIONS_DIR), 'utf8'), file).toBe(readFileSync(new URL(file, shared), 'utf8'));
    }
  });
});
