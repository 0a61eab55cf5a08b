import type { CommunityContext } from '../context.js';
import { analysisQueries } from './analysis.js';
import { gridQueries } from './grids.js';
import { visibleOrder } from './orders.js';
import { visiblePackage } from './packages.js';
import { visiblePartyMember } from './partyMembers.js';
import { visibleBuilding, visibleCompound, visibleHousehold } from './visibility.js';

type ById = { id: string };

export const Query = {
  compound: (_: unknown, { id }: ById, ctx: CommunityContext) => visibleCompound(id, ctx),
  building: (_: unknown, { id }: ById, ctx: CommunityContext) => visibleBuilding(id, ctx),
  household: (_: unknown, { id }: ById, ctx: CommunityContext) => visibleHousehold(id, ctx),
  partyMember: (_: unknown, { id }: ById, ctx: CommunityContext) => visiblePartyMember(id, ctx),
  package: (_: unknown, { id }: ById, ctx: CommunityContext) => visiblePackage(id, ctx),
  order: (_: unknown, { id }: ById, ctx: CommunityContext) => visibleOrder(id, ctx),
  ...analysisQueries,
  ...gridQueries,
};
