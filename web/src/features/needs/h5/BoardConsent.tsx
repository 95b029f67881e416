import { List, Switch, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NeedDetail } from '../needs.api';
import { useSetOnBoard } from '../needs.queries';

const never = ['rejected', 'merged', 'cancelled'];
/** The board shows no grievance (it names others) and nothing of a 一人一策 order (nobody under care is shown). */
const offBoard = (need: NeedDetail) => need.kind === 'grievance' || need.channel === 'carePlan';

/** The requester's own consent to the public board (同意匿名公示), which they may change at any time. */
export function BoardConsent({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const setOnBoard = useSetOnBoard(need.id);
  const navigate = useNavigate();
  if (!need.myRelations.includes('requester') || never.includes(need.status) || offBoard(need)) return null;
  const change = (consent: { shown: boolean; photos?: boolean }) =>
    setOnBoard.mutateAsync({ consent }).then(
      () => void Toast.show({ content: t(consent.shown ? 'board.consentOn' : 'board.consentOff') }),
      (error: Error) => void Toast.show({ icon: 'fail', content: error.message }),
    );
  return (
    <List mode="card" header={t('field.isPublic')} data-testid="board-consent">
      <List.Item
        description={t('board.consentHint')}
        extra={<Switch checked={need.onBoard} loading={setOnBoard.isPending} onChange={(v) => void change({ shown: v })} aria-label={t('board.consent')} />}
      >
        {t('board.consent')}
      </List.Item>
      {need.onBoard && (
        <List.Item
          description={t('h5.boardPhotosHint')}
          extra={<Switch checked={need.boardPhotos} loading={setOnBoard.isPending} onChange={(v) => void change({ shown: true, photos: v })} aria-label={t('h5.boardPhotos')} />}
        >
          {t('h5.boardPhotos')}
        </List.Item>
      )}
      <List.Item onClick={() => navigate('/h5/board')}>{t('board.viewBoard')}</List.Item>
    </List>
  );
}
