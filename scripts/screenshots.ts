/**
 * The README's pictures of the playground, taken from the demo workbook in
 * Debian's Chromium: the Social CRM menu, a supporter in the sidebar, the
 * day's outreach list, a dialog answered in the page, the dashboard, the
 * digest email in the Mail panel, and connecting accounts (the menu's
 * dialog and the sidebar's Settings › Connected accounts, against the fake
 * networks the sync tests use, on 127.0.0.1).
 * Items the add-on does not have (yet) are skipped.
 *
 *   node scripts/build.js && node build/screenshots.js [--out docs/images]
 *
 * The demo is seeded and its clock fixed, so the pictures only change when
 * the add-on or the playground does.
 */
import {mkdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {FrameLocator, Locator, Page} from 'playwright-core';
import {launchChromium} from '../emulator/playground/chromium';
import {startPlayground} from '../emulator/playground/server';
import type {Emulator} from '../emulator';
import {FakeNetworks, startFakeNetworks} from '../test/sync-server';
import {blueskyRepost} from '../test/sync-server/payloads';
import {SUPPORTERS_SHEET, buildDemo} from './demo';
import {flag} from './flags';

const VIEWPORT = {width: 1440, height: 860};
/** Rows the first screen shows: the sidebar's supporter is picked among them. */
const FIRST_SCREEN_ROWS = 30;

/** The row (on the first screen) of the supporter with the most whuffie. */
function showcaseRow(emu: Emulator): number {
  const sheet = emu.spreadsheet.sheetByName(SUPPORTERS_SHEET)!;
  const values = sheet.readValues({
    r1: 1,
    c1: 1,
    r2: Math.min(FIRST_SCREEN_ROWS, sheet.lastRow()),
    c2: sheet.lastColumn(),
  });
  const column = values[0].indexOf('Whuffie');
  let best = 2;
  values.forEach((row, i) => {
    const value = row[column];
    const top = values[best - 1][column];
    if (
      i > 0 &&
      typeof value === 'number' &&
      !(typeof top === 'number' && top >= value)
    ) {
      best = i + 1;
    }
  });
  return best;
}

/** Toasts fade on their own; pictures are taken without waiting for them. */
async function dismissToasts(page: Page): Promise<void> {
  for (const close of await page.locator('.toast-close').all())
    await close.click();
}

async function idle(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await page.waitForFunction("document.body.dataset.pending === '0'");
}

/** Opens Extensions › Social CRM and returns its item captions. */
async function openAddonMenu(page: Page): Promise<string[]> {
  await page.getByRole('menuitem', {name: 'Extensions', exact: true}).click();
  await page
    .locator('.menu-popup:visible > .submenu-wrap > button')
    .first()
    .click();
  return page
    .locator('.menu-popup.submenu:visible > .menu-item')
    .allTextContents();
}

async function clickAddonItem(page: Page, pattern: RegExp): Promise<boolean> {
  const captions = await openAddonMenu(page);
  const caption = captions.find(c => pattern.test(c));
  if (caption === undefined) {
    await page.keyboard.press('Escape');
    await page.mouse.click(VIEWPORT.width / 2, 12);
    return false;
  }
  await page.getByRole('menuitem', {name: caption, exact: true}).click();
  await idle(page);
  return true;
}

/** Tall enough for the sidebar to show Settings › Connected accounts whole. */
const TALL_VIEWPORT = {width: VIEWPORT.width, height: 1480};

/**
 * Settings › Connected accounts: its three forms, the Bluesky form filled
 * in, and every network connected after Sync now. The accounts and servers
 * are the fake networks'; connecting and syncing change the workbook, so
 * this comes after the other pictures.
 */
async function connectionPictures(
  page: Page,
  emu: Emulator,
  net: FakeNetworks,
  shoot: (name: string, part?: Locator) => Promise<void>,
): Promise<boolean> {
  await page.getByRole('tab', {name: SUPPORTERS_SHEET, exact: true}).click();
  await idle(page);
  if (await clickAddonItem(page, /^connect accounts/i)) {
    await page.locator('dialog#ask[open]').waitFor();
    await shoot('connections-menu');
    await page.locator('dialog#ask button[data-button="CANCEL"]').click();
    await idle(page);
  }
  if (!(await clickAddonItem(page, /sidebar/i))) return false;
  const panel = page.locator('#sidebar-panel');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByRole('tab', {name: 'Settings'}).click();
  const summary = sidebar.getByText('Connected accounts', {exact: true});
  if (!(await summary.count())) return false;
  await page.setViewportSize(TALL_VIEWPORT);
  await summary.click();
  await sidebar.getByLabel('App password').waitFor();
  await idle(page);
  await shoot('connections-forms', panel);

  // Forms go as their accounts connect: the first field of a label is
  // always the next network's.
  const fill = (label: string, value: string) =>
    sidebar.getByLabel(label, {exact: true}).first().fill(value);
  await fill('Handle', 'tigers.bsky.social');
  await fill('App password', 'abcd-efgh-ijkl-mnop');
  await fill('Server', net.base);
  await shoot('connections-bluesky', panel);

  await connect(sidebar, 'Connect Bluesky');
  await fill('Account', '@tigers@mastodon.example');
  await fill('Access token', 'masto-token-1');
  await fill('API server (optional)', net.base);
  await connect(sidebar, 'Connect Mastodon');
  await fill('Bearer token', 'x-bearer-1');
  await fill('Username or id', '@tigers');
  await fill('API server (optional)', net.base);
  await connect(sidebar, 'Connect X');
  // A few demo supporters repost us, so the sync has something to log.
  await net.command('addBluesky', {
    notifications: demoBlueskyHandles(emu, 3).map((handle, i) =>
      blueskyRepost(`3ldemo${i}`, {did: `did:plc:demo${i}`, handle}),
    ),
  });
  await sidebar.getByRole('button', {name: 'Sync now'}).click();
  await sidebar.locator('.sync-results li').first().waitFor();
  await idle(page);
  await shoot('connections-connected', panel);
  await page.setViewportSize(VIEWPORT);
  await page.click('#sidebar-close');
  return true;
}

/**
 * Social CRM › Suggest handles, after some demo supporters without a
 * Bluesky handle followed us there (under their name, or a handle made of
 * their email), and one New person engaged.
 */
async function handleSuggestionsPicture(
  page: Page,
  emu: Emulator,
  net: FakeNetworks,
  shoot: (name: string) => Promise<void>,
): Promise<void> {
  await net.command('addBlueskyFollowers', {followers: demoFollowers(emu, 6)});
  if (!(await clickAddonItem(page, /^suggest handles/i))) return;
  const ask = page.locator('dialog#ask[open]');
  await ask.waitFor();
  await ask.locator('button.primary').click();
  await idle(page);
  await dismissToasts(page);
  await page
    .getByRole('tab', {name: 'Handle suggestions', exact: true})
    .click();
  await idle(page);
  await shoot('handle-suggestions');
}

/** The demo's Supporters sheet, header first. */
function demoSupporters(emu: Emulator) {
  const sheet = emu.spreadsheet.sheetByName(SUPPORTERS_SHEET)!;
  return sheet.readValues({
    r1: 1,
    c1: 1,
    r2: sheet.lastRow(),
    c2: sheet.lastColumn(),
  });
}

/** Bluesky followers who are demo supporters with no Bluesky handle yet. */
function demoFollowers(emu: Emulator, count: number) {
  const [header, ...rows] = demoSupporters(emu);
  const at = (name: string) => header.indexOf(name);
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^a-zA-Z0-9]/g, '')
      .toLowerCase();
  return rows
    .filter(row => !row[at('Bluesky')] && row[at('First Name')])
    .slice(0, count)
    .map((row, i) => {
      const first = String(row[at('First Name')]);
      const last = String(row[at('Last Name')]);
      const email = String(row[at('Email Address')]);
      // Every other one is known by their email's name, not their own.
      const handle = i % 2 ? plain(email.split('@')[0]) : plain(first + last);
      return {
        did: `did:plc:demofollower${i}`,
        handle: `${handle}.bsky.social`,
        displayName: i % 2 ? '' : `${first} ${last}`,
      };
    });
}

