import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  diffFromDefaults,
  mergeSettings,
  type Settings,
} from '../../src/core/settings';

const merge = (overrides: unknown) =>
  mergeSettings(DEFAULT_SETTINGS, overrides);

describe('the defaults are SCORING.md', () => {
  test('inbound weights', () => {
    expect(DEFAULT_SETTINGS.responsiveness.inboundWeights).toMatchObject({
      like: 1,
      follow: 2,
      reply: 3,
      mention: 3,
      question: 3,
      retweet: 4,
      quote: 5,
      volunteered: 8,
      signed: 8,
      attended: 8,
      'defended us': 8,
      donation: 10,
      membership: 10,
    });
  });

  test('whuffie points', () => {
    expect(DEFAULT_SETTINGS.whuffie.points).toEqual({
      thanks: 3,
      mention: 3,
      retweet: 3,
      quote: 3,
      answer: 4,
      reply: 4,
      'birthday wish': 2,
      'feedback request': 2,
      introduction: 5,
      'check-in': 1,
      'ask: share': -3,
      'ask: act': -4,
      'ask: volunteer': -6,
      'ask: give': -8,
      like: 0,
      follow: 0,
      message: 0,
    });
  });

  test('half-lives, blend, bands, caps and windows', () => {
    const s = DEFAULT_SETTINGS;
    expect(s.responsiveness).toMatchObject({
      dailyCap: 10,
      halfLifeDays: 30,
      scale: 10,
      recencyHalfLifeDays: 30,
      blend: {engagement: 0.5, replyRate: 0.3, recency: 0.2},
      priorAnswered: 1,
      priorOutreach: 3,
      answerWindowDays: 7,
      bands: {hot: 70, warm: 45, cool: 20},
    });
    expect(s.whuffie.halfLifeDays).toBe(90);
    expect(s.readyToAsk).toEqual({
      windowDays: 180,
      depositsPerAsk: 3,
      daysBetweenAsks: 30,
      minBand: 'Warm',
    });
    expect(s.levels).toMatchObject({
      engagerDays: 90,
      promoterDays: 180,
      activistDays: 365,
    });
    expect(s.lapsing).toEqual({
      minInbound: 3,
      coolingGaps: 3,
      lapsingGaps: 8,
      lapsingDays: 180,
    });
    expect(s.defaultCadenceDays).toBe(30);
    expect(s.today).toMatchObject({
      maxLines: 12,
      readyToAskPerDay: 2,
      contactedRecentlyDays: 2,
      thankWindowDays: 7,
      replyOwedAfterHours: 24,
      birthdayHeadsUpDays: 7,
    });
  });
});

describe('mergeSettings', () => {
  test('applies valid overrides and keeps the rest', () => {
    const {settings, warnings} = merge({
      responsiveness: {dailyCap: 15, bands: {hot: 80}},
      today: {maxLines: 20},
    });
    expect(warnings).toEqual([]);
    expect(settings.responsiveness.dailyCap).toBe(15);
    expect(settings.responsiveness.bands).toEqual({
      hot: 80,
      warm: 45,
      cool: 20,
    });
    expect(settings.today.maxLines).toBe(20);
    expect(settings.whuffie).toEqual(DEFAULT_SETTINGS.whuffie);
  });

  test('never changes the defaults it starts from', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    merge({
      responsiveness: {inboundWeights: {like: 2}},
      today: {replyOwedKinds: ['mention']},
    });
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before);
  });

  test('kind tables accept any spelling and reject the wrong direction', () => {
    const {settings, warnings} = merge({
      responsiveness: {
        inboundWeights: {RT: 6, Favourite: 0.5, thanks: 9, zap: 1},
      },
      whuffie: {points: {'Thank you': 4, 'ask to donate': -10}},
    });
    expect(settings.responsiveness.inboundWeights.retweet).toBe(6);
    expect(settings.responsiveness.inboundWeights.like).toBe(0.5);
    expect(settings.whuffie.points.thanks).toBe(4);
    expect(settings.whuffie.points['ask: give']).toBe(-10);
    expect(settings.responsiveness.inboundWeights.thanks).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(
      /inboundWeights\.thanks .*not an inbound kind/,
    );
    expect(warnings.join('\n')).toMatch(/inboundWeights\.zap/);
  });

  test('wrong types and out-of-range values are ignored with a warning each', () => {
    const {settings, warnings} = merge({
      responsiveness: {dailyCap: 'ten', halfLifeDays: -3, silentKinds: 'like'},
      whuffie: 7,
      today: {maxLines: 12.5, readyToAskPerDay: null},
      readyToAsk: {minBand: 'Tepid'},
      colour: 'blue',
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toHaveLength(8);
    expect(warnings).toContain(
      'responsiveness.dailyCap = "ten" is not a number; kept 10.',
    );
    expect(warnings).toContain('colour is not a setting; ignored.');
  });

  test('a list of kinds keeps the known ones', () => {
    const {settings, warnings} = merge({
      today: {replyOwedKinds: ['Question', 'mentioned', 'thanks']},
    });
    expect(settings.today.replyOwedKinds).toEqual(['question', 'mention']);
    expect(warnings).toHaveLength(1);
  });

  test('bands out of order and a blend above 1 fall back as a group', () => {
    const {settings, warnings} = merge({
      responsiveness: {bands: {warm: 75}, blend: {engagement: 0.9}},
    });
    expect(settings.responsiveness.bands).toEqual(
      DEFAULT_SETTINGS.responsiveness.bands,
    );
    expect(settings.responsiveness.blend).toEqual(
      DEFAULT_SETTINGS.responsiveness.blend,
    );
    expect(warnings).toHaveLength(2);
  });

  test('takes JSON text as stored in document properties', () => {
    expect(merge('{"today":{"maxLines":5}}').settings.today.maxLines).toBe(5);
    expect(merge('').warnings).toEqual([]);
    expect(merge('{oops').warnings).toEqual([
      'The saved settings are not valid JSON; using the defaults.',
    ]);
    expect(merge([1, 2]).warnings).toHaveLength(1);
    expect(merge(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  test('never throws, and what it returns is always usable', () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (junk, json) => {
        for (const overrides of [
          junk,
          json,
          {responsiveness: junk, today: json},
        ]) {
          const {settings} = merge(overrides);
          const {bands, blend} = settings.responsiveness;
          expect(bands.hot > bands.warm && bands.warm > bands.cool).toBe(true);
          expect(
            blend.engagement + blend.replyRate + blend.recency,
          ).toBeLessThanOrEqual(1 + 1e-9);
          expect(Number.isFinite(settings.responsiveness.dailyCap)).toBe(true);
        }
      }),
    );
  });
});

describe('diffFromDefaults', () => {
  test('is empty for the defaults', () => {
    expect(diffFromDefaults(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual({});
  });

  test('keeps only what changed, and merging it back gives the same settings', () => {
    const {settings} = merge({
      responsiveness: {inboundWeights: {quote: 6}, blend: {recency: 0.1}},
      readyToAsk: {minBand: 'Hot'},
      today: {replyOwedKinds: ['question']},
    });
    const diff = diffFromDefaults(DEFAULT_SETTINGS, settings);
    expect(diff).toEqual({
      responsiveness: {inboundWeights: {quote: 6}, blend: {recency: 0.1}},
      readyToAsk: {minBand: 'Hot'},
      today: {replyOwedKinds: ['question']},
    });
    const back: Settings = merge(JSON.parse(JSON.stringify(diff))).settings;
    expect(back).toEqual(settings);
  });
});
