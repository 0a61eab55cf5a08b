// The request rules the pages apply before asking the platform: the deadline a request waits on, the inbox's order,
// the 2-hour return window, and spans as a clock reads them.
import { describe, expect, it } from 'vitest';
import { byDeadline, formatSpan, pendingDeadline, whyNotReturnable } from './rules.js';

const deadlines = { responseDeadline: '2026-11-20T11:00:00+08:00', resolutionDeadline: '2026-11-21T09:00:00+08:00' };
const at = (iso: string) => Date.parse(iso);

describe('the deadline a request waits on', () => {
  it('is the response while dispatched, the reply while accepted or reopened, none otherwise', () => {
    expect(pendingDeadline({ status: 'DISPATCHED', ...deadlines })).toEqual({ kind: 'response', at: deadlines.responseDeadline });
    expect(pendingDeadline({ status: 'ACCEPTED', ...deadlines })).toEqual({ kind: 'resolution', at: deadlines.resolutionDeadline });
    expect(pendingDeadline({ status: 'REOPENED', ...deadlines })).toEqual({ kind: 'resolution', at: deadlines.resolutionDeadline });
    for (const status of ['RETURNED', 'REPLIED', 'CLOSED'] as const) expect(pendingDeadline({ status, ...deadlines })).toBeNull();
  });

  it('orders an inbox by it: the earliest (overdue ones) first, those waiting on nothing last', () => {
    const late = { id: 'late', status: 'DISPATCHED' as const, responseDeadline: '2026-11-20T08:00:00+08:00', resolutionDeadline: '2026-11-21T08:00:00+08:00' };
    const soon = { id: 'soon', status: 'ACCEPTED' as const, responseDeadline: '2026-11-19T08:00:00+08:00', resolutionDeadline: '2026-11-20T10:00:00+08:00' };
    const later = { id: 'later', status: 'DISPATCHED' as const, ...deadlines };
    const replied = { id: 'replied', status: 'REPLIED' as const, ...deadlines };
    expect(byDeadline([replied, later, soon, late]).map((r) => r.id)).toEqual(['late', 'soon', 'later', 'replied']);
  });
});

describe('returning a request', () => {
  const dispatchedAt = '2026-11-20T09:00:00+08:00';
  it('is open for 2 hours after dispatch, once, while dispatched', () => {
    expect(whyNotReturnable({ status: 'DISPATCHED', returnCount: 0, dispatchedAt }, at('2026-11-20T11:00:00+08:00'))).toBeNull();
    expect(whyNotReturnable({ status: 'DISPATCHED', returnCount: 0, dispatchedAt }, at('2026-11-20T11:00:01+08:00'))).toBe('windowPassed');
    expect(whyNotReturnable({ status: 'DISPATCHED', returnCount: 1, dispatchedAt }, at('2026-11-20T09:30:00+08:00'))).toBe('returnedOnce');
    expect(whyNotReturnable({ status: 'ACCEPTED', returnCount: 0, dispatchedAt }, at('2026-11-20T09:30:00+08:00'))).toBe('notDispatched');
  });
});

describe('a span as a clock reads it', () => {
  const days = (n: number) => `${n}天`;
  it('shows hours, minutes and seconds, whole days before them, the same before and after a deadline', () => {
    expect(formatSpan(0, days)).toBe('00:00:00');
    expect(formatSpan(2 * 3600_000 - 1000, days)).toBe('01:59:59');
    expect(formatSpan(-60_000, days)).toBe('00:01:00');
    expect(formatSpan(24 * 3600_000, days)).toBe('1天 00:00:00');
    expect(formatSpan(15 * 24 * 3600_000 + 3_723_000, days)).toBe('15天 01:02:03');
  });
});
