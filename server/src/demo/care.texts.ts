import type { Condition, Frequency } from '../modules/care/care.policy.js';
import type { Gender } from './names.js';
import type { Rng } from './random.js';

/*
 * The words of the demo's people under care: what each group needs, what staff note about risks,
 * the plans a community sets up for them and what their visitors write down.
 */

export type Group = 'elderly' | 'disabled' | 'child';
type Plan = { code: string; title: string; details: string; frequency: Frequency; dayOf: (rng: Rng) => number; startTime: string; minutes: number };
type Guardian = { relation: string; gender: Gender; birthYear: (own: number) => number };

const weekday = (rng: Rng) => rng.int(1, 6);
const monthDay = (rng: Rng) => rng.int(1, 28);

const plans: Record<Group, Plan[]> = {
  elderly: [
    { code: 'elderly.companion', title: '每周上门探访', details: '陪老人聊天，查看水电燃气是否安全，了解身体和生活情况', frequency: 'weekly', dayOf: weekday, startTime: '09:30', minutes: 60 },
    { code: 'elderly.haircut', title: '每月上门理发', details: '为行动不便的老人上门理发、修面', frequency: 'monthly', dayOf: monthDay, startTime: '14:30', minutes: 45 },
    { code: 'elderly.cleaning', title: '隔周家政保洁', details: '打扫卧室、厨房和卫生间，清理过期食品', frequency: 'biweekly', dayOf: weekday, startTime: '09:00', minutes: 120 },
    { code: 'elderly.meal', title: '每周助餐送餐', details: '从幸福食堂送午餐上门，顺便看看老人', frequency: 'weekly', dayOf: weekday, startTime: '11:00', minutes: 30 },
  ],
  disabled: [
    { code: 'disability.visit', title: '每周上门探访', details: '了解康复和生活情况，帮助购买生活用品', frequency: 'weekly', dayOf: weekday, startTime: '15:00', minutes: 60 },
    { code: 'disability.hardship', title: '每月困难帮扶', details: '协助办理补贴申领、代缴水电费', frequency: 'monthly', dayOf: monthDay, startTime: '10:00', minutes: 60 },
  ],
  child: [
    { code: 'children.tutoring', title: '每周课业辅导', details: '辅导作业，检查预习和复习情况', frequency: 'weekly', dayOf: (rng) => rng.int(1, 5), startTime: '16:30', minutes: 90 },
    { code: 'children.leftBehind', title: '每月关爱探访', details: '陪孩子谈心，与监护人沟通学习和生活情况', frequency: 'monthly', dayOf: monthDay, startTime: '15:00', minutes: 60 },
  ],
};

