/**
 * What a cell shows: Sheets number-format patterns (`#,##0.00`, `0%`,
 * `yyyy-mm-dd`, `M/d/yyyy H:mm:ss`, `"$"#,##0`, `@`) applied to a value, in
 * the en_US locale and the spreadsheet's time zone. getDisplayValues() is
 * built on this.
 */
import {MONTHS, WEEKDAYS} from '../calendar-names';
import type {CellValue} from '../workbook';
import {dateToSerial, serialToWall} from './zones';

/** What getNumberFormat() reports for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = '0.###############';
/** The plain-text format: typed input stays text. */
export const TEXT_FORMAT = '@';
/** How a Date written by a script shows when its cell has no format. */
const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
const DEFAULT_DATE_FORMAT = 'M/d/yyyy';

type DateToken =
  | {kind: 'literal'; text: string}
  | {kind: 'year'; width: number}
  | {kind: 'month'; width: number}
  | {kind: 'minute'; width: number}
  | {kind: 'day'; width: number}
  | {kind: 'hour'; width: number}
  | {kind: 'second'; width: number}
  | {kind: 'fraction'; width: number}
  | {kind: 'ampm'; upper: boolean; short: boolean};

interface NumberSection {
  kind: 'number';
  prefix: string;
  suffix: string;
  percent: boolean;
  grouping: boolean;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  point: boolean;
  exponent: number | null;
}

interface DateSection {
  kind: 'date';
  tokens: DateToken[];
}

interface TextSection {
  kind: 'text';
  before: string;
  after: string;
}

type Section = NumberSection | DateSection | TextSection;

interface Pattern {
  sections: Section[];
}

/** Splits a pattern on `;` outside quotes. */
function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') {
      const close = pattern.indexOf('"', i + 1);
      const end = close < 0 ? pattern.length : close;
      current += pattern.slice(i, end + 1);
      i = end;
    } else if (ch === '\\') {
      current += pattern.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

type RawToken = {literal: string} | {code: string};

/** Separates literal text (quoted, escaped, `_x`, `[color]`) from format codes. */
function lex(section: string): RawToken[] {
  const tokens: RawToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close < 0 ? section.length : close;
      tokens.push({literal: section.slice(i + 1, end)});
      i = end;
    } else if (ch === '\\') {
      tokens.push({literal: section[i + 1] ?? ''});
      i++;
    } else if (ch === '_') {
      tokens.push({literal: ' '});
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = section.indexOf(']', i);
      i = close < 0 ? section.length : close;
    } else if (/[0#?.,%@eEyYmMdDhHsSaApP/]/.test(ch)) {
      tokens.push({code: ch});
    } else {
      tokens.push({literal: ch});
    }
  }
  return tokens;
}

const DATE_CODE = /^[yYmMdDhHsS]$/;

function isDateSection(tokens: RawToken[]): boolean {
  return tokens.some(t => 'code' in t && DATE_CODE.test(t.code));
}

function parseDateSection(raw: RawToken[]): DateSection {
  const tokens: DateToken[] = [];
  const codes = raw.map(t => ('code' in t ? t.code : null));
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else tokens.push({kind: 'literal', text});
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if ('literal' in t) {
      literal(t.literal);
      continue;
    }
    const lower = t.code.toLowerCase();
    const rest = codes.slice(i).join('').toLowerCase();
    if (lower === 'a') {
      if (rest.startsWith('am/pm')) {
        tokens.push({kind: 'ampm', upper: t.code === 'A', short: false});
        i += 4;
        continue;
      }
      if (rest.startsWith('a/p')) {
        tokens.push({kind: 'ampm', upper: t.code === 'A', short: true});
        i += 2;
        continue;
      }
      literal(t.code);
      continue;
    }
    if (!'ymdhs'.includes(lower)) {
      if (lower === '.' && tokens.some(x => x.kind === 'second')) {
        let width = 0;
        while (codes[i + 1 + width] === '0') width++;
        if (width > 0) {
          literal('.');
          tokens.push({kind: 'fraction', width});
          i += width;
          continue;
        }
      }
      literal(t.code);
      continue;
    }
    let width = 1;
    while (codes[i + width]?.toLowerCase() === lower) width++;
    i += width - 1;
    if (lower === 'y') tokens.push({kind: 'year', width});
    else if (lower === 'd') tokens.push({kind: 'day', width});
    else if (lower === 'h') tokens.push({kind: 'hour', width});
    else if (lower === 's') tokens.push({kind: 'second', width});
    else tokens.push({kind: 'month', width});
  }
  // `m`/`mm` right after an hour or right before seconds means minutes.
  const fields = tokens.filter(x => x.kind !== 'literal');
  const minutes = new Set<DateToken>();
  fields.forEach((token, k) => {
    if (token.kind !== 'month' || token.width > 2) return;
    if (fields[k - 1]?.kind === 'hour' || fields[k + 1]?.kind === 'second') {
      minutes.add(token);
    }
  });
  return {
    kind: 'date',
    tokens: tokens.map(t =>
      minutes.has(t) && t.kind === 'month'
        ? {kind: 'minute', width: t.width}
        : t,
    ),
  };
}

