import type { CityContext } from '../context.js';
import type { AuditRow, SubsidyPolicyRow } from '../db/schema.js';
import { assertCanRead } from '../domain/access.js';
import { policyStatus } from '../domain/policy.js';

export const SubsidyPolicy = {
  /** Reached directly through `_entities` too: the same scope as subsidyPolicy(id). */
  __resolveReference: async ({ id }: { id: string }, ctx: CityContext) => {
    const policy = await ctx.loaders.policyById.load(id);
    if (policy) assertCanRead(ctx.viewer, policy.regionId, 'Subsidy policies');
    return policy;
  },
  status: (policy: SubsidyPolicyRow, _: unknown, ctx: CityContext) => policyStatus(policy, ctx.today()),
};

export const Supplier = {
  /**
   * A designated supplier reached by id (a package names its supplier): its name and address are public, like
   * a shop sign, so every signed-in role may read them; lists of a region's suppliers stay in scope.
   */
  __resolveReference: ({ id }: { id: string }, ctx: CityContext) => ctx.loaders.supplierById.load(id),
};

export const AuditEntry = {
  id: (entry: AuditRow) => String(entry.id),
  details: (entry: AuditRow) => JSON.stringify(entry.details),
};
