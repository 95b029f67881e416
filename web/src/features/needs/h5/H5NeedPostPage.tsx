import { Button, Form, NavBar, Toast } from 'antd-mobile';
import type { ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isStaff } from '../../../lib/roles';
import { tryLocate } from '../../../lib/geolocation';
import { useBack } from '../../../lib/use-back';
import { useMe } from '../../auth/session';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import type { NeedKind } from '../needs.api';
import { useCreateNeed } from '../needs.queries';
import { answersOf } from '../questions';
import { WhatFields, WhereFields } from './PostFields';
import { VisitFields, type VisitValues } from './VisitFields';
import { photoIds } from './PhotoField';
import { wantedWindow, type Wanted } from './WantedTimeField';
import './needs-h5.css';

export type PostValues = {
  kind: NeedKind[];
  category?: string[];
  title: string;
  description: string;
  photos?: ImageUploadItem[];
  answers?: Record<string, string | string[]>;
  regionId: string;
  address?: string;
  wanted?: Wanted;
  slots: number;
  isPublic: boolean;
} & Partial<VisitValues>;

/**
 * 我要点单: a resident tells the community what they need, from their phone. Staff use the same form
 * to record a need for someone (代录) on a door visit, the hotline or the wish wall: who asked and how,
 * and where the phone stands when it is sent (the place of the visit).
 */
export function H5NeedPostPage() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const back = useBack('/h5');
  const { account, scope } = useMe();
  // written the way the place picker writes a choice: every level below the district
  const homeLabel = scope.path?.filter((n) => n.type !== 'district').map((n) => n.name).join(' / ') || (account.regionName ?? '');
  const [form] = Form.useForm<PostValues>();
  const report = useMobileErrorReporter();
  const create = useCreateNeed();
  const [uploading, setUploading] = useState(false);

  const staff = isStaff(account.roles);
  const submit = async (v: PostValues) =>
    create.mutate(
      {
        ...(staff ? { channel: v.channel?.[0] ?? 'visit', requesterName: v.requesterName?.trim(), requesterPhone: v.requesterPhone || undefined, ...(await tryLocate()) } : {}),
        kind: v.kind[0] ?? 'serviceRequest',
        categoryId: v.category?.at(-1) ?? '',
        title: v.title.trim(),
        description: v.description.trim(),
        photos: photoIds(v.photos),
        answers: answersOf(v.answers),
        regionId: v.regionId,
        address: v.address?.trim() || undefined,
        ...wantedWindow(v.wanted),
        slots: v.slots,
        isPublic: v.isPublic,
      },
      {
        onSuccess: (need) => {
          Toast.show({ icon: 'success', content: t('h5.posted') });
          navigate(`/h5/needs/${need.id}`, { replace: true });
        },
        onError: (error) => report(error, form),
      },
    );

  return (
    <div className="lx-h5-page" data-testid="h5-need-post">
      <NavBar onBack={back}>{t(staff ? 'h5.visitTitle' : 'h5.postTitle')}</NavBar>
      <Form
        form={form}
        mode="card"
        layout="vertical"
        initialValues={{ kind: ['serviceRequest'], regionId: account.regionId, slots: 1, isPublic: false, wanted: { period: 'any' }, channel: ['visit'] }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={create.isPending} disabled={uploading} data-testid="need-post-submit">
            {t('h5.submit')}
          </Button>
        }
      >
        {staff && <Form.Header>{t('h5.visitHeader')}</Form.Header>}
        {staff && <VisitFields />}
        <Form.Header>{t('h5.whatHeader')}</Form.Header>
        <WhatFields onUploading={setUploading} />
        <Form.Header>{t('h5.whereHeader')}</Form.Header>
        <WhereFields homeLabel={homeLabel} />
      </Form>
    </div>
  );
}
