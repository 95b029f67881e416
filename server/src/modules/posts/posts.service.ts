import { postClaiming } from './posts.claims.js';
import type { PostsDeps } from './posts.deps.js';
import { postsManagement } from './posts.manage.js';
import { postTypesCatalogue } from './posts.types.js';

/**
 * Posts (岗位, modules/posts): the district's post types and templates, each community's posts with
 * quotas, and volunteers claiming and releasing places on them.
 */
export function createPostsService(deps: PostsDeps) {
  const types = postTypesCatalogue(deps);
  const manage = postsManagement(deps, types);
  return { types, ...manage, ...postClaiming(deps, manage) };
}

export type PostsService = ReturnType<typeof createPostsService>;
