import { createRequire } from 'node:module';
import {
  assert,
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  typenameFieldName,
  Variable,
  type CompositeType,
  type Directive,
  type Field,
  type FragmentElement,
  type FieldSelection,
  type NamedType,
  type Operation,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { ResultShapingMode } from '@cgov/shared';
import type { GraphQLError } from 'graphql';

/**
 * Result shaping: the last step of executing a query plan, which turns the subgraphs' merged answers into the
 * operation's answer (only the fields asked for, under their aliases, in the operation's order; `__typename` filled
 * in; a value of the wrong type or a null in a non-null field nulls the nearest nullable parent, with an error in
 * `extensions.valueCompletion`).
 *
 * `@apollo/gateway` does this in `computeResponse` (dist/resultShaping.js), which walks the answer value by value
 * through `@apollo/federation-internals` objects: per value it looks up `@skip`/`@include` on the selection, the
 * field's definition, its response name and the leaf's validity against the schema. At full city scale that was
 * a third of the gateway's CPU per dashboard. `compileShaping` does the same walk over steps prepared once per call
 * from the operation (conditions evaluated with the call's variables, types unwrapped, leaf checks specialised), so
 * the per-value work is a property read, a type switch and a write.
 *
 * It follows `computeResponse` of @apollo/gateway 2.14.4 statement for statement (the same assertions, errors and
 * key order), and `installResultShaping` installs it only over that version. `check` mode runs both on every answer
 * and fails the request if they differ (the gateway's tests run in it).
 */

/** The arguments @apollo/gateway passes to `computeResponse`. */
export interface ComputeResponseArgs {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

/** What `computeResponse` returns: the shaped data (null when a non-null root field failed) and the errors found. */
export interface ComputeResponseResult {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

type ComputeResponse = (args: ComputeResponseArgs) => ComputeResponseResult;

/** The @apollo/gateway version whose `computeResponse` this module reproduces and replaces. */
export const SHAPED_GATEWAY_VERSION = '2.14.4';

/** A field's output type, unwrapped once: the per-value walk switches on `kind`. */
type OutputType =
  | { kind: 'nonNull'; ofType: OutputType; inner: string }
  | { kind: 'list'; ofType: OutputType; text: string }
  | { kind: 'composite'; type: CompositeType; steps: Step[] | undefined; text: string }
  | { kind: 'leaf'; valid: (value: unknown) => boolean; text: string };

/** One selection of a selection set, prepared: skipped selections are left out, a condition that failed is kept to throw where it is reached. */
type Step =
  | { kind: 'field'; responseName: string; type: OutputType; hasSelectionSet: boolean }
  | { kind: 'typename'; responseName: string }
  | { kind: 'introspection'; responseName: string; selection: FieldSelection }
  | { kind: 'fragment'; condition: CompositeType | undefined; steps: Step[]; applies: Map<unknown, boolean> }
  | { kind: 'throw'; error: unknown };

/** Same as @apollo/federation-internals' integer check in `isValidLeafValue`. */
const INTEGER_STRING = /^-?(?:0|[1-9][0-9]*)$/;

/** Whether `value` is valid for a leaf type: `isValidLeafValue` of @apollo/federation-internals, specialised per type once. */
function leafCheck(schema: Schema, type: NamedType): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
  if (type === schema.intType()) return (value) => typeof value === 'number' && isFinite(value) && INTEGER_STRING.test(String(value));
  if (type === schema.idType()) {
    return (value) => typeof value === 'string' || (typeof value === 'number' && isFinite(value) && INTEGER_STRING.test(String(value)));
  }
  if (type === schema.floatType()) return (value) => typeof value === 'number' && isFinite(value);
  if (isEnumType(type)) {
    const names = new Set(type.values.map((value) => value.name));
    return (value) => typeof value === 'string' && names.has(value);
  }
  // String, and any other scalar the schema treats as built in: strings only.
  return (value) => typeof value === 'string';
}

/** The value of an `if:` argument, as `ifValue` in @apollo/gateway's result shaping (an unset or non-boolean variable is our bug: it throws). */
function ifValue(directive: Directive<Field | FragmentElement, { if: boolean | Variable }>, variables: Record<string, unknown>): boolean {
  const argument = directive.arguments().if;
  if (argument instanceof Variable) {
    const value = variables[argument.name];
    assert(value !== undefined && typeof value === 'boolean', () => `Unexpected value ${String(value)} for variable ${String(argument)} of ${String(directive)}`);
    return value;
  }
  return argument;
}

/** Prepares an operation's selection sets for one call (its variables decide `@skip` and `@include`). */
class Preparation {
  constructor(
    private readonly schema: Schema,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** The steps of a selection set, in the selection set's order. */
  steps(selectionSet: SelectionSet): Step[] {
    const steps: Step[] = [];
    for (const selection of selectionSet.selections()) {
      try {
        if (this.skipped(selection)) continue;
      } catch (error) {
        steps.push({ kind: 'throw', error });
        continue;
      }
      steps.push(selection.kind === 'FieldSelection' ? this.fieldStep(selection) : this.fragmentStep(selection.element.typeCondition, selection.selectionSet));
    }
    return steps;
  }

  private skipped(selection: Selection): boolean {
    const skip = selection.element.appliedDirectivesOf(this.schema.skipDirective())[0];
    const include = selection.element.appliedDirectivesOf(this.schema.includeDirective())[0];
    return Boolean((skip && ifValue(skip, this.variables)) || (include && !ifValue(include, this.variables)));
  }

  private fieldStep(selection: FieldSelection): Step {
    const field = selection.element;
    const responseName = field.responseName();
    if (field.definition.isSchemaIntrospectionField()) return { kind: 'introspection', responseName, selection };
    if (field.name === typenameFieldName) return { kind: 'typename', responseName };
    const selectionSet = selection.selectionSet;
    return { kind: 'field', responseName, type: this.outputType(field.definition.type as Type, selectionSet), hasSelectionSet: Boolean(selectionSet) };
  }

  private fragmentStep(condition: CompositeType | undefined, selectionSet: SelectionSet): Step {
    return { kind: 'fragment', condition, steps: this.steps(selectionSet), applies: new Map() };
  }

  private outputType(type: Type, selectionSet: SelectionSet | undefined): OutputType {
    if (isNonNullType(type)) return { kind: 'nonNull', ofType: this.outputType(type.ofType, selectionSet), inner: String(type.ofType) };
    if (isListType(type)) return { kind: 'list', ofType: this.outputType(type.ofType, selectionSet), text: String(type) };
    if (isCompositeType(type)) return { kind: 'composite', type, steps: selectionSet && this.steps(selectionSet), text: String(type) };
    return { kind: 'leaf', valid: leafCheck(this.schema, type), text: String(type) };
  }
}

/** Whether a selection set's walk nulled its object (a null in a non-null field, an invalid `__typename`). */
const BUBBLE_UP = true;

/** One call's walk over the merged answer: `applySelectionSet` and `updateOutputValue` of @apollo/gateway's result shaping. */
class Shaping {
  readonly errors: GraphQLError[] = [];
  /** Set by each `update`: the value is null where it may not be (the parent is nulled). */
  private invalid = false;
  /** Set by each `update`: an error was recorded for the value or below it. */
  private errored = false;
  private readonly types = new Map<string, NamedType | undefined>();

  constructor(
    private readonly schema: Schema,
    private readonly introspectionHandling: ComputeResponseArgs['introspectionHandling'],
  ) {}

  private type(name: string): NamedType | undefined {
    if (!this.types.has(name)) this.types.set(name, this.schema.type(name));
    return this.types.get(name);
  }

  /** Copies `steps` of `input` into `output`; true when the object must be nulled. */
  apply(input: Record<string, unknown>, steps: Step[], output: Record<string, unknown>, path: (string | number)[], parentType: CompositeType): boolean {
    for (const step of steps) {
      switch (step.kind) {
        case 'throw':
          throw step.error;
        case 'introspection':
          if (output[step.responseName] === undefined) output[step.responseName] = this.introspectionHandling(step.selection);
          break;
        case 'typename': {
          if (output[step.responseName] !== undefined) break;
          let inputValue = own(input, step.responseName) ?? null;
          if (inputValue === null && step.responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = typeof inputValue === 'string' ? (this.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return BUBBLE_UP;
          output[step.responseName] = type.name;
          break;
        }
        case 'field': {
          path.push(step.responseName);
          const updated = this.update(output[step.responseName], step.type, own(input, step.responseName) ?? null, step.hasSelectionSet, path, parentType);
          output[step.responseName] = updated;
          path.pop();
          if (this.invalid) return BUBBLE_UP;
          break;
        }
        case 'fragment': {
          const typename = input[typenameFieldName];
          assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${String(typename)}`);
          if (this.applies(step, typename as string | undefined, parentType)) {
            if (this.apply(input, step.steps, output, path, step.condition ?? parentType) === BUBBLE_UP) return BUBBLE_UP;
          }
          break;
        }
      }
    }
    return !BUBBLE_UP;
  }

  /** `typeConditionApplies`, remembered per fragment and runtime type for the call. */
  private applies(step: Extract<Step, { kind: 'fragment' }>, typename: string | undefined, parentType: CompositeType): boolean {
    if (!step.condition) return true;
    const key = typename || parentType;
    let applies = step.applies.get(key);
    if (applies === undefined) {
      const type = typename ? this.type(typename) : parentType;
      applies = Boolean(type) && isSubtype(step.condition, type as NamedType);
      step.applies.set(key, applies);
    }
    return applies;
  }

  /** The output value for one position; sets `invalid` and `errored` for the caller to read at once. */
  private update(outputValue: unknown, type: OutputType, inputValue: unknown, hasSelectionSet: boolean, path: (string | number)[], parentType: CompositeType): unknown {
    assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
    this.invalid = false;
    this.errored = false;
    if (outputValue === null || (outputValue !== undefined && !hasSelectionSet)) return outputValue;
    if (type.kind === 'nonNull') {
      const updated = this.update(outputValue, type.ofType, inputValue, hasSelectionSet, path, parentType);
      if (updated === null) {
        if (!this.errored) {
          this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, type.inner, parentType)}.`, { path: Array.from(path) }));
        }
        this.invalid = true;
        this.errored = true;
        return updated;
      }
      this.invalid = false;
      this.errored = false;
      return updated;
    }
    if (inputValue === null) return null;
    if (type.kind === 'list') return this.updateList(outputValue, type, inputValue, hasSelectionSet, path, parentType);
    if (type.kind === 'composite') return this.updateObject(outputValue, type, inputValue, path, parentType);
    assert(outputValue === undefined, () => `Excepted output to be undefined but got ${type.text} for type ${type.text}`);
    const valid = type.valid(inputValue);
    if (!valid) this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type.text, parentType)}.`, { path: Array.from(path) }));
    this.errored = !valid;
    return valid ? inputValue : null;
  }

  private updateList(outputValue: unknown, type: Extract<OutputType, { kind: 'list' }>, inputValue: unknown, hasSelectionSet: boolean, path: (string | number)[], parentType: CompositeType): unknown {
    assert(Array.isArray(inputValue), () => `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type.text}`);
    assert(outputValue === undefined || Array.isArray(outputValue), () => `Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${type.text}`);
    const outputList = outputValue === undefined ? new Array<unknown>(inputValue.length).fill(undefined) : outputValue;
    assert(inputValue.length === outputList.length, () => `[${String(inputValue)}].length (${inputValue.length}) !== [${String(outputList)}].length (${outputList.length})`);
    const updated = new Array<unknown>(outputList.length);
    let nullify = false;
    let errored = false;
    for (let index = 0; index < outputList.length; index++) {
      path.push(index);
      updated[index] = this.update(outputList[index], type.ofType, inputValue[index], hasSelectionSet, path, parentType);
      path.pop();
      nullify ||= this.invalid;
      errored ||= this.errored;
    }
    this.invalid = false;
    this.errored = errored;
    return nullify ? null : updated;
  }

  private updateObject(outputValue: unknown, type: Extract<OutputType, { kind: 'composite' }>, inputValue: unknown, path: (string | number)[], parentType: CompositeType): unknown {
    assert(type.steps, () => `Invalid empty selection set for composite type ${type.text}`);
    assert(typeof inputValue === 'object', () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.text}`);
    assert(outputValue === undefined || typeof outputValue === 'object', () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.text}`);
    const input = inputValue as Record<string, unknown>;
    const inputTypename = input[typenameFieldName];
    assert(inputTypename === undefined || typeof inputTypename === 'string', () => `Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`);
    let objectType: CompositeType = type.type;
    if (inputTypename) {
      const typenameType = this.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, type.text, parentType)}.`, { path: Array.from(path) }));
        this.invalid = false;
        this.errored = true;
        return null;
      }
      objectType = typenameType;
    }
    const output = (outputValue ?? Object.create(null)) as Record<string, unknown>;
    const bubbled = this.apply(input, type.steps, output, path, objectType);
    this.invalid = false;
    this.errored = bubbled;
    return bubbled ? null : output;
  }
}

