import { List, Switch, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NeedDetail } from '../needs.api';
import { useSetOnBoard } from '../needs.queries';

const never = ['rejected', 'merged', 'cancelled'];

/** The requester's own consent to the public board (同意匿名公示), which they may change at any time. */
export function BoardConsent({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const setOnBoard = useSetOnBoard(need.id);
  const navigate = useNavigate();
  if (!need.myRelations.includes('requester') || never.includes(need.status)) return null;
  const change = (shown: boolean) =>
    setOnBoard.mutateAsync({ shown }).then(
      () => void Toast.show({ content: t(shown ? 'board.consentOn' : 'board.consentOff') }),
      (error: Error) => void Toast.show({ icon: 'fail', content: error.message }),
    );
  return (
    <List mode="card" header={t('field.isPublic')} data-testid="board-consent">
      <List.Item
        description={t('board.consentHint')}
        extra={<Switch checked={need.isPublic} loading={setOnBoard.isPending} onChange={(v) => void change(v)} aria-label={t('board.consent')} />}
      >
        {t('board.consent')}
      </List.Item>
      <List.Item onClick={() => navigate('/h5/board')}>{t('board.viewBoard')}</List.Item>
    </List>
  );
}
