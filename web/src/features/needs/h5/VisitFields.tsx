import { Form, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { NeedChannel } from '../needs.api';

/** The channels a need is heard on away from the desk: a door visit first. */
const phoneChannels = ['visit', 'hotline', 'wishWall'] as const satisfies readonly NeedChannel[];

export type VisitValues = { channel: NeedChannel[]; requesterName: string; requesterPhone?: string };

/** 代录 on a visit: who asked (the resident met at the door) and how it was heard. */
export function VisitFields() {
  const { t } = useTranslation('needs');
  return (
    <>
      <Form.Item name="channel" label={t('field.channel')} rules={[{ required: true, message: t('h5.channelRequired') }]}>
        <Selector className="lx-h5-selector" columns={3} options={phoneChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="requesterName" label={t('field.requesterName')} rules={[{ required: true, whitespace: true, message: t('h5.requesterRequired') }]}>
        <Input maxLength={50} clearable placeholder={t('h5.requesterPlaceholder')} data-testid="visit-requester" />
      </Form.Item>
      <Form.Item name="requesterPhone" label={t('field.requesterPhone')} rules={[{ pattern: /^1\d{10}$/, message: t('h5.phoneInvalid') }]}>
        <Input type="tel" maxLength={11} clearable placeholder={t('h5.requesterPhonePlaceholder')} />
      </Form.Item>
    </>
  );
}
