import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';

/** The subgraphs of the platform, in the order the supergraph names them. */
export const SUBGRAPHS = [
  { name: 'city', port: 4001 },
  { name: 'community', port: 4002 },
  { name: 'selforg', port: 4003 },
  { name: 'requests', port: 4004 },
] as const;

/** Where the committed supergraph lives. */
export const SUPERGRAPH_FILE = new URL('../supergraph.graphql', import.meta.url);

/** Where the committed API schema lives: what clients see (the console's code generation reads it). */
export const API_SCHEMA_FILE = new URL('../api.graphql', import.meta.url);

export function subgraphSdlFile(name: string): URL {
  return new URL(`../../services/${name}/schema.graphql`, import.meta.url);
}

/** Composition failed; the message lists every problem composition found. */
export class CompositionError extends Error {
  override name = 'CompositionError';
}

/** Composes the subgraphs' SDL files with @apollo/composition into the supergraph SDL. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({
      name,
      url: `http://localhost:${port}/graphql`,
      typeDefs: parse(readFileSync(subgraphSdlFile(name), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new CompositionError(`The subgraphs do not compose:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

/** The committed supergraph as it is on disk. */
export function committedSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}

/** The API schema of a supergraph, printed: the types and fields clients may ask for, without federation's machinery. */
export function apiSchemaOf(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()).trimEnd()}\n`;
}

/** The committed API schema as it is on disk ('' when absent). */
export function committedApiSchema(): string {
  try {
    return readFileSync(API_SCHEMA_FILE, 'utf8');
  } catch {
    return '';
  }
}
