import { defineModule } from '../../platform/modules/module.js';
import { createServiceRecordService, type ServiceRecordService } from './service-record.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    serviceRecord: ServiceRecordService;
  }
}

export const serviceRecordModule = defineModule({ name: 'serviceRecord', uses: [], create: (deps) => createServiceRecordService(deps) });
