import {
  columnLetter,
  DEFAULT_RELATIONSHIP_TAGS,
  detectColumns,
  findHeaderRow,
  formatTags,
  handlesInRow,
  lastUsedColumn,
  lastUsedRow,
  newSupporterId,
  parseFlag,
  parseTags,
  readSupporters,
  recogniseHeader,
  stableHash,
  TRACKER_COLUMNS,
  vocabularyMatcher,
} from '../../src/core/columns';
import {isUserError} from '../../src/core/errors';
import {SUPPORTER_ID_PATTERN} from '../../src/core/handles';
import {loadExport} from './exportFixtures';

describe('header spellings from real exports', () => {
  test.each([
    ['Email Address', 'email'],
    ['E-mail 1 - Value', 'email'],
    ['E-mail Address', 'email'],
    ['Email', 'email'],
    ['What is your email address?', 'email'],
    ['First Name', 'firstName'],
    ['Given Name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Family Name', 'lastName'],
    ['Display Name', 'name'],
    ['Name', 'name'],
    ['Full name (first and last)', 'name'],
    ['Birthday', 'birthday'],
    ['Birth Date', 'birthday'],
    ['Birthdate', 'birthday'],
    ['DOB', 'birthday'],
    ['Birthday (month and day are enough)', 'birthday'],
    ['TAGS', 'tags'],
    ['Tag(s)', 'tags'],
    ['Labels', 'tags'],
    ['Groups', 'tags'],
    ['Categories', 'tags'],
    ['Notes', 'notes'],
    ['Note', 'notes'],
    ['Note(s)', 'notes'],
    ['Twitter', 'x'],
    ['Twitter handle', 'x'],
    ['X', 'x'],
    ["What's your Twitter/X handle? (optional)", 'x'],
    ['Bluesky', 'bluesky'],
    ['Mastodon', 'mastodon'],
    ['Website 1 - Value', 'website'],
    ['Web Page', 'website'],
    ['Contact ID', 'externalId'],
    ['Phone 1 - Value', 'phone'],
    ['Do Not Contact', 'doNotContact'],
    ['Supporter ID', 'supporterId'],
    ['X handle', 'xHandle'],
    ['Stay in touch (days)', 'cadenceDays'],
    ['Which causes do you care about most?', 'topics'],
  ])('"%s" is %s', (header, field) => {
    expect(recogniseHeader(header)?.field).toBe(field);
  });

  test.each([
    'E-mail 2 - Value',
    'E-mail 1 - Type',
    'E-mail 1 - Label',
    'E-mail 2 Address',
    'E-mail Display Name',
    'E-mail Type',
    "Manager's Name",
    'Middle Name',
    'Organization Name',
    'Household Name',
    'Do Not Email',
    'MEMBER_RATING',
    'Timestamp',
    'Phone 2 - Value',
    '',
  ])('"%s" is not a column we use', header => {
    expect(recogniseHeader(header)).toBeNull();
  });

  test('an exact export spelling is surer than a keyword in a question', () => {
    expect(recogniseHeader('Email')!.confidence).toBe(1);
    expect(recogniseHeader('Where can we email you?')!.confidence).toBeLessThan(
      1,
    );
    expect(recogniseHeader('Sort Name')!.confidence).toBeLessThan(
      recogniseHeader('Display Name')!.confidence,
    );
  });
});

describe('finding the header row', () => {
  test('skips title rows and blank rows above the header', () => {
    const values = [
      ['Friends of the Tiger Reserve', '', ''],
      ['Supporters, March 2026', '', ''],
      ['', '', ''],
      ['Name', 'Email', 'Twitter'],
      ['Jane Smith', 'jane@example.org', '@jane'],
    ];
    expect(findHeaderRow(values)).toBe(4);
  });

  test('picks the real header under a merged group header', () => {
    const values = [
      ['Name', '', 'Contact', '', 'Notes'],
      ['First', 'Last', 'Email', 'Twitter', ''],
      ['Jane', 'Smith', 'jane@example.org', '@jane', 'hi'],
    ];
    expect(findHeaderRow(values)).toBe(2);
  });

  test('a row of data is not a header, even if a cell says "Notes"', () => {
    const values = [
      ['Jane Smith', 'jane@example.org', '@jane', 'Notes', 42],
      ['Omar Said', 'omar@example.org', '@omar', '', 17],
    ];
    expect(findHeaderRow(values)).toBeNull();
  });

  test('only the first maxScan rows are searched', () => {
    const values = [...Array.from({length: 12}, () => ['']), ['Email']];
    expect(findHeaderRow(values)).toBeNull();
    expect(findHeaderRow(values, 20)).toBe(13);
  });
});

