// The council's rules with no I/O: phases by the clock at their edges, the quorum and the pass rule at their
// boundaries, caps, and funding in the contract's order.
import { describe, expect, it } from 'vitest';
import { assertProgress, assertWithinCap, hasQuorum, passes, resolveRound, roundStatus, type Candidate } from '../src/domain/councilRules.js';

const round = { proposalsUntil: new Date('2026-11-21T12:00:00+08:00'), supportsUntil: new Date('2026-11-22T12:00:00+08:00'), resolvedAt: null, closedAt: null };
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'none';
};

describe('the phase of a round', () => {
  it('moves at the instants of its windows, and by its resolution and closing', () => {
    const at = (text: string) => roundStatus(round, new Date(text));
    expect(at('2026-11-21T11:59:59.999+08:00')).toBe('COLLECTING');
    expect(at('2026-11-21T12:00:00+08:00')).toBe('SUPPORTING');
    expect(at('2026-11-22T11:59:59.999+08:00')).toBe('SUPPORTING');
    expect(at('2026-11-22T12:00:00+08:00')).toBe('RESOLVING');
    const now = new Date('2026-11-23T12:00:00+08:00');
    expect(roundStatus({ ...round, resolvedAt: now }, now)).toBe('PUBLICISED');
    expect(roundStatus({ ...round, resolvedAt: now, closedAt: now }, now)).toBe('CLOSED');
  });
});

describe('the quorum and the pass rule', () => {
  it('needs two thirds of the members present', () => {
    expect([hasQuorum(5, 9), hasQuorum(6, 9), hasQuorum(1, 3), hasQuorum(2, 3), hasQuorum(6, 10), hasQuorum(7, 10)]).toEqual([false, true, false, true, false, true]);
  });

  it('passes with votes for more than half of ALL members', () => {
    expect([passes(4, 9), passes(5, 9), passes(5, 10), passes(6, 10)]).toEqual([false, true, false, true]);
  });
});

describe('caps and progress', () => {
  it('caps works at 500,000.00 and services and goods at 200,000.00', () => {
    expect(code(() => assertWithinCap('WORKS', 50_000_000))).toBe('none');
    expect(code(() => assertWithinCap('WORKS', 50_000_001))).toBe('BAD_USER_INPUT');
    expect(code(() => assertWithinCap('SERVICE', 20_000_001))).toBe('BAD_USER_INPUT');
    expect(code(() => assertWithinCap('GOODS', 20_000_000))).toBe('none');
    expect(code(() => assertWithinCap('GOODS', 0))).toBe('BAD_USER_INPUT');
  });

  it('never lets spending pass the estimate', () => {
    const project = { status: 'IN_PROGRESS' as const, percentDone: 10, spent: 100, estimatedCost: 1000 };
    expect(code(() => assertProgress(project, { percentDone: 20, spent: 1000 }))).toBe('none');
    expect(code(() => assertProgress(project, { percentDone: 20, spent: 1001 }))).toBe('BAD_USER_INPUT');
  });
});

describe('funding', () => {
  const members = { memberIds: ['m1', 'm2', 'm3'] };
  const project = (id: string, estimatedCost: number, supports: number, minute: number): Candidate => ({
    id,
    title: id,
    estimatedCost,
    supports,
    proposedAt: new Date(Date.UTC(2026, 10, 1, 0, minute)),
  });

  it('goes by votes for, then supports, then the earliest proposed, each while it fits', () => {
    const projects = [project('a', 50, 1, 0), project('b', 60, 9, 1), project('c', 30, 9, 2), project('d', 10, 0, 3), project('e', 10, 9, 4)];
    const vote = (projectId: string, votesFor: number) => ({ projectId, for: votesFor, against: 0, abstain: 3 - votesFor });
    const { outcomes, allocated } = resolveRound(members, 100, projects, {
      membersPresent: ['m1', 'm2', 'm3'],
      votes: [vote('a', 3), vote('b', 2), vote('c', 2), vote('d', 2), vote('e', 1)],
    });
    // a (3 for) 50 → 50 left; b (2, 9 supports, earlier than c) 60 does not fit; c 30 → 20 left; d 10 → 10 left; e fails (1 of 3).
    expect(Object.fromEntries(outcomes.map((outcome) => [outcome.projectId, outcome.status]))).toEqual({ a: 'FUNDED', b: 'NOT_FUNDED', c: 'FUNDED', d: 'FUNDED', e: 'REJECTED' });
    expect(allocated).toBe(90);
  });

  it('refuses a missing quorum, too many votes for those present less the recused, and a recused member not present', () => {
    const projects = [project('a', 50, 1, 0)];
    const resolve = (membersPresent: string[], vote: Record<string, unknown>) =>
      code(() => resolveRound(members, 100, projects, { membersPresent, votes: [{ projectId: 'a', for: 2, against: 0, abstain: 0, ...vote }] }));
    expect(resolve(['m1'], {})).toBe('BAD_USER_INPUT');
    expect(resolve(['m1', 'm2'], { recused: ['m2'] })).toBe('BAD_USER_INPUT'); // 2 votes, 1 may vote
    expect(resolve(['m1', 'm2'], { for: 1, recused: ['m3'] })).toBe('BAD_USER_INPUT');
    expect(resolve(['m1', 'm2', 'm3'], { recused: ['m3'] })).toBe('none');
  });
});
