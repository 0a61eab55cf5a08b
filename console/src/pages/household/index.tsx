import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A resident's page (RESIDENT): tomorrow's packages, its orders, ratings, its compound's group buys. */
export default function HouseholdPage() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('household.title')}</Typography.Title>;
}
