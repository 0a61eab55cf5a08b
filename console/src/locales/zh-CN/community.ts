/** The residents' committee's page (COMMUNITY_STAFF): packages, orders by compound, party members, ratings, owners' committees. */
export const community = {
  title: '社区工作',
};
