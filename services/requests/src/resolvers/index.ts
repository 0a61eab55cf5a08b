import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { City, Community, District, Street } from './regions.js';
import { Household, Request, RequestCategory, Summons } from './types.js';

export const resolvers = { Query, Mutation, RequestCategory, Request, Summons, Household, City, District, Street, Community };
