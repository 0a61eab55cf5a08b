import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/** The contract's roles (../shared/contract/README.md). */
export const ROLES = [
  'CITY_OFFICIAL',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
  'PARTY_MEMBER',
  'OWNER_COMMITTEE',
  'RESIDENT',
  'ANALYST',
  'HOTLINE_OPERATOR',
  'DEPARTMENT_OFFICER',
  'GRID_WORKER',
] as const;
export type Role = (typeof ROLES)[number];

const claimsSchema = z.object({
  sub: z.string().optional(),
  role: z.enum(ROLES),
  scope: z.string().min(1),
  exp: z.number().int(),
});

/** Who is signed in: the token and the claims read from it (the platform checks the signature; the console only reads). */
export interface Session {
  token: string;
  role: Role;
  scope: string;
  subject: string | undefined;
  /** When the token expires, in ms since the epoch. */
  expiresAt: number;
}

const TOKEN_KEY = 'cgov.token';
const listeners = new Set<() => void>();
let cached: { token: string | null; session: Session | null } = { token: null, session: null };

/** Reads a JWT's claims without verifying it; null when it is not a token of the contract's shape or has expired. */
export function sessionFromToken(token: string, now = Date.now()): Session | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = claimsSchema.parse(JSON.parse(json));
    if (claims.exp * 1000 <= now) return null;
    return { token: token.trim(), role: claims.role, scope: claims.scope, subject: claims.sub, expiresAt: claims.exp * 1000 };
  } catch {
    return null;
  }
}

/** The session of this tab (sessionStorage: it ends with the tab), or null. */
export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token !== cached.token) cached = { token, session: token ? sessionFromToken(token) : null };
  if (cached.session && cached.session.expiresAt <= Date.now()) return null;
  return cached.session;
}

/** Keeps a token for this tab; returns the session, or null when the token is not usable. */
export function signIn(token: string): Session | null {
  const session = sessionFromToken(token);
  if (!session) return null;
  sessionStorage.setItem(TOKEN_KEY, session.token);
  listeners.forEach((listener) => listener());
  return session;
}

/** Forgets the tab's token. */
export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  listeners.forEach((listener) => listener());
}

/** The tab's session, re-rendering on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentSession,
  );
}