function parseNumberSection(raw: RawToken[]): NumberSection | TextSection {
  const codeAt = raw.map(t => ('code' in t ? t.code : null));
  if (codeAt.includes('@')) {
    const at = codeAt.indexOf('@');
    const text = (tokens: RawToken[]) =>
      tokens.map(t => ('literal' in t ? t.literal : t.code)).join('');
    return {
      kind: 'text',
      before: text(raw.slice(0, at)),
      after: text(raw.slice(at + 1)),
    };
  }
  const isDigit = (c: string | null) => c === '0' || c === '#' || c === '?';
  const first = codeAt.findIndex(isDigit);
  let last = -1;
  codeAt.forEach((c, i) => {
    if (isDigit(c)) last = i;
  });
  const section: NumberSection = {
    kind: 'number',
    prefix: '',
    suffix: '',
    percent: codeAt.includes('%'),
    grouping: false,
    minInt: 0,
    minFrac: 0,
    maxFrac: 0,
    point: false,
    exponent: null,
  };
  const outside = (t: RawToken) =>
    'literal' in t ? t.literal : t.code === '%' ? '%' : t.code;
  if (first < 0) {
    section.prefix = raw.map(outside).join('');
    section.minInt = -1;
    return section;
  }
  section.prefix = raw.slice(0, first).map(outside).join('');
  let core = raw.slice(first, last + 1);
  let afterCore = raw.slice(last + 1);
  const eIndex = core.findIndex(t => 'code' in t && /[eE]/.test(t.code));
  if (eIndex >= 0) {
    section.exponent = core
      .slice(eIndex + 1)
      .filter(t => 'code' in t && isDigit(t.code)).length;
    core = core.slice(0, eIndex);
  } else {
    // A dangling `E+` right after the digits belongs to the number too.
    const e = afterCore.findIndex(t => 'code' in t && /[eE]/.test(t.code));
    if (e === 0) afterCore = afterCore.slice(1);
  }
  section.suffix = afterCore.map(outside).join('');
  let inFraction = false;
  for (const t of core) {
    if ('literal' in t) continue;
    if (t.code === '.') {
      inFraction = true;
      section.point = true;
    } else if (t.code === ',' && !inFraction) {
      section.grouping = true;
    } else if (isDigit(t.code)) {
      if (inFraction) {
        section.maxFrac++;
        if (t.code === '0') section.minFrac = section.maxFrac;
      } else if (t.code === '0') {
        section.minInt++;
      }
    }
  }
  return section;
}

const patterns = new Map<string, Pattern>();

function compile(pattern: string): Pattern {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = {
      sections: splitSections(pattern).map(text => {
        const raw = lex(text);
        return isDateSection(raw)
          ? parseDateSection(raw)
          : parseNumberSection(raw);
      }),
    };
    patterns.set(pattern, compiled);
  }
  return compiled;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, section: NumberSection): string {
  if (section.minInt < 0) return section.prefix;
  let n = section.percent ? value * 100 : value;
  let exponentText = '';
  if (section.exponent !== null) {
    const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
    n = n / Math.pow(10, exp);
    exponentText = `E${exp < 0 ? '-' : '+'}${pad(Math.abs(exp), section.exponent)}`;
  }
  const fixed = Math.abs(n).toFixed(section.maxFrac);
  let [int, frac = ''] = fixed.split('.');
  while (frac.length > section.minFrac && frac.endsWith('0')) {
    frac = frac.slice(0, -1);
  }
  if (int === '0' && section.minInt === 0) int = '';
  if (int.length < section.minInt)
    int = '0'.repeat(section.minInt - int.length) + int;
  if (section.grouping) int = groupThousands(int);
  const body = section.point ? `${int}.${frac}` : int;
  return `${section.prefix}${body}${exponentText}${section.suffix}`;
}

