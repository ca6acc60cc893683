/**
 * Tests of what ships read the built dist/. `npm test` builds first; a lone
 * `jest test/bundle` builds here if dist/ is missing, so it never tests a
 * stale or absent bundle silently.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');

export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'Code.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.js')], {
      stdio: 'inherit',
    });
  }
}

export function bundleSource(): string {
  ensureBuilt();
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}
