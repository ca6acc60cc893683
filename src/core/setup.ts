/**
 * "Set up tracker", planned without touching a sheet: which columns hold
 * what, which tracker columns are missing and where they go, and every value,
 * note, format and metadata entry the adapter must write. The plan only ever
 * writes to cells that are empty (new columns, and empty cells of the
 * tracker's id and handle columns); the user's cells, formulas included, are
 * never rewritten. Planning an already set-up sheet gives a plan with nothing
 * to do.
 *
 * How the adapter applies a plan, in this order, in one document lock:
 * 1. create the Interactions sheet when `createLogSheet`;
 * 2. for each of `newColumns`: set its number format on the rows below the
 *    header (before any value, so text can never turn into a formula, a
 *    number or a date), its validation, its header note, and hide it if asked;
 * 3. write `newBlock` with one setValues(), strings as they are (the cells
 *    are plain text already; cellValue()'s apostrophe would show in them);
 * 4. write each of `fills` (a vertical run of cells, plain text first) and
 *    `cellNotes`;
 * 5. remove `metadataToRemove`, add `metadataToWrite` (key FIELD_METADATA_KEY
 *    on the whole column, value the field).
 */
import {
  cellString,
  ColumnMapping,
  columnLetter,
  DEFAULT_RELATIONSHIP_TAGS,
  Field,
  FIELD_LABELS,
  FixedColumn,
  formatTags,
  handleFieldOf,
  handlesInRow,
  isEmptyCell,
  isField,
  isTrackerField,
  lastUsedColumn,
  lastUsedRow,
  linkColumnsOf,
  mapColumns,
  newSupporterId,
  normaliseHeader,
  parseTags,
  requireHeaderRow,
  RowHandles,
  SOURCE_FIELDS,
  TRACKER_COLUMNS,
  TrackerColumnSpec,
  TrackerField,
  vocabularyMatcher,
} from './columns';
import {DUPLICATES_SHEET_NAME} from './duplicates';
import {UserError} from './errors';
import {Network, NETWORK_LABELS, NETWORKS} from './handles';
import {LOG_HEADERS, LOG_SHEET_NAME, TODAY_SHEET_NAME} from './model';

/** Sheets larger than this get a message instead of a plan. */
const SETUP_LIMITS = {
  rows: 100_000,
  columns: 1_000,
  /** Google Sheets' limit for a whole spreadsheet. */
  cells: 10_000_000,
} as const;

export interface SetupInput {
  /** The sheet's values from A1 (getDataRange().getValues()). */
  values: unknown[][];
  /** The same range's getFormulas() ('' where a cell has none). */
  formulas?: string[][];
  /** What developer metadata (FIELD_METADATA_KEY) already says. */
  metadata: {field: string; column: number}[];
  sheetName: string;
  /** Names of every sheet in the spreadsheet. */
  existingSheets: string[];
  /**
   * The user's fixes from the confirm step: a column for a field, or null
   * for "the sheet has no such column" (for a tracker field: add a new one).
   */
  overrides?: Partial<Record<Field, number | null>>;
  /**
   * Mixed into new supporter ids (a random string kept per spreadsheet is
   * ideal). Ids depend on it and the row's content only.
   */
  idSeed?: string;
  /** Relationship tags to recognise in the user's own tags column. */
  relationshipVocabulary?: readonly string[];
}

/** A tracker column setup adds: its spec, where it goes and its header there. */
export interface NewColumn extends TrackerColumnSpec {
  column: number;
}

/**
 * Values for consecutive empty cells down one column, starting at (row,
 * column). Like the new columns, they are plain text: set `numberFormat` on
 * them before writing, and write the strings as they are (in a plain-text
 * cell an apostrophe from cellValue() would be kept literally).
 */
export interface CellRun {
  row: number;
  column: number;
  numberFormat: '@';
  values: string[];
}

export interface CellNote {
  row: number;
  column: number;
  note: string;
}

/** A handle that could not be read; written as found and marked with a note. */
export interface FlaggedHandle {
  row: number;
  network: Network;
  raw: string;
  reason: string;
  /** Where it was written (null when that cell already held something). */
  column: number | null;
}