function formatDate(serial: number, section: DateSection): string {
  // Round to the precision shown so 59.9995 s never prints as 60.
  const fractionWidth = Math.max(
    0,
    ...section.tokens.map(t => (t.kind === 'fraction' ? t.width : 0)),
  );
  const unit = 86_400 * Math.pow(10, fractionWidth);
  const w = serialToWall(Math.round(serial * unit) / unit);
  const twelveHour = section.tokens.some(t => t.kind === 'ampm');
  let out = '';
  for (const t of section.tokens) {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'year':
        out += t.width <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'month':
        if (t.width >= 5) out += MONTHS[w.month - 1][0];
        else if (t.width === 4) out += MONTHS[w.month - 1];
        else if (t.width === 3) out += MONTHS[w.month - 1].slice(0, 3);
        else out += pad(w.month, t.width);
        break;
      case 'day':
        if (t.width >= 4) out += WEEKDAYS[w.weekday];
        else if (t.width === 3) out += WEEKDAYS[w.weekday].slice(0, 3);
        else out += pad(w.day, t.width);
        break;
      case 'hour': {
        const h = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += pad(h, Math.min(t.width, 2));
        break;
      }
      case 'minute':
        out += pad(w.minute, t.width);
        break;
      case 'second':
        out += pad(w.second, Math.min(t.width, 2));
        break;
      case 'fraction':
        out += pad(
          Math.floor(w.millisecond / Math.pow(10, 3 - t.width)),
          t.width,
        );
        break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const text = t.short ? (pm ? 'p' : 'a') : pm ? 'pm' : 'am';
        out += t.upper ? text.toUpperCase() : text;
        break;
      }
    }
  }
  return out;
}

/** Sheets' "Automatic" rendering of a number: up to ten significant digits. */
function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(9).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  if (Number.isInteger(n)) return String(n);
  if (abs >= 1e10) return String(Math.round(n));
  return String(Number(n.toPrecision(10)));
}

/**
 * The number format a cell effectively has: its own, or for an unformatted
 * cell the one Sheets applies to what it holds (a Date written by a script
 * shows as date and time; one at midnight as a date).
 */
export function effectiveFormat(
  value: CellValue,
  format: string | null,
  timeZone: string,
): string {
  if (format !== null) return format;
  if (value instanceof Date) {
    const serial = dateToSerial(value, timeZone);
    return Number.isInteger(serial)
      ? DEFAULT_DATE_FORMAT
      : DEFAULT_DATE_TIME_FORMAT;
  }
  return AUTOMATIC_FORMAT;
}

/** The text a cell shows for a value under a number format (null = none set). */
export function displayValue(
  value: CellValue,
  format: string | null,
  timeZone: string,
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const pattern = effectiveFormat(value, format, timeZone);
  if (typeof value === 'string') {
    const text = compile(pattern).sections.find(s => s.kind === 'text');
    return text && text.kind === 'text'
      ? `${text.before}${value}${text.after}`
      : value;
  }
  const n = value instanceof Date ? dateToSerial(value, timeZone) : value;
  if (pattern === AUTOMATIC_FORMAT || pattern === TEXT_FORMAT) {
    return automaticNumber(n);
  }
  const sections = compile(pattern).sections.filter(s => s.kind !== 'text');
  if (sections.length === 0) return automaticNumber(n);
  let section = sections[0];
  let shown = n;
  if (n < 0 && sections.length >= 2) {
    section = sections[1];
    shown = -n;
  } else if (n === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (section.kind === 'date') return formatDate(shown, section);
  const text = formatNumber(shown, section);
  const negative = shown < 0 && /[1-9]/.test(text);
  return negative ? `-${text}` : text;
}
