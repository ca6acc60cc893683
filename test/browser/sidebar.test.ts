/**
 * The sidebar (Social CRM › Open sidebar) in the playground, in Chromium:
 * it follows the selected row, tags one or many rows, logs, works the
 * Today list, shows server errors, and never turns a supporter's text into
 * markup. Each user action is checked to cost one server call.
 */
import type {Frame, Locator, Page} from 'playwright-core';
import type {Emulator} from '../../emulator';
import {columnLetter} from '../../src/core/columns';
import {records, sheetOf} from '../bundle/harness';
import {
  activeSheet,
  cellText,
  clickCell,
  openMenu,
  openSheet,
  selectRange,
  sidebarFrame,
  withPlayground,
} from './harness';
import {
  EVIL,
  idOf,
  sidebarPeople,
  sidebarTracker,
} from '../bundle/sidebar-fixture';

jest.setTimeout(90_000);

const PEOPLE = sidebarPeople(EVIL);
const tracker = () => sidebarTracker(PEOPLE);

/** The A1 of a tracker column's cell in a row. */
const at = (emu: Emulator, header: string, row: number) =>
  `Supporters!${columnLetter(sheetOf(emu, 'Supporters').values[0].indexOf(header) + 1)}${row}`;

/** google.script.run calls the sidebar made, by function, with the answers' sizes. */
function recordCalls(page: Page) {
  const calls: {fn: string; bytes: number}[] = [];
  page.on('request', request => {
    if (!request.url().endsWith('/api/run')) return;
    const call = {
      fn: String((request.postDataJSON() as {fn?: unknown}).fn),
      bytes: -1,
    };
    calls.push(call);
    void request
      .response()
      .then(response => response?.body())
      .then(body => (call.bytes = body?.length ?? 0))
      .catch(() => undefined);
  });
  return {
    mark: () => calls.length,
    /** The calls other than polls since `mark`. */
    since: (mark: number) =>
      calls
        .slice(mark)
        .filter(c => c.fn !== 'getSelectionState')
        .map(c => c.fn),
    all: calls,
  };
}

async function openSidebar(page: Page): Promise<Frame> {
  await openMenu(page, 'Open sidebar');
  return sidebarFrame(page);
}

/** The sidebar shows `name` (it polls: wait for it). */
async function showing(frame: Frame, name: string): Promise<void> {
  await frame.getByRole('heading', {name, exact: true}).waitFor();
}

const tag = (frame: Frame, name: string) =>
  frame.getByRole('button', {name, exact: true});

/** Waits (as a user would look again) until `check` holds. */
async function eventually(
  what: string,
  check: () => Promise<boolean>,
): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Still not true after 10 s: ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

const pressed = (toggle: Locator, on: boolean) =>
  eventually(
    `aria-pressed=${on}`,
    async () => (await toggle.getAttribute('aria-pressed')) === String(on),
  );

const focused = (control: Locator) =>
  control.evaluate(e => e === document.activeElement);

