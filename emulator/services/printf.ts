/**
 * `Utilities.formatString` and `Logger.log(format, values…)`: sprintf-style
 * formatting (%s %d %i %f %e %x %o %c %b %%, with flags `-+0,` and width /
 * precision), the subset Apps Script scripts use in practice.
 */
export function formatString(
  template: string,
  args: readonly unknown[],
): string {
  let next = 0;
  return template.replace(
    /%([-+0,]*)(\d+)?(?:\.(\d+))?([sdifexXocb%n])/g,
    (
      match,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (next >= args.length) return match;
      const arg = args[next++];
      let text: string;
      switch (conv) {
        case 'd':
        case 'i':
          text = integer(arg, flags.includes(','));
          break;
        case 'f':
          text = Number(arg).toFixed(
            precision === undefined ? 6 : Number(precision),
          );
          if (flags.includes(',')) text = groupThousands(text);
          break;
        case 'e':
          text = Number(arg).toExponential(
            precision === undefined ? 6 : Number(precision),
          );
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        case 'c':
          text =
            typeof arg === 'number'
              ? String.fromCharCode(arg)
              : String(arg).charAt(0);
          break;
        case 'b':
          text = String(Boolean(arg));
          break;
        default:
          text = stringOf(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
      }
      if (flags.includes('+') && /^[0-9]/.test(text) && 'difeE'.includes(conv))
        text = '+' + text;
      return pad(text, width === undefined ? 0 : Number(width), flags);
    },
  );
}

function integer(arg: unknown, grouped: boolean): string {
  const text = String(Math.trunc(Number(arg)));
  return grouped ? groupThousands(text) : text;
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function pad(text: string, width: number, flags: string): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?\d/.test(text)) {
    const sign = /^[-+]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** How a value prints in a log line: objects as JSON, the rest as String(). */
export function stringOf(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object')
    return String(value);
  if (value instanceof Date) return value.toString();
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
