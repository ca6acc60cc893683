import {createHash} from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {createSyncFn} from 'synckit';
import * as ts from 'typescript';
import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import {Blob, charsetOf} from './blob';
import {bytesOf, decodeText, toSignedBytes} from './bytes';
import type {ServiceContext} from './context';
import type {WireRequest, WireResponse} from './url-fetch-worker';

const URLFETCH_QUOTA_EXCEEDED =
  'Service invoked too many times for one day: urlfetch.';
/** UrlFetchApp gives up on a request after about a minute. */
const REQUEST_TIMEOUT_MS = 60_000;
const TRUNCATED_RESPONSE_CHARS = 200;
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: emulator)';

interface FetchParams {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

type Fetcher = (requests: WireRequest[]) => WireResponse[];
let fetcher: Fetcher | undefined;

/**
 * The worker runs as plain JavaScript. A build ships url-fetch-worker.js
 * beside this file; from TypeScript sources (tests, ts-node) the worker is
 * transpiled once into node_modules/.cache, where `synckit` still resolves.
 */
function workerPath(): string {
  const compiled = path.join(__dirname, 'url-fetch-worker.js');
  if (fs.existsSync(compiled)) return compiled;
  const source = fs.readFileSync(
    path.join(__dirname, 'url-fetch-worker.ts'),
    'utf8',
  );
  const js = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
    },
  }).outputText;
  const synckitEntry = require.resolve('synckit');
  const marker = `${path.sep}node_modules${path.sep}`;
  const nodeModules = synckitEntry.slice(
    0,
    synckitEntry.lastIndexOf(marker) + marker.length - 1,
  );
  const dir = path.join(nodeModules, '.cache', 'whuffie-emulator');
  const hash = createHash('sha1').update(js).digest('hex').slice(0, 12);
  const file = path.join(dir, `url-fetch-worker-${hash}.cjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, {recursive: true});
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, js);
    fs.renameSync(temp, file); // atomic: parallel test workers may race here
  }
  return file;
}

function fetchSync(requests: WireRequest[]): WireResponse[] {
  fetcher ??= createSyncFn<Fetcher>(workerPath(), {
    timeout: REQUEST_TIMEOUT_MS + 5_000,
  });
  return fetcher(requests);
}

/**
 * `UrlFetchApp`: real HTTP, blocking like the real one. Refused in simple
 * triggers and under NONE; counted against the daily quota (20,000 calls);
 * a response of 400 or more throws unless muteHttpExceptions.
 */
export class UrlFetchApp {
  readonly [SERVICE_NAME] = 'UrlFetchApp';

  constructor(private readonly ctx: ServiceContext) {}

  fetch(url: string, params: FetchParams = {}): HTTPResponse {
    this.ctx.require('urlfetch', 'UrlFetchApp.fetch');
    return this.run([{...params, url}])[0];
  }

  fetchAll(requests: (string | FetchParams)[]): HTTPResponse[] {
    this.ctx.require('urlfetch', 'UrlFetchApp.fetchAll');
    return this.run(
      requests.map(request =>
        typeof request === 'string' ? {url: request} : request,
      ),
    );
  }

  /** What would be sent, without sending it. */
  getRequest(url: string, params: FetchParams = {}): Record<string, unknown> {
    const wire = toWire({...params, url});
    return {
      url: wire.url,
      method: wire.method.toLowerCase(),
      headers: wire.headers,
      payload:
        wire.body === undefined
          ? ''
          : Buffer.from(wire.body, 'base64').toString('utf8'),
      contentType: wire.headers['Content-Type'] ?? '',
      followRedirects: wire.followRedirects,
      validateHttpsCertificates: wire.validateHttpsCertificates,
      muteHttpExceptions: params.muteHttpExceptions === true,
    };
  }

  private run(requests: FetchParams[]): HTTPResponse[] {
    const wires = requests.map(toWire);
    const user = this.ctx.execution().spec.user;
    const now = this.ctx.clock.nowMs();
    const key = `urlfetch:${user}`;
    if (
      this.ctx.quotas.remaining(key, this.ctx.limits.urlFetchCallsPerDay, now) <
      wires.length
    ) {
      throw exception(URLFETCH_QUOTA_EXCEEDED);
    }
    this.ctx.quotas.take(key, wires.length, now);
    return fetchSync(wires).map((response, i) => {
      const url = wires[i].url;
      if (!response.ok) {
        if (response.error === 'dns') throw exception(`DNS error: ${url}`);
        if (response.error === 'timeout') throw exception(`Timeout: ${url}`);
        throw exception(`Address unavailable: ${url}`);
      }
      const result = new HTTPResponse(response);
      if (response.code >= 400 && requests[i].muteHttpExceptions !== true) {
        const text = result.getContentText();
        const shown =
          text.length > TRUNCATED_RESPONSE_CHARS
            ? text.slice(0, TRUNCATED_RESPONSE_CHARS) + '...'
            : text;
        throw exception(
          `Request failed for ${new URL(url).origin} returned code ${response.code}. ` +
            `Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return result;
    });
  }
}