export interface SetupPlan {
  sheetName: string;
  mapping: ColumnMapping;
  headerRow: number;
  firstDataRow: number;
  /** Last row setup treats as data (a report footer below it is left alone). */
  lastDataRow: number;
  /** Rows below the header with anything in them: one person each. */
  supporterCount: number;
  newColumns: NewColumn[];
  /** Header row and data rows of all new columns, left to right; null if none. */
  newBlock: {
    row: number;
    column: number;
    values: (string | boolean)[][];
  } | null;
  /** Empty cells of existing tracker columns to fill (rows added since last time). */
  fills: CellRun[];
  cellNotes: CellNote[];
  metadataToWrite: {field: Field; column: number}[];
  metadataToRemove: {field: Field; column: number}[];
  createLogSheet: boolean;
  idsAssigned: number;
  handlesFound: Record<Network, number>;
  flagged: FlaggedHandle[];
  warnings: string[];
  /** True when running setup would change nothing. */
  nothingToDo: boolean;
}

/** The cells a new supporter id is derived from (with the seed). */
const ID_CONTENT_FIELDS: readonly Field[] = [
  'externalId',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'x',
  'bluesky',
  'mastodon',
];

const RESERVED_SHEETS: Record<string, string> = {
  [LOG_SHEET_NAME]:
    'This is the Interactions log, where the add-on records what happened.',
  [TODAY_SHEET_NAME]:
    'This is the "Reach out today" list, which the add-on rebuilds every day.',
  [DUPLICATES_SHEET_NAME]:
    'This is the "Possible duplicates" report, which the add-on rebuilds.',
};
const OPEN_SUPPORTERS =
  ' Open the sheet that lists your supporters and run Set up tracker from there.';

function checkSize(rows: number, columns: number): void {
  const n = (x: number) => x.toLocaleString('en-US');
  if (columns > SETUP_LIMITS.columns) {
    throw new UserError(
      `This sheet uses ${n(columns)} columns. Set up tracker expects one ` +
        `supporter per row and at most ${n(SETUP_LIMITS.columns)} columns; ` +
        'if your people run across the columns, transpose the list first ' +
        '(copy it, then Edit › Paste special › Transposed).',
    );
  }
  if (rows > SETUP_LIMITS.rows) {
    throw new UserError(
      `This sheet has ${n(rows)} rows; the tracker handles up to ` +
        `${n(SETUP_LIMITS.rows)} supporters in one sheet. Split the list ` +
        'across several sheets and set each one up.',
    );
  }
  if (rows * (columns + TRACKER_COLUMNS.length) > SETUP_LIMITS.cells) {
    throw new UserError(
      "Adding the tracker's columns would take this sheet past Google " +
        "Sheets' limit of 10 million cells. Delete unused rows and columns " +
        '(or move the list to a new spreadsheet) and run Set up tracker again.',
    );
  }
}

function isLogHeader(headers: readonly string[]): boolean {
  const present = new Set(headers.map(normaliseHeader));
  return LOG_HEADERS.filter(h => present.has(normaliseHeader(h))).length >= 6;
}

/**
 * Index (0-based) of the first row of a report footer (Salesforce's report
 * name, copyright and "Generated By" lines under a blank row), if any.
 */
function footerStart(
  usedCount: Uint16Array,
  firstUsed: Int16Array,
  firstIdx: number,
  lastIdx: number,
): number | null {
  let blank = -1;
  for (let r = lastIdx; r > firstIdx && lastIdx - r <= 10; r--) {
    if (!usedCount[r]) {
      blank = r;
      break;
    }
  }
  if (blank < 0) return null;
  for (let r = blank + 1; r <= lastIdx; r++) {
    if (usedCount[r] > 1 || (usedCount[r] === 1 && firstUsed[r] !== 0)) {
      return null;
    }
  }
  let widest = 0;
  for (let r = firstIdx; r < blank; r++)
    widest = Math.max(widest, usedCount[r]);
  return widest >= 3 ? blank + 1 : null;
}

