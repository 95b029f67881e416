import type { Rng } from './random.js';

/**
 * Name corpora. Surnames carry rough weights from the 2020 census frequency table (王 and 李 about
 * 7% each …), and given names follow the fashion of the decade someone was born in, so a 1950s
 * woman is 桂英 and a 2000s one is 欣怡 — staff notice when that is wrong.
 */
const surnameTable = `王70 李70 张65 刘53 陈46 杨31 黄23 赵20 吴20 周19 徐14 孙13 马12 朱11 胡10 郭10 何9 林8 高8 罗8
郑7 梁7 谢6 宋6 唐5 许5 韩5 冯5 邓5 曹5 彭4 曾4 肖4 田4 董4 袁4 潘3 于3 蒋3 蔡3 余3 杜3 叶3 程3 苏3 魏3 吕3 丁3
任3 沈2 姚2 卢2 姜2 崔2 钟2 谭2 陆2 汪2 范2 金2 石2 廖2 贾2 夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2
闫2 段2 雷2 侯2 龙1 史1 陶1 黎1 贺1 顾1 毛1 郝1 龚1 邵1 万1 钱1 严1 武1 戴1 孔1 褚1 颜1 庞1 葛1`;

const surnames: string[] = [];
const surnameWeights: number[] = [];
for (const entry of surnameTable.split(/\s+/)) {
  const match = /^(\D+)(\d+)$/.exec(entry);
  if (!match) continue;
  surnames.push(match[1]!);
  surnameWeights.push(Number(match[2]));
}

export type Gender = 'male' | 'female';

/**
 * Given names by era: whole two-character names, single characters, and first/second characters
 * that combine into further names (so 20,000 people do not share a few hundred names).
 */
type Era = { male: string[]; female: string[]; maleSingle: string; femaleSingle: string; maleParts: [string, string]; femaleParts: [string, string] };

const split = (text: string) => text.split(/\s+/).filter(Boolean);

const eras: { until: number; era: Era }[] = [
  {
    until: 1964,
    era: {
      male: split('建国 建华 建军 国强 国庆 国华 志强 志刚 振华 德明 德胜 福生 明德 永胜 卫东 卫国 保国 立新 长江 红旗 学文 广田 金山 树林 玉山 援朝'),
      female: split('桂英 秀英 秀兰 玉兰 桂兰 凤英 淑珍 淑芬 秀珍 玉珍 桂芳 凤兰 素芳 翠兰 秀云 玉梅 金凤 兰英 美英 爱华 红梅 丽华 春花'),
      maleSingle: '军 强 勇 斌 华 明 刚 平 林 忠',
      femaleSingle: '英 兰 芳 霞 萍 珍 梅 云 凤 琴',
      maleParts: ['建 国 志 德 永 学 振 福 长 庆 树 保 继 玉', '国 华 民 明 生 军 林 山 成 祥 才 忠 义 福'],
      femaleParts: ['秀 桂 玉 淑 凤 素 翠 金 美 爱 春 兰 月 巧', '英 兰 珍 芳 梅 云 华 荣 琴 芬 香 花 霞 娥'],
    },
  },
  {
    until: 1989,
    era: {
      male: split('海涛 海波 建伟 志勇 立军 晓东 晓明 文斌 国栋 宏伟 红军 永强 春雷 新华 卫平 俊杰 鹏飞 志华 文杰 振宇 庆军 长春 冬生 亚军'),
      female: split('丽娜 丽娟 海燕 晓燕 红艳 春燕 秀娟 文静 艳芳 晓红 玉洁 雪梅 彩霞 丽丽 敏敏 晓丽 美玲 小燕 秋菊 慧敏 亚楠 翠萍'),
      maleSingle: '伟 磊 涛 辉 鹏 峰 超 杰 波 亮',
      femaleSingle: '丽 静 敏 燕 艳 娟 红 玲 雪 颖',
      maleParts: ['海 建 志 晓 文 国 宏 永 春 新 俊 鹏 振 立', '涛 波 伟 东 明 斌 栋 军 雷 华 杰 飞 宇 刚'],
      femaleParts: ['丽 海 晓 红 春 秀 文 艳 玉 雪 彩 美 慧 亚', '娜 娟 燕 艳 静 红 芳 洁 梅 霞 玲 敏 楠 萍'],
    },
  },
  {
    until: 9999,
    era: {
      male: split('子轩 浩然 宇航 俊熙 梓豪 博文 一鸣 天佑 皓轩 思远 嘉豪 子墨 宇轩 明哲 浩宇 晨阳 泽宇 锦程 昊天 睿哲 家豪 文博'),
      female: split('欣怡 梓涵 诗涵 雨萱 子涵 佳怡 思琪 梦瑶 若曦 可馨 雨桐 紫萱 语嫣 欣妍 一诺 心怡 佳琪 诗雨 婉清 晓彤 嘉欣 雨欣'),
      maleSingle: '浩 宇 轩 晨 阳 睿 博 哲 航 凯',
      femaleSingle: '悦 琪 萱 瑶 婷 涵 彤 雯 璐 妍',
      maleParts: ['子 浩 宇 俊 梓 博 天 皓 思 嘉 明 泽 锦 睿', '轩 然 航 熙 豪 文 鸣 佑 远 墨 哲 阳 程 辰'],
      femaleParts: ['欣 梓 诗 雨 子 佳 思 梦 若 可 紫 语 心 婉', '怡 涵 萱 琪 瑶 曦 馨 桐 嫣 妍 诺 雨 清 彤'],
    },
  },
];

