import { Badge, Card, Checkbox, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { isStaff } from '../../../lib/roles';
import { formatMinute } from '../../../lib/time';
import { useMe } from '../../auth/session';
import { NeedStatusTag, SeverityTag } from '../../needs/desk/NeedStatusTag';
import type { WhistleRow, WhistleState } from '../whistles.api';
import { useWhistles } from '../whistles.queries';
import { WhistleStateTag } from './WhistleStateTag';
import './whistles-desk.css';

type Filter = WhistleState | 'all';

/**
 * 吹哨报到: the street's whistles (staff see their subtree's), or, for a called unit's contact, the
 * ones they were called to; the open ones by default. Its title opens the whistle.
 */
export function WhistlesPage() {
  const { t } = useTranslation('whistles');
  const staff = isStaff(useMe().account.roles);
  const [state, setState] = useState<Filter>('open');
  // a team leader on the desk is here for the whistles they were called to
  const [mine, setMine] = useState(!staff);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { state: state === 'all' ? undefined : state, calledToMe: mine || undefined, ...paging };
  const list = useWhistles(query);
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns = [
    {
      title: t('field.item'),
      key: 'item',
      render: (_: unknown, w: WhistleRow) => (
        <Space direction="vertical" size={0}>
          <Link to={`/whistles/${w.id}`} data-testid="whistle-link">
            <Typography.Text strong>{w.need?.title}</Typography.Text>
          </Link>
          <span className="lx-mono lx-muted">{w.need?.number}</span>
        </Space>
      ),
    },
    {
      title: t('field.needStatus'),
      key: 'status',
      width: 150,
      render: (_: unknown, w: WhistleRow) =>
        w.need && (
          <Space size={0} wrap>
            <SeverityTag severity={w.need.severity} />
            <NeedStatusTag need={{ ...w.need, whistle: w.state }} />
          </Space>
        ),
    },
    { title: t('field.street'), key: 'street', width: 110, render: (_: unknown, w: WhistleRow) => w.street.name },
    { title: t('field.source'), key: 'source', width: 150, render: (_: unknown, w: WhistleRow) => <Tag bordered={false}>{t(`source.${w.source}`)}</Tag> },
    { title: t('field.openedAt'), key: 'openedAt', width: 140, render: (_: unknown, w: WhistleRow) => formatMinute(w.openedAt) },
    {
      title: t('field.progress'),
      key: 'progress',
      width: 180,
      render: (_: unknown, w: WhistleRow) => (w.progress.called === 0 ? <span className="lx-muted">{t('progress.none')}</span> : t('progress.value', w.progress)),
    },
    {
      title: t('field.state'),
      key: 'state',
      width: 120,
      render: (_: unknown, w: WhistleRow) => (
        <Space size={4} wrap>
          <WhistleStateTag state={w.state} />
          {w.myPending > 0 && <Badge count={t('pending', { count: w.myPending })} color="red" />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.whistles')} description={t('description')} />
      <Card data-testid="whistles-page">
        <Space size={16} wrap>
          <Segmented<Filter>
            value={state}
            onChange={refilter(setState)}
            options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`filter.${s}`) }))}
          />
          {staff && (
            <Checkbox checked={mine} onChange={(e) => refilter(setMine)(e.target.checked)}>
              {t('filter.mine')}
            </Checkbox>
          )}
        </Space>
        <ListTable<WhistleRow>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          data-testid="whistles-table"
          columns={columns}
          rows={list.data?.items}
          fetching={list.isFetching}
          emptyText={t(mine ? 'emptyMine' : 'empty')}
          paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
    </>
  );
}
