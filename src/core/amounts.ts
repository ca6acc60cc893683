/**
 * Money as people type it, in any of the usual conventions. The one amount
 * reader: the import reports an unreadable amount (NaN), the log reader
 * treats it as no amount.
 */
import {textOf} from './cells';

/** Money as typed: "$1,250.50", "1.250,50 €", "50" → number; NaN when unreadable. */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  let text = textOf(value).replace(/[^\d.,-]/g, '');
  if (!text) return textOf(value) === '' ? null : NaN;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    text = /^-?\d{1,3}(,\d{3})+$/.test(text)
      ? text.replace(/,/g, '')
      : text.replace(',', '.');
  } else if ((text.match(/\./g) ?? []).length > 1) {
    text = text.replace(/\./g, '');
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}
