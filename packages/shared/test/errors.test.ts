import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError, isUnexpectedError } from '../src/errors.js';

const formatted = (error: GraphQLError) => ({ message: error.message, extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' } });

describe('formatError', () => {
  it('gives a refusal Apollo Server makes with a 4xx status but no code as BAD_USER_INPUT, in plain words', () => {
    const apq = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatError(formatted(apq), apq)).toEqual({
      message: expect.stringMatching(/sha256Hash is not the SHA-256 of the query/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' },
    });
    expect(isUnexpectedError(apq)).toBe(false);
  });

  it('masks an error without a code and without a 4xx status, and only that is logged as unexpected', () => {
    const bug = new GraphQLError('relation "regions" does not exist', { originalError: new Error('SELECT * FROM regions') });
    expect(formatError(formatted(bug), bug).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(isUnexpectedError(bug)).toBe(true);
    const ours = new GraphQLError('oops', { extensions: { http: { status: 500 } } });
    expect(isUnexpectedError(ours)).toBe(true);
    expect(isUnexpectedError(new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }))).toBe(false);
  });
});
