import { Button, Form, NavBar, Result, Toast } from 'antd-mobile';
import type { ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isStaff } from '../../../lib/roles';
import { tryLocate } from '../../../lib/geolocation';
import { useBack } from '../../../lib/use-back';
import { useMe } from '../../auth/session';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { needKinds, type NeedKind } from '../needs.api';
import { useCreateNeed } from '../needs.queries';
import { forget, isTransient, keep } from './need-outbox';
import { WaitingNeedsNotice } from './WaitingNeedsNotice';
import { answersOf } from '../questions';
import { WhatFields, WhereFields } from './PostFields';
import { VisitFields, type VisitValues } from './VisitFields';
import { photoIds } from './PhotoField';
import { wantedFields, wantedWindow, type Wanted } from './wanted-window';
import './needs-h5.css';
import { scrollToFirstError } from '../../h5/first-error';

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
  boardPhotos?: boolean;
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
  // kept on the phone for want of a connection: this page (already loaded) says so, no other is fetched
  const [keptOffline, setKeptOffline] = useState(false);

  const staff = isStaff(account.roles);
  // ?kind=microWish: opened from the public board's wish wall (许个心愿)
  const [params] = useSearchParams();
  const presetKind = needKinds.find((k) => k === params.get('kind')) ?? 'serviceRequest';
  const submit = async (v: PostValues) => {
    // kept on the phone first, under the key every attempt will carry: no signal loses nothing
    const waiting = keep(account.id, {
      // a grid worker on a door visit records it for the resident, with the channel and where they stand
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
      isPublic: v.kind[0] !== 'grievance' && v.isPublic,
      boardPhotos: v.kind[0] !== 'grievance' && v.isPublic && Boolean(v.boardPhotos),
    });
    create.mutate(
      { ...waiting.body, idempotencyKey: waiting.key },
      {
        onSuccess: (need) => {
          forget(waiting.key);
          Toast.show({ icon: 'success', content: t('h5.posted') });
          navigate(`/h5/needs/${need.id}`, { replace: true });
        },
        onError: (error) => {
          if (isTransient(error)) {
            setKeptOffline(true);
            return;
          }
          forget(waiting.key);
          report(error, form, wantedFields);
        },
      },
    );
  };

  if (keptOffline) {
    return (
      <div className="lx-h5-page" data-testid="h5-need-kept">
        <NavBar onBack={back}>{t('h5.postTitle')}</NavBar>
        <WaitingNeedsNotice accountId={account.id} />
        <Result status="waiting" title={t('h5.keptTitle')} description={t('h5.savedOffline')} />
        <div className="lx-h5-actions">
          <Button block color="primary" size="large" onClick={() => navigate('/h5', { replace: true })}>
            {t('h5.backHome')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="lx-h5-page" data-testid="h5-need-post">
      <NavBar onBack={back}>{t(staff ? 'h5.visitTitle' : 'h5.postTitle')}</NavBar>
      <Form
        form={form}
        mode="card"
        layout="vertical"
        initialValues={{ kind: [presetKind], regionId: account.regionId, slots: 1, isPublic: false, wanted: { period: 'any' }, channel: ['visit'] }}
        onFinish={(v) => void submit(v)}
        onFinishFailed={scrollToFirstError}
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
