/**
 * The Settings panel's document property: scoring overrides and the tag
 * vocabularies in one JSON text, only what differs from the defaults.
 */
import {DEFAULT_RELATIONSHIP_TAGS} from '../../src/core/columns';
import {mergeSettings, DEFAULT_SETTINGS} from '../../src/core/settings';
import {
  overridesOf,
  parseStoredSettings,
  settingProblem,
  storedSettingsText,
  vocabularyPatch,
} from '../../src/core/settings-panel';

const DEFAULT_VOCABULARY = {
  relationshipTags: [...DEFAULT_RELATIONSHIP_TAGS],
  topics: [],
};

test('nothing stored reads as the defaults, and the defaults store as {}', () => {
  const stored = parseStoredSettings('');
  expect(stored).toEqual({overrides: {}, vocabulary: DEFAULT_VOCABULARY});
  expect(storedSettingsText(stored)).toBe('{}');
});

test('overrides and vocabularies come back as they were stored', () => {
  const stored = {
    overrides: {today: {maxLines: 12}},
    vocabulary: {relationshipTags: ['donor'], topics: ['cats', 'tigers']},
  };
  expect(parseStoredSettings(storedSettingsText(stored))).toEqual(stored);
});

test('unreadable text is kept for mergeSettings to report; tags fall back to the defaults', () => {
  const stored = parseStoredSettings('{oops');
  expect(stored).toEqual({overrides: '{oops', vocabulary: DEFAULT_VOCABULARY});
  expect(
    mergeSettings(DEFAULT_SETTINGS, stored.overrides).warnings,
  ).not.toEqual([]);
});

test('settings too long for a document property are refused with a way out', () => {
  const topics = Array.from(
    {length: 100},
    (_, i) => `topic ${i} ${'x'.repeat(90)}`,
  );
  expect(() =>
    storedSettingsText({
      overrides: {},
      vocabulary: {relationshipTags: [], topics},
    }),
  ).toThrow(/too long to save.*Remove some tags or topics first/);
});

test("a setting's problem is said in the panel's words", () => {
  expect(
    settingProblem(
      'responsiveness.halfLifeDays = -3 is outside 1–3650; kept 30.',
    ),
  ).toBe('Engagement half-life = -3 is outside 1–3650.');
  expect(
    settingProblem(
      'responsiveness.inboundWeights.like = "x" is not a number; ignored.',
    ),
  ).toBe('Weight of "like" = "x" is not a number.');
});

test("the panel's patch becomes settings.ts's shape; a value that is not a number is refused", () => {
  expect(
    overridesOf({
      halfLives: {engagement: 20, recency: 10, whuffie: 60},
      listLength: 9,
    }),
  ).toEqual({
    responsiveness: {halfLifeDays: 20, recencyHalfLifeDays: 10},
    whuffie: {halfLifeDays: 60},
    today: {maxLines: 9},
  });
  expect(() => overridesOf({inboundWeights: {like: '2'}})).toThrow(
    'Engagement weights: "like" needs a number.',
  );
});

test('a vocabulary patch cleans and de-duplicates tags and leaves out what it does not name', () => {
  expect(
    vocabularyPatch({topics: ['Cats', 'cats ', 'Tigers']}, DEFAULT_VOCABULARY),
  ).toEqual({
    relationshipTags: DEFAULT_VOCABULARY.relationshipTags,
    topics: ['cats', 'tigers'],
  });
  expect(() =>
    vocabularyPatch(
      {topics: Array.from({length: 101}, (_, i) => `t${i}`)},
      DEFAULT_VOCABULARY,
    ),
  ).toThrow(/at most 100 tags/);
});
