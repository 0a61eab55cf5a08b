import { Query } from './Query.js';
import { Community, Compound, GroupBuy, GroupBuyItem, OwnerCommittee, Participation, ParticipationLine } from './types.js';
import { Mutation } from './Mutation.js';

export const resolvers = { Query, Mutation, Community, Compound, OwnerCommittee, GroupBuy, GroupBuyItem, Participation, ParticipationLine };
