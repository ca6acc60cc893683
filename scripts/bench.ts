/**
 * `npm run bench`: what each operation costs, at a typical size and at the
 * limit. Two numbers matter in Apps Script: service calls (each is a round
 * trip to Google; the emulator counts them) and CPU time. Results go to
 * docs/benchmarks.json and docs/benchmarks.md.
 *
 *   node build/bench.js [--sizes typical,limit] [--out docs]
 */
import {writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {Emulator} from '../emulator';
import type {CellValue} from '../emulator/workbook';
import {columnLetter} from '../src/core/columns';
import {LOG_SHEET_NAME} from '../src/core/model';
import {parseLog} from '../src/core/log';
import {computeScores} from '../src/core/scoring';
import {DEFAULT_SETTINGS} from '../src/core/settings';
import {findHandles} from '../src/core/sync/handle-finding';
import {buildDemo, SUPPORTERS_SHEET, trackedPeople} from './demo';
import {generateInteractions, generateSupporters} from './demo-data';
import {flag} from './flags';
import {FakeNetworks, startFakeNetworks} from '../test/sync-server';

interface Size {
  name: string;
  supporters: number;
  interactions: number;
}

const SIZES: Record<string, Size> = {
  typical: {name: 'typical', supporters: 2_000, interactions: 20_000},
  limit: {name: 'limit', supporters: 50_000, interactions: 1_000_000},
};

interface Row {
  size: string;
  operation: string;
  calls: number;
  /** The busiest methods, "Range.getValues ×2". */
  detail: string;
  ms: number;
  note: string;
}

const NOW = '2026-03-01T08:30:00Z';
const TZ = 'Europe/London';
const rows: Row[] = [];

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function detail(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
}

/** Runs one operation in the emulator, recording service calls and time. */
function measure(
  size: Size,
  operation: string,
  emu: Emulator,
  run: () => unknown,
  note = '',
  counts: () => Record<string, number> = () => emu.counts,
): unknown {
  emu.resetCounts();
  const start = process.hrtime.bigint();
  const result = run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const c = counts();
  rows.push({
    size: size.name,
    operation,
    calls: total(c),
    detail: detail(c),
    ms: Math.round(ms),
    note,
  });
  console.log(
    `${size.name.padEnd(8)} ${operation.padEnd(44)} ${String(total(c)).padStart(6)} calls ${String(Math.round(ms)).padStart(7)} ms`,
  );
  return result;
}

function coreScores(size: Size): void {
  const supporters = Array.from({length: size.supporters}, (_, i) => ({
    id: `S-${String(i).padStart(6, '0')}`,
  }));
  const log = generateInteractions(
    supporters,
    size.interactions,
    7,
    new Date(NOW),
  );
  const start = process.hrtime.bigint();
  const parsed = parseLog(log, TZ, {now: new Date(NOW)});
  const result = computeScores({
    events: parsed.events,
    supporters,
    now: new Date(NOW),
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rows.push({
    size: size.name,
    operation: 'core: parse the log + compute every score (Node CPU)',
    calls: 0,
    detail: `${result.list.length} supporters, ${parsed.events.length} events`,
    ms: Math.round(ms),
    note: 'pure core, no service calls',
  });
  console.log(`${size.name.padEnd(8)} core scores ${Math.round(ms)} ms`);
}

/** The built add-on, opened on a workbook of just a Supporters sheet. */
function openSupporters(headers: CellValue[], people: CellValue[][]): Emulator {
  const emu = new Emulator({
    now: NOW,
    timeZone: TZ,
    addOnName: 'Social CRM',
    workbook: {
      sheets: [{name: SUPPORTERS_SHEET, values: [headers, ...people]}],
    },
  });
  emu.loadBundle(resolve(__dirname, '../dist'));
  emu.open('LIMITED');
  return emu;
}

function setupCost(size: Size): void {
  const {headers, rows: people} = generateSupporters(size.supporters, 7);
  const emu = openSupporters(headers, people);
  measure(
    size,
    'Set up tracker (menu)',
    emu,
    () => emu.clickMenu('Set up tracker'),
    `${size.supporters} supporter rows`,
  );
}

function addOnCosts(size: Size): void {
  const emu = buildDemo({
    supporters: size.supporters,
    interactions: size.interactions,
    // A million log rows are 11 million cells: past Sheets' 10 million.
    cellLimit: 20_000_000,
  });
  const tracker = emu.spreadsheet.sheetByName(SUPPORTERS_SHEET)!;
  const header = tracker.readValues({
    r1: 1,
    c1: 1,
    r2: 1,
    c2: tracker.lastColumn(),
  })[0];
  const idColumn = header.indexOf('Supporter ID') + 1;
  const ids = tracker.readValues({
    r1: 2,
    c1: idColumn,
    r2: tracker.lastRow(),
    c2: idColumn,
  });
  const logSheet = emu.spreadsheet.sheetByName(LOG_SHEET_NAME)!;
  const log = logSheet.readValues({
    r1: 2,
    c1: 1,
    r2: logSheet.lastRow(),
    c2: 11,
  });

  measure(size, 'Refresh scores (menu)', emu, () =>
    emu.clickMenu('Refresh scores'),
  );
  measure(size, "Refresh today's list (menu)", emu, () =>
    emu.clickMenu("Refresh today's list"),
  );
  measure(size, 'Dashboard (menu): rebuilt with its 4 charts', emu, () =>
    emu.clickMenu('Dashboard'),
  );
  measure(
    size,
    'WHUFFIE(range, log): the whole column, one call',
    emu,
    () => emu.call('WHUFFIE', [ids, log], {mode: 'CUSTOM_FUNCTION'}),
    `${ids.length} rows; the log is an argument`,
    () => emu.customFunctionCounts,
  );
  const who = String(ids[0][0]);
  measure(
    size,
    'WHUFFIE(cell): first call (fills the cache)',
    emu,
    () => emu.call('WHUFFIE', [who], {mode: 'CUSTOM_FUNCTION'}),
    '',
    () => emu.customFunctionCounts,
  );
  measure(
    size,
    'WHUFFIE(cell): steady state (cache hit)',
    emu,
    () => emu.call('WHUFFIE', [String(ids[1][0])], {mode: 'CUSTOM_FUNCTION'}),
    'time includes loading the bundle once',
    () => emu.customFunctionCounts,
  );

  sidebarCosts(size, emu, String(ids[0][0]));

  emu.setNow('2026-03-02T06:00:00Z');
  emu.clickMenu('Daily digest…', ['7']);
  emu.setNow('2026-03-02T08:30:00Z');
  measure(
    size,
    'Daily run (trigger): scores, list, digest email',
    emu,
    () => {
      const [result] = emu.fireTimeTriggers('daily');
      if (!result?.ok) throw new Error(`daily run failed: ${result?.error}`);
    },
    'must fit in 6 minutes of Apps Script time',
  );
}

/**
 * The sidebar: each user action is one google.script.run call (the browser
 * tests assert that); here, what that call costs and how big its answer is.
 */
function sidebarCosts(size: Size, emu: Emulator, id: string): void {
  emu.userSelect(`${SUPPORTERS_SHEET}!A2`);
  const sidebar = (operation: string, fn: string, args: unknown[]) => {
    let bytes = 0;
    measure(size, `sidebar: ${operation}`, emu, () => {
      bytes = JSON.stringify(emu.callFromSidebar(fn, args)).length;
    });
    rows[rows.length - 1].note =
      `1 server call, answer ${(bytes / 1024).toFixed(1)} KB`;
  };
  sidebar('selection changed', 'getSelectionState', [null]);
  const key = (
    emu.callFromSidebar('getSelectionState', [null]) as {key: string}
  ).key;
  sidebar('poll, nothing changed', 'getSelectionState', [key]);
  const target = {ids: [id]};
  sidebar('toggle a tag', 'setTag', [
    {target, field: 'relationshipTags', tag: 'volunteer', on: true},
  ]);
  sidebar('log "We thanked them"', 'logInteraction', [
    {target, direction: 'outbound', kind: 'thanks'},
  ]);
}

/** The sync tests' fake networks (the benchmark runs from build/, hence the path). */
const fakeNetworks = () =>
  startFakeNetworks(resolve(__dirname, '../test/sync-server/fake-networks.js'));

/** Connects Bluesky at the fake PDS, with the app password it accepts. */
function connectBluesky(emu: Emulator, net: FakeNetworks): void {
  emu.clickMenu('Connect accounts…', [
    'bluesky',
    `tigers.bsky.social ${net.base}`,
    'abcd-efgh-ijkl-mnop',
  ]);
}

/**
 * Syncing 10,000 Bluesky notifications from the fake PDS on 127.0.0.1 (the
 * one the sync tests use): UrlFetch calls, Sheets calls and time. A third of
 * the people are supporters of the demo; the rest go to New people.
 */
async function syncCost(): Promise<void> {
  const size: Size = {name: 'sync', supporters: 300, interactions: 0};
  const net = await fakeNetworks();
  try {
    const emu = buildDemo({supporters: size.supporters, interactions: 0});
    connectBluesky(emu, net);
    const known = trackedPeople(emu)
      .map(p => p.handles?.bluesky)
      .filter((h): h is string => !!h);
    const reasons = ['like', 'repost', 'follow', 'reply', 'mention', 'quote'];
    const at = (i: number) =>
      new Date(Date.parse(NOW) - (i + 1) * 30_000).toISOString();
    const notifications = Array.from({length: 10_000}, (_, i) => {
      const handle =
        i % 3 === 0 && known.length
          ? known[i % known.length]
          : `fan${i % 2500}.bsky.social`;
      const reason = reasons[i % reasons.length];
      return {
        uri: `at://did:plc:bench${i % 2500}/app.bsky.feed.${reason}/3bench${i}`,
        cid: `bafyreibench${i}`,
        author: {
          did: `did:plc:bench${i % 2500}`,
          handle,
          displayName: `Fan ${i % 2500}`,
        },
        reason,
        reasonSubject: 'at://did:plc:org222/app.bsky.feed.post/3kpost',
        record: {
          $type: `app.bsky.feed.${reason}`,
          text: 'Go tigers!',
          createdAt: at(i),
        },
        isRead: false,
        indexedAt: at(i),
      };
    });
    await net.command('addBluesky', {notifications});
    measure(size, 'Sync engagement: 10,000 Bluesky notifications', emu, () =>
      emu.clickMenu('Sync engagement'),
    );
    const c = emu.counts;
    const sheetCalls = Object.entries(c)
      .filter(([method]) => /^(Spreadsheet|Sheet|Range)/.test(method))
      .reduce((sum, [, n]) => sum + n, 0);
    rows[rows.length - 1].note =
      `the PDS pages 100 at a time: ${c['UrlFetchApp.fetch'] ?? 0} fetches; ` +
      `${sheetCalls} Sheets calls, ${c['Range.setValues'] ?? 0} setValues ` +
      '(one log append for all 10,000, then New people and the scores)';
  } finally {
    await net.stop();
  }
}

/**
 * Suggest handles at the typical size: 2,000 supporters, every other one
 * with no handle at all, and 10,000 Bluesky followers on the fake PDS — a
 * third of the handle-less supporters findable by their email, a third by
 * their name, a third by a misspelt name, the supporters with a Bluesky
 * handle among them, and strangers whose names mix the supporters' first
 * and last names (so name blocking meets the common names it must handle).
 */
async function suggestCost(): Promise<void> {
  const size: Size = {name: 'suggest', supporters: 2_000, interactions: 0};
  const {headers, rows: people} = generateSupporters(size.supporters, 7);
  const col = (h: string) => headers.indexOf(h);
  const [email, first, last] = [
    col('Email Address'),
    col('First Name'),
    col('Last Name'),
  ];
  const handleColumns = ['Twitter', 'Bluesky', 'Mastodon'].map(col);
  const text = (row: CellValue[], c: number) => String(row[c] ?? '').trim();
  const followers: {did: string; handle: string; displayName: string}[] = [];
  const follower = (i: number, handle: string, displayName: string) =>
    followers.push({did: `did:plc:bench${i}`, handle, displayName});
  people.forEach((row, i) => {
    const own = text(row, handleColumns[1]).replace(/^@/, '');
    if (i % 2 === 1) {
      if (own.includes('.')) follower(i, own.toLowerCase(), '');
      return;
    }
    for (const c of handleColumns) row[c] = '';
    const name = `${text(row, first)} ${text(row, last)}`;
    const local = text(row, email).split('@')[0].toLowerCase();
    if (i % 6 === 0) {
      follower(i, `${local.replace(/[._]/g, '')}.bsky.social`, 'tiger fan');
    } else if (i % 6 === 2) {
      follower(i, `supporter${i}.bsky.social`, name);
    } else {
      follower(i, `supporter${i}.bsky.social`, name.slice(0, -1));
    }
  });
  for (let k = 0; followers.length < 10_000; k++) {
    const a = people[(k * 7) % people.length];
    const b = people[(k * 13 + 5) % people.length];
    follower(
      100_000 + k,
      `stranger${k}.bsky.social`,
      k % 10 ? `${text(a, first)} ${text(b, last)}` : '',
    );
  }

  coreHandleFinding(size, people, headers, followers);

  const net = await fakeNetworks();
  try {
    const emu = openSupporters(headers, people);
    emu.clickMenu('Set up tracker');
    connectBluesky(emu, net);
    await net.command('addBlueskyFollowers', {followers});
    measure(
      size,
      'Suggest handles: 2,000 supporters × 10,000 Bluesky followers',
      emu,
      () => emu.clickMenu('Suggest handles'),
    );
    const found = (emu.ui.alerts.at(-1)?.prompt ?? '').split(':')[0];
    rows[rows.length - 1].note =
      `half without handles; ${found}; getFollowers pages 100 at a time, ` +
      'up to 10,000 followers';
    const sheet = emu.spreadsheet.sheetByName('Handle suggestions')!;
    const header = sheet.readValues({
      r1: 1,
      c1: 1,
      r2: 1,
      c2: sheet.lastColumn(),
    })[0];
    const action = header.indexOf('Action') + 1;
    measure(
      size,
      'Handle suggestions: choosing Use this handle (onEdit)',
      emu,
      () =>
        emu.userEdit(
          `'Handle suggestions'!${columnLetter(action)}2`,
          'Use this handle',
        ),
      'reads the sheet and the tracker, writes one cell there',
    );
  } finally {
    await net.stop();
  }
}

/** The same matching in the pure core, without the network and the sheets. */
function coreHandleFinding(
  size: Size,
  people: CellValue[][],
  headers: string[],
  followers: {did: string; handle: string; displayName: string}[],
): void {
  const at = (row: CellValue[], h: string) =>
    String(row[headers.indexOf(h)] ?? '');
  const supporters = people.map((row, i) => ({
    row: i + 2,
    id: `S-${String(i).padStart(6, '0')}`,
    name: `${at(row, 'First Name')} ${at(row, 'Last Name')}`,
    email: at(row, 'Email Address'),
    x: at(row, 'Twitter'),
    bluesky: at(row, 'Bluesky'),
    mastodon: at(row, 'Mastodon'),
  }));
  const candidates = followers.map(f => ({
    person: {
      network: 'bluesky' as const,
      id: f.did,
      handle: f.handle,
      name: f.displayName,
      profileUrl: '',
    },
    followsUs: true,
    engaged: 0,
  }));
  const start = process.hrtime.bigint();
  const found = findHandles({supporters, candidates, rejected: new Set()});
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rows.push({
    size: size.name,
    operation:
      'core: find handles, 2,000 supporters × 10,000 people (Node CPU)',
    calls: 0,
    detail: `${found.length} suggestions`,
    ms: Math.round(ms),
    note: 'pure core: names compared only within shared words',
  });
  console.log(
    `${size.name.padEnd(8)} core handle finding ${Math.round(ms)} ms`,
  );
}

function writeResults(dir: string, peakMb: number): void {
  const out = resolve(dir);
  const at = new Date().toISOString();
  writeFileSync(
    join(out, 'benchmarks.json'),
    JSON.stringify({at, node: process.version, peakMb, rows}, null, 2) + '\n',
  );
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${at.slice(0, 10)} (Node ${process.version}, 2 cores).`,
    'Calls are Apps Script service calls counted by the emulator (the cost in',
    "real Apps Script, where each is a round trip); times are this machine's,",
    'running the built bundle in the emulator (or the pure core in Node).',
    '',
    '| size | operation | service calls | busiest calls | ms | note |',
    '|---|---|---:|---|---:|---|',
    ...rows.map(
      r =>
        `| ${r.size} | ${r.operation} | ${r.calls} | ${r.detail} | ${r.ms} | ${r.note} |`,
    ),
    '',
    `Peak memory of the whole run (Node RSS, both sizes, the workbooks in memory): ${peakMb} MB.`,
    '',
    'Sizes: typical = 2,000 supporters × 20,000 interactions; limit = 50,000 × 1,000,000',
    "(about the 10-million-cell limit of a spreadsheet; the emulator's cell limit is raised for it).",
    '',
  ];
  writeFileSync(join(out, 'benchmarks.md'), lines.join('\n'));
  console.log(`wrote ${join(out, 'benchmarks.md')}`);
}

async function main(argv: string[]): Promise<void> {
  const names = flag(argv, 'sizes')?.split(',') ?? Object.keys(SIZES);
  for (const name of names) {
    const size = SIZES[name];
    if (!size)
      throw new Error(
        `unknown size ${name}: use ${Object.keys(SIZES).join(', ')}`,
      );
    coreScores(size);
    setupCost(size);
    addOnCosts(size);
  }
  await syncCost();
  await suggestCost();
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`peak memory (RSS): ${peakMb} MB`);
  writeResults(flag(argv, 'out') ?? resolve(__dirname, '../docs'), peakMb);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch(e => {
    console.error(e);
    process.exit(1);
  });
}
