import { Form, Input, NoticeBar, Selector, Switch, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { CommunityPicker } from '../../h5/CommunityPicker';
import { noticeFor, questionsFor } from '../categories';
import { needKinds } from '../needs.api';
import { useCategories } from '../needs.queries';
import { CategoryField } from './CategoryField';
import { CountStepper } from './CountStepper';
import { MobileQuestions } from './MobileQuestions';
import { PhotoField } from './PhotoField';
import { SimilarNeeds } from './SimilarNeeds';
import { WantedTimeField } from './WantedTimeField';
import { wantedOver, type Wanted } from './wanted-window';

/**
 * What is needed, in the order a resident thinks: which kind, the category (its notice and similar
 * needs nearby appear as soon as it is chosen), then the words and photos.
 */
export function WhatFields({ onUploading }: { onUploading: (busy: boolean) => void }) {
  const { t } = useTranslation('needs');
  const categories = useCategories().data ?? [];
  const categoryId = (Form.useWatch('category') as string[] | undefined)?.at(-1);
  const regionId = Form.useWatch('regionId') as string | undefined;
  const notice = noticeFor(categories, categoryId);

  return (
    <>
      <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: t('h5.kindRequired') }]}>
        <Selector className="lx-h5-selector" columns={3} options={needKinds.map((k) => ({ value: k, label: t(`kind.${k}`), description: t(`h5.kindHint.${k}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('field.category')} rules={[{ required: true, message: t('categoryRequired') }]}>
        <CategoryField placeholder={t('categoryPlaceholder')} />
      </Form.Item>
      {notice && <NoticeBar content={notice} color="alert" wrap className="lx-h5-notice" />}
      <SimilarNeeds categoryId={categoryId} regionId={regionId} />
      <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }, { min: 2, transform: (v?: string) => v?.trim(), message: t('titleTooShort') }]}>
        <Input maxLength={100} clearable placeholder={t('titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('field.description')} rules={[{ required: true, whitespace: true, message: t('descriptionRequired') }]}>
        <TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="photos" label={t('field.photos')} description={t('h5.photoHint')}>
        <PhotoField onBusyChange={onUploading} />
      </Form.Item>
      <MobileQuestions questions={questionsFor(categories, categoryId)} />
    </>
  );
}

/** Where (the resident's home by default) and when, how many helpers, and public display. */
export function WhereFields({ homeLabel }: { homeLabel: string }) {
  const { t } = useTranslation('needs');
  return (
    <>
      <Form.Item name="regionId" label={t('field.place')} rules={[{ required: true, message: t('regionRequired') }]}>
        <CommunityPicker placeholder={t('common:communityPicker.title')} initialLabel={homeLabel} />
      </Form.Item>
      <Form.Item name="address" label={t('field.address')}>
        <Input maxLength={200} clearable placeholder={t('addressPlaceholder')} />
      </Form.Item>
      <Form.Item name="wanted" label={t('field.wanted')} rules={[{ validator: (_, v?: Wanted) => (wantedOver(v) ? Promise.reject(new Error(t('h5.wantedPast'))) : Promise.resolve()) }]}>
        <WantedTimeField />
      </Form.Item>
      <Form.Item name="slots" label={t('field.slots')} layout="horizontal" childElementPosition="right">
        <CountStepper min={1} max={20} label={t('field.slots')} />
      </Form.Item>
      {/* the public board shows no grievance (it names others): its consent is not asked */}
      <Form.Subscribe to={['kind', 'isPublic']}>
        {({ kind, isPublic }: { kind?: string[]; isPublic?: boolean }) =>
          kind?.[0] === 'grievance' ? null : (
            <>
              <Form.Item name="isPublic" label={t('h5.isPublic')} description={t('h5.isPublicHint')} valuePropName="checked" layout="horizontal" childElementPosition="right">
                <Switch />
              </Form.Item>
              {isPublic && (
                <Form.Item name="boardPhotos" label={t('h5.boardPhotos')} description={t('h5.boardPhotosHint')} valuePropName="checked" layout="horizontal" childElementPosition="right">
                  <Switch />
                </Form.Item>
              )}
            </>
          )
        }
      </Form.Subscribe>
    </>
  );
}
