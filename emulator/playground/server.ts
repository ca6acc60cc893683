/**
 * The local playground: a web page showing the emulator's workbook as a grid
 * with the add-on's real menu, sidebar and dialogs (the same dist/ HTML that
 * ships, with google.script.run bridged here), toasts and the mail it sent.
 * A plain node:http server on 127.0.0.1; every route but the page and its
 * scripts is JSON under /api/.
 *
 *   GET  /api/state?r1&c1&rows&cols  tabs, a window of the active sheet, menus, UI
 *   GET  /api/surface/sidebar/ID     the sidebar's HTML ({title, html})
 *   GET  /api/surface/dialog/ID      a dialog's HTML
 *   GET  /api/mail/N                 one sent email
 *   GET  /api/workbook.xlsx          the workbook as a download
 *   POST /api/open                   the user (re)opens the file: onOpen
 *   POST /api/select {sheet, a1}     the user selects (onSelectionChange)
 *   POST /api/edit {sheet, a1, text} the user types into a cell (onEdit)
 *   POST /api/menu {caption, answers} a menu click, one question at a time
 *   POST /api/run {fn, args}         google.script.run from a sidebar/dialog
 *   POST /api/close {surface}        the sidebar's or dialog's X / host.close()
 *   POST /api/trigger {which}        time-driven triggers fire now
 *   POST /api/clock {hours}          the clock moves on, running triggers due
 *   POST /api/save                   writes the workbook (+ state sidecar)
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {EmulatorUsageError} from '../exception';
import type {Emulator, TimeTriggerResult} from '../index';
import {writeWorkbookFile} from '../io';
import {messageOf} from '../runtime';
import {quoteSheetName} from '../sheets';
import {type Asset, page, script, styles} from './assets';
import type {
  Answer,
  MailView,
  MenuOutcome,
  RunOutcome,
  ShownDialog,
  WindowRequest,
} from './protocol';
import {clickMenuStep, observeDialogs} from './rehearsal';
import {DEFAULT_WINDOW, type Surfaces, playgroundState} from './view';

export interface PlaygroundOptions {
  emulator: Emulator;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Only the loopback interface: the playground runs the add-on as you. */
  host?: '127.0.0.1';
  /** Where Save writes (.xlsx, with the state sidecar beside it). */
  saveTo?: string;
}

export interface Playground {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/** A request the page should not have sent: 400 with the reason. */
class BadRequest extends Error {}

const MAX_BODY = 5 * 1024 * 1024;

/** Tracks which sidebar and dialog are open: the UI log only ever grows. */
class OpenSurfaces {
  private sidebarsSeen: number;
  private dialogsSeen: number;
  private sidebar: number | null = null;
  private dialog: number | null = null;
  private opened = {toasts: 0, executions: 0};

  constructor(
    private readonly emu: Emulator,
    private readonly saveTo: string | null,
  ) {
    this.sidebarsSeen = emu.ui.sidebars.length;
    this.dialogsSeen = emu.ui.dialogs.length;
  }

  /** The newest sidebar or dialog shown since the last look replaces the open one. */
  private sync(): void {
    const {sidebars, dialogs} = this.emu.ui;
    if (sidebars.length > this.sidebarsSeen) this.sidebar = sidebars.length - 1;
    if (dialogs.length > this.dialogsSeen) this.dialog = dialogs.length - 1;
    this.sidebarsSeen = sidebars.length;
    this.dialogsSeen = dialogs.length;
  }

  view(): Surfaces {
    this.sync();
    const {sidebars, dialogs} = this.emu.ui;
    const dialog = this.dialog === null ? null : dialogs[this.dialog];
    return {
      sidebar:
        this.sidebar === null
          ? null
          : {id: this.sidebar, title: sidebars[this.sidebar].title},
      dialog:
        dialog === null
          ? null
          : {
              id: this.dialog!,
              title: dialog.title,
              modal: dialog.modal,
              ...(dialog.width === undefined ? {} : {width: dialog.width}),
              ...(dialog.height === undefined ? {} : {height: dialog.height}),
            },
      saveTo: this.saveTo,
      opened: this.opened,
    };
  }

  /** The X, or google.script.host.close(). */
  close(surface: 'sidebar' | 'dialog'): void {
    this.sync();
    this[surface] = null;
  }

