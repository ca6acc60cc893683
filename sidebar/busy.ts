/**
 * One server call per user action, and never two at once from the same
 * controls: the controls are disabled while the call is in flight (so a
 * double click cannot log twice), focus comes back to where it was, and a
 * failure is shown in the panel with the form left as it was.
 */
import {el, fill} from './dom';
import {messageOf} from './server';
import {showError} from './status';

type Control =
  | HTMLButtonElement
  | HTMLInputElement
  | HTMLSelectElement
  | HTMLTextAreaElement;

const CONTROLS = 'button, input, select, textarea';

/**
 * Runs `work` (the call, and drawing its answer) with every control inside
 * `scope` disabled; null when it failed (the error is shown). Focus returns
 * to the control that had it — or, when `work` redrew it, to the control
 * with the same `data-focus` — unless the user has left the sidebar.
 */
export async function whileBusy<T>(
  scope: HTMLElement,
  work: () => Promise<T>,
): Promise<T | null> {
  const focused = document.activeElement;
  const focusKey = focused instanceof HTMLElement ? focused.dataset.focus : '';
  const controls = [...scope.querySelectorAll<Control>(CONTROLS)].filter(
    c => !c.disabled,
  );
  controls.forEach(c => (c.disabled = true));
  scope.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (e) {
    showError(messageOf(e));
    return null;
  } finally {
    controls.forEach(c => (c.disabled = false));
    scope.removeAttribute('aria-busy');
    // A disabled control loses focus; give it back to the keyboard user.
    const lost =
      document.activeElement === document.body || !document.activeElement;
    if (lost && document.hasFocus() && focused instanceof HTMLElement) {
      const again = focused.isConnected
        ? focused
        : focusKey
          ? document.querySelector<HTMLElement>(
              `[data-focus="${CSS.escape(focusKey)}"]`,
            )
          : null;
      again?.focus();
    }
  }
}

/**
 * Loads a section: "Loading…", then `fetch` while `body` is busy, then
 * `render`. Rejects when the call failed (the error is shown), so a lazy
 * section tries again when it is next opened.
 */
export const loader =
  <T>(fetch: () => Promise<T>, render: (body: HTMLElement, view: T) => void) =>
  async (body: HTMLElement): Promise<void> => {
    fill(body, el('p', {className: 'muted'}, 'Loading…'));
    const view = await whileBusy(body, fetch);
    if (view === null) throw new Error('not loaded');
    render(body, view);
  };
