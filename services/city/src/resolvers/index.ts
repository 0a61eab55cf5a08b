import { budgetMutations, SubsidyBudget, subsidyBudget } from './budgets.js';
import { Mutation } from './Mutation.js';
import { AuditEntry, SubsidyPolicy, Supplier } from './policies.js';
import { Query } from './Query.js';
import { City, Community, District, Street } from './regions.js';

export const resolvers = {
  Query,
  Mutation: { ...Mutation, ...budgetMutations },
  City: { ...City, subsidyBudget },
  District: { ...District, subsidyBudget },
  Street,
  Community,
  SubsidyPolicy,
  Supplier,
  SubsidyBudget,
  AuditEntry,
};
