import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ID_NUMBER_PATTERN, PHONE_PATTERN } from '../../lib/patterns';
import { grantableRoles, type RoleCode } from '../../lib/roles';
import { useCredentialRules } from '../auth/credential-rules';
import { useMe } from '../auth/session';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';

export type AccountFormValues = {
  phone?: string;
  password?: string;
  name: string;
  roles: RoleCode[];
  regionId: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthYear?: number;
  skills?: string[];
};

/** The account form's fields; names match the API so server field errors land on the right one. */
export function AccountFormFields({ creating, maskedIdNumber }: { creating: boolean; maskedIdNumber: string | null }) {
  const { t } = useTranslation('accounts');
  const me = useMe();
  const credentials = useCredentialRules();
  const roleOptions = grantableRoles(me.account.roles).map((r) => ({ value: r, label: t(`common:roles.${r}`) }));

  return (
    <Row gutter={16}>
      {creating && (
        <Col span={12}>
          <Form.Item name="phone" label={t('common:field.phone')} rules={[{ required: true, message: t('common:field.phoneRequired') }, { pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Col>
      )}
      <Col span={12}>
        <Form.Item name="name" label={t('common:field.name')} rules={[{ required: true, whitespace: true, message: t('common:field.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="roles" label={t('common:field.roles')} rules={[{ required: true, message: t('rolesRequired') }]} extra={t('rolesHint')}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="regionId" label={t('field.region')} rules={[{ required: true, message: t('regionRequired') }]}>
          <RegionTreeSelect style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="idNumber"
          label={t('field.idNumber')}
          rules={[{ pattern: ID_NUMBER_PATTERN, message: t('idNumberInvalid') }]}
          extra={maskedIdNumber ? t('idNumberKeep', { masked: maskedIdNumber }) : undefined}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="gender" label={t('field.gender')}>
          <Radio.Group options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="birthYear" label={t('field.birthYear')}>
          <InputNumber min={1900} max={2030} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="skills" label={t('field.skills')} extra={t('skillsHint')}>
          <Select mode="tags" maxCount={20} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      {creating && (
        <Col span={24}>
          <Form.Item name="password" label={t('field.initialPassword')} extra={t('initialPasswordHint')} rules={credentials.optionalPassword}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
