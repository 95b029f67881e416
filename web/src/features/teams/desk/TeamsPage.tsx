import { Button, Card, Form, Input, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FilterActions } from '../../../components/FilterActions';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { useCategoryNames } from '../categories';
import { teamTypes, teamsApi, type NewTeam, type TeamQuery, type TeamRow, type TeamType } from '../teams.api';
import { useTeamChange, useTeams } from '../teams.queries';
import { TeamFormModal } from './TeamFormModal';
import { TeamTags } from './TeamTags';

type Filters = { type?: TeamType; regionId?: string; q?: string };
type State = 'active' | 'dissolved' | 'all';

/** 志愿服务队: the teams of my area, filtered by type, community, name and state; a new team from here. */
export function TeamsPage() {
  const { t } = useTranslation('teams');
  const navigate = useNavigate();
  const report = useApiErrorReporter();
  const categories = useCategoryNames();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [state, setState] = useState<State>('active');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query: TeamQuery = { ...filters, q: filters.q?.trim() || undefined, active: state === 'all' ? undefined : state === 'active', ...paging };
  const list = useTeams(query);
  const create = useTeamChange((v: NewTeam) => teamsApi.create(v));
  const apply = (f: Filters) => {
    setFilters(f);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_: unknown, team: TeamRow) => (
        <Link to={`/teams/${team.id}`} data-testid="team-link">
          <Typography.Text strong>{team.name}</Typography.Text>
        </Link>
      ),
    },
    { title: t('field.type'), key: 'type', width: 170, render: (_: unknown, team: TeamRow) => <TeamTags team={team} /> },
    { title: t('field.community'), dataIndex: 'regionName', key: 'community', width: 140 },
    { title: t('field.leader'), key: 'leader', width: 100, render: (_: unknown, team: TeamRow) => team.leader.name },
    { title: t('field.categories'), key: 'categories', render: (_: unknown, team: TeamRow) => team.categories.map(categories.nameOf).join('、') },
    { title: t('field.members'), dataIndex: 'memberCount', key: 'members', width: 90 },
    { title: t('field.openOrders'), dataIndex: 'openOrders', key: 'openOrders', width: 100 },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.teams')}
        description={t('description')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="team-create">
            {t('form.create')}
          </Button>
        }
      />
      <Card data-testid="teams-page">
        <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="q" label={t('field.name')}>
            <Input allowClear placeholder={t('filter.namePlaceholder')} maxLength={50} />
          </Form.Item>
          <Form.Item name="type" label={t('field.type')}>
            <Select allowClear style={{ width: 150 }} placeholder={t('common:all')} options={teamTypes.map((k) => ({ value: k, label: t(`type.${k}`) }))} />
          </Form.Item>
          <Form.Item name="regionId" label={t('field.community')}>
            <RegionTreeSelect allowClear style={{ width: 200 }} placeholder={t('common:all')} />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              apply({});
            }}
          />
        </Form>
        <Segmented<State>
          style={{ marginTop: 16 }}
          value={state}
          onChange={(s) => {
            setState(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(['active', 'dissolved', 'all'] as const).map((s) => ({ value: s, label: t(`filter.${s}`) }))}
        />
        <ListTable<TeamRow>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          data-testid="teams-table"
          columns={columns}
          rows={list.data?.items}
          fetching={list.isFetching}
          emptyText={t('empty')}
          paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
      {creating && (
        <TeamFormModal
          team={null}
          loading={create.isPending}
          onCancel={() => setCreating(false)}
          onSubmit={(v, f) =>
            create.mutate(v, {
              onSuccess: (team) => {
                setCreating(false);
                navigate(`/teams/${team.id}`);
              },
              onError: (e) => report(e, f),
            })
          }
        />
      )}
    </>
  );
}
