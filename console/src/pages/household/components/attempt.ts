import { useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../lib/idempotency.js';

/**
 * The idempotency key of one thing a person asks for (an order, a join): made when they first press the button, and
 * kept for as long as they ask for the same thing, so pressing again after a failure (the network, a platform that did
 * not answer) sends the same key and the platform never places it twice. Asking for something else, or succeeding,
 * starts over.
 */
export function useAttemptKey() {
  const attempt = useRef<{ key: string; what: string } | null>(null);
  return {
    /** The key for this request: the last one when the request is the same as the last failed one. */
    keyFor(what: unknown): string {
      const fingerprint = JSON.stringify(what);
      if (attempt.current?.what !== fingerprint) attempt.current = { key: newIdempotencyKey(), what: fingerprint };
      return attempt.current.key;
    },
    /** Forgets the key once the platform has answered with the result. */
    done() {
      attempt.current = null;
    },
  };
}

/** The time now, ticking every few seconds (cut-offs and deadlines pass while the page is open). */
export function useNow(intervalMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
