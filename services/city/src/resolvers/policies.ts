import type { CityContext } from '../context.js';
import type { AuditRow, SubsidyPolicyRow } from '../db/schema.js';
import { policyStatus } from '../domain/policy.js';

export const SubsidyPolicy = {
  __resolveReference: ({ id }: { id: string }, ctx: CityContext) => ctx.loaders.policyById.load(id),
  status: (policy: SubsidyPolicyRow, _: unknown, ctx: CityContext) => policyStatus(policy, ctx.today()),
};

export const Supplier = {
  __resolveReference: ({ id }: { id: string }, ctx: CityContext) => ctx.loaders.supplierById.load(id),
};

export const AuditEntry = {
  id: (entry: AuditRow) => String(entry.id),
  details: (entry: AuditRow) => JSON.stringify(entry.details),
};