describe('detecting columns', () => {
  test('an empty sheet gets the message from the issue', () => {
    expect(() => detectColumns([['', ''], ['']])).toThrow(
      'This sheet is empty. Open the sheet that lists your supporters (one ' +
        'person per row, with a header row) and run Set up tracker again.',
    );
  });

  test('a sheet without a header says what to do', () => {
    let error: unknown;
    try {
      detectColumns([['Jane Smith', 'jane@example.org']]);
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/header row/);
  });

  test('a website column full of twitter links is the X source', () => {
    const mapping = detectColumns([
      ['Name', 'Website 1 - Value'],
      ['A', 'https://twitter.com/a_a'],
      ['B', 'https://x.com/b_b'],
      ['C', 'https://c.example.org'],
    ]);
    expect(mapping.fields.x).toBe(2);
    expect(mapping.matches.x?.foundBy).toBe('contents');
    expect(mapping.warnings.join(' ')).toMatch(/X\/Twitter links/);
  });

  test('a column with a twitter header wins over links found elsewhere', () => {
    const mapping = detectColumns([
      ['Name', 'Website', 'Twitter'],
      ['A', 'https://twitter.com/a_a', '@a_a'],
    ]);
    expect(mapping.fields).toMatchObject({x: 3, website: 2});
  });

  test('duplicate header names are reported and the first is used', () => {
    const mapping = detectColumns([
      ['Email', 'Notes', 'Email'],
      ['a@example.org', 'x', 'b@example.org'],
    ]);
    expect(mapping.fields.email).toBe(1);
    expect(mapping.warnings.join(' ')).toMatch(
      /2 columns are named "Email" \(A, C\)/,
    );
    expect(mapping.unrecognised).toEqual([{column: 3, header: 'Email'}]);
  });

  test('a merged header cell: the empty cells beside it are named after it', () => {
    const mapping = detectColumns([
      ['Name', '', 'Email'],
      ['Jane', 'Smith', 'jane@example.org'],
    ]);
    expect(mapping.headers).toEqual(['Name', 'Name (2)', 'Email']);
    expect(mapping.fields.name).toBe(1);
    expect(mapping.warnings.join(' ')).toMatch(/merged header "Name"/);
  });

  test('a computed column of the same name with your data in it is not taken over', () => {
    const mapping = detectColumns([
      ['Name', 'Level', 'Whuffie'],
      ['Jane', 'Gold', ''],
    ]);
    expect(mapping.fields.level).toBeUndefined();
    expect(mapping.fields.whuffie).toBe(3);
  });

  test('formulas count as used cells and a formula header is noted', () => {
    const values = [
      ['Name', ''],
      ['Jane', ''],
    ];
    const formulas = [
      ['', '=CONCAT("E","mail")'],
      ['', '=1/0'],
    ];
    expect(lastUsedColumn(values, formulas)).toBe(2);
    expect(lastUsedRow(values, formulas)).toBe(2);
    const mapping = detectColumns(
      [
        ['Name', 'Email'],
        ['Jane', 'jane@example.org'],
      ],
      {
        formulas: [
          ['', '=CONCAT("E","mail")'],
          ['', ''],
        ],
      },
    );
    expect(mapping.warnings.join(' ')).toMatch(/column B is a formula/);
  });
});

describe('handles in a row', () => {
  const fields = {x: 1, bluesky: 2, mastodon: 3, website: 4, notes: 5};

  test('each network comes from its column, then website and notes', () => {
    const row = [
      'https://twitter.com/Tiger_Fan',
      '',
      '',
      'https://bsky.app/profile/tiger.bsky.social',
      'Mastodon: @tiger@mas.to',
    ];
    const {found, unreadable} = handlesInRow(row, fields);
    expect(found.x?.display).toBe('@Tiger_Fan');
    expect(found.bluesky?.value).toBe('tiger.bsky.social');
    expect(found.mastodon?.value).toBe('tiger@mas.to');
    expect(unreadable).toEqual([]);
  });

  test('a handle in the wrong column still counts for its network', () => {
    const {found, unreadable} = handlesInRow(
      ['', '@cara@mastodon.social'],
      fields,
    );
    expect(found.mastodon?.value).toBe('cara@mastodon.social');
    expect(unreadable).toEqual([]);
  });

  test('an unreadable handle is reported, placeholders are not', () => {
    expect(handlesInRow(['way too long a handle'], fields).unreadable).toEqual([
      {network: 'x', raw: 'way too long a handle', reason: 'has spaces in it'},
    ]);
    for (const placeholder of ['n/a', 'none', '-', '?', 'not on twitter']) {
      expect(handlesInRow([placeholder], fields).unreadable).toEqual([]);
    }
  });

  test('"Jane (@jane_doe)" in an X column gives @jane_doe', () => {
    expect(handlesInRow(['Jane (@jane_doe)'], fields).found.x?.value).toBe(
      'jane_doe',
    );
  });

  test('other links in a website column picked for its X links are not flagged', () => {
    const result = handlesInRow(
      ['https://jane.example.com'],
      fields,
      new Set(['x']),
    );
    expect(result.unreadable).toEqual([]);
  });
});

