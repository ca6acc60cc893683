import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import {EmulatorUsageError} from './exception';

/** A top-level function declaration: what Apps Script can call by name. */
export interface EntryPoint {
  name: string;
  params: string[];
  /** The JSDoc block standing directly above the declaration, if any. */
  jsdoc: string;
  file: string;
}

export interface CustomFunctionInfo {
  name: string;
  jsdoc: string;
  params: string[];
}

export interface ScriptFile {
  name: string;
  source: string;
  script: vm.Script;
}

/**
 * The project as `clasp push` would upload it: every `*.js` file of the
 * folder (Apps Script concatenates them into one global scope, in order),
 * the `*.html` files HtmlService serves by name without extension, and the
 * manifest.
 */
export class Bundle {
  readonly files: ScriptFile[];
  readonly html: ReadonlyMap<string, string>;
  readonly manifest: {timeZone?: string; [key: string]: unknown};
  /** Top-level `function` declarations, by name. */
  readonly entryPoints: ReadonlyMap<string, EntryPoint>;
  /**
   * True when the project can be evaluated again in the same context: no
   * top-level let/const/class, whose second declaration would be a
   * SyntaxError. Custom-function batches rely on it (ScriptRuntime).
   */
  readonly rerunnable: boolean;

  constructor(
    files: {name: string; source: string}[],
    html: Map<string, string> = new Map(),
    manifest: Bundle['manifest'] = {},
  ) {
    this.files = files.map(file => ({
      ...file,
      // Compiled once; every execution runs the same code in a fresh context.
      script: new vm.Script(file.source, {filename: file.name}),
    }));
    this.html = html;
    this.manifest = manifest;
    const entries = new Map<string, EntryPoint>();
    let rerunnable = true;
    for (const file of files) {
      const parsed = topLevel(file.name, file.source);
      for (const entry of parsed.functions) {
        entries.set(entry.name, entry); // a later file's declaration wins, as in V8
      }
      rerunnable &&= !parsed.lexical;
    }
    this.entryPoints = entries;
    this.rerunnable = rerunnable;
  }

  static fromDirectory(dir: string): Bundle {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new EmulatorUsageError(
        `No bundle folder at ${dir} (run the build first).`,
      );
    }
    const names = fs.readdirSync(dir).sort();
    const files = names
      .filter(name => name.endsWith('.js'))
      .map(name => ({
        name,
        source: fs.readFileSync(path.join(dir, name), 'utf8'),
      }));
    if (files.length === 0) {
      throw new EmulatorUsageError(`No .js files in ${dir}.`);
    }
    const html = new Map(
      names
        .filter(name => name.endsWith('.html'))
        .map(name => [
          name.slice(0, -'.html'.length),
          fs.readFileSync(path.join(dir, name), 'utf8'),
        ]),
    );
    const manifestPath = path.join(dir, 'appsscript.json');
    const manifest = fs.existsSync(manifestPath)
      ? (JSON.parse(
          fs.readFileSync(manifestPath, 'utf8'),
        ) as Bundle['manifest'])
      : {};
    return new Bundle(files, html, manifest);
  }

  /** True if Apps Script would let a menu or google.script.run call `name`. */
  isPublicEntryPoint(name: string): boolean {
    return this.entryPoints.has(name) && !name.endsWith('_');
  }

  /** Functions whose JSDoc carries @customfunction: what Sheets autocompletes. */
  customFunctions(): CustomFunctionInfo[] {
    return [...this.entryPoints.values()]
      .filter(
        entry =>
          CUSTOM_FUNCTION_TAG.test(entry.jsdoc) && !entry.name.endsWith('_'),
      )
      .map(({name, jsdoc, params}) => ({name, jsdoc, params}));
  }
}

/** A JSDoc tag line: `* @customfunction` (not the word inside a sentence). */
const CUSTOM_FUNCTION_TAG = /^\s*(?:\/\*\*|\*)?\s*@customfunction\b/m;

/**
 * Only top-level `function name() {}` declarations are entry points;
 * `const f = () => …` and `var f = function () {}` are not (PLATFORM.md).
 * The TypeScript parser reads the JavaScript, so strings, regexes and
 * comments cannot fool it.
 */
function topLevel(
  fileName: string,
  source: string,
): {functions: EntryPoint[]; lexical: boolean} {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.ES2020,
    true,
    ts.ScriptKind.JS,
  );
  const entries: EntryPoint[] = [];
  let lexical = false;
  for (const statement of file.statements) {
    if (ts.isClassDeclaration(statement)) lexical = true;
    if (
      ts.isVariableStatement(statement) &&
      statement.declarationList.flags & ts.NodeFlags.BlockScoped
    ) {
      lexical = true;
    }
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    entries.push({
      name: statement.name.text,
      params: statement.parameters.map(param => param.name.getText(file)),
      jsdoc: jsdocAbove(statement, source),
      file: fileName,
    });
  }
  return {functions: entries, lexical};
}

/** The last `/** … *\/` block before the declaration, with only whitespace between. */
function jsdocAbove(node: ts.Node, source: string): string {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return '';
  const text = source.slice(last.pos, last.end);
  if (!text.startsWith('/**')) return '';
  if (source.slice(last.end, node.getStart()).trim() !== '') return '';
  return text;
}
