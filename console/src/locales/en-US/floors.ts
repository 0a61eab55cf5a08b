import type { Messages } from '../types.js';
import type { floors as zh } from '../zh-CN/floors.js';

/** A party member's page (PARTY_MEMBER): tonight's orders floor by floor, tomorrow's deliveries, its record. */
export const floors: Messages<typeof zh> = {
  title: 'My floors',
};
