import { webcrypto } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { badInput, forbidden, unauthenticated } from './errors.js';
import { REGION_CODE_LENGTH, regionContains, regionLevel } from './regions.js';

/** The roles of the contract; each token carries one, with the scope it acts in. */
export const Role = {
  CITY_OFFICIAL: 'CITY_OFFICIAL',
  STREET_OFFICER: 'STREET_OFFICER',
  COMMUNITY_STAFF: 'COMMUNITY_STAFF',
  PARTY_MEMBER: 'PARTY_MEMBER',
  OWNER_COMMITTEE: 'OWNER_COMMITTEE',
  RESIDENT: 'RESIDENT',
  ANALYST: 'ANALYST',
  /** The city's 12345 hotline centre (接诉即办): files and re-dispatches requests; scope a city id. */
  HOTLINE_OPERATOR: 'HOTLINE_OPERATOR',
  /** A city department or public service company (委办局、公共服务企业); scope a department id. */
  DEPARTMENT_OFFICER: 'DEPARTMENT_OFFICER',
  /** A worker of one grid of the micro-grid (网格员); scope their grid worker id. */
  GRID_WORKER: 'GRID_WORKER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as [Role, ...Role[]];

/** The development secret the contract names; never accepted with NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'dev-secret-do-not-use-in-production';

/** Who is asking: the verified claims of the request's token. */
export interface Viewer {
  /** User id (the token's `sub`), recorded in audit trails. */
  readonly sub: string;
  readonly role: Role;
  /** A city, street or community id, a party member, compound or household id, by role. */
  readonly scope: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  scope: z.string().min(1),
  exp: z.number(),
});

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** How many verified tokens each process keeps per secret (a token is about 200 bytes with its viewer). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Per secret, the HMAC key imported once (jose imports a raw secret again on every verification otherwise). */
const verificationKeys = new Map<string, Promise<webcrypto.CryptoKey>>();
/** Per secret, tokens already verified: the exact token text → its viewer and expiry (seconds since the epoch). */
const verifiedTokens = new Map<string, LRUCache<string, { viewer: Viewer; exp: number }>>();

