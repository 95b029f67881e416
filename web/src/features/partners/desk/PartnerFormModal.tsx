import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCredentialRules } from '../../auth/credential-rules';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { partnersApi, partnerTypes, type NewPartnerUnit, type PartnerType, type PartnerUnitDetail } from '../partners.api';

type Values = {
  name: string;
  type: PartnerType;
  address?: string;
  regionId?: string;
  communityIds: string[];
  contactMode: 'new' | 'pick';
  contactAccountId?: string;
  contactName?: string;
  contactPhone?: string;
  contactPassword?: string;
  active?: boolean;
};

export type PartnerFormResult = Omit<NewPartnerUnit, 'regionId'> & { regionId?: string; active?: boolean };
type Props = { unit: PartnerUnitDetail | null; loading: boolean; onCancel: () => void; onSubmit: (values: PartnerFormResult) => void };

/** Register or edit a partner unit: name, type, address, the communities it pairs with, and its contact (a new account or one picked). */
export function PartnerFormModal({ unit, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('partners');
  const [form] = Form.useForm<Values>();
  const credentials = useCredentialRules();
  const mode = Form.useWatch('contactMode', form) ?? (unit ? 'pick' : 'new');
  const [placeSearch, setPlaceSearch] = useState('');
  const placeTerm = useDebouncedValue(placeSearch.trim(), 300);
  const places = useQuery({ queryKey: ['regions', 'search', placeTerm], queryFn: () => partnersApi.communities(placeTerm), enabled: placeTerm.length > 0 });
  const [personSearch, setPersonSearch] = useState('');
  const personTerm = useDebouncedValue(personSearch.trim(), 300);
  const people = useQuery({ queryKey: ['accounts', 'pick', personTerm], queryFn: () => api.get('/api/accounts', { query: { q: personTerm, page: 1, pageSize: 20 } }), enabled: personTerm.length > 0 });

  const currentPlaces = (unit?.communities ?? []).map((c) => ({ value: c.id, label: c.name }));
  const foundPlaces = (places.data ?? []).filter((r) => r.type === 'community' && !currentPlaces.some((c) => c.value === r.id)).map((r) => ({ value: r.id, label: r.name }));
  const currentContact = unit?.contact ? [{ value: unit.contact.id, label: `${unit.contact.name} ${unit.contact.phone}` }] : [];
  const foundPeople = (people.data?.items ?? []).filter((a) => a.id !== unit?.contact?.id).map((a) => ({ value: a.id, label: `${a.name} ${a.phone}` }));

  const finish = (v: Values) =>
    onSubmit({
      name: v.name.trim(),
      type: v.type,
      address: v.address?.trim() || null,
      communityIds: v.communityIds,
      ...(unit ? { active: v.active } : { regionId: v.regionId }),
      ...(v.contactMode === 'new'
        ? { contact: { name: (v.contactName ?? '').trim(), phone: v.contactPhone ?? '', ...(v.contactPassword ? { password: v.contactPassword } : {}) } }
        : v.contactAccountId && v.contactAccountId !== unit?.contact?.id
          ? { contactAccountId: v.contactAccountId }
          : {}),
    });

  return (
    <Modal open title={t(unit ? 'form.edit' : 'form.add')} okText={t('common:save')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          unit
            ? { name: unit.name, type: unit.type, address: unit.address ?? undefined, communityIds: unit.communities.map((c) => c.id), contactMode: 'pick', contactAccountId: unit.contact?.id, active: unit.active }
            : { type: 'organ', communityIds: [], contactMode: 'new' }
        }
        onFinish={finish}
      >
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
          <Input maxLength={60} data-testid="partner-name" />
        </Form.Item>
        <Form.Item name="type" label={t('field.type')}>
          <Select options={partnerTypes.map((k) => ({ value: k, label: t(`type.${k}`) }))} data-testid="partner-type" />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        {!unit && (
          <Form.Item name="regionId" label={t('field.region')} extra={t('form.regionHint')}>
            <RegionTreeSelect allowClear />
          </Form.Item>
        )}
        <Form.Item name="communityIds" label={t('field.communities')} rules={[{ required: true, message: t('form.communitiesRequired') }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setPlaceSearch}
            options={[...currentPlaces, ...foundPlaces]}
            placeholder={t('form.communitySearch')}
            notFoundContent={placeTerm ? t('form.noneFound') : null}
            data-testid="partner-communities"
          />
        </Form.Item>
        <Form.Item name="contactMode" label={t('field.contact')}>
          <Radio.Group options={[{ value: 'new', label: t('form.contactNew') }, { value: 'pick', label: t('form.contactPick') }]} />
        </Form.Item>
        {mode === 'new' ? (
          <>
            <Form.Item name="contactName" label={t('form.contactName')} rules={[{ required: true, whitespace: true, message: t('form.contactNameRequired') }]}>
              <Input maxLength={30} data-testid="contact-name" />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('form.contactPhone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('form.contactPhoneInvalid') }]}>
              <Input maxLength={11} inputMode="numeric" data-testid="contact-phone" />
            </Form.Item>
            <Form.Item name="contactPassword" label={t('form.contactPassword')} extra={t('form.contactPasswordHint')} rules={credentials.optionalPassword}>
              <Input.Password maxLength={64} autoComplete="new-password" data-testid="contact-password" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="contactAccountId" label={t('form.contactAccount')} extra={t('form.contactPickHint')} rules={[{ required: !unit, message: t('form.contactRequired') }]}>
            <Select showSearch filterOption={false} onSearch={setPersonSearch} options={[...currentContact, ...foundPeople]} placeholder={t('form.contactSearch')} notFoundContent={personTerm ? t('form.noneFound') : null} />
          </Form.Item>
        )}
        {unit && (
          <Form.Item name="active" label={t('field.active')} valuePropName="checked" extra={t('form.activeHint')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
