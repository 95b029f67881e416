import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { guideText, rolesWithGuides, type GuideRole } from './guides';

/** The user's guides (one per role they hold), the one shown, and its text in the current language. */
export function useGuide() {
  const me = useMe();
  const { i18n } = useTranslation();
  const roles = rolesWithGuides(me.account.roles);
  const [picked, setPicked] = useState<GuideRole>(roles[0]!);
  const role = roles.includes(picked) ? picked : roles[0]!;
  return { roles, role, setRole: setPicked, text: guideText(role, i18n.language) };
}
