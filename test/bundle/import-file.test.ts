/**
 * Settings › Import interactions: a CSV file, sent by the sidebar as text,
 * is imported as the same rows in a sheet are by Social CRM › Import
 * interactions…; a file that cannot be read says why and writes nothing.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import fc from 'fast-check';
import type {Emulator} from '../../emulator';
import {writeXlsx} from '../../emulator/io/xlsx';
import type {Notice} from '../../src/api';
import {idOf, messages, records, sheetOf, trackerWith} from './harness';

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['Tom Reed', 'tom@example.org', '@tomreed'],
  ['Ana Lima', 'ana@example.org', ''],
];

/** As Excel saves "CSV UTF-8": a byte-order mark and CRLF line ends. */
const FILE =
  '\uFEFFDate,Who,Kind,Direction,Note,Amount\r\n' +
  '2026-02-10,maya@example.org,thanks,out,"Thanked her for the gala, in person",\r\n' +
  '2/14/2026,@TomReed,retweet,,"RT of ""cub cam""\r\nand a second line",\r\n' +
  '2026-02-20 14:30,ana@example.org,donation,in,Spring appeal,"$1,250.50"\r\n' +
  '2026-02-21,@nobody_here,like,,,\r\n' +
  '2026-02-22,tom@example.org,hug,,,\r\n';

/** The same tracker in every emulator: same supporter ids (seeded), same event ids. */
const tracker = (otherSheets: {name: string; values: string[][]}[] = []) =>
  trackerWith(PEOPLE, {uuidSeed: 'import-file', otherSheets});

const importFile = (emu: Emulator, name: string, text: string) =>
  (emu.callFromSidebar('importInteractionsFile', [name, text]) as Notice)
    .message;

const imported = (emu: Emulator) =>
  records(emu, 'Interactions').filter(r => r.Source === 'import');

/** The call's error, which must be one written for the user. */
function userError(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect((e as Error).name).toBe('UserError');
    return (e as Error).message;
  }
  throw new Error('expected the import to be refused');
}

test('a CSV file with a byte-order mark, quoted commas and line breaks is matched by email and handle', () => {
  const emu = tracker();
  expect(importFile(emu, 'history.csv', FILE).split('\n')).toEqual([
    'Imported 3 interactions from "history.csv".',
    '2 rows could not be imported: see the "Import problems" sheet for each row and why.',
    '1 row(s) had no direction; they were taken as inbound (something they did).',
  ]);
  expect(
    imported(emu).map(r => ({
      ...r,
      When: (r.When as Date).toISOString(),
      'Event ID': String(r['Event ID']).slice(0, 7),
    })),
  ).toEqual([
    {
      When: '2026-02-10T00:00:00.000Z',
      'Supporter ID': idOf(emu, 'Maya Ode'),
      Direction: 'outbound',
      Kind: 'thanks',
      Channel: '',
      'Value class': 'deposit',
      Amount: '',
      Note: 'Thanked her for the gala, in person',
      Link: '',
      Source: 'import',
      'Event ID': 'import:',
    },
    {
      When: '2026-02-14T00:00:00.000Z',
      'Supporter ID': idOf(emu, 'Tom Reed'),
      Direction: 'inbound',
      Kind: 'retweet',
      Channel: 'x',
      'Value class': 'promotion',
      Amount: '',
      Note: 'RT of "cub cam"\nand a second line',
      Link: '',
      Source: 'import',
      'Event ID': 'import:',
    },
    {
      When: '2026-02-20T14:30:00.000Z',
      'Supporter ID': idOf(emu, 'Ana Lima'),
      Direction: 'inbound',
      Kind: 'donation',
      Channel: '',
      'Value class': 'membership',
      Amount: 1250.5,
      Note: 'Spring appeal',
      Link: '',
      Source: 'import',
      'Event ID': 'import:',
    },
  ]);
  // Rows are numbered as in a sheet made from the file: Tom's note is one row.
  expect(records(emu, 'Import problems')).toEqual([
    {
      Row: 5,
      Who: '@nobody_here',
      'Why it was not imported': 'no supporter matches',
    },
    {
      Row: 6,
      Who: 'tom@example.org',
      'Why it was not imported': expect.stringMatching(/^unknown kind "hug"/),
    },
  ]);
  // Scores were refreshed: Tom's retweet counts.
  const tom = records(emu, 'Supporters').find(r => r.Name === 'Tom Reed')!;
  expect(Number(tom.Responsiveness)).toBeGreaterThan(0);
});

