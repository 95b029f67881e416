import type { FormInstance } from 'antd-mobile/es/components/form';
import { isApiError } from '../api/client';
import { fieldMessage, type Translate } from './field-message';

/** A form of either UI kit: antd's and antd-mobile's are both rc-field-form's underneath (a type only: no kit is loaded). */
export type FieldForm = Pick<FormInstance, 'getFieldsValue' | 'setFields'>;

/**
 * Puts a failed request's message under the form field it names, as the server names the offending
 * input in `field` ("phone", "roles.0"), in the form's words when `t` is given (`fieldMessage`). False
 * when there is no such field here: the caller then shows the message its own way (a toast on either
 * surface, an alert on the login card).
 */
export function showOnField(error: unknown, form: FieldForm | undefined, t?: Translate, aliases: Record<string, string> = {}): boolean {
  if (!form || !isApiError(error) || !error.field) return false;
  const first = error.field.split('.')[0] ?? error.field;
  // a field the form shows as another (wantedFrom and wantedTo are one 期望时间 picker, `wanted`)
  const name = aliases[first] ?? first;
  if (!(name in form.getFieldsValue())) return false;
  form.setFields([{ name, errors: [fieldMessage(error, t)] }]);
  return true;
}

/** A failure in words: the server's localised message, else the given fallback. */
export const errorText = (error: unknown, fallback: string): string => (error instanceof Error && error.message ? error.message : fallback);
