/**
 * The playground in a real browser: the grid, the add-on's menu from its
 * onOpen, edits that fire onEdit, alerts and prompts answered in the page,
 * the sidebar's google.script.run bridge, the mail panel and Save. The
 * built add-on (dist/) shows the real menu; a small project written here
 * exercises what the add-on does not do (yet), such as sending mail on
 * demand.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Bundle, Emulator, type WorkbookData} from '../../emulator';
import {parseArgs, serve} from '../../emulator/cli';
import {readWorkbookFile} from '../../emulator/io';
import {sidecarPathFor} from '../../emulator/io/sidecar';
import {DIST, ensureBuilt} from '../bundle/dist';
import {
  answerDialog,
  cellText,
  clickCell,
  dialogText,
  idle,
  isTicked,
  openMenu,
  selectRange,
  sidebarFrame,
  typeInto,
  withPlayground,
} from './harness';

jest.setTimeout(60_000);

const NOW = '2026-03-01T08:30:00Z';
const EVIL = '<img src=x onerror=alert(1)>';

/** A project with the shape of an add-on, written for these tests. */
const PROJECT = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Ask my name', 'askName')
    .addItem('Send a thank-you', 'sendThanks')
    .addSeparator()
    .addItem('Open panel', 'openPanel')
    .addItem('Open dialog', 'openDialog')
    .addToUi();
}

function onEdit(e) {
  if (e.range.getColumn() !== 2) return;
  e.range.offset(0, 1).setValue('seen ' + (e.value === undefined ? '(cleared)' : e.value));
}

function askName() {
  var ui = SpreadsheetApp.getUi();
  var name = ui.prompt('Who are you?', 'Type your name', ui.ButtonSet.OK_CANCEL);
  if (name.getSelectedButton() !== ui.Button.OK) return;
  var sure = ui.alert('Check', 'Write "' + name.getResponseText() + '" into A1?', ui.ButtonSet.YES_NO);
  if (sure !== ui.Button.YES) return;
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('People').getRange('A1').setValue(name.getResponseText());
  ui.alert('Done', 'Wrote it.', ui.ButtonSet.OK);
}

function sendThanks() {
  MailApp.sendEmail({
    to: 'maya@example.org',
    subject: 'Thank you, Maya',
    htmlBody: '<h1>Thanks!</h1><p>For sharing our post.</p>',
  });
  SpreadsheetApp.getActiveSpreadsheet().toast('Thank-you sent', 'Mail', 3);
}

function openPanel() {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile('panel').setTitle('Test panel'));
}

function openDialog() {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutputFromFile('panel').setWidth(420).setHeight(180),
    'Test dialog');
}

function addCheckboxes() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('People').getRange('D2:D3')
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

function greet(name) {
  return 'Hello, ' + name + ' at ' + SpreadsheetApp.getActiveRange().getA1Notation();
}

