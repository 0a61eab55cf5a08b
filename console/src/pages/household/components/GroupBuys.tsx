import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { useNow } from './attempt.js';
import { GroupBuyCard } from './GroupBuyCard.js';
import { JOINS_CHANGE } from './refresh.js';

const HouseholdGroupBuysQuery = graphql(`
  query HouseholdGroupBuys($compoundId: ID!) {
    compound(id: $compoundId) {
      id
      groupBuys {
        id
        status
        deadline
        ...GroupBuyCard_GroupBuy
      }
    }
  }
`);

/** The group buys of the household's compound, open ones first (soonest deadline first), then the rest newest first. */
export function GroupBuys({ householdId, compoundId, compoundName }: { householdId: string; compoundId: string; compoundName: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const [result, refetch] = useQuery({ query: HouseholdGroupBuysQuery, variables: { compoundId }, context: JOINS_CHANGE });
  const list = result.data?.compound?.groupBuys;
  const sorted = list
    ? [
        ...list.filter((groupBuy) => groupBuy.status === 'OPEN').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline)),
        ...list.filter((groupBuy) => groupBuy.status !== 'OPEN'),
      ]
    : undefined;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
        {t('household.groupBuys.heading', { compound: compoundName })}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {sorted ? (
        sorted.length === 0 ? (
          <Empty description={t('household.groupBuys.none')} />
        ) : (
          sorted.map((groupBuy) => (
            <GroupBuyCard key={groupBuy.id} groupBuy={groupBuy} householdId={householdId} now={now} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
          ))
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Flex>
  );
}