function fixedColumns(
  input: SetupInput,
  lastColumn: number,
  warnings: string[],
): {fixed: FixedColumn[]; exclude: Set<Field>} {
  const fixed: FixedColumn[] = [];
  const exclude = new Set<Field>();
  for (const [field, column] of Object.entries(input.overrides ?? {})) {
    if (!isField(field)) continue;
    if (column === null || column === undefined) {
      exclude.add(field);
      continue;
    }
    if (!Number.isInteger(column) || column < 1 || column > lastColumn) {
      throw new UserError(
        `${FIELD_LABELS[field]} can't be column ${column}: pick one of ` +
          `columns A–${columnLetter(lastColumn)}, or "not in this sheet".`,
      );
    }
    fixed.push({field, column, foundBy: 'your choice'});
  }
  const seen = new Set<Field>();
  const metadata = [...input.metadata].sort((a, b) => a.column - b.column);
  for (const {field, column} of metadata) {
    if (!isField(field) || column < 1 || column > lastColumn) continue;
    if (seen.has(field)) {
      warnings.push(
        `Two columns are marked as ${FIELD_LABELS[field]}; using the first ` +
          '(a copied column carries its mark along).',
      );
      continue;
    }
    seen.add(field);
    fixed.push({field, column, foundBy: 'saved mapping'});
  }
  return {fixed, exclude};
}

/** Groups single-cell writes into vertical runs. */
function toRuns(
  cells: {row: number; column: number; value: string}[],
): CellRun[] {
  const runs: CellRun[] = [];
  cells.sort((a, b) => a.column - b.column || a.row - b.row);
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.column === cell.column &&
      last.row + last.values.length === cell.row
    ) {
      last.values.push(cell.value);
    } else {
      runs.push({
        row: cell.row,
        column: cell.column,
        numberFormat: '@',
        values: [cell.value],
      });
    }
  }
  return runs;
}

function flagNote(flag: FlaggedHandle): string {
  return (
    `⚠ This doesn't look like a ${NETWORK_LABELS[flag.network]} handle ` +
    `(${flag.reason}). Fix it or clear it.`
  );
}

/**
 * Plans "Set up tracker" for one sheet. Throws a UserError, with a message
 * saying what to do, for an empty sheet, a sheet without a header row, the
 * add-on's own sheets, a sheet beyond SETUP_LIMITS, or an impossible choice.
 */
