/**
 * `whuffie`: runs the built add-on (dist/) in the emulator over a workbook
 * file someone actually has, one user action per run, and writes the result
 * back (.xlsx plus the state sidecar, so runs chain). It is how anyone tries
 * the add-on on their own export before installing it, and how CI runs
 * end-to-end scenarios.
 *
 * Exit codes: 0 done; 1 the file, the add-on or a script failed (one line on
 * stderr says which); 2 the command line itself is wrong (with the usage).
 */
import {basename, extname, resolve} from 'node:path';
import {wallTimeToInstant} from '../src/core/dates';
import {UserError, isUserError} from '../src/core/errors';
import {buildDemo, DEMO_DEFAULTS} from '../scripts/demo';
import {EmulatorUsageError} from './exception';
import {Emulator, type EmulatorState, type MenuItemInfo} from './index';
import {readWorkbookFile, writeWorkbookFile} from './io';
import {writeMailFiles} from './io/mail-files';
import {messageOf} from './runtime';
import {type Playground, startPlayground} from './playground/server';
import type {SpreadsheetState} from './sheets/state';
import {isValidTimeZone} from './sheets/zones';

export const USAGE = `whuffie <command> --in FILE [--out FILE] [--now ISO-8601] [--tz ZONE]
                  [--user EMAIL] [--mail-dir DIR] [--json]
  menu                 list the Social CRM menu: caption -> function
  menu "CAPTION"       click the item whose caption matches (FULL auth);
                       --answer TEXT (repeatable) answers its prompts and
                       alerts in order; unanswered ones take the
                       affirmative default (OK / YES, empty text)
  call FN [JSON ...]   call a top-level function as the sidebar would and
                       print its JSON result (custom functions too)
  edit SHEET!A1 VALUE  a user edit of one cell (fires onEdit like Sheets)
  select SHEET!A1:B2   set the user's selection (what the sidebar follows)
  trigger [daily|all]  fire installed time-driven triggers as the clock
                       would: installable context, no active spreadsheet
  serve                the local playground on this workbook: a page on
                       127.0.0.1 with the grid, the menu, the sidebar and
                       the mail sent; --port N (default 8080, or any free
                       port if it is busy; 0 for any), --out FILE.xlsx is
                       where its Save writes, --demo (instead of --in)
                       opens the demo workbook. Runs until Ctrl-C
`;

/** The built add-on, next to the package (build/cli.js and emulator/cli.ts alike). */
const DEFAULT_DIST = resolve(__dirname, '..', 'dist');

export interface CliIo {
  stdout: {write(text: string): unknown};
  stderr: {write(text: string): unknown};
  /** Relative paths in arguments are resolved here. */
  cwd: string;
}

/** The command line is wrong: exit 2 with the usage text. */
class UsageError extends Error {}

const COMMANDS = [
  'menu',
  'call',
  'edit',
  'select',
  'trigger',
  'serve',
] as const;
type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
  /** What follows the command: a caption, a function and its JSON, a cell… */
  operands: string[];
  /** The workbook file ('' for `serve --demo`). */
  in: string;
  out?: string;
  /** As typed; read in the spreadsheet's zone unless it names its own. */
  now?: string;
  tz?: string;
  user?: string;
  mailDir?: string;
  json: boolean;
  answers: string[];
  /** `call`'s arguments, parsed from their JSON. */
  callArguments: unknown[];
  /** Hidden: the built add-on's folder (tests point it at a fixture). */
  dist?: string;
  /** serve: the port to listen on, as typed. */
  port?: string;
  /** serve: the demo workbook instead of --in. */
  demo?: true;
}

