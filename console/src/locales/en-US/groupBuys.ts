import type { Messages } from '../types.js';
import type { groupBuys as zh } from '../zh-CN/groupBuys.js';

/** An owners' committee's page (OWNER_COMMITTEE): its group buys, joins, the pickup list. */
export const groupBuys: Messages<typeof zh> = {
  title: 'Group buys',
};
