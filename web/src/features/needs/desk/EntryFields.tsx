import { Cascader, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from '../../../lib/patterns';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { categoryOptions } from '../categories';
import type { ExtraQuestion } from '../categories.api';
import { needKinds, severities, staffChannels } from '../needs.api';
import { useCategories } from '../needs.queries';
import { EntryQuestions } from './EntryQuestions';
import { PhotoUpload } from './PhotoUpload';

const req = (message: string) => [{ required: true, whitespace: true, message }];

/** The entry form's fields; names match the API, so a server field error lands on its field. */
export function EntryFields({ questions }: { questions: ExtraQuestion[] }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories().data ?? [];
  const kind = Form.useWatch('kind');
  const options = (prefix: string, codes: readonly string[]) => codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));

  return (
    <Row gutter={16}>
      <Divider orientation="left" orientationMargin={0}>{t('needs.entry.source')}</Divider>
      <Col span={24}>
        <Form.Item name="channel" label={t('needs.field.channel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={options('needs.channel', staffChannels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="requesterName" label={t('needs.field.requesterName')} rules={req(t('needs.entry.requesterRequired'))}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="requesterPhone" label={t('needs.field.requesterPhone')} rules={[{ pattern: PHONE_PATTERN, message: t('auth.phoneInvalid') }]} extra={t('needs.entry.phoneHint')}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Col>
      <Divider orientation="left" orientationMargin={0}>{t('needs.entry.content')}</Divider>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t('needs.field.kind')} rules={[{ required: true }]}>
          <Radio.Group options={options('needs.kind', needKinds)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="category" label={t('needs.field.category')} rules={[{ required: true, message: t('needs.categoryRequired') }]}>
          <Cascader options={categoryOptions(categories, i18n.language)} placeholder={t('needs.categoryPlaceholder')} />
        </Form.Item>
      </Col>
      {kind === 'grievance' && (
        <Col span={24}>
          <Form.Item name="severity" label={t('needs.field.severity')} extra={t('needs.severityHint')}>
            <Radio.Group optionType="button" options={options('needs.severity', severities)} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="title" label={t('needs.field.title')} rules={[...req(t('needs.titleRequired')), { min: 2, message: t('needs.titleTooShort') }]}>
          <Input maxLength={100} showCount placeholder={t('needs.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('needs.field.description')} rules={req(t('needs.descriptionRequired'))}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('needs.descriptionPlaceholder')} />
        </Form.Item>
        <EntryQuestions questions={questions} />
        <Form.Item name="photos" label={t('needs.field.photos')}>
          <PhotoUpload />
        </Form.Item>
      </Col>
      <Divider orientation="left" orientationMargin={0}>{t('needs.entry.placeTime')}</Divider>
      <Col xs={24} md={12}>
        <Form.Item name="regionId" label={t('needs.field.region')} rules={[{ required: true, message: t('needs.regionRequired') }]} extra={t('needs.entry.regionHint')}>
          <RegionTreeSelect style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('needs.field.address')}>
          <Input maxLength={200} placeholder={t('needs.addressPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="wanted" label={t('needs.field.wanted')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="slots" label={t('needs.field.slots')}>
          <InputNumber min={1} max={20} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="isPublic" label={t('needs.field.isPublic')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}
