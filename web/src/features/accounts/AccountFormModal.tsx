import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { Account, AccountProfile } from './accounts.api';
import { useAccountChanges } from './accounts.queries';
import { AccountFormFields, type AccountFormValues } from './AccountFormFields';

type Props =
  | { mode: 'create'; onClose: () => void; onCreated: (account: Account, temporaryPassword?: string) => void }
  | { mode: 'edit'; account: Account; onClose: () => void; onSaved: (account: Account) => void };

/** Fields the form sends; blanks are left out so "not filled" never overwrites stored data. */
function profileOf(values: AccountFormValues): Partial<AccountProfile> {
  const profile: Partial<AccountProfile> = {
    name: values.name.trim(),
    roles: values.roles,
    regionId: values.regionId,
    skills: values.skills ?? [],
  };
  if (values.idNumber) profile.idNumber = values.idNumber.toUpperCase();
  if (values.gender) profile.gender = values.gender;
  if (values.birthYear) profile.birthYear = values.birthYear;
  return profile;
}

/** Create a staff or resident account, or edit one (phone and password are not editable here). */
export function AccountFormModal(props: Props) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<AccountFormValues>();
  const { create, update } = useAccountChanges();
  const report = useApiErrorReporter();
  const creating = props.mode === 'create';

  const submit = async (values: AccountFormValues) => {
    try {
      if (props.mode === 'create') {
        const profile = profileOf(values) as AccountProfile;
        const result = await create.mutateAsync({ ...profile, phone: values.phone ?? '', password: values.password || undefined });
        props.onCreated(result.account, result.temporaryPassword);
      } else {
        props.onSaved(await update.mutateAsync({ id: props.account.id, patch: profileOf(values) }));
      }
    } catch (error) {
      report(error, form);
    }
  };

  const initial: Partial<AccountFormValues> | undefined =
    props.mode === 'edit'
      ? {
          name: props.account.name,
          roles: props.account.roles,
          regionId: props.account.regionId,
          gender: props.account.gender ?? undefined,
          birthYear: props.account.birthYear ?? undefined,
          skills: props.account.skills,
        }
      : { roles: ['gridWorker'] };

  return (
    <Modal
      open
      width={640}
      title={creating ? t('create') : t('editTitle', { name: props.account.name })}
      okText={t('common:save')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} name="account" layout="vertical" initialValues={initial} onFinish={submit} className="lx-account-form">
        <AccountFormFields creating={creating} maskedIdNumber={props.mode === 'edit' ? props.account.idNumber : null} />
      </Form>
    </Modal>
  );
}
