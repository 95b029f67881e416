import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionTypeColor } from '../../lib/regions';

export function RegionTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={regionTypeColor[type] ?? 'default'} bordered={false} className="lx-region-type" data-region-type={type}>
      {t(`regionType.${type}`, { defaultValue: type })}
    </Tag>
  );
}
