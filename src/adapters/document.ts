/**
 * What the add-on remembers about a spreadsheet, in its document properties:
 * which sheet is the tracker, the seed new supporter ids are derived from,
 * and the user's settings. (Secrets never go here: they live in user
 * properties.) One getProperties() call reads them all.
 */
const KEYS = {
  trackerSheetId: 'whuffie.trackerSheetId',
  idSeed: 'whuffie.idSeed',
  settings: 'whuffie.settings',
  snoozes: 'whuffie.snoozes',
} as const;

export type DocumentKey = keyof typeof KEYS;

export interface DocumentState {
  trackerSheetId: number | null;
  idSeed: string;
  /** Settings overrides as stored (JSON text), '' for none. */
  settings: string;
  /** Supporter id → the date ('YYYY-MM-DD') their snooze lasts until. */
  snoozes: Record<string, string>;
}

export function readDocumentState(): DocumentState {
  const props = PropertiesService.getDocumentProperties().getProperties();
  const sheetId = Number(props[KEYS.trackerSheetId]);
  return {
    trackerSheetId:
      props[KEYS.trackerSheetId] && isFinite(sheetId) ? sheetId : null,
    idSeed: props[KEYS.idSeed] ?? '',
    settings: props[KEYS.settings] ?? '',
    snoozes: parseSnoozes(props[KEYS.snoozes]),
  };
}

export function writeDocumentState(changes: Partial<DocumentState>): void {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== null) {
      out[KEYS[key as DocumentKey]] =
        typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  if (Object.keys(out).length) {
    PropertiesService.getDocumentProperties().setProperties(out);
  }
}

function parseSnoozes(text: string | undefined): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return value && typeof value === 'object'
      ? (value as Record<string, string>)
      : {};
  } catch {
    return {};
  }
}
