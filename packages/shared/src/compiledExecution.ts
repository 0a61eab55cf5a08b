// Compiled execution for a subgraph's hot path: the gateway's query fetches run as JavaScript that graphql-jit
// generates once per document, instead of graphql-js interpreting the document field by field on every request
// (issue 16: tens of thousands of fields per dashboard were most of a subgraph's CPU). Everything else — a client
// reaching the subgraph directly, mutations, a document graphql-jit cannot compile — runs through graphql-js as
// before, so its answers, errors and HTTP statuses are graphql-js's own.
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** How many compiled documents a subgraph keeps: the gateway's query plans are a few dozen shapes. */
const COMPILED_DOCUMENTS = 500;
/** How many documents seen once a subgraph remembers: a document is compiled the second time it comes. */
const SEEN_DOCUMENTS = 5_000;

export interface CompiledExecutionOptions {
  /** Whether a request may run compiled (the gateway's own fetches): the others run through graphql-js. */
  compiled(request: GatewayGraphQLRequestContext['request']): boolean;
  /** The compiler (graphql-jit's `compileQuery`; a test may watch it). */
  compile?: (schema: GraphQLSchema, document: DocumentNode, operationName?: string) => CompiledQuery | ExecutionResult;
}

/**
 * An error as graphql-js makes it. graphql-jit leaves `extensions` undefined on an error whose cause had none (a
 * plain `Error` thrown by a resolver, null for a non-null field, a scalar that cannot serialize); graphql-js gives
 * `{}`, and Apollo Server and our error formatting read `extensions.code` (undefined there failed the whole answer
 * with HTTP 500). The message, path, locations and cause are kept.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  Object.assign(rebuilt, { locations: error.locations });
  return rebuilt;
}

/**
 * Apollo Server's executor hook (its gateway interface, the one way it accepts another executor) serving a fixed
 * subgraph schema: queries that `options.compiled` admits run compiled by graphql-jit from the second time their
 * document comes (one compilation per document and operation name, kept in an LRU of 500); every other operation, a
 * document's first time, and any document graphql-jit refuses run on graphql-js `execute`, as do variables graphql-jit
 * cannot coerce (so the refusal is graphql-js's). Resolvers, context and errors (made graphql-js's: `extensions`
 * always an object) are the same either way.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery | 'interpreted'>({ max: COMPILED_DOCUMENTS });
  const seenOnce = new LRUCache<string, true>({ max: SEEN_DOCUMENTS });
  const compile = options.compile ?? compileQuery;
  const interpret = (context: GatewayGraphQLRequestContext): Promise<ExecutionResult> | ExecutionResult =>
    execute({ schema, document: context.document, contextValue: context.context, variableValues: context.request.variables, operationName: context.operationName });
  const executor: GatewayExecutor = async (context) => {
    if (context.operation.operation !== 'query' || !options.compiled(context.request)) return interpret(context);
    const key = `${context.operationName ?? ''}\n${context.source}`;
    let query = compiled.get(key);
    if (query === undefined) {
      // A document seen once runs interpreted: a one-off (a client's own literals and aliases reach the subgraph in
      // the gateway's fetch) never costs a compilation nor pushes the hot plans out of the cache.
      if (!seenOnce.has(key)) {
        seenOnce.set(key, true);
        return interpret(context);
      }
      const result = compile(schema, context.document, context.operationName ?? undefined);
      query = isCompiledQuery(result) ? result : 'interpreted';
      compiled.set(key, query);
    }
    if (query === 'interpreted') return interpret(context);
    const result = await query.query(undefined, context.context, context.request.variables ?? {});
    if (!result.errors?.length) return result;
    // Variables it cannot coerce (no data at all): graphql-js's own refusal, which Apollo Server answers as 400.
    if (result.data === undefined) return interpret(context);
    return { ...result, errors: result.errors.map(asGraphQLJsError) };
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
