import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isoToWallClock, wallClockToIso } from '../../../lib/time';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import type { Activity, ActivityPatch, NewActivity } from '../activities.api';
import { useCategoryOptions } from '../activities.format';

type Values = {
  title: string;
  description?: string;
  categoryCode: string;
  place: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  period: [Dayjs, Dayjs];
  capacity: number;
  themed?: boolean;
  regionId?: string;
  repeat?: 'none' | 'weekly' | 'monthly';
  weekdays?: number[];
  until?: Dayjs;
  publish?: boolean;
  applyTo?: 'this' | 'future';
};

type Props = { activity: Activity | null; loading: boolean; onCancel: () => void; onCreate: (body: NewActivity) => void; onUpdate: (body: ActivityPatch) => void };

/** Schedule an activity (one-off, weekly on chosen days, or monthly on the themed days 15th and 28th), or edit one. */
export function ActivityFormModal({ activity, loading, onCancel, onCreate, onUpdate }: Props) {
  const { t } = useTranslation('activities');
  const [form] = Form.useForm<Values>();
  const categories = useCategoryOptions();
  const repeat = Form.useWatch('repeat', form);

  const submit = (v: Values) => {
    const common = {
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      categoryCode: v.categoryCode,
      place: v.place.trim(),
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      radiusM: v.radiusM ?? null,
      startsAt: wallClockToIso(v.period[0]),
      endsAt: wallClockToIso(v.period[1]),
      capacity: v.capacity,
      themed: v.themed ?? false,
    };
    if (activity) return onUpdate({ ...common, applyTo: v.applyTo ?? 'this' });
    const until = v.until?.format('YYYY-MM-DD');
    const recurrence =
      v.repeat === 'weekly' && until ? { kind: 'weekly' as const, weekdays: v.weekdays ?? [], until } : v.repeat === 'monthly' && until ? { kind: 'monthly' as const, days: [15, 28], until } : undefined;
    onCreate({ ...common, regionId: v.regionId, recurrence, publish: v.publish ?? false });
  };

  const initial: Partial<Values> = activity
    ? {
        title: activity.title,
        description: activity.description,
        categoryCode: activity.categoryCode,
        place: activity.place,
        lat: activity.lat,
        lng: activity.lng,
        radiusM: activity.radiusM,
        period: [isoToWallClock(activity.startsAt), isoToWallClock(activity.endsAt)],
        capacity: activity.capacity,
        themed: activity.themed,
        applyTo: 'this',
      }
    : { capacity: 20, repeat: 'none', publish: true, weekdays: [6] };

  return (
    <Modal open width={640} title={t(activity ? 'form.edit' : 'form.create')} okText={t('common:save')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('form.fillField', { field: t('field.title') }) }]}>
          <Input maxLength={100} data-testid="activity-title" />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('field.category')} rules={[{ required: true, message: t('form.chooseField', { field: t('field.category') }) }]}>
          <Select options={categories} data-testid="activity-category" />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="place" label={t('field.place')} rules={[{ required: true, whitespace: true, message: t('form.fillField', { field: t('field.place') }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Input.Group compact>
          <Form.Item name="lat" label={t('field.lat')} style={{ width: '33%' }}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lng" label={t('field.lng')} style={{ width: '33%' }}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="radiusM" label={t('field.radius')} style={{ width: '34%' }}>
            <InputNumber min={10} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Input.Group>
        <Form.Item name="period" label={t('field.time')} rules={[{ required: true, message: t('form.chooseField', { field: t('field.time') }) }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="capacity" label={t('field.capacity')} rules={[{ required: true, message: t('form.fillField', { field: t('field.capacity') }) }]}>
          <InputNumber min={1} max={5000} />
        </Form.Item>
        <Form.Item name="themed" label={t('field.themed')} valuePropName="checked" extra={t('form.themedHint')}>
          <Switch />
        </Form.Item>
        {activity ? (
          activity.seriesId && (
            <Form.Item name="applyTo" label={t('form.applyTo')}>
              <Radio.Group options={(['this', 'future'] as const).map((v) => ({ value: v, label: t(`form.applyTo_${v}`) }))} />
            </Form.Item>
          )
        ) : (
          <>
            <Form.Item name="regionId" label={t('field.organiser')} extra={t('form.organiserHint')}>
              <RegionTreeSelect allowClear />
            </Form.Item>
            <Form.Item name="repeat" label={t('form.repeat')}>
              <Radio.Group options={(['none', 'weekly', 'monthly'] as const).map((v) => ({ value: v, label: t(`form.repeat_${v}`) }))} />
            </Form.Item>
            {repeat === 'weekly' && (
              <Form.Item name="weekdays" label={t('form.weekdays')} rules={[{ required: true, message: t('form.chooseField', { field: t('form.weekdays') }) }]}>
                <Checkbox.Group options={([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
              </Form.Item>
            )}
            {repeat && repeat !== 'none' && (
              <Form.Item name="until" label={t('form.until')} rules={[{ required: true, message: t('form.chooseField', { field: t('form.until') }) }]}>
                <DatePicker />
              </Form.Item>
            )}
            <Form.Item name="publish" label={t('form.publish')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
