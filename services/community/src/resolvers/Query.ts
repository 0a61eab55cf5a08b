import type { CommunityContext } from '../context.js';
import { visibleBuilding, visibleCompound, visibleHousehold } from './visibility.js';

export const Query = {
  compound: (_: unknown, { id }: { id: string }, ctx: CommunityContext) => visibleCompound(id, ctx),
  building: (_: unknown, { id }: { id: string }, ctx: CommunityContext) => visibleBuilding(id, ctx),
  household: (_: unknown, { id }: { id: string }, ctx: CommunityContext) => visibleHousehold(id, ctx),
};
