import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** What shows while a page's code or first answer loads. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin description={t('common.status.loading')} />
    </div>
  );
}
