import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/**
 * Shows a failed request to the user. The server names the offending input in `field` ("phone",
 * "roles.0"): when the form has that field the localised message goes under it, else into a toast.
 */
export function useApiErrorReporter() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && isApiError(error) && error.field) {
        const name = error.field.split('.')[0] ?? error.field;
        if (name in form.getFieldsValue()) {
          form.setFields([{ name, errors: [error.message] }]);
          return;
        }
      }
      void message.error(error instanceof Error && error.message ? error.message : t('errors.unknown'));
    },
    [message, t],
  );
}