describe('the sidebar in the playground', () => {
  test('follows the selection, toggles Volunteer into the grid, and bulk-tags 3 rows', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const calls = recordCalls(page);
      const frame = await openSidebar(page);
      await clickCell(page, 'A2');
      await showing(frame, 'Maya Ode');
      await frame.getByText('@maya_ode').waitFor();
      expect(await tag(frame, 'Donor').getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(await tag(frame, 'Volunteer').getAttribute('aria-pressed')).toBe(
        'false',
      );
      // The answer to the selection change was one call of a few KB.
      const polls = calls.all.filter(c => c.fn === 'getSelectionState');
      await eventually('the answers arrived', async () =>
        polls.every(c => c.bytes >= 0),
      );
      expect(Math.max(...polls.map(c => c.bytes))).toBeLessThan(8000);

      let mark = calls.mark();
      await tag(frame, 'Volunteer').click();
      await pressed(tag(frame, 'Volunteer'), true);
      expect(await cellText(page, at(emu, 'Relationship tags', 2))).toBe(
        'donor, volunteer',
      );
      expect(calls.since(mark)).toEqual(['setTag']);
      await frame
        .getByRole('status')
        .getByText('Maya Ode is tagged Volunteer.')
        .waitFor();

      await selectRange(page, 'A2:B4');
      await frame
        .getByRole('heading', {name: '3 supporters selected'})
        .waitFor();
      await frame.getByLabel('Tag').selectOption({label: 'Press'});
      mark = calls.mark();
      await frame
        .getByRole('button', {name: 'Tag 3 supporters as Press'})
        .click();
      await frame.getByText('3 of 3 already have it.').waitFor();
      expect(calls.since(mark)).toEqual(['setTag']);
      expect(
        await Promise.all(
          [2, 3, 4].map(row =>
            cellText(page, at(emu, 'Relationship tags', row)),
          ),
        ),
      ).toEqual(['donor, volunteer, press', 'press', 'volunteer, press']);
    });
  });

  test('logging "We thanked them" adds the log row and the whuffie changes', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const calls = recordCalls(page);
      const frame = await openSidebar(page);
      await clickCell(page, 'B2');
      await showing(frame, 'Maya Ode');
      const whuffie = async () =>
        Number(
          await frame
            .locator('.tile')
            .first()
            .locator('.tile-value')
            .textContent(),
        );
      const before = await whuffie();
      await frame.getByRole('tab', {name: 'Log'}).click();
      await frame.getByText('Logging for Maya Ode').waitFor();
      await frame.getByText('Add a note, link or channel').click();
      const note = frame.getByRole('textbox', {name: 'Note (optional)'});
      await note.fill('Thanks for the cub cam share!');
      const mark = calls.mark();
      const thank = frame.getByRole('button', {name: 'We thanked them'});
      // A double click logs once: the first click disables the buttons
      // until the server has answered.
      await thank.dblclick();
      await frame
        .getByRole('status')
        .getByText(/Logged "We thanked them" for Maya Ode\. Whuffie/)
        .waitFor();
      expect(calls.since(mark)).toEqual(['logInteraction']);
      expect(await note.inputValue()).toBe('');
      await frame.getByRole('tab', {name: 'Supporter'}).click();
      expect(await whuffie()).toBeCloseTo(before + 3, 1);
      await frame.getByText('Thanks for the cub cam share!').waitFor();

      const log = records(emu, 'Interactions');
      expect(log.filter(r => r.Source === 'sidebar')).toHaveLength(1);
      await openSheet(page, 'Interactions');
      expect(await cellText(page, `Interactions!H${log.length + 1}`)).toBe(
        'Thanks for the cub cam share!',
      );
    });
  });

  test('a Today line is marked done in one call', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const calls = recordCalls(page);
      const frame = await openSidebar(page);
      await frame.getByRole('tab', {name: 'Today'}).click();
      const done = frame.getByRole('button', {name: 'Done: Maya Ode'});
      await done.waitFor();
      const mark = calls.mark();
      await done.click();
      await frame
        .locator('.today-line.done', {hasText: 'Maya Ode'})
        .getByText('✓ Done')
        .waitFor();
      expect(calls.since(mark)).toEqual(['completeTodayLine']);
      expect(
        records(emu, 'Interactions').filter(
          r => r['Supporter ID'] === idOf(emu, 'Maya Ode'),
        ).length,
      ).toBe(3);
    });
  });

  test('a server error shows a readable message and leaves the toggle as it was', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const frame = await openSidebar(page);
      await clickCell(page, 'A3');
      await showing(frame, 'Tom Reed');
      emu.holdLock('document');
      await tag(frame, 'Board').click();
      await frame
        .getByRole('alert')
        .getByText(
          'Whuffie is busy with another update to this spreadsheet (someone else, or the daily run). Try again in a minute.',
        )
        .waitFor();
      expect(await tag(frame, 'Board').getAttribute('aria-pressed')).toBe(
        'false',
      );
      expect(await tag(frame, 'Board').isEnabled()).toBe(true);
      expect(await cellText(page, at(emu, 'Relationship tags', 3))).toBe('');
      emu.releaseLock('document');
      await tag(frame, 'Board').click();
      await pressed(tag(frame, 'Board'), true);
      expect(await frame.locator('#error').isHidden()).toBe(true);
    });
  });

  test('a supporter named like markup is shown as text, and no element is created', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const frame = await openSidebar(page);
      await clickCell(page, 'A6');
      await showing(frame, EVIL);
      expect(await frame.locator('img').count()).toBe(0);
      expect(await frame.locator('[onerror]').count()).toBe(0);
      // Typed into the sidebar, the same text becomes a topic toggle named by it.
      await frame.getByLabel('New topic').fill(EVIL);
      await frame.getByRole('button', {name: 'Add topic'}).click();
      await pressed(tag(frame, EVIL), true);
      expect(await cellText(page, at(emu, 'Topics', 6))).toBe(EVIL);
      await frame.getByRole('tab', {name: 'Log'}).click();
      await frame.getByText(`Logging for ${EVIL}`).waitFor();
      expect(await frame.locator('img').count()).toBe(0);
    });
  });

  test('every control has a name, tabs and toggles work from the keyboard', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const frame = await openSidebar(page);
      await clickCell(page, 'A4');
      await showing(frame, 'Ana Lima');
      const unnamed = await frame.evaluate(() => {
        const controls = [
          ...document.querySelectorAll<HTMLElement>(
            'button, input, select, textarea, a[href]',
          ),
        ];
        return controls
          .filter(c => {
            const labelled =
              c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
            const label =
              c.id &&
              document.querySelector(`label[for="${CSS.escape(c.id)}"]`);
            return !labelled && !label && !(c.textContent ?? '').trim();
          })
          .map(c => c.outerHTML);
      });
      expect(unnamed).toEqual([]);
      // Keyboard only: focus the Volunteer toggle and press Space.
      await tag(frame, 'Volunteer').focus();
      await page.keyboard.press('Space');
      await pressed(tag(frame, 'Volunteer'), false);
      expect(await focused(tag(frame, 'Volunteer'))).toBe(true);
      expect(await cellText(page, at(emu, 'Relationship tags', 4))).toBe('');
      // Tabs: arrow keys move between them.
      await frame.getByRole('tab', {name: 'Supporter'}).focus();
      await page.keyboard.press('ArrowRight');
      expect(
        await frame
          .getByRole('tab', {name: 'Log'})
          .getAttribute('aria-selected'),
      ).toBe('true');
      expect(await focused(frame.getByRole('tab', {name: 'Log'}))).toBe(true);
      expect(await frame.getByRole('tabpanel', {name: 'Log'}).isVisible()).toBe(
        true,
      );
      expect(await activeSheet(page)).toBe('Supporters');
    });
  });

  test('interest notes save when the box is left, with a visible "Saved"', async () => {
    const emu = tracker();
    await withPlayground(emu, async ({page}) => {
      const frame = await openSidebar(page);
      await clickCell(page, 'A5');
      await showing(frame, 'Raj Patel');
      await frame
        .getByLabel('Interest notes')
        .fill('Loves tigers; runs marathons');
      await frame.getByLabel('Interest notes').blur();
      await frame.getByText('Saved', {exact: true}).waitFor();
      expect(await cellText(page, at(emu, 'Interest notes', 5))).toBe(
        'Loves tigers; runs marathons',
      );
    });
  });
});
