import type { Messages } from '../types.js';
import type { readiness as zh } from '../zh-CN/readiness.js';

/** Readiness for the next emergency on the dashboard. */
export const readiness: Messages<typeof zh> = {
  title: 'Emergency readiness',
  cardsLabel: 'Emergency readiness of {{region}}',
  tableLabel: 'Emergency readiness of the regions within {{region}}',
  score: 'Readiness score',
  currentPlans: 'Communities with a current epidemic plan',
  plansOf: '{{count}} / {{total}}',
  spaces: 'Dual-use spaces',
  spaceCapacity: 'Space capacity (people)',
  belowMinimum: 'Supplies below their minimum',
  expiring: 'Supplies expiring within 30 days',
  volunteers: 'Accepted volunteers',
  perThousand: 'Volunteers per 1,000 households',
  region: 'Region',
  status: 'Status',
  weak: 'Needs work',
  ok: 'Ready',
  weakReasons: { score: 'score below 60', shortage: 'supplies below their minimum' },
  separator: ', ',
  weakList: 'Regions that need work',
  weakItem: '{{region}}: {{reasons}}',
  noneWeak: 'Every region within is ready (a score of 60 or more and no supply below its minimum)',
  forbiddenNote: 'Some readiness figures are outside your scope: they are marked, not counted as 0.',
  rule: 'Regions scoring below 60 or with a supply below its minimum are marked "Needs work".',
  empty: 'No regions within',
};