const VALUE_OPTIONS = {
  '--in': 'in',
  '--out': 'out',
  '--now': 'now',
  '--tz': 'tz',
  '--user': 'user',
  '--mail-dir': 'mailDir',
  '--dist': 'dist',
  '--port': 'port',
} as const;

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Reads the command line; throws UsageError, or returns null for --help. */
export function parseArgs(argv: readonly string[]): CliArgs | null {
  const options: Partial<
    Record<(typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS], string>
  > = {};
  const words: string[] = [];
  const answers: string[] = [];
  let json = false;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return null;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [flag, inline] = splitFlag(arg);
    if (flag === '--json' || flag === '--demo') {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      if (flag === '--json') json = true;
      else demo = true;
      continue;
    }
    if (flag !== '--answer' && !(flag in VALUE_OPTIONS)) {
      throw new UsageError(`unknown option ${flag}`);
    }
    // A separate value that looks like an option is a forgotten value
    // (`--in --out x`); `--answer=--text` still passes one on purpose.
    const value = inline ?? argv[++i];
    if (
      value === undefined ||
      (inline === undefined && value.startsWith('--'))
    ) {
      throw new UsageError(`${flag} needs a value`);
    }
    if (flag === '--answer') {
      answers.push(value);
      continue;
    }
    const key = VALUE_OPTIONS[flag as keyof typeof VALUE_OPTIONS];
    if (options[key] !== undefined)
      throw new UsageError(`${flag} is given twice`);
    options[key] = value;
  }

  const [command, ...operands] = words;
  if (command === undefined) throw new UsageError('no command given');
  if (!COMMANDS.includes(command as Command)) {
    throw new UsageError(`unknown command "${command}"`);
  }
  checkOperands(command as Command, operands);
  if (answers.length && !(command === 'menu' && operands.length)) {
    throw new UsageError(
      '--answer only answers the dialogs of a clicked menu item',
    );
  }
  if (command === 'serve') checkServe(options, demo, json);
  else if (demo) throw new UsageError('--demo only goes with serve');
  if (options.in === undefined && !demo) {
    throw new UsageError('--in FILE is required');
  }
  if (options.now !== undefined && !ISO_8601.test(options.now)) {
    throw new UsageError(
      `--now ${options.now} is not an ISO-8601 time (like 2026-09-01T08:00 or 2026-09-01T08:00:00Z)`,
    );
  }
  if (options.tz !== undefined && !isValidTimeZone(options.tz)) {
    throw new UsageError(
      `--tz ${options.tz} is not a time zone (use an IANA name like Europe/London)`,
    );
  }
  if (options.user !== undefined && !/^[^@\s]+@[^@\s]+$/.test(options.user)) {
    throw new UsageError(`--user ${options.user} is not an email address`);
  }
  const callArguments =
    command === 'call'
      ? operands.slice(1).map((text, i) => parseJsonOperand(text, i + 1))
      : [];
  return {
    command: command as Command,
    operands,
    in: options.in ?? '',
    ...options,
    ...(demo ? {demo: true as const} : {}),
    json,
    answers,
    callArguments,
  };
}

/** The options serve takes, and how they combine. */
function checkServe(
  options: Partial<Record<'in' | 'out' | 'port' | 'user' | 'mailDir', string>>,
  demo: boolean,
  json: boolean,
): void {
  if (demo && options.in !== undefined) {
    throw new UsageError('--demo opens the demo workbook: leave out --in');
  }
  if (demo && options.user !== undefined) {
    throw new UsageError("--demo runs as the demo's user: leave out --user");
  }
  if (json || options.mailDir !== undefined) {
    throw new UsageError(
      'serve shows everything on its page: --json and --mail-dir do not apply',
    );
  }
  if (
    options.out !== undefined &&
    extname(options.out).toLowerCase() !== '.xlsx'
  ) {
    throw new UsageError(
      "serve saves to .xlsx (a CSV holds one sheet and none of the add-on's state)",
    );
  }
  const port = options.port;
  if (
    port !== undefined &&
    !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)
  ) {
    throw new UsageError(`--port ${port} is not a port number (0-65535)`);
  }
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function checkOperands(command: Command, operands: string[]): void {
  const count = operands.length;
  switch (command) {
    case 'menu':
      if (count > 1)
        throw new UsageError('menu takes at most one caption (quote it)');
      return;
    case 'call':
      if (!count) throw new UsageError('call needs a function name');
      return;
    case 'edit':
      if (count !== 2)
        throw new UsageError(
          'edit needs a cell and a value: edit Sheet1!B3 "text"',
        );
      return;
    case 'select':
      if (count !== 1)
        throw new UsageError('select needs one range: select Sheet1!A2:A4');
      return;
    case 'serve':
      if (count) throw new UsageError('serve takes no operands');
      return;
    case 'trigger':
      if (
        count > 1 ||
        (count === 1 && !['daily', 'all'].includes(operands[0]))
      ) {
        throw new UsageError('trigger takes "daily" (the default) or "all"');
      }
      return;
  }
}

function parseJsonOperand(text: string, position: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(
      `argument ${position} of call is not JSON: ${text} (quote strings: '"${text}"')`,
    );
  }
}

