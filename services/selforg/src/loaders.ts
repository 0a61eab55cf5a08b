import { loadOne } from '@cgov/shared';
import type { OwnerCommitteeRepository } from './repositories/ownerCommittees.js';

/** Per-request loaders: one statement for all the committees a request asks for. */
export function createLoaders(committees: OwnerCommitteeRepository) {
  return {
    committeeById: loadOne((ids: readonly string[]) => committees.byIds(ids), (row) => row.id),
    committeeOfCompound: loadOne((ids: readonly string[]) => committees.ofCompounds(ids), (row) => row.compoundId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
