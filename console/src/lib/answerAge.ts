/** The key under a result's `extensions` that holds when its answer was made (ms since the epoch, by this browser's clock). */
const MADE_AT = 'answerMadeAt';

/**
 * A fetch for the GraphQL client that notes when each JSON answer was made: received now, less the `Age` (seconds) the
 * gateway's response cache sends with an answer it kept, put into the body's `extensions` so it travels with the result.
 */
export async function fetchNotingAge(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return response;
  const receivedAt = Date.now();
  const age = Number(response.headers.get('age') ?? 0);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return new Response(text, response);
  const answer = body as { extensions?: Record<string, unknown> };
  answer.extensions = { ...answer.extensions, [MADE_AT]: receivedAt - (Number.isFinite(age) && age > 0 ? age * 1000 : 0) };
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(answer), { status: response.status, statusText: response.statusText, headers });
}

/** When a result's answer was made (the gateway's cache may serve one a few seconds old), else undefined. */
export function answerMadeAt(extensions: Record<string, unknown> | undefined): number | undefined {
  const value = extensions?.[MADE_AT];
  return typeof value === 'number' ? value : undefined;
}
