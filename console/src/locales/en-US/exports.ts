import type { Messages } from '../types.js';
import type { exports as zh } from '../zh-CN/exports.js';

/** The exports page. */
export const exports: Messages<typeof zh> = {
  title: 'Exports',
};
