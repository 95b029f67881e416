import { Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamsInScope } from '../../needs/needs.queries';
import type { Whistle } from '../whistles.api';
import { useUnits } from '../whistles.queries';

type Values = { unitIds?: string[]; teamIds?: string[] };

type Props = { whistle: Whistle; loading: boolean; onCancel: () => void; onSubmit: (values: { unitIds: string[]; teamIds: string[] }) => void };

/** 召集: departments and partner units serving the street, and teams, not yet called to this whistle. */
export function CallInModal({ whistle, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('whistles');
  const [form] = Form.useForm<Values>();
  const units = useUnits({ whistleId: whistle.id });
  const teams = useTeamsInScope();
  const called = new Set(whistle.calls.flatMap((c) => [c.unitId, c.teamId]));
  const unitOptions = (units.data ?? []).filter((u) => !called.has(u.id)).map((u) => ({ value: u.id, label: `${u.name}（${t(`kind.${u.kind}`)}）` }));
  const teamOptions = (teams.data ?? []).filter((team) => !called.has(team.id)).map((team) => ({ value: team.id, label: team.name }));
  const chosen = ({ unitIds = [], teamIds = [] }: Values) => unitIds.length + teamIds.length > 0;

  return (
    <Modal open title={t('callIn.title')} okText={t('action.callIn')} okButtonProps={{ loading, 'data-testid': 'call-in-ok' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <p className="lx-modal-hint">{t('callIn.hint')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ unitIds: v.unitIds ?? [], teamIds: v.teamIds ?? [] })}>
        <Form.Item
          name="unitIds"
          label={t('callIn.units')}
          rules={[{ validator: () => (chosen(form.getFieldsValue()) ? Promise.resolve() : Promise.reject(new Error(t('callIn.required')))) }]}
        >
          <Select mode="multiple" options={unitOptions} loading={units.isPending} optionFilterProp="label" placeholder={t('callIn.unitsPlaceholder')} data-testid="call-in-units" />
        </Form.Item>
        <Form.Item name="teamIds" label={t('callIn.teams')}>
          <Select mode="multiple" options={teamOptions} loading={teams.isPending} optionFilterProp="label" placeholder={t('callIn.teamsPlaceholder')} data-testid="call-in-teams" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
