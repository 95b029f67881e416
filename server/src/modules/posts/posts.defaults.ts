/*
 * What every district starts with: the seven types of community volunteer posts of the seeds
 * (莒南县: 居民自治、教育培训、助老扶幼、环境提升、爱心关怀、便民利民、精准暖心) and sixteen public
 * service posts, each under one type, with the volunteer skills (accounts.skills tags) they ask for.
 * Districts rename, add and switch off theirs; provisioning adds a missing code only.
 */

export const defaultPostTypes: { code: string; name: string; nameEn: string; description: string }[] = [
  { code: 'selfGovernance', name: '居民自治', nameEn: 'Residents’ self-governance', description: '协助社区议事协商、文明劝导、矛盾调解和平安建设' },
  { code: 'education', name: '教育培训', nameEn: 'Education and training', description: '政策宣讲、课业辅导、技能培训' },
  { code: 'elderlyChildren', name: '助老扶幼', nameEn: 'Help for the elderly and children', description: '关爱老人和儿童，上门探访与陪伴' },
  { code: 'environment', name: '环境提升', nameEn: 'Better surroundings', description: '环境卫生监督、垃圾分类督导、公共区域保洁' },
  { code: 'care', name: '爱心关怀', nameEn: 'Caring', description: '认领微心愿，关怀困难群众' },
  { code: 'convenience', name: '便民利民', nameEn: 'Everyday services', description: '便民维修、法律咨询、交通协管' },
  { code: 'warmth', name: '精准暖心', nameEn: 'Targeted care', description: '面向特殊群体的心理疏导和一对一帮扶' },
];

export const defaultPostTemplates: { code: string; type: string; name: string; nameEn: string; duties: string; skills: string[] }[] = [
  { code: 'partyDuty', type: 'selfGovernance', name: '党员责任岗', nameEn: 'Party member duty post', duties: '亮明党员身份，包联楼栋，收集居民意见建议并及时反馈社区', skills: [] },
  { code: 'partyModel', type: 'selfGovernance', name: '党员示范岗', nameEn: 'Party member model post', duties: '在社区重点工作中带头参与、示范引领，带动居民共同参与', skills: [] },
  { code: 'policyPromoter', type: 'education', name: '政策宣传员', nameEn: 'Policy promoter', duties: '入户或在活动中宣讲惠民政策，解答居民疑问', skills: ['政策宣传'] },
  { code: 'sanitationMonitor', type: 'environment', name: '环卫监督员', nameEn: 'Sanitation monitor', duties: '巡查小区环境卫生，发现问题拍照上报并督促整改', skills: ['环境清洁'] },
  { code: 'trafficWarden', type: 'convenience', name: '交通协管员', nameEn: 'Traffic warden', duties: '上下学和早晚高峰在路口协助疏导交通，劝导不文明出行', skills: ['交通协管'] },
  { code: 'civilityGuide', type: 'selfGovernance', name: '文明劝导员', nameEn: 'Civility guide', duties: '劝导乱停乱放、乱扔垃圾、高空抛物等不文明行为', skills: [] },
  { code: 'mediator', type: 'selfGovernance', name: '矛盾调解员', nameEn: 'Mediator', duties: '参与邻里纠纷调解，把矛盾化解在萌芽状态', skills: ['调解纠纷'] },
  { code: 'elderlyHelper', type: 'elderlyChildren', name: '助老服务员', nameEn: 'Elderly helper', duties: '定期探访独居、高龄老人，提供陪伴和生活帮助', skills: ['助老'] },
  { code: 'homeworkTutor', type: 'education', name: '课业辅导员', nameEn: 'Homework tutor', duties: '在“四点半课堂”为放学儿童辅导功课', skills: ['辅导功课'] },
  { code: 'sortingSupervisor', type: 'environment', name: '垃圾分类督导员', nameEn: 'Waste-sorting supervisor', duties: '在投放点值守，指导居民正确分类投放', skills: ['垃圾分类指导'] },
  { code: 'safetyPatrol', type: 'selfGovernance', name: '平安巡逻员', nameEn: 'Safety patrol', duties: '夜间在小区巡逻，排查安全隐患', skills: ['治安巡逻'] },
  { code: 'cleaner', type: 'environment', name: '卫生保洁员', nameEn: 'Cleaner', duties: '清理楼道、公共区域的杂物和小广告', skills: ['环境清洁'] },
  { code: 'counsellor', type: 'warmth', name: '心理疏导员', nameEn: 'Counsellor', duties: '为有需要的居民提供心理疏导和情绪支持', skills: ['心理疏导'] },
  { code: 'legalAdviser', type: 'convenience', name: '法律咨询员', nameEn: 'Legal adviser', duties: '定期坐班，解答居民法律问题，引导依法维权', skills: ['法律咨询'] },
  { code: 'repairer', type: 'convenience', name: '便民维修员', nameEn: 'Handy repairer', duties: '为居民免费维修小家电、水电等', skills: ['维修'] },
  { code: 'microWishHelper', type: 'care', name: '微心愿认领员', nameEn: 'Micro-wish helper', duties: '认领困难群众的微心愿并帮助实现', skills: [] },
];
