import { buildSchema, GraphQLError, Kind, parse, validate, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDateTime, parseCalendarDate, parseDateTime } from '../src/dates.js';
import { checkSharedScalars, DateScalar, DateTimeScalar, MoneyScalar } from '../src/scalars.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? { code: error.extensions.code, message: error.message } : { code: 'not a GraphQLError', message: String(error) };
  }
  return undefined;
};

describe('one calendar check for Date and DateTime', () => {
  it('knows leap years by the Gregorian rule', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-01-00')).toBe(false);
    expect(isCalendarDate('0099-01-01')).toBe(false);
  });

  it('refuses a DateTime on a day that does not exist, instead of moving it to another', () => {
    expect(isDateTime('2027-02-28T10:00:00+08:00')).toBe(true);
    expect(isDateTime('2028-02-29T10:00:00+08:00')).toBe(true);
    for (const impossible of ['2027-02-30T10:00:00+08:00', '2027-02-29T10:00:00Z', '2026-04-31T00:00:00+08:00', '2026-13-01T00:00:00+08:00']) {
      expect(isDateTime(impossible), impossible).toBe(false);
    }
  });

  it('refuses hours, minutes, seconds and offsets out of range', () => {
    expect(isDateTime('2026-01-10T23:59:59.999+08:00')).toBe(true);
    expect(isDateTime('2026-01-10T00:00-14:00')).toBe(true);
    for (const impossible of ['2026-01-10T24:00:00+08:00', '2026-01-10T10:60:00+08:00', '2026-01-10T10:00:60+08:00', '2026-01-10T10:00:00+15:00', '2026-01-10T10:00:00+08:60']) {
      expect(isDateTime(impossible), impossible).toBe(false);
    }
  });

  it('answers BAD_USER_INPUT naming the field and the value', () => {
    expect(refusal(() => parseDateTime('2027-02-30T10:00:00+08:00', 'deadline'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^deadline must be an ISO 8601 .* \(got "2027-02-30T10:00:00\+08:00"\)\.$/),
    });
    expect(refusal(() => parseCalendarDate('2026-02-30', 'date'))?.code).toBe('BAD_USER_INPUT');
    expect(parseDateTime('2027-02-28T10:00:00+08:00').toISOString()).toBe('2027-02-28T02:00:00.000Z');
  });
});

describe('the shared scalars', () => {
  it('refuse the same values in variables and in literals, with BAD_USER_INPUT', () => {
    const cases: Array<[GraphQLScalarType<unknown, string>, unknown]> = [
      [DateScalar, '2026-02-30'],
      [DateScalar, 20260230],
      [DateTimeScalar, '2027-02-30T10:00:00+08:00'],
      [DateTimeScalar, '2027-02-27 10:00'],
      [MoneyScalar, '-1.00'],
      [MoneyScalar, '1.001'],
      [MoneyScalar, 'abc'],
      [MoneyScalar, 52],
    ];
    for (const [scalar, value] of cases) {
      const literal =
        typeof value === 'number' ? { kind: Kind.INT, value: String(value) } : { kind: Kind.STRING, value: value as string };
      expect(refusal(() => scalar.parseValue(value))?.code, `${scalar.name} ${String(value)} as a variable`).toBe('BAD_USER_INPUT');
      expect(refusal(() => scalar.parseLiteral(literal as never, {}))?.code, `${scalar.name} ${String(value)} as a literal`).toBe('BAD_USER_INPUT');
    }
  });

  it('refuse values of the wrong JSON kind (objects, lists, booleans, null) in variables', () => {
    for (const scalar of [DateScalar, DateTimeScalar, MoneyScalar]) {
      for (const value of [{ a: 1 }, [1], true, null]) {
        expect(refusal(() => scalar.parseValue(value))?.code, `${scalar.name} ${JSON.stringify(value)}`).toBe('BAD_USER_INPUT');
      }
      expect(refusal(() => scalar.parseLiteral({ kind: Kind.OBJECT, fields: [] } as never, {}))?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('checkSharedScalars', () => {
  it('makes a schema built from SDL alone refuse what the shared scalars refuse, passing good values on unchanged', () => {
    const schema = buildSchema('scalar Date scalar Money type Query { day(date: Date!): Int price(amount: Money): Int }');
    checkSharedScalars(schema);
    const date = schema.getType('Date') as GraphQLScalarType;
    expect(date.parseValue('2026-02-28')).toBe('2026-02-28');
    expect(refusal(() => date.parseValue('2026-02-30'))?.code).toBe('BAD_USER_INPUT');
    expect((schema.getType('Money') as GraphQLScalarType).parseValue('52.00')).toBe('52.00');
    const errors = validate(schema, parse('{ day(date: "2026-02-30") price(amount: "1.001") }'));
    expect(errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(validate(schema, parse('{ day(date: "2026-02-28") price(amount: "52.00") }'))).toEqual([]);
  });
});
