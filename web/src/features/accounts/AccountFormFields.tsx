import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ID_NUMBER_PATTERN, PHONE_PATTERN } from '../../lib/patterns';
import { grantableRoles } from '../../lib/roles';
import { useMe } from '../auth/session';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';

export type AccountFormValues = {
  phone?: string;
  password?: string;
  name: string;
  roles: string[];
  regionId: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthYear?: number;
  skills?: string[];
};

/** The account form's fields; names match the API so server field errors land on the right one. */
export function AccountFormFields({ creating, maskedIdNumber }: { creating: boolean; maskedIdNumber: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const roleOptions = grantableRoles(me.account.roles).map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <Row gutter={16}>
      {creating && (
        <Col span={12}>
          <Form.Item name="phone" label={t('accounts.field.phone')} rules={[{ required: true, message: t('auth.phoneRequired') }, { pattern: PHONE_PATTERN, message: t('auth.phoneInvalid') }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Col>
      )}
      <Col span={12}>
        <Form.Item name="name" label={t('accounts.field.name')} rules={[{ required: true, whitespace: true, message: t('accounts.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="roles" label={t('accounts.field.roles')} rules={[{ required: true, message: t('accounts.rolesRequired') }]} extra={t('accounts.rolesHint')}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="regionId" label={t('accounts.field.region')} rules={[{ required: true, message: t('accounts.regionRequired') }]}>
          <RegionTreeSelect style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="idNumber"
          label={t('accounts.field.idNumber')}
          rules={[{ pattern: ID_NUMBER_PATTERN, message: t('accounts.idNumberInvalid') }]}
          extra={maskedIdNumber ? t('accounts.idNumberKeep', { masked: maskedIdNumber }) : undefined}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="gender" label={t('accounts.field.gender')}>
          <Radio.Group options={['male', 'female'].map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="birthYear" label={t('accounts.field.birthYear')}>
          <InputNumber min={1900} max={2030} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="skills" label={t('accounts.field.skills')} extra={t('accounts.skillsHint')}>
          <Select mode="tags" maxCount={20} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      {creating && (
        <Col span={24}>
          <Form.Item name="password" label={t('accounts.field.initialPassword')} extra={t('accounts.initialPasswordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
