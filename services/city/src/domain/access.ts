import { forbidden, Role, regionContains, regionsRelated, viewerCoversRegion, viewerRegion, type Viewer } from '@cgov/shared';

/** Governing acts are a city official's. */
export function assertCityOfficial(viewer: Viewer, action: string): void {
  if (viewer.role !== Role.CITY_OFFICIAL) {
    throw forbidden(`Only a CITY_OFFICIAL may ${action}; your role is ${viewer.role}.`);
  }
}

/** Publishing and revoking policies, allocating budgets and designating suppliers: a city official, inside its city. */
export function assertCanGovern(viewer: Viewer, regionId: string, action: string): void {
  assertCityOfficial(viewer, action);
  if (!regionContains(viewer.scope, regionId)) {
    throw forbidden(`Region ${regionId} is outside your city (${viewer.scope}); you may ${action} only inside it.`);
  }
}

/**
 * Policies, suppliers and budgets of a region are read by roles scoped to a region that contains it or that
 * it contains: what the city decides applies to every street and community inside it.
 */
export function assertCanRead(viewer: Viewer, regionId: string, what: string): void {
  const own = viewerRegion(viewer);
  if (!own) {
    throw forbidden(`${what} are read by city officials, analysts, street officers and community staff; your role is ${viewer.role}.`);
  }
  if (!regionsRelated(own, regionId)) {
    throw forbidden(`${what} of region ${regionId} are outside your scope (${viewer.role} ${viewer.scope}).`);
  }
}

/** The audit log of a city: its own city officials. */
export function assertCanReadAudit(viewer: Viewer, cityId: string): void {
  if (viewer.role !== Role.CITY_OFFICIAL || viewer.scope !== cityId) {
    throw forbidden(`The audit log of city ${cityId} is read by that city's officials only.`);
  }
}

/** A region's subsidy budget: city officials and analysts of the city (a street officer does not read its district's money). */
export function canReadBudget(viewer: Viewer, regionId: string): boolean {
  return viewerCoversRegion(viewer, regionId);
}

/** Refuses with FORBIDDEN unless the viewer may read the region's subsidy budget (`canReadBudget`). */
export function assertCanReadBudget(viewer: Viewer, regionId: string): void {
  if (!canReadBudget(viewer, regionId)) {
    throw forbidden(`The subsidy budget of region ${regionId} is outside your scope (${viewer.role} ${viewer.scope}).`);
  }
}
