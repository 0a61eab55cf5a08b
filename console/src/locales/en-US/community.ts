import type { Messages } from '../types.js';
import type { community as zh } from '../zh-CN/community.js';

/** The residents' committee's page (COMMUNITY_STAFF): packages, orders by compound, party members, ratings, owners' committees. */
export const community: Messages<typeof zh> = {
  title: 'Community work',
};
