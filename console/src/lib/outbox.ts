/**
 * The offline queue for phones (console-style.md rule 11), after Workbox's background sync: a mutation the user makes
 * on a bad network is kept in IndexedDB (through idb-keyval) with its text, its variables and the idempotency key made
 * once when the entry is made, and sent again with that same key until the platform answers. Only a failure of the
 * network or the platform (no answer within SEND_TIMEOUT_MS, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR, HTTP 5xx) is
 * retried; a refusal (CONFLICT, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND) leaves the queue and is shown; an entry not sent
 * within 7 days expires. Entries belong to the actor who made them: another actor's token never sends them.
 *
 * The queue's rules are pure functions over the list of entries (`classify`, `claimNext`, `settle`, `prune`) so that
 * they can be tested without a browser; `createOutbox` runs them against a storage (IndexedDB in the browser, every
 * change one atomic read-modify-write through idb-keyval's `update`) and a sender (the console's GraphQL client). A tab
 * claims one entry at a time, right before sending it (claim, send, settle), so that a claim only runs out when its tab
 * went away: a send gives up after SEND_TIMEOUT_MS, well within CLAIM_TIMEOUT_MS.
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { OperationContext } from 'urql';
import { z } from 'zod';
import { fetchNotingAge } from './answerAge.js';
import { client } from './client.js';
import { currentSession, useSession } from './session.js';

/** The mutations that go through the queue, named by their root field. */
export const OUTBOX_KINDS = ['submitOrders', 'markDelivered', 'fileRequest', 'recordCallback', 'recordVisit'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** Where an entry stands: waiting (or waiting again), being sent, answered, refused, or given up after 7 days. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'refused', 'expired'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Why an entry waits again: no answer, a part of the platform down, a server error, or the actor's sign-in ended. */
export const RETRY_PROBLEMS = ['network', 'unavailable', 'server', 'signedOut'] as const;
export type RetryProblem = (typeof RETRY_PROBLEMS)[number];

/** The contract's refusals: the platform answered and said no; sending again would say no again. */
export const REFUSAL_CODES = ['CONFLICT', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND'] as const;
/** A failure of the platform itself, which may come with HTTP 200: retried like a 5xx (the key makes it safe). */
export const PLATFORM_FAILURE_CODES = ['INTERNAL_SERVER_ERROR'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an entry may wait to be sent, and how long an answered one stays on the page. */
export const ENTRY_LIFETIME_MS = 7 * DAY_MS;
/** A claim older than this belongs to a tab that went away mid-send: the entry may be sent again (with its key). */
export const CLAIM_TIMEOUT_MS = 60_000;
/** How long one send may wait for its answer before it counts as no answer (retried): below CLAIM_TIMEOUT_MS. */
export const SEND_TIMEOUT_MS = 30_000;
/** The waits before each automatic retry while the page is open (the `online` event and a reload retry at once). */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const;

const ordersSummarySchema = z.object({
  /** The delivery date the entry is about. */
  date: z.string(),
  /** The doors it concerns, as shown ("1栋 901"). */
  doors: z.array(z.string()),
  orders: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
});
/** What an entry of orders (submitOrders, markDelivered) is about. */
export type OrdersSummary = z.infer<typeof ordersSummarySchema>;
const requestSummarySchema = z.object({
  /** The category's name, as shown ("供水"). */
  category: z.string(),
  /** The request's words, as the resident wrote them. */
  description: z.string(),
});
/** What an entry of a resident request (fileRequest, recordCallback) is about. */
export type RequestSummary = z.infer<typeof requestSummarySchema>;
const visitSummarySchema = z.object({
  /** The household visited, as shown ("1栋 702"). */
  door: z.string(),
  /** What the grid worker noted. */
  note: z.string(),
});
/** What an entry of a grid worker's visit (recordVisit) is about. */
export type VisitSummary = z.infer<typeof visitSummarySchema>;
const summarySchema = z.union([ordersSummarySchema, requestSummarySchema, visitSummarySchema]);
/** What the page says an entry is, without reading its variables. */
export type OutboxSummary = z.infer<typeof summarySchema>;

/** An entry's visit summary; null for an entry of another kind. */
export function visitSummary(entry: { summary: OutboxSummary }): VisitSummary | null {
  return 'door' in entry.summary ? entry.summary : null;
}

/** An entry's orders summary; null for an entry of another kind. */
export function ordersSummary(entry: { summary: OutboxSummary }): OrdersSummary | null {
  return 'date' in entry.summary ? entry.summary : null;
}

const entrySchema = z.object({
  id: z.string().min(1),
  /** Who made it: `actorOf(session)`. */
  actor: z.string().min(1),
  kind: z.enum(OUTBOX_KINDS),
  /** The mutation's text, sent as it is on every try. */
  query: z.string().min(1),
  /** Its variables, the idempotency key inside them. */
  variables: z.record(z.string(), z.unknown()),
  idempotencyKey: z.string().min(1),
  summary: summarySchema,
  createdAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().nonnegative(),
  claimedBy: z.string().optional(),
  claimedAt: z.number().optional(),
  retryAt: z.number().optional(),
  lastProblem: z.enum(RETRY_PROBLEMS).optional(),
  settledAt: z.number().optional(),
  refusal: z.object({ codes: z.array(z.string()), messages: z.array(z.string()) }).optional(),
  /** The mutation's answer (its root field), once sent. */
  answer: z.unknown().optional(),
});
export type OutboxEntry = z.infer<typeof entrySchema>;

/** Who an entry belongs to: the role, scope and subject of a session. */
export function actorOf(session: { role: string; scope: string; subject?: string | undefined } | null): string | null {
  return session ? `${session.role}|${session.scope}|${session.subject ?? ''}` : null;
}

/** Entries read back from storage, each checked; anything malformed (an older console's, a damaged record) is dropped. */
export function parseEntries(value: unknown): OutboxEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = entrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A new entry, waiting; `variables` already hold `idempotencyKey`. */
export function createEntry(input: {
  id: string;
  actor: string;
  kind: OutboxKind;
  query: string;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  summary: OutboxSummary;
  now: number;
}): OutboxEntry {
  const { now, ...rest } = input;
  return { ...rest, createdAt: now, expiresAt: now + ENTRY_LIFETIME_MS, status: 'queued', attempts: 0 };
}

/** What one try of an entry came to. */
export type Outcome =
  | { type: 'sent'; answer: unknown }
  | { type: 'retry'; problem: RetryProblem }
  | { type: 'refused'; codes: string[]; messages: string[] };

/** A GraphQL result as urql gives it (data, and a combined error with the network error, GraphQL errors and response). */
export interface SendResult {
  data?: Record<string, unknown> | null | undefined;
  error?:
    | {
        networkError?: unknown;
        graphQLErrors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> | undefined }>;
        response?: unknown;
      }
    | undefined;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * What a result means for the queue. The mutation's answer present: sent. A contract refusal: refused, never retried.
 * SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR (even with HTTP 200), an HTTP 5xx or no answer at all: retried.
 * UNAUTHENTICATED: kept until the actor signs in again.
 * Anything else (a 4xx without a contract code, a document the platform no longer takes) is not a failure of the network
 * or the platform, so it is not retried either, and is shown as refused.
 */
export function classify(kind: OutboxKind, result: SendResult): Outcome {
  const answer = result.data?.[kind];
  if (answer !== null && answer !== undefined) return { type: 'sent', answer };
  const errors = result.error?.graphQLErrors ?? [];
  const codes = unique(errors.map((e) => e.extensions?.code).filter((code): code is string => typeof code === 'string'));
  const messages = unique(errors.map((e) => e.message).filter(Boolean));
  const refusals = codes.filter((code) => (REFUSAL_CODES as readonly string[]).includes(code));
  if (refusals.length > 0) return { type: 'refused', codes: refusals, messages };
  const response = result.error?.response as { status?: unknown } | undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  if (codes.includes('UNAUTHENTICATED') || status === 401) return { type: 'retry', problem: 'signedOut' };
  if (codes.includes('SERVICE_UNAVAILABLE')) return { type: 'retry', problem: 'unavailable' };
  if ((status !== undefined && status >= 500) || codes.some((code) => (PLATFORM_FAILURE_CODES as readonly string[]).includes(code))) return { type: 'retry', problem: 'server' };
  if (result.error?.networkError && codes.length === 0 && (status === undefined || status === 0)) return { type: 'retry', problem: 'network' };
  return { type: 'refused', codes: codes.length > 0 ? codes : ['UNKNOWN'], messages };
}

/** The wait before the next automatic try after `attempts` tries. */
export function retryDelay(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts - 1, 0), RETRY_DELAYS_MS.length - 1)]!;
}

