import type { Messages } from '../types.js';
import type { ranking as zh } from '../zh-CN/ranking.js';

/** The city's monthly ranking of streets and departments by the three rates (三率), and its request figures. */
export const ranking: Messages<typeof zh> = {
  title: "{{city}}'s requests appraisal",
  month: 'Month',
  stats: {
    title: "{{month}}: the city's requests",
    received: 'Received',
    open: 'Open',
    overdue: 'Overdue',
    closed: 'Closed',
  },
  frequent: {
    title: 'Problem of the month: the most frequent',
    category: 'Category',
    count: 'This month',
    previous: 'Last month',
    change: 'Change',
  },
  rankingTitle: '{{month}}: ranking by the three rates',
  rule: 'Score = 20% response rate + 40% resolution rate + 40% satisfaction rate; units with fewer than 10 requests in the month are listed after, unranked.',
  streets: 'Streets',
  departments: 'Departments',
  streetsTable: "{{month}}: the streets' ranking",
  departmentsTable: "{{month}}: the departments' ranking",
  chartLabel: '{{what}}: a bar chart of each unit’s three rates (figures in the table below)',
  columns: {
    rank: 'Rank',
    unit: 'Unit',
    dispatched: 'Dispatched',
    responseRate: 'Response rate',
    resolutionRate: 'Resolution rate',
    satisfactionRate: 'Satisfaction rate',
    score: 'Score',
  },
  unranked: 'Fewer than 10: not ranked',
  none: 'Nothing this month',
};
