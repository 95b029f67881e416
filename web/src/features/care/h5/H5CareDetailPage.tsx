import { DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { useMe } from '../../auth/session';
import type { Visit } from '../care.api';
import { useRecipient, useVisits } from '../care.queries';
import { ConditionTag, KindTags, LastVisit, PlaceLine } from './CareBits';
import { listNames, otherVolunteers } from './care-phone';
import { VisitForm } from './VisitForm';
import './care-h5.css';

/** One entry of the log: who (我 for mine), when in Beijing time, how, how they were found, and the notes. */
function VisitItem({ visit: v }: { visit: Visit }) {
  const { t } = useTranslation('care');
  return (
    <List.Item className={v.condition === 'urgent' ? 'lx-care-visit is-urgent' : 'lx-care-visit'} data-testid="care-visit" data-mine={v.mine} data-condition={v.condition}>
      <div className="lx-care-visit-head">
        <strong data-testid="care-visitor">{v.mine ? t('visit.mine') : v.visitorName}</strong>
        <ConditionTag condition={v.condition} />
      </div>
      <div className="lx-care-visit-when">
        {formatMinute(v.visitedAt)} · {t(`kind.${v.kind}`)}
      </div>
      <div className="lx-care-visit-notes">{v.summary}</div>
    </List.Item>
  );
}

function VisitLog({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation('care');
  const visits = useVisits(recipientId);
  const items = visits.data?.items ?? [];
  return (
    <List mode="card" header={t('phone.visits')} className="lx-care-log" aria-busy={visits.isFetching} data-testid="care-visits">
      {visits.isPending && (
        <List.Item>
          <DotLoading color="primary" />
        </List.Item>
      )}
      {visits.isError && <ErrorBlock status="default" title={visits.error.message} description="" />}
      {visits.isSuccess && items.length === 0 && <List.Item>{t('detail.visitsEmpty')}</List.Item>}
      {items.map((v) => (
        <VisitItem key={v.id} visit={v} />
      ))}
    </List>
  );
}

/** A person I look after on the phone: the facts I need to help, a visit to log, and everyone's visits. */
export function H5CareDetailPage() {
  const { t, i18n } = useTranslation('care');
  const { id = '' } = useParams();
  const back = useBack('/h5/care');
  const { account } = useMe();
  const detail = useRecipient(id);
  const r = detail.data;
  const others = r ? otherVolunteers(r.paired, account.id) : [];

  return (
    <div className="lx-h5-page" data-testid="h5-care-detail">
      <NavBar onBack={back}>{t('phone.title')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" data-testid="care-error" />}
      {!r && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {r && (
        <>
          <header className="lx-care-hero">
            <h2 data-testid="care-call-name">{r.callName}</h2>
            <KindTags types={r.types} />
            {r.status === 'archived' && (
              <Tag color="default" fill="solid">
                {t('status.archived')}
              </Tag>
            )}
          </header>
          <List mode="card" className="lx-care-facts">
            <List.Item title={t('field.place')}>
              <PlaceLine recipient={r} />
            </List.Item>
            {r.needs && (
              <List.Item title={t('phone.needs')}>
                <div className="lx-care-pre">{r.needs}</div>
              </List.Item>
            )}
            <List.Item>
              <LastVisit recipient={r} />
            </List.Item>
            {others.length > 0 && <List.Item>{t('phone.partners', { names: listNames(others, i18n.language) })}</List.Item>}
          </List>
          {r.status === 'active' && <VisitForm recipientId={r.id} />}
          <VisitLog recipientId={r.id} />
        </>
      )}
    </div>
  );
}
