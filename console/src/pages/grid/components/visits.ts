import { useMemo } from 'react';
import { stringifyDocument } from 'urql';
import { z } from 'zod';
import { graphql } from '../../../gql/index.js';
import { isPending, type Outbox, type OutboxEntry } from '../../../lib/outbox.js';

const GridRecordVisitMutation = graphql(`
  mutation GridRecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      id
      visitedAt
      household {
        id
      }
    }
  }
`);

/** The mutation as the queue keeps it. */
const RECORD_VISIT = stringifyDocument(GridRecordVisitMutation);
const visitVariables = z.object({ input: z.object({ householdId: z.string() }) });

/** A household as the page names it: its id and its door ("1栋 702"). */
export interface Door {
  id: string;
  door: string;
}

/** The grid worker's visits in the send queue: households whose visit waits or was sent, and recording one. */
export interface Visits {
  /** Households with a visit waiting in the queue (offline, or being sent). */
  waiting: ReadonlySet<string>;
  /** Households with a visit the queue has sent (the lists refresh after it). */
  sent: ReadonlySet<string>;
  /** Puts a visit in the queue with an idempotency key made once; it is sent now, or when the network is back. */
  record(household: Door, note: string): Promise<void>;
}

/** The visits of the queue's entries (recordVisit), and a way to record one through the queue. */
export function useVisits(outbox: Outbox, entries: readonly OutboxEntry[]): Visits {
  return useMemo(() => {
    const waiting = new Set<string>();
    const sent = new Set<string>();
    for (const entry of entries) {
      if (entry.kind !== 'recordVisit') continue;
      const into = isPending(entry) ? waiting : entry.status === 'sent' ? sent : null;
      const householdId = visitVariables.safeParse(entry.variables).data?.input.householdId;
      if (into && householdId) into.add(householdId);
    }
    return {
      waiting,
      sent,
      async record(household, note) {
        await outbox.enqueue({
          kind: 'recordVisit',
          query: RECORD_VISIT,
          variables: (idempotencyKey) => ({ input: { householdId: household.id, note, idempotencyKey } }),
          summary: { door: household.door, note },
        });
      },
    };
  }, [outbox, entries]);
}
