import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The ide page (being built). */
export default function Page() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('ide.title')}</Typography.Title>;
}
