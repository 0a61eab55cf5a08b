import type { OperationContext } from 'urql';
import type { MicroProjectStatus, ProjectRoundStatus } from '../../../gql/graphql.js';

/** The tag colour of a round's phase: dark enough for white text (WCAG AA), as the requests' statuses. */
export const ROUND_STATUS_COLORS: Record<ProjectRoundStatus, string> = { COLLECTING: '#0958d9', SUPPORTING: '#006d75', RESOLVING: '#ad4e00', PUBLICISED: '#237804', CLOSED: '#595959' };

/** The tag colour of "your household supports it". */
export const SUPPORTED_COLOR = '#237804';

/** The tag colour of a project's status, dark enough for white text. */
export const PROJECT_STATUS_COLORS: Record<MicroProjectStatus, string> = {
  PROPOSED: '#0958d9',
  FUNDED: '#237804',
  IN_PROGRESS: '#006d75',
  ACCEPTED: '#237804',
  DROPPED: '#595959',
  NOT_FUNDED: '#ad4e00',
  REJECTED: '#a8071a',
};

/**
 * useQuery context for the lists the council's mutations change: a round without projects holds no MicroProject for
 * urql's document cache to go by, and a resolution answers a ProjectRound. Module-level, so it stays the same object.
 */
export const ROUNDS_CHANGE = { additionalTypenames: ['ProjectRound', 'MicroProject'] } satisfies Partial<OperationContext>;
