/**
 * The worker thread behind UrlFetchApp: Apps Script's fetch blocks the
 * script until the response is in, so the emulator runs real HTTP here and
 * waits for it synchronously (synckit). fetchAll's requests go out in
 * parallel, as they do in Apps Script.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import {runAsWorker} from 'synckit';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** base64 */
  body?: string;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  timeoutMs: number;
}

export type WireResponse =
  | {ok: true; code: number; headers: [string, string][]; body: string}
  | {ok: false; error: 'dns' | 'unavailable' | 'timeout'; detail: string};

const MAX_REDIRECTS = 10;

function send(request: WireRequest, redirects = 0): Promise<WireResponse> {
  return new Promise(resolve => {
    const url = new URL(request.url);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        rejectUnauthorized: request.validateHttpsCertificates,
        timeout: request.timeoutMs,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          const location = res.headers.location;
          if (
            request.followRedirects &&
            location &&
            code >= 300 &&
            code < 400 &&
            redirects < MAX_REDIRECTS
          ) {
            const keepsMethod = code === 307 || code === 308;
            resolve(
              send(
                {
                  ...request,
                  url: new URL(location, url).toString(),
                  method: keepsMethod ? request.method : 'GET',
                  body: keepsMethod ? request.body : undefined,
                },
                redirects + 1,
              ),
            );
            return;
          }
          const headers: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          }
          resolve({
            ok: true,
            code,
            headers,
            body: Buffer.concat(chunks).toString('base64'),
          });
        });
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({ok: false, error: 'timeout', detail: request.url});
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      const dns = error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN';
      resolve({
        ok: false,
        error: dns ? 'dns' : 'unavailable',
        detail: error.message,
      });
    });
    if (request.body !== undefined)
      req.write(Buffer.from(request.body, 'base64'));
    req.end();
  });
}

runAsWorker(async (requests: WireRequest[]) =>
  Promise.all(requests.map(r => send(r))),
);