/** Whether an entry is claimed by a tab whose claim has run out (it went away mid-send). */
function abandoned(entry: OutboxEntry, now: number): boolean {
  return entry.status === 'sending' && (entry.claimedAt ?? 0) + CLAIM_TIMEOUT_MS <= now;
}

/**
 * Entries not sent past their 7 days expire, never to be sent: waiting ones, and ones a tab that went away was sending
 * (one a live tab is sending is settled by that tab, which expires it if it was not answered). Answered, refused and
 * expired ones leave 7 days after they settled.
 */
export function prune(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.flatMap((entry): OutboxEntry[] => {
    if ((entry.status === 'queued' || abandoned(entry, now)) && now >= entry.expiresAt) {
      const { claimedBy: _by, claimedAt: _at, ...rest } = entry;
      return [{ ...rest, status: 'expired', settledAt: now, retryAt: undefined }];
    }
    if (entry.settledAt !== undefined && entry.status !== 'queued' && entry.status !== 'sending' && now - entry.settledAt >= ENTRY_LIFETIME_MS) return [];
    return [entry];
  });
}

/**
 * Takes the actor's oldest entry that is due for sending (waiting and, unless `force`, past its retry time; or claimed
 * by a tab that went quiet) and marks it as being sent by `claimant`, now. Entries another tab holds, other actors'
 * entries and those in `skip` (tried already in this round) are left alone; one entry at a time, so that its claim is
 * as fresh as its send.
 */
