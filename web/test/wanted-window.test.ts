import { describe, expect, it } from 'vitest';
import { periodOver, stillWanted, wantedOver, wantedWindow } from '../src/features/needs/h5/wanted-window';

// 我要点单's wanted time, in Beijing time whatever the phone's zone: a part of the day that is over
// cannot be picked (上午 was taken at 22:35 and saved as 08:00–12:00 that day).
const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
// the picker's day: local midnight of that calendar day (what antd-mobile's DatePicker gives)
const day = (ymd: string) => new Date(`${ymd}T00:00:00`);

describe('the wanted window', () => {
  it('is the day’s part in Beijing time', () => {
    expect(wantedWindow({ date: day('2026-12-05'), period: 'morning' })).toEqual({ wantedFrom: '2026-12-05T00:00:00.000Z', wantedTo: '2026-12-05T04:00:00.000Z' });
    expect(wantedWindow({ period: 'any' })).toEqual({});
  });

  it('knows which parts of today are over', () => {
    const at2235 = beijing('2026-12-05T22:35:00');
    expect(['any', 'morning', 'afternoon', 'evening'].map((p) => periodOver(day('2026-12-05'), p as 'any', at2235))).toEqual([true, true, true, true]);
    const at1300 = beijing('2026-12-05T13:00:00');
    expect(['any', 'morning', 'afternoon', 'evening'].map((p) => periodOver(day('2026-12-05'), p as 'any', at1300))).toEqual([false, true, false, false]);
    expect(periodOver(day('2026-12-06'), 'morning', at2235)).toBe(false);
    expect(wantedOver({ date: day('2026-12-05'), period: 'morning' }, at1300)).toBe(true);
    expect(wantedOver({ period: 'morning' }, at1300)).toBe(false); // 尽快: never over
  });

  it('sends a need kept offline past its window as 尽快, and any other as it was', () => {
    const body = { kind: 'serviceRequest', categoryId: 'c', title: '理发', description: '上门', regionId: 'r', ...wantedWindow({ date: day('2026-12-05'), period: 'morning' }) } as const;
    expect(stillWanted(body, beijing('2026-12-05T13:00:00'))).toMatchObject({ wantedFrom: undefined, wantedTo: undefined, title: '理发' });
    expect(stillWanted(body, beijing('2026-12-05T09:00:00'))).toBe(body);
  });
});
