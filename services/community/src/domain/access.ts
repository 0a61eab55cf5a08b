import { Role, viewerCoversRegion, type Viewer } from '@cgov/shared';

/**
 * Who may see what of a community, as the contract's permission table says. `home` is the community
 * the viewer belongs to when its role is tied to one (staff, residents, owners' committees).
 */
export interface ViewerHome {
  communityId: string | null;
}

/** Region officials and analysts read communities inside their region. */
const READS_BY_REGION: readonly Role[] = [Role.CITY_OFFICIAL, Role.ANALYST, Role.STREET_OFFICER, Role.COMMUNITY_STAFF];

/** The compounds and buildings of a community: its officials, and anyone who belongs to it. */
export function canSeeCommunity(viewer: Viewer, communityId: string, home: ViewerHome): boolean {
  if (READS_BY_REGION.includes(viewer.role)) return viewerCoversRegion(viewer, communityId);
  return home.communityId === communityId;
}

/** The household list of a community (ids, floors, rooms; no names): officials in scope, its staff and party members. */
export function canSeeRoster(viewer: Viewer, communityId: string, home: ViewerHome): boolean {
  if (READS_BY_REGION.includes(viewer.role)) return viewerCoversRegion(viewer, communityId);
  return viewer.role === Role.PARTY_MEMBER && home.communityId === communityId;
}

/** Names and phones: the community's staff and the household itself; never analysts, city officials or street officers. */
export function canSeePersonalData(viewer: Viewer, household: { id: string; communityId: string }): boolean {
  switch (viewer.role) {
    case Role.COMMUNITY_STAFF:
      return viewer.scope === household.communityId;
    case Role.RESIDENT:
      return viewer.scope === household.id;
    default:
      return false;
  }
}
