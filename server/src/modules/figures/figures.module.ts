import { defineModule } from '../../platform/modules/module.js';
import { figuresRoutes } from './figures.routes.js';
import { createFiguresService, type FiguresService } from './figures.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    figures: FiguresService;
  }
}

/** 办理考核: the order chain's figures per grid, community, street and team (counted by the needs module). */
export const figuresModule = defineModule({ name: 'figures', uses: ['needs', 'audit'], create: (deps) => createFiguresService(deps), routes: figuresRoutes });
