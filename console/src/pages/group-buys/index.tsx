import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** An owners' committee's page (OWNER_COMMITTEE): its group buys, joins, the pickup list. */
export default function GroupBuysPage() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('groupBuys.title')}</Typography.Title>;
}
