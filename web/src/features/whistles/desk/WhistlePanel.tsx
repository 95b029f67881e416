import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/time';
import { useWhistles } from '../whistles.queries';
import { WhistleStateTag } from './WhistleStateTag';
import './whistles-desk.css';

/**
 * On a need's page: its whistle (吹哨报到), the latest one the viewer may see — to which street, how
 * many units have reported in — with a link to it. Nothing when the need was never whistled.
 */
export function WhistlePanel({ needId }: { needId: string }) {
  const { t } = useTranslation('whistles');
  const list = useWhistles({ needId, page: 1, pageSize: 1 });
  const whistle = list.data?.items[0];
  if (!whistle) return null;
  return (
    <Card title={t('panel.title')} size="small" className="lx-detail-card lx-whistle-panel" data-testid="whistle-panel" data-state={whistle.state}>
      <div className="lx-whistle-panel-line">
        <Space size={8}>
          <WhistleStateTag state={whistle.state} />
          <span>{whistle.state === 'open' ? t('panel.street', { street: whistle.street.name }) : t('panel.streetClosed', { street: whistle.street.name })}</span>
        </Space>
        <Link to={`/whistles/${whistle.id}`}>{t('action.view')}</Link>
      </div>
      <div className="lx-muted">
        {whistle.progress.called === 0 ? t('progress.none') : t('progress.value', whistle.progress)} · {formatDateTime(whistle.openedAt)}
      </div>
    </Card>
  );
}
