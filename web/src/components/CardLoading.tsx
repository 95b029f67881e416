/**
 * Where a phone home card stands while its data is on its way. It takes no room, as the card took
 * none before (the home's service tiles show at once: bench:budgets), and says `aria-busy`: assistive
 * technology hears that the home is still filling, and a test waits for it before it taps what a
 * card arriving above would push down (e2e/support/phone-home.ts).
 */
export function CardLoading({ testId }: { testId: string }) {
  return <div aria-busy="true" data-testid={testId} />;
}
