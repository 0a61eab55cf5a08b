import type { Messages } from '../types.js';
import type { policies as zh } from '../zh-CN/policies.js';

/** The policies page. */
export const policies: Messages<typeof zh> = {
  title: 'Subsidy policies',
};
