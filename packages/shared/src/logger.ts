import { pino, type Logger } from 'pino';

export type { Logger };

/** Fields of a serialized error that hold the values a failed SQL statement carried (names, phones, keys). */
const VALUE_FIELDS = new Set(['params', 'parameters', 'detail']);

/** Drizzle's "Failed query: … \nparams: a,b,c" message: the params line (to the stack's first frame, if any). */
const PARAMS_TAIL = /\nparams:[\s\S]*?(?=\n\s+at |$)/;

/** Removes the statement's values from a serialized error and its causes (drizzle's params, PostgreSQL's detail). */
function withoutValues(serialized: unknown, depth = 0): unknown {
  if (!serialized || typeof serialized !== 'object' || depth > 5) return serialized;
  const entries = Object.entries(serialized as Record<string, unknown>).flatMap(([key, value]) => {
    if (VALUE_FIELDS.has(key)) return [];
    if ((key === 'message' || key === 'stack') && typeof value === 'string') return [[key, value.replace(PARAMS_TAIL, '\nparams: (not logged)')]];
    if (key === 'cause') return [[key, withoutValues(value, depth + 1)]];
    return [[key, value]];
  });
  return Object.fromEntries(entries);
}

/**
 * How every service logs an error: pino's standard fields with its causes (type, message, stack, cause), without the values
 * of a failed SQL statement, which can be a resident's name or phone number.
 */
export function serializeError(error: unknown): unknown {
  return withoutValues(error instanceof Error ? pino.stdSerializers.errWithCause(error) : error);
}

/** One structured logger per process, named after the service; errors are logged without personal data. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, serializers: { err: serializeError } });
}
