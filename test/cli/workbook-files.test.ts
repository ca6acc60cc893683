import ExcelJS from 'exceljs';
import {mkdtempSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readWorkbookFile, writeWorkbookFile} from '../../emulator/io';
import {emptyState, type EmulatorState} from '../../emulator/state';
import type {WorkbookData} from '../../emulator/workbook';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whuffie-io-'));
});

function stateWith(
  timeZone: string,
  frozen: Record<string, number> = {},
): EmulatorState {
  return {
    ...emptyState(new Date('2026-09-01T08:00:00Z')),
    properties: {script: {}, user: {}, document: {doc1: {setupDone: 'yes'}}},
    spreadsheet: {
      version: 1,
      timeZone,
      sheets: Object.entries(frozen).map(([name, frozenRows]) => ({
        name,
        frozenRows,
      })),
    },
  };
}

describe('.xlsx files', () => {
  const workbook: WorkbookData = {
    sheets: [
      {
        name: 'Supporters',
        values: [
          ['Name', 'Joined', 'Gifts', 'Member', 'Note'],
          [
            "Siobhán O'Brien",
            new Date('2026-03-05T00:00:00Z'),
            3,
            true,
            '=HYPERLINK("http://evil")',
          ],
          [
            '  padded  ',
            new Date('2026-03-05T14:03:11Z'),
            -2.5,
            false,
            'two\nlines',
          ],
          [],
          ['Nguyễn Thảo', '', 1e15, '', '#N/A'],
        ],
        formulas: {
          F2: '=C2*2',
          F3: '=A3&"!"',
          F5: '=NA()',
          G2: '=TODAY()',
          G3: '=C3>0',
        },
      },
      {name: 'Interactions', values: [['When', 'Supporter ID']]},
    ],
  };
  workbook.sheets[0].values[1].push(6, new Date('2026-09-01T00:00:00Z'));
  workbook.sheets[0].values[2].push('  padded  !', false);
  workbook.sheets[0].values[4].push('#N/A');

  it('keeps every value type, formula and cached result through a round trip', async () => {
    const path = join(dir, 'book.xlsx');
    await writeWorkbookFile(path, workbook, undefined, {timeZone: 'Etc/UTC'});
    const {workbook: back, state} = await readWorkbookFile(path, {
      timeZone: 'Etc/UTC',
    });
    expect(state).toBeUndefined();
    expect(back.sheets.map(s => s.name)).toEqual([
      'Supporters',
      'Interactions',
    ]);
    expect(back.sheets[0].formulas).toEqual(workbook.sheets[0].formulas);
    expect(back.sheets[0].values).toEqual(workbook.sheets[0].values);
    expect(back.sheets[1]).toEqual({
      name: 'Interactions',
      values: [['When', 'Supporter ID']],
    });
  });

  it('writes dates as the wall-clock time of the spreadsheet zone, with a date format', async () => {
    const path = join(dir, 'zoned.xlsx');
    const nineInLondon = new Date('2026-07-01T08:00:00Z'); // BST, UTC+1
    const midnightInNewYork = new Date('2026-03-05T05:00:00Z');
    await writeWorkbookFile(
      path,
      {sheets: [{name: 'S', values: [[nineInLondon], [midnightInNewYork]]}]},
      undefined,
      {timeZone: 'Europe/London'},
    );
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    const cell = excel.worksheets[0].getCell('A1');
    expect(cell.value).toEqual(new Date('2026-07-01T09:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const read = await readWorkbookFile(path, {timeZone: 'Europe/London'});
    expect(read.workbook.sheets[0].values[0][0]).toEqual(nineInLondon);

    await writeWorkbookFile(
      path,
      {sheets: [{name: 'S', values: [[midnightInNewYork]]}]},
      undefined,
      {timeZone: 'America/New_York'},
    );
    await excel.xlsx.readFile(path);
    expect(excel.worksheets[0].getCell('A1').numFmt).toBe('yyyy-mm-dd');
  });

  it('keeps a value that starts with "=" as text, never a formula', async () => {
    const path = join(dir, 'inject.xlsx');
    await writeWorkbookFile(path, {
      sheets: [{name: 'S', values: [['=cmd|" /C calc"!A0']]}],
    });
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    const cell = excel.worksheets[0].getCell('A1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect((await readWorkbookFile(path)).workbook.sheets[0]).toEqual({
      name: 'S',
      values: [['=cmd|" /C calc"!A0']],
    });
  });

  it('reads rich text, hyperlinks, errors and merged cells as Sheets shows them', async () => {
    const path = join(dir, 'excel-made.xlsx');
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet('Made in Excel');
    sheet.getCell('A1').value = {
      richText: [{text: 'Loves '}, {font: {bold: true}, text: 'tigers'}],
    };
    sheet.getCell('B1').value = {
      text: 'profile',
      hyperlink: 'https://bsky.app/profile/x',
    };
    sheet.getCell('C1').value = {error: '#REF!'};
    sheet.mergeCells('A2:B2');
    sheet.getCell('A2').value = 'merged';
    await excel.xlsx.writeFile(path);
    const {workbook: back} = await readWorkbookFile(path);
    expect(back.sheets[0].values).toEqual([
      ['Loves tigers', 'profile', '#REF!'],
      ['merged'],
    ]);
  });

  it('freezes the rows the state says are frozen', async () => {
    const path = join(dir, 'frozen.xlsx');
    const state = stateWith('Etc/UTC', {Supporters: 1});
    await writeWorkbookFile(
      path,
      {sheets: [{name: 'Supporters', values: [['Name']]}]},
      state,
    );
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    expect(excel.worksheets[0].views[0]).toMatchObject({
      state: 'frozen',
      ySplit: 1,
    });
  });

  it('refuses a sheet name Excel cannot store instead of truncating it', async () => {
    const long = 'Reach out today — the long version of the name';
    await expect(
      writeWorkbookFile(join(dir, 'x.xlsx'), {
        sheets: [{name: long, values: []}],
      }),
    ).rejects.toThrow(`the sheet name "${long}" is longer than 31 characters`);
  });

  it('says a damaged file is not an .xlsx file', async () => {
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, 'not a zip');
    await expect(readWorkbookFile(path)).rejects.toThrow(
      `cannot read ${path}: it is not a valid .xlsx file`,
    );
  });
});

