import { Card, DotLoading, ErrorBlock, List, NavBar, ProgressBar, PullToRefresh, Selector, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBack } from '../../../lib/use-back';
import { useMyUnits, usePartnerUnit } from '../partners.queries';
import { UnitSummary } from './UnitSummary';
import './partners-h5.css';
import { HoursText } from '../../../components/HoursText';

/** The unit contact's page (我的单位): its in-service party members and their verified service this year against the minimum. */
export function H5PartnerUnitPage() {
  const { t } = useTranslation('partners');
  const back = useBack('/h5');
  const mine = useMyUnits();
  const [chosen, setChosen] = useState<string | undefined>();
  const unitId = chosen ?? mine.data?.[0]?.id;
  const unit = usePartnerUnit(unitId);
  const u = unit.data;

  return (
    <div className="lx-h5-page" data-testid="h5-partner-unit">
      <NavBar onBack={back}>{t('menu.mine')}</NavBar>
      <PullToRefresh onRefresh={async () => void (await Promise.all([mine.refetch(), unit.refetch()]))}>
        {(mine.isPending || (unitId && unit.isPending)) && (
          <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
            <DotLoading color="primary" />
          </div>
        )}
        {mine.data?.length === 0 && <ErrorBlock status="empty" title={t('h5.noUnit')} description={t('h5.noUnitHint')} />}
        {(mine.data?.length ?? 0) > 1 && (
          <div className="lx-h5-partner-pick">
            <Selector columns={2} value={unitId ? [unitId] : []} onChange={(v) => v[0] && setChosen(v[0])} options={mine.data!.map((m) => ({ value: m.id, label: m.name }))} />
          </div>
        )}
        {unit.isError && <ErrorBlock status="default" title={unit.error.message} description="" />}
        {u && (
          <>
            <Card className="lx-h5-partner-hero">
              <div className="lx-h5-partner-name">{u.name}</div>
              <UnitSummary year={u.year} minimum={u.minimumHours} />
              <div className="lx-h5-partner-stats">
                <div>
                  <strong data-testid="h5-member-count">{u.memberCount}</strong>
                  <span>{t('counts.members')}</span>
                </div>
                <div>
                  <strong className={u.behindCount > 0 ? 'lx-h5-partner-behind' : undefined}>{u.behindCount}</strong>
                  <span>{t('counts.behind')}</span>
                </div>
              </div>
            </Card>
            {u.members.length === 0 ? (
              <ErrorBlock status="empty" title={t('h5.noMembers')} description={t('h5.noMembersHint')} />
            ) : (
              <List header={t('unitPage.members', { year: u.year })}>
                {u.members.map((m) => (
                  <List.Item
                    key={m.accountId}
                    data-testid="h5-member"
                    description={
                      <div className="lx-h5-partner-progress">
                        <ProgressBar percent={Math.min(100, Math.round((m.hoursThisYear / Math.max(u.minimumHours, 0.01)) * 100))} style={{ '--fill-color': m.behind ? 'var(--adm-color-warning)' : 'var(--adm-color-success)' }} />
                        <span>{m.communityName}</span>
                      </div>
                    }
                    extra={
                      <span className="lx-h5-partner-hours">
                        <HoursText hours={m.hoursThisYear} />
                        {m.behind && (
                          <Tag color="warning" fill="outline">
                            {t('member.behind')}
                          </Tag>
                        )}
                      </span>
                    }
                  >
                    {m.name}
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </PullToRefresh>
    </div>
  );
}
