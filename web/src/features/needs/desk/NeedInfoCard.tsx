import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { NeedDetail } from '../needs.api';
import { categoryLabel, formatWindow } from '../needs.format';
import { PlaceText } from '../PlaceText';
import { useAnswerLines } from '../questions';
import { NeedStatusTag, SeverityTag } from './NeedStatusTag';
import { PhotoWall } from './PhotoWall';
import { DeadlineText } from './DeadlineText';
import { BoardControl } from './BoardControl';

/** Answers to the category's extra questions, labelled as the resident saw them. */
function Answers({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const lines = useAnswerLines(need);
  if (lines.length === 0) return <>{t('common:empty')}</>;
  return (
    <ul className="lx-answers">
      {lines.map((line) => (
        <li key={line.key}>
          {line.label}：{line.value}
        </li>
      ))}
    </ul>
  );
}

/** What was asked, where, when, and how far the order has come. */
export function NeedInfoCard({ need }: { need: NeedDetail }) {
  const { t, i18n } = useTranslation('needs');
  const empty = t('common:empty');
  return (
    <Card title={t('detail.info')} className="lx-detail-card" data-testid="need-info">
      <Descriptions column={2} bordered size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('field.number')}>
          <Typography.Text copyable className="lx-mono">
            {need.number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.status')}>
          <NeedStatusTag need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.kind')}>{t(`kind.${need.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.category')}>{categoryLabel(need, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('field.severity')}>
          <SeverityTag severity={need.severity} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.channel')}>{t(`channel.${need.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.place')}>
          <span data-testid="need-place">
            <PlaceText need={need} />
          </span>
          {need.address && <div className="lx-muted">{need.address}</div>}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.wanted')}>{formatWindow(need.wantedFrom, need.wantedTo) || t('wantedAny')}</Descriptions.Item>
        <Descriptions.Item label={t('field.slots')}>{t('slotsValue', { filled: need.filled, slots: need.slots })}</Descriptions.Item>
        <Descriptions.Item label={t('field.team')}>{need.teamName ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(need.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('field.deadlineAt')}>
          <DeadlineText need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.isPublic')}>
          <BoardControl need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.round')}>{t('roundValue', { round: need.round, declines: need.declineCount })}</Descriptions.Item>
        <Descriptions.Item label={t('field.description')} span={2}>
          <Typography.Paragraph className="lx-need-description">{need.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.answers')} span={2}>
          <Answers need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.photos')} span={2}>
          {need.photos.length ? <PhotoWall ids={need.photos} /> : empty}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
