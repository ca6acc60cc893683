/**
 * Importing past interactions a user kept elsewhere (a sheet or pasted CSV):
 * recognise its columns, read dates in the forms people type, match each row
 * to a supporter (id, handle or email first, then a unique full name), and
 * give every row an event id so importing the same file twice adds nothing.
 */
import {parseAmount} from './amounts';
import {textOf} from './cells';
import {
  cellString,
  findHeaderRow,
  isBlank,
  normaliseHeader,
  stableHash,
} from './columns';
import {
  checkTimeZone,
  isValidCivil,
  MONTH_NAMES,
  MS_PER_DAY,
  parseWhen,
  wallTimeToInstant,
} from './dates';
import {UserError} from './errors';
import {
  emailsIn,
  idKeys,
  IdentityIndex,
  NETWORKS,
  parseIdentity,
  SupporterIdentity,
} from './handles';
import {
  DIRECTIONS,
  Direction,
  KIND_IDS,
  parseChannel,
  parseDirection,
  parseKind,
  valueClassOf,
} from './kinds';
import {Interaction} from './model';
import {nameKey} from './names';

export type ImportField =
  | 'when'
  | 'who'
  | 'supporterId'
  | 'email'
  | 'handle'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'direction'
  | 'kind'
  | 'channel'
  | 'note'
  | 'link'
  | 'amount'
  | 'eventId';

/** One accepted column, as the README documents it. */
export interface ImportColumnInfo {
  field: ImportField;
  /** The header to use in a new file. */
  header: string;
  /** Other headers recognised (case, spaces and punctuation don't matter). */
  synonyms: readonly string[];
  required: boolean;
  accepts: string;
}

const IMPORT_DATE_RULE =
  'Dates: a date cell; ISO text (2026-03-01, 2026-03-01 14:30, ' +
  '2026-03-01T14:30:00Z); numbers with slashes, dots or dashes ' +
  '(03/01/2026, 3.1.26); or a month name (1 Mar 2026, March 1, 2026). ' +
  "A date without a time zone is in the spreadsheet's time zone. For " +
  'numbered dates, a first number above 12 means day/month/year and a ' +
  'second above 12 means month/day/year, and the rest of the column is ' +
  'read the same way. When nothing in the column decides it (or it holds ' +
  "both kinds), the spreadsheet's locale does: month first for the US. " +
  'Two-digit years are read as ' +
  'Sheets reads them: 00–29 are 20xx, 30–99 are 19xx.';

