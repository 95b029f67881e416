import { defineErrors } from '../../platform/errors/catalogue.js';

export const whistlesError = defineErrors({
  'whistles.not_found': { status: 404, 'zh-CN': '吹哨事项不存在', en: 'No such whistle' },
  'whistles.not_allowed': { status: 403, 'zh-CN': '只有所属街道的管理员或被召集单位的联系人可以办理', en: 'Only the street’s admin or the called unit’s contact may do this' },
  'whistles.already_open': { status: 409, 'zh-CN': '该需求已在吹哨报到中', en: 'This need is already whistled to the street' },
  'whistles.no_street': { status: 409, 'zh-CN': '该需求不在任何街道辖区内，无法吹哨', en: 'This need lies in no street: it cannot be whistled' },
  'whistles.closed': { status: 409, 'zh-CN': '该吹哨事项已结束', en: 'This whistle is closed' },
  'whistles.already_reported': { status: 409, 'zh-CN': '该单位已报到', en: 'This unit has reported in already' },
  'whistles.not_reported': { status: 409, 'zh-CN': '请先报到，再记录办理情况', en: 'Report in before recording the unit’s part' },
  'whistles.part_recorded': { status: 409, 'zh-CN': '该单位已记录办理情况', en: 'This unit’s part is recorded already' },
  'whistles.nothing_to_call': { status: 400, 'zh-CN': '请选择要召集的部门、单位或队伍', en: 'Choose the departments, units or teams to call in' },
  'whistles.team_not_found': { status: 400, 'zh-CN': '队伍不存在或不在本街道辖区内', en: 'No such team in this street' },
  'whistles.unit_not_found': { status: 400, 'zh-CN': '单位不存在、已停用或不服务本街道', en: 'No such active unit serving this street' },
  'whistles.bad_photo': { status: 400, 'zh-CN': '照片无效，请重新上传', en: 'A photo is not valid; upload it again' },
  'whistles.unit.not_found': { status: 404, 'zh-CN': '单位不存在', en: 'No such unit' },
  'whistles.unit.name_taken': { status: 409, 'zh-CN': '已有同名单位', en: 'A unit of this name exists already' },
  'whistles.unit.contact_not_found': { status: 400, 'zh-CN': '联系人账号不存在', en: 'No such contact account' },
});

export type WhistlesErrorCode = Parameters<typeof whistlesError>[0];
