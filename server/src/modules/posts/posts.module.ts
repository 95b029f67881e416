import { defineModule } from '../../platform/modules/module.js';
import { postsRoutes } from './posts.routes.js';
import { createPostsService, type PostsService } from './posts.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    posts: PostsService;
  }
}

export const postsModule = defineModule({
  name: 'posts',
  uses: ['audit', 'accounts', 'notifications', 'volunteers'],
  create: (deps) => createPostsService(deps),
  routes: postsRoutes,
  // the seven post types and sixteen public service posts of the seeds, ready in every district
  provision: (self, tx, districtId) => self.types.ensureDefaults(tx, districtId),
});
