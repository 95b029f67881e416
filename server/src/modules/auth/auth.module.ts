import { defineModule } from '../../platform/modules/module.js';
import { authRoutes } from './auth.routes.js';
import { createAuthService, type AuthService } from './auth.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    auth: AuthService;
  }
}

export const authModule = defineModule({ name: 'auth', uses: ['accounts', 'audit', 'volunteers', 'notifications'], create: (deps) => createAuthService(deps), routes: authRoutes });