test('importing the same file again adds nothing', () => {
  const emu = tracker();
  importFile(emu, 'history.csv', FILE);
  const log = sheetOf(emu, 'Interactions').values;
  expect(importFile(emu, 'history.csv', FILE).split('\n').slice(0, 2)).toEqual([
    'Imported 0 interactions from "history.csv".',
    '3 were already in the log and were skipped.',
  ]);
  expect(sheetOf(emu, 'Interactions').values).toEqual(log);
});

test('a file gives the same log as the same rows imported from a sheet through the menu', () => {
  // The sheet File › Import makes of FILE: line breaks in a cell are "\n".
  const rows: string[][] = parse(FILE.slice(1).replace(/\r\n/g, '\n'), {
    relax_column_count: true,
  });
  const fromSheet = tracker([{name: 'History', values: rows}]);
  fromSheet.clickMenu('Import interactions…', ['History']);
  const fromFile = tracker();
  const summary = importFile(fromFile, 'History', FILE);

  expect(fromSheet.ui.alerts.at(-1)!.prompt).toBe(summary);
  expect(imported(fromSheet)).toHaveLength(3);
  expect(sheetOf(fromFile, 'Interactions').values).toEqual(
    sheetOf(fromSheet, 'Interactions').values,
  );
  expect(records(fromFile, 'Import problems')).toEqual(
    records(fromSheet, 'Import problems'),
  );
});

test('tabs by a .tsv name or a first line with tabs and no commas; semicolons by a first line with only those', () => {
  const tsv =
    'When\tEmail\tKind\tNote\n' +
    '2026-02-10\tmaya@example.org\tlike\t"liked ""Spring, at last"""\n';
  for (const [name, text] of [
    ['likes.tsv', tsv],
    ['likes.txt', tsv],
    ['likes.csv', tsv.replace(/\t/g, ';')],
  ]) {
    const emu = tracker();
    expect(importFile(emu, name, text).split('\n')[0]).toBe(
      `Imported 1 interactions from "${name}".`,
    );
    expect(imported(emu).map(r => r.Note)).toEqual(['liked "Spring, at last"']);
  }
});

test('an empty file, a header alone and a workbook say what is wrong and write nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whuffie-import-'));
  let xlsx: Buffer;
  try {
    const path = join(dir, 'history.xlsx');
    await writeXlsx(
      path,
      {sheets: [{name: 'Log', values: parse(FILE.slice(1))}]},
      {timeZone: 'Europe/London'},
    );
    xlsx = readFileSync(path);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  const emu = tracker();
  const before = emu.toWorkbook();
  const refused = (name: string, text: string) =>
    userError(() => importFile(emu, name, text));

  expect(refused('history.csv', '')).toBe(
    'history.csv is empty. Pick a CSV file with a header row (When, Who, Kind, …) and one interaction per line.',
  );
  expect(refused('history.csv', '\uFEFF\r\n \r\n')).toMatch(/ is empty\./);
  expect(refused('history.csv', ',,,\n,,\n')).toMatch(/ is empty\./);
  expect(refused('history.csv', '\uFEFFWhen,Who,Kind\r\n')).toBe(
    'history.csv has only one line. It needs a header row (When, Who, Kind, …) and then one interaction per line.',
  );
  // What a browser reads from a workbook picked by mistake.
  for (const text of [xlsx.toString('latin1'), xlsx.toString('utf8')]) {
    expect(refused('history.xlsx', text)).toBe(
      'history.xlsx is a spreadsheet or zip file, not a CSV file. Open it in Google Sheets or Excel, save or download it as CSV (comma-separated values), and pick that file.',
    );
  }
  expect(refused('photo.csv', 'GIF89a\0\0\x01\0')).toMatch(
    /^photo\.csv is not a text file\./,
  );
  expect(
    refused('history.csv', 'When,Who,Kind\n2026-02-10,"maya,like\n'),
  ).toMatch(
    /^history\.csv could not be read as CSV: a quote mark \(".*\) is out of place\./,
  );
  expect(refused('history.csv', 'When,Note\n2026-02-10,hello\n')).toMatch(
    /couldn't find who it was with/,
  );
  expect(emu.toWorkbook()).toEqual(before);
});