describe('the state sidecar', () => {
  it('goes beside the workbook and comes back when the workbook is read', async () => {
    const path = join(dir, 'export.xlsx');
    const state = stateWith('Europe/London');
    const written = await writeWorkbookFile(
      path,
      {sheets: [{name: 'S', values: [['a']]}]},
      state,
    );
    expect(written.paths).toEqual([path, join(dir, 'export.whuffie.json')]);
    const file = JSON.parse(
      readFileSync(join(dir, 'export.whuffie.json'), 'utf8'),
    );
    expect(file).toMatchObject({version: 1, workbook: 'export.xlsx'});
    const read = await readWorkbookFile(path);
    expect(read.state).toEqual(state);
    expect(read.timeZone).toBe('Europe/London');
  });

  it('lets an explicit time zone win over the saved one', async () => {
    const path = join(dir, 'export.xlsx');
    await writeWorkbookFile(path, {sheets: []}, stateWith('Europe/London'));
    expect(
      (await readWorkbookFile(path, {timeZone: 'Asia/Tokyo'})).timeZone,
    ).toBe('Asia/Tokyo');
  });

  it('is removed when a workbook is written without state, so old triggers do not stick', async () => {
    const path = join(dir, 'export.xlsx');
    await writeWorkbookFile(path, {sheets: []}, stateWith('Etc/UTC'));
    await writeWorkbookFile(path, {sheets: []});
    expect(existsSync(join(dir, 'export.whuffie.json'))).toBe(false);
  });

  it('names the sidecar when it is damaged or from another version', async () => {
    const path = join(dir, 'export.xlsx');
    await writeWorkbookFile(path, {sheets: []});
    const sidecar = join(dir, 'export.whuffie.json');
    writeFileSync(sidecar, '{oops');
    await expect(readWorkbookFile(path)).rejects.toThrow(
      `cannot read ${sidecar}: it is not valid JSON (delete it to start afresh)`,
    );
    writeFileSync(sidecar, JSON.stringify({version: 2, state: {}}));
    await expect(readWorkbookFile(path)).rejects.toThrow(
      'it has format version 2; this whuffie reads version 1',
    );
  });
});

