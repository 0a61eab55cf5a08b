import type { OperationContext } from 'urql';
import type { MicroProjectStatus, ProjectRoundStatus } from '../../../gql/graphql.js';

/** The tag colour of a round's phase. */
export const ROUND_STATUS_COLORS: Record<ProjectRoundStatus, string> = { COLLECTING: 'blue', SUPPORTING: 'cyan', RESOLVING: 'orange', PUBLICISED: 'green', CLOSED: 'default' };

/** The tag colour of a project's status. */
export const PROJECT_STATUS_COLORS: Record<MicroProjectStatus, string> = {
  PROPOSED: 'blue',
  FUNDED: 'green',
  IN_PROGRESS: 'cyan',
  ACCEPTED: 'green',
  DROPPED: 'default',
  NOT_FUNDED: 'orange',
  REJECTED: 'red',
};

/**
 * useQuery context for the lists the council's mutations change: a round without projects holds no MicroProject for
 * urql's document cache to go by, and a resolution answers a ProjectRound. Module-level, so it stays the same object.
 */
export const ROUNDS_CHANGE = { additionalTypenames: ['ProjectRound', 'MicroProject'] } satisfies Partial<OperationContext>;
