// Compiled execution for a subgraph's hot path: the gateway's query fetches run as JavaScript that graphql-jit
// generates once per document, instead of graphql-js interpreting the document field by field on every request
// (issue 16: tens of thousands of fields per dashboard were most of a subgraph's CPU). Everything else — a client
// reaching the subgraph directly, mutations, a document graphql-jit cannot compile — runs through graphql-js as
// before, so its answers, errors and HTTP statuses are graphql-js's own.
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** How many compiled documents a subgraph keeps: the gateway's query plans are a few dozen shapes. */
const COMPILED_DOCUMENTS = 500;

export interface CompiledExecutionOptions {
  /** Whether a request may run compiled (the gateway's own fetches): the others run through graphql-js. */
  compiled(request: GatewayGraphQLRequestContext['request']): boolean;
  /** The compiler (graphql-jit's `compileQuery`; a test may watch it). */
  compile?: (schema: GraphQLSchema, document: DocumentNode, operationName?: string) => CompiledQuery | ExecutionResult;
}

/**
 * Apollo Server's executor hook (its gateway interface, the one way it accepts another executor) serving a fixed
 * subgraph schema: queries that `options.compiled` admits run compiled by graphql-jit (one compilation per document
 * and operation name, kept in an LRU of 500); every other operation, and any document graphql-jit refuses, by
 * graphql-js `execute`. Resolvers, context and errors (with their `extensions`) are the same either way.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery | 'interpreted'>({ max: COMPILED_DOCUMENTS });
  const compile = options.compile ?? compileQuery;
  const interpret = (context: GatewayGraphQLRequestContext): Promise<ExecutionResult> | ExecutionResult =>
    execute({ schema, document: context.document, contextValue: context.context, variableValues: context.request.variables, operationName: context.operationName });
  const executor: GatewayExecutor = async (context) => {
    if (context.operation.operation !== 'query' || !options.compiled(context.request)) return interpret(context);
    const key = `${context.operationName ?? ''}\n${context.source}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const result = compile(schema, context.document, context.operationName ?? undefined);
      query = isCompiledQuery(result) ? result : 'interpreted';
      compiled.set(key, query);
    }
    if (query === 'interpreted') return interpret(context);
    return query.query(undefined, context.context, context.request.variables ?? {});
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
