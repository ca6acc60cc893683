/**
 * The one way the sidebar talks to the server: a promise over
 * google.script.run, typed by ServerApi (src/api.ts), which the server's
 * entry points are checked against (src/surface.ts) — so renaming a server
 * function or changing a field breaks the build, not the sidebar.
 */
import type {ServerApi} from '../src/api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

declare global {
  interface Window {
    google?: {script?: {run?: ScriptRun}};
  }
}

export type ServerFunction = keyof ServerApi;
type Args<K extends ServerFunction> = Parameters<ServerApi[K]>;
type Result<K extends ServerFunction> = ReturnType<ServerApi[K]>;

const OFFLINE =
  'Whuffie lost its connection to Google. Check your connection, then try again.';

/** The failure handler's message, worded for people. */
export function messageOf(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : String((error as {message?: unknown})?.message ?? '');
  if (/^NetworkError|HTTP 0\b/i.test(text)) return OFFLINE;
  return text.replace(/^(Exception|Error|UserError):\s*/, '') || OFFLINE;
}

/** Calls a server function; rejects with an Error whose message is for people. */
export function callServer<K extends ServerFunction>(
  fn: K,
  ...args: Args<K>
): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(
        new Error(
          'This page only works inside Google Sheets: open it with Extensions › Social CRM › Open sidebar.',
        ),
      );
      return;
    }
    const runner = run
      .withSuccessHandler(value => resolve(value as Result<K>))
      .withFailureHandler(error => reject(new Error(messageOf(error))));
    (runner as unknown as Record<K, (...a: Args<K>) => void>)[fn](...args);
  });
}