/** Runs one command line; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  },
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args) {
      io.stdout.write(USAGE);
      return 0;
    }
    return args.command === 'serve'
      ? await serve(args, io)
      : await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`whuffie: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isUserError(error) || error instanceof EmulatorUsageError) {
      io.stderr.write(`whuffie: ${error.message}\n`);
      return 1;
    }
    // Anything else is a bug in whuffie: one line, the stack on request.
    const debug = process.env.WHUFFIE_DEBUG === '1';
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      debug
        ? `whuffie: internal error: ${(error as Error)?.stack ?? message}\n`
        : `whuffie: internal error: ${message} (WHUFFIE_DEBUG=1 shows where)\n`,
    );
    return 1;
  }
}

/** What a run did, for people (lines) and for --json (fields). */
interface Report {
  lines: string[];
  fields: Record<string, unknown>;
  /** One line per failure; any failure makes the exit code 1. */
  errors: Set<string>;
  /** An error the command threw, if no execution record explains it. */
  thrown?: string;
}

/** The built add-on running over the --in workbook, not opened yet. */
async function loadEmulator(args: CliArgs, io: CliIo): Promise<Emulator> {
  const input = await readWorkbookFile(args.in, {
    cwd: io.cwd,
    timeZone: args.tz,
  });
  const emulator = new Emulator({
    now: args.now ? instantOfNow(args.now, input.timeZone) : new Date(),
    timeZone: input.timeZone,
    ...(args.user ? {user: args.user} : {}),
    workbook: input.workbook,
    state:
      input.state && args.tz ? withTimeZone(input.state, args.tz) : input.state,
    spreadsheetName: basename(args.in, extname(args.in)),
  });
  emulator.loadBundle(distOf(args, io));
  return emulator;
}

function distOf(args: CliArgs, io: CliIo): string {
  return args.dist ? resolve(io.cwd, args.dist) : DEFAULT_DIST;
}

async function run(args: CliArgs, io: CliIo): Promise<number> {
  const emulator = await loadEmulator(args, io);
  const before = marks(emulator);
  const report: Report = {lines: [], fields: {}, errors: new Set()};
  // The user opens the file: onOpen builds the menu (LIMITED, as in Sheets).
  emulator.open('LIMITED');
  runCommand(emulator, args, report);
  for (const execution of emulator.executions.slice(before.executions)) {
    // A custom function that throws shows #ERROR! in its cell: sheet
    // content, not a failed run (a `call` of one reports what it threw).
    if (!execution.ok && execution.kind !== 'custom-function') {
      report.errors.add(`${execution.fn} failed: ${execution.error}`);
    }
  }
  if (report.thrown && !report.errors.size) report.errors.add(report.thrown);
  const sent = emulator.mail.slice(before.mail);
  const wrote: string[] = [];
  if (args.mailDir !== undefined && sent.length) {
    await writeMailFiles(args.mailDir, sent, io.cwd);
    wrote.push(
      `${sent.length} email${sent.length === 1 ? '' : 's'} to ${args.mailDir}`,
    );
  }
  if (args.out !== undefined) {
    const result = await writeWorkbookFile(
      args.out,
      emulator.toWorkbook(),
      emulator.exportState(),
      {cwd: io.cwd},
    );
    wrote.push(
      result.csvSheet === undefined
        ? result.paths.join(' and ')
        : `${args.out} (sheet "${result.csvSheet}" only: a CSV holds one sheet and no add-on state; write .xlsx to chain runs)`,
    );
  }
  print(io, args, emulator, before, report, wrote);
  return report.errors.size ? 1 : 0;
}

/** The playground's preferred port; when it is busy, any free one. */
const PLAYGROUND_PORT = 8080;

/**
 * `serve`: the playground on the workbook until Ctrl-C (or until `stop`
 * settles, for tests). The page opens the file itself: onOpen runs when the
 * page loads, as when Sheets opens it.
 */
