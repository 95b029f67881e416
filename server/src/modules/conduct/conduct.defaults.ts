/**
 * The 20 entries every district starts with (言行负面清单 [列明20种负面言行]), modelled on what such
 * lists hold for community volunteers. Points are deducted from the volunteer's points (the time
 * bank consumes `conduct.incidentRecorded`); `suspendDays` set means an incident suspends by default.
 */
export type DefaultEntry = { code: string; title: string; titleEn: string; description: string; points: number; suspendDays?: number };

export const defaultEntries: readonly DefaultEntry[] = [
  { code: 'noShowAfterTaking', title: '接单后无故不到岗', titleEn: 'Not turning up after taking an order', description: '领取或接受服务任务后，未请假、未说明原因不到岗，耽误群众需求办理。', points: 10 },
  { code: 'askingMoney', title: '服务中索要钱物或收受礼品', titleEn: 'Asking for money or accepting gifts while serving', description: '以任何名义向服务对象索要钱财、物品，或收受服务对象的礼品、礼金、宴请。', points: 50, suspendDays: 90 },
  { code: 'leakingPersonalData', title: '泄露服务对象个人信息', titleEn: 'Disclosing a service recipient’s personal data', description: '泄露、出售或擅自公开服务对象的姓名、电话、住址、身份证号、健康状况等个人信息。', points: 50, suspendDays: 90 },
  { code: 'rudeness', title: '言语粗鲁态度恶劣', titleEn: 'Rude language or a hostile attitude', description: '服务中使用侮辱性、歧视性语言，态度生硬冷漠，与服务对象或群众发生争吵。', points: 10 },
  { code: 'fakeHours', title: '弄虚作假虚报服务时长', titleEn: 'Falsely reporting service hours', description: '虚报、多报服务时长，伪造服务记录或照片，骗取积分和星级。', points: 30, suspendDays: 30 },
  { code: 'proxyCheckIn', title: '代签到或冒名签到', titleEn: 'Checking in for someone else or under another name', description: '替他人签到签退，或将签到码转发他人冒名签到。', points: 20 },
  { code: 'commercialUse', title: '擅自以志愿者名义开展商业活动', titleEn: 'Commercial activity in the name of volunteering', description: '利用志愿者身份或志愿服务活动推销商品、招揽生意、发展会员。', points: 30, suspendDays: 30 },
  { code: 'drinking', title: '服务中饮酒', titleEn: 'Drinking alcohol while serving', description: '服务前或服务中饮酒，酒后参与志愿服务。', points: 20 },
  { code: 'lateOrEarly', title: '迟到早退', titleEn: 'Arriving late or leaving early', description: '无正当理由迟到、早退，影响服务开展。', points: 2 },
  { code: 'noShowActivity', title: '活动报名后无故缺席', titleEn: 'Missing an activity after signing up', description: '报名（接龙）参加活动后，未提前取消也未说明原因缺席。', points: 5 },
  { code: 'leavingPost', title: '擅离职守', titleEn: 'Leaving the post during service', description: '服务或值守期间擅自离开岗位，未交接即中途离开。', points: 5 },
  { code: 'uniformMisuse', title: '违规使用志愿者标识', titleEn: 'Misusing volunteer insignia', description: '出借、转借志愿者证、马甲、标识，或在非志愿服务场合使用。', points: 5 },
  { code: 'harmfulSpeech', title: '散布不当言论或谣言', titleEn: 'Spreading improper remarks or rumours', description: '在服务中或以志愿者身份在网络上散布不实信息、谣言或不当言论。', points: 30, suspendDays: 30 },
  { code: 'discrimination', title: '歧视或区别对待服务对象', titleEn: 'Discriminating between service recipients', description: '因年龄、残疾、经济状况、民族等原因歧视或区别对待服务对象。', points: 10 },
  { code: 'unsafePractice', title: '违反安全规范造成隐患', titleEn: 'Unsafe practice that creates a hazard', description: '不按安全要求操作，擅自开展超出能力范围的服务，造成安全隐患或事故。', points: 20 },
  { code: 'damagingProperty', title: '损坏或占用服务对象财物', titleEn: 'Damaging or taking a recipient’s property', description: '因故意或重大过失损坏服务对象财物，或擅自使用、占用其财物。', points: 30, suspendDays: 30 },
  { code: 'refusingDuty', title: '无故拒绝服务或推诿', titleEn: 'Refusing or shirking service without cause', description: '对派给本人的服务任务无故推诿拒绝，或挑拣服务对象。', points: 5 },
  { code: 'falseComplaint', title: '诋毁组织或恶意投诉', titleEn: 'Maligning the organisation or malicious complaints', description: '捏造事实诋毁志愿服务组织、其他志愿者或服务对象，恶意投诉。', points: 20 },
  { code: 'politicalDiscipline', title: '违反公序良俗或法律法规', titleEn: 'Breaking the law or public morals', description: '服务中有违反法律法规、公序良俗的行为，造成不良社会影响。', points: 100, suspendDays: 365 },
  { code: 'ignoringTraining', title: '无故缺席岗前培训', titleEn: 'Missing required training without cause', description: '无故缺席岗前培训或安全培训，未掌握基本服务规范即上岗。', points: 2 },
];
