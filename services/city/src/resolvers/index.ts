import { Mutation } from './Mutation.js';
import { AuditEntry, SubsidyPolicy, Supplier } from './policies.js';
import { Query } from './Query.js';
import { City, Community, District, Street } from './regions.js';

export const resolvers = { Query, Mutation, City, District, Street, Community, SubsidyPolicy, Supplier, AuditEntry };