export const IMPORT_COLUMNS: readonly ImportColumnInfo[] = [
  {
    field: 'when',
    header: 'When',
    synonyms: [
      'Date',
      'Time',
      'Timestamp',
      'Date/Time',
      'Datetime',
      'Created at',
      'Day',
    ],
    required: true,
    accepts: 'When it happened. ' + IMPORT_DATE_RULE,
  },
  {
    field: 'who',
    header: 'Who',
    synonyms: [
      'Supporter',
      'Person',
      'Contact',
      'From',
      'With',
      'User',
      'Account',
      'Member',
    ],
    required: false,
    accepts:
      'Who it was with: a supporter id (S-7K3Q2X), their record id, an ' +
      'email, an X, Bluesky or Mastodon handle or profile link, or their ' +
      'full name. Needed unless one of the next columns says who.',
  },
  {
    field: 'supporterId',
    header: 'Supporter ID',
    synonyms: ['ID', 'Contact ID', 'Record ID', 'External ID'],
    required: false,
    accepts:
      "The tracker's supporter id, or the id from your export (Contact ID).",
  },
  {
    field: 'email',
    header: 'Email',
    synonyms: ['Email Address', 'E-mail', 'E-mail Address'],
    required: false,
    accepts: 'Their email address.',
  },
  {
    field: 'handle',
    header: 'Handle',
    synonyms: [
      'Twitter',
      'X',
      'X handle',
      'Bluesky',
      'Mastodon',
      'Username',
      'Screen name',
    ],
    required: false,
    accepts:
      'Their handle in any spelling: @Tiger_Fan, name.bsky.social, @user@server, a profile link.',
  },
  {
    field: 'name',
    header: 'Name',
    synonyms: ['Full Name', 'Display Name'],
    required: false,
    accepts:
      'Their full name; used only when no id, email or handle matches, and ' +
      'only when exactly one supporter has that name.',
  },
  {
    field: 'firstName',
    header: 'First Name',
    synonyms: ['Given Name'],
    required: false,
    accepts: 'With Last Name, instead of Name.',
  },
  {
    field: 'lastName',
    header: 'Last Name',
    synonyms: ['Surname', 'Family Name'],
    required: false,
    accepts: 'With First Name, instead of Name.',
  },
  {
    field: 'direction',
    header: 'Direction',
    synonyms: ['In/Out', 'Inbound/Outbound', 'Way'],
    required: false,
    accepts:
      '"in" (inbound, they, received) or "out" (outbound, we, sent). When ' +
      'blank it follows from the kind (a thank-you is ours, a donation ' +
      'theirs), else inbound.',
  },
  {
    field: 'kind',
    header: 'Kind',
    synonyms: [
      'Type',
      'Action',
      'Activity',
      'Interaction',
      'What',
      'Event type',
    ],
    required: true,
    accepts: `What happened: ${KIND_IDS.join(', ')} (common synonyms like repost, favourite, DM, donated work too).`,
  },
  {
    field: 'channel',
    header: 'Channel',
    synonyms: ['Network', 'Platform', 'Medium', 'Via'],
    required: false,
    accepts:
      'x, bluesky, mastodon, email, in person, phone or other (Twitter ' +
      'counts as x). When blank and the row was matched by a handle, that ' +
      "handle's network.",
  },
  {
    field: 'note',
    header: 'Note',
    synonyms: [
      'Notes',
      'Comment',
      'Comments',
      'Details',
      'Description',
      'Text',
      'Summary',
    ],
    required: false,
    accepts: 'Any text.',
  },
  {
    field: 'link',
    header: 'Link',
    synonyms: ['URL', 'Permalink', 'Post', 'Post URL', 'Tweet URL'],
    required: false,
    accepts: 'A link to the post or page.',
  },
  {
    field: 'amount',
    header: 'Amount',
    synonyms: ['Value', 'Gift', 'Donation', 'Donation amount', 'Total', 'Sum'],
    required: false,
    accepts:
      'For donations and memberships: a number; currency signs and thousands separators are ignored (1,250.50 and 1.250,50 both work).',
  },
  {
    field: 'eventId',
    header: 'Event ID',
    synonyms: ['External event ID', 'Reference', 'Ref', 'Post ID', 'Tweet ID'],
    required: false,
    accepts:
      'A unique id for the event, if your source has one. Rows without one ' +
      'get "import:" and a digest of date, who, direction, kind, note and ' +
      'amount, so importing the same file twice adds nothing.',
  },
];

/** Import header spellings → field, built on first use (see columns.ts). */
let importSpellings: Map<string, ImportField> | undefined;
function importHeaderSpellings(): Map<string, ImportField> {
  if (importSpellings) return importSpellings;
  importSpellings = new Map();
  for (const column of IMPORT_COLUMNS) {
    for (const header of [column.header, ...column.synonyms]) {
      importSpellings.set(normaliseHeader(header), column.field);
    }
  }
  return importSpellings;
}

function recogniseImportHeader(text: unknown): {field: ImportField} | null {
  const field = importHeaderSpellings().get(normaliseHeader(cellString(text)));
  return field ? {field} : null;
}

// ------------------------------------------------------------ uploaded files

/** The most characters Sheets holds in one cell. */
export const MAX_CELL_CHARACTERS = 50_000;

export type CsvDelimiter = ',' | ';' | '\t';

const emptyFile = (name: string) =>
  `${name} is empty. Pick a CSV file with a header row (When, Who, Kind, …) and one interaction per line.`;