export async function serve(
  args: CliArgs,
  io: CliIo,
  stop?: Promise<unknown>,
): Promise<number> {
  const emulator = args.demo
    ? buildDemo({
        distDir: distOf(args, io),
        ...(args.tz ? {timeZone: args.tz} : {}),
        ...(args.now
          ? {
              now: instantOfNow(
                args.now,
                args.tz ?? DEMO_DEFAULTS.timeZone,
              ).toISOString(),
            }
          : {}),
      })
    : await loadEmulator(args, io);
  const saveTo = args.out === undefined ? undefined : resolve(io.cwd, args.out);
  const listen = (port: number) =>
    startPlayground({emulator, port, host: '127.0.0.1', saveTo});
  let playground: Playground;
  try {
    playground = await listen(
      args.port === undefined ? PLAYGROUND_PORT : Number(args.port),
    );
  } catch (error) {
    if ((error as {code?: string}).code !== 'EADDRINUSE') throw error;
    if (args.port !== undefined) {
      throw new UserError(
        `port ${args.port} is in use (--port 0 picks any free port)`,
      );
    }
    playground = await listen(0);
  }
  io.stdout.write(`Playground: ${playground.url}\n`);
  io.stdout.write(
    `${saveTo ? `Save writes ${args.out}. ` : ''}Ctrl-C stops it.\n`,
  );
  await (stop ?? interrupted());
  await playground.close();
  return 0;
}

/** Resolves on Ctrl-C (or a polite kill). */
function interrupted(): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** `--now` without a zone is a wall-clock time in the spreadsheet's zone. */
function instantOfNow(text: string, timeZone: string): Date {
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] =
    ISO_8601.exec(text)!;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
  if (!zone) return wallTimeToInstant(wall, timeZone);
  if (zone === 'Z') return new Date(wall);
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offset = (+hours * 60 + +minutes) * 60_000;
  return new Date(sign === '+' ? wall - offset : wall + offset);
}

/** `--tz` on a file with state: the user changed the spreadsheet's zone (File → Settings). */
function withTimeZone(state: EmulatorState, timeZone: string): EmulatorState {
  const spreadsheet = state.spreadsheet as SpreadsheetState | undefined;
  return spreadsheet
    ? {...state, spreadsheet: {...spreadsheet, timeZone}}
    : state;
}

/** How long each log was before the run, so only this run's entries are reported. */
function marks(emulator: Emulator) {
  const ui = emulator.ui;
  return {
    executions: emulator.executions.length,
    mail: emulator.mail.length,
    logs: emulator.logs.length,
    alerts: ui.alerts.length,
    prompts: ui.prompts.length,
    toasts: ui.toasts.length,
    sidebars: ui.sidebars.length,
    dialogs: ui.dialogs.length,
  };
}

function runCommand(emulator: Emulator, args: CliArgs, report: Report): void {
  const [first, ...rest] = args.operands;
  switch (args.command) {
    case 'menu':
      if (first === undefined) {
        listMenu(emulator, report);
      } else {
        attempt(report, first, () => emulator.clickMenu(first, args.answers));
        report.lines.push(`clicked "${first}"`);
      }
      return;
    case 'call':
      return callFunction(emulator, first, args.callArguments, report);
    case 'edit':
      emulator.userEdit(first, rest[0]);
      report.lines.push(`edited ${first}: ${JSON.stringify(rest[0])}`);
      return;
    case 'select':
      emulator.userSelect(first);
      report.lines.push(`selected ${first}`);
      return;
    case 'trigger':
      return fireTriggers(
        emulator,
        (first ?? 'daily') as 'daily' | 'all',
        report,
      );
  }
}

/**
 * Runs a script. Its failure is reported, not fatal: the run still writes
 * --out, because Sheets keeps whatever a failed execution wrote.
 */
function attempt(report: Report, fn: string, body: () => unknown): unknown {
  try {
    return body();
  } catch (error) {
    if (error instanceof EmulatorUsageError) throw error;
    report.thrown = `${fn} failed: ${messageOf(error)}`;
    return undefined;
  }
}

function listMenu(emulator: Emulator, report: Report): void {
  const items = emulator.menu();
  const menu = emulator.menus().find(m => m.addOn) ?? emulator.menus()[0];
  report.fields.menu = items;
  if (!menu) {
    report.lines.push('(onOpen added no menu)');
    return;
  }
  report.lines.push(menu.addOn ? `Extensions > ${menu.caption}` : menu.caption);
  const rows: [string, string][] = [];
  const walk = (entries: MenuItemInfo[], depth: number) => {
    const indent = '  '.repeat(depth);
    for (const item of entries) {
      if ('separator' in item) rows.push([`${indent}---`, '']);
      else if ('submenu' in item) {
        rows.push([`${indent}${item.caption} >`, '']);
        walk(item.submenu, depth + 1);
      } else rows.push([`${indent}${item.caption}`, item.functionName]);
    }
  };
  walk(items, 1);
  const width = Math.max(...rows.map(([caption]) => caption.length));
  for (const [caption, fn] of rows) {
    report.lines.push(fn ? `${caption.padEnd(width)}  -> ${fn}` : caption);
  }
}