export function claimNext(
  entries: readonly OutboxEntry[],
  options: { actor: string; now: number; claimant: string; force?: boolean; skip?: ReadonlySet<string> },
): { entries: OutboxEntry[]; claimed: OutboxEntry | null } {
  const { actor, now, claimant, force = false, skip } = options;
  const pruned = prune(entries, now);
  const due = pruned
    .filter((entry) => entry.actor === actor && !skip?.has(entry.id))
    .filter((entry) => (entry.status === 'queued' && (force || entry.retryAt === undefined || entry.retryAt <= now)) || abandoned(entry, now))
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!due) return { entries: pruned, claimed: null };
  const taken: OutboxEntry = { ...due, status: 'sending', claimedBy: claimant, claimedAt: now, attempts: due.attempts + 1 };
  return { entries: pruned.map((entry) => (entry.id === due.id ? taken : entry)), claimed: taken };
}

/**
 * Records what a try came to, if `claimant` still holds the entry (else another tab took it over and will say). A try
 * that came to nothing after the entry's 7 days expires it instead of waiting again.
 */
export function settle(entries: readonly OutboxEntry[], id: string, claimant: string, outcome: Outcome, now: number): OutboxEntry[] {
  return entries.map((entry) => {
    if (entry.id !== id || entry.status !== 'sending' || entry.claimedBy !== claimant) return entry;
    const { claimedBy: _by, claimedAt: _at, ...rest } = entry;
    switch (outcome.type) {
      case 'sent':
        return { ...rest, status: 'sent', answer: outcome.answer, settledAt: now, retryAt: undefined, lastProblem: undefined };
      case 'refused':
        return { ...rest, status: 'refused', refusal: { codes: outcome.codes, messages: outcome.messages }, settledAt: now, retryAt: undefined };
      case 'retry':
        if (now >= entry.expiresAt) return { ...rest, status: 'expired', lastProblem: outcome.problem, settledAt: now, retryAt: undefined };
        return { ...rest, status: 'queued', lastProblem: outcome.problem, retryAt: now + retryDelay(entry.attempts) };
    }
  });
}

