import { useTranslation } from 'react-i18next';

const steps = ['order', 'dispatch', 'accept', 'claim', 'rate'] as const;

/** The five-step chain the whole product runs (SPEC intro), shown on the login page. */
export function ServiceChain() {
  const { t } = useTranslation('auth');
  return (
    <ol className="lx-chain">
      {steps.map((step, i) => (
        <li key={step}>
          <span className="lx-chain-no">{i + 1}</span>
          <span className="lx-chain-name">{t(`chain.${step}.name`)}</span>
          <span className="lx-chain-who">{t(`chain.${step}.who`)}</span>
        </li>
      ))}
    </ol>
  );
}
