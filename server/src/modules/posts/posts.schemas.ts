import { Type } from '@sinclair/typebox';
import { Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { nearnesses, postStatuses } from './posts.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, description: 'Volunteer skill tags (accounts.skills) the post asks for' });
const Day = Type.String({ format: 'date' });

export const PostType = Type.Object({
  id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), description: Type.String(), sortOrder: Type.Integer(), active: Type.Boolean(),
  posts: Type.Integer({ description: 'Posts published under it: a type in use is switched off, not deleted' }),
});
const TypeFields = {
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  nameEn: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  description: Type.String({ maxLength: 300 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10000 }),
  active: Type.Boolean(),
};
export const CreateTypeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }), name: TypeFields.name, nameEn: TypeFields.nameEn, description: Type.Optional(TypeFields.description), sortOrder: Type.Optional(TypeFields.sortOrder) },
  { additionalProperties: false },
);
export const UpdateTypeBody = Type.Object(Object.fromEntries(Object.entries(TypeFields).map(([k, v]) => [k, Type.Optional(v)])), { additionalProperties: false, minProperties: 1 });
export const TypeQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const PostTemplate = Type.Object({ id: Type.String(), code: Type.String(), typeId: Type.String(), name: Type.String(), nameEn: Type.String(), duties: Type.String(), skills: Type.Array(Type.String()) });

const TypeRef = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() });
const PostFields = {
  id: Type.String(),
  type: TypeRef,
  title: Type.String(),
  duties: Type.String(),
  skills: Type.Array(Type.String()),
  quota: Type.Integer(),
  claimed: Type.Integer(),
  free: Type.Integer({ description: 'Places left: quota − claimed' }),
  startsOn: Type.String(),
  endsOn: N(Type.String()),
  place: Type.String(),
  status: StringEnum(postStatuses),
  community: Type.Object({ id: Type.String(), name: Type.String() }),
  streetName: N(Type.String()),
};
export const Post = Type.Object({ ...PostFields, inServiceClaims: Type.Integer({ description: 'Places held by in-service party members (在职党员)' }), createdAt: Type.String(), canManage: Type.Boolean() });
export const PostPage = Page(Post);

export const BoardPost = Type.Object({
  ...PostFields,
  nearness: StringEnum(nearnesses),
  fits: Type.Boolean({ description: 'The volunteer holds every skill the post asks for' }),
  missingSkills: Type.Array(Type.String()),
  mine: Type.Boolean({ description: 'The volunteer holds a place on it' }),
  claimedAt: N(Type.String()),
});
export const BoardPage = Page(BoardPost);
export const BoardQuery = Type.Object({ ...PageQuery, fitOnly: Type.Optional(Type.Boolean()), typeId: Type.Optional(Uuid) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    ...PageQuery,
    regionId: Type.Optional(Uuid),
    typeId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(postStatuses)),
    hasFree: Type.Optional(Type.Boolean({ description: 'Only posts with places left' })),
  },
  { additionalProperties: false },
);

export const PublishBody = Type.Object(
  {
    regionId: Type.Optional(Type.String({ format: 'uuid', description: 'The community; a community admin’s own by default' })),
    typeId: Uuid,
    title: Text(100),
    duties: Text(1000),
    skills: Type.Optional(Skills),
    quota: Type.Integer({ minimum: 1, maximum: 1000 }),
    startsOn: Day,
    endsOn: Type.Optional(N(Day)),
    place: Text(200),
  },
  { additionalProperties: false },
);
export const UpdateBody = Type.Object(
  { typeId: Type.Optional(Uuid), title: Type.Optional(Text(100)), duties: Type.Optional(Text(1000)), skills: Type.Optional(Skills), quota: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), startsOn: Type.Optional(Day), endsOn: Type.Optional(N(Day)), place: Type.Optional(Text(200)) },
  { additionalProperties: false, minProperties: 1 },
);

export const Claimant = Type.Object({
  volunteerId: Type.String(),
  name: Type.String(),
  phone: Type.String({ description: 'Masked' }),
  inService: Type.Boolean(),
  assigned: Type.Boolean({ description: 'Put on the post by staff rather than claimed' }),
  missingSkills: Type.Array(Type.String()),
  claimedAt: Type.String(),
});
export const AssignBody = Type.Object({ volunteerId: Uuid }, { additionalProperties: false });
export const RemoveBody = Type.Object({ volunteerId: Uuid, reason: Text(200) }, { additionalProperties: false });

export const CountsQuery = Type.Object({ regionId: Type.Optional(Uuid) }, { additionalProperties: false });
export const CommunityCount = Type.Object({
  communityId: Type.String(),
  communityName: Type.String(),
  posts: Type.Integer(),
  openPosts: Type.Integer(),
  quota: Type.Integer(),
  claimed: Type.Integer(),
  inServiceClaims: Type.Integer({ description: 'Claims by in-service party members (在职党员), counted apart' }),
});