export function planSetup(input: SetupInput): SetupPlan {
  const {values, sheetName} = input;
  const formulas = input.formulas ?? [];
  if (RESERVED_SHEETS[sheetName]) {
    throw new UserError(RESERVED_SHEETS[sheetName] + OPEN_SUPPORTERS);
  }
  const rows = lastUsedRow(values, formulas);
  const lastColumn = lastUsedColumn(values, formulas);
  checkSize(rows, lastColumn);
  const headerRow = requireHeaderRow(values, formulas);
  const warnings: string[] = [];
  const {fixed, exclude} = fixedColumns(input, lastColumn, warnings);
  const mapping = mapColumns(values, headerRow, {
    formulas,
    fixed,
    exclude,
    lastColumn,
  });
  if (isLogHeader(mapping.headers)) {
    throw new UserError(RESERVED_SHEETS[LOG_SHEET_NAME] + OPEN_SUPPORTERS);
  }
  warnings.unshift(...mapping.warnings);
  const {fields} = mapping;
  const linkColumns = linkColumnsOf(mapping);

  // Per row: how many cells hold something, the first of them, and whether
  // any holds typed data (a row of formulas filled down below the list, like
  // =IF(A9="","",…), is nobody).
  const usedCount = new Uint16Array(rows);
  const firstUsed = new Int16Array(rows).fill(-1);
  const typedData = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const valueRow = values[r] ?? [];
    const formulaRow = formulas[r] ?? [];
    for (let c = 0; c < lastColumn; c++) {
      const hasFormula = !isEmptyCell(formulaRow[c]);
      if (!isEmptyCell(valueRow[c]) || hasFormula) {
        if (!usedCount[r]) firstUsed[r] = c;
        usedCount[r]++;
        if (!hasFormula) typedData[r] = 1;
      }
    }
  }
  const firstDataRow = headerRow + 1;
  let lastDataRow = rows;
  const footer = footerStart(usedCount, firstUsed, headerRow, rows - 1);
  if (footer !== null) {
    lastDataRow = footer - 1;
    warnings.push(
      `Rows ${footer + 1}–${rows} look like a report footer; setup leaves ` +
        'them alone.',
    );
  }

  // New columns go to the right of everything, with their own header names.
  const existingHeaders = new Set(mapping.headers.map(normaliseHeader));
  const newColumns: NewColumn[] = TRACKER_COLUMNS.filter(
    spec => fields[spec.field] === undefined,
  ).map((spec, i) => {
    const clash = existingHeaders.has(normaliseHeader(spec.header));
    if (clash) {
      warnings.push(
        `A column named "${spec.header}" already holds your own data, so ` +
          `the tracker adds its own as "${spec.header} (tracker)".`,
      );
    }
    return {
      ...spec,
      column: lastColumn + 1 + i,
      header: clash ? `${spec.header} (tracker)` : spec.header,
    };
  });
  const newIndex = new Map(newColumns.map((c, i) => [c.field, i]));
  // What a new id is derived from: the row's identifying cells, or all of
  // its cells when none is mapped.
  const identityColumns = ID_CONTENT_FIELDS.map(f => fields[f]).filter(
    (c): c is number => c !== undefined,
  );
  const contentColumns = identityColumns.length
    ? identityColumns
    : Array.from({length: lastColumn}, (_, c) => c + 1);
  const blockRows: (string | boolean)[][] = [newColumns.map(c => c.header)];
  const fills: {row: number; column: number; value: string}[] = [];
  const cellNotes: CellNote[] = [];
  const flagged: FlaggedHandle[] = [];
  const handlesFound: Record<Network, number> = {x: 0, bluesky: 0, mastodon: 0};

  const relationshipTagsIn = vocabularyMatcher(
    input.relationshipVocabulary ?? DEFAULT_RELATIONSHIP_TAGS,
  );
  const seed = input.idSeed ?? sheetName;
  const idColumn = fields.supporterId;
  const taken = new Set<string>();
  if (idColumn !== undefined) {
    const firstRowOfId = new Map<string, number>();
    const repeats: {row: number; first: number; id: string}[] = [];
    for (let r = headerRow; r < lastDataRow; r++) {
      const id = cellString(values[r]?.[idColumn - 1]);
      if (!id) continue;
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, r + 1);
      else repeats.push({row: r + 1, first, id});
      taken.add(id);
    }
    if (repeats.length === 1) {
      const {row, first, id} = repeats[0];
      warnings.push(
        `Rows ${first} and ${row} have the same supporter id ${id}; clear ` +
          'one of them and run Set up tracker again to give it a new id.',
      );
    } else if (repeats.length) {
      const rowsText = repeats.slice(0, 5).map(x => x.row);
      warnings.push(
        `${repeats.length} rows repeat an earlier row's supporter id (rows ` +
          `${rowsText.join(', ')}${repeats.length > 5 ? ', …' : ''}); clear ` +
          'the repeats and run Set up tracker again to give them new ids.',
      );
    }
  }
  const isFree = (r: number, column: number) =>
    isEmptyCell(values[r]?.[column - 1]) &&
    isEmptyCell(formulas[r]?.[column - 1]);

  const dncIndex = newIndex.get('doNotContact');
  let supporterCount = 0;
  let idsAssigned = 0;
  for (let r = headerRow; r < lastDataRow; r++) {
    const blockRow: (string | boolean)[] = newColumns.map(() => '');
    blockRows.push(blockRow);
    if (!typedData[r]) continue;
    supporterCount++;
    const row = values[r] ?? [];
    const put = (field: TrackerField, value: string, isNewRow: boolean) => {
      const j = newIndex.get(field);
      if (j !== undefined) {
        blockRow[j] = value;
        return newColumns[j].column;
      }
      const column = fields[field];
      if (value && isNewRow && column !== undefined && isFree(r, column)) {
        fills.push({row: r + 1, column, value});
        return column;
      }
      return null;
    };

    let isNewRow = newIndex.has('supporterId');
    if (isNewRow || (idColumn !== undefined && isFree(r, idColumn))) {
      const content = contentColumns
        .map(c => cellString(row[c - 1]))
        .join('\u001f');
      put('supporterId', newSupporterId(seed, content, taken), true);
      idsAssigned++;
      isNewRow = true;
    }

    let handles: RowHandles | null = null;
    for (const network of NETWORKS) {
      const field = handleFieldOf(network);
      if (!newIndex.has(field) && !isNewRow) continue;
      handles ??= handlesInRow(row, fields, linkColumns);
      const found = handles.found[network];
      const bad = handles.unreadable.find(u => u.network === network);
      if (found) handlesFound[network]++;
      const column = put(field, found?.display ?? bad?.raw ?? '', isNewRow);
      if (bad) {
        const flag = {row: r + 1, ...bad, column};
        flagged.push(flag);
        if (column !== null) {
          cellNotes.push({row: r + 1, column, note: flagNote(flag)});
        }
      }
    }
    if (fields.tags !== undefined) {
      const tags = parseTags(row[fields.tags - 1]);
      put('relationshipTags', formatTags(relationshipTagsIn(tags)), isNewRow);
    }
    if (dncIndex !== undefined) blockRow[dncIndex] = false;
  }

  const desired = new Map<string, {field: Field; column: number}>();
  for (const [field, column] of Object.entries(fields) as [Field, number][]) {
    desired.set(`${field}@${column}`, {field, column});
  }
  for (const c of newColumns) {
    desired.set(`${c.field}@${c.column}`, {field: c.field, column: c.column});
  }
  const existing = new Set<string>();
  const metadataToRemove: {field: Field; column: number}[] = [];
  for (const {field, column} of input.metadata) {
    if (!isField(field)) continue;
    const key = `${field}@${column}`;
    existing.add(key);
    if (!desired.has(key)) metadataToRemove.push({field, column});
  }
  const metadataToWrite = [...desired.entries()]
    .filter(([key]) => !existing.has(key))
    .map(([, entry]) => entry);

  if (!supporterCount) {
    warnings.push(
      'There is no one below the header yet; the columns are ready for when ' +
        'you add people.',
    );
  }
  const createLogSheet = !input.existingSheets.includes(LOG_SHEET_NAME);
  const runs = toRuns(fills);
  return {
    sheetName,
    mapping,
    headerRow,
    firstDataRow,
    lastDataRow,
    supporterCount,
    newColumns,
    newBlock: newColumns.length
      ? {row: headerRow, column: lastColumn + 1, values: blockRows}
      : null,
    fills: runs,
    cellNotes,
    metadataToWrite,
    metadataToRemove,
    createLogSheet,
    idsAssigned,
    handlesFound,
    flagged,
    warnings,
    nothingToDo:
      !newColumns.length &&
      !runs.length &&
      !cellNotes.length &&
      !metadataToWrite.length &&
      !metadataToRemove.length &&
      !createLogSheet,
  };
}

