import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { PhotoWall } from '../../needs/desk/PhotoWall';
import { nextStep, whistlesApi, type Whistle, type WhistleCall } from '../whistles.api';
import { useWhistleStep } from '../whistles.queries';
import { TextModal } from './TextModal';
import { CallStateTag } from './WhistleStateTag';

/** The units called in, where each stands and what it did; its contact (or the street) reports in and records the part here. */
export function CallsTable({ whistle }: { whistle: Whistle }) {
  const { t } = useTranslation('whistles');
  const { message } = App.useApp();
  const [writing, setWriting] = useState<WhistleCall | null>(null);
  const reportIn = useWhistleStep(whistle.id, (callId: string) => whistlesApi.reportIn(callId));
  const part = useWhistleStep(whistle.id, (v: { callId: string; text: string; photos: string[] }) => whistlesApi.recordPart(v.callId, v.text, v.photos));
  const failed = (error: Error) => message.error(error.message);

  const steps = new Map(whistle.calls.map((c) => [c.id, nextStep(c, whistle)]));
  const columns = [
    {
      title: t('field.unit'),
      key: 'unit',
      width: 150,
      render: (_: unknown, c: WhistleCall) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Tag bordered={false}>{t(`kind.${c.kind}`)}</Tag>
        </Space>
      ),
    },
    { title: t('field.contact'), key: 'contact', width: 90, render: (_: unknown, c: WhistleCall) => c.contactName ?? <span className="lx-muted">{t('contactNone')}</span> },
    {
      title: t('field.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, c: WhistleCall) => (
        <Space direction="vertical" size={2}>
          <CallStateTag state={c.state} />
          {c.reportedAt && <span className="lx-muted" title={c.reportedByName ?? ''}>{t('reportedAt', { at: formatMinute(c.reportedAt) })}</span>}
        </Space>
      ),
    },
    {
      title: t('field.part'),
      key: 'part',
      render: (_: unknown, c: WhistleCall) =>
        c.part && (
          <div>
            <div className="lx-whistle-part">{c.part}</div>
            <PhotoWall ids={c.photos} size={56} />
          </div>
        ),
    },
    // only while someone here has a step to take
    ...([...steps.values()].some(Boolean)
      ? [
          {
            title: t('field.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, c: WhistleCall) => {
              const step = steps.get(c.id);
              if (step === 'reportIn') {
                return (
                  <Button size="small" type="primary" data-testid="report-in" loading={reportIn.isPending && reportIn.variables === c.id} onClick={() => reportIn.mutate(c.id, { onSuccess: () => message.success(t('reportIn.done')), onError: failed })}>
                    {t('action.reportIn')}
                  </Button>
                );
              }
              return step === 'part' ? (
                <Button size="small" data-testid="record-part" onClick={() => setWriting(c)}>
                  {t('action.part')}
                </Button>
              ) : null;
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<WhistleCall>
        rowKey="id"
        size="middle"
        data-testid="whistle-calls"
        columns={columns}
        dataSource={whistle.calls}
        pagination={false}
        rowClassName={(c) => (c.mine ? 'lx-whistle-mine' : '')}
        locale={{ emptyText: t('detail.noCalls') }}
      />
      {writing && (
        <TextModal
          title={t('part.title', { unit: writing.name })}
          hint={t('part.hint')}
          label={t('field.part')}
          required={t('part.required')}
          photos
          loading={part.isPending}
          onCancel={() => setWriting(null)}
          onSubmit={({ text, photos }) =>
            part.mutate(
              { callId: writing.id, text, photos },
              {
                onSuccess: () => {
                  setWriting(null);
                  message.success(t('part.done'));
                },
                onError: failed,
              },
            )
          }
        />
      )}
    </>
  );
}
