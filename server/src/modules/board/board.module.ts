import { defineModule } from '../../platform/modules/module.js';
import { boardRoutes } from './board.routes.js';
import { createBoardService, type BoardService } from './board.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    board: BoardService;
  }
}

/** 公示: the district's public board, read without signing in (owns no table). */
export const boardModule = defineModule({ name: 'board', uses: ['regions', 'needs', 'figures', 'volunteers', 'teams', 'files'], create: (deps) => createBoardService(deps), routes: boardRoutes });
