import type { Messages } from '../types.js';
import type { ide as zh } from '../zh-CN/ide.js';

/** The ide page. */
export const ide: Messages<typeof zh> = {
  title: 'GraphQL IDE',
  tokenNote: 'Requests are sent as you are signed in; the token is not shown in the headers and not stored. The editors are kept until this tab closes.',
  examples: {
    title: 'Examples',
    hint: "The contract's operations, with variables for the demo (H city 4201, today's date). Click one to open it in a new tab.",
    open: 'Open {{name}} in a new tab',
    mutation: 'changes data',
    files: {
      dashboard: 'Dashboard',
      regions: 'Regions',
      'city-policy': 'Subsidy policy',
      'community-ops': 'Community operations',
      selforg: 'Owners’ self-organisation',
      requests: 'Resident requests',
      grid: 'Micro-grid and readiness',
      council: 'Small livelihood projects',
      sharing: 'Shared community',
    },
  },
};
