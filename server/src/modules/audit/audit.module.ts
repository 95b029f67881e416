import { defineModule } from '../../platform/modules/module.js';
import { auditRoutes } from './audit.routes.js';
import { createAuditService, type AuditService } from './audit.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    audit: AuditService;
  }
}

export const auditModule = defineModule({ name: 'audit', uses: [], create: (deps) => createAuditService(deps), routes: auditRoutes });
