/**
 * Text and people's names folded for comparison, so that case, accents,
 * punctuation and "Smith, Jane" versus "Jane Smith" never make two spellings
 * of the same thing look different. Used for header recognition, import
 * matching by name and the "Possible duplicates" view.
 */

/** Letters that Unicode decomposition (NFD) leaves whole. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Lower-case, accents stripped, every run of non-letters/digits turned into
 * one space. Letters of every script survive ("张伟" stays "张伟").
 */
export function foldText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) {
    // Plain ASCII (most headers and tags): nothing to decompose.
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđðþı]/g, c => EXTRA_FOLDS[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'rev',
  'sir',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/**
 * A person's name as comparable words: "Dr. Jane Smith", "smith, jane" and
 * "JANE SMITH Jr." all give "jane smith". Word order is kept otherwise, so
 * "Jordan Lee" and "Lee Jordan" stay different (they may be two people).
 */
export function nameKey(name: string): string {
  let text = name;
  const comma = text.split(',');
  if (comma.length === 2) {
    const after = foldText(comma[1]);
    // "Smith, Jane" is surname-first; "Jane Smith, PhD" only has a suffix.
    text = SUFFIXES.has(after) ? comma[0] : `${comma[1]} ${comma[0]}`;
  }
  const words = foldText(text).split(' ').filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0])) words.shift();
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** The same words sorted, for duplicate hunting where order may be swapped. */
export function sortedNameKey(name: string): string {
  return nameKey(name).split(' ').sort().join(' ');
}

/** "Jane" + "Smith" → "Jane Smith"; a full name wins when there is one. */
export function fullNameOf(parts: {
  name?: string;
  firstName?: string;
  lastName?: string;
}): string {
  const full = (parts.name ?? '').trim();
  if (full) return full;
  return [parts.firstName, parts.lastName]
    .map(p => (p ?? '').trim())
    .filter(Boolean)
    .join(' ');
}

/** Reused rows for editDistance, grown as needed (it runs per name pair). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance (insert, delete, substitute), or `limit + 1` as soon as it is
 * certain to exceed `limit`. Plain loops over reused typed arrays: builtins
 * such as Math.min are slow inside vm contexts (Jest).
 */
function editDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const n = b.length;
  const diff = a.length > n ? a.length - n : n - a.length;
  if (diff > limit) return limit + 1;
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let d = previous[j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1);
      if (previous[j] + 1 < d) d = previous[j] + 1;
      if (current[j - 1] + 1 < d) d = current[j - 1] + 1;
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[n];
}

/**
 * How alike two name keys are, 0..1 (1 = identical): one minus the edit
 * distance over the longer length, trying both word orders. Values below
 * `floor` are not computed exactly (0 is returned), which keeps comparing
 * many pairs cheap; pass the keys' sorted forms when you have them.
 */
export function nameSimilarity(
  a: string,
  b: string,
  floor = 0,
  sortedA = a.split(' ').sort().join(' '),
  sortedB = b.split(' ').sort().join(' '),
): number {
  if (!a || !b) return 0;
  if (a === b || sortedA === sortedB) return 1;
  const longest = a.length > b.length ? a.length : b.length;
  const limit = Math.floor((1 - floor) * longest);
  const shortest = a.length < b.length ? a.length : b.length;
  // Both word orders have the same lengths, so this rules both out.
  if (longest - shortest > limit) return 0;
  let best = editDistance(a, b, limit);
  if (best > 0 && (sortedA !== a || sortedB !== b)) {
    const swapped = editDistance(sortedA, sortedB, limit);
    if (swapped < best) best = swapped;
  }
  return best > limit ? 0 : 1 - best / longest;
}
