import { Button, Form, ImageUploader, Input, Selector, Switch, Toast, type ImageUploadItem } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/api';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoName, shrinkPhoto } from '../../../lib/compress-image';
import { fileUrl, needsApi } from '../../needs/needs.api';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { politicalStatuses, volunteersApi, type Application, type MyRegistration, type PoliticalStatus } from '../volunteers.api';
import { volunteerKeys } from '../volunteers.queries';
import { scrollToFirstError } from '../../h5/first-error';

/** Skills offered as chips (the community's common needs); anything else can be typed. */
const commonSkills = ['陪伴聊天', '助餐送餐', '陪诊就医', '家电维修', '水电维修', '理发', '课业辅导', '法律咨询', '心理疏导', '医疗护理', '卫生清洁', '政策宣传', '文艺演出', '摄影宣传', '驾驶'];
/** Times of day offered for each chosen weekday. */
const slots = { morning: ['08:30', '11:30'], afternoon: ['14:00', '17:00'], evening: ['19:00', '21:00'] } as const;
type Slot = keyof typeof slots;
const radii = [500, 1000, 1500, 3000, 5000];

type Values = {
  politicalStatus: PoliticalStatus[];
  inService: boolean;
  workUnit?: string;
  workUnitId?: string[];
  skills: string[];
  otherSkills?: string;
  days: string[];
  slots: Slot[];
  radius: string[];
  gender?: ('male' | 'female')[];
  birthYear?: string;
  idNumber?: string;
  photo?: ImageUploadItem[];
};

/** What the form starts from: the pending application being changed, or sensible defaults. */
function initialValues(mine: MyRegistration | undefined): Partial<Values> {
  const v = mine?.volunteer;
  const days = [...new Set(v?.availability.map((w) => String(w.weekday)) ?? ['6'])];
  const chosen = (Object.keys(slots) as Slot[]).filter((s) => v?.availability.some((w) => w.from === slots[s][0]));
  return {
    politicalStatus: [v?.politicalStatus ?? 'masses'],
    inService: v?.inService ?? false,
    workUnit: v?.workUnitId ? undefined : (v?.workUnit ?? undefined),
    workUnitId: v?.workUnitId ? [v.workUnitId] : [],
    skills: v?.skills.filter((s) => commonSkills.includes(s)) ?? [],
    otherSkills: v?.skills.filter((s) => !commonSkills.includes(s)).join('、') || undefined,
    days,
    slots: chosen.length ? chosen : ['morning'],
    radius: [String(v?.serviceRadiusM ?? 1000)],
    gender: v?.gender ? [v.gender as 'male' | 'female'] : undefined,
    birthYear: v?.birthYear ? String(v.birthYear) : undefined,
    photo: v?.photoFileId ? [{ key: v.photoFileId, url: fileUrl(v.photoFileId) }] : [],
  };
}

function toApplication(v: Values): Application {
  const skills = [...v.skills, ...(v.otherSkills ?? '').split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean)];
  return {
    politicalStatus: v.politicalStatus[0] ?? 'masses',
    inService: v.inService,
    // a registered unit (共建单位) is chosen; a unit not registered is typed
    workUnitId: v.inService && v.workUnitId?.[0] ? v.workUnitId[0] : null,
    workUnit: v.inService && !v.workUnitId?.[0] ? v.workUnit?.trim() : null,
    skills: [...new Set(skills)].slice(0, 20),
    availability: v.days.flatMap((d) => v.slots.map((s) => ({ weekday: Number(d), from: slots[s][0], to: slots[s][1] }))),
    serviceRadiusM: Number(v.radius[0] ?? 1000),
    photoFileId: v.photo?.[0] ? String(v.photo[0].key) : null,
    gender: v.gender?.[0],
    birthYear: v.birthYear ? Number(v.birthYear) : undefined,
    idNumber: v.idNumber?.trim() ? v.idNumber.trim().toUpperCase() : undefined,
  };
}

