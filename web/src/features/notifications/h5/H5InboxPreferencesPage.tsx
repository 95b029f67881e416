import { ErrorBlock, List, NavBar, Switch, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useBack } from '../../../lib/use-back';
import { useInboxPreferences, useSavePreferences } from '../inbox.queries';
import type { InboxPreferences } from '../inbox.api';
import './inbox-h5.css';

type Group = InboxPreferences['items'][number]['group'];

/** 消息设置: which groups of messages also come by SMS; the in-app inbox always receives everything. */
export function H5InboxPreferencesPage() {
  const { t } = useTranslation('notifications');
  const back = useBack('/h5/inbox');
  const prefs = useInboxPreferences();
  const save = useSavePreferences();
  const smsAvailable = prefs.data?.channels.some((c) => c.name === 'sms' && c.available) ?? false;
  const sms = (prefs.data?.items ?? []).filter((i) => i.channel === 'sms');

  const toggle = (group: Group, enabled: boolean) =>
    save.mutate([{ group, channel: 'sms', enabled }], { onSuccess: () => Toast.show({ content: t('h5.saved'), position: 'bottom' }) });

  return (
    <div className="lx-h5-page" data-testid="h5-inbox-preferences">
      <NavBar onBack={back}>{t('h5.preferencesTitle')}</NavBar>
      {prefs.isError && <ErrorBlock status="default" title={prefs.error.message} description="" />}
      <List mode="card" header={t('h5.inboxAlways')}>
        <List.Item description={t('h5.inboxAlwaysHint')} extra={<Switch checked disabled aria-label={t('channel.inbox')} />}>
          {t('channel.inbox')}
        </List.Item>
      </List>
      <List mode="card" header={t('h5.smsHeader')}>
        {sms.map((item) => (
          <List.Item key={item.group} description={t(`groupHint.${item.group}`)} extra={<Switch checked={item.enabled} loading={save.isPending && save.variables?.[0]?.group === item.group} onChange={(on) => toggle(item.group, on)} aria-label={t(`group.${item.group}`)} data-testid={`sms-${item.group}`} />}>
            {t(`group.${item.group}`)}
          </List.Item>
        ))}
      </List>
      {!smsAvailable && prefs.data && <p className="lx-h5-inbox-note">{t('h5.smsNotConfigured')}</p>}
    </div>
  );
}
