import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { mayOpen, type PageName } from '../lib/access.js';
import { useSession, type Session } from '../lib/session.js';

/** Renders its children with the tab's session; without one, sends the user to sign in and remembers where they were. */
export function RequireAuth({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?from=${encodeURIComponent(from)}`} replace />;
  }
  return <>{children(session)}</>;
}

/** A page only some roles may open (inside RequireAuth, so a session exists): others see why not, instead of a page of refusals. */
export function RequirePage({ page, children }: { page: PageName; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session || !mayOpen(session.role, page)) {
    return (
      <Result
        status="403"
        title={t('common.forbiddenPage.title')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.forbiddenPage.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
