import { defineModule } from '../../platform/modules/module.js';
import { categoriesRoutes } from './categories.routes.js';
import { createCategoriesService, type CategoriesService } from './categories.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    categories: CategoriesService;
  }
}

export const categoriesModule = defineModule({
  name: 'categories',
  uses: ['audit'],
  create: (deps) => createCategoriesService(deps),
  routes: categoriesRoutes,
  // categories, decline reasons and reply templates: without them no resident can post a need
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
});
