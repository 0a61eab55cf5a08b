import { Query } from './Query.js';
import { Community, Compound, GroupBuy, GroupBuyItem, OwnerCommittee, Participation, ParticipationLine } from './types.js';
import { Mutation } from './Mutation.js';
import { councilResolvers } from './councils.js';
import { sharingResolvers } from './sharing.js';

const { Query: councilQuery, Mutation: councilMutation, Community: councilCommunity, City, District, Street, ...councilTypes } = councilResolvers;
const { Query: sharingQuery, Mutation: sharingMutation, Community: sharingCommunity, City: sharingCity, District: sharingDistrict, Street: sharingStreet, ...sharingTypes } =
  sharingResolvers;

export const resolvers = {
  Query: { ...Query, ...councilQuery, ...sharingQuery },
  Mutation: { ...Mutation, ...councilMutation, ...sharingMutation },
  Community: { ...Community, ...councilCommunity, ...sharingCommunity },
  City: { ...City, ...sharingCity },
  District: { ...District, ...sharingDistrict },
  Street: { ...Street, ...sharingStreet },
  Compound,
  OwnerCommittee,
  GroupBuy,
  GroupBuyItem,
  Participation,
  ParticipationLine,
  ...councilTypes,
  ...sharingTypes,
};