test('text from the file stays text in the log and in Import problems, never a formula', () => {
  const emu = tracker();
  const message = importFile(
    emu,
    'evil.csv',
    'When,Who,Kind,Note,Link,Event ID\n' +
      '2026-02-10,maya@example.org,reply,"=HYPERLINK(""http://evil.example"",""click"")",=1+1,+44 7700 900123\n' +
      '2026-02-11,"=IMPORTXML(""http://evil.example"",""//a"")",like,,,\n',
  );
  expect(message).toMatch(/^Imported 1 interactions/);
  const log = sheetOf(emu, 'Interactions');
  expect(log.formulas ?? {}).toEqual({});
  expect(imported(emu)).toEqual([
    expect.objectContaining({
      Note: '=HYPERLINK("http://evil.example","click")',
      Link: '=1+1',
      'Event ID': '+44 7700 900123',
    }),
  ]);
  expect(sheetOf(emu, 'Import problems').formulas ?? {}).toEqual({});
  expect(records(emu, 'Import problems')[0].Who).toBe(
    '=IMPORTXML("http://evil.example","//a")',
  );
});

test('a file that is not a string, or no file at all, is asked for', () => {
  const emu = tracker();
  const shown = messages(emu).length;
  expect(
    userError(() => emu.callFromSidebar('importInteractionsFile', [null, 7])),
  ).toBe('Choose a CSV file of interactions first.');
  expect(messages(emu)).toHaveLength(shown);
});

test('property: any text gets a summary or a message for the user, and a refused file writes nothing', () => {
  const emu = tracker();
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      'When',
      'Who',
      'Kind',
      'Email',
      'Note',
      'like',
      'thanks',
      'out',
      '2026-02-10',
      '31/12/2025',
      'maya@example.org',
      '@tomreed',
      '=1+1',
      '"',
      '""',
      '"a,b"',
      '\uFEFF',
      '\0',
      'PK\x03\x04',
    ),
    fc.string({maxLength: 8, unit: 'binary'}),
  );
  const delimiter = fc.constantFrom(',', '\t', ';');
  const line = fc
    .tuple(fc.array(cell, {maxLength: 6}), delimiter)
    .map(([cells, d]) => cells.join(d));
  // Half the files start with a header the import knows, so that files
  // which import (some rows or none) are drawn as well as refused ones.
  const header = fc.oneof(
    fc.constant(''),
    delimiter.map(d => `When${d}Who${d}Kind${d}Note`),
  );
  const file = fc
    .tuple(
      header,
      fc.array(line, {maxLength: 6}),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('file.csv', 'file.tsv', 'file.txt'),
    )
    .map(([head, lines, eol, name]) => ({
      name,
      text: [head, ...lines].filter(Boolean).join(eol),
    }));
  fc.assert(
    fc.property(file, ({name, text}) => {
      const before = emu.toWorkbook();
      let message: string;
      try {
        message = importFile(emu, name, text);
      } catch (e) {
        expect((e as Error).name).toBe('UserError');
        expect(emu.toWorkbook()).toEqual(before);
        return;
      }
      expect(message).toMatch(/^Imported \d+ interactions from "file\.\w+"\./);
      expect(sheetOf(emu, 'Interactions').formulas ?? {}).toEqual({});
    }),
    {
      numRuns: 30,
      // One that imports, whatever is drawn.
      examples: [
        [{name: 'file.csv', text: 'When,Who,Kind\n2026-02-10,@tomreed,like'}],
      ],
    },
  );
});
