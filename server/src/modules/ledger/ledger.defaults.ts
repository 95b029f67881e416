import type { RuleTrigger } from './ledger.enums.js';

/**
 * The points rules a new district starts from, modelled on the seeds' 36 rules (36项时间银行加减分细则):
 * eight the platform applies by itself and 28 that staff apply. Each district edits them.
 */
export const defaultRules: { code: string; trigger: RuleTrigger; name: string; nameEn: string; points: string }[] = [
  { code: 'service.hour', trigger: 'perHour', name: '志愿服务每小时', nameEn: 'Each hour of verified service', points: '10' },
  { code: 'service.rating_five', trigger: 'ratingFive', name: '服务获群众五星评价', nameEn: 'A five-star rating from the resident', points: '5' },
  { code: 'service.major_item', trigger: 'majorItem', name: '承办重大事项服务', nameEn: 'Serving a major item', points: '10' },
  { code: 'activity.themed_day', trigger: 'themedDay', name: '参加主题日志愿活动（每月15日、28日）', nameEn: 'A themed-day activity (the 15th and 28th)', points: '5' },
  { code: 'volunteer.first_service', trigger: 'firstService', name: '新志愿者首次服务', nameEn: 'A new volunteer’s first service', points: '10' },
  { code: 'activity.no_show', trigger: 'noShow', name: '报名后无故缺席', nameEn: 'No-show after signing up', points: '-5' },
  { code: 'activity.late_cancellation', trigger: 'lateCancellation', name: '活动临近开始取消报名', nameEn: 'Cancelling shortly before an activity', points: '-2' },
  { code: 'conduct.incident', trigger: 'conductIncident', name: '负面言行（按清单条目分值扣分）', nameEn: 'Negative conduct (the list entry’s points)', points: '-1' },
  { code: 'award.training', trigger: 'manual', name: '参加志愿服务培训', nameEn: 'Attending volunteer training', points: '5' },
  { code: 'award.district_honour', trigger: 'manual', name: '获评区级优秀志愿者', nameEn: 'District outstanding volunteer', points: '50' },
  { code: 'award.city_honour', trigger: 'manual', name: '获评市级及以上优秀志愿者', nameEn: 'City (or higher) outstanding volunteer', points: '80' },
  { code: 'award.team_honour', trigger: 'manual', name: '所在团队获评优秀团队', nameEn: 'Member of an outstanding team', points: '20' },
  { code: 'award.project_prize', trigger: 'manual', name: '参与的志愿服务项目获奖', nameEn: 'A project one served in won a prize', points: '30' },
  { code: 'award.suggestion', trigger: 'manual', name: '提出合理化建议被采纳', nameEn: 'A suggestion adopted', points: '5' },
  { code: 'award.press_district', trigger: 'manual', name: '服务事迹被区级媒体报道', nameEn: 'Service reported by district media', points: '10' },
  { code: 'award.press_city', trigger: 'manual', name: '服务事迹被市级及以上媒体报道', nameEn: 'Service reported by city or higher media', points: '20' },
  { code: 'award.recruit', trigger: 'manual', name: '带动新志愿者注册', nameEn: 'Bringing in a new volunteer', points: '5' },
  { code: 'award.organiser', trigger: 'manual', name: '担任志愿活动组织者', nameEn: 'Organising a volunteer activity', points: '5' },
  { code: 'award.emergency', trigger: 'manual', name: '参加应急志愿服务（防汛、防疫等）', nameEn: 'Emergency service (floods, epidemics …)', points: '20' },
  { code: 'award.off_hours', trigger: 'manual', name: '夜间或节假日服务', nameEn: 'Service at night or on a holiday', points: '3' },
  { code: 'award.pairing', trigger: 'manual', name: '结对帮扶困难群众（每月）', nameEn: 'Monthly pairing with a person in need', points: '10' },
  { code: 'award.wish', trigger: 'manual', name: '认领并完成群众“微心愿”', nameEn: 'Fulfilling a resident’s small wish', points: '5' },
  { code: 'award.civility', trigger: 'manual', name: '参与文明城市创建', nameEn: 'Civilised-city campaign work', points: '5' },
  { code: 'award.waste_sorting', trigger: 'manual', name: '参与垃圾分类督导', nameEn: 'Waste-sorting guidance', points: '3' },
  { code: 'award.patrol', trigger: 'manual', name: '参与平安巡逻', nameEn: 'Neighbourhood safety patrol', points: '3' },
  { code: 'award.deliberation', trigger: 'manual', name: '参与社区议事协商', nameEn: 'Community deliberation', points: '3' },
  { code: 'award.bravery', trigger: 'manual', name: '见义勇为', nameEn: 'An act of bravery', points: '100' },
  { code: 'award.donation', trigger: 'manual', name: '捐赠公益物资', nameEn: 'Donating goods', points: '5' },
  { code: 'award.yearly_minimum', trigger: 'manual', name: '完成年度服务时长（10小时）', nameEn: 'Reaching the yearly 10 hours', points: '20' },
  { code: 'award.hundred_hours', trigger: 'manual', name: '累计服务满100小时', nameEn: 'Reaching 100 hours in all', points: '50' },
  { code: 'deduct.attitude', trigger: 'manual', name: '服务态度生硬被投诉并查实', nameEn: 'A complaint about attitude, upheld', points: '-10' },
  { code: 'deduct.false_hours', trigger: 'manual', name: '虚报服务时长、弄虚作假', nameEn: 'Reporting false hours', points: '-50' },
  { code: 'deduct.profiteering', trigger: 'manual', name: '以志愿者名义谋取私利', nameEn: 'Profiting in the name of volunteering', points: '-50' },
  { code: 'deduct.quit_team', trigger: 'manual', name: '无故退出服务团队', nameEn: 'Leaving a team without reason', points: '-5' },
  { code: 'deduct.lateness', trigger: 'manual', name: '多次迟到早退', nameEn: 'Repeatedly late or leaving early', points: '-3' },
  { code: 'deduct.privacy', trigger: 'manual', name: '泄露服务对象隐私', nameEn: 'Disclosing a served person’s private data', points: '-30' },
];

/** Caps on points earned per volunteer, as a district starts. */
export const defaultCaps = { dailyCap: '50', monthlyCap: '500' };
