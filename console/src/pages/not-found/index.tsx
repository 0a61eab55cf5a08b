import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Any path the console does not know. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound.title')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.notFound.back')}</Button>
        </Link>
      }
    />
  );
}
