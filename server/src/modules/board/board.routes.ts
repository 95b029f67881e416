import type { AppInstance } from '../../app.types.js';
import { binary } from '../../platform/http/schemas.js';
import { BoardFigures, BoardHonours, BoardNeedsPage, BoardNeedsQuery, DistrictParams, MonthQuery, PhotoParams } from './board.schemas.js';

const tags = ['board'];

/** No sign-in on any of these (`security: []`): the board is what the district shows everyone. */
export async function boardRoutes(app: AppInstance) {
  const svc = () => app.services.board;

  app.get(
    '/api/public/board/:districtId/needs',
    { schema: { tags, operationId: 'listBoardNeeds', summary: 'The public board’s wish wall, accepted needs or results (anonymised; only what the requester consented to)', security: [], params: DistrictParams, querystring: BoardNeedsQuery, response: { 200: BoardNeedsPage } } },
    async (request) => svc().needs(request.params.districtId, request.query),
  );

  app.get(
    '/api/public/board/:districtId/needs/:needId/photos/:photoId',
    { schema: { tags, operationId: 'getBoardPhoto', summary: 'A photo of a result on the public board', security: [], params: PhotoParams, response: { 200: binary('image/*', 'The photo') } } },
    async (request, reply) => {
      const { districtId, needId, photoId } = request.params;
      const file = await svc().photo(districtId, needId, photoId);
      return reply.type(file.mime).header('content-disposition', 'inline').header('cache-control', 'private, max-age=60').header('content-security-policy', "default-src 'none'").send(file.bytes);
    },
  );

  app.get(
    '/api/public/board/:districtId/figures',
    { schema: { tags, operationId: 'getBoardFigures', summary: 'Each community’s figures of a month: received, accepted, completed, on-time rate, satisfaction', security: [], params: DistrictParams, querystring: MonthQuery, response: { 200: BoardFigures } } },
    async (request) => svc().figures(request.params.districtId, request.query),
  );

  app.get(
    '/api/public/board/:districtId/honours',
    { schema: { tags, operationId: 'getBoardHonours', summary: 'The honour roll of a month: volunteers by verified hours, teams by orders completed', security: [], params: DistrictParams, querystring: MonthQuery, response: { 200: BoardHonours } } },
    async (request) => svc().honours(request.params.districtId, request.query),
  );
}
