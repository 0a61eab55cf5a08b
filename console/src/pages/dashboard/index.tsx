import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The dashboard page (being built). */
export default function Page() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>;
}