const METHODS = new Set(['GET', 'DELETE', 'PATCH', 'POST', 'PUT']);

function toWire(params: FetchParams): WireRequest {
  const url = String(params.url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw exception(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw exception(`Invalid argument: ${url}`);
  }
  const method = String(params.method ?? 'get').toUpperCase();
  if (!METHODS.has(method)) throw exception('Invalid argument: method');
  const headers: Record<string, string> = {'User-Agent': USER_AGENT};
  for (const [name, value] of Object.entries(params.headers ?? {}))
    headers[name] = String(value);
  let body: Buffer | undefined;
  let contentType = params.contentType;
  const payload = params.payload;
  if (payload !== undefined && payload !== null) {
    if (payload instanceof Blob) {
      body = payload.bytes();
      contentType ??= payload.getContentType() ?? undefined;
    } else if (Array.isArray(payload)) {
      body = bytesOf(payload);
    } else if (typeof payload === 'object') {
      // An object payload is sent as an HTML form would send it.
      body = Buffer.from(
        Object.entries(payload as Record<string, unknown>)
          .map(
            ([k, v]) =>
              `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
          )
          .join('&'),
      );
      contentType ??= 'application/x-www-form-urlencoded';
    } else {
      body = bytesOf(String(payload), charsetOf(contentType));
    }
    contentType ??= 'application/x-www-form-urlencoded';
  }
  if (contentType !== undefined) {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-type') delete headers[name];
    }
    headers['Content-Type'] = contentType;
  }
  return {
    url,
    method,
    headers,
    body: body?.toString('base64'),
    followRedirects: params.followRedirects !== false,
    validateHttpsCertificates: params.validateHttpsCertificates !== false,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
}

export class HTTPResponse {
  readonly [SERVICE_NAME] = 'HTTPResponse';
  private readonly body: Buffer;
  private readonly code: number;
  private readonly headers: [string, string][];

  constructor(response: Extract<WireResponse, {ok: true}>) {
    this.code = response.code;
    this.headers = response.headers;
    this.body = Buffer.from(response.body, 'base64');
  }

  getResponseCode(): number {
    return this.code;
  }

  getContentText(charset?: string): string {
    return decodeText(this.body, charset ?? charsetOf(this.contentType()));
  }

  getContent(): number[] {
    return toSignedBytes(this.body);
  }

  /** One value per header name (the last one when the server repeated it). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.headers) out[name] = value;
    return out;
  }

  /** Repeated headers (Set-Cookie) as arrays of their values. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of this.headers) {
      const existing = out[name];
      if (existing === undefined) out[name] = value;
      else
        out[name] = Array.isArray(existing)
          ? [...existing, value]
          : [existing, value];
    }
    return out;
  }

  getBlob(): Blob {
    return new Blob(Buffer.from(this.body), this.contentType() ?? null);
  }

  getAs(contentType: string): Blob {
    return this.getBlob().setContentType(contentType);
  }

  private contentType(): string | undefined {
    return this.headers.find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1];
  }
}
