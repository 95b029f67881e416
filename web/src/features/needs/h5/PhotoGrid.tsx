import { Image, ImageViewer } from 'antd-mobile';
import { fileUrl } from '../needs.api';

/** Square thumbnails; a tap opens them full screen, swipeable. */
export function PhotoGrid({ ids, small = false }: { ids: string[]; small?: boolean }) {
  if (ids.length === 0) return null;
  const urls = ids.map(fileUrl);
  return (
    <div className={small ? 'lx-h5-photos lx-h5-photos-small' : 'lx-h5-photos'}>
      {urls.map((url, i) => (
        <Image key={url} src={url} fit="cover" className="lx-h5-photo" onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })} />
      ))}
    </div>
  );
}
