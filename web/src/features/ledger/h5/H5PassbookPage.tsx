import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, Input, List, NavBar, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { saveFile } from '../../../lib/save-file';
import { useBack } from '../../../lib/use-back';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { amountText, periodOf, phoneLedgerApi, phoneLedgerKeys, shanghaiToday, type PeriodPreset, type StatementLine } from './phone.api';
import './ledger-h5.css';

const PAGE_SIZE = 100;

/** 我的 › 我的存折: hours and points, the statement of a period with each line's source and rule, PDF and Excel. */
export function H5PassbookPage() {
  const { t, i18n } = useTranslation('ledger');
  const back = useBack('/h5/me');
  const navigate = useNavigate();
  const report = useMobileErrorReporter();
  const today = shanghaiToday();
  const [preset, setPreset] = useState<PeriodPreset>('thisMonth');
  const [custom, setCustom] = useState(periodOf('thisMonth', today));
  const period = preset === 'custom' ? custom : periodOf(preset, today);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  const mine = useQuery({ queryKey: phoneLedgerKeys.mine, queryFn: () => phoneLedgerApi.mine() });
  const query = { from: period.from, to: period.to, pageSize: PAGE_SIZE };
  const statement = useQuery({ queryKey: phoneLedgerKeys.statement(query), queryFn: () => phoneLedgerApi.statement(query), enabled: Boolean(period.from && period.to) });
  const download = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx') => phoneLedgerApi.download(format, { from: period.from, to: period.to, lang }),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      Toast.show({ icon: 'success', content: t('h5.passbook.downloaded') });
    },
    onError: (error) => report(error),
  });

  return (
    <div className="lx-h5-page" data-testid="h5-passbook">
      <NavBar onBack={back}>{t('h5.passbook.title')}</NavBar>
      <div className="lx-ledger-balances">
        <div className="lx-ledger-balance">
          <div className="lx-ledger-balance-value" data-testid="passbook-hours">
            {mine.data ? amountText(mine.data.hours) : '—'}
          </div>
          <div className="lx-ledger-balance-label">{t('h5.passbook.hours')}</div>
        </div>
        <div className="lx-ledger-balance">
          <div className="lx-ledger-balance-value" data-testid="passbook-points">
            {mine.data ? amountText(mine.data.points) : '—'}
          </div>
          <div className="lx-ledger-balance-label">{t('h5.passbook.points')}</div>
        </div>
      </div>
      <div className="lx-h5-actions">
        <Button block fill="outline" color="primary" onClick={() => navigate('/h5/me/time-bank')} data-testid="passbook-withdraw">
          {t('h5.passbook.withdraw')}
        </Button>
      </div>
      <List mode="card" header={t('h5.passbook.period')}>
        <List.Item>
          <Selector
            columns={3}
            value={[preset]}
            onChange={(v) => v[0] && setPreset(v[0])}
            options={(['thisMonth', 'thisYear', 'custom'] as const).map((p) => ({ label: t(`h5.passbook.${p}`), value: p }))}
            data-testid="passbook-period"
          />
        </List.Item>
        {preset === 'custom' ? (
          <>
            <List.Item title={t('h5.passbook.from')}>
              <Input type="date" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} data-testid="passbook-from" />
            </List.Item>
            <List.Item title={t('h5.passbook.to')}>
              <Input type="date" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} data-testid="passbook-to" />
            </List.Item>
          </>
        ) : (
          <List.Item extra={t('h5.passbook.range', period)}>{t('h5.passbook.period')}</List.Item>
        )}
      </List>
      <div className="lx-h5-actions lx-ledger-downloads">
        <Button color="primary" loading={download.isPending && download.variables === 'pdf'} onClick={() => download.mutate('pdf')} data-testid="passbook-pdf">
          {t('h5.passbook.pdf')}
        </Button>
        <Button color="primary" fill="outline" loading={download.isPending && download.variables === 'xlsx'} onClick={() => download.mutate('xlsx')} data-testid="passbook-xlsx">
          {t('h5.passbook.xlsx')}
        </Button>
      </div>
      <List mode="card" header={t('h5.passbook.lines')} data-testid="passbook-lines">
        {statement.isPending && (
          <List.Item>
            <DotLoading color="primary" />
          </List.Item>
        )}
        {statement.isError && <ErrorBlock status="default" title={statement.error.message} description="" />}
        {statement.data?.items.length === 0 && <List.Item>{t('h5.passbook.empty')}</List.Item>}
        {statement.data?.items.map((line, i) => <Line key={`${line.transactionId}-${line.unit}-${i}`} line={line} />)}
        {statement.data && statement.data.total > statement.data.items.length && <List.Item>{t('h5.passbook.more', { total: statement.data.total, shown: statement.data.items.length })}</List.Item>}
      </List>
    </div>
  );
}

function Line({ line }: { line: StatementLine }) {
  const { t, i18n } = useTranslation('ledger');
  const unit = t(`h5.unit.${line.unit}`);
  const rule = i18n.language === 'en' ? (line.ruleNameEn ?? line.ruleName) : line.ruleName;
  return (
    <List.Item
      data-testid="passbook-line"
      description={
        <>
          <div>
            {line.effectiveOn} · {t(`h5.source.${line.source}`)} · {t(`h5.kind.${line.kind}`)}
          </div>
          {rule && <div>{t('h5.passbook.rule', { name: rule })}</div>}
        </>
      }
      extra={
        <div className="lx-ledger-amount">
          <div className={line.amount > 0 ? 'lx-ledger-in' : 'lx-ledger-out'}>
            {amountText(line.amount, true)} {unit}
          </div>
          <div className="lx-ledger-after">{t('h5.passbook.balance', { balance: `${amountText(line.balance)} ${unit}` })}</div>
        </div>
      }
    >
      {line.memo || t(`h5.source.${line.source}`)}
    </List.Item>
  );
}