/** 申请成为志愿者: in big chips rather than typing, so an older resident can fill it in on the phone. */
export function ApplicationForm({ mine, onDone }: { mine: MyRegistration | undefined; onDone: () => void }) {
  const { t } = useTranslation('volunteers');
  const [form] = Form.useForm<Values>();
  const report = useMobileErrorReporter();
  const queryClient = useQueryClient();
  const [inService, setInService] = useState(mine?.volunteer?.inService ?? false);
  const [unitChosen, setUnitChosen] = useState(Boolean(mine?.volunteer?.workUnitId));
  const units = useQuery({ queryKey: ['partner-units', 'options'], queryFn: () => api.get('/api/partner-units/options'), enabled: inService });
  const apply = useMutation({
    mutationFn: (v: Values) => volunteersApi.apply(toApplication(v)),
    onSuccess: (registration) => {
      queryClient.setQueryData(volunteerKeys.mine, registration);
      Toast.show({ icon: 'success', content: t('h5.applied') });
      onDone();
    },
    onError: (e) => report(e, form),
  });
  const days = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ value: String(d), label: t(`weekdayShort.${d}`) }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(mine)}
      onFinish={(v) => apply.mutate(v)}
      onFinishFailed={scrollToFirstError}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.inService !== undefined) setInService(changed.inService);
        if (changed.workUnitId !== undefined) setUnitChosen(changed.workUnitId.length > 0);
      }}
      footer={
        <Button block type="submit" color="primary" size="large" loading={apply.isPending} data-testid="apply-submit">
          {mine?.volunteer?.status === 'applied' ? t('h5.update') : t('h5.submit')}
        </Button>
      }
    >
      <Form.Header>{t('h5.formHeader')}</Form.Header>
      <Form.Item name="politicalStatus" label={t('field.politicalStatus')} rules={[{ required: true }]}>
        <Selector columns={2} options={politicalStatuses.map((p) => ({ value: p, label: t(`political.${p}`) }))} data-testid="apply-political" />
      </Form.Item>
      <Form.Item name="inService" label={t('field.inServiceQuestion')} valuePropName="checked" help={t('h5.inServiceHint')}>
        <Switch data-testid="apply-in-service" />
      </Form.Item>
      {inService && (units.data?.length ?? 0) > 0 && (
        <Form.Item name="workUnitId" label={t('field.registeredUnit')} help={t('h5.registeredUnitHint')}>
          <Selector columns={2} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      )}
      {inService && !unitChosen && (
        <Form.Item name="workUnit" label={t('field.workUnit')} rules={[{ required: true, message: t('h5.workUnitRequired') }]}>
          <Input maxLength={100} clearable placeholder={t('h5.workUnitPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="skills" label={t('field.skills')}>
        <Selector multiple columns={3} options={commonSkills.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="otherSkills" label={t('field.otherSkills')}>
        <Input maxLength={100} clearable placeholder={t('h5.otherSkillsPlaceholder')} />
      </Form.Item>
      <Form.Item name="days" label={t('field.days')} rules={[{ required: true, message: t('h5.daysRequired') }]}>
        <Selector multiple columns={4} options={days} />
      </Form.Item>
      <Form.Item name="slots" label={t('field.slots')} rules={[{ required: true, message: t('h5.slotsRequired') }]}>
        <Selector multiple columns={3} options={(Object.keys(slots) as Slot[]).map((s) => ({ value: s, label: t(`slot.${s}`, { from: slots[s][0], to: slots[s][1] }) }))} />
      </Form.Item>
      <Form.Item name="radius" label={t('field.radius')} rules={[{ required: true }]}>
        <Selector columns={3} options={radii.map((m) => ({ value: String(m), label: t('radiusValue', { m }) }))} />
      </Form.Item>
      <Form.Item name="gender" label={t('field.gender')}>
        <Selector columns={2} options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
      </Form.Item>
      <Form.Item name="birthYear" label={t('field.birthYear')} rules={[{ pattern: /^(19[2-9]\d|20[01]\d|2020)$/, message: t('h5.birthYearRule') }]}>
        <Input type="number" inputMode="numeric" maxLength={4} clearable />
      </Form.Item>
      <Form.Item name="idNumber" label={t('field.idNumberOptional')} help={t('h5.idNumberHint')} rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('h5.idNumberRule') }]}>
        <Input maxLength={18} clearable autoComplete="off" />
      </Form.Item>
      <Form.Item name="photo" label={t('field.photo')}>
        <ImageUploader
          accept="image/*"
          maxCount={1}
          upload={async (file) => {
            const blob = await shrinkPhoto(file);
            const stored = await needsApi.uploadImage(blob, photoName(file, blob));
            return { key: stored.id, url: fileUrl(stored.id) };
          }}
        />
      </Form.Item>
    </Form>
  );
}
