// The offline queue's rules without a browser: what is retried and what is not, the key made once, whose entries go
// with whose token, and the 7 days.
import { describe, expect, it } from 'vitest';
import {
  classify,
  CLAIM_TIMEOUT_MS,
  claimDue,
  createEntry,
  createOutbox,
  ENTRY_LIFETIME_MS,
  memoryStorage,
  parseEntries,
  prune,
  type OutboxEntry,
  type SendResult,
} from './outbox.js';

const LI = 'PARTY_MEMBER|li|dev-party_member';
const ZHANG = 'PARTY_MEMBER|zhang|dev-party_member';
const summary = { date: '2026-12-02', doors: ['1栋 901'], orders: 1, units: 2 };
const answered = (kind = 'submitOrders'): SendResult => ({ data: { [kind]: { orders: [{ id: 'o1' }] } } });
const refusedWith = (code: string, message = 'no'): SendResult => ({ data: { submitOrders: null }, error: { graphQLErrors: [{ message, extensions: { code } }] } });
const noAnswer: SendResult = { error: { networkError: new TypeError('Failed to fetch'), graphQLErrors: [] } };

function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { ...createEntry({ id: 'e1', actor: LI, kind: 'submitOrders', query: 'mutation', variables: { input: { idempotencyKey: 'k1' } }, idempotencyKey: 'k1', summary, now: 1000 }), ...overrides };
}

