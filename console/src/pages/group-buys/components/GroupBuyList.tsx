import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { Freshness, useLiveQuery } from './Freshness.js';
import { GroupBuyCategoryTag, GroupBuyStatusTag } from './labels.js';
import { GROUP_BUYS_CHANGE } from './refresh.js';

const GroupBuyListQuery = graphql(`
  query GroupBuyList($compoundId: ID!) {
    compound(id: $compoundId) {
      id
      groupBuys {
        id
        title
        category
        status
        minParticipants
        participantCount
        deadline
        items {
          id
          name
          stock
          remaining
        }
      }
    }
  }
`);

/** The compound's group buys, open ones first, each with its joins and what is left; refreshed every 5 s while any is open. */
export function GroupBuyList({ compoundId }: { compoundId: string }) {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: GroupBuyListQuery, variables: { compoundId }, context: GROUP_BUYS_CHANGE });
  const list = result.data?.compound?.groupBuys;
  const live = !!list?.some((groupBuy) => groupBuy.status === 'OPEN');
  const { paused } = useLiveQuery(reexecute, live);
  const sorted = list ? [...list.filter((groupBuy) => groupBuy.status === 'OPEN'), ...list.filter((groupBuy) => groupBuy.status !== 'OPEN')] : undefined;
  return (
    <Flex vertical gap={12}>
      <Freshness result={result} paused={paused} live={live} />
      <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {sorted ? (
        sorted.length === 0 ? (
          <Empty description={t('groupBuys.list.none')} />
        ) : (
          sorted.map((groupBuy) => (
            <Card
              key={groupBuy.id}
              size="small"
              title={
                <Flex wrap gap={8} align="center">
                  <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                    <Link to={`/group-buys/${groupBuy.id}`} aria-label={t('groupBuys.list.open', { title: groupBuy.title })}>
                      {groupBuy.title}
                    </Link>
                  </Typography.Title>
                  <GroupBuyStatusTag status={groupBuy.status} />
                  <GroupBuyCategoryTag category={groupBuy.category} />
                </Flex>
              }
            >
              <Flex vertical gap={4}>
                <Typography.Text>{t('groupBuys.list.participants', { count: groupBuy.participantCount, min: groupBuy.minParticipants })}</Typography.Text>
                <Typography.Text>{t('groupBuys.list.deadline', { time: formatShanghaiTime(groupBuy.deadline, i18n.language, { weekday: true }) })}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('groupBuys.list.left', {
                    items: groupBuy.items
                      .map((item) =>
                        item.stock === null
                          ? t('groupBuys.list.unlimitedItem', { name: item.name })
                          : t('groupBuys.list.leftItem', { name: item.name, remaining: item.remaining, stock: item.stock }),
                      )
                      .join(t('groupBuys.list.separator')),
                  })}
                </Typography.Text>
              </Flex>
            </Card>
          ))
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Flex>
  );
}
