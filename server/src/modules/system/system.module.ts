import { defineModule } from '../../platform/modules/module.js';
import { systemRoutes } from './system.routes.js';
import { createSystemService, type SystemService } from './system.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    system: SystemService;
  }
}

export const systemModule = defineModule({ name: 'system', uses: [], create: (deps) => createSystemService(deps), routes: systemRoutes });
