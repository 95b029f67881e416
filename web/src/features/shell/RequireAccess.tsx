import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, useMe, type Access } from '../auth/session';
import { usePageCrumb } from './page-crumb';

/** A back-office page for some users only; the menu hides it, this covers typed URLs. */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const me = useMe();
  if (!allows(me, access)) return <Forbidden />;
  return children;
}

/** 403, with the breadcrumb saying so (首页 / 无权访问) rather than naming a page the user may not see. */
function Forbidden() {
  const { t } = useTranslation();
  usePageCrumb(t('errors.forbidden'));
  return <Result status="403" title="403" subTitle={t('errors.noPermission')} />;
}
