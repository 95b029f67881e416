import { createServices } from '../services.js';
import type { DemoStep } from './context.js';

/**
 * The demo district gets its defaults the way every district does (platform/provisioning), in the
 * seeding transaction, before the steps that use them (the needs step reads the categories back).
 */
export const provisionStep: DemoStep = {
  name: 'provision',
  title: '区县默认设置 | the district\'s defaults',
  async run({ deps, tx, plan }) {
    const { provisioners } = createServices(deps).provisioning;
    for (const p of provisioners) await p.provision(tx, plan.regions.district.id);
    return { modules: provisioners.length };
  },
};