describe('.csv files', () => {
  const bom = '\ufeff';

  it('reads a European export: BOM, semicolons, quoted line breaks', async () => {
    const path = join(dir, 'Mailchimp export.csv');
    writeFileSync(
      path,
      bom +
        'Email Address;Zip;Phone;Notes;Gifts;Joined;Birthday;Id\r\n' +
        'ana@example.com;02134;+44 20 7946 0958;"Met at the open day,\nwants to help";"1,000";2026-03-05;03/21;1834567890123456789\r\n' +
        "bo@example.com;92501;+447946095800;=cmd|' /C calc'!A0;TRUE;03/05/2026 14:30;;42\r\n" +
        'cy@example.com;007;00:30;0.5;-0.25;2026-03-05T14:03:11Z;Mar 21;0\r\n',
    );
    const {workbook, state} = await readWorkbookFile(path, {
      timeZone: 'America/New_York',
    });
    expect(state).toBeUndefined();
    expect(workbook.sheets).toHaveLength(1);
    const [sheet] = workbook.sheets;
    expect(sheet.name).toBe('Mailchimp export');
    expect(sheet.formulas).toBeUndefined();
    expect(sheet.values[0][0]).toBe('Email Address');
    expect(sheet.values[1]).toEqual([
      'ana@example.com',
      '02134',
      '+44 20 7946 0958',
      'Met at the open day,\nwants to help',
      1000,
      new Date('2026-03-05T05:00:00Z'),
      '03/21',
      '1834567890123456789',
    ]);
    expect(sheet.values[2]).toEqual([
      'bo@example.com',
      92501,
      '+447946095800',
      "=cmd|' /C calc'!A0",
      true,
      new Date('2026-03-05T19:30:00Z'),
      '',
      42,
    ]);
    expect(sheet.values[3]).toEqual([
      'cy@example.com',
      '007',
      new Date('1899-12-30T05:30:00Z'),
      0.5,
      -0.25,
      // Sheets leaves ISO timestamps with a T as text.
      '2026-03-05T14:03:11Z',
      'Mar 21',
      0,
    ]);
  });

  it('detects tabs and reads Windows-1252 text', async () => {
    const path = join(dir, 'old-excel.csv');
    writeFileSync(
      path,
      Buffer.from('Name\tCity, State\r\nJos\xe9\tBoston, MA\r\n', 'latin1'),
    );
    const {workbook} = await readWorkbookFile(path);
    expect(workbook.sheets[0].values).toEqual([
      ['Name', 'City, State'],
      ['José', 'Boston, MA'],
    ]);
  });

  it('writes the first sheet with values only and formula-looking text made safe', async () => {
    const path = join(dir, 'out.csv');
    const written = await writeWorkbookFile(
      path,
      {
        sheets: [
          {
            name: 'Supporters',
            values: [
              ['Name', 'When', 'Score', 'Note'],
              ['Ana, "the fan"', new Date('2026-03-05T00:00:00Z'), 12, '=1+1'],
              ['Bo', new Date('2026-03-05T14:03:11Z'), true],
            ],
            formulas: {C2: '=WHUFFIE(A2)'},
          },
          {name: 'Interactions', values: [['When']]},
        ],
      },
      stateWith('Etc/UTC'),
    );
    expect(written).toEqual({paths: [path], csvSheet: 'Supporters'});
    expect(readFileSync(path, 'utf8')).toBe(
      'Name,When,Score,Note\r\n' +
        '"Ana, ""the fan""",2026-03-05,12,\'=1+1\r\n' +
        'Bo,2026-03-05 14:03:11,TRUE,\r\n',
    );
    expect(existsSync(join(dir, 'out.whuffie.json'))).toBe(false);
    const back = await readWorkbookFile(path);
    expect(back.workbook.sheets[0].values[1]).toEqual([
      'Ana, "the fan"',
      new Date('2026-03-05T00:00:00Z'),
      12,
      '=1+1',
    ]);
  });

  it('reads 50,000 rows in a few seconds', async () => {
    const path = join(dir, 'big.csv');
    const lines = [
      'Email Address,First Name,Last Name,Phone,Joined,Rating,Notes',
    ];
    for (let i = 0; i < 50_000; i++) {
      lines.push(
        `p${i}@example.com,Ana,Silva,+44 20 7946 0${i % 1000},2025-0${1 + (i % 9)}-15 10:00,${i % 5},"Loves tigers, rivers"`,
      );
    }
    writeFileSync(path, lines.join('\n'));
    const started = Date.now();
    const {workbook} = await readWorkbookFile(path);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(workbook.sheets[0].values).toHaveLength(50_001);
    expect(workbook.sheets[0].values[50_000][4]).toBeInstanceOf(Date);
  });
});

describe('file errors', () => {
  it('names the accepted types for an unknown extension', async () => {
    await expect(readWorkbookFile('supporters.numbers')).rejects.toThrow(
      'cannot read supporters.numbers: .numbers files are not supported (use .xlsx or .csv)',
    );
    await expect(writeWorkbookFile('out', {sheets: []})).rejects.toThrow(
      'cannot write out: files without an extension are not supported (use .xlsx or .csv)',
    );
  });

  it('says a missing file is missing, naming it as given', async () => {
    await expect(readWorkbookFile('export.xlsx', {cwd: dir})).rejects.toThrow(
      'cannot read export.xlsx: no such file',
    );
  });
});
