import { Cascader, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import dayjs from 'dayjs';
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
  const { t, i18n } = useTranslation('needs');
  const categories = useCategories().data ?? [];
  const kind = Form.useWatch('kind');
  const isPublic = Form.useWatch('isPublic');

  return (
    <Row gutter={16}>
      <Divider orientation="left" orientationMargin={0}>{t('entry.source')}</Divider>
      <Col span={24}>
        <Form.Item name="channel" label={t('field.channel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={staffChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="requesterName" label={t('field.requesterName')} rules={req(t('entry.requesterRequired'))}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="requesterPhone" label={t('field.requesterPhone')} rules={[{ pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') }]} extra={t('entry.phoneHint')}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Col>
      <Divider orientation="left" orientationMargin={0}>{t('entry.content')}</Divider>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
          <Radio.Group options={needKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="category" label={t('field.category')} rules={[{ required: true, message: t('categoryRequired') }]}>
          <Cascader options={categoryOptions(categories, i18n.language)} placeholder={t('categoryPlaceholder')} />
        </Form.Item>
      </Col>
      {kind === 'grievance' && (
        <Col span={24}>
          <Form.Item name="severity" label={t('field.severity')} extra={t('severityHint')}>
            <Radio.Group optionType="button" options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="title" label={t('field.title')} rules={[...req(t('titleRequired')), { min: 2, message: t('titleTooShort') }]}>
          <Input maxLength={100} showCount placeholder={t('titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')} rules={req(t('descriptionRequired'))}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('descriptionPlaceholder')} />
        </Form.Item>
        <EntryQuestions questions={questions} />
        <Form.Item name="photos" label={t('field.photos')}>
          <PhotoUpload />
        </Form.Item>
      </Col>
      <Divider orientation="left" orientationMargin={0}>{t('entry.placeTime')}</Divider>
      <Col xs={24} md={12}>
        <Form.Item name="regionId" label={t('field.region')} rules={[{ required: true, message: t('regionRequired') }]} extra={t('entry.regionHint')}>
          <RegionTreeSelect style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} placeholder={t('addressPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="wanted" label={t('field.wanted')}>
          {/* a day already over cannot be wanted (the server refuses a window that has ended) */}
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} disabledDate={(day) => day.isBefore(dayjs().startOf('day'))} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="slots" label={t('field.slots')}>
          <InputNumber min={1} max={20} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {/* asked of the caller on their behalf; the board shows no grievance (it names others) */}
      {kind !== 'grievance' && (
        <Col xs={12} md={6}>
          <Form.Item name="isPublic" label={t('field.isPublic')} tooltip={t('h5.isPublicHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
      {kind !== 'grievance' && isPublic && (
        <Col xs={12} md={6}>
          <Form.Item name="boardPhotos" label={t('h5.boardPhotos')} tooltip={t('h5.boardPhotosHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
