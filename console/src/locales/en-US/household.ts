import type { Messages } from '../types.js';
import type { household as zh } from '../zh-CN/household.js';

/** A resident's page (RESIDENT): tomorrow's packages, its orders, ratings, its compound's group buys. */
export const household: Messages<typeof zh> = {
  title: 'My household',
};
