import { z } from 'zod';

const actorSchema = z.object({
  id: z.string(),
  role: z.string(),
  scope: z.string(),
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
/** One of the demo's actors, as the gateway lists them outside production (GET /auth/dev-actors). */
export type DemoActor = z.infer<typeof actorSchema>;

/** The demo's actors; an empty list when the gateway offers none (production: the route does not exist). */
export async function fetchDemoActors(): Promise<DemoActor[]> {
  const response = await fetch('/auth/dev-actors', { headers: { accept: 'application/json' } });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return z.object({ actors: z.array(actorSchema) }).parse(await response.json()).actors;
}

/** Asks the gateway for a development token for a role and scope (POST /auth/dev-token); throws with its message. */
export async function mintDevToken(role: string, scope: string): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ role, scope }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
    throw new Error(message.success ? message.data.error.message : `${response.status} ${response.statusText}`);
  }
  return z.object({ token: z.string() }).parse(body).token;
}

/** A page to go back to after signing in: a path of this console, never another site. */
export const returnPath = z
  .string()
  .regex(/^\/(?!\/)[^\\]*$/)
  .refine((path) => !path.startsWith('/sign-in'))
  .catch('/');
