import { City, Community, District, Street } from './regions.js';
import { Query } from './Query.js';

export const resolvers = { Query, City, District, Street, Community };