describe('classify', () => {
  it('takes the mutation answered as sent, even with errors beside it', () => {
    expect(classify('submitOrders', answered())).toEqual({ type: 'sent', answer: { orders: [{ id: 'o1' }] } });
  });

  it('retries only a failure of the network or the platform', () => {
    expect(classify('submitOrders', noAnswer)).toEqual({ type: 'retry', problem: 'network' });
    expect(classify('submitOrders', refusedWith('SERVICE_UNAVAILABLE'))).toEqual({ type: 'retry', problem: 'unavailable' });
    expect(classify('submitOrders', { error: { networkError: new Error('Bad Gateway'), graphQLErrors: [], response: { status: 502 } } })).toEqual({ type: 'retry', problem: 'server' });
    expect(classify('submitOrders', { error: { graphQLErrors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response: { status: 500 } } })).toEqual({ type: 'retry', problem: 'server' });
  });

  it('takes every contract refusal as refused, with its words', () => {
    for (const code of ['CONFLICT', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']) {
      expect(classify('submitOrders', refusedWith(code, `said ${code}`))).toEqual({ type: 'refused', codes: [code], messages: [`said ${code}`] });
    }
    // A refusal beside an unavailable service is still a refusal: the mutation changed nothing and would say no again.
    const both: SendResult = { error: { graphQLErrors: [{ message: 'a', extensions: { code: 'SERVICE_UNAVAILABLE' } }, { message: 'b', extensions: { code: 'CONFLICT' } }] } };
    expect(classify('submitOrders', both)).toMatchObject({ type: 'refused', codes: ['CONFLICT'] });
  });

  it('keeps an entry whose sign-in ended, and does not retry what is neither answer nor failure', () => {
    expect(classify('markDelivered', refusedWith('UNAUTHENTICATED'))).toEqual({ type: 'retry', problem: 'signedOut' });
    expect(classify('markDelivered', { error: { networkError: new Error('Payload Too Large'), graphQLErrors: [], response: { status: 413 } } })).toMatchObject({ type: 'refused', codes: ['UNKNOWN'] });
    expect(classify('markDelivered', refusedWith('GRAPHQL_VALIDATION_FAILED'))).toMatchObject({ type: 'refused', codes: ['GRAPHQL_VALIDATION_FAILED'] });
  });
});

describe('the queue as a list', () => {
  it('claims only the actor’s waiting entries, oldest first, and not twice', () => {
    const list = [entry({ id: 'b', createdAt: 2000 }), entry({ id: 'other', actor: ZHANG }), entry({ id: 'a', createdAt: 1500 })];
    const first = claimDue(list, { actor: LI, now: 3000, claimant: 'tab1' });
    expect(first.claimed.map((e) => e.id)).toEqual(['a', 'b']);
    expect(first.entries.find((e) => e.id === 'other')!.status).toBe('queued');
    expect(claimDue(first.entries, { actor: LI, now: 3001, claimant: 'tab2' }).claimed).toEqual([]);
    // A tab that went away mid-send: after a minute another may send (with the same key).
    expect(claimDue(first.entries, { actor: LI, now: 3000 + 60_000, claimant: 'tab2' }).claimed.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('waits for the retry time unless forced', () => {
    const waiting = [entry({ retryAt: 10_000 })];
    expect(claimDue(waiting, { actor: LI, now: 5000, claimant: 't' }).claimed).toEqual([]);
    expect(claimDue(waiting, { actor: LI, now: 5000, claimant: 't', force: true }).claimed).toHaveLength(1);
  });

  it('expires a waiting entry after 7 days and forgets settled ones 7 days after', () => {
    const old = entry();
    const expired = prune([old], old.createdAt + ENTRY_LIFETIME_MS);
    expect(expired[0]).toMatchObject({ status: 'expired' });
    expect(claimDue([old], { actor: LI, now: old.createdAt + ENTRY_LIFETIME_MS, claimant: 't', force: true }).claimed).toEqual([]);
    expect(prune(expired, old.createdAt + 2 * ENTRY_LIFETIME_MS)).toEqual([]);
    expect(prune([entry({ status: 'sent', settledAt: 5000 })], 5000 + ENTRY_LIFETIME_MS - 1)).toHaveLength(1);
  });

  it('drops what storage gives back malformed', () => {
    expect(parseEntries([entry(), { id: 'x' }, null, 'junk'])).toEqual([entry()]);
    expect(parseEntries(undefined)).toEqual([]);
  });
});

describe('the queue with a sender', () => {
  function setup(results: Array<SendResult | Error>) {
    let now = 1_000_000;
    let online = true;
    let actor: string | null = LI;
    let ids = 0;
    const sent: Array<{ actor: string | null; variables: Record<string, unknown> }> = [];
    const storage = memoryStorage();
    const outbox = createOutbox({
      storage,
      async send(e) {
        sent.push({ actor, variables: e.variables });
        const next = results.shift() ?? answered();
        if (next instanceof Error) throw next;
        return next;
      },
      actor: () => actor,
      online: () => online,
      now: () => now,
      newId: () => `id-${++ids}`,
    });
    return {
      outbox,
      storage,
      sent,
      set: (change: { now?: number; online?: boolean; actor?: string | null }) => {
        now = change.now ?? now;
        online = change.online ?? online;
        actor = change.actor === undefined ? actor : change.actor;
      },
    };
  }
  const enqueue = (outbox: ReturnType<typeof setup>['outbox']) =>
    outbox.enqueue({ kind: 'submitOrders', query: 'mutation Submit', variables: (key) => ({ input: { idempotencyKey: key, orders: [] } }), summary });

  it('keeps a batch made offline and sends it once, with the key made when it was queued, when back online', async () => {
    const q = setup([]);
    q.set({ online: false });
    const made = await enqueue(q.outbox);
    await q.outbox.flush();
    expect(q.sent).toEqual([]);
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'queued', attempts: 0 });
    q.set({ online: true });
    await q.outbox.flush({ force: true });
    await q.outbox.flush({ force: true });
    expect(q.sent).toEqual([{ actor: LI, variables: { input: { idempotencyKey: made.idempotencyKey, orders: [] } } }]);
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'sent', answer: { orders: [{ id: 'o1' }] } });
  });

  it('sends again with the same key after a lost answer, and never after a refusal', async () => {
    const q = setup([new TypeError('Failed to fetch'), refusedWith('SERVICE_UNAVAILABLE'), answered()]);
    const made = await enqueue(q.outbox);
    await q.outbox.flush();
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'queued', lastProblem: 'network' });
    await q.outbox.flush({ force: true });
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'queued', lastProblem: 'unavailable' });
    await q.outbox.flush({ force: true });
    expect(q.sent.map((s) => (s.variables.input as { idempotencyKey: string }).idempotencyKey)).toEqual([made.idempotencyKey, made.idempotencyKey, made.idempotencyKey]);
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'sent', attempts: 3 });

    const r = setup([refusedWith('CONFLICT', 'Orders for 2026-12-02 closed at 2026-12-01T20:00:00+08:00.')]);
    await enqueue(r.outbox);
    await r.outbox.flush({ force: true });
    await r.outbox.flush({ force: true });
    expect(r.sent).toHaveLength(1);
    expect(r.outbox.snapshot()[0]).toMatchObject({ status: 'refused', refusal: { codes: ['CONFLICT'], messages: ['Orders for 2026-12-02 closed at 2026-12-01T20:00:00+08:00.'] } });
  });

  it('never sends one actor’s entries with another’s token', async () => {
    const q = setup([]);
    q.set({ online: false });
    await enqueue(q.outbox);
    q.set({ online: true, actor: ZHANG });
    await q.outbox.flush({ force: true });
    expect(q.sent).toEqual([]);
    q.set({ actor: null });
    await q.outbox.flush({ force: true });
    expect(q.sent).toEqual([]);
    q.set({ actor: LI });
    await q.outbox.flush({ force: true });
    expect(q.sent).toEqual([expect.objectContaining({ actor: LI })]);
  });

  it('sends again, with its key, an entry a closed tab was sending, once that tab’s claim runs out', async () => {
    const timers: Array<{ run: () => void; ms: number }> = [];
    let now = 5_000_000;
    const sent: string[] = [];
    const left = { ...entry({ createdAt: now - 1000 }), status: 'sending' as const, claimedBy: 'closed-tab', claimedAt: now - 1000, attempts: 1 };
    const outbox = createOutbox({
      storage: memoryStorage([left]),
      send: async (e) => (sent.push(e.idempotencyKey), answered()),
      actor: () => LI,
      online: () => true,
      now: () => now,
      newId: () => 'this-tab',
      later: (run, ms) => (timers.push({ run, ms }), () => undefined),
    });
    await outbox.reload();
    await outbox.flush({ force: true });
    expect(sent).toEqual([]);
    expect(timers.at(-1)!.ms).toBe(CLAIM_TIMEOUT_MS - 1000);
    now += CLAIM_TIMEOUT_MS;
    timers.at(-1)!.run();
    await outbox.flush();
    expect(sent).toEqual(['k1']);
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after 7 days without a try', async () => {
    const q = setup([]);
    q.set({ online: false });
    await enqueue(q.outbox);
    q.set({ online: true, now: 1_000_000 + ENTRY_LIFETIME_MS });
    await q.outbox.flush({ force: true });
    expect(q.sent).toEqual([]);
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'expired' });
  });
});
