import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallState, WhistleState } from '../whistles.api';

const stateColor: Record<WhistleState, string> = { open: 'processing', closed: 'default' };
const callColor: Record<CallState, string> = { called: 'gold', reported: 'blue', done: 'success' };

export function WhistleStateTag({ state }: { state: WhistleState }) {
  const { t } = useTranslation('whistles');
  return (
    <Tag color={stateColor[state]} bordered={false} data-testid="whistle-state" data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}

/** 待报到 · 已报到 · 已办理: where a called unit stands. */
export function CallStateTag({ state }: { state: CallState }) {
  const { t } = useTranslation('whistles');
  return (
    <Tag color={callColor[state]} bordered={false} data-testid="call-state" data-state={state}>
      {t(`callState.${state}`)}
    </Tag>
  );
}
