import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The residents' committee's page (COMMUNITY_STAFF): packages, orders by compound, party members, ratings, owners' committees. */
export default function CommunityPage() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('community.title')}</Typography.Title>;
}
