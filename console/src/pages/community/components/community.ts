import type { CommunityPageQuery } from '../../../gql/graphql.js';

/** The signed-in committee's community as the page reads it once: its name, compounds and buildings (with their floors). */
export type CommunityInfo = NonNullable<CommunityPageQuery['community']>;
export type CompoundInfo = NonNullable<CommunityInfo['compounds']>[number];

/** The page's sections, each a sub-route of /community, in the switcher's order. */
export const SECTIONS = ['packages', 'orders', 'party', 'feedback', 'committees', 'sharing', 'grid'] as const;
export type Section = (typeof SECTIONS)[number];

/** The contract's package categories, in its order. */
export const CATEGORIES = ['VEGETABLE_BASIC', 'PORK_BASIC', 'EGG_BASIC', 'GRAIN_OIL', 'MILK', 'MEDICINE'] as const;

/** An order's way to the door, and where the committee moves a compound's orders to. */
export const ORDER_PATH = ['PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED'] as const;
export const ADVANCE_STEPS = ['REPORTED', 'PROCURED', 'AT_GATE'] as const;
