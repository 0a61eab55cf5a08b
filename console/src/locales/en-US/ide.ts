import type { Messages } from '../types.js';
import type { ide as zh } from '../zh-CN/ide.js';

/** The ide page. */
export const ide: Messages<typeof zh> = {
  title: 'GraphQL IDE',
};