/** Puts a claimed entry back, untried (its actor is no longer the one signed in). */
export function release(entries: readonly OutboxEntry[], id: string, claimant: string): OutboxEntry[] {
  return entries.map((entry) => {
    if (entry.id !== id || entry.status !== 'sending' || entry.claimedBy !== claimant) return entry;
    const { claimedBy: _by, claimedAt: _at, ...rest } = entry;
    return { ...rest, status: 'queued', attempts: Math.max(0, entry.attempts - 1) };
  });
}

/** Removes an entry the actor has read (answered, refused or expired); a waiting one stays. */
export function dismiss(entries: readonly OutboxEntry[], id: string, actor: string): OutboxEntry[] {
  return entries.filter((entry) => !(entry.id === id && entry.actor === actor && (entry.status === 'sent' || entry.status === 'refused' || entry.status === 'expired')));
}

/** Where the queue keeps its entries: read them, and change them in one atomic read-modify-write. */
export interface OutboxStorage {
  read(): Promise<OutboxEntry[]>;
  change(change: (entries: OutboxEntry[]) => OutboxEntry[]): Promise<OutboxEntry[]>;
}

const STORE_KEY = 'entries';

/** The browser's storage: one IndexedDB record (database cgov-outbox) holding every entry, changed through idb-keyval's `update`. */
export function indexedDbStorage(): OutboxStorage {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('cgov-outbox', 'queue'));
  return {
    read: async () => parseEntries(await get(STORE_KEY, db())),
    async change(change) {
      let next: OutboxEntry[] = [];
      await update(STORE_KEY, (old: unknown) => (next = change(parseEntries(old))), db());
      return next;
    },
  };
}

/** A storage in memory, for tests. */
export function memoryStorage(initial: OutboxEntry[] = []): OutboxStorage {
  let entries = initial;
  return {
    read: async () => entries,
    async change(change) {
      entries = change(entries);
      return entries;
    },
  };
}

export interface OutboxDeps {
  storage: OutboxStorage;
  /**
   * Sends an entry's mutation with the signed-in actor's token; resolves with the result (or rejects when nothing came
   * back). `signal` aborts when the send has waited `sendTimeoutMs`: the queue has then counted it as no answer.
   */
  send(entry: OutboxEntry, signal: AbortSignal): Promise<SendResult>;
  /** The signed-in actor (`actorOf`), or null. */
  actor(): string | null;
  online(): boolean;
  now(): number;
  /** How long a send may wait for its answer (SEND_TIMEOUT_MS unless a test says otherwise). */
  sendTimeoutMs?: number;
  /** A new random id (entry ids, idempotency keys, this tab's claims). */
  newId(): string;
  /** Runs `run` after `ms`; returns a cancel. */
  later?(run: () => void, ms: number): () => void;
  /** Told when another tab changed the queue, and tells the others. */
  channel?: { post(): void; listen(onChange: () => void): () => void };
}

export interface Outbox {
  /** Every entry as last read (all actors'; `useOutbox` filters to the signed-in one). */
  snapshot(): readonly OutboxEntry[];
  subscribe(listener: () => void): () => void;
  /** Makes an entry (its idempotency key made now, once) and tries to send it at once when online. */
  enqueue(input: { kind: OutboxKind; query: string; variables: (idempotencyKey: string) => Record<string, unknown>; summary: OutboxSummary }): Promise<OutboxEntry>;
  /**
   * Sends the signed-in actor's due entries (all waiting ones when `force`), one claimed at a time; one flush at a time
   * per tab (a flush asked for during one runs after it), and never an entry another tab holds.
   */
  flush(options?: { force?: boolean }): Promise<void>;
  dismiss(id: string): Promise<void>;
  /** Reads the stored entries again (on start and when another tab changed them). */
  reload(): Promise<void>;
}

