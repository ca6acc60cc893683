import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {main, parseArgs, USAGE} from '../../emulator/cli';
import {readWorkbookFile} from '../../emulator/io';

const FIXTURES = resolve(__dirname, '../fixtures/cli');
const NOW = '2026-09-01T08:00:00Z';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whuffie-cli-'));
  copyFileSync(join(FIXTURES, 'supporters.csv'), join(dir, 'supporters.csv'));
});

/** Runs the CLI in-process on the fixture add-on, in the test's folder. */
async function whuffie(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv, '--dist', join(FIXTURES, 'bundle')], {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)},
    cwd: dir,
  });
  return {code, stdout, stderr};
}

/** Runs the CLI on the supporters.csv the test's folder starts with. */
const onSupporters = (...argv: string[]) =>
  whuffie(...argv, '--in', 'supporters.csv');

async function cells(file: string, sheet = 0) {
  const {workbook} = await readWorkbookFile(join(dir, file));
  return workbook.sheets[sheet].values;
}

describe('the command line', () => {
  it('reads flags in either spelling, repeated answers and a JSON operand', () => {
    expect(
      parseArgs([
        'menu',
        'Ask',
        '--in=a.xlsx',
        '--answer',
        'Ana',
        '--answer=YES',
        '--json',
      ]),
    ).toEqual({
      command: 'menu',
      operands: ['Ask'],
      in: 'a.xlsx',
      json: true,
      answers: ['Ana', 'YES'],
      callArguments: [],
    });
    expect(
      parseArgs(['call', 'f', '2', '{"a": [1]}', '--in', 'a.csv'])
        ?.callArguments,
    ).toEqual([2, {a: [1]}]);
    expect(
      parseArgs(['edit', '--in', 'a.csv', '--', 'S!A1', '--not-a-flag'])
        ?.operands,
    ).toEqual(['S!A1', '--not-a-flag']);
    expect(
      parseArgs(['edit', 'S!A1', '-5', '--in', 'a.csv'])?.operands,
    ).toEqual(['S!A1', '-5']);
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = await whuffie('--help');
    expect(run).toEqual({code: 0, stdout: USAGE, stderr: ''});
    expect(USAGE).toContain('serve');
  });

  it.each([
    [[], 'no command given'],
    [['dance', '--in', 'a.csv'], 'unknown command "dance"'],
    [['menu', '--in', 'a.csv', '--colour', 'red'], 'unknown option --colour'],
    [['menu'], '--in FILE is required'],
    [['menu', '--in'], '--in needs a value'],
    [['menu', '--in', 'a.csv', '--in', 'b.csv'], '--in is given twice'],
    [
      ['menu', 'a', 'b', '--in', 'a.csv'],
      'menu takes at most one caption (quote it)',
    ],
    [
      ['menu', '--in', 'a.csv', '--answer', 'x'],
      '--answer only answers the dialogs of a clicked menu item',
    ],
    [['call', '--in', 'a.csv'], 'call needs a function name'],
    [
      ['call', 'f', 'hello', '--in', 'a.csv'],
      'argument 1 of call is not JSON: hello (quote strings: \'"hello"\')',
    ],
    [['edit', 'S!A1', '--in', 'a.csv'], 'edit needs a cell and a value'],
    [['select', '--in', 'a.csv'], 'select needs one range'],
    [
      ['trigger', 'hourly', '--in', 'a.csv'],
      'trigger takes "daily" (the default) or "all"',
    ],
    [
      ['menu', '--in', 'a.csv', '--now', 'tomorrow'],
      '--now tomorrow is not an ISO-8601 time',
    ],
    [
      ['menu', '--in', 'a.csv', '--tz', 'Mars/Olympus'],
      '--tz Mars/Olympus is not a time zone',
    ],
    [
      ['menu', '--in', 'a.csv', '--user', 'me'],
      '--user me is not an email address',
    ],
    [['menu', '--in', 'a.csv', '--json=yes'], '--json takes no value'],
  ])('refuses %j with exit 2 and the usage', async (argv, message) => {
    const run = await whuffie(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toContain(`whuffie: ${message}`);
    expect(run.stderr).toContain(USAGE);
  });

  it('says which input file is missing or of an unknown type, exit 1', async () => {
    expect(await whuffie('menu', '--in', 'export.xlsx')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'whuffie: cannot read export.xlsx: no such file\n',
    });
    const numbers = await whuffie('menu', '--in', 'export.numbers');
    expect(numbers.code).toBe(1);
    expect(numbers.stderr).toBe(
      'whuffie: cannot read export.numbers: .numbers files are not supported (use .xlsx or .csv)\n',
    );
  });

  it('says when the add-on is not built', async () => {
    let stderr = '';
    const code = await main(
      ['menu', '--in', 'supporters.csv', '--dist', 'nowhere'],
      {
        stdout: {write: () => true},
        stderr: {write: (text: string) => (stderr += text)},
        cwd: dir,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^whuffie: No bundle folder at .*nowhere \(run the build first\)\.\n$/,
    );
  });
});

describe('menu', () => {
  it('lists the menu the add-on builds when the file is opened', async () => {
    const run = await onSupporters('menu');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Extensions > Whuffie',
        '  Set up tracker         -> setupTracker',
        '  Ask for a name…        -> askName',
        '  ---',
        '  Send digest now        -> sendDigest',
        '  Schedule daily digest  -> scheduleDigest',
        '  More >',
        '    Open sidebar         -> showSidebar',
        '  Break something        -> breakSomething',
        '',
      ].join('\n'),
    );
  });

  it('clicks an item, reports its toast and writes the result', async () => {
    const run = await onSupporters(
      'menu',
      'set up tracker',
      '--out',
      'step1.xlsx',
    );
    expect(run).toEqual({
      code: 0,
      stdout:
        'clicked "set up tracker"\n' +
        'toast "Social CRM": Tracker ready\n' +
        'wrote step1.xlsx and step1.whuffie.json\n',
      stderr: '',
    });
    expect((await cells('step1.xlsx'))[0]).toEqual([
      'Name',
      'Email',
      'Joined',
      'Whuffie',
    ]);
  });

  it('answers prompts and alerts in order with --answer', async () => {
    const run = await onSupporters(
      'menu',
      'Ask for a name',
      '--out',
      'asked.xlsx',
      '--answer',
      'Ana Silva',
      '--answer',
      'NO',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'prompt "Social CRM": Who should we thank? -> OK "Ana Silva"\n',
    );
    expect(run.stdout).toContain(
      'alert "Social CRM": Thank Ana Silva? -> NO\n',
    );
    expect((await cells('asked.xlsx'))[0].slice(4, 6)).toEqual([
      'Ana Silva',
      'NO',
    ]);
  });

  it('takes the affirmative default for unanswered dialogs', async () => {
    const run = await onSupporters('menu', 'Ask for a name', '--json');
    const output = JSON.parse(run.stdout);
    expect(output.prompts).toEqual([
      expect.objectContaining({button: 'OK', text: ''}),
    ]);
    expect(output.alerts).toEqual([expect.objectContaining({answer: 'YES'})]);
  });

  it('opens a sidebar from a submenu', async () => {
    const run = await onSupporters('menu', 'Open sidebar');
    expect(run.stdout).toContain('sidebar opened: Whuffie\n');
  });

  it('names the items when no caption matches', async () => {
    const run = await onSupporters('menu', 'Dance');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'whuffie: No menu item "Dance". Items: Set up tracker, Ask for a name…, Send digest now, Schedule daily digest, Open sidebar, Break something.\n',
    );
  });

  it('reports a script error in one line, exit 1, and still writes what Sheets would keep', async () => {
    const run = await onSupporters(
      'menu',
      'Break something',
      '--out',
      'broken.xlsx',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('whuffie: breakSomething failed: Error: boom\n');
    expect((await cells('broken.xlsx'))[0][6]).toBe('half done');
  });
});

