/**
 * Browser tests of the playground: Debian's Chromium (never a downloaded
 * one) driven by playwright-core, one browser per test file, a fresh
 * context, page and playground server per test.
 *
 *   await withPlayground(emu, async ({page, emu}) => {
 *     await openMenu(page, 'Set up tracker');
 *     await clickCell(page, 'B3');
 *     await page.keyboard.type('Ada');
 *     await page.keyboard.press('Enter');
 *     await idle(page);
 *     expect(await cellText(page, 'B3')).toBe('Ada');
 *     const sidebar = await sidebarFrame(page);
 *     await sidebar.getByRole('button', {name: 'Log'}).click();
 *   });
 *
 * Cells are named in A1 ('B3', or 'Sheet name!B3' to switch tabs first).
 * Every helper waits until the page has finished talking to the emulator
 * (`idle`), so `emu` can be inspected right after one returns. The sidebar
 * polls the server on its own; wait for what it shows (`expect(locator)`
 * style: `await frame.getByText('…').waitFor()`), not for time to pass.
 */
import type {Browser, Frame, Page} from 'playwright-core';
import type {Emulator} from '../../emulator';
import {launchChromium} from '../../emulator/playground/chromium';
import {startPlayground} from '../../emulator/playground/server';
import {parseA1} from '../../emulator/sheets';

/** How long a helper waits for the page before failing the test. */
const WAIT_MS = 10_000;

let launched: Promise<Browser> | null = null;

/** The test file's browser, started on first use (with a fresh profile). */
function browser(): Promise<Browser> {
  launched ??= launchChromium();
  return launched;
}

// Each test file gets its own module registry, hence its own browser,
// closed when the file is done.
afterAll(async () => {
  const open = launched;
  launched = null;
  await (await open?.catch(() => null))?.close();
});

export interface PlaygroundContext {
  page: Page;
  /** The playground's address, http://127.0.0.1:PORT/ */
  url: string;
  emu: Emulator;
}

export interface PlaygroundTestOptions {
  /** Where the page's Save writes (.xlsx). */
  saveTo?: string;
  viewport?: {width: number; height: number};
  /** Uncaught errors in the page fail the test unless allowed here. */
  allowPageErrors?: boolean;
}

/**
 * Serves `emu` in a playground, opens it in a new page (which opens the
 * file: onOpen runs), runs `body`, and closes page and server whatever
 * happens. The test fails if the page threw or a native alert() popped up
 * (the add-on's own dialogs are in-page; a native one means injected HTML ran).
 */
export async function withPlayground(
  emu: Emulator,
  body: (context: PlaygroundContext) => Promise<void>,
  options: PlaygroundTestOptions = {},
): Promise<void> {
  const chrome = await browser();
  const playground = await startPlayground({
    emulator: emu,
    port: 0,
    host: '127.0.0.1',
    ...(options.saveTo ? {saveTo: options.saveTo} : {}),
  });
  const context = await chrome.newContext({
    viewport: options.viewport ?? {width: 1280, height: 800},
  });
  context.setDefaultTimeout(WAIT_MS);
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', error =>
      problems.push(`the page threw: ${error.message}`),
    );
    page.on('dialog', dialog => {
      problems.push(`a native ${dialog.type()} opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(playground.url);
    await page.waitForSelector('body[data-ready="true"]');
    await idle(page);
    await body({page, url: playground.url, emu});
    const fatal = options.allowPageErrors
      ? problems.filter(p => p.startsWith('a native'))
      : problems;
    if (fatal.length) throw new Error(fatal.join('\n'));
  } finally {
    await context.close();
    await playground.close();
  }
}

/** Waits until no request to the emulator is in flight (a message from a frame may still be on its way, hence the short pause). */
export async function idle(page: Page): Promise<void> {
  await page.waitForTimeout(30);
  await page.waitForFunction("document.body.dataset.pending === '0'");
}

/** Splits 'Sheet name!B3' into the sheet (or null) and the local part. */
function split(a1: string): {sheet: string | null; local: string} {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`Not an A1 reference: ${a1}`);
  return {sheet: ref.sheetName, local: a1.slice(a1.lastIndexOf('!') + 1)};
}

export async function activeSheet(page: Page): Promise<string> {
  return (await page.locator('.sheet-tab.active').textContent()) ?? '';
}

/** Clicks a sheet's tab (a no-op when it is already the active one). */
export async function openSheet(page: Page, name: string): Promise<void> {
  if ((await activeSheet(page)) === name) return;
  await page.getByRole('tab', {name, exact: true}).click();
  await idle(page);
}

/** The cell's element once it is drawn (scrolling the grid to it if needed). */
async function cellLocator(page: Page, a1: string) {
  const {sheet, local} = split(a1);
  if (sheet) await openSheet(page, sheet);
  const cell = page.locator(`#grid td[data-cell="${local.toUpperCase()}"]`);
  if (!(await cell.count())) {
    // Near enough: rows are 21 px and columns about 100; the page fetches
    // the cells it scrolled to.
    const {row, col} = parseA1(local)!.start;
    const y = Math.max(0, ((row ?? 1) - 5) * 21);
    const x = Math.max(0, ((col ?? 1) - 3) * 100);
    await page.evaluate(
      `document.getElementById('grid-scroll').scrollTo(${x}, ${y})`,
    );
    await idle(page);
  }
  // The grid redraws when the page refreshes (after a poll or a server
  // call), which can detach the cell mid-scroll: find it again and retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await cell.scrollIntoViewIfNeeded({timeout: 5000});
      return cell;
    } catch (error) {
      if (attempt >= 4) throw error;
      await idle(page);
    }
  }
}

