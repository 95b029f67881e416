import { Toast } from 'antd-mobile';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, showOnField, type FieldForm } from '../../lib/api-error';
import { scrollToFirstError } from './first-error';

/** The phone's useApiErrorReporter: under its field (in the form's words, brought into sight) when the form has it, else as a toast. */
export function useMobileErrorReporter() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FieldForm, aliases?: Record<string, string>) => {
      if (showOnField(error, form, t, aliases)) scrollToFirstError();
      else Toast.show({ icon: 'fail', content: errorText(error, t('errors.unknown')) });
    },
    [t],
  );
}