function verificationKey(secret: string): Promise<webcrypto.CryptoKey> {
  let imported = verificationKeys.get(secret);
  if (!imported) {
    imported = webcrypto.subtle.importKey('raw', key(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    verificationKeys.set(secret, imported);
  }
  return imported;
}

const expired = () => unauthenticated('Your token has expired; sign in again.');

/**
 * Verifies an HS256 token and returns its viewer; any flaw is UNAUTHENTICATED with a plain reason. A token verified
 * once is kept (its exact text, per secret, at most VERIFIED_TOKENS_KEPT) until it expires: the same token, sent by the
 * caller to the gateway and forwarded with each subgraph fetch, is not checked by HMAC again, only its expiry
 * (expired when `exp` ≤ now in whole seconds, as jose checks it). Tokens that fail are never kept.
 */
export async function verifyToken(token: string, secret: string): Promise<Viewer> {
  let kept = verifiedTokens.get(secret);
  const now = Math.floor(Date.now() / 1000);
  const hit = kept?.get(token);
  if (hit) {
    if (hit.exp <= now) {
      kept?.delete(token);
      throw expired();
    }
    return hit.viewer;
  }
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await verificationKey(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw expired();
    throw unauthenticated('Your token could not be verified: it is malformed or was not signed by this platform.');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    throw unauthenticated(`Your token lacks a valid role or scope (roles are ${ROLES.join(', ')}).`);
  }
  const { sub, role, scope, exp } = claims.data;
  const problem = scopeProblem(role, scope);
  if (problem) throw unauthenticated(`Your token's scope does not fit its role: ${problem}`);
  const viewer: Viewer = Object.freeze({ sub, role, scope });
  if (!kept) verifiedTokens.set(secret, (kept = new LRUCache({ max: VERIFIED_TOKENS_KEPT })));
  kept.set(token, { viewer, exp });
  return viewer;
}

/** The platform's ids are UUIDs in lower case (as PostgreSQL prints them, and as they are compared). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What each role's scope must be: the level of a division code, or an id (a UUID) of the thing named. */
export const SCOPE_SHAPES: Record<Role, { level: 'CITY' | 'STREET' | 'COMMUNITY' } | { id: string }> = {
  CITY_OFFICIAL: { level: 'CITY' },
  ANALYST: { level: 'CITY' },
  STREET_OFFICER: { level: 'STREET' },
  COMMUNITY_STAFF: { level: 'COMMUNITY' },
  PARTY_MEMBER: { id: 'party member' },
  OWNER_COMMITTEE: { id: 'compound' },
  RESIDENT: { id: 'household' },
  HOTLINE_OPERATOR: { level: 'CITY' },
  DEPARTMENT_OFFICER: { id: 'department' },
  GRID_WORKER: { id: 'grid worker' },
};

/**
 * Why a scope does not have the shape its role needs (a 4-digit city code for CITY_OFFICIAL, ANALYST and HOTLINE_OPERATOR,
 * a 9-digit street code for STREET_OFFICER, a 12-digit community code for COMMUNITY_STAFF, a UUID for the
 * others), or null when it does. The token command and every service's token check ask this one place.
 */
export function scopeProblem(role: Role, scope: string): string | null {
  const shape = SCOPE_SHAPES[role];
  if ('level' in shape) {
    if (regionLevel(scope) === shape.level) return null;
    const word = shape.level.toLowerCase();
    return `${role} acts in a ${word}, so its scope is a ${word}'s division code of ${REGION_CODE_LENGTH[shape.level]} digits (like ${EXAMPLE_CODES[shape.level]}); "${scope}" is not.`;
  }
  if (UUID.test(scope)) return null;
  return `${role} acts for one ${shape.id}, so its scope is that ${shape.id}'s id, a UUID (8-4-4-4-12 lower-case hex digits); "${scope}" is not.`;
}

const EXAMPLE_CODES = { CITY: '4201', STREET: '420102001', COMMUNITY: '420102001001' } as const;

/** Reads the viewer from an `Authorization: Bearer <token>` header. */
export async function viewerFromAuthorization(header: string | undefined, secret: string): Promise<Viewer> {
  if (!header) throw unauthenticated('Sign in first: send the header "Authorization: Bearer <token>".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must read "Bearer <token>".');
  return verifyToken(match[1], secret);
}

/** Signs a token, as the development token command and the tests do. */
export async function signToken(
  claims: { sub: string; role: Role; scope: string },
  secret: string,
  expiresIn: string | number = '12h',
): Promise<string> {
  return new SignJWT({ role: claims.role, scope: claims.scope })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** How long a development token lasts, from `npm run token` and the gateway's development sign-in alike. */
export const DEVELOPMENT_TOKEN_LIFETIME = '12h';

/**
 * Checks a role and scope as every service will (a role of the contract, a scope of the shape it needs) and signs a
 * development token (`sub` by default `dev-<role>`): `npm run token` and the gateway's development sign-in both ask
 * this one place. A wrong role or scope throws BAD_USER_INPUT saying what to change.
 */
export async function mintDevelopmentToken(
  request: { role: string; scope: string; sub?: string; expiresIn?: string | number },
  secret: string,
): Promise<{ token: string; expiresAt: Date }> {
  const role = request.role.toUpperCase() as Role;
  if (!ROLES.includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}; "${request.role}" is not.`, 'role');
  if (!request.scope) throw badInput('scope is required: what the role acts in (a division code or an id).', 'scope');
  const problem = scopeProblem(role, request.scope);
  if (problem) throw badInput(`scope: ${problem}`, 'scope');
  const token = await signToken(
    { sub: request.sub ?? `dev-${role.toLowerCase()}`, role, scope: request.scope },
    secret,
    request.expiresIn ?? DEVELOPMENT_TOKEN_LIFETIME,
  );
  return { token, expiresAt: new Date(decodeJwt(token).exp! * 1000) };
}

/** Roles whose scope is a region code, and the level of region each one's scope must be. */
const REGION_ROLES: Partial<Record<Role, 'CITY' | 'STREET' | 'COMMUNITY'>> = {
  CITY_OFFICIAL: 'CITY',
  ANALYST: 'CITY',
  STREET_OFFICER: 'STREET',
  COMMUNITY_STAFF: 'COMMUNITY',
};

/** The region a viewer's scope covers when its role is scoped by region (officials, analysts, staff), else null. */
export function viewerRegion(viewer: Viewer): string | null {
  const level = REGION_ROLES[viewer.role];
  return level && regionLevel(viewer.scope) === level ? viewer.scope : null;
}

/** True when the viewer's region scope covers the region (a city official within its city, and so on). */
export function viewerCoversRegion(viewer: Viewer, regionId: string): boolean {
  const region = viewerRegion(viewer);
  return region !== null && regionContains(region, regionId);
}

/** Refuses unless the viewer has one of the roles. */
export function requireRole(viewer: Viewer, roles: readonly Role[], action: string): void {
  if (!roles.includes(viewer.role)) {
    throw forbidden(`Only ${roles.join(' or ')} may ${action}; your role is ${viewer.role}.`);
  }
}

/** Roles that may never read names and phone numbers, whatever their scope. */
export const ROLES_WITHOUT_PERSONAL_DATA: readonly Role[] = [Role.ANALYST, Role.CITY_OFFICIAL, Role.STREET_OFFICER];

/** Lists and statistics of a region: officials, analysts and staff whose region scope holds it. */
export function assertRegionReader(viewer: Viewer, regionId: string, what: string): void {
  if (!viewerCoversRegion(viewer, regionId)) {
    throw forbidden(`${what} of region ${regionId} are for officials, analysts and staff whose scope holds it; you are ${viewer.role} ${viewer.scope}.`);
  }
}