/** The first `count` plain Bluesky handles of the demo's supporters. */
function demoBlueskyHandles(emu: Emulator, count: number): string[] {
  const [header, ...rows] = demoSupporters(emu);
  const column = header.indexOf('Bluesky');
  return rows
    .map(row => String(row[column] ?? '').replace(/^@/, ''))
    .filter(handle => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(handle))
    .slice(0, count);
}

async function connect(sidebar: FrameLocator, button: string): Promise<void> {
  const before = await sidebar.locator('.connected').count();
  await sidebar.getByRole('button', {name: button}).click();
  await sidebar
    .locator('.connected')
    .nth(before)
    .waitFor({timeout: 10_000})
    .catch(async () => {
      const problem = await sidebar.locator('.form-message').allTextContents();
      throw new Error(`${button} failed: ${problem.join(' ')}`);
    });
}

async function main(argv: string[]): Promise<void> {
  const out = resolve(flag(argv, 'out') ?? join(__dirname, '../docs/images'));
  mkdirSync(out, {recursive: true});
  const emu = buildDemo();
  const playground = await startPlayground({emulator: emu, port: 0});
  const net = await startFakeNetworks(
    resolve(__dirname, '../test/sync-server/fake-networks.js'),
  );
  const browser = await launchChromium();
  const wrote: string[] = [];
  try {
    const page = await browser.newPage({viewport: VIEWPORT});
    /** The page, or only `part` of it. */
    const shoot = async (name: string, part?: Locator) => {
      const file = join(out, `${name}.png`);
      await (part ?? page).screenshot({path: file});
      wrote.push(file);
    };
    await page.goto(playground.url);
    await page.waitForSelector('body[data-ready="true"]');
    await idle(page);

    await page.locator(`td[data-cell="B${showcaseRow(emu)}"]`).click();
    await idle(page);
    await openAddonMenu(page);
    await shoot('playground-menu');
    await page.keyboard.press('Escape');
    await page.mouse.click(VIEWPORT.width / 2, 12);

    const sidebar = await clickAddonItem(page, /sidebar/i);
    if (sidebar) {
      // The sidebar follows the selection on its own (it polls).
      await page.frameLocator('#sidebar-frame').locator('body').waitFor();
      await page.waitForTimeout(2500);
      await idle(page);
      await shoot('playground-sidebar');
    }

    if (await clickAddonItem(page, /today/i)) {
      if (sidebar) {
        const tab = page
          .frameLocator('#sidebar-frame')
          .getByRole('tab', {name: /today/i});
        if (await tab.count()) await tab.first().click();
        await page.waitForTimeout(1000);
      }
      await idle(page);
      await dismissToasts(page);
      await shoot('playground-today');
    }

    if (await clickAddonItem(page, /^import/i)) {
      await page.locator('dialog#ask[open]').waitFor();
      await shoot('playground-dialog');
      await page.locator('dialog#ask button[data-button="CANCEL"]').click();
      await idle(page);
    }

    if (await clickAddonItem(page, /dashboard/i)) {
      if (sidebar) await page.click('#sidebar-close');
      await idle(page);
      await dismissToasts(page);
      await shoot('playground-dashboard');
    }

    // The digest's "send a test now" answer puts one in the Mail panel.
    if (await clickAddonItem(page, /digest/i)) {
      const ask = page.locator('dialog#ask[open]');
      if (await ask.locator('input.prompt-input').count()) {
        await ask.locator('input.prompt-input').fill('test');
        await ask.locator('button[data-button="OK"]').click();
        await idle(page);
      }
      while (await ask.count()) {
        await ask.locator('button.primary').click();
        await idle(page);
      }
      await dismissToasts(page);
      await page.click('#mail-button');
      const mail = page.locator('.mail-item');
      if (await mail.count()) {
        await mail.first().click();
        await page
          .frameLocator('#mail-dialog iframe')
          .locator('body')
          .waitFor();
        await shoot('playground-mail');
        await page.keyboard.press('Escape');
      }
      await page.click('#side-close');
    }

    if (await connectionPictures(page, emu, net, shoot)) {
      await handleSuggestionsPicture(page, emu, net, shoot);
    }
  } finally {
    await browser.close();
    await playground.close();
    await net.stop();
  }
  for (const file of wrote) console.log(`wrote ${file}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch(error => {
    console.error(
      `screenshots: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  });
}
