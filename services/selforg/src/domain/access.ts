import { Role, viewerCoversRegion, type Viewer } from '@cgov/shared';

/** Where a viewer lives, for roles tied to a household, compound or community (looked up when needed). */
export interface ViewerPlace {
  compoundId: string | null;
  communityId: string | null;
}

/** A compound's group buy, or a community's list of them (compoundId null). */
export interface Target {
  communityId: string;
  compoundId: string | null;
}

/**
 * Group buys are read by officials and analysts whose region holds the community, its staff, the
 * compound's owners' committee, and the people who live there (residents of the compound, party members
 * of the community).
 */
export function canReadGroupBuys(viewer: Viewer, target: Target, place: ViewerPlace): boolean {
  switch (viewer.role) {
    case Role.CITY_OFFICIAL:
    case Role.ANALYST:
    case Role.STREET_OFFICER:
    case Role.COMMUNITY_STAFF:
      return viewerCoversRegion(viewer, target.communityId);
    case Role.OWNER_COMMITTEE:
      return target.compoundId ? viewer.scope === target.compoundId : place.communityId === target.communityId;
    case Role.RESIDENT:
      return target.compoundId ? place.compoundId === target.compoundId : place.communityId === target.communityId;
    case Role.PARTY_MEMBER:
      return place.communityId === target.communityId;
    default:
      return false;
  }
}

/** The pickup list and the committee's members (names, phones): the compound's committee and the community's staff. */
export function canSeeCompoundDetails(viewer: Viewer, target: { compoundId: string; communityId: string }): boolean {
  if (viewer.role === Role.OWNER_COMMITTEE) return viewer.scope === target.compoundId;
  return viewer.role === Role.COMMUNITY_STAFF && viewer.scope === target.communityId;
}

/** True when the viewer is the owners' committee of the compound. */
export function isCommitteeOf(viewer: Viewer, compoundId: string): boolean {
  return viewer.role === Role.OWNER_COMMITTEE && viewer.scope === compoundId;
}
