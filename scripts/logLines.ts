// The services log JSON (pino); `npm start` shows each line as a person reads it.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: '', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Fields shown after the message, when a line has them (the access log's, a restart's). */
const SHOWN = ['requestId', 'operationName', 'durationMs', 'subgraph', 'reason', 'port', 'workers'] as const;

/**
 * A pino JSON line as `12:00:01 WARN message key=value …` (time of day, level unless info, message, the
 * fields in SHOWN, an error's message); any other line unchanged.
 */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[entry.level as number] ?? '';
  const fields = SHOWN.flatMap((key) => (entry[key] === undefined ? [] : [`${key}=${String(entry[key])}`]));
  const err = entry.err as { message?: string } | undefined;
  if (err?.message) fields.push(`error=${err.message}`);
  return [time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ');
}
