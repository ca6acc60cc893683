// Builds what `clasp push` uploads (dist/) and the Node tools (build/).
//
// Apps Script has no modules: it concatenates the project's files into one
// global scope and only sees top-level `function` declarations. So the server
// code is bundled by esbuild into one IIFE assigned to a single global, and
// this script then *generates* a real top-level declaration for every entry
// point exported by src/surface.ts. Custom functions get their JSDoc copied
// directly above that declaration: Sheets reads `@customfunction`, `@param`
// and `@return` from the source text of the pushed file, and a bundler would
// have moved or stripped those comments.
const esbuild = require('esbuild');
const {mkdirSync, readFileSync, rmSync, writeFileSync} = require('node:fs');
const {join, resolve} = require('node:path');
const ts = require('typescript');

const root = resolve(__dirname, '..');
const dist = join(root, 'dist');
const tools = join(root, 'build');
const SURFACE = join(root, 'src/surface.ts');
// The one global the bundle defines; entry-point stubs call through it.
const GLOBAL = 'Whuffie';
// Apps Script V8 accepts ES2020 syntax but not class fields or #private.
const SERVER_TARGET = 'es2020';
// `--bound` builds for a script bound to one spreadsheet (top-level menu);
// the default is the editor add-on (menu under Extensions).
const MENU_MODE = process.argv.includes('--bound') ? 'bound' : 'addon';

/** Exported functions of the surface file, with their JSDoc and parameters. */
function readSurface(file = SURFACE) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const entries = [];
  for (const statement of source.statements) {
    if (
      !ts.isFunctionDeclaration(statement) ||
      !statement.name ||
      !statement.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      continue;
    }
    const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
    const jsdoc = docs.length
      ? text.slice(docs.at(-1).pos, docs.at(-1).end)
      : '';
    entries.push({
      name: statement.name.text,
      params: statement.parameters.map(p => p.name.getText(source)),
      jsdoc: jsdoc.trim(),
      custom: /@customfunction\b/.test(jsdoc),
    });
  }
  return entries;
}

function stubFor(entry) {
  const params = entry.params.join(', ');
  // `apply(this, arguments)` keeps optional trailing arguments intact.
  const body = `return ${GLOBAL}.${entry.name}.apply(this, arguments);`;
  const doc = entry.custom ? `${entry.jsdoc}\n` : '';
  return `${doc}function ${entry.name}(${params}) {\n  ${body}\n}\n`;
}

async function buildServer() {
  const entries = readSurface();
  const result = await esbuild.build({
    entryPoints: [SURFACE],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: SERVER_TARGET,
    platform: 'neutral',
    // Smaller code loads faster on every custom-function call; names are kept
    // so Stackdriver stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'utf8',
    define: {WHUFFIE_MENU: JSON.stringify(MENU_MODE)},
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const header =
    '// Whuffie — a social CRM for Google Sheets. Built file: edit src/, not this.\n';
  const stubs = entries.map(stubFor).join('\n');
  writeFileSync(join(dist, 'Code.js'), `${header}${bundle}\n${stubs}`);
  return entries;
}

async function buildSidebar() {
  const script = await esbuild.build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [join(root, 'sidebar/sidebar.css')],
    bundle: true,
    write: false,
    minify: true,
    logLevel: 'warning',
  });
  // HtmlService serves one file: script and styles are inlined. A literal
  // "</script" inside the code would end the tag early, so it is split.
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(join(root, 'sidebar/index.html'), 'utf8')
    .replace(
      '<!-- inline:style -->',
      () => `<style>${css.outputFiles[0].text}</style>`,
    )
    .replace('<!-- inline:script -->', () => `<script>${js}</script>`);
  writeFileSync(join(dist, 'sidebar.html'), html);
}

/** The CLI, benchmark and demo generator run in Node from build/. */
async function buildTools() {
  const entries = {
    cli: 'emulator/cli.ts',
    bench: 'scripts/bench.ts',
    demo: 'scripts/make-demo.ts',
    'render-digest': 'scripts/render-digest.ts',
    screenshots: 'scripts/screenshots.ts',
    // UrlFetchApp's synchronous HTTP runs in a worker thread that loads this
    // file from beside the bundled tool (see emulator/services/url-fetch.ts).
    'url-fetch-worker': 'emulator/services/url-fetch-worker.ts',
  };
  await esbuild.build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, join(root, file)]),
    ),
    outdir: tools,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function main() {
  rmSync(dist, {recursive: true, force: true});
  mkdirSync(dist, {recursive: true});
  mkdirSync(tools, {recursive: true});
  writeFileSync(
    join(dist, 'appsscript.json'),
    readFileSync(join(root, 'appsscript.json')),
  );
  const [entries] = await Promise.all([
    buildServer(),
    buildSidebar(),
    buildTools(),
  ]);
  const custom = entries.filter(e => e.custom).map(e => e.name);
  console.log(
    `built dist/: ${entries.length} entry points (custom functions: ${custom.join(', ') || 'none'})`,
  );
}

module.exports = {readSurface};

if (require.main === module) {
  main().catch(err => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
