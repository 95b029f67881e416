import { Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from '../../../lib/patterns';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { kindName, type NewRecipient, type Recipient, type RecipientPatch } from '../care.api';
import { useCareTypes } from '../care.queries';

type Values = Omit<NewRecipient, 'gender'> & { gender?: 'male' | 'female' };

type Props = {
  /** The record to edit (staff view), or null to register someone. */
  recipient: Recipient | null;
  onCancel: () => void;
  onSubmit: (values: NewRecipient | RecipientPatch) => Promise<unknown>;
};

/**
 * Register a person under care or edit their record. Phones and the ID number arrive masked, so on
 * an edit they start empty: left empty they stay as they are, a value typed replaces them.
 */
export function RecipientFormModal({ recipient, onCancel, onSubmit }: Props) {
  const { t, i18n } = useTranslation('care');
  const [form] = Form.useForm<Values>();
  const report = useApiErrorReporter();
  const types = useCareTypes(true);
  const editing = recipient !== null;
  // a kind switched off since: still shown (and kept) on a person who has it, never offered anew
  const held = recipient?.types.map((k) => k.code) ?? [];
  const initial: Partial<Values> = recipient
    ? {
        regionId: recipient.place.id, name: recipient.name ?? '', callName: recipient.callNameGiven ?? '', gender: recipient.gender ?? undefined, birthYear: recipient.birthYear, address: recipient.address,
        typeCodes: recipient.types.map((k) => k.code), guardianName: recipient.guardian?.name ?? '', guardianRelation: recipient.guardian?.relation ?? '', needs: recipient.needs, riskNotes: recipient.riskNotes ?? '',
      }
    : {};
  const keep = editing ? t('form.keepHint') : undefined;
  const submit = async (v: Values) => {
    const typed = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);
    const body = {
      ...v, name: v.name.trim(), callName: v.callName?.trim() || null, gender: v.gender ?? null, birthYear: v.birthYear ?? null,
      // masked values: sent only when typed (an edit's empty field keeps what is stored)
      idNumber: typed(v.idNumber), phone: typed(v.phone), guardianPhone: typed(v.guardianPhone),
    };
    try {
      await onSubmit(body);
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open width={720} title={t(editing ? 'form.editTitle' : 'register')} okText={t('common:save')} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="care-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
              <Input maxLength={50} data-testid="care-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="callName" label={t('field.callName')} extra={t('field.callNameHint')}>
              <Input maxLength={20} data-testid="care-form-call-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="gender" label={t('field.gender')}>
              <Radio.Group options={(['female', 'male'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="birthYear" label={t('field.birthYear')}>
              <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="idNumber" label={t('field.idNumber')} extra={editing ? t('form.keepMasked', { value: recipient.idNumber ?? t('common:empty') }) : undefined}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('field.phone')} extra={editing ? t('form.keepMasked', { value: recipient.phone ?? t('common:empty') }) : undefined} rules={[{ pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') }]}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="typeCodes" label={t('field.types')} rules={[{ required: true, message: t('form.typesRequired') }]}>
              <Select mode="multiple" maxCount={6} options={(types.data ?? []).filter((k) => k.active || held.includes(k.code)).map((k) => ({ value: k.code, label: kindName(k, i18n.language), disabled: !k.active }))} data-testid="care-form-types" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={t('field.regionId')} rules={[{ required: true, message: t('form.regionRequired') }]}>
              <RegionTreeSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('field.address')}>
              <Input maxLength={100} placeholder={t('field.addressHint')} />
            </Form.Item>
          </Col>
          <Divider orientation="left" orientationMargin={0}>{t('field.guardian')}</Divider>
          <Col xs={24} md={8}>
            <Form.Item name="guardianName" label={t('field.guardianName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guardianRelation" label={t('field.guardianRelation')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guardianPhone" label={t('field.guardianPhone')} extra={editing ? keep : undefined} rules={[{ pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') }]}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="needs" label={t('field.needs')} extra={t('field.needsHint')}>
              <Input.TextArea rows={2} maxLength={500} showCount data-testid="care-form-needs" />
            </Form.Item>
            <Form.Item name="riskNotes" label={t('field.riskNotes')} extra={t('field.riskNotesHint')}>
              <Input.TextArea rows={2} maxLength={1000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
