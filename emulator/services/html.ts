import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';

const SANDBOX_MODE = {
  EMULATED: 'EMULATED',
  IFRAME: 'IFRAME',
  NATIVE: 'NATIVE',
} as const;
const X_FRAME_OPTIONS_MODE = {
  ALLOWALL: 'ALLOWALL',
  DEFAULT: 'DEFAULT',
} as const;

/**
 * `HtmlService`. Files are the bundle's `*.html`, found by name without
 * extension (`createHtmlOutputFromFile('sidebar')` reads sidebar.html).
 */
export class HtmlService {
  readonly [SERVICE_NAME] = 'HtmlService';
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = X_FRAME_OPTIONS_MODE;

  constructor(private readonly ctx: ServiceContext) {}

  createHtmlOutput(html: unknown = ''): HtmlOutput {
    return new HtmlOutput(String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.file(filename));
  }

  createTemplate(html: unknown): HtmlTemplate {
    return new HtmlTemplate(this.ctx, String(html));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, this.file(filename));
  }

  private file(filename: string): string {
    const html = this.ctx.bundle().html.get(String(filename));
    if (html === undefined)
      throw exception(`No HTML file named ${filename} was found.`);
    return html;
  }
}

export class HtmlOutputMetaTag {
  readonly [SERVICE_NAME] = 'HtmlOutputMetaTag';

  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

export class HtmlOutput {
  readonly [SERVICE_NAME] = 'HtmlOutput';
  private title = '';
  private width: number | undefined;
  private height: number | undefined;
  private readonly metaTags: HtmlOutputMetaTag[] = [];
  private faviconUrl: string | null = null;

  constructor(private content: string) {}

  append(addedContent: unknown): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: unknown): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: unknown): HtmlOutput {
    this.content = String(content);
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: unknown): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number | undefined {
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }

  getHeight(): number | undefined {
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }

  /** Only IFRAME exists today; the call is accepted for old code. */
  setSandboxMode(mode: string): HtmlOutput {
    if (!(String(mode) in SANDBOX_MODE))
      throw exception('Invalid argument: mode');
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutput {
    if (!(String(mode) in X_FRAME_OPTIONS_MODE))
      throw exception('Invalid argument: mode');
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push(new HtmlOutputMetaTag(String(name), String(content)));
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    return [...this.metaTags];
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
}

/**
 * A template: `<?= expr ?>` prints escaped, `<?!= expr ?>` prints raw,
 * `<? code ?>` runs. Scriptlets run in the script's own context, so they
 * see the template's variables (properties the script set on it) and every
 * global function, as in Apps Script; `output` is the page being built.
 * The script-set variables are the object's own properties; everything else
 * here is #private so it never shows up among them.
 */
export class HtmlTemplate {
  readonly [SERVICE_NAME] = 'HtmlTemplate';
  readonly #ctx: ServiceContext;
  readonly #source: string;

  constructor(ctx: ServiceContext, source: string) {
    this.#ctx = ctx;
    this.#source = source;
  }

  evaluate(): HtmlOutput {
    const realm = this.#ctx.realm();
    const render = realm.evaluate(this.getCode(), 'HtmlTemplate') as (
      vars: object,
      escape: (value: unknown) => string,
    ) => unknown;
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this))
      vars[key] = (this as Record<string, unknown>)[key];
    return new HtmlOutput(
      String(render(realm.toScript(vars) as object, escapeHtml)),
    );
  }

  getRawContent(): string {
    return this.#source;
  }

  /** The JavaScript the template compiles to (the real one differs; the behaviour matches). */
  getCode(): string {
    const parts = ['(function (__vars, __escape) {', 'var __out = [];'];
    parts.push(
      'var output = {append: function (s) { __out.push(String(s)); return output; },',
      '  appendUntrusted: function (s) { __out.push(__escape(s)); return output; },',
      '  clear: function () { __out.length = 0; return output; },',
      '  getContent: function () { return __out.join(""); }};',
      'with (__vars) {',
    );
    const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let at = 0;
    for (
      let match = scriptlet.exec(this.#source);
      match;
      match = scriptlet.exec(this.#source)
    ) {
      parts.push(
        `__out.push(${JSON.stringify(this.#source.slice(at, match.index))});`,
      );
      const code = match[2];
      if (match[1] === '=') parts.push(`__out.push(__escape(${code}));`);
      else if (match[1] === '!=') parts.push(`__out.push(String(${code}));`);
      else parts.push(code);
      at = scriptlet.lastIndex;
    }
    parts.push(`__out.push(${JSON.stringify(this.#source.slice(at))});`);
    parts.push('}', 'return __out.join("");', '})');
    return parts.join('\n');
  }

  getCodeWithComments(): string {
    return this.getCode();
  }
}

/** What `<?= ?>` and appendUntrusted do to a value. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
