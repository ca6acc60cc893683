/**
 * The page's files. The browser code (client/) is TypeScript, bundled by
 * esbuild the first time a server asks for it, then kept for the process.
 * The playground runs from a checkout (`npm start`, tests), so the sources
 * are at hand: next to this file, or — once bundled into build/cli.js — in
 * ../emulator/playground.
 */
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';

const HERE = [__dirname, resolve(__dirname, '../emulator/playground')];

function assetDir(): string {
  const dir = HERE.find(d => existsSync(join(d, 'page.html')));
  if (!dir) {
    throw new Error(
      `The playground's page is missing (looked in ${HERE.join(', ')}).`,
    );
  }
  return dir;
}

export interface Asset {
  type: string;
  body: string;
}

/** The browser scripts: the page itself, and the google.script shim each add-on frame loads. */
const SCRIPTS = {client: 'client/main.ts', shim: 'client/shim.ts'} as const;
export type ScriptName = keyof typeof SCRIPTS;

let scripts: Promise<Record<ScriptName, string>> | undefined;

async function bundleScripts(): Promise<Record<ScriptName, string>> {
  // Loaded on first use: esbuild is a build tool, not needed to run the CLI.
  const esbuild = await import('esbuild');
  const dir = assetDir();
  const names = Object.keys(SCRIPTS) as ScriptName[];
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(
      names.map(name => [name, join(dir, SCRIPTS[name])]),
    ),
    outdir: '/playground',
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const out = {} as Record<ScriptName, string>;
  for (const file of result.outputFiles) {
    const name = names.find(n => file.path.endsWith(`/${n}.js`));
    if (name) out[name] = file.text;
  }
  return out;
}

export async function script(name: ScriptName): Promise<Asset> {
  scripts ??= bundleScripts().catch(error => {
    scripts = undefined; // a fixed source can be retried
    throw error;
  });
  return {type: 'text/javascript; charset=utf-8', body: (await scripts)[name]};
}

export async function page(): Promise<Asset> {
  return {
    type: 'text/html; charset=utf-8',
    body: await readFile(join(assetDir(), 'page.html'), 'utf8'),
  };
}

export async function styles(): Promise<Asset> {
  return {
    type: 'text/css; charset=utf-8',
    body: await readFile(join(assetDir(), 'page.css'), 'utf8'),
  };
}