function callFunction(
  emulator: Emulator,
  name: string,
  args: unknown[],
  report: Report,
): void {
  const custom = emulator
    .customFunctions()
    .find(f => f.name.toUpperCase() === name.toUpperCase());
  if (!custom && !emulator.runtime.bundle().isPublicEntryPoint(name)) {
    throw new EmulatorUsageError(
      `the add-on has no public function "${name}" (names ending in "_" are private)`,
    );
  }
  const result = custom
    ? attempt(report, custom.name, () =>
        emulator.call(custom.name, args, {mode: 'CUSTOM_FUNCTION'}),
      )
    : attempt(report, name, () => emulator.call(name, args, {via: 'sidebar'}));
  report.fields.result = result ?? null;
  if (result !== undefined) report.lines.push(JSON.stringify(result, null, 2));
}

function fireTriggers(
  emulator: Emulator,
  which: 'daily' | 'all',
  report: Report,
): void {
  const results = emulator.fireTimeTriggers(which);
  report.fields.triggers = results;
  if (!results.length) {
    report.lines.push(
      `no ${which === 'daily' ? 'daily ' : ''}time-driven triggers are installed`,
    );
  }
  for (const result of results) {
    report.lines.push(`fired ${result.fn}: ${result.ok ? 'ok' : 'failed'}`);
    if (!result.ok) report.errors.add(`${result.fn} failed: ${result.error}`);
  }
}

function print(
  io: CliIo,
  args: CliArgs,
  emulator: Emulator,
  before: ReturnType<typeof marks>,
  report: Report,
  wrote: string[],
): void {
  const ui = emulator.ui;
  const since = {
    alerts: ui.alerts.slice(before.alerts),
    prompts: ui.prompts.slice(before.prompts),
    toasts: ui.toasts.slice(before.toasts),
    sidebars: ui.sidebars.slice(before.sidebars),
    dialogs: ui.dialogs.slice(before.dialogs),
    mail: emulator.mail.slice(before.mail),
  };
  if (args.json) {
    const output = {
      command: args.command,
      operands: args.operands,
      ok: report.errors.size === 0,
      ...report.fields,
      alerts: since.alerts,
      prompts: since.prompts,
      toasts: since.toasts.map(({title, message}) => ({title, message})),
      sidebars: since.sidebars.map(({title}) => ({title})),
      dialogs: since.dialogs.map(({title, modal}) => ({title, modal})),
      mail: since.mail.map(({to, cc, bcc, subject}) => ({
        to,
        cc,
        bcc,
        subject,
      })),
      logs: emulator.logs.slice(before.logs),
      errors: [...report.errors],
      wrote,
    };
    io.stdout.write(JSON.stringify(output, null, 2) + '\n');
    return;
  }
  const lines = [...report.lines];
  for (const a of since.alerts)
    lines.push(`alert${titled(a.title)}: ${a.prompt} -> ${a.answer}`);
  for (const p of since.prompts) {
    lines.push(
      `prompt${titled(p.title)}: ${p.prompt} -> ${p.button} ${JSON.stringify(p.text)}`,
    );
  }
  for (const t of since.toasts)
    lines.push(`toast${titled(t.title)}: ${t.message}`);
  for (const s of since.sidebars) lines.push(`sidebar opened: ${s.title}`);
  for (const d of since.dialogs) {
    lines.push(`${d.modal ? 'modal' : 'modeless'} dialog opened: ${d.title}`);
  }
  for (const m of since.mail) lines.push(`email to ${m.to}: ${m.subject}`);
  for (const w of wrote) lines.push(`wrote ${w}`);
  if (lines.length) io.stdout.write(lines.join('\n') + '\n');
  for (const error of report.errors) io.stderr.write(`whuffie: ${error}\n`);
}

function titled(title: string): string {
  return title ? ` "${title}"` : '';
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(code => {
    // Exit once stdout has drained: a service may leave a worker running.
    process.stdout.write('', () => process.exit(code));
  });
}
