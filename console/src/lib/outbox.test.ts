// The offline queue's rules without a browser: what is retried and what is not, the key made once, whose entries go
// with whose token, one send per entry however many tabs and flushes there are, a send that hangs, and the 7 days.
import { describe, expect, it } from 'vitest';
import {
  classify,
  CLAIM_TIMEOUT_MS,
  claimNext,
  createEntry,
  createOutbox,
  ENTRY_LIFETIME_MS,
  memoryStorage,
  ordersSummary,
  parseEntries,
  prune,
  SEND_TIMEOUT_MS,
  settle,
  type OutboxEntry,
  type OutboxStorage,
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
    // A field of the answer the platform could not fill (the subsidy service down) does not undo what it did.
    const withErrors: SendResult = {
      ...answered(),
      error: {
        graphQLErrors: [
          { message: 'Subsidy service unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } },
          { message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
        response: { status: 200 },
      },
    };
    expect(classify('submitOrders', withErrors)).toEqual({ type: 'sent', answer: { orders: [{ id: 'o1' }] } });
  });

  it('retries only a failure of the network or the platform', () => {
    expect(classify('submitOrders', noAnswer)).toEqual({ type: 'retry', problem: 'network' });
    expect(classify('submitOrders', refusedWith('SERVICE_UNAVAILABLE'))).toEqual({ type: 'retry', problem: 'unavailable' });
    expect(classify('submitOrders', { error: { networkError: new Error('Bad Gateway'), graphQLErrors: [], response: { status: 502 } } })).toEqual({ type: 'retry', problem: 'server' });
    expect(classify('submitOrders', { error: { graphQLErrors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response: { status: 500 } } })).toEqual({ type: 'retry', problem: 'server' });
    // The platform failed but said so with HTTP 200: a failure of the platform all the same, not a refusal.
    expect(classify('submitOrders', { data: { submitOrders: null }, error: { graphQLErrors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response: { status: 200 } } })).toEqual({
      type: 'retry',
      problem: 'server',
    });
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
  it('claims the actor’s oldest waiting entry, one at a time, and not one another tab holds', () => {
    const list = [entry({ id: 'b', createdAt: 2000 }), entry({ id: 'other', actor: ZHANG, createdAt: 500 }), entry({ id: 'a', createdAt: 1500 })];
    const first = claimNext(list, { actor: LI, now: 3000, claimant: 'tab1' });
    expect(first.claimed).toMatchObject({ id: 'a', status: 'sending', claimedBy: 'tab1', claimedAt: 3000, attempts: 1 });
    expect(first.entries.find((e) => e.id === 'b')!.status).toBe('queued');
    expect(first.entries.find((e) => e.id === 'other')!.status).toBe('queued');
    // Another tab passes over what tab1 holds and takes the next.
    const second = claimNext(first.entries, { actor: LI, now: 3001, claimant: 'tab2' });
    expect(second.claimed).toMatchObject({ id: 'b', claimedBy: 'tab2' });
    expect(claimNext(second.entries, { actor: LI, now: 3002, claimant: 'tab3' }).claimed).toBeNull();
    // A tab that went away mid-send: after a minute another may send (with the same key).
    expect(claimNext(second.entries, { actor: LI, now: 3000 + CLAIM_TIMEOUT_MS, claimant: 'tab3' }).claimed).toMatchObject({ id: 'a', claimedBy: 'tab3', attempts: 2 });
    // What this round has tried already is left for the next.
    expect(claimNext(list, { actor: LI, now: 3000, claimant: 'tab1', skip: new Set(['a']) }).claimed).toMatchObject({ id: 'b' });
  });

  it('waits for the retry time unless forced', () => {
    const waiting = [entry({ retryAt: 10_000 })];
    expect(claimNext(waiting, { actor: LI, now: 5000, claimant: 't' }).claimed).toBeNull();
    expect(claimNext(waiting, { actor: LI, now: 5000, claimant: 't', force: true }).claimed).not.toBeNull();
  });

  it('expires a waiting entry after 7 days and forgets settled ones 7 days after', () => {
    const old = entry();
    const expired = prune([old], old.createdAt + ENTRY_LIFETIME_MS);
    expect(expired[0]).toMatchObject({ status: 'expired' });
    expect(claimNext([old], { actor: LI, now: old.createdAt + ENTRY_LIFETIME_MS, claimant: 't', force: true }).claimed).toBeNull();
    expect(prune(expired, old.createdAt + 2 * ENTRY_LIFETIME_MS)).toEqual([]);
    expect(prune([entry({ status: 'sent', settledAt: 5000 })], 5000 + ENTRY_LIFETIME_MS - 1)).toHaveLength(1);
  });

  it('expires an entry left mid-send past its 7 days, but not one a live tab is sending until that tab settles it', () => {
    const old = entry();
    const at = old.expiresAt + 1000;
    const stale = entry({ status: 'sending', claimedBy: 'closed-tab', claimedAt: at - CLAIM_TIMEOUT_MS, attempts: 1 });
    expect(prune([stale], at)[0]).toMatchObject({ status: 'expired' });
    expect(prune([stale], at)[0]).not.toHaveProperty('claimedBy');
    expect(claimNext([stale], { actor: LI, now: at, claimant: 't', force: true }).claimed).toBeNull();
    const live = entry({ status: 'sending', claimedBy: 'live-tab', claimedAt: at - 1000, attempts: 1 });
    expect(prune([live], at)[0]).toMatchObject({ status: 'sending' });
    // Its tab's send came to nothing: it expires instead of waiting again; had it been answered, it would say sent.
    expect(settle([live], 'e1', 'live-tab', { type: 'retry', problem: 'network' }, at)[0]).toMatchObject({ status: 'expired', settledAt: at });
    expect(settle([live], 'e1', 'live-tab', { type: 'sent', answer: {} }, at)[0]).toMatchObject({ status: 'sent' });
  });

  it('drops what storage gives back malformed', () => {
    expect(parseEntries([entry(), { id: 'x' }, null, 'junk'])).toEqual([entry()]);
    expect(parseEntries(undefined)).toEqual([]);
  });

  it('keeps a resident request with what it is about, which is no orders summary', () => {
    const filed = entry({ kind: 'fileRequest', summary: { category: '生活物资', description: '蔬菜没送到' } });
    expect(parseEntries([filed])).toEqual([filed]);
    expect(ordersSummary(filed)).toBeNull();
    expect(ordersSummary(entry())).toEqual(summary);
    // A request's answer is its root field, as for orders.
    expect(classify('fileRequest', { data: { fileRequest: { id: 'r1', status: 'DISPATCHED' } } })).toEqual({ type: 'sent', answer: { id: 'r1', status: 'DISPATCHED' } });
    expect(classify('recordCallback', { data: { recordCallback: null }, error: { graphQLErrors: [{ message: 'replied first', extensions: { code: 'CONFLICT' } }] } })).toEqual({ type: 'refused', codes: ['CONFLICT'], messages: ['replied first'] });
  });
});

describe('the queue with a sender', () => {
  function setup(results: Array<SendResult | Error>, options: { sendTimeoutMs?: number } = {}) {
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
      ...options,
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

  it('retries the platform’s own failure (INTERNAL_SERVER_ERROR with HTTP 200) with the same key', async () => {
    const failed: SendResult = { data: { submitOrders: null }, error: { graphQLErrors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response: { status: 200 } } };
    const q = setup([failed, answered()]);
    const made = await enqueue(q.outbox);
    await q.outbox.flush();
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'queued', lastProblem: 'server' });
    await q.outbox.flush({ force: true });
    expect(q.sent.map((s) => (s.variables.input as { idempotencyKey: string }).idempotencyKey)).toEqual([made.idempotencyKey, made.idempotencyKey]);
    expect(q.outbox.snapshot()[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up on a send that hangs, aborts it, and sends again with the same key', async () => {
    expect(SEND_TIMEOUT_MS).toBeLessThan(CLAIM_TIMEOUT_MS);
    const signals: AbortSignal[] = [];
    let hang = true;
    let now = 1_000_000;
    const sent: string[] = [];
    const outbox = createOutbox({
      storage: memoryStorage(),
      send(e, signal) {
        signals.push(signal);
        sent.push(e.idempotencyKey);
        return hang ? new Promise<SendResult>(() => undefined) : Promise.resolve(answered());
      },
      actor: () => LI,
      online: () => true,
      now: () => now,
      newId: () => `id-${sent.length}-${now++}`,
      sendTimeoutMs: 20,
    });
    const made = await enqueue(outbox);
    await outbox.flush();
    expect(signals[0]!.aborted).toBe(true);
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'queued', lastProblem: 'network', attempts: 1 });
    hang = false;
    await outbox.flush({ force: true });
    expect(sent).toEqual([made.idempotencyKey, made.idempotencyKey]);
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'sent', attempts: 2 });
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

  it('gives up on an entry a closed tab was sending once its 7 days are past, without sending it', async () => {
    const sent: string[] = [];
    const made = entry();
    const now = made.expiresAt + CLAIM_TIMEOUT_MS;
    const left = { ...made, status: 'sending' as const, claimedBy: 'closed-tab', claimedAt: made.expiresAt - 1000, attempts: 3 };
    const outbox = createOutbox({
      storage: memoryStorage([left]),
      send: async (e) => (sent.push(e.idempotencyKey), answered()),
      actor: () => LI,
      online: () => true,
      now: () => now,
      newId: () => 'this-tab',
    });
    await outbox.reload();
    await outbox.flush({ force: true });
    expect(sent).toEqual([]);
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'expired', attempts: 3 });
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

describe('the queue in several tabs', () => {
  /** A send the test answers when it likes. */
  function deferredSends() {
    const pending: Array<{ key: string; tab: string; answer: () => void }> = [];
    const send = (tab: string) => (e: OutboxEntry) =>
      new Promise<SendResult>((resolve) => {
        pending.push({ key: e.idempotencyKey, tab, answer: () => resolve(answered()) });
      });
    return { pending, send };
  }
  /** Lets the queue's awaits run. */
  const settleDown = () => new Promise((resolve) => setTimeout(resolve, 0));

  function tabs(storage: OutboxStorage, clock: { now: number }, send: (tab: string) => (e: OutboxEntry) => Promise<SendResult>) {
    let ids = 0;
    const make = (tab: string) =>
      createOutbox({ storage, send: send(tab), actor: () => LI, online: () => true, now: () => clock.now, newId: () => `${tab}-${++ids}` });
    return { a: make('a'), b: make('b') };
  }
  const waiting = (id: string, createdAt: number) => entry({ id, createdAt, idempotencyKey: `key-${id}`, variables: { input: { idempotencyKey: `key-${id}` } } });

  it('sends each entry once when two tabs flush together', async () => {
    const storage = memoryStorage([waiting('e1', 1000), waiting('e2', 1001), waiting('e3', 1002)]);
    const sent: Array<{ tab: string; key: string }> = [];
    const { a, b } = tabs(storage, { now: 10_000 }, (tab) => async (e) => (sent.push({ tab, key: e.idempotencyKey }), answered()));
    await Promise.all([a.flush({ force: true }), b.flush({ force: true }), a.flush({ force: true }), b.flush()]);
    expect(sent.map((s) => s.key).sort()).toEqual(['key-e1', 'key-e2', 'key-e3']);
    expect((await storage.read()).map((e) => e.status)).toEqual(['sent', 'sent', 'sent']);
    expect((await storage.read()).map((e) => e.attempts)).toEqual([1, 1, 1]);
  });

  it('sends once when flush() is called during a flush', async () => {
    const storage = memoryStorage();
    const { pending, send } = deferredSends();
    const { a } = tabs(storage, { now: 10_000 }, send);
    await a.enqueue({ kind: 'submitOrders', query: 'mutation Submit', variables: (key) => ({ input: { idempotencyKey: key } }), summary });
    await settleDown();
    expect(pending).toHaveLength(1);
    const again = [a.flush(), a.flush({ force: true })];
    await settleDown();
    expect(pending).toHaveLength(1);
    pending[0]!.answer();
    await Promise.all(again);
    await a.flush({ force: true });
    expect(pending).toHaveLength(1);
    expect((await storage.read())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('claims each entry as it sends it: a tab busy for a minute does not let another take what it has yet to send', async () => {
    const clock = { now: 10_000 };
    const storage = memoryStorage([waiting('e1', 1000), waiting('e2', 1001)]);
    const { pending, send } = deferredSends();
    const { a, b } = tabs(storage, clock, send);
    const flushing = a.flush({ force: true });
    await settleDown();
    // Tab a sends the first; the second is not claimed yet.
    expect(pending.map((p) => p.key)).toEqual(['key-e1']);
    expect((await storage.read()).map((e) => e.status)).toEqual(['sending', 'queued']);
    // The first answer takes 50 s; the second is claimed then, and is still being sent 61 s after tab a began.
    clock.now += 50_000;
    pending[0]!.answer();
    await settleDown();
    expect(pending.map((p) => p.key)).toEqual(['key-e1', 'key-e2']);
    clock.now += 11_000;
    await b.flush({ force: true });
    await settleDown();
    expect(pending.map((p) => p.tab)).toEqual(['a', 'a']);
    pending[1]!.answer();
    await flushing;
    expect((await storage.read()).map((e) => [e.status, e.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });
});