function fail() {
  throw new Error('No such supporter');
}
`;

const PANEL = `<!DOCTYPE html>
<html><head><base target="_top"></head><body>
<button id="greet" onclick="greetAda()">Greet</button>
<button id="fail" onclick="failNow()">Fail</button>
<button id="bye" onclick="google.script.host.close()">Close</button>
<output id="out"></output>
<script>
function show(text) { document.getElementById('out').textContent = text; }
function greetAda() {
  google.script.run.withSuccessHandler(function (value, mark) { show(value + mark); })
    .withUserObject('!').greet('Ada');
}
function failNow() {
  google.script.run.withFailureHandler(function (error) { show('failed: ' + error.message); }).fail();
}
</script></body></html>`;

function project(workbook: WorkbookData): Emulator {
  const emu = new Emulator({now: NOW, timeZone: 'Europe/London', workbook});
  emu.useBundle(
    new Bundle(
      [{name: 'Code.js', source: PROJECT}],
      new Map([['panel', PANEL]]),
      {timeZone: 'Europe/London'},
    ),
  );
  return emu;
}

const people = (): WorkbookData => ({
  sheets: [
    {
      name: 'People',
      values: [
        ['Name', 'Note', 'Echo', 'Ticked'],
        ['Maya Ode', '', '', ''],
        ['Tom Reyes', '', '', ''],
      ],
    },
  ],
});

function addOn(workbook: WorkbookData): Emulator {
  ensureBuilt();
  const emu = new Emulator({
    now: NOW,
    timeZone: 'Europe/London',
    addOnName: 'Social CRM',
    workbook,
  });
  emu.loadBundle(DIST);
  return emu;
}

describe('the playground', () => {
  test('shows the real Social CRM menu; Set up tracker adds its columns to the grid; names stay text', async () => {
    const emu = addOn({
      sheets: [
        {
          name: 'Supporters',
          values: [
            ['Name', 'Email'],
            ['Maya Ode', 'maya@example.org'],
            [EVIL, 'x@example.org'],
          ],
        },
      ],
    });
    await withPlayground(emu, async ({page}) => {
      // Opening the page opened the file: onOpen built the menu.
      expect(emu.executions.map(e => e.fn)).toContain('onOpen');
      await page
        .getByRole('menuitem', {name: 'Extensions', exact: true})
        .click();
      await page
        .getByRole('menuitem', {name: 'Social CRM', exact: true})
        .click();
      const shown = await page
        .locator('.menu-popup.submenu:visible > .menu-item')
        .allTextContents();
      const captions = emu
        .menu()
        .flatMap(item => ('functionName' in item ? [item.caption] : []));
      expect(shown).toEqual(captions);
      await page.keyboard.press('Escape');

      await openMenu(page, 'Set up tracker');
      // Setup shows its plan first; OK accepts it, as a user would.
      expect((await dialogText(page)).title).toBe('Set up tracker');
      await answerDialog(page, 'OK');
      await page.getByText('Tracker ready').waitFor();
      const sheet = emu.spreadsheet.sheetByName('Supporters')!;
      const headers = sheet
        .readValues({r1: 1, c1: 1, r2: 1, c2: sheet.lastColumn()})[0]
        .map(String);
      expect(headers).toEqual(
        expect.arrayContaining(['Supporter ID', 'Whuffie']),
      );
      for (const [i, header] of headers.entries()) {
        const column = String.fromCharCode(65 + i);
        if (sheet.hiddenColumns.has(i + 1)) {
          // Hidden columns are not drawn, as in Sheets.
          expect(await page.locator(`td[data-cell="${column}1"]`).count()).toBe(
            0,
          );
        } else {
          expect(await cellText(page, `${column}1`)).toBe(header);
        }
      }
      expect(
        await page
          .getByRole('tab', {name: 'Interactions', exact: true})
          .count(),
      ).toBe(1);

      // A supporter's name is text in the grid, never markup.
      expect(await cellText(page, 'A3')).toBe(EVIL);
      expect(await page.locator('#grid img').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
    });
  });

  test('typing into a cell fires onEdit, which the grid then shows; a checkbox click is an edit too', async () => {
    const emu = project(people());
    emu.call('addCheckboxes');
    await withPlayground(emu, async ({page}) => {
      await typeInto(page, 'B2', 'loves tigers');
      expect(emu.spreadsheet.sheetByName('People')!.value(2, 2)).toBe(
        'loves tigers',
      );
      const onEdit = emu.executions.filter(e => e.fn === 'onEdit');
      expect(onEdit).toHaveLength(1);
      expect(onEdit[0]).toMatchObject({ok: true, mode: 'LIMITED'});
      expect(await cellText(page, 'C2')).toBe('seen loves tigers');
      // Enter moved the cursor down, as in Sheets.
      expect(await page.inputValue('#name-box')).toBe('B3');

      // From the keyboard: arrows move, typing replaces, Delete clears.
      await page.keyboard.press('ArrowUp');
      await idle(page);
      expect(await page.inputValue('#name-box')).toBe('B2');
      expect(await page.inputValue('#formula-input')).toBe('loves tigers');
      await page.keyboard.type('runs');
      await page.keyboard.press('Enter');
      await idle(page);
      expect(await cellText(page, 'C2')).toBe('seen runs');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Delete');
      await idle(page);
      expect(await cellText(page, 'B2')).toBe('');
      expect(await cellText(page, 'C2')).toBe('seen (cleared)');
      expect(emu.executions.filter(e => e.fn === 'onEdit')).toHaveLength(3);

      expect(await isTicked(page, 'D2')).toBe(false);
      await page.locator('td[data-cell="D2"] input').click();
      await idle(page);
      expect(emu.spreadsheet.sheetByName('People')!.value(2, 4)).toBe(true);
      expect(await isTicked(page, 'D2')).toBe(true);

      await selectRange(page, 'A2:B3');
      expect(await page.inputValue('#name-box')).toBe('A2:B3');
      const {range} = emu.document.registry.selection(emu.spreadsheet);
      expect(range).toEqual({r1: 2, c1: 1, r2: 3, c2: 2});
    });
  });

  test('a menu item’s prompt and alerts are answered in the page, and the item runs once', async () => {
    const emu = project(people());
    await withPlayground(emu, async ({page}) => {
      await openMenu(page, 'Ask my name');
      expect(await dialogText(page)).toEqual({
        title: 'Who are you?',
        message: 'Type your name',
      });
      await answerDialog(page, 'OK', '[NO] Ada');
      expect((await dialogText(page)).message).toBe(
        'Write "[NO] Ada" into A1?',
      );
      await answerDialog(page, 'YES');
      expect(await dialogText(page)).toEqual({
        title: 'Done',
        message: 'Wrote it.',
      });
      await answerDialog(page, 'OK');
      expect(await page.locator('dialog#ask[open]').count()).toBe(0);

      expect(await cellText(page, 'A1')).toBe('[NO] Ada');
      expect(emu.executions.filter(e => e.fn === 'askName')).toHaveLength(1);
      expect(emu.ui.prompts).toEqual([
        expect.objectContaining({button: 'OK', text: '[NO] Ada'}),
      ]);

      // Cancelling stops the item before it writes anything.
      await openMenu(page, 'Ask my name');
      await answerDialog(page, 'CANCEL', 'Bob');
      expect(await cellText(page, 'A1')).toBe('[NO] Ada');
      expect(emu.executions.filter(e => e.fn === 'askName')).toHaveLength(2);
    });
  });

  test('the sidebar and dialogs run their real HTML with google.script.run bridged to the emulator', async () => {
    const emu = project(people());
    await withPlayground(emu, async ({page}) => {
      await clickCell(page, 'B3');
      await openMenu(page, 'Open panel');
      expect(await page.locator('#sidebar-title').textContent()).toBe(
        'Test panel',
      );
      const panel = await sidebarFrame(page);
      await panel.click('#greet');
      await panel.getByText('Hello, Ada at B3!').waitFor();
      await panel.click('#fail');
      await panel.getByText('failed: No such supporter').waitFor();
      expect(emu.executions.map(e => [e.fn, e.kind])).toEqual(
        expect.arrayContaining([
          ['greet', 'sidebar'],
          ['fail', 'sidebar'],
        ]),
      );
      await panel.click('#bye');
      await page.locator('#sidebar-panel').waitFor({state: 'hidden'});

      await openMenu(page, 'Open dialog');
      expect(
        await page.locator('#html-dialog[open] #dialog-title').textContent(),
      ).toBe('Test dialog');
      const frame = await (await page
        .locator('#dialog-frame')
        .elementHandle())!.contentFrame();
      await frame!.waitForURL('about:srcdoc');
      await frame!.click('#greet');
      await frame!.getByText('Hello, Ada at B3!').waitFor();
      await frame!.click('#bye');
      await page.locator('#html-dialog').waitFor({state: 'hidden'});
    });
  });

  test('mail the add-on sends shows in the Mail panel and opens as the recipient sees it', async () => {
    const emu = project(people());
    await withPlayground(emu, async ({page}) => {
      await openMenu(page, 'Send a thank-you');
      await page.getByText('Thank-you sent').waitFor();
      expect(await page.locator('#mail-count').textContent()).toBe('1');
      await page.click('#mail-button');
      const item = page.locator('.mail-item', {hasText: 'Thank you, Maya'});
      expect(await item.textContent()).toContain('To: maya@example.org');
      await item.click();
      const body = page.frameLocator('#mail-dialog iframe.mail-body');
      await body.getByRole('heading', {name: 'Thanks!'}).waitFor();
    });
  });

  test('Save writes the workbook as .xlsx with the state beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whuffie-playground-'));
    try {
      const saveTo = join(dir, 'saved.xlsx');
      const emu = project(people());
      await withPlayground(
        emu,
        async ({page}) => {
          await typeInto(page, 'B2', 'runs marathons');
          await page.click('#save-button');
          await idle(page);
          await page.getByText(`Saved ${saveTo}`).waitFor();
        },
        {saveTo},
      );
      expect(existsSync(sidecarPathFor(saveTo))).toBe(true);
      const saved = await readWorkbookFile(saveTo);
      expect(saved.workbook.sheets[0].values[1]).toEqual([
        'Maya Ode',
        'runs marathons',
        'seen runs marathons',
      ]);
      expect(saved.state).toBeDefined();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('whuffie serve', () => {
  test('prints the playground URL and serves the page until stopped', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'whuffie-serve-'));
    try {
      writeFileSync(
        join(dir, 'people.csv'),
        'Name,Email\nMaya Ode,maya@example.org\n',
      );
      let out = '';
      let err = '';
      let stop!: () => void;
      let started!: (url: string) => void;
      const url = new Promise<string>(resolve => (started = resolve));
      const io = {
        stdout: {
          write: (text: string) => {
            out += text;
            const match = /^Playground: (\S+)$/m.exec(out);
            if (match) started(match[1]);
          },
        },
        stderr: {write: (text: string) => (err += text)},
        cwd: dir,
      };
      const exit = serve(
        parseArgs(['serve', '--in', 'people.csv', '--port', '0'])!,
        io,
        new Promise<void>(resolve => (stop = resolve)),
      );
      const address = await url;
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(address)).text()).toContain(
        '/playground/client.js',
      );
      const state = await (await fetch(`${address}api/state`)).json();
      expect(state.grid.cells[1][0].text).toBe('Maya Ode');
      // Another site's page cannot drive the emulator.
      const forged = await fetch(`${address}api/edit`, {
        method: 'POST',
        headers: {'Content-Type': 'text/plain', Origin: 'https://evil.example'},
        body: JSON.stringify({sheet: 'people', a1: 'A1', text: 'x'}),
      });
      expect(forged.status).toBe(403);
      stop();
      expect(await exit).toBe(0);
      expect(err).toBe('');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
