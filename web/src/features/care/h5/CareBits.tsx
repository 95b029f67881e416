import { EnvironmentOutline, ExclamationCircleFill } from 'antd-mobile-icons';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { kindName, type Condition, type Recipient } from '../care.api';
import { lastVisitText } from './care-phone';

// green, orange, and for 紧急 solid red: the one thing on these pages a volunteer must not miss
const tagColor = { good: 'success', attention: 'warning', urgent: 'danger' } as const;

export function ConditionTag({ condition }: { condition: Condition }) {
  const { t } = useTranslation('care');
  return (
    <Tag color={tagColor[condition]} fill={condition === 'urgent' ? 'solid' : 'outline'} className="lx-care-condition" data-testid="care-condition" data-condition={condition}>
      {condition === 'urgent' && <ExclamationCircleFill aria-hidden />} {t(`condition.${condition}`)}
    </Tag>
  );
}

/** The person's kinds of care (鳏寡孤独, 空巢老人 …) in the reader's language. */
export function KindTags({ types }: { types: Recipient['types'] }) {
  const { i18n } = useTranslation('care');
  return (
    <div className="lx-care-kinds">
      {types.map((k) => (
        <Tag key={k.code} color="default" fill="outline">
          {kindName(k, i18n.language)}
        </Tag>
      ))}
    </div>
  );
}

/** 东街道 › 光明社区 › … › 光明1号楼 · 3单元502 */
export function PlaceLine({ recipient }: { recipient: Pick<Recipient, 'place' | 'address'> }) {
  return (
    <span className="lx-care-place">
      <EnvironmentOutline aria-hidden /> {recipient.place.text}
      {recipient.address && (
        <>
          {' '}
          <span className="lx-care-door">· {recipient.address}</span>
        </>
      )}
    </span>
  );
}

/** "上次走访：3天前" with how they were found, or "还没有人走访过". */
export function LastVisit({ recipient }: { recipient: Pick<Recipient, 'lastVisitAt' | 'lastCondition'> }) {
  const { t } = useTranslation('care');
  return (
    <span className="lx-care-last" data-testid="care-last-visit">
      <span>{lastVisitText(t, recipient.lastVisitAt)}</span>
      {recipient.lastCondition && <ConditionTag condition={recipient.lastCondition} />}
    </span>
  );
}
