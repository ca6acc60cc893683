/**
 * `npm run demo`: writes the demo workbook (see scripts/demo.ts) to a file.
 *
 *   node build/demo.js [--supporters 300] [--interactions 6000] [--seed 7]
 *                      [--now 2026-03-01T08:30:00Z] [--out build/demo.xlsx]
 */
import {join, resolve} from 'node:path';
import {writeWorkbookFile} from '../emulator/io';
import {buildDemo} from './demo';
import {flag} from './flags';

async function main(argv: string[]): Promise<void> {
  const number = (name: string) =>
    flag(argv, name) === undefined ? undefined : Number(flag(argv, name));
  const out = resolve(flag(argv, 'out') ?? join(__dirname, 'demo.xlsx'));
  const emu = buildDemo({
    supporters: number('supporters'),
    interactions: number('interactions'),
    seed: number('seed'),
    now: flag(argv, 'now'),
  });
  await writeWorkbookFile(out, emu.toWorkbook(), emu.exportState());
  console.log(`wrote ${out}`);
}

main(process.argv.slice(2)).catch(e => {
  console.error(`demo: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
