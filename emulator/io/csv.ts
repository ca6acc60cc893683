/**
 * CSV files: one sheet each. Reading accepts what real exports produce
 * (Mailchimp, Excel "CSV UTF-8" with its BOM, European semicolons, tabs,
 * Windows-1252 from older Excel); writing produces plain RFC 4180 UTF-8.
 */
import {parse} from 'csv-parse/sync';
import type {SheetData} from '../workbook';
import {csvCellText, csvCellValue} from './csv-values';

// In order of preference on a tie: commas turn up in ordinary text far more
// often than semicolons, and semicolons more than tabs.
const DELIMITERS = ['\t', ';', ','] as const;
type Delimiter = (typeof DELIMITERS)[number];

// Enough lines to see the header and a few records; reading further would
// only cost time on big files.
const SAMPLE_LINES = 50;

/** Text of a CSV file's bytes, honouring a byte-order mark. */
function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    // Not UTF-8: older Excel saves "CSV" in the Windows code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The delimiter the header line uses the most consistently: the one whose
 * count in the header (> 0) is repeated by the most of the sample's lines.
 * A single-column file has none of them and reads with a comma.
 */
function detectDelimiter(text: string): Delimiter {
  const lines = sampleLines(text);
  let best: Delimiter = ',';
  let bestScore = [0, 0];
  for (const delimiter of DELIMITERS) {
    const counts = lines.map(line => line.split(delimiter).length - 1);
    const perRecord = counts[0] ?? 0;
    if (!perRecord) continue;
    const agreeing = counts.filter(n => n === perRecord).length;
    const score = [agreeing, perRecord];
    if (
      score[0] > bestScore[0] ||
      (score[0] === bestScore[0] && score[1] > bestScore[1])
    ) {
      [best, bestScore] = [delimiter, score];
    }
  }
  return best;
}

/** The first lines of the file with quoted fields removed. */
function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (ch === '\n') {
      if (line.trim()) lines.push(line);
      line = '';
    } else {
      line += ch;
    }
  }
  if (line.trim() && lines.length < SAMPLE_LINES) lines.push(line);
  return lines;
}

/** One sheet named `sheetName` from a CSV file's bytes. */
export function readCsv(
  bytes: Uint8Array,
  sheetName: string,
  timeZone: string,
): SheetData {
  const text = decodeCsv(bytes);
  const records: string[][] = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
  });
  return {
    name: sheetName,
    values: records.map(record =>
      record.map(field => csvCellValue(field, timeZone)),
    ),
  };
}

/** A sheet as CSV text: computed values only, rows padded to one width. */
export function writeCsv(sheet: SheetData, timeZone: string): string {
  const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
  return sheet.values
    .map(row => {
      const fields: string[] = [];
      for (let col = 0; col < width; col++) {
        fields.push(quoteField(csvCellText(row[col] ?? '', timeZone)));
      }
      return fields.join(',') + '\r\n';
    })
    .join('');
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
