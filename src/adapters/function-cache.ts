/**
 * The score table behind the sheet functions, kept in the document cache so
 * a per-cell =WHUFFIE(A2) costs two service calls (getDocumentCache, getAll)
 * instead of reading the whole log. The table is cut into buckets by key
 * (each well under the 100 KB value limit) and stamped with a version; the
 * add-on drops the version whenever it changes the log or the tracker, so a
 * stale bucket is never used.
 */
import {
  AMBIGUOUS,
  bucketOf,
  FunctionRow,
  ScoreTable,
  TableEntry,
} from '../core/sheet-functions';

const VERSION_KEY = 'wf:ver';
const BUCKET_PREFIX = 'wf:b:';
const BUCKETS = 256;
/** The longest CacheService keeps anything (6 hours). */
const TTL_SECONDS = 21600;
const MAX_VALUE_CHARS = 100_000;

type Row = [string, number, number, number | null, number, number, number];
interface Bucket {
  v: string;
  /** key → row, or 0 for a key that names more than one supporter. */
  rows: Record<string, Row | 0>;
}

const toRow = (r: FunctionRow): Row => [
  r.id,
  r.whuffie,
  r.responsiveness,
  r.lastContact,
  r.promotion,
  r.action,
  r.donations,
];
const fromRow = (r: Row): FunctionRow => ({
  id: r[0],
  whuffie: r[1],
  responsiveness: r[2],
  lastContact: r[3],
  promotion: r[4],
  action: r[5],
  donations: r[6],
});

export function invalidateFunctionCache(): void {
  CacheService.getDocumentCache()?.remove(VERSION_KEY);
}

/**
 * The entries for these keys from the cache, or null when the cache cannot
 * answer (never filled, evicted, or older than the last change).
 */
export function cachedEntries(
  keys: readonly string[],
): Map<string, TableEntry | undefined> | null {
  const cache = CacheService.getDocumentCache();
  if (!cache) return null;
  const names = [
    ...new Set(keys.map(k => BUCKET_PREFIX + bucketOf(k, BUCKETS))),
  ];
  const got = cache.getAll([VERSION_KEY, ...names]);
  const version = got[VERSION_KEY];
  if (!version) return null;
  const buckets = new Map<string, Bucket>();
  for (const name of names) {
    if (!got[name]) return null;
    const bucket = JSON.parse(got[name]) as Bucket;
    if (bucket.v !== version) return null;
    buckets.set(name, bucket);
  }
  const entries = new Map<string, TableEntry | undefined>();
  for (const key of keys) {
    const row = buckets.get(BUCKET_PREFIX + bucketOf(key, BUCKETS))!.rows[key];
    entries.set(key, row === 0 ? AMBIGUOUS : row ? fromRow(row) : undefined);
  }
  return entries;
}

/** Stores a freshly computed table (one putAll); skipped if a bucket is too big. */
export function storeTable(table: ScoreTable, version: string): void {
  const cache = CacheService.getDocumentCache();
  if (!cache) return;
  const buckets: Bucket[] = Array.from({length: BUCKETS}, () => ({
    v: version,
    rows: {},
  }));
  for (const [key, entry] of table) {
    buckets[bucketOf(key, BUCKETS)].rows[key] =
      entry === AMBIGUOUS ? 0 : toRow(entry);
  }
  const values: Record<string, string> = {[VERSION_KEY]: version};
  for (let b = 0; b < BUCKETS; b++) {
    const text = JSON.stringify(buckets[b]);
    // Too big to cache: the functions still work, reading the sheets.
    if (text.length > MAX_VALUE_CHARS) return;
    values[BUCKET_PREFIX + b] = text;
  }
  cache.putAll(values, TTL_SECONDS);
}