describe('call', () => {
  it('calls a function as the sidebar would: JSON in, JSON out, Dates arrive as null', async () => {
    const run = await onSupporters('call', 'getSupporter', '2');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({name: 'Ana Silva', joined: null});
  });

  it('runs a custom function in CUSTOM_FUNCTION mode, by any case of its name', async () => {
    const run = await onSupporters(
      'call',
      'double',
      '[[1, 2], [3, 4]]',
      '--json',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      result: [
        [2, 4],
        [6, 8],
      ],
    });
  });

  it('runs at --now: an instant with its offset, or a wall-clock time in the sheet zone', async () => {
    const offset = await onSupporters(
      'call',
      'whatTimeIsIt',
      '--now',
      '2026-09-01T10:00+02:00',
    );
    expect(offset.stdout).toMatch(/^"2026-09-01T08:00:00\.\d{3}Z"\n$/);
    const london = await onSupporters(
      'call',
      'whatTimeIsIt',
      '--now',
      '2026-09-01 09:00',
      '--tz',
      'Europe/London',
    );
    expect(london.stdout).toMatch(/^"2026-09-01T08:00:00\.\d{3}Z"\n$/);
  });

  it('refuses a private or missing function', async () => {
    const run = await onSupporters('call', 'secret_');
    expect(run).toMatchObject({
      code: 1,
      stderr:
        'whuffie: the add-on has no public function "secret_" (names ending in "_" are private)\n',
    });
  });
});

