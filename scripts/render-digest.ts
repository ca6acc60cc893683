/**
 * Renders a digest email (by default the sample in test/fixtures/digest) and
 * screenshots it in headless Chromium at a mail client's width, so a change
 * to the email's look can be seen, not just asserted. The page may load
 * nothing from the network: a mail that needs a request to look right would
 * look broken in clients that block remote content.
 *
 *   node build/render-digest.js [--input test/fixtures/digest/sample.json]
 *        [--out docs/images/digest.png] [--width 680]
 *        [--chromium /usr/bin/chromium] [--html digest.html]
 *   node build/render-digest.js --mail out/001-….html   (an email the CLI's
 *        --mail-dir wrote: the README's picture is a real digest of the demo)
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {chromium} from 'playwright-core';
import {renderDigest, type DigestInput} from '../src/core/digest';
import {flag} from './flags';

const root = resolve(__dirname, '..');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main(argv: string[]): Promise<void> {
  const input = resolve(
    flag(argv, 'input') ?? join(root, 'test/fixtures/digest/sample.json'),
  );
  const out = resolve(
    flag(argv, 'out') ?? join(root, 'docs/images/digest.png'),
  );
  const width = Number(flag(argv, 'width') ?? 680);
  const mail = flag(argv, 'mail');
  const digest = mail
    ? {html: readFileSync(resolve(mail), 'utf8'), subject: mail}
    : renderDigest(JSON.parse(readFileSync(input, 'utf8')) as DigestInput);
  if (!digest) throw new Error(`${input}: nothing to report, so no email`);
  mkdirSync(dirname(out), {recursive: true});
  const html = flag(argv, 'html');
  if (html) writeFileSync(resolve(html), digest.html);

  const browser = await chromium.launch({
    executablePath: flag(argv, 'chromium') ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({viewport: {width, height: 800}});
    const requests: string[] = [];
    await page.route('**/*', route => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(digest.html, {waitUntil: 'load'});
    await page.screenshot({path: out, fullPage: true});
    if (requests.length) {
      throw new Error(`the email loads from the network: ${requests[0]}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`wrote ${out} (${digest.subject})`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch(e => {
    console.error(`render-digest: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
