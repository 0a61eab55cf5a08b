import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger per process, named after the service. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name } });
}
