import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, NoticeBar, Result, Toast } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDate } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { volunteersApi, type MyRegistration } from '../volunteers.api';
import { useMyRegistration, volunteerKeys } from '../volunteers.queries';
import { ApplicationForm } from './ApplicationForm';
import { VolunteerCard } from './VolunteerCard';
import './volunteers-h5.css';
import { HoursText } from '../../../components/HoursText';

/** Where the person stands, in words, and what they can do next. */
function Standing({ mine, onEdit }: { mine: MyRegistration; onEdit: () => void }) {
  const { t } = useTranslation('volunteers');
  const report = useMobileErrorReporter();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const v = mine.volunteer!;
  const leave = useMutation({
    mutationFn: () => volunteersApi.leave(),
    onSuccess: (next) => {
      queryClient.setQueryData(volunteerKeys.mine, next);
      // the volunteer role went with it: the home page and tabs change
      void queryClient.invalidateQueries({ queryKey: ['auth'] });
      Toast.show(t(v.status === 'applied' ? 'h5.withdrawn' : 'h5.left'));
    },
    onError: (e) => report(e),
  });
  const confirmLeave = async () => {
    if (await Dialog.confirm({ content: t(v.status === 'applied' ? 'h5.withdrawConfirm' : 'h5.leaveConfirm'), confirmText: t('h5.confirm'), cancelText: t('h5.cancel') })) leave.mutate();
  };
  return (
    <>
      {v.status === 'applied' && <Result status="waiting" title={t('h5.waitingTitle')} description={t('h5.waitingText', { community: v.communityName, date: formatDate(v.appliedAt) })} />}
      {v.status === 'suspended' && <NoticeBar className="lx-volunteer-notice" color="error" wrap content={t('h5.suspended', { reason: v.statusReason ?? '' })} data-testid="volunteer-suspended" />}
      {mine.card && <VolunteerCard card={mine.card} nextStarAt={mine.nextStarAt} />}
      {(v.status === 'active' || v.status === 'suspended') && (
        <List mode="card" header={t('detail.services')}>
          {v.recentServices.length === 0 && <List.Item>{t('detail.noServices')}</List.Item>}
          {v.recentServices.slice(0, 10).map((s) => (
            <List.Item key={`${s.source}:${s.sourceId}`} description={s.servedOn} extra={<HoursText hours={s.hours} />}>
              {s.title}
            </List.Item>
          ))}
        </List>
      )}
      <div className="lx-h5-actions">
        {mine.card && (
          <Button block size="large" color="primary" fill="outline" onClick={() => navigate('/h5/me/certificates')} data-testid="volunteer-certificates">
            {t('h5.certificates')}
          </Button>
        )}
        {v.status === 'applied' && (
          <Button block size="large" color="primary" fill="outline" onClick={onEdit} data-testid="apply-edit">
            {t('h5.edit')}
          </Button>
        )}
        {(v.status === 'applied' || v.status === 'active' || v.status === 'suspended') && (
          <Button block size="large" color="danger" fill="none" loading={leave.isPending} onClick={() => void confirmLeave()}>
            {t(v.status === 'applied' ? 'h5.withdraw' : 'h5.leave')}
          </Button>
        )}
      </div>
    </>
  );
}

/**
 * 志愿者 on the phone: apply (or apply again after a refusal or leaving), wait for the community,
 * then the volunteer card with its QR code, stars and hours.
 */
export function H5VolunteerPage() {
  const { t } = useTranslation('volunteers');
  const back = useBack('/h5/me');
  const mine = useMyRegistration();
  const [editing, setEditing] = useState(false);
  const v = mine.data?.volunteer;
  const canApply = !v || v.status === 'refused' || v.status === 'left';
  return (
    <div className="lx-h5-page" data-testid="h5-volunteer">
      <NavBar onBack={back}>{t('h5.title')}</NavBar>
      {mine.isPending && (
        <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
          <DotLoading color="primary" />
        </div>
      )}
      {mine.isError && <ErrorBlock status="default" title={mine.error.message} description="" />}
      {mine.data && (
        <>
          {v?.status === 'refused' && !editing && <NoticeBar className="lx-volunteer-notice" color="alert" wrap content={t('h5.refused', { reason: v.statusReason ?? '' })} />}
          {canApply || editing ? (
            <>
              {!v && <p className="lx-volunteer-intro">{t('h5.intro')}</p>}
              <ApplicationForm mine={mine.data} onDone={() => setEditing(false)} />
            </>
          ) : (
            <Standing mine={mine.data} onEdit={() => setEditing(true)} />
          )}
        </>
      )}
    </div>
  );
}
