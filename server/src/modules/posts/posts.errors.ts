import { defineErrors } from '../../platform/errors/catalogue.js';

export const postsError = defineErrors({
  'posts.not_found': { status: 404, 'zh-CN': '岗位不存在', en: 'No such post' },
  'posts.type.not_found': { status: 404, 'zh-CN': '岗位类别不存在', en: 'No such post type' },
  'posts.type_not_found': { status: 400, 'zh-CN': '岗位类别不存在或已停用', en: 'No such active post type' },
  'posts.type_code_taken': { status: 409, 'zh-CN': '岗位类别编码已存在', en: 'This post type code exists already' },
  'posts.type_in_use': { status: 409, 'zh-CN': '该类别下已有岗位，不能删除，请改为停用', en: 'Posts use this type: switch it off instead of deleting it' },
  'posts.not_a_community': { status: 400, 'zh-CN': '岗位须发布在社区（村）', en: 'A post is published by a community' },
  'posts.bad_period': { status: 400, 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'posts.quota_below_claimed': { status: 409, 'zh-CN': '名额不能少于已认领人数（{claimed}人）', en: 'The quota cannot be below the {claimed} already claimed' },
  'posts.closed': { status: 409, 'zh-CN': '该岗位已关闭', en: 'This post is closed' },
  'posts.ended': { status: 409, 'zh-CN': '该岗位已过服务期', en: 'This post’s period is over' },
  'posts.full': { status: 409, 'zh-CN': '岗位名额已满', en: 'This post is full' },
  'posts.already_claimed': { status: 409, 'zh-CN': '您已认领该岗位', en: 'You hold this post already' },
  'posts.not_claimed': { status: 409, 'zh-CN': '您没有认领该岗位', en: 'You do not hold this post' },
  'posts.skills_missing': { status: 409, 'zh-CN': '该岗位需要的技能您还没有：{skills}', en: 'This post asks for skills you have not listed: {skills}' },
  'posts.not_a_volunteer': { status: 403, 'zh-CN': '只有在册的志愿者可以认领岗位', en: 'Only registered active volunteers may claim posts' },
  'posts.volunteer_not_found': { status: 400, 'zh-CN': '志愿者不存在或不可服务', en: 'No such active volunteer' },
  'posts.not_a_claimant': { status: 400, 'zh-CN': '该志愿者没有认领此岗位', en: 'This volunteer does not hold this post' },
});

export type PostsErrorCode = Parameters<typeof postsError>[0];
