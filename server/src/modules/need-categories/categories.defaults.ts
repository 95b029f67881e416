import type { ExtraQuestion } from './categories.table.js';

type Default = {
  code: string;
  name: string;
  nameEn: string;
  severity?: 'general' | 'important' | 'major';
  notice?: string;
  photoRequiredOnClose?: boolean;
  extraQuestions?: ExtraQuestion[];
  children: [code: string, name: string, nameEn: string][];
};

/** The twelve top-level classes every district starts with (stable codes), and their subcategories. */
export const defaultCategories: Default[] = [
  {
    code: 'elderly', name: '助老服务', nameEn: 'Elderly care',
    extraQuestions: [{ key: 'livesAlone', label: '是否独居', labelEn: 'Lives alone?', type: 'yesNo' }],
    children: [['elderly.companion', '陪伴聊天', 'Companionship'], ['elderly.escort', '就医陪诊', 'Hospital escort'], ['elderly.meal', '助餐送餐', 'Meals'], ['elderly.haircut', '上门理发', 'Home haircut'], ['elderly.cleaning', '家政保洁', 'Home cleaning']],
  },
  {
    code: 'children', name: '扶幼助学', nameEn: 'Children & study',
    children: [['children.tutoring', '四点半课堂', 'After-school tutoring'], ['children.supplies', '学习用品', 'School supplies'], ['children.leftBehind', '留守儿童关爱', 'Left-behind children']],
  },
  {
    code: 'disability', name: '助残帮困', nameEn: 'Disability & hardship',
    children: [['disability.aids', '辅具借用', 'Mobility aids'], ['disability.visit', '上门探访', 'Home visits'], ['disability.hardship', '困难帮扶', 'Hardship support']],
  },
  {
    code: 'environment', name: '环境卫生', nameEn: 'Environment & sanitation', photoRequiredOnClose: true,
    children: [['environment.garbage', '垃圾清运', 'Rubbish removal'], ['environment.sewage', '污水外溢', 'Sewage overflow'], ['environment.greening', '绿化养护', 'Greenery'], ['environment.pests', '病媒防治', 'Pest control']],
  },
  {
    code: 'facilities', name: '设施维修', nameEn: 'Facility repairs', photoRequiredOnClose: true,
    children: [['facilities.streetLight', '路灯损坏', 'Street lights'], ['facilities.road', '道路破损', 'Damaged roads'], ['facilities.appliance', '家电维修', 'Appliance repair'], ['facilities.water', '水电维修', 'Water & power']],
  },
  {
    code: 'safety', name: '平安建设', nameEn: 'Public safety', severity: 'important',
    notice: '如遇火灾、治安等紧急情况，请立即拨打 110 / 119。',
    children: [['safety.fireHazard', '消防隐患', 'Fire hazards'], ['safety.eBikeCharging', '飞线充电', 'Unsafe e-bike charging'], ['safety.patrol', '治安巡逻', 'Patrols']],
  },
  {
    code: 'dispute', name: '矛盾调解', nameEn: 'Dispute mediation', photoRequiredOnClose: false,
    children: [['dispute.neighbour', '邻里纠纷', 'Neighbours'], ['dispute.family', '家庭矛盾', 'Family'], ['dispute.property', '物业纠纷', 'Property management'], ['dispute.noise', '噪音扰民', 'Noise']],
  },
  {
    code: 'legal', name: '法律咨询', nameEn: 'Legal advice', photoRequiredOnClose: false,
    children: [['legal.labour', '劳动争议', 'Labour disputes'], ['legal.marriage', '婚姻家事', 'Marriage & family'], ['legal.housing', '房产租赁', 'Housing & tenancy']],
  },
  {
    code: 'mental', name: '心理健康', nameEn: 'Mental health', photoRequiredOnClose: false,
    notice: '如有自伤风险，请立即拨打 120 或心理援助热线 12356。',
    children: [['mental.counselling', '心理疏导', 'Counselling'], ['mental.teen', '青少年心理', 'Teenagers']],
  },
  {
    code: 'medical', name: '医疗健康', nameEn: 'Health & medical',
    notice: '急危重症请立即拨打 120。',
    children: [['medical.checkup', '义诊体检', 'Free check-ups'], ['medical.chronic', '慢病随访', 'Chronic illness follow-up'], ['medical.medicine', '代购药品', 'Medicine errands']],
  },
  {
    code: 'employment', name: '就业帮扶', nameEn: 'Employment support', photoRequiredOnClose: false,
    children: [['employment.jobs', '岗位推荐', 'Job referrals'], ['employment.training', '技能培训', 'Skills training']],
  },
  {
    code: 'convenience', name: '便民服务', nameEn: 'Everyday help',
    children: [['convenience.errands', '跑腿代办', 'Errands'], ['convenience.digital', '智能手机教学', 'Smartphone help'], ['convenience.moving', '搬运帮忙', 'Moving help']],
  },
];

export const defaultDeclineReasons: [code: string, label: string, labelEn: string][] = [
  ['outOfSkill', '超出队伍服务能力', 'Beyond the team’s skills'],
  ['noManpower', '当前人手不足', 'Not enough members available'],
  ['outOfArea', '不在服务区域内', 'Outside the service area'],
  ['timeConflict', '时间无法满足', 'Cannot meet the wanted time'],
  ['notVolunteerWork', '不属于志愿服务范围，建议转职能部门', 'Not volunteer work; refer to a department'],
];

export const defaultReplyTemplates: [status: string, text: string][] = [
  ['accepted', '您的需求已受理，社区将尽快安排志愿者为您服务。'],
  ['dispatched', '您的需求已派给志愿服务队，队长接单后会联系您。'],
  ['claimed', '志愿者已领单，将按约定时间上门服务，请保持电话畅通。'],
  ['rejected', '经核实，该事项不属于志愿服务范围，已为您转交相关部门处理。'],
  ['completed', '服务已完成，请您对本次服务进行评价，感谢支持！'],
];
