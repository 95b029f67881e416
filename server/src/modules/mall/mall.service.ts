import type { MallDeps } from './mall.deps.js';
import { mallItems } from './mall.items.js';
import './mall.messages.js';
import { mallRedemptions } from './mall.redeem.js';

/**
 * The points mall (积分超市 · 积分四换): items offered by communities and partner units (.items), and
 * redemptions paid through the ledger — held while waiting for pickup, paid to the provider on
 * pickup, returned on cancellation or expiry (.redemptions).
 */
export function createMallService(deps: MallDeps) {
  const items = mallItems(deps);
  return { items, redemptions: mallRedemptions(deps, items) };
}

export type MallService = ReturnType<typeof createMallService>;
