import fc from 'fast-check';
import {
  foldText,
  fullNameOf,
  nameKey,
  nameSimilarity,
  sortedNameKey,
} from '../../src/core/names';

describe('folding text', () => {
  test('case, accents and punctuation do not matter', () => {
    expect(foldText('  Lucía  Fernández-Ruiz! ')).toBe('lucia fernandez ruiz');
    expect(foldText('Straße Łódź Æsir')).toBe('strasse lodz aesir');
  });

  test('letters of every script survive', () => {
    expect(foldText('张伟 (Zhang Wei)')).toBe('张伟 zhang wei');
  });
});

describe('name keys', () => {
  test.each([
    ['Jane Smith', 'jane smith'],
    ['Smith, Jane', 'jane smith'],
    ['Dr. Jane Smith', 'jane smith'],
    ['JANE SMITH Jr.', 'jane smith'],
    ['Jane Smith, PhD', 'jane smith'],
    ['Ms. Nkem Abara', 'nkem abara'],
    ['José  Álvarez', 'jose alvarez'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));

  test('word order is kept, so "Jordan Lee" and "Lee Jordan" differ', () => {
    expect(nameKey('Jordan Lee')).not.toBe(nameKey('Lee Jordan'));
    expect(sortedNameKey('Jordan Lee')).toBe(sortedNameKey('Lee Jordan'));
  });

  test('a lone title is still a name', () => {
    expect(nameKey('Dr')).toBe('dr');
  });
});

test('a full name wins over first + last', () => {
  expect(fullNameOf({name: 'Jane Q. Smith', firstName: 'Jane'})).toBe(
    'Jane Q. Smith',
  );
  expect(fullNameOf({firstName: ' Jane ', lastName: 'Smith'})).toBe(
    'Jane Smith',
  );
  expect(fullNameOf({})).toBe('');
});

describe('name similarity', () => {
  test('near-identical names are close, different ones are not', () => {
    expect(nameSimilarity('john smith', 'jon smith')).toBeGreaterThanOrEqual(
      0.85,
    );
    expect(nameSimilarity('jane smith', 'jane smyth')).toBeGreaterThanOrEqual(
      0.85,
    );
    expect(nameSimilarity('smith jane', 'jane smith')).toBe(1);
    expect(nameSimilarity('ann lee', 'dan lee')).toBeLessThan(0.86);
    expect(nameSimilarity('jane smith', 'omar said')).toBeLessThan(0.5);
    expect(nameSimilarity('', 'jane')).toBe(0);
  });

  test('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(s, 10);
      }),
    );
  });
});
