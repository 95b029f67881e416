import { Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { useBehind } from '../partners.queries';
import { MembersTable } from './MembersTable';

/** 未达标在职党员: in-service party members of my area (or a community or street in it) below the yearly minimum, to remind. */
export function BehindPage() {
  const { t } = useTranslation('partners');
  const [regionId, setRegionId] = useState<string | undefined>();
  const behind = useBehind({ regionId });
  return (
    <>
      <PageHeader title={t('menu.behind')} description={behind.data ? t('behind.description', { year: behind.data.year, minimum: behind.data.minimumHours }) : undefined} />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <RegionTreeSelect allowClear value={regionId} onChange={setRegionId} placeholder={t('behind.area')} />
          <span className="lx-muted">{t('behind.count', { count: behind.data?.items.length ?? 0 })}</span>
        </Space>
        <MembersTable members={behind.data?.items} minimumHours={behind.data?.minimumHours ?? 0} loading={behind.isFetching} showUnit canRemind testId="behind-table" />
      </Card>
    </>
  );
}
