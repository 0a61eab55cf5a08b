import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A party member's page (PARTY_MEMBER): tonight's orders floor by floor, tomorrow's deliveries, its record. */
export default function FloorsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('floors.title')}</Typography.Title>;
}
