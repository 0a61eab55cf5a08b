import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationTypeNode } from 'graphql';
import cityPolicy from '../../../../schema/test/operations/city-policy.graphql?raw';
import communityOps from '../../../../schema/test/operations/community-ops.graphql?raw';
import council from '../../../../schema/test/operations/council.graphql?raw';
import dashboard from '../../../../schema/test/operations/dashboard.graphql?raw';
import grid from '../../../../schema/test/operations/grid.graphql?raw';
import regions from '../../../../schema/test/operations/regions.graphql?raw';
import requests from '../../../../schema/test/operations/requests.graphql?raw';
import selforg from '../../../../schema/test/operations/selforg.graphql?raw';
import sharing from '../../../../schema/test/operations/sharing.graphql?raw';
import { shanghaiToday } from '../../lib/dates.js';

/** The demo's ids (README): H市 4201, its first street and that street's first community (Q社区). */
const DEMO = { cityId: '4201', streetId: '420102001', communityId: '420102001001' } as const;

/** The contract's operation files the IDE offers, in menu order (the copies the project keeps under schema/test/operations). */
export const EXAMPLE_FILES = {
  dashboard,
  regions,
  'city-policy': cityPolicy,
  'community-ops': communityOps,
  selforg,
  requests,
  grid,
  council,
  sharing,
} as const;
export type ExampleFile = keyof typeof EXAMPLE_FILES;

/** One of the contract's operations, ready to open in a tab: its text with the fragments it spreads, and variables for the demo. */
export interface Example {
  file: ExampleFile;
  name: string;
  kind: OperationTypeNode;
  query: string;
  variables: string;
}

/** A variable's example value by its name, for the demo city (4201), street and community, today's date and its month. */
function exampleValue(name: string, today: string): unknown {
  switch (name) {
    case 'cityId':
      return DEMO.cityId;
    case 'regionId':
      return DEMO.cityId;
    case 'streetId':
      return DEMO.streetId;
    case 'communityId':
      return DEMO.communityId;
    case 'date':
    case 'effectiveTo':
      return today;
    case 'month':
      return today.slice(0, 7);
    case 'unitKind':
      return 'STREET';
    default:
      return null;
  }
}

/** The fragments a definition spreads, directly or through other fragments, in the file's order. */
function fragmentsUsed(definition: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const seen = new Set<string>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (seen.has(name) || !fragment) return;
        seen.add(name);
        walk(fragment);
      },
    });
  walk(definition);
  return [...fragments.values()].filter((fragment) => seen.has(fragment.name.value));
}

/** Every operation of the contract's files as an example: source text kept as written, variables filled for the demo. */
export function contractExamples(today = shanghaiToday()): Example[] {
  return (Object.entries(EXAMPLE_FILES) as Array<[ExampleFile, string]>).flatMap(([file, source]) => {
    const document = parse(source);
    const text = (node: DefinitionNode) => source.slice(node.loc!.start, node.loc!.end);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return document.definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
      const variables = Object.fromEntries((definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, exampleValue(v.variable.name.value, today)]));
      return [
        {
          file,
          name: definition.name.value,
          kind: definition.operation,
          query: [definition, ...fragmentsUsed(definition, fragments)].map(text).join('\n\n') + '\n',
          variables: JSON.stringify(variables, null, 2),
        },
      ];
    });
  });
}