/** `pathLastElementDescription` of @apollo/gateway's result shaping: what the last path element is, for an error message. */
function describe(path: (string | number)[], currentType: string, parentType: CompositeType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${String(parentType)}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/** An own property's value (`getOwn` of @apollo/gateway): never one inherited from Object.prototype. */
function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * The operation's answer from the merged subgraph answers, as @apollo/gateway 2.14.4's `computeResponse` computes it
 * (same data, same key order, same errors, same thrown assertions), in about a third of the time.
 */
export function computeResponse({ operation, variables, input, introspectionHandling }: ComputeResponseArgs): ComputeResponseResult {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const allVariables = { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>;
  const steps = new Preparation(schema, allVariables).steps(operation.selectionSet);
  const shaping = new Shaping(schema, introspectionHandling);
  const data = Object.create(null) as Record<string, unknown>;
  const rootType = schema.schemaDefinition.rootType(operation.rootKind) as CompositeType;
  const bubbled = shaping.apply(input, steps, data, [], rootType);
  return { data: bubbled ? null : data, errors: shaping.errors };
}

/** A shaping call's outcome: what it returned, or what it threw. */
type Outcome = { result: ComputeResponseResult } | { thrown: unknown };

function run(shape: ComputeResponse, args: ComputeResponseArgs): Outcome {
  try {
    return { result: shape(args) };
  } catch (thrown) {
    return { thrown };
  }
}

/** An outcome as text, for comparing the two implementations: data with its key order, errors' messages, paths and codes, or the message thrown. */
function outcomeText(outcome: Outcome): string {
  if ('thrown' in outcome) return JSON.stringify({ threw: outcome.thrown instanceof Error ? outcome.thrown.message : String(outcome.thrown) });
  const { data, errors } = outcome.result;
  return JSON.stringify({ data, errors: errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions.code })) });
}

