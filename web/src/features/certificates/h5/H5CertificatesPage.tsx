import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, Input, List, NavBar, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { saveFile } from '../../../lib/save-file';
import { useBack } from '../../../lib/use-back';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { certificateKeys, certificatesApi, periodOf, shanghaiToday, type Certificate, type PeriodPreset } from '../certificates.api';
import './certificates-h5.css';
import { formatHours } from '../../../lib/hours';

/** 我的 › 服务记录证明: pick a period, issue, download the PDF; the certificates issued before. */
export function H5CertificatesPage() {
  const { t } = useTranslation('certificates');
  const back = useBack('/h5/me');
  const report = useMobileErrorReporter();
  const queryClient = useQueryClient();
  const today = shanghaiToday();
  const [preset, setPreset] = useState<PeriodPreset>('thisYear');
  const [custom, setCustom] = useState(periodOf('thisYear', today));
  const period = preset === 'custom' ? custom : periodOf(preset, today);

  const mine = useQuery({ queryKey: certificateKeys.mine, queryFn: () => certificatesApi.mine() });
  const download = useMutation({
    mutationFn: (id: string) => certificatesApi.download(id),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      Toast.show({ icon: 'success', content: t('downloaded') });
    },
    onError: (error) => report(error),
  });
  const issue = useMutation({
    mutationFn: () => certificatesApi.issue(period),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: certificateKeys.mine });
      Toast.show({ content: t('issued') });
      download.mutate(made.id);
    },
    onError: (error) => report(error),
  });

  return (
    <div className="lx-h5-page" data-testid="h5-certificates">
      <NavBar onBack={back}>{t('title')}</NavBar>
      <p className="lx-cert-intro">{t('intro')}</p>
      <List mode="card" header={t('period.label')}>
        <List.Item>
          <Selector
            columns={3}
            value={[preset]}
            onChange={(v) => v[0] && setPreset(v[0])}
            options={(['thisYear', 'lastYear', 'custom'] as const).map((p) => ({ label: t(`period.${p}`), value: p }))}
            data-testid="certificate-period"
          />
        </List.Item>
        {preset === 'custom' ? (
          <>
            <List.Item title={t('period.from')}>
              <Input type="date" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} data-testid="certificate-from" />
            </List.Item>
            <List.Item title={t('period.to')}>
              <Input type="date" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} data-testid="certificate-to" />
            </List.Item>
          </>
        ) : (
          <List.Item extra={t('period.value', period)}>{t('period.label')}</List.Item>
        )}
      </List>
      <div className="lx-h5-actions">
        <Button block color="primary" size="large" loading={issue.isPending} onClick={() => issue.mutate()} data-testid="certificate-issue">
          {t('issue')}
        </Button>
      </div>
      <List mode="card" header={t('mine')} data-testid="certificate-list">
        {mine.isPending && (
          <List.Item>
            <DotLoading color="primary" />
          </List.Item>
        )}
        {mine.isError && <ErrorBlock status="default" title={mine.error.message} description="" />}
        {mine.data?.items.length === 0 && <List.Item>{t('empty')}</List.Item>}
        {mine.data?.items.map((c) => <CertificateItem key={c.id} certificate={c} onDownload={() => download.mutate(c.id)} downloading={download.isPending && download.variables === c.id} />)}
      </List>
    </div>
  );
}

function CertificateItem({ certificate: c, onDownload, downloading }: { certificate: Certificate; onDownload: () => void; downloading: boolean }) {
  const { t } = useTranslation('certificates');
  return (
    <List.Item
      data-testid="certificate-item"
      description={
        <>
          <div>{t('totals', { count: c.serviceCount, hours: formatHours(c.totalHours) })}</div>
          <div>
            {t('code')} <span className="lx-cert-code">{c.code}</span>
          </div>
          <div>{t('issuedAt', { at: formatMinute(c.issuedAt) })}</div>
        </>
      }
      extra={
        <Button size="small" color="primary" fill="outline" loading={downloading} onClick={onDownload} data-testid="certificate-download">
          {t('download')}
        </Button>
      }
    >
      {t('period.value', { from: c.from, to: c.to })}
    </List.Item>
  );
}
