import { Role, viewerCoversRegion, type Viewer } from '@cgov/shared';
import { floorsInclude } from './coverage.js';

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

/**
 * The building and room (never the name or phone) of a household that joined a group buy: the owners'
 * committee of the group buy's compound, for its pickup list, and only for households of that compound.
 * `groupBuyCompoundId` is the group buy's compound as the self-organisation tier gave it (through the gateway).
 */
export function canSeePickupPlace(viewer: Viewer, household: { compoundId: string }, groupBuyCompoundId: string): boolean {
  return viewer.role === Role.OWNER_COMMITTEE && viewer.scope === groupBuyCompoundId && household.compoundId === groupBuyCompoundId;
}

/** The floors a party member covers (empty for every other role). */
export type Floors = ReadonlyArray<{ buildingId: string; floorFrom: number; floorTo: number }>;

type HouseholdPlace = { id: string; communityId: string; buildingId: string; floor: number };

/**
 * Acting for a household (ordering, cancelling, reading its orders, its name and phone): the household
 * itself, the party member whose floors it lives on, and the community's staff. Never analysts, city
 * officials or street officers.
 */
export function canActForHousehold(viewer: Viewer, household: HouseholdPlace, floors: Floors): boolean {
  switch (viewer.role) {
    case Role.COMMUNITY_STAFF:
      return viewer.scope === household.communityId;
    case Role.RESIDENT:
      return viewer.scope === household.id;
    case Role.PARTY_MEMBER:
      return floorsInclude(floors, household);
    default:
      return false;
  }
}

/** Names and phones of households: exactly those who may act for the household. */
export const canSeePersonalData = canActForHousehold;

/** A party member's name and phone: the community's staff and the party member. */
export function canSeePartyMemberContact(viewer: Viewer, member: { id: string; communityId: string }): boolean {
  if (viewer.role === Role.COMMUNITY_STAFF) return viewer.scope === member.communityId;
  return viewer.role === Role.PARTY_MEMBER && viewer.scope === member.id;
}

/** A household's orders: those who act for it, and officials and analysts whose region holds it (no names in orders). */
export function canSeeOrdersOf(viewer: Viewer, household: HouseholdPlace, floors: Floors): boolean {
  return canActForHousehold(viewer, household, floors) || viewerCoversRegion(viewer, household.communityId);
}

/** A day's statistics of a region: officials and analysts whose region holds it, and a community's own members for their community. */
export function canSeeStats(viewer: Viewer, regionId: string, home: ViewerHome): boolean {
  if (READS_BY_REGION.includes(viewer.role)) return viewerCoversRegion(viewer, regionId);
  return home.communityId === regionId;
}

/** A region's readiness (plans, spaces, supplies, teams and their figures): officials, analysts, street officers and staff whose region holds it. */
export function canSeeReadiness(viewer: Viewer, regionId: string): boolean {
  return READS_BY_REGION.includes(viewer.role) && viewerCoversRegion(viewer, regionId);
}
