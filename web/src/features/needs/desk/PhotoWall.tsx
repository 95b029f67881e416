import { Image, Space } from 'antd';
import { fileUrl } from '../needs.api';

/** Thumbnails that open a full-size viewer; ids are file ids served by GET /api/files/:id. */
export function PhotoWall({ ids, size = 96 }: { ids: string[]; size?: number }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} className="lx-photo-wall">
        {ids.map((id) => (
          <Image key={id} src={fileUrl(id)} width={size} height={size} className="lx-photo" />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