/** Runs both implementations and throws when their outcomes differ; otherwise returns (or throws) what @apollo/gateway's did. */
function checked(original: ComputeResponse): ComputeResponse {
  return (args) => {
    const expected = run(original, args);
    const expectedText = outcomeText(expected);
    const actualText = outcomeText(run(computeResponse, args));
    if (actualText !== expectedText) {
      const name = args.operation.name ?? 'an anonymous operation';
      throw new Error(`Compiled result shaping differs from @apollo/gateway's for ${name}: expected ${expectedText.slice(0, 2000)}, got ${actualText.slice(0, 2000)}`);
    }
    if ('thrown' in expected) throw expected.thrown;
    return expected.result;
  };
}

/** Where the original `computeResponse` is kept on @apollo/gateway's module, so that every copy of this module finds it. */
const ORIGINAL = Symbol.for('cgov.gateway.apolloComputeResponse');

/** The module of @apollo/gateway whose export `executeQueryPlan` calls for every answer (through the module object). */
interface ShapingModule {
  computeResponse: ComputeResponse;
  [ORIGINAL]?: ComputeResponse;
}

/**
 * The shaping module of @apollo/gateway, the version it came with, whether it builds operations with the same copy of
 * @apollo/federation-internals as ours (`instanceof Variable` decides `@skip(if: $x)`), and its own `computeResponse`.
 */
