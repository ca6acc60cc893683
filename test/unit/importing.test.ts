import fc from 'fast-check';
import {parseAmount} from '../../src/core/amounts';
import {isUserError} from '../../src/core/errors';
import {SupporterIdentity} from '../../src/core/handles';
import {
  checkImportFileRows,
  dateOrderOfLocale,
  IMPORT_COLUMNS,
  importFileText,
  ImportInput,
  parseImportDate,
  planImport,
} from '../../src/core/importing';
import {KIND_IDS} from '../../src/core/kinds';
import {LOG_HEADERS} from '../../src/core/model';

const SUPPORTERS: SupporterIdentity[] = [
  {
    row: 2,
    id: 'S-AAAAAA',
    name: 'Jane Smith',
    email: 'jane@example.org',
    x: '@Tiger_Fan',
  },
  {
    row: 3,
    id: 'S-BBBBBB',
    name: 'Omar Said',
    bluesky: 'omar.bsky.social',
    externalId: '101',
  },
  {row: 4, id: 'S-CCCCCC', name: 'Jordan Lee', mastodon: '@jl@mas.to'},
  {row: 5, id: 'S-DDDDDD', name: 'Jordan Lee', email: 'jordan.lee@example.net'},
  {row: 6, name: 'No Id Yet', email: 'noid@example.org'},
];

const TODAY = new Date('2026-03-20T12:00:00Z');

function run(values: unknown[][], extra: Partial<ImportInput> = {}) {
  return planImport({
    values,
    supporters: SUPPORTERS,
    existingEventIds: new Set(),
    timeZone: 'America/New_York',
    today: TODAY,
    ...extra,
  });
}

