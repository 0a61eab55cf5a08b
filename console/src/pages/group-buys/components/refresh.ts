import type { OperationContext } from 'urql';

/**
 * useQuery context for the committee's lists its mutations change (see REFRESHED_BY in lib/client.ts): a compound
 * without group buys yet holds no GroupBuy typename for urql's cache to go by. Module-level, so it stays the same.
 */
export const GROUP_BUYS_CHANGE = { additionalTypenames: ['GroupBuy', 'Participation'] } satisfies Partial<OperationContext>;
