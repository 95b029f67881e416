import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { IdParams } from '../../platform/http/schemas.js';
import { CodeBody, CodeQuery, ItemBody, ItemPage, ItemPatch, ItemQuery, ItemView, RedeemBody, RedemptionPage, RedemptionQuery, RedemptionView } from './mall.schemas.js';

const tags = ['mall'];
const noItem = { 404: errorResponse(404, 'No such item the caller may see (mall.item_not_found)') };
const noRedemption = { 404: errorResponse(404, 'No such redemption of the caller or of an item they manage (mall.redemption_not_found)') };
const noCode = { 404: errorResponse(404, 'No redemption with this code among the items the caller manages (mall.code_not_found)') };

export async function mallRoutes(app: AppInstance) {
  const svc = () => app.services.mall;

  app.get('/api/mall/items', { schema: { tags, operationId: 'listMallItems', summary: 'Items of the points mall (积分四换) offered where I live, nearest first; `manage`: the items I manage', querystring: ItemQuery, response: { 200: ItemPage } } }, async (request) =>
    svc().items.list(requireActor(request), request.query),
  );
  app.post('/api/mall/items', { schema: { tags, operationId: 'createMallItem', summary: 'Offer an item: an admin for their community (or street, district), a partner unit’s contact for their unit (`unitId`)', body: ItemBody, response: { 201: ItemView } } }, async (request, reply) =>
    reply.status(201).send(await svc().items.create(requireActor(request), request.body)),
  );
  app.get('/api/mall/items/:id', { schema: { tags, operationId: 'getMallItem', summary: 'An item, with how many more I may redeem', params: IdParams, response: { 200: ItemView, ...noItem } } }, async (request) =>
    svc().items.detail(requireActor(request), request.params.id),
  );
  app.patch('/api/mall/items/:id', { schema: { tags, operationId: 'updateMallItem', summary: 'Change an item, or take it off the shelf (`active: false`); its provider only', params: IdParams, body: ItemPatch, response: { 200: ItemView, ...noItem } } }, async (request) =>
    svc().items.update(requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/mall/items/:id/redeem',
    { schema: { tags, operationId: 'redeemMallItem', summary: 'Redeem with points (active volunteers): 201 with the pickup code; the same `requestKey` again answers 200 with the same redemption', params: IdParams, body: RedeemBody, response: { 200: RedemptionView, 201: RedemptionView, ...noItem } } },
    async (request, reply) => {
      const done = await svc().redemptions.redeem(requireActor(request), request.params.id, request.body);
      return reply.status(done.created ? 201 : 200).send(done.redemption);
    },
  );
  app.get('/api/mall/redemptions', { schema: { tags, operationId: 'listRedemptions', summary: 'My redemptions (`mine`), or those of the items I manage; newest first', querystring: RedemptionQuery, response: { 200: RedemptionPage } } }, async (request) =>
    svc().redemptions.list(requireActor(request), request.query),
  );
  app.get('/api/mall/redemptions/:id', { schema: { tags, operationId: 'getRedemption', summary: 'A redemption of mine or of an item I manage, with its pickup code', params: IdParams, response: { 200: RedemptionView, ...noRedemption } } }, async (request) =>
    svc().redemptions.detail(requireActor(request), request.params.id),
  );
  app.post('/api/mall/redemptions/:id/cancel', { schema: { tags, operationId: 'cancelRedemption', summary: 'Call a redemption off before pickup (the redeemer or the provider): stock and points go back', params: IdParams, response: { 200: RedemptionView, ...noRedemption } } }, async (request) =>
    svc().redemptions.cancel(requireActor(request), request.params.id),
  );
  app.get('/api/mall/pickups', { schema: { tags, operationId: 'findPickup', summary: 'The redemption a pickup code names (its provider only), before handing it over', querystring: CodeQuery, response: { 200: RedemptionView, ...noCode } } }, async (request) =>
    svc().redemptions.byCode(requireActor(request), request.query.code),
  );
  app.post('/api/mall/pickups', { schema: { tags, operationId: 'confirmPickup', summary: 'Hand over a redemption by its code, scanned or typed (its provider), once: the held points become the provider’s', body: CodeBody, response: { 200: RedemptionView, ...noCode } } }, async (request) =>
    svc().redemptions.confirm(requireActor(request), request.body.code),
  );
}
