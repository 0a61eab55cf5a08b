import { loadMany, loadOne } from '@cgov/shared';
import type { RosterRepository } from './repositories/roster.js';

/** Per-request loaders: each level of a roster costs one statement, whatever its size. */
export function createLoaders(roster: RosterRepository) {
  return {
    compoundById: loadOne((ids: readonly string[]) => roster.compoundsByIds(ids), (row) => row.id),
    compoundsOfCommunity: loadMany((ids: readonly string[]) => roster.compoundsOfCommunities(ids), (row) => row.communityId),
    buildingById: loadOne((ids: readonly string[]) => roster.buildingsByIds(ids), (row) => row.id),
    buildingsOfCompound: loadMany((ids: readonly string[]) => roster.buildingsOfCompounds(ids), (row) => row.compoundId),
    householdById: loadOne((ids: readonly string[]) => roster.householdsByIds(ids), (row) => row.id),
    householdsOfBuilding: loadMany((ids: readonly string[]) => roster.householdsOfBuildings(ids), (row) => row.buildingId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
