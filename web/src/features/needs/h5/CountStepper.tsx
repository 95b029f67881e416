import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

type Props = { value?: number; onChange?: (value: number) => void; min: number; max: number; label: string };

/**
 * How many helpers: − and + with the number between them. antd-mobile's Stepper puts the
 * spinbutton's ARIA values on a wrapper and leaves its input unnamed (axe: critical); this one is
 * two named buttons and a number read out when it changes, each button 48 px wide in large text.
 */
export function CountStepper({ value = 1, onChange, min, max, label }: Props) {
  const { t } = useTranslation('needs');
  return (
    <div className="lx-h5-stepper" role="group" aria-label={label}>
      <Button fill="outline" disabled={value <= min} onClick={() => onChange?.(value - 1)} aria-label={t('h5.fewer')}>
        −
      </Button>
      <output aria-live="polite">{value}</output>
      <Button fill="outline" disabled={value >= max} onClick={() => onChange?.(value + 1)} aria-label={t('h5.more')}>
        +
      </Button>
    </div>
  );
}
