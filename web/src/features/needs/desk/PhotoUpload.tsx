import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoName, shrinkPhoto } from '../../../lib/compress-image';
import { fileUrl, needsApi } from '../needs.api';

const MAX_PHOTOS = 9;

type Props = { value?: string[]; onChange?: (ids: string[]) => void };

/** Photos for a need, uploaded one by one as they are picked; the form holds the file ids. */
export function PhotoUpload({ onChange }: Props) {
  const { t } = useTranslation('needs');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const publish = (list: UploadFile[]) => {
    setFiles(list);
    onChange?.(list.flatMap((f) => (f.status === 'done' && typeof f.response?.id === 'string' ? [f.response.id as string] : [])));
  };

  return (
    <Upload
      accept="image/*"
      listType="picture-card"
      multiple
      fileList={files}
      maxCount={MAX_PHOTOS}
      onChange={({ fileList }) => publish(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const picked = file as File;
        shrinkPhoto(picked)
          .then((blob) => needsApi.uploadImage(blob, photoName(picked, blob)))
          .then((stored) => onSuccess?.({ ...stored, url: fileUrl(stored.id) }))
          .catch((error: Error) => onError?.(error));
      }}
    >
      {files.length < MAX_PHOTOS && (
        <div>
          <PlusOutlined />
          <div className="lx-upload-label">{t('photoAdd')}</div>
        </div>
      )}
    </Upload>
  );
}
