import type { SelforgContext } from '../context.js';
import type { OwnerCommitteeRow } from '../db/schema.js';

export const Query = {
  ownerCommittee: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => ctx.loaders.committeeById.load(id),
};

export const Compound = {
  __resolveReference: ({ id }: { id: string }) => ({ id }),
  ownerCommittee: ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => ctx.loaders.committeeOfCompound.load(id),
};

export const OwnerCommittee = {
  __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => ctx.loaders.committeeById.load(id),
  compound: (committee: OwnerCommitteeRow) => ({ id: committee.compoundId }),
};

export const resolvers = { Query, Compound, OwnerCommittee };
