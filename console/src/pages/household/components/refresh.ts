import type { OperationContext } from 'urql';

/**
 * useQuery contexts for the lists a resident's mutations change (see REFRESHED_BY in lib/client.ts): a day without
 * orders, or a group buy nobody of the household joined, holds no typename for urql's cache to go by.
 * Module-level, so the objects stay the same between renders.
 */
export const ORDERS_CHANGE = { additionalTypenames: ['Order'] } satisfies Partial<OperationContext>;
export const JOINS_CHANGE = { additionalTypenames: ['Participation', 'GroupBuy'] } satisfies Partial<OperationContext>;
