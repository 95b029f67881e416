import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, useMe, type Access } from '../auth/session';

/** A back-office page for some users only; the menu hides it, this covers typed URLs. */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!allows(me, access)) return <Result status="403" title="403" subTitle={t('errors.noPermission')} />;
  return children;
}
