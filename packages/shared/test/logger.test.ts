import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { serializeError } from '../src/logger.js';

describe('errors as logged', () => {
  it('keep the statement and the cause, never the values a failed SQL statement carried', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "households_phone"'), {
      code: '23505',
      detail: 'Key (phone)=(13900001234) already exists.',
    });
    const error = new DrizzleQueryError('insert into households (name, phone) values ($1, $2)', ['王秀英', '13900001234'], cause);
    const lines: string[] = [];
    const logger = pino(
      { serializers: { err: serializeError } },
      new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) }),
    );
    logger.error({ err: error }, 'unexpected error in a GraphQL request');
    const [line] = lines;
    expect(line).toContain('insert into households (name, phone)');
    expect(line).toContain('duplicate key value violates unique constraint');
    expect(line).toContain('23505');
    expect(line).not.toContain('王秀英');
    expect(line).not.toContain('13900001234');
  });

  it('leaves other errors as pino logs them', () => {
    expect(serializeError(new TypeError('x is undefined'))).toMatchObject({ type: 'TypeError', message: 'x is undefined' });
    expect(serializeError('plain')).toBe('plain');
  });
});
