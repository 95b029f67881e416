import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requireRole } from '../../platform/auth/auth-plugin.js';
import { adminRoles, staffRoles } from '../../platform/auth/roles.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams, Ok } from '../../platform/http/schemas.js';
import {
  AssignBody, BoardPage, BoardPost, BoardQuery, Claimant, CommunityCount, CountsQuery, CreateTypeBody, ListQuery, Post, PostPage, PostTemplate, PostType, PublishBody, RemoveBody, TypeQuery, UpdateBody, UpdateTypeBody,
} from './posts.schemas.js';

const tags = ['posts'];
const full = { 409: errorResponse(409, 'No place left (posts.full), closed (posts.closed), over (posts.ended), held already (posts.already_claimed) or skills missing (posts.skills_missing, with details.missingSkills)') };

export async function postsRoutes(app: AppInstance) {
  const svc = () => app.services.posts;
  const staff = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...staffRoles);
  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...adminRoles);
  const districtAdmin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'districtAdmin');

  app.get('/api/post-types', { schema: { tags, operationId: 'listPostTypes', summary: 'The post types (岗位类别) of my district; retired ones on asking', querystring: TypeQuery, response: { 200: Type.Array(PostType) } } }, async (request) =>
    svc().types.list(requireActor(request), request.query),
  );
  app.post('/api/post-types', { schema: { tags, operationId: 'createPostType', summary: 'Add a post type (district admins)', body: CreateTypeBody, response: { 201: PostType } } }, async (request, reply) =>
    reply.status(201).send(await svc().types.create(districtAdmin(request), request.body)),
  );
  app.patch('/api/post-types/:id', { schema: { tags, operationId: 'updatePostType', summary: 'Edit a post type; `active: false` switches it off (district admins)', params: IdParams, body: UpdateTypeBody, response: { 200: PostType } } }, async (request) =>
    svc().types.update(districtAdmin(request), request.params.id, request.body),
  );
  app.delete('/api/post-types/:id', { schema: { tags, operationId: 'deletePostType', summary: 'Delete a post type no post uses; one in use is switched off instead (district admins)', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await svc().types.remove(districtAdmin(request), request.params.id);
    return { ok: true };
  });
  app.get('/api/post-templates', { schema: { tags, operationId: 'listPostTemplates', summary: 'Public service posts to publish from (党员责任岗, 政策宣传员 …) (staff)', response: { 200: Type.Array(PostTemplate) } } }, async (request) =>
    svc().types.templates(staff(request)),
  );

  app.get('/api/posts', { schema: { tags, operationId: 'listPosts', summary: 'Posts in my subtree, by community, type, status and free places (staff)', querystring: ListQuery, response: { 200: PostPage, ...regionNotFound } } }, async (request) =>
    svc().list(staff(request), request.query),
  );
  app.get('/api/posts/counts', { schema: { tags, operationId: 'postCounts', summary: 'Posts, quota and places held per community; in-service party members’ places apart (staff)', querystring: CountsQuery, response: { 200: Type.Array(CommunityCount), ...regionNotFound } } }, async (request) =>
    svc().counts(staff(request), request.query),
  );
  app.get('/api/posts/near', { schema: { tags, operationId: 'listPostsNearMe', summary: 'Open posts for a volunteer: their community first, then their street, each marked whether it fits their skills', querystring: BoardQuery, response: { 200: BoardPage } } }, async (request) =>
    svc().board(requireActor(request), request.query),
  );
  app.get('/api/posts/mine', { schema: { tags, operationId: 'listMyPosts', summary: 'The posts I hold a place on (volunteers)', response: { 200: Type.Array(BoardPost) } } }, async (request) => svc().mine(requireActor(request)));

  app.post('/api/posts', { schema: { tags, operationId: 'publishPost', summary: 'Publish a post in a community I run (admins)', body: PublishBody, response: { 201: Post, ...regionNotFound } } }, async (request, reply) =>
    reply.status(201).send(await svc().publish(admin(request), request.body)),
  );
  app.get('/api/posts/:id', { schema: { tags, operationId: 'getPost', summary: 'A post (staff over its community)', params: IdParams, response: { 200: Post } } }, async (request) => svc().detail(staff(request), request.params.id));
  app.patch('/api/posts/:id', { schema: { tags, operationId: 'updatePost', summary: 'Edit a post; the quota never below the places held (admins over its community)', params: IdParams, body: UpdateBody, response: { 200: Post } } }, async (request) =>
    svc().update(admin(request), request.params.id, request.body),
  );
  app.post('/api/posts/:id/close', { schema: { tags, operationId: 'closePost', summary: 'Close a post to claims (admins over its community)', params: IdParams, response: { 200: Post } } }, async (request) => svc().close(admin(request), request.params.id));
  app.get('/api/posts/:id/claimants', { schema: { tags, operationId: 'listPostClaimants', summary: 'Who holds a place on a post (staff over its community)', params: IdParams, response: { 200: Type.Array(Claimant) } } }, async (request) =>
    svc().claimants(staff(request), request.params.id),
  );
  app.post('/api/posts/:id/claimants', { schema: { tags, operationId: 'assignPostVolunteer', summary: 'Put a volunteer on a post directly, skills not asked (admins; audited)', params: IdParams, body: AssignBody, response: { 200: Type.Array(Claimant), ...full } } }, async (request) => {
    const actor = admin(request);
    await svc().assign(actor, request.params.id, request.body.volunteerId);
    return svc().claimants(actor, request.params.id);
  });
  app.post('/api/posts/:id/claimants/remove', { schema: { tags, operationId: 'removePostClaimant', summary: 'Take a volunteer off a post with a reason; they are told (admins)', params: IdParams, body: RemoveBody, response: { 200: Type.Array(Claimant) } } }, async (request) => {
    const actor = admin(request);
    await svc().remove(actor, request.params.id, request.body);
    return svc().claimants(actor, request.params.id);
  });

  app.post('/api/posts/:id/claim', { schema: { tags, operationId: 'claimPost', summary: 'Claim a place on a post (active volunteers of the district)', params: IdParams, response: { 200: Type.Array(BoardPost), ...full } } }, async (request) => {
    const actor = requireActor(request);
    await svc().claim(actor, request.params.id);
    return svc().mine(actor);
  });
  app.post('/api/posts/:id/release', { schema: { tags, operationId: 'releasePost', summary: 'Give my place on a post back (volunteers)', params: IdParams, response: { 200: Type.Array(BoardPost) } } }, async (request) => {
    const actor = requireActor(request);
    await svc().release(actor, request.params.id);
    return svc().mine(actor);
  });
}