/**
 * An uploaded file's text ready for a CSV parser: without its byte-order
 * mark, every line break (between rows and inside notes) "\n" as in a
 * cell, and with its delimiter: tabs for a .tsv file or a first line with
 * tabs and no commas; semicolons for a first line with only semicolons
 * (Excel's CSV where the decimal mark is a comma); else commas. Throws a
 * UserError for an empty file or one that is not text (a workbook, a zip).
 */
export function importFileText(
  name: string,
  text: string,
): {text: string; delimiter: CsvDelimiter} {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.trim()) throw new UserError(emptyFile(name));
  // Excel and Sheets files (.xlsx, .ods) are zips; a zip starts "PK".
  if (source.startsWith('PK\x03\x04')) {
    throw new UserError(
      `${name} is a spreadsheet or zip file, not a CSV file. Open it in Google Sheets or Excel, save or download it as CSV (comma-separated values), and pick that file.`,
    );
  }
  if (source.includes('\0')) {
    throw new UserError(
      `${name} is not a text file. Pick a CSV file: save or download your list from Google Sheets or Excel as CSV (comma-separated values).`,
    );
  }
  const firstLine = source.slice(0, source.search(/\n|$/));
  const has = (c: string) => firstLine.includes(c);
  const delimiter: CsvDelimiter =
    /\.tsv$/i.test(name) || (has('\t') && !has(','))
      ? '\t'
      : has(';') && !has(',')
        ? ';'
        : ',';
  return {text: source, delimiter};
}

/**
 * Refuses a parsed file that holds no interactions (only blank cells, or a
 * single line) or a value longer than a cell can hold; rows are numbered
 * as they would be in a sheet made from the file.
 */
export function checkImportFileRows(
  name: string,
  rows: readonly (readonly string[])[],
): void {
  const filled = rows.filter(row => row.some(v => !isBlank(v))).length;
  if (filled < 2) {
    throw new UserError(
      filled
        ? `${name} has only one line. It needs a header row (When, Who, Kind, …) and then one interaction per line.`
        : emptyFile(name),
    );
  }
  const long = rows.findIndex(row =>
    row.some(v => v.length > MAX_CELL_CHARACTERS),
  );
  if (long >= 0) {
    throw new UserError(
      `Row ${long + 1} of ${name} has a value longer than the ${MAX_CELL_CHARACTERS.toLocaleString('en-US')} characters a cell can hold. Shorten it, then import the file again.`,
    );
  }
}

// ------------------------------------------------------------ dates

export type DateOrder = 'MDY' | 'DMY';

/**
 * How the spreadsheet's locale writes 03/01/2026: month first in the US
 * (en_US, es_US) and the Philippines, and for a bare "en" or no locale at
 * all (Sheets' default is the US); day first everywhere else.
 */
export function dateOrderOfLocale(locale: string): DateOrder {
  return /^(?:[a-z]{2,3}_(?:US|PH)|en)?$/i.test(locale) ? 'MDY' : 'DMY';
}

/** A real calendar day Sheets can hold (its dates start in 1900). */
function validDay(y: number, m: number, d: number): boolean {
  return y >= 1900 && isValidCivil(y, m, d);
}

/** Two-digit years as Sheets reads them: 00–29 are 20xx, 30–99 are 19xx. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function clock(
  h?: string,
  mi?: string,
  s?: string,
  ampm?: string,
): [number, number, number] {
  let hour = Number(h ?? 0);
  if (ampm) hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  return [hour, Number(mi ?? 0), Number(s ?? 0)];
}

const NUMERIC =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const DAY_FIRST_NAMED =
  /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const MONTH_FIRST_NAMED =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;

/** A month by the first three letters of its name (1-based; 0 if none). */
function monthOf(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return (
    MONTH_NAMES.findIndex(month => month.slice(0, 3).toLowerCase() === prefix) +
    1
  );
}

