import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from '../../lib/patterns';

type Rules = ({ required: true; message: string } | { pattern: RegExp; message: string } | { min: number; message: string } | ConfirmRule)[];
/** rc-field-form's rule-from-form shape, which both kits' Form.Item accept. */
type ConfirmRule = (form: { getFieldValue: (name: string) => unknown }) => { validator: (rule: unknown, value: unknown) => Promise<void> };

/**
 * The rules of the phone and password fields: the same on the back-office and phone login pages,
 * registration and both password-change pages. The strength rules beyond a length are the
 * server's; it names the field it refuses.
 */
export function useCredentialRules() {
  const { t } = useTranslation('auth');
  const passwordRequired = { required: true, message: t('passwordRequired') } as const;
  return {
    phone: [
      { required: true, message: t('common:field.phoneRequired') },
      { pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') },
    ] satisfies Rules,
    password: [passwordRequired] satisfies Rules,
    newPassword: [passwordRequired, { min: 8, message: t('passwordTooShort') }] satisfies Rules,
    /**
     * An initial password one may leave blank (a temporary one is made): checked as typed, so an
     * error under it — the server's too — goes once it is emptied (a field without rules keeps it).
     */
    optionalPassword: [{ min: 8, message: t('passwordTooShort') }] satisfies Rules,
    /** The new password typed again: it must match the field `of`. */
    confirmOf: (of: string): Rules => [
      passwordRequired,
      ({ getFieldValue }) => ({
        validator: (_rule, value) => (!value || value === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mismatch')))),
      }),
    ],
  };
}