describe('tags', () => {
  test('every export spelling of a tag list reads the same', () => {
    expect(parseTags('"Donor","Newsletter"')).toEqual(['donor', 'newsletter']);
    expect(parseTags('* myContacts ::: Donors ::: Board')).toEqual([
      'donors',
      'board',
    ]);
    expect(parseTags('Donors;Volunteers')).toEqual(['donors', 'volunteers']);
    expect(parseTags('Donor, Volunteer, donor')).toEqual([
      'donor',
      'volunteer',
    ]);
    expect(parseTags('')).toEqual([]);
  });

  test('the tracker writes "donor, volunteer" so filters and COUNTIF work', () => {
    expect(formatTags(['Donor', 'volunteer', 'DONOR'])).toBe(
      'donor, volunteer',
    );
  });

  test('whole tags matching the vocabulary seed relationship tags', () => {
    const relationshipTagsIn = vocabularyMatcher(DEFAULT_RELATIONSHIP_TAGS);
    expect(
      relationshipTagsIn([
        'donors',
        'newsletter',
        'board',
        'former volunteer',
        'Press',
      ]),
    ).toEqual(['donor', 'board', 'press']);
  });
});

describe('supporter ids', () => {
  test('look like S-7K3Q2X, are stable for the same seed and content, and unique', () => {
    const taken = new Set<string>();
    const a = newSupporterId('seed', 'Jane|jane@example.org', taken);
    expect(a).toMatch(SUPPORTER_ID_PATTERN);
    expect(newSupporterId('seed', 'Jane|jane@example.org', new Set())).toBe(a);
    const b = newSupporterId('seed', 'Jane|jane@example.org', taken);
    expect(b).not.toBe(a);
    expect(taken).toEqual(new Set([a, b]));
  });

  test('10,000 ids never collide', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 10_000; i++) newSupporterId('s', `row ${i}`, taken);
    expect(taken.size).toBe(10_000);
  });

  test('stableHash is stable and short', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'));
    expect(stableHash('abc')).not.toBe(stableHash('abd'));
    expect(stableHash('abc')).toMatch(/^[0-9a-z]{11}$/);
  });
});

describe('the tracker column schema', () => {
  test('every typed-in column is plain text so nothing becomes a formula', () => {
    for (const spec of TRACKER_COLUMNS) {
      if (spec.computed || spec.validation) continue;
      expect([spec.field, spec.numberFormat]).toEqual([spec.field, '@']);
    }
  });

  test('Do not contact is a checkbox, Stay in touch a number ≥ 0', () => {
    const byField = new Map(TRACKER_COLUMNS.map(c => [c.field, c]));
    expect(byField.get('doNotContact')?.validation).toEqual({type: 'checkbox'});
    expect(byField.get('cadenceDays')?.validation).toMatchObject({
      type: 'numberAtLeast',
      min: 0,
    });
    expect(TRACKER_COLUMNS.filter(c => c.computed).map(c => c.field)).toEqual([
      'lastContact',
      'responsiveness',
      'whuffie',
      'level',
      'band',
    ]);
    expect(TRACKER_COLUMNS.filter(c => c.hidden).map(c => c.field)).toEqual([
      'band',
    ]);
    for (const spec of TRACKER_COLUMNS)
      expect(spec.note.length).toBeGreaterThan(20);
  });
});

describe('cells', () => {
  test('checkbox-ish values', () => {
    for (const v of [true, 1, 'TRUE', 'yes', 'Y', 'x', '1', '✓']) {
      expect(parseFlag(v)).toBe(true);
    }
    for (const v of [false, 0, '', 'FALSE', 'no', '0', new Date(0)]) {
      expect(parseFlag(v)).toBe(false);
    }
  });

  test('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'AAA',
    ]);
  });
});

describe('reading supporters', () => {
  test('one identity per person row, handles taken from any column', () => {
    const sheet = loadExport('hand-made-list.csv');
    const mapping = detectColumns(sheet.values, {formulas: sheet.formulas});
    const people = readSupporters(sheet.values, mapping);
    expect(people).toHaveLength(20);
    expect(people[0]).toEqual({
      row: 6,
      name: 'Tiger Fan',
      email: 'tiger.fan@example.org',
      x: '@Tiger_Fan',
      bluesky: '@tigerfan.bsky.social',
    });
    expect(people.find(p => p.name === 'Olga Ivanova')).toMatchObject({
      x: '@OlgaIvanova',
      mastodon: '@olga@fosstodon.org',
    });
  });
});