/** A queue over a storage and a sender; the console has one (`outbox`). */
export function createOutbox(deps: OutboxDeps): Outbox {
  const claimant = deps.newId();
  const listeners = new Set<() => void>();
  let entries: readonly OutboxEntry[] = [];
  let running: Promise<void> | null = null;
  let rerun: { force: boolean } | null = null;
  let cancelTimer: (() => void) | null = null;

  const publish = (next: readonly OutboxEntry[], tellOthers = true) => {
    entries = next;
    listeners.forEach((listener) => listener());
    if (tellOthers) deps.channel?.post();
  };

  /**
   * Tries again when the earliest of the actor's entries is due (a forced flush: a timer is its due time): a waiting one
   * at its retry time, one another tab (or this page before a reload) claimed when that claim runs out.
   */
  const scheduleRetry = () => {
    cancelTimer?.();
    cancelTimer = null;
    const actor = deps.actor();
    const due = entries.flatMap((entry) => {
      if (entry.actor !== actor) return [];
      if (entry.status === 'queued' && entry.retryAt !== undefined) return [entry.retryAt];
      if (entry.status === 'sending' && entry.claimedBy !== claimant) return [(entry.claimedAt ?? 0) + CLAIM_TIMEOUT_MS];
      return [];
    });
    if (!deps.later || due.length === 0) return;
    cancelTimer = deps.later(() => void outbox.flush({ force: true }), Math.max(0, Math.min(...due) - deps.now()));
  };

  /** One try of a claimed entry: its outcome, or no answer once it has waited `sendTimeoutMs` (the request is aborted). */
  async function sendOne(entry: OutboxEntry): Promise<Outcome> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ type: 'retry', problem: 'network' });
      }, deps.sendTimeoutMs ?? SEND_TIMEOUT_MS);
    });
    const answered = Promise.resolve()
      .then(() => deps.send(entry, controller.signal))
      .then((result): Outcome => classify(entry.kind, result))
      .catch((): Outcome => ({ type: 'retry', problem: 'network' }));
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Claims, sends and settles the actor's due entries one at a time, until none is due or the network has failed. */
  async function flushOnce(force: boolean): Promise<void> {
    const tried = new Set<string>();
    try {
      for (;;) {
        const actor = deps.actor();
        if (!actor || !deps.online()) return;
        let claimed: OutboxEntry | null = null;
        publish(
          await deps.storage.change((stored) => {
            const result = claimNext(stored, { actor, now: deps.now(), claimant, force, skip: tried });
            claimed = result.claimed;
            return result.entries;
          }),
        );
        const entry = claimed as OutboxEntry | null;
        if (!entry) return;
        tried.add(entry.id);
        // Not sent with another actor's token, nor while offline: put back as it was.
        if (deps.actor() !== entry.actor || !deps.online()) {
          publish(await deps.storage.change((stored) => release(stored, entry.id, claimant)));
          return;
        }
        const outcome = await sendOne(entry);
        publish(await deps.storage.change((stored) => settle(stored, entry.id, claimant, outcome, deps.now())));
        // The network failed: the others wait for it (the retry timer, the `online` event).
        if (outcome.type === 'retry' && outcome.problem === 'network') return;
      }
    } finally {
      scheduleRetry();
    }
  }

  const outbox: Outbox = {
    snapshot: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async enqueue({ kind, query, variables, summary }) {
      const actor = deps.actor();
      if (!actor) throw new Error('Sign in before sending anything.');
      const idempotencyKey = deps.newId();
      const entry = createEntry({ id: deps.newId(), actor, kind, query, variables: variables(idempotencyKey), idempotencyKey, summary, now: deps.now() });
      publish(await deps.storage.change((stored) => [...prune(stored, deps.now()), entry]));
      void outbox.flush();
      return entry;
    },
    flush({ force = false } = {}) {
      if (running) {
        rerun = { force: force || (rerun?.force ?? false) };
        return running;
      }
      running = (async () => {
        try {
          let next: { force: boolean } | null = { force };
          while (next) {
            rerun = null;
            await flushOnce(next.force);
            next = rerun;
          }
        } finally {
          running = null;
        }
      })();
      return running;
    },
    async dismiss(id) {
      const actor = deps.actor();
      if (!actor) return;
      publish(await deps.storage.change((stored) => dismiss(prune(stored, deps.now()), id, actor)));
    },
    async reload() {
      publish(await deps.storage.read(), false);
      scheduleRetry();
    },
  };
  deps.channel?.listen(() => void outbox.reload());
  return outbox;
}

