import type { Viewer } from '@cgov/shared';
import { describe, expect, it } from 'vitest';
import { canSeeCommunity, canSeePersonalData, canSeePickupPlace, canSeeRoster } from '../src/domain/access.js';

const Q = '420102001001';
const viewer = (role: Viewer['role'], scope: string): Viewer => ({ sub: 'u', role, scope });
const home = (communityId: string | null) => ({ communityId });

describe('who sees what of a community', () => {
  it('lets region roles see communities inside their region only', () => {
    expect(canSeeCommunity(viewer('CITY_OFFICIAL', '4201'), Q, home(null))).toBe(true);
    expect(canSeeCommunity(viewer('CITY_OFFICIAL', '4202'), Q, home(null))).toBe(false);
    expect(canSeeCommunity(viewer('STREET_OFFICER', '420102001'), Q, home(null))).toBe(true);
    expect(canSeeCommunity(viewer('STREET_OFFICER', '420102002'), Q, home(null))).toBe(false);
    expect(canSeeCommunity(viewer('COMMUNITY_STAFF', Q), Q, home(Q))).toBe(true);
    expect(canSeeCommunity(viewer('COMMUNITY_STAFF', '420102001002'), Q, home('420102001002'))).toBe(false);
  });

  it('lets residents and owners’ committees see their own community’s compounds, not its household list', () => {
    for (const role of ['RESIDENT', 'OWNER_COMMITTEE'] as const) {
      expect(canSeeCommunity(viewer(role, 'x'), Q, home(Q))).toBe(true);
      expect(canSeeCommunity(viewer(role, 'x'), Q, home('420102001002'))).toBe(false);
      expect(canSeeRoster(viewer(role, 'x'), Q, home(Q))).toBe(false);
    }
    expect(canSeeRoster(viewer('PARTY_MEMBER', 'p'), Q, home(Q))).toBe(true);
  });

  it('shows names and phones to the party member whose floors the household lives on, and no other', () => {
    const household = { id: 'h1', communityId: Q, buildingId: 'b1', floor: 9 };
    const member = viewer('PARTY_MEMBER', 'pm');
    expect(canSeePersonalData(member, household, [{ buildingId: 'b1', floorFrom: 9, floorTo: 18 }])).toBe(true);
    expect(canSeePersonalData(member, household, [{ buildingId: 'b1', floorFrom: 1, floorTo: 8 }])).toBe(false);
    expect(canSeePersonalData(member, household, [{ buildingId: 'b2', floorFrom: 1, floorTo: 18 }])).toBe(false);
  });

  it('shows names and phones to the community’s staff and the household itself, never to officials or analysts', () => {
    const household = { id: 'h1', communityId: Q, buildingId: 'b1', floor: 9 };
    expect(canSeePersonalData(viewer('COMMUNITY_STAFF', Q), household, [])).toBe(true);
    expect(canSeePersonalData(viewer('COMMUNITY_STAFF', '420102001002'), household, [])).toBe(false);
    expect(canSeePersonalData(viewer('RESIDENT', 'h1'), household, [])).toBe(true);
    expect(canSeePersonalData(viewer('RESIDENT', 'h2'), household, [])).toBe(false);
    for (const role of ['ANALYST', 'CITY_OFFICIAL', 'STREET_OFFICER', 'OWNER_COMMITTEE'] as const) {
      expect(canSeePersonalData(viewer(role, role === 'STREET_OFFICER' ? '420102001' : '4201'), household, []), role).toBe(false);
    }
  });

  it('shows an owners’ committee the place of a household on its own pickup list only', () => {
    const household = { compoundId: 'b' };
    expect(canSeePickupPlace(viewer('OWNER_COMMITTEE', 'b'), household, 'b')).toBe(true);
    expect(canSeePickupPlace(viewer('OWNER_COMMITTEE', 'a'), household, 'b')).toBe(false);
    expect(canSeePickupPlace(viewer('OWNER_COMMITTEE', 'a'), household, 'a')).toBe(false);
    expect(canSeePickupPlace(viewer('COMMUNITY_STAFF', 'b'), household, 'b')).toBe(false);
    expect(canSeePickupPlace(viewer('RESIDENT', 'b'), household, 'b')).toBe(false);
  });
});