function apolloShaping(): { version: string; sameInternals: boolean; shapingModule: ShapingModule; apollo: ComputeResponse } {
  const require = createRequire(import.meta.url);
  const version = (require('@apollo/gateway/package.json') as { version: string }).version;
  const gatewayRequire = createRequire(require.resolve('@apollo/gateway'));
  const sameInternals = (gatewayRequire('@apollo/federation-internals') as { Variable: unknown }).Variable === Variable;
  const shapingModule = require('@apollo/gateway/dist/resultShaping.js') as ShapingModule;
  shapingModule[ORIGINAL] ??= shapingModule.computeResponse;
  return { version, sameInternals, shapingModule, apollo: shapingModule[ORIGINAL] };
}

/** @apollo/gateway's own `computeResponse`, whichever is installed (to compare with). */
export function apolloComputeResponse(): ComputeResponse {
  return apolloShaping().apollo;
}

/**
 * Makes @apollo/gateway shape every answer with `mode`'s implementation (process-wide: the module is shared).
 * Installs ours only over the version it reproduces, built on the same @apollo/federation-internals; otherwise it
 * keeps @apollo/gateway's and says so through `warn`. Returns the mode in effect.
 */
export function installResultShaping(mode: ResultShapingMode, warn: (message: string) => void): ResultShapingMode {
  const { version, sameInternals, shapingModule, apollo } = apolloShaping();
  if (mode !== 'apollo' && version !== SHAPED_GATEWAY_VERSION) {
    warn(`@apollo/gateway ${version} is not ${SHAPED_GATEWAY_VERSION}: its own result shaping is kept (compare resultShaping.ts with its dist/resultShaping.js)`);
    mode = 'apollo';
  } else if (mode !== 'apollo' && !sameInternals) {
    warn('@apollo/gateway uses another copy of @apollo/federation-internals than the gateway: its own result shaping is kept');
    mode = 'apollo';
  }
  shapingModule.computeResponse = mode === 'apollo' ? apollo : mode === 'check' ? checked(apollo) : computeResponse;
  return mode;
}
