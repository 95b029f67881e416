/**
 * Where a part of a phone page stands while its data is on its way: a home card, the similar needs on
 * the post form. It takes no room, as the part took none before (the home's service tiles show at
 * once: bench:budgets), and says `aria-busy`: assistive technology hears that the page is still
 * filling, and a test waits for it before it taps what the part arriving above would push down
 * (e2e/support/phone-home.ts).
 */
export function CardLoading({ testId }: { testId: string }) {
  return <div aria-busy="true" data-testid={testId} />;
}
