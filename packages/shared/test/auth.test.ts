import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVELOPMENT_JWT_SECRET, ROLES, SCOPE_SHAPES, scopeProblem, signToken, verifyToken, viewerCoversRegion, viewerFromAuthorization, type Role } from '../src/auth.js';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('tokens', () => {
  it('verifies a token signed with the secret and returns its claims', async () => {
    const token = await signToken({ sub: 'u1', role: 'CITY_OFFICIAL', scope: '4201' }, DEVELOPMENT_JWT_SECRET);
    await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toEqual({ sub: 'u1', role: 'CITY_OFFICIAL', scope: '4201' });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signToken({ sub: 'u1', role: 'CITY_OFFICIAL', scope: '4201' }, 'someone-elses-secret');
    expect(await code(verifyToken(token, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token, saying so', async () => {
    const token = await signToken({ sub: 'u1', role: 'RESIDENT', scope: 'h1' }, DEVELOPMENT_JWT_SECRET, Math.floor(Date.now() / 1000) - 60);
    await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).rejects.toThrow(/expired/);
  });

  describe('a token verified once and kept', () => {
    afterEach(() => vi.useRealTimers());

    it('still expires: at its exp, to the second, it is refused as expired', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T08:00:00.400Z') });
      const exp = Math.floor(Date.now() / 1000) + 60;
      const token = await signToken({ sub: 'u-kept', role: 'ANALYST', scope: '4201' }, DEVELOPMENT_JWT_SECRET, exp);
      await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toEqual({ sub: 'u-kept', role: 'ANALYST', scope: '4201' });
      vi.setSystemTime((exp - 1) * 1000 + 999);
      await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toEqual({ sub: 'u-kept', role: 'ANALYST', scope: '4201' });
      vi.setSystemTime(exp * 1000);
      await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).rejects.toThrow(/expired/);
      expect(await code(verifyToken(token, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
    });

    it('is kept per secret: verified under one secret, the same text is refused under another', async () => {
      const token = await signToken({ sub: 'u-two', role: 'ANALYST', scope: '4201' }, 'secret-one');
      await expect(verifyToken(token, 'secret-one')).resolves.toMatchObject({ sub: 'u-two' });
      expect(await code(verifyToken(token, 'secret-two'))).toBe('UNAUTHENTICATED');
      await expect(verifyToken(token, 'secret-one')).resolves.toMatchObject({ sub: 'u-two' });
    });

    it('is the token exactly: one character changed in its signature is verified again and refused', async () => {
      const token = await signToken({ sub: 'u-sig', role: 'ANALYST', scope: '4201' }, DEVELOPMENT_JWT_SECRET);
      await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toMatchObject({ sub: 'u-sig' });
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
      expect(await code(verifyToken(forged, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
    });
  });

  it('refuses an unknown role, a missing scope, a token without expiry, and another algorithm', async () => {
    const key = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
    const base = () => new SignJWT({ role: 'MAYOR', scope: '4201' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u');
    expect(await code(verifyToken(await base().setExpirationTime('1h').sign(key), DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
    const noScope = await new SignJWT({ role: 'ANALYST' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime('1h').sign(key);
    expect(await code(verifyToken(noScope, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
    const noExp = await new SignJWT({ role: 'ANALYST', scope: '4201' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(key);
    expect(await code(verifyToken(noExp, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
    const hs512 = await new SignJWT({ role: 'ANALYST', scope: '4201' }).setProtectedHeader({ alg: 'HS512' }).setSubject('u').setExpirationTime('1h').sign(key);
    expect(await code(verifyToken(hs512, DEVELOPMENT_JWT_SECRET))).toBe('UNAUTHENTICATED');
  });

  it('refuses, as UNAUTHENTICATED saying what it must be, a scope without the shape its role needs', async () => {
    const household = '4d1d43ec-bec2-5697-b5e6-ce6783b40daa';
    const wrong: Array<[Role, string, RegExp]> = [
      ['RESIDENT', '4201', /household's id, a UUID/],
      ['PARTY_MEMBER', 'someone', /party member's id, a UUID/],
      ['RESIDENT', household.toUpperCase(), /household's id, a UUID/],
      ['OWNER_COMMITTEE', '420102001001', /compound's id, a UUID/],
      ['CITY_OFFICIAL', '420102', /city's division code of 4 digits/],
      ['ANALYST', household, /city's division code of 4 digits/],
      ['STREET_OFFICER', '4201', /street's division code of 9 digits/],
      ['STREET_OFFICER', '42010200x', /street's division code of 9 digits/],
      ['COMMUNITY_STAFF', '420102001', /community's division code of 12 digits/],
    ];
    for (const [role, scope, message] of wrong) {
      expect(scopeProblem(role, scope), `${role} ${scope}`).toMatch(message);
      const token = await signToken({ sub: 'u1', role, scope }, DEVELOPMENT_JWT_SECRET);
      const refusal = verifyToken(token, DEVELOPMENT_JWT_SECRET);
      expect(await code(refusal), `${role} ${scope}`).toBe('UNAUTHENTICATED');
      await expect(refusal).rejects.toThrow(message);
    }
    const right: Array<[Role, string]> = [
      ['CITY_OFFICIAL', '4201'],
      ['ANALYST', '4202'],
      ['STREET_OFFICER', '420102001'],
      ['COMMUNITY_STAFF', '420102001001'],
      ['PARTY_MEMBER', 'abdfc743-777b-584a-845f-b08d3863f2aa'],
      ['OWNER_COMMITTEE', '120e23d6-c431-52cc-872e-c713e2ae1db1'],
      ['RESIDENT', household],
      ['HOTLINE_OPERATOR', '4201'],
      ['DEPARTMENT_OFFICER', '120e23d6-c431-52cc-872e-c713e2ae1db1'],
      ['GRID_WORKER', '120e23d6-c431-52cc-872e-c713e2ae1db1'],
    ];
    for (const [role, scope] of right) {
      expect(scopeProblem(role, scope), `${role} ${scope}`).toBeNull();
      const token = await signToken({ sub: 'u1', role, scope }, DEVELOPMENT_JWT_SECRET);
      await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toMatchObject({ role, scope });
    }
    expect(Object.keys(SCOPE_SHAPES).sort()).toEqual([...ROLES].sort());
  });

  it('asks for a Bearer header in plain words', async () => {
    await expect(viewerFromAuthorization(undefined, DEVELOPMENT_JWT_SECRET)).rejects.toThrow(/Authorization: Bearer/);
    await expect(viewerFromAuthorization('Basic abc', DEVELOPMENT_JWT_SECRET)).rejects.toThrow(/Bearer <token>/);
  });
});

describe('region scopes', () => {
  it('lets a role see only inside its region', () => {
    const official = { sub: 'u', role: 'CITY_OFFICIAL', scope: '4201' } as const;
    const officer = { sub: 'u', role: 'STREET_OFFICER', scope: '420102001' } as const;
    const resident = { sub: 'u', role: 'RESIDENT', scope: '4201' } as const;
    expect(viewerCoversRegion(official, '420102001001')).toBe(true);
    expect(viewerCoversRegion(official, '420201001001')).toBe(false);
    expect(viewerCoversRegion(officer, '420102001001')).toBe(true);
    expect(viewerCoversRegion(officer, '420102002001')).toBe(false);
    expect(viewerCoversRegion(officer, '4201')).toBe(false);
    expect(viewerCoversRegion(resident, '420102001001')).toBe(false);
  });
});
