/**
 * Where a part of a phone page stands while its data is on its way: a home card, the similar needs on
 * the post form. It takes no room, as the part took none before (the home's service tiles show at
 * once: bench:budgets), and marks the spot `aria-busy` (the attribute's meaning: this part is still
 * being filled in), for the tests: they wait for no such mark before they tap what the part arriving
 * above would push down (e2e/support/phone-home.ts). Kept off the page's own element, which would
 * tell a screen reader to hold back the tiles already drawn.
 */
export function CardLoading({ testId }: { testId: string }) {
  return <div aria-busy="true" data-testid={testId} />;
}
