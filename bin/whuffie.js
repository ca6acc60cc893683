#!/usr/bin/env node
// `npx whuffie …`: the CLI lives in build/cli.js (bundled from emulator/cli.ts
// with the add-on in dist/). In a checkout, build first when either is
// missing or older than the sources, so the CLI never runs stale code. An
// installed package ships build/ and dist/ without sources and the build
// script, and runs them as they are.
'use strict';

const {spawnSync} = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'build', 'cli.js');
const buildScript = path.join(root, 'scripts', 'build.js');
const outputs = [cli, path.join(root, 'dist', 'Code.js')];
const sources = ['src', 'emulator', 'sidebar', 'scripts', 'appsscript.json'];

/** The newest modification time under `file` (0 when it does not exist). */
function newest(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) {
    latest = Math.max(latest, newest(path.join(file, name)));
  }
  return latest;
}

function isStale() {
  if (!fs.existsSync(buildScript)) return false;
  const built = Math.min(...outputs.map(newest));
  return sources.some(source => newest(path.join(root, source)) > built);
}

if (isStale()) {
  // The build's progress goes to stderr: stdout belongs to the command
  // (`--json` output is read by programs).
  const build = spawnSync(process.execPath, [buildScript], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) {
    process.stderr.write('whuffie: the build failed (see above)\n');
    process.exit(build.status ?? 1);
  }
}

require(cli)
  .main(process.argv.slice(2))
  .then(code => {
    // Exit once stdout has drained: a service may leave a worker running.
    process.stdout.write('', () => process.exit(code));
  });
