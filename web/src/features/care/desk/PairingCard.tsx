import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { careApi, type Recipient } from '../care.api';
import { careKeys } from '../care.queries';

const MAX_PAIRED = 3;

/** Who looks after the person (一对一 / 二对一): admins over them change it, picking active volunteers by name or phone. */
export function PairingCard({ recipient: r }: { recipient: Recipient }) {
  const { t } = useTranslation('care');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<{ value: string; label: string }[]>([]);
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 300);
  const people = useQuery({
    queryKey: ['accounts', 'pick', 'volunteer', q],
    queryFn: () => api.get('/api/accounts', { query: { q, role: 'volunteer', page: 1, pageSize: 20 } }),
    enabled: open && q.length > 0,
  });
  const save = useMutation({
    mutationFn: () => careApi.pair(r.id, picked.map((p) => p.value)),
    onSuccess: async () => {
      setOpen(false);
      message.success(t('saved'));
      await queryClient.invalidateQueries({ queryKey: careKeys.all });
    },
    onError: (e) => report(e),
  });
  const start = () => {
    setPicked(r.paired.map((p) => ({ value: p.volunteerId, label: p.name })));
    setOpen(true);
  };

  return (
    <Card
      title={<>{t('detail.pairingTitle')} <Tag bordered={false} color={r.paired.length === 0 ? 'warning' : 'green'}>{t(`pairing.${r.pairingMode}`)}</Tag></>}
      extra={r.canManage && <Button onClick={start} data-testid="care-pairing-edit">{t('detail.pairingEdit')}</Button>}
      data-testid="care-pairing"
    >
      <List
        size="small"
        dataSource={r.paired}
        locale={{ emptyText: t('detail.pairingEmpty') }}
        renderItem={(p) => (
          <List.Item>
            <Typography.Text strong>{p.name}</Typography.Text>
            <span className="lx-muted">{p.phone}</span>
          </List.Item>
        )}
      />
      <Modal open={open} title={t('detail.pairingEdit')} okText={t('common:save')} confirmLoading={save.isPending} onOk={() => save.mutate()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('detail.pairingHint')}</Typography.Paragraph>
        <Select
          mode="multiple"
          labelInValue
          showSearch
          filterOption={false}
          maxCount={MAX_PAIRED}
          style={{ width: '100%' }}
          placeholder={t('detail.pickVolunteer')}
          aria-label={t('detail.pickVolunteer')}
          value={picked}
          onChange={(v) => setPicked(v as { value: string; label: string }[])}
          onSearch={setTerm}
          loading={people.isFetching}
          options={(people.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} ${a.phone}` }))}
          data-testid="care-pairing-select"
        />
      </Modal>
    </Card>
  );
}
