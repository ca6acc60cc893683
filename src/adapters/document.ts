/**
 * What the add-on remembers about a spreadsheet, in its document properties:
 * which sheet is the tracker, the seed new supporter ids are derived from,
 * the user's settings and snoozes. (Secrets never go here: they live in user
 * properties.) One getProperties() call reads them all.
 *
 * A time-driven trigger has no document properties (PLATFORM.md), so every
 * write is mirrored into the user's own properties under the spreadsheet's
 * id, and the daily run reads the mirror. It is as fresh as this user's last
 * change; another editor's change reaches it when this user next uses the
 * add-on in the file.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const mirrorKey = (ss: Spreadsheet) => `whuffie.doc.${ss.getId()}`;

const KEYS = {
  trackerSheetId: 'whuffie.trackerSheetId',
  idSeed: 'whuffie.idSeed',
  settings: 'whuffie.settings',
  snoozes: 'whuffie.snoozes',
  columns: 'whuffie.columns',
} as const;

export type DocumentKey = keyof typeof KEYS;

export interface DocumentState {
  trackerSheetId: number | null;
  idSeed: string;
  /** Settings overrides as stored (JSON text), '' for none. */
  settings: string;
  /** Supporter id → the date ('YYYY-MM-DD') their snooze lasts until. */
  snoozes: Record<string, string>;
  /**
   * Where the tracker's columns were last found (field → [column, header]):
   * a shortcut past reading developer metadata, used while the headers
   * still stand where they were.
   */
  columns: SavedColumns | null;
}

export interface SavedColumns {
  headerRow: number;
  fields: Record<string, [number, string]>;
}

function readProps(ss: Spreadsheet): Record<string, string> {
  const store = PropertiesService.getDocumentProperties();
  if (store) return store.getProperties();
  const mirror = PropertiesService.getUserProperties().getProperty(
    mirrorKey(ss),
  );
  return mirror ? (JSON.parse(mirror) as Record<string, string>) : {};
}

export function readDocumentState(ss: Spreadsheet): DocumentState {
  const props = readProps(ss);
  const sheetId = Number(props[KEYS.trackerSheetId]);
  return {
    trackerSheetId:
      props[KEYS.trackerSheetId] && isFinite(sheetId) ? sheetId : null,
    idSeed: props[KEYS.idSeed] ?? '',
    settings: props[KEYS.settings] ?? '',
    snoozes: parseJson(props[KEYS.snoozes], {}),
    columns: parseJson<SavedColumns | null>(props[KEYS.columns], null),
  };
}

export function writeDocumentState(
  ss: Spreadsheet,
  changes: Partial<DocumentState>,
): void {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    // null forgets a value ('' reads back as "not set").
    out[KEYS[key as DocumentKey]] =
      value === null
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  }
  if (!Object.keys(out).length) return;
  const store = PropertiesService.getDocumentProperties();
  const all = {...readProps(ss), ...out};
  if (store) store.setProperties(out);
  PropertiesService.getUserProperties().setProperty(
    mirrorKey(ss),
    JSON.stringify(all),
  );
}

const REJECTED_HANDLES = 'whuffie.rejectedHandles';

/**
 * The handle suggestions answered "Not them" (rejection keys, oldest
 * first). Kept out of DocumentState and its mirror: only Suggest handles and
 * its sheet's Action read them, both with document properties at hand, and
 * the mirror is a single user property that must stay under 9 KB.
 */
export function readRejectedHandles(): string[] {
  const text =
    PropertiesService.getDocumentProperties().getProperty(REJECTED_HANDLES);
  const keys = parseJson<unknown>(text ?? undefined, []);
  return Array.isArray(keys)
    ? keys.filter((k): k is string => typeof k === 'string')
    : [];
}

export function writeRejectedHandles(keys: readonly string[]): void {
  PropertiesService.getDocumentProperties().setProperty(
    REJECTED_HANDLES,
    JSON.stringify(keys),
  );
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}
