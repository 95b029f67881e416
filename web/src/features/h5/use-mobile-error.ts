import { Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

/** The phone version of useApiErrorReporter: field errors under the field, others as a toast. */
export function useMobileErrorReporter() {
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
      Toast.show({ icon: 'fail', content: error instanceof Error && error.message ? error.message : t('errors.unknown') });
    },
    [t],
  );
}
