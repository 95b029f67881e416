import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { saveFile } from '../../../lib/save-file';
import { formatDate } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { conditionColor, conditions, kindName, type Condition, type NewRecipient, type RecipientRow } from '../care.api';
import { careApi } from '../care.api';
import { ageOf, daysSince, sinceText } from '../care.format';
import { careKeys, useCareTypes, useRecipients } from '../care.queries';
import { ImportCareDialog } from './ImportCareDialog';
import { RecipientFormModal } from './RecipientFormModal';

const ADMINS = ['communityAdmin', 'streetAdmin', 'districtAdmin'];
/** A person not seen for this long is flagged on the list (and the filter asks for them). */
const LAPSED_DAYS = 30;
/** The pairing's name by how many look after the person (一对一, 二对一 …). */
const pairingModes = ['none', 'oneToOne', 'twoToOne', 'threeToOne'] as const;

/** The last visit: how long ago, and what was found. */
export function LastVisit({ at, condition }: { at: string | null; condition: Condition | null }) {
  const { t } = useTranslation('care');
  const lapsed = at === null || daysSince(at) > LAPSED_DAYS;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type={lapsed ? 'warning' : undefined} data-testid="care-last-visit">{sinceText(t, at)}</Typography.Text>
      {at && <span className="lx-muted">{formatDate(at)}</span>}
      {condition && condition !== 'good' && <Tag color={conditionColor[condition]} bordered={false}>{t(`condition.${condition}`)}</Tag>}
    </Space>
  );
}

/** 关爱对象: the people under care in my subtree, those not visited for longest first; register one (admins). */
export function CarePage() {
  const { t, i18n } = useTranslation('care');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { account } = useMe();
  const admin = account.roles.some((r) => ADMINS.includes(r));
  const [filters, setFilters] = useState<{ regionId?: string; typeCode?: string; condition?: Condition; notVisitedDays?: number; status: 'active' | 'archived' }>({ status: 'active' });
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useRecipients({ ...filters, q, ...paging });
  const types = useCareTypes();
  const report = useApiErrorReporter();
  const exporting = useMutation({
    mutationFn: () => careApi.export({ ...filters, q }),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
    onError: (e) => report(e),
  });
  const refilter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const register = async (body: NewRecipient) => {
    const made = await careApi.create(body);
    setRegistering(false);
    message.success(t('registered'));
    await queryClient.invalidateQueries({ queryKey: careKeys.all });
    navigate(`/care/${made.id}`);
  };

  const columns = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_: unknown, r: RecipientRow) => (
        <Space direction="vertical" size={0}>
          <Link to={`/care/${r.id}`} data-testid="care-row-name">
            <Typography.Text strong>{r.name}</Typography.Text>
          </Link>
          <span className="lx-muted">
            {[r.callName, r.gender ? t(`gender.${r.gender}`) : null, ageOf(r.birthYear) !== null ? t('age', { age: ageOf(r.birthYear) }) : null].filter(Boolean).join(' · ')}
          </span>
          <Space size={4} wrap>
            {r.types.map((k) => <Tag key={k.code} bordered={false} color="purple">{kindName(k, i18n.language)}</Tag>)}
          </Space>
        </Space>
      ),
    },
    { title: t('field.place'), key: 'place', render: (_: unknown, r: RecipientRow) => <span>{r.place.text}{r.address ? ` ${r.address}` : ''}</span> },
    { title: t('field.paired'), key: 'paired', width: 110, render: (_: unknown, r: RecipientRow) => (r.paired === 0 ? <Tag color="warning" bordered={false}>{t('pairing.none')}</Tag> : t(`pairing.${pairingModes[Math.min(r.paired, 3)]!}`)) },
    { title: t('field.plans'), key: 'plans', width: 80, render: (_: unknown, r: RecipientRow) => r.activePlans },
    { title: t('field.lastVisit'), key: 'lastVisit', width: 140, render: (_: unknown, r: RecipientRow) => <LastVisit at={r.lastVisitAt} condition={r.lastCondition} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.care')}
        description={t('intro')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="care-export">{t('export')}</Button>
            {admin && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="care-import">{t('import.button')}</Button>}
            {admin && <Button type="primary" onClick={() => setRegistering(true)} data-testid="care-register">{t('register')}</Button>}
          </Space>
        }
      />
      <Card data-testid="care-page">
        <Space size={12} wrap>
          <Segmented value={filters.status} onChange={(status) => refilter({ status: status as 'active' | 'archived' })} options={(['active', 'archived'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <RegionTreeSelect allowClear placeholder={t('filter.region')} value={filters.regionId} onChange={(regionId) => refilter({ regionId })} style={{ width: 200 }} />
          <Select allowClear placeholder={t('filter.type')} aria-label={t('filter.type')} style={{ width: 150 }} value={filters.typeCode} onChange={(typeCode) => refilter({ typeCode })} options={(types.data ?? []).map((k) => ({ value: k.code, label: kindName(k, i18n.language) }))} />
          <Select allowClear placeholder={t('filter.condition')} aria-label={t('filter.condition')} style={{ width: 130 }} value={filters.condition} onChange={(condition) => refilter({ condition })} options={conditions.map((c) => ({ value: c, label: t(`condition.${c}`) }))} />
          <Checkbox checked={filters.notVisitedDays !== undefined} onChange={(e) => refilter({ notVisitedDays: e.target.checked ? LAPSED_DAYS : undefined })} data-testid="care-not-visited">
            {t('filter.notVisited')}
          </Checkbox>
          <Input.Search allowClear placeholder={t('filter.search')} aria-label={t('filter.search')} style={{ width: 180 }} value={search} onChange={(e) => { setSearch(e.target.value); setPaging((p) => ({ ...p, page: 1 })); }} />
        </Space>
        <ListTable<RecipientRow>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          data-testid="care-table"
          columns={columns}
          rows={list.data?.items}
          fetching={list.isFetching}
          emptyText={t('empty')}
          paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
      {/* the list (and its counts) read again once a sheet has gone in */}
      <ImportCareDialog open={importing} onClose={() => setImporting(false)} onImported={() => void queryClient.invalidateQueries({ queryKey: careKeys.all })} />
      {registering && <RecipientFormModal recipient={null} onCancel={() => setRegistering(false)} onSubmit={(v) => register(v as NewRecipient)} />}
    </>
  );
}