const FOUND_BY_TEXT = {
  'your choice': ' (your choice)',
  'saved mapping': ' (remembered from last time)',
  header: '',
  contents: ' (guessed from what it holds)',
} as const;

/**
 * The plan in plain words, for the confirm dialog: one line per recognised
 * column ("Email → column C (Email Address)"), the columns to add, the
 * handles found and flagged, and any warnings.
 */
export function describeMapping(plan: SetupPlan): string[] {
  const {mapping} = plan;
  const lines: string[] = [];
  if (plan.headerRow > 1) {
    lines.push(
      `Header row: ${plan.headerRow} (the rows above it are left as they are).`,
    );
  }
  const order: Field[] = [
    ...SOURCE_FIELDS,
    ...TRACKER_COLUMNS.map(c => c.field),
  ];
  for (const field of order) {
    const match = mapping.matches[field];
    if (!match) continue;
    const header = match.header ? ` (${match.header})` : '';
    const tracker = isTrackerField(field)
      ? ' — used as the tracker column'
      : '';
    lines.push(
      `${FIELD_LABELS[field]} → column ${columnLetter(match.column)}${header}` +
        `${FOUND_BY_TEXT[match.foundBy]}${tracker}`,
    );
  }
  if (mapping.unrecognised.length) {
    const names = mapping.unrecognised.slice(0, 5).map(u => u.header);
    const more = mapping.unrecognised.length > 5 ? ', …' : '';
    lines.push(
      `Left as they are: ${mapping.unrecognised.length} other column(s) ` +
        `(${names.join(', ')}${more}).`,
    );
  }
  if (plan.newColumns.length) {
    lines.push(
      'New columns: ' +
        plan.newColumns
          .map(c => `${c.header} (${columnLetter(c.column)})`)
          .join(', ') +
        '.',
    );
  } else {
    lines.push('All tracker columns are already there.');
  }
  if (plan.idsAssigned) {
    lines.push(`Supporter ids for ${plan.idsAssigned} people.`);
  }
  for (const network of NETWORKS) {
    const found = plan.handlesFound[network];
    const bad = plan.flagged.filter(f => f.network === network);
    if (!found && !bad.length) continue;
    let line = `${NETWORK_LABELS[network]} handles: ${found} found`;
    if (bad.length) {
      const examples = bad
        .slice(0, 3)
        .map(f => `row ${f.row} "${f.raw}"`)
        .join(', ');
      line +=
        `; ${bad.length} ${bad.length === 1 ? 'looks' : 'look'} wrong and ` +
        `${bad.length === 1 ? 'is' : 'are'} marked ⚠ (${examples}` +
        `${bad.length > 3 ? ', …' : ''})`;
    }
    lines.push(line + '.');
  }
  if (plan.createLogSheet) {
    lines.push(`The "${LOG_SHEET_NAME}" sheet will be created.`);
  }
  if (plan.nothingToDo) lines.push('Everything is already set up.');
  return [...lines, ...plan.warnings.map(w => `Note: ${w}`)];
}

