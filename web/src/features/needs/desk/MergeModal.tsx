import { useQueries } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { needsApi, type NeedDetail, type NeedSummary } from '../needs.api';
import { needKeys, useNeedsPage } from '../needs.queries';

type Values = { targetId: string; note?: string };
type Props = { need: NeedDetail; loading: boolean; onCancel: () => void; onSubmit: (values: Values) => void };

/** Needs a duplicate may be merged into: anything still alive. */
const mergeable = 'submitted,verifying,accepted,dispatched,pooled,taken,claimed,in_service,completed,reopened,escalated';

/** 合并: this need is a duplicate of another; its requester then follows the survivor. */
export function MergeModal({ need, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const query = { view: 'all' as const, status: mergeable, q: q || undefined, page: 1, pageSize: 10 };
  const found = useNeedsPage(query, q.length > 0);
  const duplicates = useQueries({ queries: need.duplicateOf.map((id) => ({ queryKey: needKeys.detail(id), queryFn: () => needsApi.get(id), retry: false })) });
  const candidates: NeedSummary[] = [...duplicates.flatMap((d) => (d.data ? [d.data] : [])), ...(found.data?.items ?? [])].filter(
    (n, i, all) => n.id !== need.id && all.findIndex((m) => m.id === n.id) === i,
  );

  return (
    <Modal open width={600} title={t('action.merge')} okText={t('action.merge')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel}>
      <Alert type="info" showIcon className="lx-page-alert" message={t('mergeHint')} />
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ targetId: v.targetId, note: v.note?.trim() || undefined })}>
        <Form.Item name="targetId" label={t('field.targetId')} rules={[{ required: true, message: t('mergeRequired') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={found.isFetching}
            placeholder={t('mergeSearch')}
            notFoundContent={t('mergeNone')}
            options={candidates.map((n) => ({ value: n.id, label: `${n.number} · ${n.title} · ${t(`status.${n.status}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
