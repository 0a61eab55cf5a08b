// The pure rules of resident requests: deadlines by urgency, the state machine, the return window, lateness.
import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../src/db/schema.js';
import { assertMove, assertReturnable, deadlinesFrom, respondedLate, resolvedLate, streetOfCommunity } from '../src/domain/rules.js';

const T0 = new Date('2026-11-02T09:00:00+08:00');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

describe('deadlines', () => {
  it.each([
    ['URGENT', 2, 24],
    ['NORMAL', 24, 7 * 24],
    ['COMPLEX', 24, 15 * 24],
  ] as const)('count %s from dispatch: %i h to respond, %i h to resolve', (urgency, response, resolution) => {
    expect(deadlinesFrom(urgency, T0)).toEqual({ responseDeadline: hours(response), resolutionDeadline: hours(resolution) });
  });

  it('find the street of a community in its first 9 digits', () => {
    expect(streetOfCommunity('420102001001')).toBe('420102001');
  });
});

describe('the state machine', () => {
  it.each([
    ['accept', 'DISPATCHED', 'ACCEPTED'],
    ['return', 'DISPATCHED', 'RETURNED'],
    ['dispatch', 'RETURNED', 'DISPATCHED'],
    ['reply', 'ACCEPTED', 'REPLIED'],
    ['reply', 'REOPENED', 'REPLIED'],
    ['callbackClose', 'REPLIED', 'CLOSED'],
    ['callbackReopen', 'REPLIED', 'REOPENED'],
  ] as const)('allows %s from %s to %s', (move, from, to) => {
    expect(assertMove({ status: from }, move)).toBe(to);
  });

  it.each([
    ['accept', 'ACCEPTED'],
    ['accept', 'REOPENED'],
    ['reply', 'DISPATCHED'],
    ['reply', 'REPLIED'],
    ['return', 'ACCEPTED'],
    ['dispatch', 'DISPATCHED'],
    ['callbackClose', 'ACCEPTED'],
    ['callbackReopen', 'CLOSED'],
  ] as const)('refuses %s from %s as a CONFLICT', (move, from) => {
    expect(() => assertMove({ status: from }, move)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
  });

  it('returns within 2 hours of dispatch, once', () => {
    const request = { status: 'DISPATCHED' as const, returnCount: 0, dispatchedAt: T0 };
    expect(() => assertReturnable(request, hours(2))).not.toThrow();
    expect(() => assertReturnable(request, hours(2.001))).toThrow(/2 hours/);
    expect(() => assertReturnable({ ...request, returnCount: 1 }, hours(1))).toThrow(/at most once/);
  });
});

describe('lateness', () => {
  const request = { respondedAt: null, repliedAt: null, status: 'DISPATCHED', responseDeadline: hours(2), resolutionDeadline: hours(24) } as unknown as RequestRow;
  it('counts a response after the deadline, or none by a passed deadline, as late', () => {
    expect(respondedLate(request, hours(1))).toBe(false);
    expect(respondedLate(request, hours(3))).toBe(true);
    expect(respondedLate({ ...request, respondedAt: hours(1.5) }, hours(30))).toBe(false);
  });
  it('counts a reply after the last resolution deadline as late; a reopened request is judged by its new deadline', () => {
    expect(resolvedLate({ ...request, status: 'REPLIED', repliedAt: hours(20) }, hours(40))).toBe(false);
    expect(resolvedLate({ ...request, status: 'REPLIED', repliedAt: hours(25) }, hours(40))).toBe(true);
    expect(resolvedLate({ ...request, status: 'REOPENED', repliedAt: null, resolutionDeadline: hours(60) }, hours(40))).toBe(false);
  });
});
