import { and, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { PostStatus } from './posts.policy.js';
import { postTypes, posts } from './posts.table.js';

const street = alias(regions, 'street');

/** A post with its type, community and street: what every view of a post starts from. */
export function selectPosts(q: DbOrTx) {
  return q
    .select({ post: posts, typeName: postTypes.name, typeNameEn: postTypes.nameEn, communityName: regions.name, communityPath: regions.path, streetName: street.name })
    .from(posts)
    .innerJoin(postTypes, and(eq(postTypes.districtId, posts.districtId), eq(postTypes.id, posts.typeId)))
    .innerJoin(regions, eq(regions.id, posts.regionId))
    .leftJoin(street, eq(street.id, regions.parentId));
}

export type PostRow = Awaited<ReturnType<ReturnType<typeof selectPosts>['where']>>[number];

export async function loadPost(q: DbOrTx, districtId: string, id: string, extra?: SQL): Promise<PostRow | undefined> {
  const [row] = await selectPosts(q).where(and(eq(posts.districtId, districtId), eq(posts.id, id), extra));
  return row;
}

/** The fields every view of a post shares. */
export function postFields(r: PostRow) {
  const p = r.post;
  return {
    id: p.id,
    type: { id: p.typeId, name: r.typeName, nameEn: r.typeNameEn },
    title: p.title,
    duties: p.duties,
    skills: p.skills,
    quota: p.quota,
    claimed: p.claimed,
    free: Math.max(0, p.quota - p.claimed),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    place: p.place,
    status: p.status as PostStatus,
    community: { id: p.regionId, name: r.communityName },
    streetName: r.streetName,
  };
}
