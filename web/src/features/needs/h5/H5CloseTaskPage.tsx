import { Button, Form, NavBar, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useBack } from '../../../lib/use-back';
import { tryLocate } from '../../../lib/geolocation';
import { needErrorText } from '../needs.format';
import { useCategories, useNeedAction, useNeedDetail } from '../needs.queries';
import { PhotoField, photoIds } from './PhotoField';
import './needs-h5.css';
import { scrollToFirstError } from '../../h5/first-error';

type Values = { summary: string; photos?: ImageUploadItem[] };

/** 结单: the volunteer records what was done, with photos (纪实) unless the category waives them. */
export function H5CloseTaskPage() {
  const { t } = useTranslation('needs');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const back = useBack(`/h5/needs/${id}`);
  const [form] = Form.useForm<Values>();
  const need = useNeedDetail(id).data;
  const category = (useCategories().data ?? []).find((c) => c.id === need?.categoryId);
  // the server's rule: photos are required unless the category explicitly says otherwise
  const photosRequired = category?.photoRequiredOnClose !== false;
  const complete = useNeedAction(id);
  const [uploading, setUploading] = useState(false);

  const submit = async (v: Values) => {
    const point = await tryLocate(2000);
    complete.mutate(
      { action: 'complete', body: { summary: v.summary.trim(), photos: photoIds(v.photos), ...point } },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('h5.done.complete') });
          navigate(`/h5/needs/${id}`, { replace: true });
        },
        onError: (error) => {
          if (isApiError(error) && (error.field === 'photos' || error.field === 'summary')) form.setFields([{ name: error.field, errors: [error.message] }]);
          else Toast.show({ icon: 'fail', content: needErrorText(error, t) });
        },
      },
    );
  };

  return (
    <div className="lx-h5-page" data-testid="h5-close-task">
      <NavBar onBack={back}>{t('h5.closeTitle')}</NavBar>
      {need && <div className="lx-h5-close-for">{t('h5.closeFor', { title: need.title })}</div>}
      <Form
        form={form}
        mode="card"
        layout="vertical"
        onFinish={(v: Values) => void submit(v)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={complete.isPending} disabled={uploading} data-testid="close-submit">
            {t('h5.closeSubmit')}
          </Button>
        }
      >
        <Form.Item name="summary" label={t('field.summary')} rules={[{ required: true, whitespace: true, message: t('h5.summaryRequired') }]}>
          <TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('h5.summaryPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="photos"
          label={photosRequired ? t('field.photos') : t('h5.photosOptional')}
          description={t('h5.closePhotoHint')}
          rules={photosRequired ? [{ required: true, type: 'array', min: 1, message: t('h5.photoRequired') }] : []}
        >
          <PhotoField onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </div>
  );
}
