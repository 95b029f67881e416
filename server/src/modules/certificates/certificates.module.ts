import { defineModule } from '../../platform/modules/module.js';
import { certificatesRoutes } from './certificates.routes.js';
import { createCertificatesService, type CertificatesService } from './certificates.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    certificates: CertificatesService;
  }
}

export const certificatesModule = defineModule({
  name: 'certificates',
  uses: ['volunteers', 'audit'],
  create: (deps) => createCertificatesService(deps),
  routes: certificatesRoutes,
});
