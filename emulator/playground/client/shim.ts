/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `google.script` inside the add-on's sidebar and dialogs, as HtmlService
 * provides it: `google.script.run.withSuccessHandler(f).withFailureHandler(g)
 * .withUserObject(o).someServerFunction(...args)`, `google.script.host.close()`,
 * `.editor.focus()`, `.setWidth/setHeight`, and `google.script.url.getLocation`.
 * The page loads this script first thing in each add-on frame (the tag's
 * data-functions lists the project's public functions). Frames are
 * sandboxed, as in Apps Script, so calls travel to the page by postMessage
 * and the page forwards them to the emulator.
 */
import {sendArguments} from '../../bridge';
import type {FrameMessage, PageMessage} from '../protocol';

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerConfig {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const script = document.currentScript as HTMLScriptElement | null;
const functions = (script?.dataset.functions ?? '').split(',').filter(Boolean);
const waiting = new Map<number, RunnerConfig>();
let nextId = 1;

function post(message: FrameMessage): void {
  window.parent.postMessage(message, '*');
}

/** A form passed as the only argument arrives as {fieldName: value}. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new FormData(form)) {
    const text = typeof value === 'string' ? value : value.name;
    const before = fields[name];
    if (before === undefined) fields[name] = text;
    else fields[name] = [...(Array.isArray(before) ? before : [before]), text];
  }
  return fields;
}

function call(config: RunnerConfig, fn: string, args: unknown[]): void {
  const sent =
    args.length === 1 && args[0] instanceof HTMLFormElement
      ? [formFields(args[0])]
      : // Throws in the page, before anything is sent, like the real one.
        sendArguments(args);
  const id = nextId++;
  waiting.set(id, config);
  post({whuffie: 'run', id, fn, args: sent});
}

function runner(config: RunnerConfig): Record<string, unknown> {
  const api: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner({...config, success: f}),
    withFailureHandler: (f: Handler) => runner({...config, failure: f}),
    withUserObject: (o: unknown) => runner({...config, userObject: o}),
  };
  for (const name of functions) {
    if (name in api) continue;
    api[name] = (...args: unknown[]) => call(config, name, args);
  }
  return api;
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const message = event.data as PageMessage;
  if (message?.whuffie !== 'result') return;
  const config = waiting.get(message.id);
  if (!config) return;
  waiting.delete(message.id);
  if (message.ok) {
    config.success?.(message.value, config.userObject);
    return;
  }
  const error = new Error(message.error);
  error.name = message.name ?? 'Error';
  if (config.failure) config.failure(error, config.userObject);
  // Without a failure handler the error surfaces in the console, uncaught.
  else
    setTimeout(() => {
      throw error;
    });
});

const host = {
  // The frame's own origin is opaque (it is sandboxed); Sheets answers this.
  origin: 'https://docs.google.com',
  close: () => post({whuffie: 'close'}),
  setHeight: (height: number) => post({whuffie: 'set-size', height}),
  setWidth: (width: number) => post({whuffie: 'set-size', width}),
  editor: {focus: () => post({whuffie: 'focus-editor'})},
};

const url = {
  getLocation: (callback: (location: object) => void) =>
    setTimeout(() => callback({hash: '', parameter: {}, parameters: {}})),
};

Object.defineProperty(window, 'google', {
  value: {
    script: {
      get run() {
        return runner({});
      },
      host,
      url,
    },
  },
});
