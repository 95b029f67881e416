import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

type Props = { title: string; hint: string; disabled: boolean; onFile: (file: File) => void; testId: string };

/**
 * Where an Excel import's sheet is dropped or picked (.xlsx only): the file goes to `onFile` and never
 * to antd's own uploader, so the import's request carries it as the API expects.
 */
export function SheetDropZone({ title, hint, disabled, onFile, testId }: Props) {
  return (
    <Upload.Dragger
      accept=".xlsx"
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{title}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
