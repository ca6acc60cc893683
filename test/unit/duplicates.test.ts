import {detectColumns, readSupporters} from '../../src/core/columns';
import {
  DUPLICATES_HEADERS,
  duplicatesToRows,
  findDuplicates,
} from '../../src/core/duplicates';
import {SupporterIdentity} from '../../src/core/handles';
import {loadExport} from './exportFixtures';

const rowsOf = (groups: ReturnType<typeof findDuplicates>) =>
  groups.map(g => [g.reason, g.members.map(m => m.row)]);

describe('possible duplicates', () => {
  test('the same email, in any case, is the surest sign', () => {
    const people: SupporterIdentity[] = [
      {row: 2, name: 'Tiger Fan', email: 'tiger.fan@example.org'},
      {row: 3, name: 'Omar Said', email: 'omar@example.org'},
      {row: 4, name: 'T. Fan', email: ' TIGER.FAN@example.org '},
    ];
    const [group] = findDuplicates(people);
    expect(group).toEqual({
      reason: 'same email',
      match: 'tiger.fan@example.org',
      score: 0.98,
      members: [people[0], people[2]],
    });
  });

  test('the same handle in different spellings', () => {
    const people: SupporterIdentity[] = [
      {row: 2, name: 'A', x: '@Tiger_Fan'},
      {row: 3, name: 'B', x: 'https://x.com/tiger_fan?s=20'},
      {row: 4, name: 'C', bluesky: 'name.bsky.social'},
      {row: 5, name: 'D', bluesky: 'https://bsky.app/profile/name.bsky.social'},
      {row: 6, name: 'E', mastodon: '@jo@mas.to'},
      {row: 7, name: 'F', mastodon: 'https://mas.to/@jo'},
    ];
    expect(rowsOf(findDuplicates(people))).toEqual([
      ['same X handle', [2, 3]],
      ['same Bluesky handle', [4, 5]],
      ['same Mastodon handle', [6, 7]],
    ]);
  });

  test('near-identical names: swapped, accented, one letter off', () => {
    const people: SupporterIdentity[] = [
      {row: 2, name: 'Jane Smith'},
      {row: 3, name: 'Smith, Jane'},
      {row: 4, name: 'John Smith'},
      {row: 5, name: 'Jon Smith'},
      {row: 6, name: 'Lucía Fernández'},
      {row: 7, name: 'Lucia Fernandez'},
      {row: 8, name: 'Omar Said'},
      {row: 9, name: 'Cher'},
      {row: 10, name: 'Cher'},
    ];
    expect(rowsOf(findDuplicates(people))).toEqual([
      ['same name', [2, 3]],
      ['same name', [6, 7]],
      ['similar name', [4, 5]],
    ]);
  });

  test('a pair already reported for its email is not reported again for its name', () => {
    const people: SupporterIdentity[] = [
      {row: 2, name: 'Jane Smith', email: 'jane@example.org'},
      {row: 3, name: 'Jane Smith', email: 'jane@example.org'},
    ];
    expect(rowsOf(findDuplicates(people))).toEqual([['same email', [2, 3]]]);
  });

  test('different people are left alone', () => {
    expect(
      findDuplicates([
        {row: 2, name: 'Ann Lee', email: 'ann@example.org'},
        {row: 3, name: 'Dan Lee', email: 'dan@example.org'},
        {row: 4, name: 'Jordan Lee'},
      ]),
    ).toEqual([]);
  });

  test('finds the duplicates planted in the hand-made list', () => {
    const sheet = loadExport('hand-made-list.csv');
    const people = readSupporters(sheet.values, detectColumns(sheet.values));
    expect(rowsOf(findDuplicates(people))).toEqual([
      ['same email', [6, 18]],
      ['similar name', [8, 9]],
    ]);
  });

  test('finds the duplicate the CiviCRM web form created', () => {
    const sheet = loadExport('civicrm-contacts.csv');
    const people = readSupporters(sheet.values, detectColumns(sheet.values));
    expect(rowsOf(findDuplicates(people))).toEqual([['same email', [2, 14]]]);
  });

  test('the view lists each member on its own line', () => {
    const people: SupporterIdentity[] = [
      {row: 2, id: 'S-AAAAAA', name: 'Jane Smith', email: 'jane@example.org'},
      {row: 3, id: 'S-BBBBBB', name: 'Jane Smyth', email: 'jane@example.org'},
    ];
    expect(duplicatesToRows(findDuplicates(people))).toEqual([
      [...DUPLICATES_HEADERS],
      [
        1,
        'same email: jane@example.org',
        0.98,
        2,
        'S-AAAAAA',
        'Jane Smith',
        'jane@example.org',
        '',
        '',
        '',
      ],
      [
        1,
        'same email: jane@example.org',
        0.98,
        3,
        'S-BBBBBB',
        'Jane Smyth',
        'jane@example.org',
        '',
        '',
        '',
      ],
    ]);
  });

  test('50,000 supporters are checked quickly', () => {
    // Syllable names from a seeded generator: 300 first names, 3,000
    // surnames, so blocks and exact name clashes are as in a real list.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647; // Park–Miller, exact in doubles
      return Math.floor((seed / 2_147_483_647) * n);
    };
    const word = (upper: string, length: number) => {
      let w = upper[next(upper.length)];
      for (let k = 1; k < length; k++)
        w += k % 2 ? 'aeiou'[next(5)] : 'rlnstmkdgbv'[next(11)];
      return w;
    };
    const firsts = Array.from({length: 300}, () =>
      word('ABDEGJKLMNRST', 4 + next(3)),
    );
    const lasts = Array.from({length: 3000}, () =>
      word('BCDFGHKLMNPRSTVW', 5 + next(4)),
    );
    const people: SupporterIdentity[] = [];
    for (let i = 0; i < 50_000; i++) {
      people.push({
        row: i + 2,
        name: `${firsts[next(300)]} ${lasts[next(3000)]}`,
        email: `p${i % 45_000}@example.org`,
        x: i % 4 ? `@h${i}` : '',
      });
    }
    const started = process.cpuUsage();
    const groups = findDuplicates(people);
    const used = process.cpuUsage(started);
    expect(groups.filter(g => g.reason === 'same email')).toHaveLength(5000);
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });
});
