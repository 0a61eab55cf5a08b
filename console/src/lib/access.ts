import type { Role } from './session.js';

/** The console's pages, each with the roles that may open it (the platform enforces the same rules; this only hides). */
export const PAGES = {
  dashboard: { path: '/dashboard', roles: ['CITY_OFFICIAL', 'STREET_OFFICER', 'ANALYST'] },
  /** Resident requests (接诉即办): the hotline's desk, a street's inbox, a department's requests and summons. */
  requests: { path: '/requests', roles: ['HOTLINE_OPERATOR', 'STREET_OFFICER', 'DEPARTMENT_OFFICER'] },
  /** The month's ranking of streets and departments by the three rates (三率), and the city's request figures. */
  ranking: { path: '/requests/ranking', roles: ['CITY_OFFICIAL', 'ANALYST'] },
  policies: { path: '/policies', roles: ['CITY_OFFICIAL'] },
  exports: { path: '/exports', roles: ['CITY_OFFICIAL', 'STREET_OFFICER', 'ANALYST'] },
  community: { path: '/community', roles: ['COMMUNITY_STAFF'] },
  /** Small livelihood projects (民生微实事): the residents' council's rounds, proposals, supports, resolution and funding. */
  council: { path: '/council', roles: ['COMMUNITY_STAFF'] },
  /** The community's micro-grid (微网实格) as a tree with its workers, party groups and coverage gaps: a section of /community. */
  communityGrid: { path: '/community/grid', roles: ['COMMUNITY_STAFF'] },
  /** The shared community (共享社区): households verified, needs and offers posted for households without a phone, the figures: a section of /community. */
  communitySharing: { path: '/community/sharing', roles: ['COMMUNITY_STAFF'] },
  /** A grid worker's households, care due and visits (phone first). */
  gridWork: { path: '/grid', roles: ['GRID_WORKER'] },
  floors: { path: '/floors', roles: ['PARTY_MEMBER'] },
  household: { path: '/household', roles: ['RESIDENT'] },
  groupBuys: { path: '/group-buys', roles: ['OWNER_COMMITTEE'] },
  ide: { path: '/ide', roles: ['CITY_OFFICIAL', 'STREET_OFFICER', 'ANALYST', 'COMMUNITY_STAFF', 'PARTY_MEMBER', 'OWNER_COMMITTEE', 'RESIDENT', 'HOTLINE_OPERATOR', 'DEPARTMENT_OFFICER', 'GRID_WORKER'] },
} as const satisfies Record<string, { path: string; roles: readonly Role[] }>;
export type PageName = keyof typeof PAGES;

/** Whether a role may open a page. */
export function mayOpen(role: Role, page: PageName): boolean {
  return (PAGES[page].roles as readonly Role[]).includes(role);
}

/** The pages a role may open, in menu order. */
export function pagesFor(role: Role): PageName[] {
  return (Object.keys(PAGES) as PageName[]).filter((page) => mayOpen(role, page));
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  const first = pagesFor(role)[0];
  return first && first !== 'ide' ? PAGES[first].path : '/home';
}
