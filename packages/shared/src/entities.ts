import { isObjectType, isUnionType, Kind, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { badInput } from './errors.js';

/** The key field sets of an entity type as its SDL declares them (`@key(fields: "id")` → [["id"]]); simple keys only. */
function keyFieldSetsOf(type: GraphQLObjectType): string[][] {
  return [type.astNode, ...type.extensionASTNodes]
    .flatMap((node) => node?.directives ?? [])
    .filter((directive) => directive.name.value === 'key')
    .flatMap((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      return fields?.kind === Kind.STRING && !fields.value.includes('{') ? [fields.value.trim().split(/\s+/)] : [];
    });
}

/** A key value as the gateway sends one: a string, or a whole number (every key of the platform is an ID). */
const isKeyValue = (value: unknown) => typeof value === 'string' || Number.isSafeInteger(value);

/**
 * Refuses `_entities` representations that name no entity of this subgraph, or lack its key, with
 * BAD_USER_INPUT: `{"__typename": "Nope"}`, a missing `__typename`, or a representation that is not an
 * object at all would otherwise fail inside @apollo/subgraph as an internal error.
 */
export function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  const resolve = field?.resolve;
  if (!field || !resolve || !isUnionType(union)) return;
  const keys = new Map(union.getTypes().filter(isObjectType).map((type) => [type.name, keyFieldSetsOf(type)]));
  const names = [...keys.keys()].join(', ');
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation: unknown, i) => {
      const where = `representations[${i}]`;
      if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) {
        throw badInput(`${where} must be an object with "__typename" and the entity's key.`, 'representations');
      }
      const { __typename: typename } = representation as Record<string, unknown>;
      const keySets = typeof typename === 'string' ? keys.get(typename) : undefined;
      if (!keySets) {
        throw badInput(`${where}: "__typename" must name an entity of this service (${names}); got ${JSON.stringify(typename ?? null)?.slice(0, 80)}.`, 'representations');
      }
      const record = representation as Record<string, unknown>;
      if (keySets.length > 0 && !keySets.some((set) => set.every((key) => isKeyValue(record[key])))) {
        throw badInput(`${where}: a ${typename} is found by ${keySets.map((set) => set.join(' and ')).join(' or ')}, a string; it is missing or not a string.`, 'representations');
      }
    });
    return resolve(source, args, context, info);
  };
}
