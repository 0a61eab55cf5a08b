import { badInput } from './errors.js';

/** A text a person typed: trimmed, not empty, not longer than `max`. */
export function requiredText(value: string, field: string, max = 100): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field} cannot be empty.`, field);
  if (trimmed.length > max) throw badInput(`${field} is at most ${max} characters (got ${trimmed.length}).`, field);
  return trimmed;
}

/** An optional text: trimmed, null when empty, not longer than `max`. */
export function optionalText(value: string | null | undefined, field: string, max = 200): string | null {
  return value?.trim() ? requiredText(value, field, max) : null;
}

/** A whole number within bounds. */
export function boundedInt(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max} (got ${value}).`, field);
  }
  return value;
}