export function personName(rng: Rng, gender: Gender, birthYear: number): string {
  const era = (eras.find((e) => birthYear <= e.until) ?? eras[eras.length - 1]!).era;
  const surname = rng.weighted(surnames, surnameWeights);
  const roll = rng.next();
  // about one in six people has a single-character given name
  if (roll < 0.16) return surname + rng.pick(split(gender === 'male' ? era.maleSingle : era.femaleSingle));
  if (roll < 0.55) return surname + rng.pick(gender === 'male' ? era.male : era.female);
  const [first, second] = gender === 'male' ? era.maleParts : era.femaleParts;
  const a = rng.pick(split(first));
  const b = rng.pick(split(second));
  return surname + a + (a === b ? rng.pick(split(second)) : b);
}

/**
 * Volunteer skills (技能标签) with weights: everyday help is common, professional help (law,
 * medicine, counselling) is what think tanks (智囊团) are built from and is rarer.
 */
const skillTable: [string, number][] = [
  ['助老', 14],
  ['环境清洁', 12],
  ['政策宣传', 9],
  ['辅导功课', 8],
  ['理发', 5],
  ['维修', 6],
  ['家电维修', 5],
  ['水电维修', 5],
  ['文艺演出', 6],
  ['摄影摄像', 4],
  ['交通协管', 5],
  ['手机电脑教学', 6],
  ['陪诊', 4],
  ['护理', 3],
  ['医疗', 3],
  ['法律咨询', 3],
  ['心理疏导', 3],
  ['就业指导', 2],
  ['厨艺', 4],
  ['垃圾分类指导', 5],
  ['治安巡逻', 5],
  ['调解纠纷', 3],
];

export const skillNames: readonly string[] = skillTable.map(([name]) => name);

/** Marker tag for in-service party members (在职党员 "双报到"); the accounts schema has no own column yet. */
export const IN_SERVICE_PARTY_MEMBER = '在职党员';

export function volunteerSkills(rng: Rng, age: number): string[] {
  const count = rng.weighted([1, 2, 3], [45, 40, 15]);
  // students and young adults tutor and teach phones; elderly volunteers rarely do heavy repairs
  const weights = skillTable.map(([name, w]) => {
    if (age < 30 && (name === '辅导功课' || name === '手机电脑教学')) return w * 3;
    if (age >= 60 && (name === '维修' || name === '水电维修' || name === '交通协管')) return w / 3;
    if (age >= 55 && (name === '调解纠纷' || name === '治安巡逻')) return w * 2;
    return w;
  });
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(rng.weighted(skillNames, weights));
  return [...chosen];
}
