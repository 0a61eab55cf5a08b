import { GraphQLScalarType, isScalarType, Kind, valueFromASTUntyped, type GraphQLSchema, type ValueNode } from 'graphql';
import { formatDateTime, parseCalendarDate, parseDateTime } from './dates.js';
import { formatMoney, parseMoney } from './money.js';

function literalString(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
  return undefined;
}

/** Money: a decimal string with two places outside ("52.00"), whole fen inside. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in yuan as a decimal string with two places, such as "52.00".',
  serialize: (value) => formatMoney(value as number),
  parseValue: (value) => parseMoney(value, 'Money'),
  parseLiteral: (ast) => parseMoney(literalString(ast), 'Money'),
});

/** Date: a calendar date in Asia/Shanghai, "2020-02-20". */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date in Asia/Shanghai, written YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => parseCalendarDate(value, 'Date'),
  parseLiteral: (ast) => parseCalendarDate(literalString(ast), 'Date'),
});

/** DateTime: an instant, ISO 8601 with an offset; written in +08:00. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with an offset, such as "2020-02-20T16:00:00+08:00".',
  serialize: (value) => formatDateTime(value instanceof Date ? value : new Date(value as string)),
  parseValue: (value) => parseDateTime(value, 'DateTime'),
  parseLiteral: (ast) => parseDateTime(literalString(ast), 'DateTime'),
});

/** The resolvers every subgraph adds for the shared scalars. */
export const scalarResolvers = {
  Money: MoneyScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
};

/**
 * Makes a schema built without our code (the gateway's, from the supergraph) refuse what the subgraphs'
 * Money, Date and DateTime refuse, in variables and literals alike, before anything is planned or fetched;
 * the value itself goes on unchanged (the subgraphs parse it).
 */
export function checkSharedScalars(schema: GraphQLSchema): void {
  for (const shared of Object.values(scalarResolvers) as GraphQLScalarType[]) {
    const type = schema.getType(shared.name);
    if (!isScalarType(type) || type === shared) continue;
    type.parseValue = (value) => {
      shared.parseValue(value);
      return value;
    };
    type.parseLiteral = (ast, variables) => {
      shared.parseLiteral(ast, variables);
      return valueFromASTUntyped(ast, variables);
    };
  }
}
