import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { activitiesApi } from '../activities.api';
import { useCategoryName } from '../activities.format';
import { useActivity, useActivityChange } from '../activities.queries';
import './activities-h5.css';

/** An activity on the phone: what, when, where; sign up or withdraw, my place on the waitlist, check in; the organiser's code. */
export function H5ActivityDetailPage() {
  const { t } = useTranslation('activities');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const back = useBack('/h5/activities');
  const detail = useActivity(id);
  const categoryName = useCategoryName();
  const signUp = useActivityChange(() => activitiesApi.signUp(id));
  const withdraw = useActivityChange(() => activitiesApi.withdraw(id));
  const failed = (error: Error) => Toast.show({ icon: 'fail', content: error.message });
  const a = detail.data;
  const me = a?.me && a.me.status !== 'cancelled' ? a.me : null;

  const join = () =>
    signUp.mutate(undefined, {
      onSuccess: (r) => Toast.show({ icon: 'success', content: r.status === 'signed' ? t('h5.signedUp') : t('h5.waitlisted', { position: r.position }) }),
      onError: failed,
    });
  const leave = () => void Dialog.confirm({ content: t('h5.withdrawConfirm') }).then((ok) => ok && withdraw.mutate(undefined, { onSuccess: (r) => Toast.show({ content: r.late ? t('h5.withdrawnLate') : t('h5.withdrawn') }), onError: failed }));

  return (
    <div className="lx-h5-page" data-testid="h5-activity-detail" data-status={a?.status} data-me={me?.status ?? 'none'}>
      <NavBar onBack={back}>{t('menu.activities')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!a && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {a && (
        <>
          <header className="lx-h5-need-hero">
            <Tag color="primary" fill="outline">
              {t(`status.${a.status}`)}
            </Tag>
            {a.themed && (
              <Tag color="danger" fill="outline">
                {t('themed')}
              </Tag>
            )}
            <h2>{a.title}</h2>
            <p>{a.organiser.name}</p>
          </header>
          <List mode="card">
            <List.Item extra={`${formatMinute(a.startsAt)} – ${formatMinute(a.endsAt).slice(-5)}`}>{t('field.time')}</List.Item>
            <List.Item extra={a.place}>{t('field.place')}</List.Item>
            <List.Item extra={categoryName(a.categoryCode)}>{t('field.category')}</List.Item>
            <List.Item extra={`${a.signedCount}/${a.capacity}${a.waitlistCount ? ` · ${t('waitlistShort', { count: a.waitlistCount })}` : ''}`}>{t('field.signed')}</List.Item>
            {a.description && (
              <List.Item description={a.description} className="lx-h5-description">
                {t('field.description')}
              </List.Item>
            )}
            {a.cancelReason && <List.Item description={a.cancelReason}>{t('field.cancelReason')}</List.Item>}
            {me && (
              <List.Item extra={<span data-testid="my-signup">{me.status === 'signed' ? t('signup.signed') : t('signup.waitlistedAt', { position: me.position })}</span>}>{t('h5.myStatus')}</List.Item>
            )}
            {me?.checkedInAt && <List.Item extra={formatMinute(me.checkedInAt)}>{t('field.checkedIn')}</List.Item>}
            {me?.checkedOutAt && <List.Item extra={formatMinute(me.checkedOutAt)}>{t('field.checkedOut')}</List.Item>}
          </List>
          <div className="lx-h5-activity-actions">
            {a.status === 'published' && !me && (
              <Button block color="primary" size="large" loading={signUp.isPending} onClick={join} data-testid="activity-signup">
                {a.signedCount < a.capacity ? t('h5.signUp') : t('h5.joinWaitlist')}
              </Button>
            )}
            {me?.status === 'signed' && a.status !== 'cancelled' && !me.checkedOutAt && (
              <Button block color="primary" size="large" onClick={() => navigate('/h5/activities/check-in')} data-testid="activity-go-checkin">
                {me.checkedInAt ? t('h5.checkOut') : t('h5.checkIn')}
              </Button>
            )}
            {me && a.status === 'published' && !me.checkedInAt && (
              <Button block size="large" loading={withdraw.isPending} onClick={leave} data-testid="activity-withdraw">
                {t('h5.withdraw')}
              </Button>
            )}
            {a.canManage && a.status !== 'cancelled' && a.status !== 'draft' && (
              <Button block color="success" size="large" onClick={() => navigate(`/h5/activities/${a.id}/code`)} data-testid="activity-show-code">
                {t('h5.showCode')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
