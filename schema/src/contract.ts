import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** The project's copies of the contract's operation documents (../shared/contract/operations). */
export const OPERATIONS_DIR = new URL('../test/operations/', import.meta.url);

export function operationFiles(): string[] {
  return readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql')).sort();
}

function definitions(): DefinitionNode[] {
  return operationFiles().flatMap((file) => parse(readFileSync(new URL(file, OPERATIONS_DIR), 'utf8')).definitions);
}

/** The names of every operation the contract defines. */
export function contractOperationNames(): string[] {
  return definitions()
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value ?? '');
}

/** One contract operation as a document of its own: the operation and the fragments it uses. */
export function contractOperation(name: string): string {
  const all = definitions();
  const operation = all.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`The contract has no operation named ${name}`);
  const fragments = new Map(
    all
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(spread.name.value)) {
          used.set(spread.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return [operation, ...used.values()].map((definition) => print(definition)).join('\n\n');
}
