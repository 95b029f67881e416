import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { photoName, shrinkPhoto } from '../../../lib/compress-image';
import { fileUrl, needsApi } from '../needs.api';

const MAX_PHOTOS = 9;

type Props = {
  value?: ImageUploadItem[];
  onChange?: (items: ImageUploadItem[]) => void;
  /** Told while photos are still uploading, so the form can wait before it submits. */
  onBusyChange?: (busy: boolean) => void;
};

/**
 * Photos straight from the phone camera (or the album): each is shrunk, uploaded at once and shown
 * as a thumbnail that can be removed. An item's `key` is the stored file's id.
 */
export function PhotoField({ value = [], onChange, onBusyChange }: Props) {
  const { t } = useTranslation('needs');
  return (
    <ImageUploader
      value={value}
      onChange={onChange}
      accept="image/*"
      capture="environment"
      multiple
      maxCount={MAX_PHOTOS}
      onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === 'pending'))}
      onCountExceed={(n) => Toast.show(t('h5.photoLimit', { max: MAX_PHOTOS, extra: n }))}
      upload={async (file) => {
        const blob = await shrinkPhoto(file);
        const stored = await needsApi.uploadImage(blob, photoName(file, blob));
        return { key: stored.id, url: fileUrl(stored.id) };
      }}
    />
  );
}

/** The file ids of uploaded photos, for the API. */
export const photoIds = (items: ImageUploadItem[] | undefined) => (items ?? []).map((i) => String(i.key));
