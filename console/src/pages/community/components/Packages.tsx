import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { addDays, shanghaiToday } from '../../../lib/dates.js';
import type { CommunityInfo } from './community.js';
import { DayPicker } from './DayPicker.js';
import { PackageCard } from './PackageCard.js';
import { PublishPackageForm, type Published } from './PublishPackageForm.js';

const CommunityPackagesQuery = graphql(`
  query CommunityPackages($communityId: ID!, $date: Date!) {
    community(id: $communityId) {
      id
      packages(date: $date) {
        id
        ...PackageCard_PackageFragment
      }
    }
  }
`);

/** A list that was empty holds no Package to go by: name the type, so publishing one re-runs it. */
const REFRESHED_BY_PACKAGES = { additionalTypenames: ['Package'] };

/** The packages of a delivery date (tomorrow unless another day is chosen), and publishing one. */
export function Packages({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => addDays(shanghaiToday(), 1));
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<Published | null>(null);
  const [result, refetch] = useQuery({ query: CommunityPackagesQuery, variables: { communityId: community.id, date }, context: REFRESHED_BY_PACKAGES });
  const packages = result.data?.community?.packages;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <DayPicker id="packages-date" label={t('community.date.delivery')} value={date} onChange={setDate} />
      {published ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('community.publish.done', { ...published })}
          closable={{ 'aria-label': t('community.actions.close') }}
          onClose={() => setPublished(null)}
        />
      ) : null}
      {publishing ? (
        <PublishPackageForm
          communityId={community.id}
          defaultDate={date}
          onCancel={() => setPublishing(false)}
          onPublished={(done) => {
            setPublished(done);
            setPublishing(false);
            setDate(done.date);
          }}
        />
      ) : (
        <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
          {t('community.publish.open')}
        </Button>
      )}
      <Typography.Title level={3} style={{ fontSize: 17, margin: 0 }}>
        {t('community.packages.heading', { date })}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {packages ? (
        packages.length ? (
          <ul aria-label={t('community.packages.heading', { date })} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))' }}>
            {packages.map((pkg) => (
              <li key={pkg.id}>
                <PackageCard package={pkg} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty description={t('community.packages.empty')} />
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}