/** Clicks one cell (onSelectionChange fires; the sidebar follows). */
export async function clickCell(page: Page, a1: string): Promise<void> {
  const cell = await cellLocator(page, a1);
  await cell.click({position: {x: 4, y: 4}});
  await idle(page);
}

/** Selects a block by clicking its first cell and shift-clicking its last. */
export async function selectRange(page: Page, a1: string): Promise<void> {
  const {sheet, local} = split(a1);
  const [from, to = from] = local.split(':');
  const prefix = sheet === null ? '' : `${a1.slice(0, a1.lastIndexOf('!'))}!`;
  await clickCell(page, `${prefix}${from}`);
  const last = await cellLocator(page, `${prefix}${to}`);
  await last.click({modifiers: ['Shift'], position: {x: 4, y: 4}});
  await idle(page);
}

/** What a cell shows (its display value; '' for an empty cell or a checkbox). */
export async function cellText(page: Page, a1: string): Promise<string> {
  const cell = await cellLocator(page, a1);
  const text = cell.locator('.text');
  return (await text.count()) ? ((await text.textContent()) ?? '') : '';
}

/** Whether a checkbox cell is ticked. */
export async function isTicked(page: Page, a1: string): Promise<boolean> {
  const cell = await cellLocator(page, a1);
  return cell.locator('input[type=checkbox]').isChecked();
}

/** Types into a cell and presses Enter (onEdit fires; the cursor moves down). */
export async function typeInto(
  page: Page,
  a1: string,
  text: string,
): Promise<void> {
  await clickCell(page, a1);
  await page.keyboard.press('Enter');
  await page.locator('input.cell-editor').fill(text);
  await page.keyboard.press('Enter');
  await idle(page);
}

/**
 * Clicks an add-on menu item by its caption: under Extensions › (add-on
 * name) for an editor add-on, or in a top-level menu of a bound script.
 * If the item asks something, the question is on screen when this returns
 * (answer it with answerDialog).
 */
export async function openMenu(page: Page, caption: string): Promise<void> {
  const item = page.getByRole('menuitem', {name: caption, exact: true});
  const tops = page.locator('#menubar > .menu > .menu-button');
  const captions = await tops.allTextContents();
  // Add-on menus live under Extensions: look there first.
  const order = captions
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(captions[b] === 'Extensions') -
        Number(captions[a] === 'Extensions'),
    );
  for (const i of order) {
    const top = tops.nth(i);
    if ((await top.getAttribute('aria-expanded')) !== 'true') await top.click();
    const submenus = page.locator(
      '.menu-popup:visible > .submenu-wrap > button',
    );
    for (
      let j = 0;
      !(await item.isVisible()) && j < (await submenus.count());
      j++
    ) {
      await submenus.nth(j).click();
    }
    if (await item.isVisible()) {
      await item.click();
      await idle(page);
      return;
    }
    await page.keyboard.press('Escape');
    await page.mouse.click(1, 1);
  }
  throw new Error(`No menu item "${caption}"`);
}

/** The open alert or prompt: its title and message. */
export async function dialogText(
  page: Page,
): Promise<{title: string; message: string}> {
  const dialog = page.locator('dialog#ask[open]');
  await dialog.waitFor();
  const title = dialog.locator('h2');
  return {
    title: (await title.count()) ? ((await title.textContent()) ?? '') : '',
    message: (await dialog.locator('.dialog-message').textContent()) ?? '',
  };
}

/** Answers the open alert or prompt: a button (OK, CANCEL, YES, NO, CLOSE) and, for a prompt, the text. */
export async function answerDialog(
  page: Page,
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' = 'OK',
  text?: string,
): Promise<void> {
  const dialog = page.locator('dialog#ask[open]');
  await dialog.waitFor();
  if (text !== undefined) await dialog.locator('input.prompt-input').fill(text);
  await (
    button === 'CLOSE'
      ? dialog.locator('button.dialog-close')
      : dialog.locator(`button[data-button="${button}"]`)
  ).click();
  await idle(page);
}

/** The add-on sidebar's frame, once the sidebar is open and its page has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const element = page.locator('#sidebar-panel:not([hidden]) #sidebar-frame');
  await element.waitFor();
  const frame = await (await element.elementHandle())!.contentFrame();
  if (!frame) throw new Error('The sidebar has no frame');
  await frame.waitForURL('about:srcdoc');
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}