/** Day/month order evidence in one numbered date: 'DMY', 'MDY' or null. */
function orderEvidence(text: string): DateOrder | null {
  const m = NUMERIC.exec(text.trim());
  if (!m) return null;
  if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'DMY';
  if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'MDY';
  return null;
}

/**
 * A cell as an instant, by the rule in IMPORT_DATE_RULE; null when
 * unreadable. Numbered dates (any order, dots or dashes, two-digit years) and
 * month names are read here; date cells, serial numbers, ISO text and text
 * with its own zone by dates.parseWhen, like every other "when" cell.
 */
export function parseImportDate(
  value: unknown,
  timeZone: string,
  order: DateOrder = 'MDY',
): Date | null {
  const text = typeof value === 'string' ? value.trim() : '';
  let y: number;
  let mo: number;
  let d: number;
  let time: [number, number, number];
  let m: RegExpExecArray | null;
  if ((m = NUMERIC.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirst = a > 12 || (b <= 12 && order === 'DMY');
    [d, mo] = dayFirst ? [a, b] : [b, a];
    y = fullYear(m[3]);
    time = clock(m[4], m[5], m[6], m[7]);
  } else if ((m = DAY_FIRST_NAMED.exec(text))) {
    [d, mo, y] = [Number(m[1]), monthOf(m[2]), Number(m[3])];
    time = clock(m[4], m[5], m[6], m[7]);
  } else if ((m = MONTH_FIRST_NAMED.exec(text))) {
    [mo, d, y] = [monthOf(m[1]), Number(m[2]), Number(m[3])];
    time = clock(m[4], m[5], m[6], m[7]);
  } else {
    return parseWhen(value, timeZone);
  }
  if (!validDay(y, mo, d) || time[0] > 23 || time[1] > 59 || time[2] > 59) {
    return null;
  }
  return wallTimeToInstant(Date.UTC(y, mo - 1, d, ...time), timeZone);
}

// ------------------------------------------------------------ planning

export interface ImportInput {
  /** A sheet's values or parsed CSV, header row included (title rows above it are fine). */
  values: unknown[][];
  /** The tracker's supporters (each with its supporter id). */
  supporters: readonly SupporterIdentity[];
  /** Event ids already in the Interactions log. */
  existingEventIds: ReadonlySet<string>;
  /** The spreadsheet's time zone, for dates without one. */
  timeZone: string;
  /** Now; rows dated more than a day after it are refused. */
  today: Date;
  /** How to read 03/01/2026 when the column does not decide (from the locale). */
  dateOrder?: DateOrder;
}

export interface UnmatchedRow {
  /** 1-based row in the imported sheet. */
  row: number;
  /** Who the row names, as written. */
  who: string;
  reason: string;
}

export interface ImportPlan {
  headerRow: number;
  /** Import field → 1-based column. */
  columns: Partial<Record<ImportField, number>>;
  /** New log rows, in file order. */
  interactions: Interaction[];
  /** The imported sheet's row (1-based) for each interaction. */
  sourceRows: number[];
  /** Rows not imported, each with the reason. */
  unmatched: UnmatchedRow[];
  /** Rows already in the log (or repeated in the file). */
  skippedDuplicates: number;
  warnings: string[];
}

const WHO_FIELDS: readonly ImportField[] = [
  'who',
  'supporterId',
  'email',
  'handle',
  'name',
  'firstName',
  'lastName',
];

function requireColumns(values: readonly unknown[][]): {
  headerRow: number;
  columns: Partial<Record<ImportField, number>>;
} {
  if (!values.some(row => row?.some(v => !isBlank(v)))) {
    throw new UserError(
      'The import is empty. Pick a sheet or a CSV file with a header row ' +
        '(When, Who, Kind, …) and one interaction per row.',
    );
  }
  const headerRow = findHeaderRow(values, 10, recogniseImportHeader);
  const columns: Partial<Record<ImportField, number>> = {};
  (headerRow ? values[headerRow - 1] : []).forEach((cell, c) => {
    const hit = recogniseImportHeader(cell);
    if (hit && columns[hit.field] === undefined) columns[hit.field] = c + 1;
  });
  const missing: string[] = [];
  if (columns.when === undefined) missing.push('a date (When)');
  if (!WHO_FIELDS.some(f => columns[f] !== undefined)) {
    missing.push('who it was with (Who, Email, Handle or Name)');
  }
  if (columns.kind === undefined) missing.push('what happened (Kind)');
  if (headerRow === null || missing.length) {
    throw new UserError(
      `I couldn't find ${missing.join(', ') || 'a header row'} in the ` +
        'import. Its first rows should include a header row with at least ' +
        'When, Who and Kind columns; the accepted column names are listed ' +
        "in the add-on's help under Import.",
    );
  }
  return {headerRow, columns};
}

/**
 * The first key naming exactly one supporter; failing that, the first key
 * naming several (ambiguous); null when no key names anyone.
 */
function matchKeys<T extends SupporterIdentity>(
  index: IdentityIndex<T>,
  keys: readonly string[],
): {key: string; hit: T} | {hits: readonly T[]} | null {
  let ambiguous: readonly T[] | null = null;
  for (const key of keys) {
    const hits = index.get(key);
    if (hits.length === 1) return {key, hit: hits[0]};
    if (hits.length > 1) ambiguous ??= hits;
  }
  return ambiguous ? {hits: ambiguous} : null;
}

/**
 * Plans an import: the log rows to append and every row left out, with why.
 * Throws a UserError for an empty import, one without the needed columns, or
 * an unknown time zone; anything wrong with a single row only leaves it out.
 */
export function planImport(input: ImportInput): ImportPlan {
  checkTimeZone(input.timeZone);
  const {values} = input;
  const {headerRow, columns} = requireColumns(values);
  const cell = (row: readonly unknown[], field: ImportField): unknown =>
    columns[field] === undefined ? '' : row[columns[field]! - 1];
  const text = (row: readonly unknown[], field: ImportField) =>
    textOf(cell(row, field));

  const warnings: string[] = [];
  let order: DateOrder = input.dateOrder ?? 'MDY';
  const evidence = new Set<DateOrder>();
  let ambiguousDates = 0;
  for (let r = headerRow; r < values.length; r++) {
    const when = cell(values[r] ?? [], 'when');
    if (typeof when !== 'string') continue;
    const found = orderEvidence(when);
    if (found) evidence.add(found);
    else if (NUMERIC.test(when.trim())) ambiguousDates++;
  }
  if (evidence.size === 1) {
    order = [...evidence][0];
  } else if (evidence.size > 1) {
    warnings.push(
      'The dates mix day/month/year and month/day/year; each was read by ' +
        'whichever order it can only be, and the rest as ' +
        `${order === 'MDY' ? 'month/day/year' : 'day/month/year'}.`,
    );
  } else if (ambiguousDates) {
    warnings.push(
      `${ambiguousDates} date(s) like 03/01/2026 could be read either way; ` +
        `they were read as ${order === 'MDY' ? 'month/day/year' : 'day/month/year'}.`,
    );
  }

  const index = new IdentityIndex(input.supporters);
  const interactions: Interaction[] = [];
  const sourceRows: number[] = [];
  const unmatched: UnmatchedRow[] = [];
  const seen = new Set<string>();
  let skippedDuplicates = 0;
  let defaultedDirection = 0;
  const latest = input.today.getTime() + MS_PER_DAY;

  for (let r = headerRow; r < values.length; r++) {
    const row = values[r] ?? [];
    if (!row.some(v => !isBlank(v))) continue;
    const name = [text(row, 'firstName'), text(row, 'lastName')]
      .filter(Boolean)
      .join(' ');
    const whoText = WHO_FIELDS.map(f => text(row, f)).find(Boolean) ?? '';
    const reject = (reason: string) =>
      unmatched.push({row: r + 1, who: whoText, reason});

    const keys: string[] = [...idKeys(text(row, 'supporterId'))];
    for (const email of emailsIn(text(row, 'email')))
      keys.push(`email:${email}`);
    for (const field of ['handle', 'who'] as const) {
      keys.push(...(parseIdentity(text(row, field))?.keys ?? []));
    }
    for (const full of [text(row, 'name'), name]) {
      if (full) keys.push(`name:${nameKey(full)}`);
    }
    if (!keys.length) {
      reject('the row does not say who it was with');
      continue;
    }
    const match =
      matchKeys(
        index,
        keys.filter(k => !k.startsWith('name:')),
      ) ??
      matchKeys(
        index,
        keys.filter(k => k.startsWith('name:')),
      );
    if (!match || !('key' in match)) {
      reject(
        match
          ? `${match.hits.length} supporters match (rows ` +
              `${match.hits.map(h => h.row ?? '?').join(', ')}); use their ` +
              'email, handle or supporter id'
          : 'no supporter matches',
      );
      continue;
    }
    const hitKey = match.key;
    const supporter = match.hit;
    if (!supporter.id) {
      reject(
        `the supporter on row ${supporter.row ?? '?'} has no supporter id yet; run Set up tracker first`,
      );
      continue;
    }

    const when = parseImportDate(cell(row, 'when'), input.timeZone, order);
    if (!when) {
      reject(
        text(row, 'when')
          ? `the date "${text(row, 'when')}" isn't one I can read`
          : 'the row has no date',
      );
      continue;
    }
    if (when.getTime() > latest) {
      reject(`the date ${when.toISOString().slice(0, 10)} is in the future`);
      continue;
    }
    const kindText = text(row, 'kind');
    const kind = parseKind(kindText);
    if (!kind) {
      reject(
        kindText
          ? `unknown kind "${kindText}" (use one of: ${KIND_IDS.join(', ')})`
          : 'the row does not say what happened (Kind)',
      );
      continue;
    }
    const directionText = text(row, 'direction');
    let direction: Direction | null = parseDirection(directionText);
    if (directionText && !direction) {
      reject(`direction "${directionText}" not understood (use in or out)`);
      continue;
    }
    if (!direction) {
      direction = kind.directions.length === 1 ? kind.directions[0] : 'inbound';
      if (kind.directions.length === DIRECTIONS.length) defaultedDirection++;
    }
    if (!kind.directions.includes(direction)) {
      reject(
        `"${kind.id}" is something ${kind.directions[0] === 'outbound' ? 'we' : 'they'} ` +
          `do, so it can't be ${direction}`,
      );
      continue;
    }
    const amount = parseAmount(cell(row, 'amount'));
    if (amount !== null && isNaN(amount)) {
      reject(`the amount "${text(row, 'amount')}" isn't a number`);
      continue;
    }
    const network = hitKey.slice(0, hitKey.indexOf(':'));
    const channel =
      parseChannel(text(row, 'channel')) ||
      ((NETWORKS as readonly string[]).includes(network) ? network : '');
    const note = text(row, 'note');
    const eventId =
      text(row, 'eventId') ||
      'import:' +
        stableHash(
          [
            when.toISOString(),
            supporter.id,
            direction,
            kind.id,
            note,
            amount ?? '',
          ].join('|'),
        );
    if (input.existingEventIds.has(eventId) || seen.has(eventId)) {
      skippedDuplicates++;
      continue;
    }
    seen.add(eventId);
    interactions.push({
      when,
      supporterId: supporter.id,
      direction,
      kind: kind.id,
      channel,
      valueClass: valueClassOf(direction, kind.id),
      amount,
      note,
      link: text(row, 'link'),
      source: 'import',
      eventId,
    });
    sourceRows.push(r + 1);
  }
  if (defaultedDirection) {
    warnings.push(
      `${defaultedDirection} row(s) had no direction; they were taken as ` +
        'inbound (something they did).',
    );
  }
  if (headerRow >= values.length)
    warnings.push('The import has a header but no rows.');
  return {
    headerRow,
    columns,
    interactions,
    sourceRows,
    unmatched,
    skippedDuplicates,
    warnings,
  };
}