  /** The user (re)opens the file: nothing is open yet, and old toasts are gone. */
  reopen(): void {
    this.sync();
    this.sidebar = null;
    this.dialog = null;
    this.opened = {
      toasts: this.emu.ui.toasts.length,
      executions: this.emu.executions.length,
    };
  }
}

export async function startPlayground(
  options: PlaygroundOptions,
): Promise<Playground> {
  const emu = options.emulator;
  const saveTo = options.saveTo ?? null;
  const surfaces = new OpenSurfaces(emu, saveTo);
  let origin = '';

  const api: Record<
    string,
    (body: Record<string, unknown>, url: URL) => unknown | Promise<unknown>
  > = {
    'GET /api/state': (_body, url) =>
      playgroundState(emu, windowOf(url), surfaces.view()),
    'POST /api/open': () => {
      surfaces.reopen();
      emu.open('LIMITED');
      return {ok: true};
    },
    'POST /api/select': body => {
      emu.userSelect(cellRef(body));
      return {ok: true};
    },
    'POST /api/edit': body => {
      emu.userEdit(cellRef(body), text(body, 'text'));
      return {ok: true};
    },
    'POST /api/menu': body => clickMenu(emu, body),
    'POST /api/run': body => run(emu, body),
    'POST /api/close': body => {
      const surface = text(body, 'surface');
      if (surface !== 'sidebar' && surface !== 'dialog') {
        throw new BadRequest(`Unknown surface ${surface}`);
      }
      surfaces.close(surface);
      return {ok: true};
    },
    'POST /api/trigger': body =>
      triggerResults(
        emu.fireTimeTriggers(body.which === 'all' ? 'all' : 'daily'),
      ),
    'POST /api/clock': body => {
      const hours = body.hours;
      if (typeof hours !== 'number' || !(hours > 0) || hours > 24 * 366) {
        throw new BadRequest('hours must be a number of hours, up to a year');
      }
      const until = new Date(emu.now().getTime() + hours * 3_600_000);
      return triggerResults(emu.advanceClock(until));
    },
    'POST /api/save': async () => {
      if (saveTo === null) {
        throw new BadRequest(
          'This playground has nowhere to save: start it with --out FILE.xlsx, or use Download.',
        );
      }
      const result = await writeWorkbookFile(
        saveTo,
        emu.toWorkbook(),
        emu.exportState(),
      );
      return {paths: result.paths};
    },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(error => {
      const status = error instanceof BadRequest ? 400 : 500;
      sendJson(res, status, {error: messageText(error)});
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isLocal(req, origin)) {
      res.writeHead(403).end();
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      const asset = await staticAsset(path);
      if (asset) {
        send(res, 200, asset.type, asset.body);
        return;
      }
      const surface = /^\/api\/surface\/(sidebar|dialog)\/(\d+)$/.exec(path);
      if (surface) {
        const list =
          surface[1] === 'sidebar' ? emu.ui.sidebars : emu.ui.dialogs;
        const shown = list[Number(surface[2])];
        if (!shown) throw new BadRequest(`No ${surface[1]} ${surface[2]}`);
        sendJson(res, 200, {title: shown.title, html: shown.html});
        return;
      }
      const mail = /^\/api\/mail\/(\d+)$/.exec(path);
      if (mail) {
        sendJson(res, 200, mailView(emu, Number(mail[1])));
        return;
      }
      if (path === '/api/workbook.xlsx') {
        await sendWorkbook(res, emu);
        return;
      }
    }
    const route = api[`${req.method} ${path}`];
    if (!route) {
      sendJson(res, 404, {error: `No ${req.method} ${path}`});
      return;
    }
    const body = req.method === 'POST' ? await jsonBody(req) : {};
    try {
      sendJson(res, 200, await route(body, url));
    } catch (error) {
      // Driving the emulator wrongly (no such sheet, a cell off the grid)
      // is the request's fault; anything else is a bug here.
      if (error instanceof EmulatorUsageError || isPlainError(error)) {
        throw new BadRequest(messageText(error));
      }
      throw error;
    }
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const {port} = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>(done => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function staticAsset(path: string): Promise<Asset | null> {
  switch (path) {
    case '/':
      return page();
    case '/playground/page.css':
      return styles();
    case '/playground/client.js':
      return script('client');
    case '/playground/shim.js':
      return script('shim');
    default:
      return null;
  }
}

/**
 * Only the page itself may drive the emulator: the Host header must be this
 * server (no DNS rebinding), and a cross-site page cannot post JSON here
 * without a CORS preflight this server never grants.
 */
function isLocal(req: IncomingMessage, origin: string): boolean {
  const port = new URL(origin).port;
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  if (req.method === 'GET') return true;
  const from = req.headers.origin;
  const json = (req.headers['content-type'] ?? '').startsWith(
    'application/json',
  );
  return (
    json && (from === undefined || hosts.some(h => from === `http://${h}`))
  );
}

function windowOf(url: URL): WindowRequest {
  const number = (name: keyof WindowRequest) => {
    const value = url.searchParams.get(name);
    return value === null ? DEFAULT_WINDOW[name] : Number(value);
  };
  return {
    r1: number('r1'),
    c1: number('c1'),
    rows: number('rows'),
    cols: number('cols'),
  };
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new BadRequest(`${key} must be text`);
  return value;
}

/** `Sheet name` + `B3` → `'Sheet name'!B3`, as the emulator takes cells. */
function cellRef(body: Record<string, unknown>): string {
  return `${quoteSheetName(text(body, 'sheet'))}!${text(body, 'a1')}`;
}

function answersOf(body: Record<string, unknown>): Answer[] {
  const list = body.answers ?? [];
  if (!Array.isArray(list)) throw new BadRequest('answers must be a list');
  return list.map(item => {
    const {kind, button, text} = (item ?? {}) as Partial<Answer>;
    if (
      (kind !== 'alert' && kind !== 'prompt') ||
      typeof button !== 'string' ||
      (text !== undefined && typeof text !== 'string')
    ) {
      throw new BadRequest('Each answer is {kind, button, text?}');
    }
    return text === undefined ? {kind, button} : {kind, button, text};
  });
}

function clickMenu(emu: Emulator, body: Record<string, unknown>): MenuOutcome {
  const step = clickMenuStep(emu, text(body, 'caption'), answersOf(body));
  if (step.status === 'question') return step;
  if (step.error instanceof EmulatorUsageError) throw step.error;
  return step.error === undefined
    ? {status: 'done', notices: step.notices}
    : {status: 'done', notices: step.notices, error: messageText(step.error)};
}

/**
 * google.script.run. Alerts and prompts a server function shows take their
 * defaults (the sidebar is waiting for its answer) and are shown after.
 */
function run(emu: Emulator, body: Record<string, unknown>): RunOutcome {
  const fn = text(body, 'fn');
  const args = body.args ?? [];
  if (!Array.isArray(args)) throw new BadRequest('args must be a list');
  const result = observeDialogs(emu, () => emu.callFromSidebar(fn, args));
  const notices: ShownDialog[] = result.shown;
  if ('error' in result) {
    if (result.error instanceof EmulatorUsageError) throw result.error;
    const error = result.error as {name?: unknown; message?: unknown};
    return {
      ok: false,
      name: String(error?.name ?? 'Error'),
      error: String(error?.message ?? error),
      notices,
    };
  }
  return result.value === undefined
    ? {ok: true, notices}
    : {ok: true, value: result.value, notices};
}

function triggerResults(results: TimeTriggerResult[]) {
  return results.map(r => ({
    fn: r.fn,
    at: r.at.toISOString(),
    ok: r.ok,
    ...(r.error === undefined ? {} : {error: r.error}),
  }));
}

function mailView(emu: Emulator, seq: number): MailView {
  const mail = emu.mail[seq];
  if (!mail) throw new BadRequest(`No email ${seq}`);
  const {at, ...rest} = mail;
  return {...rest, seq, at: at.toISOString()};
}

async function sendWorkbook(res: ServerResponse, emu: Emulator) {
  const dir = await mkdtemp(join(tmpdir(), 'whuffie-playground-'));
  try {
    const name = emu.spreadsheet.name.replace(/[^\w .-]+/g, '_') || 'workbook';
    const file = join(dir, 'workbook.xlsx');
    await writeWorkbookFile(file, emu.toWorkbook(), emu.exportState());
    const bytes = await readFile(file);
    res.writeHead(200, {
      'Content-Type':
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
      'Content-Length': bytes.length,
    });
    res.end(bytes);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

async function jsonBody(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('Request too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BadRequest('The body is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadRequest('The body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** A plain Error (not a script's), such as the sheets model refusing a cell. */
function isPlainError(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.constructor === Error &&
    error.name === 'Error'
  );
}

function messageText(error: unknown): string {
  if (error instanceof BadRequest || error instanceof EmulatorUsageError) {
    return error.message;
  }
  return messageOf(error);
}