const profiles: Record<Group, { types: string[][]; needs: string[]; risks: string[]; guardians: Guardian[] }> = {
  elderly: {
    types: [['lonelyElderly'], ['lonelyElderly', 'lowIncome'], ['emptyNest'], ['emptyNest', 'severeDisability'], ['lonelyElderly', 'severeDisability']],
    needs: ['每周探访，陪伴聊天；每月上门理发', '送餐上门，定期打扫卫生', '代购生活用品，陪同就医', '检查家中水电燃气安全，帮助换灯泡等小维修', '读报聊天，教用智能手机视频通话'],
    risks: ['高血压，需按时服药；独居，夜间易跌倒', '糖尿病，注意饮食；子女在外地', '听力下降，敲门需大声；家中有老式煤气灶', '轻度认知障碍，容易忘关火；已安装燃气报警器', '腿脚不便，上下楼困难；冬季需关注取暖'],
    guardians: [{ relation: '儿子', gender: 'male', birthYear: (y) => y + 28 }, { relation: '女儿', gender: 'female', birthYear: (y) => y + 26 }, { relation: '侄子', gender: 'male', birthYear: (y) => y + 30 }],
  },
  disabled: {
    types: [['severeDisability'], ['severeDisability', 'lowIncome']],
    needs: ['上门探访，帮助康复训练', '代办补贴申领，代购生活用品', '陪同复查，借用轮椅等辅具'],
    risks: ['肢体残疾，长期卧床，需防压疮', '视力残疾，家中物品勿随意挪动', '精神残疾，按时服药，情绪波动时联系监护人'],
    guardians: [{ relation: '母亲', gender: 'female', birthYear: (y) => y - 26 }, { relation: '配偶', gender: 'female', birthYear: (y) => y + 1 }, { relation: '哥哥', gender: 'male', birthYear: (y) => y - 4 }],
  },
  child: {
    types: [['leftBehindChild'], ['childInDifficulty'], ['leftBehindChild', 'lowIncome']],
    needs: ['放学后课业辅导，周末陪伴', '心理疏导，多鼓励与同学交往', '学习用品和冬衣资助'],
    risks: ['父母在外务工，与年迈祖父母同住', '父亲患病，家庭经济困难', '性格内向，近期成绩下滑'],
    guardians: [{ relation: '祖母', gender: 'female', birthYear: (y) => y - 58 }, { relation: '祖父', gender: 'male', birthYear: (y) => y - 60 }, { relation: '外婆', gender: 'female', birthYear: (y) => y - 56 }],
  },
};

const notes: Record<Group, Record<Condition, string[]>> = {
  elderly: {
    good: ['老人精神不错，聊了家常，水电燃气检查无异常', '帮老人买了米和油，身体状况良好', '电话问候，老人说最近吃得好睡得好', '陪老人在小区散步半小时，情绪愉快'],
    attention: ['老人血压偏高，已提醒按时服药并告知子女', '发现厨房电线老化，已报社区安排维修', '老人说腿疼，建议下周陪同到社区卫生站检查', '老人近几天食欲不好，已联系家属关注'],
    urgent: ['老人在家摔倒，已拨打120并通知家属和社区', '敲门无人应答、电话不通，已联系网格员和家属上门查看'],
  },
  disabled: {
    good: ['协助完成康复训练，情况稳定', '代购了生活用品，家属表示感谢', '补贴已到账，帮助核对了存折'],
    attention: ['轮椅刹车松动，已申请社区辅具更换', '近期情绪低落，建议心理疏导员上门'],
    urgent: ['突发高烧，已陪同就医并通知监护人'],
  },
  child: {
    good: ['辅导了数学作业，孩子学习积极', '和孩子聊了学校生活，与同学相处融洽', '与祖母沟通，孩子近期表现良好'],
    attention: ['孩子数学作业有较多错误，下周重点辅导', '孩子说想念父母，已与其父母视频沟通'],
    urgent: ['孩子放学未按时回家，已联系监护人和学校并找到'],
  },
};

const childNames = (name: string) => `小${Array.from(name).slice(-1)[0]}`;

export const careTexts = {
  categoryCodes: [...new Set(Object.values(plans).flat().map((p) => p.code))],
  forGroup(group: Group, rng: Rng) {
    const p = profiles[group];
    const withGuardian = group !== 'elderly' || rng.chance(0.7);
    return { types: rng.pick(p.types), needs: rng.pick(p.needs), risk: rng.pick(p.risks), guardian: withGuardian ? rng.pick(p.guardians) : null, plans: plans[group] };
  },
  /** 王奶奶, 李爷爷, 张叔, 小明: how a volunteer addresses them. */
  callName(name: string, gender: Gender, group: Group): string {
    const surname = Array.from(name)[0]!;
    if (group === 'child') return childNames(name);
    if (group === 'disabled') return `${surname}${gender === 'female' ? '阿姨' : '叔'}`;
    return `${surname}${gender === 'female' ? '奶奶' : '爷爷'}`;
  },
  visitNote(group: Group, condition: Condition, rng: Rng): string {
    return rng.pick(notes[group][condition]);
  },
};
