import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matched, topics } from './needs.texts.js';

describe('demo need texts', () => {
  it('every sentence tied to titles names titles that exist', () => {
    for (const [code, topic] of Object.entries(topics)) {
      for (const d of topic.details) for (const i of d.titles ?? []) expect(i < topic.titles.length && Number.isInteger(i), `${code}: ${d.text}`).toBe(true);
    }
  });

  it('a water heater is not described by a television’s symptom', () => {
    const appliance = topics['facilities.appliance']!;
    const tv = appliance.details.find((d) => d.text.includes('电视'))!;
    const generic = appliance.details.find((d) => !d.titles)!;
    // drawn: the water heater title and the television's sentence: the sentence decides
    expect(matched(appliance, 2, [tv, generic])).toEqual({ title: '家里电视没信号', details: [tv.text, generic.text] });
    expect(matched(appliance, 2, [generic])).toEqual({ title: '热水器打不着火', details: [generic.text] });
  });

  it('whatever is drawn, each sentence kept fits the title, and at least one is kept', () => {
    const entries = Object.values(topics);
    fc.assert(
      fc.property(fc.nat(entries.length - 1), fc.nat(), fc.nat(), fc.nat(), (t, a, b, drawn) => {
        const topic = entries[t]!;
        const picks = [...new Set([a % topic.details.length, b % topic.details.length])].map((i) => topic.details[i]!);
        const { title, details } = matched(topic, drawn % topic.titles.length, picks);
        const index = topic.titles.indexOf(title);
        expect(details.length).toBeGreaterThan(0);
        for (const text of details) {
          const d = topic.details.find((x) => x.text === text)!;
          expect(!d.titles || d.titles.includes(index)).toBe(true);
        }
      }),
    );
  });
});