/** The entries of one actor, newest first. */
export function entriesOf(entries: readonly OutboxEntry[], actor: string | null): OutboxEntry[] {
  return actor ? entries.filter((entry) => entry.actor === actor).sort((a, b) => b.createdAt - a.createdAt) : [];
}

/** The actor's entries not yet answered: waiting or being sent. */
export function isPending(entry: OutboxEntry): boolean {
  return entry.status === 'queued' || entry.status === 'sending';
}

/** The React side: the actor's entries, re-rendering on every change of the queue. */
export function useOutboxEntries(outbox: Outbox, actor: string | null): OutboxEntry[] {
  const all = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  return useMemo(() => entriesOf(all, actor), [all, actor]);
}

/** A random id (RFC 4122 version 4) from the browser's random numbers, which an insecure (http) origin has too. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Lists that show orders, requests or care re-run after the queue sends one (urql's document cache goes by the typenames answered). */
const SENT_CONTEXT: Partial<OperationContext> = { requestPolicy: 'network-only', additionalTypenames: ['Order', 'Request', 'CareFlag'] };

/** A signal that aborts when either does (urql's own, for a torn-down operation, and the queue's timeout). */
function eitherAborts(first: AbortSignal | null | undefined, second: AbortSignal): AbortSignal {
  if (!first) return second;
  const controller = new AbortController();
  for (const signal of [first, second]) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return controller.signal;
}

/**
 * Sends an entry through the console's client, the request aborted when the queue gives up on it. The signal goes in
 * through the operation's `fetch`: urql puts its own AbortController's signal over any `fetchOptions.signal`.
 */
function sendThroughClient(entry: OutboxEntry, signal: AbortSignal): Promise<SendResult> {
  const context: Partial<OperationContext> = {
    ...SENT_CONTEXT,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchNotingAge(input, { ...init, signal: eitherAborts(init?.signal, signal) }),
  };
  return client.mutation(entry.query, entry.variables, context).toPromise();
}

let consoleInstance: Outbox | null = null;

/**
 * The console's queue: IndexedDB, the console's GraphQL client (which sends the signed-in actor's token; the queue
 * sends an entry only while its own actor is the one signed in), and the other tabs told of changes. Made on first
 * use, it reads what was stored and sends what waits (a page load); the browser's `online` event sends again.
 */
export function consoleOutbox(): Outbox {
  if (consoleInstance) return consoleInstance;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('cgov-outbox') : null;
  const outbox = createOutbox({
    storage: indexedDbStorage(),
    send: sendThroughClient,
    actor: () => actorOf(currentSession()),
    online: () => navigator.onLine,
    now: () => Date.now(),
    newId: randomId,
    later(run, ms) {
      const timer = window.setTimeout(run, ms);
      return () => window.clearTimeout(timer);
    },
    ...(channel
      ? {
          channel: {
            post: () => channel.postMessage('changed'),
            listen(onChange: () => void) {
              channel.onmessage = onChange;
              return () => (channel.onmessage = null);
            },
          },
        }
      : {}),
  });
  consoleInstance = outbox;
  window.addEventListener('online', () => void outbox.flush({ force: true }));
  void outbox.reload().then(() => outbox.flush({ force: true }));
  return outbox;
}

/** The console's queue and the signed-in actor's entries; sends what waits when the actor signs in. */
export function useOutbox(): { outbox: Outbox; entries: OutboxEntry[]; actor: string | null } {
  const outbox = consoleOutbox();
  const actor = actorOf(useSession());
  const entries = useOutboxEntries(outbox, actor);
  useEffect(() => {
    if (actor) void outbox.flush({ force: true });
  }, [outbox, actor]);
  return { outbox, entries, actor };
}
