/// <reference lib="dom" />
/**
 * Talking to the playground server. Every user action goes through one
 * queue, so the emulator sees them in the order they happened; while any is
 * in flight `<body data-pending>` is above 0 (tests wait for it to drop).
 */
import type {
  Answer,
  MailView,
  MenuOutcome,
  PlaygroundState,
  RunOutcome,
  WindowRequest,
} from '../protocol';

/** A time-driven trigger that ran. */
export interface TriggerRun {
  fn: string;
  at: string;
  ok: boolean;
  error?: string;
}

let pending = 0;
let chain: Promise<unknown> = Promise.resolve();

function setPending(delta: number): void {
  pending += delta;
  document.body.dataset.pending = String(pending);
}

/** Counts `work` as in flight until it settles. */
export function tracked<T>(work: Promise<T>): Promise<T> {
  setPending(1);
  return work.finally(() => setPending(-1));
}

/** Runs `work` after every action queued before it. */
export function queued<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work);
  chain = next.catch(() => undefined);
  return tracked(next);
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as T & {error?: string};
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}

export const api = {
  state: (w: WindowRequest) =>
    request<PlaygroundState>(
      'GET',
      `/api/state?r1=${w.r1}&c1=${w.c1}&rows=${w.rows}&cols=${w.cols}`,
    ),
  surface: (kind: 'sidebar' | 'dialog', id: number) =>
    request<{title: string; html: string}>('GET', `/api/surface/${kind}/${id}`),
  mail: (seq: number) => request<MailView>('GET', `/api/mail/${seq}`),
  open: () => request<unknown>('POST', '/api/open', {}),
  select: (sheet: string, a1: string) =>
    request<unknown>('POST', '/api/select', {sheet, a1}),
  edit: (sheet: string, a1: string, text: string) =>
    request<unknown>('POST', '/api/edit', {sheet, a1, text}),
  menu: (caption: string, answers: Answer[]) =>
    request<MenuOutcome>('POST', '/api/menu', {caption, answers}),
  run: (fn: string, args: unknown[]) =>
    request<RunOutcome>('POST', '/api/run', {fn, args}),
  close: (surface: 'sidebar' | 'dialog') =>
    request<unknown>('POST', '/api/close', {surface}),
  trigger: (which: 'daily' | 'all') =>
    request<TriggerRun[]>('POST', '/api/trigger', {which}),
  clock: (hours: number) =>
    request<TriggerRun[]>('POST', '/api/clock', {hours}),
  save: () => request<{paths: string[]}>('POST', '/api/save', {}),
};
