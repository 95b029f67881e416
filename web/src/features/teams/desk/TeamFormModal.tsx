import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/api';
import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldForm } from '../../../lib/api-error';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { useCategoryNames } from '../categories';
import { teamTypes, thinkTankModules, type NewTeam, type TeamDetail, type TeamType } from '../teams.api';
import { PersonSelect } from './PersonSelect';

type Values = { name: string; type: TeamType; thinkTankModule?: NewTeam['thinkTankModule']; partnerUnitId?: string | null; regionId?: string; categories: string[]; leaderId?: string; description?: string; contactPhone?: string };

type Props = { team: TeamDetail | null; loading: boolean; onCancel: () => void; onSubmit: (values: NewTeam, form: FieldForm) => void };

/** Create a team, or edit one (the leader is changed on the team's page, among its members). */
export function TeamFormModal({ team, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('teams');
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const categories = useCategoryNames();
  const partnerUnits = useQuery({ queryKey: ['partner-units', 'options'], queryFn: () => api.get('/api/partner-units/options'), enabled: type === 'paired' });
  // a community admin's teams are of their own community, as a rule
  const me = useMe().account;
  const ownCommunity = me.regionType === 'community' ? me.regionId : undefined;
  const submit = (v: Values) =>
    onSubmit(
      {
        name: v.name.trim(), type: v.type, thinkTankModule: v.type === 'thinkTank' ? (v.thinkTankModule ?? null) : null, regionId: v.regionId ?? '', categories: v.categories ?? [],
        leaderId: v.leaderId ?? team?.leader.id ?? '', description: v.description?.trim() || null, contactPhone: v.contactPhone?.trim() || null,
        partnerUnitId: v.type === 'paired' ? (v.partnerUnitId ?? null) : null,
      },
      form,
    );
  return (
    <Modal open title={t(team ? 'form.edit' : 'form.create')} okText={t('common:save')} okButtonProps={{ loading, 'data-testid': 'team-form-save' } as ButtonProps} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="team-form"
        initialValues={
          team
            ? { name: team.name, type: team.type, thinkTankModule: team.thinkTankModule, regionId: team.regionId, categories: team.categories, description: team.description ?? '', contactPhone: team.contactPhone ?? '', partnerUnitId: team.partnerUnit?.id ?? null }
            : { type: 'own', categories: [], regionId: ownCommunity }
        }
        onFinish={submit}
      >
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
          <Input maxLength={100} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="type" label={t('field.type')}>
          <Select options={teamTypes.map((k) => ({ value: k, label: t(`type.${k}`) }))} data-testid="team-type" />
        </Form.Item>
        {type === 'thinkTank' && (
          <Form.Item name="thinkTankModule" label={t('field.module')} rules={[{ required: true, message: t('form.moduleRequired') }]}>
            <Select options={thinkTankModules.map((m) => ({ value: m, label: t(`module.${m}`) }))} />
          </Form.Item>
        )}
        {type === 'paired' && (
          <Form.Item name="partnerUnitId" label={t('field.partnerUnit')} extra={t('form.partnerUnitHint')} rules={[{ required: true, message: t('form.partnerUnitRequired') }]}>
            <Select showSearch optionFilterProp="label" options={(partnerUnits.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="team-partner-unit" />
          </Form.Item>
        )}
        <Form.Item name="regionId" label={t('field.community')} extra={t('form.communityHint')} rules={[{ required: true, message: t('form.communityRequired') }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="categories" label={t('field.categories')}>
          <Select mode="multiple" options={categories.options} />
        </Form.Item>
        {!team && (
          <Form.Item name="leaderId" label={t('field.leader')} extra={t('form.leaderHint')} rules={[{ required: true, message: t('form.leaderRequired') }]}>
            <PersonSelect data-testid="team-leader" />
          </Form.Item>
        )}
        <Form.Item name="contactPhone" label={t('field.contactPhone')}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
