/*
 * What every district starts with: the four groups the seeds name for regular care (四类群体:
 * 鳏寡孤独、重症残疾人、留守儿童、困境儿童) and two more most districts keep (空巢老人、低保户).
 * Districts rename, add and switch off theirs; provisioning adds a missing code only.
 */
export const defaultCareTypes: { code: string; name: string; nameEn: string }[] = [
  { code: 'lonelyElderly', name: '鳏寡孤独', nameEn: 'Elderly living alone or without family' },
  { code: 'severeDisability', name: '重症残疾人', nameEn: 'Severely disabled' },
  { code: 'leftBehindChild', name: '留守儿童', nameEn: 'Left-behind child' },
  { code: 'childInDifficulty', name: '困境儿童', nameEn: 'Child in difficulty' },
  { code: 'emptyNest', name: '空巢老人', nameEn: 'Empty-nest elderly' },
  { code: 'lowIncome', name: '低保户', nameEn: 'Minimum-living-allowance household' },
];
