import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import { questionLabel, questionsFor } from '../categories';
import type { NeedDetail } from '../needs.api';
import { categoryLabel, formatWindow } from '../needs.format';
import { useCategories } from '../needs.queries';
import { NeedStatusTag, SeverityTag } from './NeedStatusTag';
import { PhotoWall } from './PhotoWall';

/** Answers to the category's extra questions, labelled as the resident saw them. */
function Answers({ need }: { need: NeedDetail }) {
  const { t, i18n } = useTranslation();
  const questions = questionsFor(useCategories().data ?? [], need.categoryId);
  const entries = Object.entries(need.answers);
  if (entries.length === 0) return <>{t('common.empty')}</>;
  return (
    <ul className="lx-answers">
      {entries.map(([key, value]) => {
        const question = questions.find((q) => q.key === key);
        return (
          <li key={key}>
            {question ? questionLabel(question, i18n.language) : key}：{t(`needs.answer.${value}`, { defaultValue: value })}
          </li>
        );
      })}
    </ul>
  );
}

/** What was asked, where, when, and how far the order has come. */
export function NeedInfoCard({ need }: { need: NeedDetail }) {
  const { t, i18n } = useTranslation();
  const empty = t('common.empty');
  return (
    <Card title={t('needs.detail.info')} className="lx-detail-card" data-testid="need-info">
      <Descriptions column={2} bordered size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('needs.field.number')}>
          <Typography.Text copyable className="lx-mono">
            {need.number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.field.status')}>
          <NeedStatusTag need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.field.kind')}>{t(`needs.kind.${need.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.category')}>{categoryLabel(need, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.severity')}>
          <SeverityTag severity={need.severity} />
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.field.channel')}>{t(`needs.channel.${need.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.place')}>{[need.regionName, need.address].filter(Boolean).join(' ')}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.wanted')}>{formatWindow(need.wantedFrom, need.wantedTo) || t('needs.wantedAny')}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.slots')}>{t('needs.slotsValue', { filled: need.filled, slots: need.slots })}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.team')}>{need.teamName ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.createdAt')}>{formatDateTime(need.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.deadlineAt')}>{formatDateTime(need.deadlineAt) || empty}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.isPublic')}>{t(need.isPublic ? 'needs.publicYes' : 'needs.publicNo')}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.round')}>{t('needs.roundValue', { round: need.round, declines: need.declineCount })}</Descriptions.Item>
        <Descriptions.Item label={t('needs.field.description')} span={2}>
          <Typography.Paragraph className="lx-need-description">{need.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.field.answers')} span={2}>
          <Answers need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.field.photos')} span={2}>
          {need.photos.length ? <PhotoWall ids={need.photos} /> : empty}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
