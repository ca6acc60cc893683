import type {ExecutionMode} from './host';
import {exception} from './exception';

/**
 * What a service call needs. Each service method names one capability; the
 * table below says which execution modes have it (PLATFORM.md, "What each
 * mode allows"). Logger, console, Utilities, HtmlService's builders and the
 * enums need none and are never checked.
 */
export type Capability =
  | 'document.read'
  | 'document.write'
  | 'document.open'
  | 'properties'
  | 'cache'
  | 'lock'
  | 'ui.menu'
  | 'ui.dialog'
  | 'urlfetch'
  | 'mail'
  | 'triggers';

const ALLOWED: Record<ExecutionMode, ReadonlySet<Capability>> = {
  // Installed but not yet used in this file: menus only.
  NONE: new Set<Capability>(['ui.menu']),
  // Simple triggers: the bound document and Properties, nothing that needs
  // an OAuth grant (no UrlFetch, MailApp, ScriptApp, sidebars or dialogs).
  LIMITED: new Set<Capability>([
    'document.read',
    'document.write',
    'properties',
    'cache',
    'lock',
    'ui.menu',
  ]),
  // Custom functions: read-only Sheets, Cache, Properties, UrlFetch.
  CUSTOM_FUNCTION: new Set<Capability>([
    'document.read',
    'properties',
    'cache',
    'lock',
    'urlfetch',
  ]),
  FULL: new Set<Capability>([
    'document.read',
    'document.write',
    'document.open',
    'properties',
    'cache',
    'lock',
    'ui.menu',
    'ui.dialog',
    'urlfetch',
    'mail',
    'triggers',
  ]),
};

/** The OAuth scope the real error message names for each capability. */
const SCOPES: Partial<Record<Capability, string>> = {
  'document.read': 'https://www.googleapis.com/auth/spreadsheets',
  'document.write': 'https://www.googleapis.com/auth/spreadsheets',
  'document.open': 'https://www.googleapis.com/auth/spreadsheets',
  'ui.dialog': 'https://www.googleapis.com/auth/script.container.ui',
  urlfetch: 'https://www.googleapis.com/auth/script.external_request',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
};

export const AUTHORIZATION_REQUIRED =
  'Authorization is required to perform that action.';

export function allows(mode: ExecutionMode, capability: Capability): boolean {
  return ALLOWED[mode].has(capability);
}

/**
 * Throws what Apps Script throws when `method` is called without
 * `capability`:
 * - under NONE every guarded call fails with "Authorization is required…";
 * - a custom function writing to the sheet gets "You do not have permission
 *   to call Range.setValue" (no scope: no grant would help);
 * - otherwise "You do not have permission to call UrlFetchApp.fetch.
 *   Required permissions: https://www.googleapis.com/auth/script.external_request".
 */
export function requireCapability(
  mode: ExecutionMode,
  capability: Capability,
  method: string,
): void {
  if (allows(mode, capability)) return;
  if (mode === 'NONE') throw exception(AUTHORIZATION_REQUIRED);
  if (mode === 'CUSTOM_FUNCTION' && capability === 'document.write') {
    throw exception(`You do not have permission to call ${method}`);
  }
  const scope = SCOPES[capability];
  throw exception(
    `You do not have permission to call ${method}.` +
      (scope ? ` Required permissions: ${scope}` : ''),
  );
}

/** SpreadsheetApp.getUi() outside a document UI (custom functions, time triggers). */
export const NO_UI_CONTEXT =
  'Cannot call SpreadsheetApp.getUi() from this context.';

/**
 * Which capability a SpreadsheetApp method needs. The sheets service tells
 * read from write; opening another file (openById, openByUrl, create) needs
 * the full `spreadsheets` scope, which simple triggers and custom functions
 * never have; getUi() only needs a UI (menus work even under NONE).
 */
export function documentCapability(
  method: string,
  access: 'read' | 'write',
): Capability {
  if (/^SpreadsheetApp\.(openById|openByUrl|open|create)$/.test(method))
    return 'document.open';
  if (method === 'SpreadsheetApp.getUi') return 'ui.menu';
  return access === 'read' ? 'document.read' : 'document.write';
}
