import { Query } from './Query.js';
import { Building, Community, Compound, Household } from './roster.js';

export const resolvers = { Query, Community, Compound, Building, Household };
