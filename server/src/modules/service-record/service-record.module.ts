import { defineModule } from '../../platform/modules/module.js';
import { createServiceRecordService, type ServiceRecordService } from './service-record.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    serviceRecord: ServiceRecordService;
  }
}

export const serviceRecordModule = defineModule({
  name: 'serviceRecord',
  uses: [],
  // the registry sits above the order chain (it tells people through the inbox): reached late, not a use
  create: (deps, later) => createServiceRecordService({ ...deps, credit: (tx, districtId, entry) => later().volunteers.creditService(tx, districtId, entry) }),
});
