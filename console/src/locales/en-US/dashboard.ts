import type { Messages } from '../types.js';
import type { dashboard as zh } from '../zh-CN/dashboard.js';

/** The dashboard page. */
export const dashboard: Messages<typeof zh> = {
  title: 'Dashboard',
};
