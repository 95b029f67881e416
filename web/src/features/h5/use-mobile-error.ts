import { Toast } from 'antd-mobile';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, showOnField, type FieldForm } from '../../lib/api-error';

/** The phone's useApiErrorReporter: under its field when the form has it, else as a toast. */
export function useMobileErrorReporter() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FieldForm) => {
      if (!showOnField(error, form)) Toast.show({ icon: 'fail', content: errorText(error, t('errors.unknown')) });
    },
    [t],
  );
}
