import type { HealthReport } from '@cgov/shared';

/** The health URL of a subgraph whose GraphQL endpoint is `graphqlUrl`. */
export function healthUrl(graphqlUrl: string): string {
  return new URL('/health', graphqlUrl).toString();
}

/** Asks every subgraph's /health at once; healthy only when every one answers 200 in time. */
export async function checkSubgraphs(urls: Record<string, string>, timeoutMs = 2000): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(healthUrl(url), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'ok' : `answered ${response.status}`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return { ok: entries.every(([, status]) => status === 'ok'), checks: Object.fromEntries(entries) };
}
