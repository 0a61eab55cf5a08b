import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { addDays, formatShanghaiTime, shanghaiToday } from '../../../lib/dates.js';
import type { CommunityInfo } from './community.js';
import { DayPicker } from './DayPicker.js';

const CommunityFeedbackQuery = graphql(`
  query CommunityFeedback($communityId: ID!, $date: Date!) {
    community(id: $communityId) {
      id
      packages(date: $date) {
        id
        name
        category
        averageRating
        ratingCount
      }
    }
  }
`);

/** One package's ratings, asked package by package: all of a day's packages' ratings with their households at once would cost too much. */
const PackageRatingsQuery = graphql(`
  query CommunityPackageRatings($packageId: ID!) {
    package(id: $packageId) {
      id
      ratings {
        rating
        comment
        ratedAt
        household {
          id
          room
          building {
            id
            name
            compound {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** Five stars, as many filled as the rating (hidden from screen readers, which read the number). */
function Stars({ value }: { value: number }) {
  const full = Math.round(value);
  return (
    <span aria-hidden="true" style={{ color: '#ad4e00', letterSpacing: 1 }}>
      {'★'.repeat(full)}
      {'☆'.repeat(5 - full)}
    </span>
  );
}

/**
 * Residents' feedback per package of a delivery date (yesterday unless another day is chosen: a package is rated
 * once delivered): the average and how many rated it, then each rating with its comment, newest first.
 */
export function Feedback({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => addDays(shanghaiToday(), -1));
  const [result, refetch] = useQuery({ query: CommunityFeedbackQuery, variables: { communityId: community.id, date } });
  const packages = result.data?.community?.packages;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <DayPicker id="feedback-date" label={t('community.date.delivery')} value={date} onChange={setDate} />
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {packages ? (
        packages.length ? (
          packages.map((pkg) => (
            <section key={pkg.id} aria-label={pkg.name}>
              <Card
                size="small"
                title={
                  <Typography.Title level={3} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
                    {pkg.name}
                  </Typography.Title>
                }
                extra={<Tag color="#0958d9">{t(`common.enums.PackageCategory.${pkg.category}`)}</Tag>}
              >
                <Typography.Paragraph style={{ fontSize: 15 }}>
                  {pkg.averageRating != null ? (
                    <>
                      <Stars value={pkg.averageRating} /> {t('community.feedback.average', { average: pkg.averageRating.toFixed(1), count: pkg.ratingCount })}
                    </>
                  ) : (
                    t('community.feedback.noRatings')
                  )}
                </Typography.Paragraph>
                {pkg.ratingCount ? <Ratings packageId={pkg.id} name={pkg.name} /> : null}
              </Card>
            </section>
          ))
        ) : (
          <Empty description={t('community.feedback.noPackages')} />
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}

/** A package's ratings, newest first: stars and score, which household, when, and what it said. */
function Ratings({ packageId, name }: { packageId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: PackageRatingsQuery, variables: { packageId } });
  const ratings = result.data?.package?.ratings;
  if (!ratings) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <ul aria-label={t('community.feedback.ratingsOf', { name })} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {ratings.map((rating, i) => (
        <li key={`${rating.household?.id ?? i}-${rating.ratedAt}`} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
          <Space wrap size={[8, 0]}>
            <Stars value={rating.rating} />
            <Typography.Text strong>{t('community.feedback.score', { rating: rating.rating })}</Typography.Text>
            {rating.household ? (
              <Typography.Text>
                {t('community.feedback.household', { compound: rating.household.building.compound.name, building: rating.household.building.name, room: rating.household.room })}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary">{formatShanghaiTime(rating.ratedAt, i18n.language)}</Typography.Text>
          </Space>
          {rating.comment ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{rating.comment}</Typography.Paragraph> : null}
        </li>
      ))}
    </ul>
  );
}
