import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, showOnField, type FieldForm } from './api-error';

/** Shows a failed request in the back office: under its field (in the form's words) when the form has it, else as a toast. */
export function useApiErrorReporter() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FieldForm, aliases?: Record<string, string>) => {
      if (!showOnField(error, form, t, aliases)) void message.error(errorText(error, t('errors.unknown')));
    },
    [message, t],
  );
}
