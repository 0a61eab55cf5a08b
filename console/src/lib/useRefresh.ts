import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

function subscribeToPageState(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    document.removeEventListener('visibilitychange', listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser says it is online (re-renders when that changes). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToPageState, () => navigator.onLine);
}

/** Whether the tab is visible and online: figures refresh only then. */
export function usePageActive(): boolean {
  return useSyncExternalStore(subscribeToPageState, () => document.visibilityState === 'visible' && navigator.onLine);
}

/**
 * Calls `refresh` every `intervalMs` while the tab is visible and online (the figures' max-age at the gateway is 5 s),
 * and once at once when the tab comes back. Returns whether refreshing is paused.
 */
export function useRefresh(refresh: () => void, intervalMs = 5000): { paused: boolean } {
  const active = usePageActive();
  const wasActive = useRef(active);
  useEffect(() => {
    const cameBack = active && !wasActive.current;
    wasActive.current = active;
    if (!active) return;
    if (cameBack) refresh();
    const timer = window.setInterval(refresh, intervalMs);
    return () => window.clearInterval(timer);
  }, [active, refresh, intervalMs]);
  return { paused: !active };
}

/** Seconds since a moment, ticking every second (for "updated 3 s ago"). */
export function useSecondsSince(since: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return since === undefined ? undefined : Math.max(0, Math.floor((now - since) / 1000));
}
