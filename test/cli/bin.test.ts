import {spawnSync} from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {build} from 'esbuild';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/cli');

/**
 * bin/whuffie.js as an installed package runs it: build/cli.js and dist/
 * beside bin/, no sources and no build script (so no rebuild). The CLI is
 * bundled here with the settings scripts/build.js uses, into a temporary
 * package, so this test never depends on (or disturbs) the checkout's own
 * build/ and dist/.
 */
let pkg: string;
let work: string;

beforeAll(async () => {
  pkg = mkdtempSync(join(tmpdir(), 'whuffie-pkg-'));
  await build({
    entryPoints: [join(ROOT, 'emulator/cli.ts')],
    outfile: join(pkg, 'build/cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  mkdirSync(join(pkg, 'bin'));
  copyFileSync(join(ROOT, 'bin/whuffie.js'), join(pkg, 'bin/whuffie.js'));
  cpSync(join(FIXTURES, 'bundle'), join(pkg, 'dist'), {recursive: true});
  work = join(pkg, 'work');
  mkdirSync(work);
  copyFileSync(join(FIXTURES, 'supporters.csv'), join(work, 'supporters.csv'));
});

function whuffie(...argv: string[]) {
  return spawnSync(process.execPath, [join(pkg, 'bin/whuffie.js'), ...argv], {
    cwd: work,
    // The temporary package has no node_modules of its own.
    env: {...process.env, NODE_PATH: join(ROOT, 'node_modules')},
    encoding: 'utf8',
  });
}

it('runs a command on a CSV and exits 0', () => {
  const run = whuffie(
    'menu',
    'Set up tracker',
    '--in',
    'supporters.csv',
    '--out',
    'out.xlsx',
    '--json',
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({
    ok: true,
    toasts: [{title: 'Social CRM', message: 'Tracker ready'}],
    wrote: ['out.xlsx and out.whuffie.json'],
  });
  expect(existsSync(join(work, 'out.whuffie.json'))).toBe(true);
});

it('exits with main’s code: 2 for a usage error, 1 for a failed script', () => {
  expect(whuffie('dance', '--in', 'supporters.csv').status).toBe(2);
  const failed = whuffie('menu', 'Break something', '--in', 'supporters.csv');
  expect(failed.status).toBe(1);
  expect(failed.stderr).toBe('whuffie: breakSomething failed: Error: boom\n');
});

describe('in a checkout', () => {
  /** A package whose build script records that it ran and writes a stub CLI. */
  function checkout(): string {
    const root = mkdtempSync(join(tmpdir(), 'whuffie-checkout-'));
    for (const dir of ['bin', 'scripts', 'src', 'build', 'dist']) {
      mkdirSync(join(root, dir));
    }
    copyFileSync(join(ROOT, 'bin/whuffie.js'), join(root, 'bin/whuffie.js'));
    writeFileSync(
      join(root, 'scripts/build.js'),
      `const fs = require('fs');
       console.log('building');
       fs.writeFileSync(__dirname + '/../dist/Code.js', '');
       fs.writeFileSync(__dirname + '/../build/cli.js',
         'exports.main = async argv => { console.log("cli " + argv.join(" ")); return 3; };');`,
    );
    writeFileSync(join(root, 'src/surface.ts'), '');
    return root;
  }

  const runIn = (root: string) =>
    spawnSync(process.execPath, [join(root, 'bin/whuffie.js'), 'menu'], {
      encoding: 'utf8',
    });

  it('builds first when the CLI is missing, keeping stdout for the command', () => {
    const run = runIn(checkout());
    expect(run.stdout).toBe('cli menu\n');
    expect(run.stderr).toBe('building\n');
    expect(run.status).toBe(3);
  });

  it('rebuilds only when a source is newer than the build', () => {
    const root = checkout();
    runIn(root);
    expect(runIn(root).stderr).toBe('');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/surface.ts'), later, later);
    expect(runIn(root).stderr).toBe('building\n');
  });
});
