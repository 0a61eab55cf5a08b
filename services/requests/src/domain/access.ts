import { Role, regionContains, viewerCoversRegion, type Viewer } from '@cgov/shared';
import type { RequestRow } from '../db/schema.js';

/** Who filed a request, as stored: role, scope and user, so that idempotency keys are each filer's own. */
export function filerOf(viewer: Viewer): string {
  return `${viewer.role}:${viewer.scope}:${viewer.sub}`;
}

/** True when the viewer is the staff of the unit that holds the request (the street office or the department). */
export function holdsRequest(viewer: Viewer, request: Pick<RequestRow, 'streetId' | 'departmentId'>): boolean {
  if (viewer.role === Role.STREET_OFFICER) return request.streetId === viewer.scope;
  if (viewer.role === Role.DEPARTMENT_OFFICER) return request.departmentId === viewer.scope;
  return false;
}

/**
 * Who reads a request: the hotline of its city; officials and analysts whose region holds its community; the street
 * office whose street holds the community or the request; the community's staff; the department holding it or
 * summoned on it; the household that filed; the grid worker who filed it.
 */
export function canSeeRequest(viewer: Viewer, request: RequestRow, summonedDepartmentIds: readonly string[]): boolean {
  switch (viewer.role) {
    case Role.HOTLINE_OPERATOR:
      return request.cityId === viewer.scope;
    case Role.CITY_OFFICIAL:
    case Role.ANALYST:
    case Role.COMMUNITY_STAFF:
      return viewerCoversRegion(viewer, request.communityId);
    case Role.STREET_OFFICER:
      return request.streetId === viewer.scope || regionContains(viewer.scope, request.communityId);
    case Role.DEPARTMENT_OFFICER:
      return request.departmentId === viewer.scope || summonedDepartmentIds.includes(viewer.scope);
    case Role.RESIDENT:
      return request.householdId === viewer.scope;
    case Role.GRID_WORKER:
      return request.filedBy.startsWith(`${Role.GRID_WORKER}:${viewer.scope}:`);
    default:
      return false;
  }
}

/**
 * Caller names and phones: the hotline of the request's city, the staff of the unit that holds it, and the household
 * itself. Never analysts (nor officials, community staff or summoned departments).
 */
export function canSeeCaller(viewer: Viewer, request: RequestRow): boolean {
  if (viewer.role === Role.HOTLINE_OPERATOR) return request.cityId === viewer.scope;
  if (viewer.role === Role.RESIDENT) return request.householdId !== null && request.householdId === viewer.scope;
  return holdsRequest(viewer, request);
}

/**
 * Who did a step of a request's history, as the viewer may read it: role, scope and user for the hotline of its city,
 * the unit that holds it and the household itself; the role alone for everyone else (a resident's household and user
 * id are personal data).
 */
export function historyBy(viewer: Viewer, request: RequestRow, by: string): string {
  return canSeeCaller(viewer, request) ? by : by.split(':')[0]!;
}

/**
 * Who reads a region's request figures (counts and rates, never callers): officials, analysts, street officers and
 * community staff whose region holds it, and the hotline of its city.
 */
export function canSeeRequestStats(viewer: Viewer, regionId: string): boolean {
  if (viewer.role === Role.HOTLINE_OPERATOR) return regionContains(viewer.scope, regionId);
  return viewerCoversRegion(viewer, regionId);
}

/**
 * Who reads a city's monthly ranking (三率考核): its officials, analysts and hotline, and the units ranked in it — its
 * street officers and the officers of its departments (`departmentCityId`: the viewer's department's city, when it
 * is a department officer).
 */
export function canSeeRanking(viewer: Viewer, cityId: string, departmentCityId: string | null): boolean {
  switch (viewer.role) {
    case Role.CITY_OFFICIAL:
    case Role.ANALYST:
    case Role.HOTLINE_OPERATOR:
      return viewer.scope === cityId;
    case Role.STREET_OFFICER:
      return regionContains(cityId, viewer.scope);
    case Role.DEPARTMENT_OFFICER:
      return departmentCityId === cityId;
    default:
      return false;
  }
}
