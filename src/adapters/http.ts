/**
 * The one UrlFetch wrapper. Requests are JSON; every answer comes back as a
 * status the caller can act on (muteHttpExceptions), and anything but a 2xx
 * becomes an HttpError carrying the status, the parsed body and, for a 429,
 * when the rate limit resets (from the headers each network sends).
 */
import {UserError} from '../core/errors';

export interface JsonRequest {
  url: string;
  method?: 'get' | 'post';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly url: string,
    /** When a 429's limit resets, if the server said. */
    readonly retryAt: Date | null = null,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'HttpError';
  }

  /** 0 = no answer at all (unknown host, refused, timed out). */
  get unreachable(): boolean {
    return this.status === 0;
  }

  get rateLimited(): boolean {
    return this.status === 429;
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return e instanceof Error && e.name === 'HttpError';
}

/** `key=value&…` without the URL globals Apps Script lacks; undefined and '' are left out. */
export function queryString(
  params: Record<string, string | number | undefined | string[]>,
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequest;

function toParams(request: JsonRequest): Params {
  const params: Params = {
    url: request.url,
    method: request.method ?? 'get',
    headers: {Accept: 'application/json', ...request.headers},
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (request.body !== undefined) {
    params.contentType = 'application/json';
    params.payload = JSON.stringify(request.body);
  }
  return params;
}

function lowerHeaders(headers: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value)
      ? String(value[value.length - 1])
      : String(value);
  }
  return out;
}

/**
 * When a rate limit resets: Bluesky's `ratelimit-reset` and X's
 * `x-rate-limit-reset` are Unix seconds, Mastodon's `x-ratelimit-reset` an
 * ISO time, `retry-after` seconds from now.
 */
export function retryAtOf(
  headers: Record<string, string>,
  now: Date,
): Date | null {
  const reset =
    headers['ratelimit-reset'] ??
    headers['x-rate-limit-reset'] ??
    headers['x-ratelimit-reset'];
  if (reset) {
    if (/^\d+$/.test(reset)) return new Date(Number(reset) * 1000);
    const ms = Date.parse(reset);
    if (!isNaN(ms)) return new Date(ms);
  }
  const after = headers['retry-after'];
  if (after && /^\d+$/.test(after)) {
    return new Date(now.getTime() + Number(after) * 1000);
  }
  return null;
}

function toResult(
  response: GoogleAppsScript.URL_Fetch.HTTPResponse,
  url: string,
): JsonResponse {
  const status = response.getResponseCode();
  const headers = lowerHeaders(response.getHeaders());
  const text = response.getContentText();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the text.
  }
  if (status < 200 || status >= 300) {
    throw new HttpError(
      status,
      body,
      url,
      status === 429 ? retryAtOf(headers, new Date()) : null,
    );
  }
  return {status, body, headers};
}

/** One request. Throws HttpError (status 0 when the host cannot be reached). */
export function requestJson(request: JsonRequest): JsonResponse {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(request.url, toParams(request));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/too many times/i.test(message)) {
      throw new UserError(
        "Google's daily allowance of web requests for your account is used up, so the sync stopped. It continues where it stopped tomorrow.",
      );
    }
    // DNS errors, refused connections, timeouts, invalid addresses.
    throw new HttpError(0, message, request.url);
  }
  return toResult(response, request.url);
}