/** "C" → 3, "AA" → 27; 0 when the text is not a column letter. */
function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return 0;
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * Reads the fixes a user types in the confirm step, e.g.
 * "Email = D; Twitter = none; Name = B". A field is named by its label
 * ("X/Twitter (your column)"), the label's first word ("Twitter"), or its
 * internal name; a column by its letter, or "none" for "the sheet has no
 * such column".
 */
export function parseMappingFixes(
  text: string,
): Partial<Record<Field, number | null>> {
  const fixes: Partial<Record<Field, number | null>> = {};
  const byName = new Map<string, Field>();
  for (const [field, label] of Object.entries(FIELD_LABELS) as [
    Field,
    string,
  ][]) {
    for (const name of [field, label, label.replace(/\s*\(.*\)$/, '')]) {
      byName.set(normaliseHeader(name), field);
    }
    for (const part of label.split(/[\s/()]+/)) {
      const key = normaliseHeader(part);
      if (key.length > 2 && !byName.has(key)) byName.set(key, field);
    }
  }
  for (const part of text.split(/[;,\n]+/)) {
    if (!part.trim()) continue;
    const match = /^\s*(.+?)\s*(?:=|→|->|:)\s*(.+?)\s*$/.exec(part);
    if (!match) {
      throw new UserError(
        `I could not read "${part.trim()}". Write fixes like "Email = D" or "Twitter = none", separated by semicolons.`,
      );
    }
    const field = byName.get(normaliseHeader(match[1]));
    if (!field) {
      throw new UserError(
        `"${match[1]}" is not a column I know. Use one of: ${Object.values(FIELD_LABELS).join(', ')}.`,
      );
    }
    const target = match[2].trim().toUpperCase();
    if (/^(NONE|NO|-|NOTHING)$/.test(target)) {
      fixes[field] = null;
      continue;
    }
    const column = columnNumber(target.replace(/^COLUMN\s+/, ''));
    if (!column) {
      throw new UserError(
        `"${match[2]}" is not a column letter. Write a letter like D, or "none".`,
      );
    }
    fixes[field] = column;
  }
  return fixes;
}