describe('chained runs', () => {
  it('carry properties and triggers across invocations through the sidecar', async () => {
    await onSupporters(
      'menu',
      'Set up tracker',
      '--out',
      'a.xlsx',
      '--now',
      NOW,
    );
    const setup = await whuffie('call', 'getSetup', '--in', 'a.xlsx');
    expect(setup.stdout).toBe('"done"\n');

    await whuffie(
      'menu',
      'Schedule daily digest',
      '--in',
      'a.xlsx',
      '--out',
      'b.xlsx',
      '--now',
      NOW,
    );
    const fired = await whuffie(
      'trigger',
      '--in',
      'b.xlsx',
      '--now',
      '2026-09-02T07:30',
      '--mail-dir',
      'mail',
      '--user',
      'ops@example.org',
    );
    expect(fired.code).toBe(0);
    expect(fired.stdout).toMatch(
      /^fired dailyDigest: ok\nemail to me@example.org: Daily digest\nwrote 1 email to mail\n$/,
    );
    const [json] = readdirSync(join(dir, 'mail')).filter(name =>
      name.endsWith('.json'),
    );
    expect(
      JSON.parse(readFileSync(join(dir, 'mail', json), 'utf8')).body,
    ).toMatch(/ without a document$/);
  });

  it('keeps the spreadsheet time zone with the file', async () => {
    await onSupporters('menu', '--tz', 'Asia/Tokyo', '--out', 'tokyo.xlsx');
    const {timeZone, workbook} = await readWorkbookFile(
      join(dir, 'tokyo.xlsx'),
    );
    expect(timeZone).toBe('Asia/Tokyo');
    // 2026-03-05 typed in Tokyo is midnight there.
    expect(workbook.sheets[0].values[1][2]).toEqual(
      new Date('2026-03-04T15:00:00Z'),
    );
  });

  it('says when nothing is scheduled', async () => {
    const run = await onSupporters('trigger', 'all');
    expect(run).toEqual({
      code: 0,
      stdout: 'no time-driven triggers are installed\n',
      stderr: '',
    });
  });
});

describe('edit and select', () => {
  it('fires onEdit for a user edit, as Sheets does', async () => {
    const run = await onSupporters(
      'edit',
      'supporters!B2',
      'ana@example.org',
      '--out',
      'edited.xlsx',
    );
    expect(run.code).toBe(0);
    const values = await cells('edited.xlsx');
    expect(values[1][1]).toBe('ana@example.org');
    expect(values[0][7]).toBe('edited B2 to ana@example.org');
  });

  it('selects a range', async () => {
    const run = await onSupporters('select', 'supporters!A2:A3');
    expect(run).toEqual({
      code: 0,
      stdout: 'selected supporters!A2:A3\n',
      stderr: '',
    });
  });
});

describe('--mail-dir and --out .csv', () => {
  it('writes each email as JSON and HTML, numbering on from earlier runs', async () => {
    await onSupporters('menu', 'Send digest now', '--mail-dir', 'out/mail');
    await onSupporters('menu', 'Send digest now', '--mail-dir', 'out/mail');
    const files = readdirSync(join(dir, 'out/mail')).sort();
    expect(files).toEqual([
      '001-reach-out-today-2-people.html',
      '001-reach-out-today-2-people.json',
      '002-weekly-numbers.html',
      '002-weekly-numbers.json',
      '003-reach-out-today-2-people.html',
      '003-reach-out-today-2-people.json',
      '004-weekly-numbers.html',
      '004-weekly-numbers.json',
    ]);
    expect(
      JSON.parse(readFileSync(join(dir, 'out/mail', files[1]), 'utf8')),
    ).toEqual({
      to: 'me@example.org',
      cc: null,
      bcc: null,
      subject: 'Reach out today: 2 people',
      body: 'Thank Ana',
      htmlBody: '<p>Thank <b>Ana</b></p>',
    });
    expect(readFileSync(join(dir, 'out/mail', files[0]), 'utf8')).toBe(
      '<p>Thank <b>Ana</b></p>',
    );
    expect(readFileSync(join(dir, 'out/mail', files[2]), 'utf8')).toContain(
      '<title>Weekly &lt;numbers&gt;</title>\n<pre>Gifts: 3 &amp; rising</pre>',
    );
  });

  it('writes a CSV of the first sheet and says that is all it holds', async () => {
    const run = await onSupporters(
      'menu',
      'Set up tracker',
      '--out',
      'out.csv',
    );
    expect(run.stdout).toContain(
      'wrote out.csv (sheet "supporters" only: a CSV holds one sheet and no add-on state; write .xlsx to chain runs)\n',
    );
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\r\n')[0]).toBe(
      'Name,Email,Joined,Whuffie',
    );
    expect(existsSync(join(dir, 'out.whuffie.json'))).toBe(false);
  });
});

describe('--json', () => {
  it('prints one object with what happened', async () => {
    const run = await onSupporters(
      'menu',
      'Send digest now',
      '--json',
      '--out',
      'j.xlsx',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      command: 'menu',
      operands: ['Send digest now'],
      ok: true,
      alerts: [],
      prompts: [],
      toasts: [],
      sidebars: [],
      dialogs: [],
      mail: [
        {to: 'me@example.org', subject: 'Reach out today: 2 people'},
        {to: 'board@example.org', subject: 'Weekly <numbers>'},
      ],
      logs: [],
      errors: [],
      wrote: ['j.xlsx and j.whuffie.json'],
    });
  });
});
