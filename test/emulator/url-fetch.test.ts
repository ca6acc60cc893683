import {Worker} from 'node:worker_threads';
import {emulatorFor} from '../fixtures/runtime/harness';

/**
 * A local server on 127.0.0.1, in its own thread: UrlFetchApp blocks this
 * thread until the response arrives, as Apps Script blocks the script.
 * /echo answers with what it received.
 */
const SERVER = `
const http = require('node:http');
const {parentPort} = require('node:worker_threads');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', chunk => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (req.url === '/missing') {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      return res.end('x'.repeat(300));
    }
    if (req.url === '/moved') {
      res.writeHead(302, {Location: '/hello'});
      return res.end();
    }
    if (req.url.startsWith('/slow')) return setTimeout(() => res.end('slow'), 150);
    if (req.url === '/echo') {
      res.writeHead(200, {'Content-Type': 'application/json'});
      return res.end(JSON.stringify({method: req.method, headers: req.headers, body}));
    }
    res.writeHead(200, [['Content-Type', 'text/plain; charset=utf-8'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
    res.end('h\u00e9llo');
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

let worker: Worker;
let base = '';

beforeAll(async () => {
  worker = new Worker(SERVER, {eval: true});
  const port = await new Promise<number>(resolve =>
    worker.once('message', resolve),
  );
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => worker.terminate());

const echoed = (result: unknown) =>
  JSON.parse((result as {text: string}).text) as {
    method: string;
    headers: Record<string, string>;
    body: string;
  };

describe('UrlFetchApp does real, blocking HTTP', () => {
  test('fetch returns an HTTPResponse: code, text, headers, all headers, blob', () => {
    const emu = emulatorFor('services');
    expect(emu.call('fetch', [`${base}/hello`])).toEqual({
      code: 200,
      text: 'héllo',
      headers: expect.objectContaining({
        'Content-Type': 'text/plain; charset=utf-8',
        'Set-Cookie': 'b=2',
      }),
      all: expect.objectContaining({'Set-Cookie': ['a=1', 'b=2']}),
      blob: 'héllo',
      latin: 'hÃ©llo',
    });
    expect(
      echoed(emu.call('fetch', [`${base}/echo`])).headers['user-agent'],
    ).toContain('Google-Apps-Script');
  });

  test('method, headers, string payload and contentType are sent', () => {
    const emu = emulatorFor('services');
    const sent = emu.call('fetch', [
      `${base}/echo`,
      {
        method: 'post',
        headers: {Authorization: 'Bearer t'},
        payload: '{"a":1}',
        contentType: 'application/json',
      },
    ]);
    expect(echoed(sent)).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: expect.objectContaining({
        authorization: 'Bearer t',
        'content-type': 'application/json',
      }),
    });
  });

  test('an object payload is sent as a form', () => {
    const emu = emulatorFor('services');
    const sent = emu.call('fetch', [
      `${base}/echo`,
      {method: 'post', payload: {name: 'Ada Lovelace', n: 3}},
    ]);
    expect(echoed(sent)).toMatchObject({
      body: 'name=Ada%20Lovelace&n=3',
      headers: expect.objectContaining({
        'content-type': 'application/x-www-form-urlencoded',
      }),
    });
  });

  test('a 4xx/5xx throws the real message unless muteHttpExceptions', () => {
    const emu = emulatorFor('services');
    expect(emu.call('fetchError', [`${base}/missing`])).toEqual({
      name: 'Exception',
      message: `Request failed for ${base} returned code 404. Truncated server response: ${'x'.repeat(200)}... (use muteHttpExceptions option to examine full response)`,
    });
    expect(
      emu.call('fetch', [`${base}/missing`, {muteHttpExceptions: true}]),
    ).toMatchObject({code: 404});
  });

  test('redirects are followed unless followRedirects is false', () => {
    const emu = emulatorFor('services');
    expect(emu.call('fetch', [`${base}/moved`])).toMatchObject({
      code: 200,
      text: 'héllo',
    });
    expect(
      emu.call('fetch', [`${base}/moved`, {followRedirects: false}]),
    ).toMatchObject({code: 302});
  });

  test('fetchAll sends its requests in parallel', () => {
    const emu = emulatorFor('services');
    const result = emu.call('fetchAllCodes', [
      [`${base}/slow1`, `${base}/slow2`, `${base}/slow3`, `${base}/missing`],
    ]) as {codes: number[]; ms: number};
    expect(result.codes).toEqual([200, 200, 200, 404]);
    expect(result.ms).toBeLessThan(3 * 150);
  });

  test('unreachable hosts and bad URLs fail like Apps Script', () => {
    const emu = emulatorFor('services');
    expect(emu.call('fetchError', ['http://127.0.0.1:1/'])).toEqual({
      name: 'Exception',
      message: 'Address unavailable: http://127.0.0.1:1/',
    });
    expect(emu.call('fetchError', ['not a url'])).toEqual({
      name: 'Exception',
      message: 'Invalid argument: not a url',
    });
  });

  test('the daily quota is counted per call', () => {
    const emu = emulatorFor('services', {urlFetchQuota: 2});
    emu.call('fetchAllCodes', [[`${base}/hello`, `${base}/hello`]]);
    expect(emu.call('fetchError', [`${base}/hello`])).toEqual({
      name: 'Exception',
      message: 'Service invoked too many times for one day: urlfetch.',
    });
    expect(emu.counts).toMatchObject({
      'UrlFetchApp.fetchAll': 1,
      'UrlFetchApp.fetch': 1,
    });
  });

  test('custom functions may fetch; simple triggers may not', () => {
    const emu = emulatorFor('services');
    expect(
      emu.call('fetch', [`${base}/hello`], {mode: 'CUSTOM_FUNCTION'}),
    ).toMatchObject({code: 200});
    expect(() =>
      emu.call('fetch', [`${base}/hello`], {mode: 'LIMITED'}),
    ).toThrow('You do not have permission to call UrlFetchApp.fetch');
  });
});