/** The UserError `fn` throws: its message. */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('reading dates', () => {
  const tz = 'America/New_York';

  test('a date cell is taken as it is', () => {
    const d = new Date('2026-03-01T05:00:00Z');
    expect(parseImportDate(d, tz)).toBe(d);
  });

  test('ISO text; without a zone it is the spreadsheet’s wall clock', () => {
    expect(parseImportDate('2026-03-01', tz)?.toISOString()).toBe(
      '2026-03-01T05:00:00.000Z',
    );
    expect(parseImportDate('2026-07-01 14:30', tz)?.toISOString()).toBe(
      '2026-07-01T18:30:00.000Z',
    );
    expect(parseImportDate('2026-03-01T14:30:00Z', tz)?.toISOString()).toBe(
      '2026-03-01T14:30:00.000Z',
    );
    expect(
      parseImportDate('2026-03-01T14:30:00+01:00', tz)?.toISOString(),
    ).toBe('2026-03-01T13:30:00.000Z');
  });

  test('the day a clock change happens on is still that day', () => {
    // 8 March 2026: New York moves from UTC−5 to UTC−4 at 2 am.
    expect(parseImportDate('2026-03-08', tz)?.toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(parseImportDate('2026-03-08 12:00', tz)?.toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    );
  });

  test('Sheets serial numbers: 25569 is 1970-01-01', () => {
    expect(parseImportDate(25569, 'UTC')?.toISOString()).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(parseImportDate(46082.5, 'UTC')?.toISOString()).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });

  test('03/01/2026 is month first unless the order says otherwise', () => {
    expect(parseImportDate('03/01/2026', 'UTC')?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(parseImportDate('03/01/2026', 'UTC', 'DMY')?.toISOString()).toBe(
      '2026-01-03T00:00:00.000Z',
    );
    expect(parseImportDate('25/12/2025', 'UTC')?.toISOString()).toBe(
      '2025-12-25T00:00:00.000Z',
    );
    expect(parseImportDate('3.1.26 9:15 pm', 'UTC')?.toISOString()).toBe(
      '2026-03-01T21:15:00.000Z',
    );
  });

  test('month names', () => {
    for (const text of [
      '1 Mar 2026',
      'March 1, 2026',
      'Sun, Mar 1 2026',
      '1st March 2026',
    ]) {
      expect(parseImportDate(text, 'UTC')?.toISOString()).toBe(
        '2026-03-01T00:00:00.000Z',
      );
    }
    expect(
      parseImportDate('Sat Feb 18 12:33:11 +0000 2023', 'UTC')?.toISOString(),
    ).toBe('2023-02-18T12:33:11.000Z');
  });

  test.each([
    '',
    'soon',
    '31/31/2026',
    '2026-02-30',
    '13/13/13',
    0,
    true,
    null,
  ])('%p is not a date', value =>
    expect(parseImportDate(value, 'UTC')).toBeNull(),
  );
});

test.each([
  [50, 50],
  ['$1,250.50', 1250.5],
  ['1.250,50 €', 1250.5],
  ['1,5', 1.5],
  ['1.000.000', 1_000_000],
  ['', null],
])('amount %p is %p', (text, amount) => expect(parseAmount(text)).toBe(amount));

test('an unreadable amount is NaN', () => {
  expect(parseAmount('a lot')).toBeNaN();
});

describe('an uploaded file', () => {
  test('loses its byte-order mark; line breaks become "\\n", as in a cell', () => {
    expect(
      importFileText('a.csv', '\uFEFFWhen,Note\r\n1,"a\r\nb"\r2\n'),
    ).toEqual({text: 'When,Note\n1,"a\nb"\n2\n', delimiter: ','});
  });

  test.each([
    ['a.csv', 'When,Who\tKind\n', ','],
    ['a.tsv', 'When,Who\n', '\t'],
    ['A.TSV', 'When Who\n', '\t'],
    ['a.txt', 'When\tWho\tKind\n1,2\t3\t4', '\t'],
    ['a.csv', 'When;Who;Kind\n1;2,5;3', ';'],
    ['a.csv', 'When;Who,Kind', ','],
    ['a.csv', 'When', ','],
  ])('%s starting %j is split at %j', (name, text, delimiter) => {
    expect(importFileText(name, text).delimiter).toBe(delimiter);
  });

  test.each(['', '\uFEFF', ' \r\n\t\n'])('%j is an empty file', text => {
    expect(message(() => importFileText('a.csv', text))).toBe(
      'a.csv is empty. Pick a CSV file with a header row (When, Who, Kind, …) and one interaction per line.',
    );
  });

  test('a workbook or zip, and anything with NUL bytes, is not a CSV file', () => {
    expect(message(() => importFileText('a.xlsx', 'PK\x03\x04\x14\0'))).toMatch(
      /^a\.xlsx is a spreadsheet or zip file, not a CSV file\./,
    );
    expect(message(() => importFileText('a.csv', 'When,Who\n\0\0'))).toMatch(
      /^a\.csv is not a text file\./,
    );
    // A name that merely starts with PK is text.
    expect(importFileText('a.csv', 'PK,When\n').text).toBe('PK,When\n');
  });

  test('needs a line below the header, and values a cell can hold', () => {
    expect(
      message(() => checkImportFileRows('a.csv', [['', ' '], []])),
    ).toMatch(/^a\.csv is empty\./);
    expect(
      message(() =>
        checkImportFileRows('a.csv', [[''], ['When', 'Who'], ['']]),
      ),
    ).toBe(
      'a.csv has only one line. It needs a header row (When, Who, Kind, …) and then one interaction per line.',
    );
    const long = 'x'.repeat(50_001);
    expect(
      message(() =>
        checkImportFileRows('a.csv', [
          ['When', 'Note'],
          ['1', 'ok'],
          ['2', long],
        ]),
      ),
    ).toBe(
      'Row 3 of a.csv has a value longer than the 50,000 characters a cell can hold. Shorten it, then import the file again.',
    );
    expect(() =>
      checkImportFileRows('a.csv', [
        ['When', 'Note'],
        ['1', long.slice(1)],
      ]),
    ).not.toThrow();
  });
});

test.each([
  ['en_US', 'MDY'],
  ['es_US', 'MDY'],
  ['en_PH', 'MDY'],
  ['en', 'MDY'],
  ['', 'MDY'],
  ['en_GB', 'DMY'],
  ['de', 'DMY'],
  ['fr_CA', 'DMY'],
  ['pt_BR', 'DMY'],
])('a spreadsheet in %j reads 03/01/2026 as %s', (locale, order) => {
  expect(dateOrderOfLocale(locale)).toBe(order);
});

describe('planning an import', () => {
  const header = [
    'Date',
    'Who',
    'Direction',
    'Kind',
    'Channel',
    'Note',
    'Link',
    'Amount',
  ];

  test('matches people by id, handle, email and unique name', () => {
    const plan = run([
      header,
      [
        '2026-03-01',
        '@tiger_fan',
        'in',
        'retweet',
        '',
        'RT of tiger census',
        'https://x.com/tiger_fan/status/1',
        '',
      ],
      [
        '2026-03-02',
        'jane@example.org',
        'out',
        'thanks',
        'email',
        'Thanked her',
        '',
        '',
      ],
      [
        '2026-03-03',
        'https://bsky.app/profile/omar.bsky.social',
        '',
        'like',
        '',
        '',
        '',
        '',
      ],
      [
        '2026-03-04',
        'S-BBBBBB',
        'in',
        'donation',
        'other',
        'Spring appeal',
        '',
        '$50.00',
      ],
      ['2026-03-05', '101', '', 'volunteered', 'in person', '', '', ''],
      ['2026-03-06', 'Omar Said', '', 'thanks', '', '', '', ''],
    ]);
    expect(plan.unmatched).toEqual([]);
    expect(
      plan.interactions.map(i => [
        i.supporterId,
        i.direction,
        i.kind,
        i.channel,
      ]),
    ).toEqual([
      ['S-AAAAAA', 'inbound', 'retweet', 'x'],
      ['S-AAAAAA', 'outbound', 'thanks', 'email'],
      ['S-BBBBBB', 'inbound', 'like', 'bluesky'],
      ['S-BBBBBB', 'inbound', 'donation', 'other'],
      ['S-BBBBBB', 'inbound', 'volunteered', 'in person'],
      ['S-BBBBBB', 'outbound', 'thanks', ''],
    ]);
    expect(plan.interactions[0]).toEqual({
      when: new Date('2026-03-01T05:00:00Z'),
      supporterId: 'S-AAAAAA',
      direction: 'inbound',
      kind: 'retweet',
      channel: 'x',
      valueClass: 'promotion',
      amount: null,
      note: 'RT of tiger census',
      link: 'https://x.com/tiger_fan/status/1',
      source: 'import',
      eventId: expect.stringMatching(/^import:[0-9a-z]{11}$/),
    });
    expect(plan.interactions[3]).toMatchObject({
      amount: 50,
      valueClass: 'membership',
    });
    expect(plan.sourceRows).toEqual([2, 3, 4, 5, 6, 7]);
    expect(plan.warnings.join(' ')).toMatch(/1 row\(s\) had no direction/);
  });

  test('lists every row it could not use, with the reason', () => {
    const plan = run([
      header,
      ['2026-03-01', 'Jordan Lee', 'in', 'like', '', '', '', ''],
      ['2026-03-01', '@nobody_here', 'in', 'like', '', '', '', ''],
      ['2026-03-01', '@tiger_fan', 'in', 'hug', '', '', '', ''],
      ['someday', '@tiger_fan', 'in', 'like', '', '', '', ''],
      ['2026-03-01', '@tiger_fan', 'sideways', 'like', '', '', '', ''],
      ['2026-03-01', '@tiger_fan', 'in', 'thanks', '', '', '', ''],
      ['2026-03-01', '@tiger_fan', 'in', 'donation', '', '', '', 'lots'],
      ['2031-01-01', '@tiger_fan', 'in', 'like', '', '', '', ''],
      ['2026-03-01', 'noid@example.org', 'in', 'like', '', '', '', ''],
      ['2026-03-01', '', 'in', 'like', '', 'who?', '', ''],
    ]);
    expect(plan.interactions).toEqual([]);
    expect(plan.unmatched.map(u => [u.row, u.who, u.reason])).toEqual([
      [
        2,
        'Jordan Lee',
        expect.stringMatching(/^2 supporters match \(rows 4, 5\)/),
      ],
      [3, '@nobody_here', 'no supporter matches'],
      [
        4,
        '@tiger_fan',
        expect.stringMatching(/^unknown kind "hug" \(use one of: like, follow/),
      ],
      [5, '@tiger_fan', 'the date "someday" isn\'t one I can read'],
      [6, '@tiger_fan', 'direction "sideways" not understood (use in or out)'],
      [7, '@tiger_fan', '"thanks" is something we do, so it can\'t be inbound'],
      [8, '@tiger_fan', 'the amount "lots" isn\'t a number'],
      [9, '@tiger_fan', 'the date 2031-01-01 is in the future'],
      [10, 'noid@example.org', expect.stringMatching(/no supporter id yet/)],
      [11, '', 'the row does not say who it was with'],
    ]);
  });

  test('importing the same file twice adds nothing', () => {
    const values = [
      header,
      ['2026-03-01', '@tiger_fan', 'in', 'retweet', '', 'RT', '', ''],
      ['2026-03-02', 'jane@example.org', 'out', 'thanks', '', '', '', ''],
      ['2026-03-02', 'jane@example.org', 'out', 'thanks', '', '', '', ''],
    ];
    const first = run(values);
    expect(first.interactions).toHaveLength(2);
    expect(first.skippedDuplicates).toBe(1);
    const again = run(values, {
      existingEventIds: new Set(first.interactions.map(i => i.eventId)),
    });
    expect(again.interactions).toEqual([]);
    expect(again.skippedDuplicates).toBe(3);
  });

  test('the same event matched through another spelling is still a duplicate', () => {
    const a = run([
      header,
      ['2026-03-01', '@tiger_fan', 'in', 'retweet', '', 'RT', '', ''],
    ]);
    const b = run([
      header,
      [
        '2026-03-01',
        'jane@example.org',
        'inbound',
        'repost',
        'twitter',
        'RT',
        '',
        '',
      ],
    ]);
    expect(b.interactions[0].eventId).toBe(a.interactions[0].eventId);
  });

  test('event ids from the source are kept', () => {
    const plan = run([
      ['When', 'Email', 'Kind', 'Event ID'],
      ['2026-03-01', 'jane@example.org', 'like', 'x:like:123'],
    ]);
    expect(plan.interactions[0].eventId).toBe('x:like:123');
  });

  test('separate email / handle / name columns, and title rows above the header', () => {
    const plan = run([
      ['Interactions from my old spreadsheet'],
      [],
      ['When', 'Email', 'Twitter', 'First Name', 'Last Name', 'Type'],
      [new Date('2026-03-01T17:00:00Z'), '', '', 'Omar', 'Said', 'reply'],
      [46082, '', 'https://x.com/Tiger_Fan', '', '', 'quote'],
    ]);
    expect(plan.headerRow).toBe(3);
    expect(plan.unmatched).toEqual([]);
    expect(plan.interactions.map(i => i.supporterId)).toEqual([
      'S-BBBBBB',
      'S-AAAAAA',
    ]);
    expect(plan.interactions[1].when.toISOString()).toBe(
      '2026-03-01T05:00:00.000Z',
    );
  });

  test('a whole column decides day/month order', () => {
    const plan = run([
      ['When', 'Who', 'Kind'],
      ['03/01/2026', '@tiger_fan', 'like'],
      ['25/01/2026', '@tiger_fan', 'reply'],
    ]);
    expect(plan.interactions[0].when.toISOString()).toBe(
      '2026-01-03T05:00:00.000Z',
    );
    expect(plan.warnings).toEqual([expect.stringMatching(/no direction/)]);
    const us = run([
      ['When', 'Who', 'Kind'],
      ['03/01/2026', '@tiger_fan', 'like'],
    ]);
    expect(us.warnings.join(' ')).toMatch(
      /could be read either way; they were read as month\/day\/year/,
    );
  });

  test('dates and amounts as text, as a CSV file gives them; 03/01/2026 in the locale order', () => {
    const values = [
      ['When', 'Who', 'Kind', 'Amount'],
      ['2026-03-01', 'jane@example.org', 'donation', '1.250,50 €'],
      ['2026-03-01T14:30:00Z', '@tiger_fan', 'donation', '$20'],
      ['03/01/2026 9:15 pm', 'S-BBBBBB', 'donation', '5'],
    ];
    const read = (dateOrder?: 'MDY' | 'DMY') =>
      run(values, {dateOrder}).interactions.map(i => [
        i.when.toISOString(),
        i.amount,
      ]);
    expect(read(dateOrderOfLocale('en_US'))).toEqual([
      ['2026-03-01T05:00:00.000Z', 1250.5],
      ['2026-03-01T14:30:00.000Z', 20],
      ['2026-03-02T02:15:00.000Z', 5],
    ]);
    expect(read(dateOrderOfLocale('en_GB'))[2]).toEqual([
      '2026-01-04T02:15:00.000Z',
      5,
    ]);
  });

  test('an export of the Interactions log itself imports cleanly', () => {
    const plan = run([
      [...LOG_HEADERS],
      [
        '2026-03-01 10:00',
        'S-CCCCCC',
        'outbound',
        'birthday wish',
        'mastodon',
        'deposit',
        '',
        'Happy birthday!',
        '',
        'sidebar',
        '',
      ],
    ]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.interactions[0]).toMatchObject({
      supporterId: 'S-CCCCCC',
      kind: 'birthday wish',
      valueClass: 'deposit',
      source: 'import',
    });
  });
});

describe('imports that cannot start get a message', () => {
  test('empty', () => {
    expect(message(() => run([]))).toMatch(/The import is empty/);
    expect(message(() => run([['', '']]))).toMatch(/The import is empty/);
  });

  test('missing columns are named', () => {
    expect(
      message(() =>
        run([
          ['When', 'Note'],
          ['2026-03-01', 'x'],
        ]),
      ),
    ).toMatch(
      /couldn't find who it was with \(Who, Email, Handle or Name\), what happened \(Kind\)/,
    );
  });

  test('an unknown time zone', () => {
    expect(
      message(() => run([['When', 'Who', 'Kind']], {timeZone: 'Mars/Olympus'})),
    ).toMatch(/"Mars\/Olympus" is not a time zone/);
  });

  test('a header and no rows is not an error', () => {
    expect(run([['When', 'Who', 'Kind']]).warnings).toEqual([
      'The import has a header but no rows.',
    ]);
  });
});

test('IMPORT_COLUMNS documents every accepted column', () => {
  expect(IMPORT_COLUMNS.map(c => c.field)).toEqual([
    'when',
    'who',
    'supporterId',
    'email',
    'handle',
    'name',
    'firstName',
    'lastName',
    'direction',
    'kind',
    'channel',
    'note',
    'link',
    'amount',
    'eventId',
  ]);
  expect(IMPORT_COLUMNS.filter(c => c.required).map(c => c.header)).toEqual([
    'When',
    'Kind',
  ]);
  const kind = IMPORT_COLUMNS.find(c => c.field === 'kind')!;
  for (const id of KIND_IDS) expect(kind.accepts).toContain(id);
});

test('property: any import gets a plan or a clear message', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      'When',
      'Who',
      'Kind',
      'Direction',
      'Amount',
      'like',
      'thanks',
      'in',
      'out',
      '@tiger_fan',
      'jane@example.org',
      'Jordan Lee',
      '2026-03-01',
      '03/04/2026',
      'S-BBBBBB',
      '$5',
    ),
    fc.string({maxLength: 10}),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.date({noInvalidDate: false}),
  );
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, {maxLength: 8}), {maxLength: 12}),
      values => {
        try {
          const plan = run(values);
          const used =
            plan.interactions.length +
            plan.unmatched.length +
            plan.skippedDuplicates;
          const rows = values
            .slice(plan.headerRow)
            .filter(r =>
              r.some(v => v !== '' && !(typeof v === 'string' && !v.trim())),
            );
          expect(used).toBe(rows.length);
          for (const i of plan.interactions) {
            expect(KIND_IDS).toContain(i.kind);
            expect(isNaN(i.when.getTime())).toBe(false);
          }
        } catch (e) {
          expect(isUserError(e)).toBe(true);
        }
      },
    ),
    {numRuns: 300},
  );
});
