import type { Rng } from './random.js';

/**
 * Place names for the demo district, modelled on a 枣庄市市中区-like urban district: a few 街道 in the
 * city and 镇 on its edge whose communities are villages (村). All names are invented combinations.
 */
export const DISTRICT = { code: '370402', name: '市中区', centre: { lng: 117.55, lat: 34.86 } } as const;

export type StreetSpec = { name: string; rural: boolean };

// The first street is where the fixed demo accounts live, so it stays urban.
export const streetSpecs: StreetSpec[] = [
  { name: '光明路街道', rural: false },
  { name: '文化路街道', rural: false },
  { name: '龙山路街道', rural: false },
  { name: '中心街街道', rural: false },
  { name: '税郭镇', rural: true },
  { name: '孟庄镇', rural: true },
];

// Community 1 of street 1 is 文化社区 (the fixed demo accounts' community).
const urbanCommunities = `文化 光明 和平 幸福 建设 新华 振兴 青年 龙山 东湖 西城 南苑 北园 胜利 团结 红旗 民主 育才 书香 阳光
锦绣 金桥 银河 滨河 湖光 翠竹 杏坛 兴华 向阳 春晖 康乐 安居 丰泽 永安 泰和 华山 君山 鲁南 运河 荷花 桃园 梨园 柳荫 松柏
北辰 长安 立新 惠民`;

const villageStems = '王 李 张 刘 陈 孙 周 吴 郑 马 朱 胡 郭 何 高 宋 韩 冯 褚 葛 颜 孔 曹 邵 田 许 唐 袁 杜 彭'.split(' ');
const villageSuffixes = ['庄', '楼', '集', '屯', '湾', '洼', '营', '店', '官庄', '家庄', '家洼', '岭'];

/** Community names for one street: urban ones come off the shared list in order, villages are made up. */
export function communityNames(rng: Rng, street: StreetSpec, count: number, used: Set<string>): string[] {
  const names: string[] = [];
  const urban = urbanCommunities.split(/\s+/).filter(Boolean);
  while (names.length < count) {
    // rural streets still have one or two 社区 around the town seat
    const village = street.rural && names.length > 1;
    const name = village ? `${rng.pick(villageStems)}${rng.pick(villageSuffixes)}村` : `${urban.find((n) => !used.has(`${n}社区`)) ?? `新区${used.size}`}社区`;
    if (used.has(name)) continue;
    used.add(name);
    names.push(name);
  }
  return names;
}

const digits = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (grids and village groups are numbered so). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]!}十${ones === 0 ? '' : digits[ones]!}`;
}

export const gridName = (n: number) => `第${chineseNumber(n)}网格`;

/** Urban micro-grids are apartment blocks (3号楼); in villages they are villager groups (三组). */
export const buildingName = (n: number, rural: boolean) => (rural ? `${chineseNumber(n)}组` : `${n}号楼`);
