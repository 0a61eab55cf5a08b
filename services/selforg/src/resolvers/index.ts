import { Query } from './Query.js';
import { Community, Compound, GroupBuy, GroupBuyItem, OwnerCommittee, Participation, ParticipationLine } from './types.js';
import { Mutation } from './Mutation.js';
import { councilResolvers } from './councils.js';

const { Query: councilQuery, Mutation: councilMutation, Community: councilCommunity, ...councilTypes } = councilResolvers;

export const resolvers = {
  Query: { ...Query, ...councilQuery },
  Mutation: { ...Mutation, ...councilMutation },
  Community: { ...Community, ...councilCommunity },
  Compound,
  OwnerCommittee,
  GroupBuy,
  GroupBuyItem,
  Participation,
  ParticipationLine,
  ...councilTypes,
};
