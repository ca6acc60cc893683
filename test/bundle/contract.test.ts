/**
 * The bundle contract (DESIGN.md §4), checked on the built dist/ that
 * `clasp push` uploads — not on the TypeScript sources.
 */
import * as acorn from 'acorn';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import {DIST, ROOT, bundleSource} from './dist';

const {readSurface} = require('../../scripts/build.js') as {
  readSurface(): {
    name: string;
    params: string[];
    jsdoc: string;
    custom: boolean;
  }[];
};

const source = bundleSource();
const program = acorn.parse(source, {ecmaVersion: 2020, sourceType: 'script'});
const topLevelFunctions = new Set(
  program.body
    .filter(
      (n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration',
    )
    .map(n => n.id.name),
);

describe('the built bundle', () => {
  test('dist holds the manifest, one server file and the sidebar', () => {
    const files = readdirSync(DIST).sort();
    expect(files).toEqual(
      expect.arrayContaining(['Code.js', 'appsscript.json']),
    );
    expect(files.filter(f => f.endsWith('.js'))).toEqual(['Code.js']);
  });

  test('parses as an ES2020 classic script: no import/export, no newer syntax', () => {
    // acorn at ecmaVersion 2020 rejects class fields, #private, ??= and
    // module syntax — exactly what Apps Script's V8 or clasp cannot take.
    expect(program.type).toBe('Program');
    expect(source).not.toMatch(/\brequire\(/);
  });

  test('every exported entry point is a real top-level function', () => {
    const entries = readSurface();
    expect(entries.length).toBeGreaterThan(2);
    for (const e of entries) expect(topLevelFunctions).toContain(e.name);
  });

  test('each custom function has its JSDoc directly above its declaration', () => {
    const custom = readSurface().filter(e => e.custom);
    for (const fn of custom) {
      const at = source.indexOf(`\nfunction ${fn.name}(`);
      expect(at).toBeGreaterThan(0);
      const before = source.slice(0, at).trimEnd();
      expect(before.endsWith('*/')).toBe(true);
      const doc = before.slice(before.lastIndexOf('/**'));
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@return/);
      for (const p of fn.params)
        expect(doc).toMatch(new RegExp(`@param .*\\b${p}\\b`));
    }
  });

  test('uses no global that Apps Script lacks', () => {
    // The type checker resolves every identifier against ES2020 and the Apps
    // Script services only; whatever it cannot find would be a ReferenceError
    // in Google (setTimeout, URL, TextEncoder, process, Buffer, …).
    const checker = ts.createProgram([join(DIST, 'Code.js')], {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      lib: ['lib.es2020.d.ts'],
      types: ['google-apps-script'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      skipLibCheck: true,
    });
    const missing = ts
      .getPreEmitDiagnostics(checker)
      .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      .filter(m => m.startsWith('Cannot find name'));
    expect(missing).toEqual([]);
  });

  test('top-level code touches no service', () => {
    // Top-level code runs on every execution, including onOpen under
    // AuthMode.NONE: here every service throws on first touch.
    const trap = (name: string) =>
      new Proxy(
        {},
        {
          get() {
            throw new Error(`top-level code touched ${name}`);
          },
        },
      );
    const services = [
      'SpreadsheetApp',
      'PropertiesService',
      'CacheService',
      'LockService',
      'ScriptApp',
      'MailApp',
      'UrlFetchApp',
      'HtmlService',
      'Utilities',
      'Session',
      'Logger',
    ];
    const context = vm.createContext(
      Object.fromEntries(services.map(s => [s, trap(s)])),
    );
    expect(() => vm.runInContext(source, context)).not.toThrow();
    expect(typeof context.onOpen).toBe('function');
  });
});
