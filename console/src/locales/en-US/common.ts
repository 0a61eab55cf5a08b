import type { Messages } from '../types.js';
import type { common as zh } from '../zh-CN/common.js';

/** Words every page uses: the frame, roles, languages, errors. */
export const common: Messages<typeof zh> = {
  appName: 'Community Governance Platform',
  appShortName: 'Governance',
  nav: {
    dashboard: 'Dashboard',
    policies: 'Subsidy policies',
    ide: 'GraphQL IDE',
    exports: 'Exports',
    home: 'Home',
  },
  language: { label: 'Language', zhCN: '中文', enUS: 'English', switchTo: '切换到中文' },
  viewer: {
    signedInAs: 'Signed in as',
    scope: 'Scope',
    signOut: 'Sign out',
    mayDo: 'What you may do',
  },
  roles: {
    CITY_OFFICIAL: 'City official',
    STREET_OFFICER: 'Street officer',
    COMMUNITY_STAFF: "Residents' committee staff",
    PARTY_MEMBER: 'Party member',
    OWNER_COMMITTEE: "Owners' committee",
    RESIDENT: 'Resident',
    ANALYST: 'Analyst',
    HOTLINE_OPERATOR: '12345 hotline operator',
    DEPARTMENT_OFFICER: 'Department officer',
    GRID_WORKER: 'Grid worker',
  },
  abilities: {
    dashboard: 'See orders, subsidies, budgets and volunteer coverage across the tiers of your area',
    policies: 'Publish and revoke subsidy policies, allocate budgets, designate suppliers, read the audit log',
    ide: 'Query the platform in GraphQL',
    exports: 'Export the analyst lists as CSV',
    fieldConsole: 'The phone pages for your daily work come in the next release; meanwhile the GraphQL IDE is open to you.',
  },
  home: {
    title: 'Welcome, {{role}}',
    intro: 'The menu on the left leads to the pages you may use.',
  },
  status: {
    loading: 'Loading…',
    updatedAgo: 'Updated {{seconds}} s ago',
    updatedJustNow: 'Updated just now',
    refreshing: 'Refreshing',
    paused: 'Auto refresh paused (tab hidden or offline)',
    offline: 'You are offline: these are the figures from before',
  },
  errors: {
    title: 'Something went wrong',
    UNAUTHENTICATED: 'Your sign-in has expired; please sign in again',
    FORBIDDEN: 'Outside what your role may see',
    BAD_USER_INPUT: 'Invalid input',
    NOT_FOUND: 'Not found',
    CONFLICT: 'Conflicts with the current state',
    SERVICE_UNAVAILABLE: 'Part of the platform is not answering; the rest is shown',
    network: 'Cannot reach the platform; check the network',
    unknown: 'The platform failed; try again later',
    retry: 'Retry',
  },
  outsideScope: 'Outside your scope',
  notFound: { title: 'No such page', back: 'Back home' },
  forbiddenPage: { title: 'Your role cannot use this page', back: 'Back home' },
};
