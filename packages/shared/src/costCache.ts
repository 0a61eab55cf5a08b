import type { ComplexityEstimator } from 'graphql-query-complexity';
import {
  getVariableValues,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** How many variable combinations one operation keeps a cost for (it forgets them all when full). */
const MAX_COSTS_PER_OPERATION = 32;

/** The longest key (the relevant variables' values as JSON) worth keeping: longer ones are counted each time. */
const MAX_KEY_LENGTH = 2048;

interface OperationCosts {
  schema: GraphQLSchema;
  /** The variables the cost has been seen to depend on: those of @skip/@include, and those the estimator read through field arguments; it only grows. */
  relevant: Set<string>;
  /** Cost by the relevant variables' values (`keyOf`). */
  costs: Map<string, number>;
}

/** The names of the variables anywhere inside an AST node. */
function variablesIn(node: ASTNode, into: Set<string>): Set<string> {
  visit(node, {
    Variable(variable) {
      into.add(variable.name.value);
    },
  });
  return into;
}

/** The variables @skip and @include use anywhere in the document: they decide which fields are counted. */
function directiveVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value === 'skip' || directive.name.value === 'include') variablesIn(directive, names);
    },
  });
  return names;
}

/** The request's values of the relevant variables as one string (an absent variable differs from a null one). */
function keyOf(relevant: Set<string>, variables: Record<string, unknown>): string {
  return JSON.stringify([...relevant].map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])));
}

/**
 * An estimator that calls `estimator` and notes in `read` the variables behind every argument it reads (a field's
 * `args` are looked at through a Proxy; `Object.keys(args)` counts as reading them all).
 */
function recording(estimator: ComplexityEstimator, read: Set<string>): ComplexityEstimator {
  return (options) => {
    const node: FieldNode = options.node;
    const note = (name: string | symbol) => {
      const argument = node.arguments?.find((candidate) => candidate.name.value === name);
      if (argument) variablesIn(argument.value, read);
    };
    const noteAll = () => node.arguments?.forEach((argument) => variablesIn(argument.value, read));
    const args = new Proxy(options.args, {
      get(target, name, receiver) {
        note(name);
        return Reflect.get(target, name, receiver) as unknown;
      },
      has(target, name) {
        note(name);
        return Reflect.has(target, name);
      },
      ownKeys(target) {
        noteAll();
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, name) {
        note(name);
        return Reflect.getOwnPropertyDescriptor(target, name);
      },
    });
    return estimator({ ...options, args });
  };
}

/**
 * A cache of operations' costs for `queryLimitsPlugin`: Apollo Server keeps one parsed DocumentNode per query text,
 * so a cost is kept per operation node and per the values of the only variables it depends on (those of @skip/@include
 * and those behind the arguments the estimator reads: for the contract's CityDashboard, none). A kept cost is used
 * only when the request's variables fit the operation; otherwise `count` runs and reports what is wrong.
 * `count(wrap)` counts the cost with `wrap(estimator)` in place of the estimator.
 */
export function costCache() {
  const byOperation = new WeakMap<OperationDefinitionNode, OperationCosts>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined | null,
    variables: Record<string, unknown>,
    count: (wrap: (estimator: ComplexityEstimator) => ComplexityEstimator) => number,
  ): number => {
    if (!operation) return count((estimator) => estimator);
    let entry = byOperation.get(operation);
    if (!entry || entry.schema !== schema) {
      entry = { schema, relevant: directiveVariables(document), costs: new Map() };
      byOperation.set(operation, entry);
    }
    const key = keyOf(entry.relevant, variables);
    const kept = entry.costs.get(key);
    if (kept !== undefined && !getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return kept;
    const read = new Set<string>();
    const cost = count((estimator) => recording(estimator, read));
    const grown = [...read].filter((name) => !entry.relevant.has(name));
    if (grown.length > 0) {
      grown.forEach((name) => entry.relevant.add(name));
      entry.costs.clear();
    }
    const newKey = grown.length > 0 ? keyOf(entry.relevant, variables) : key;
    if (newKey.length <= MAX_KEY_LENGTH) {
      if (entry.costs.size >= MAX_COSTS_PER_OPERATION) entry.costs.clear();
      entry.costs.set(newKey, cost);
    }
    return cost;
  };
}
