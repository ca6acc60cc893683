/// <reference lib="dom" />
/**
 * The add-on's own HTML: the sidebar (a 300 px panel on the right) and
 * modal or modeless dialogs. Each runs in a sandboxed frame — as HtmlService
 * serves it, on an origin of its own — with the google.script shim loaded
 * before anything else on the page; the shim's calls arrive here by
 * postMessage and go to the emulator.
 */
import type {
  DialogSurfaceView,
  FrameMessage,
  PageMessage,
  PlaygroundState,
  RunOutcome,
  SurfaceView,
} from '../protocol';
import {byId, escapeAttribute} from './dom';

type Kind = 'sidebar' | 'dialog';

export interface SurfaceActions {
  fetch(kind: Kind, id: number): Promise<{title: string; html: string}>;
  run(fn: string, args: unknown[]): Promise<RunOutcome>;
  close(kind: Kind): void;
  focusEditor(): void;
}

/** Apps Script's default size for a dialog that did not set one. */
const DIALOG_SIZE = {width: 600, height: 400};

/** The add-on's HTML with the shim's tag first in its head (before any of its scripts). */
function withShim(html: string, functions: string[]): string {
  const src = `${window.location.origin}/playground/shim.js`;
  const tag = `<script src="${escapeAttribute(src)}" data-functions="${escapeAttribute(functions.join(','))}"></script>`;
  for (const opening of [
    /<head\b[^>]*>/i,
    /<html\b[^>]*>/i,
    /<!doctype[^>]*>/i,
  ]) {
    const match = opening.exec(html);
    if (match) {
      const at = match.index + match[0].length;
      return html.slice(0, at) + tag + html.slice(at);
    }
  }
  return tag + html;
}

export class Surfaces {
  private shown: Record<Kind, number | null> = {sidebar: null, dialog: null};
  private readonly sidebarPanel = byId('sidebar-panel');
  private readonly sidebarFrame = byId<HTMLIFrameElement>('sidebar-frame');
  private readonly dialog = byId<HTMLDialogElement>('html-dialog');
  private readonly dialogFrame = byId<HTMLIFrameElement>('dialog-frame');

  constructor(private readonly actions: SurfaceActions) {
    window.addEventListener('message', e => this.onMessage(e));
    byId('sidebar-close').addEventListener('click', () =>
      actions.close('sidebar'),
    );
    byId('dialog-close').addEventListener('click', () =>
      actions.close('dialog'),
    );
    this.dialog.addEventListener('cancel', e => {
      e.preventDefault();
      actions.close('dialog');
    });
  }

  async update(state: PlaygroundState): Promise<void> {
    await this.showSidebar(state.sidebar, state.serverFunctions);
    await this.showDialog(state.dialog, state.serverFunctions);
  }

  private async showSidebar(
    view: SurfaceView | null,
    functions: string[],
  ): Promise<void> {
    if ((view?.id ?? null) === this.shown.sidebar) return;
    this.shown.sidebar = view?.id ?? null;
    if (!view) {
      this.sidebarPanel.hidden = true;
      this.sidebarFrame.srcdoc = '';
      return;
    }
    const {title, html} = await this.actions.fetch('sidebar', view.id);
    byId('sidebar-title').textContent = title;
    this.sidebarFrame.title = title || 'Add-on sidebar';
    this.sidebarFrame.srcdoc = withShim(html, functions);
    this.sidebarPanel.hidden = false;
  }

  private async showDialog(
    view: DialogSurfaceView | null,
    functions: string[],
  ): Promise<void> {
    if ((view?.id ?? null) === this.shown.dialog) return;
    this.shown.dialog = view?.id ?? null;
    if (!view) {
      if (this.dialog.open) this.dialog.close();
      this.dialogFrame.srcdoc = '';
      return;
    }
    const {title, html} = await this.actions.fetch('dialog', view.id);
    byId('dialog-title').textContent = title;
    this.dialogFrame.title = title || 'Add-on dialog';
    this.resize(
      view.width ?? DIALOG_SIZE.width,
      view.height ?? DIALOG_SIZE.height,
    );
    this.dialogFrame.srcdoc = withShim(html, functions);
    if (this.dialog.open) this.dialog.close();
    if (view.modal) this.dialog.showModal();
    else this.dialog.show();
  }

  private resize(width?: number, height?: number): void {
    if (width !== undefined) this.dialogFrame.style.width = `${width}px`;
    if (height !== undefined) this.dialogFrame.style.height = `${height}px`;
  }

  private onMessage(event: MessageEvent): void {
    const kind: Kind | null =
      event.source === this.sidebarFrame.contentWindow
        ? 'sidebar'
        : event.source === this.dialogFrame.contentWindow
          ? 'dialog'
          : null;
    const message = event.data as FrameMessage;
    if (!kind || typeof message?.whuffie !== 'string') return;
    const frame = event.source as Window;
    switch (message.whuffie) {
      case 'run':
        void this.actions.run(message.fn, message.args).then(
          outcome => {
            const reply: PageMessage = outcome.ok
              ? {
                  whuffie: 'result',
                  id: message.id,
                  ok: true,
                  value: outcome.value,
                }
              : {
                  whuffie: 'result',
                  id: message.id,
                  ok: false,
                  error: outcome.error,
                  name: outcome.name,
                };
            frame.postMessage(reply, '*');
          },
          (error: Error) => {
            const reply: PageMessage = {
              whuffie: 'result',
              id: message.id,
              ok: false,
              error: error.message,
              name: 'Error',
            };
            frame.postMessage(reply, '*');
          },
        );
        return;
      case 'close':
        this.actions.close(kind);
        return;
      case 'focus-editor':
        this.actions.focusEditor();
        return;
      case 'set-size':
        if (kind === 'dialog') this.resize(message.width, message.height);
        return;
    }
  }
}
