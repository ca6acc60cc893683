/**
 * Settings › Connected accounts: for each network, who is connected (never
 * the password or token) with Disconnect, or a small form to connect it;
 * and Sync now. A secret typed here goes to the server once, the field is
 * cleared as soon as the account is connected, and no view ever brings it
 * back. Failures are shown next to the form that caused them.
 */
import type {AccountView, ConnectionsView, Network} from '../src/api';
import {loader, whileBusy} from './busy';
import {el, fill, liveRegion, newId, submitRow} from './dom';
import {instantText, plural} from './format';
import {callServer, messageOf} from './server';
import {announce} from './status';

const NETWORKS: Network[] = ['bluesky', 'mastodon', 'x'];

const TITLES: Record<Network, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
};

/** What Disconnect makes Whuffie forget, in the question it asks. */
const SECRETS: Record<Network, string> = {
  bluesky: 'app password',
  mastodon: 'access token',
  x: 'bearer token',
};

/** X's price for reading a post (SOURCES.md), for the budget's hint. */
const X_DOLLARS_PER_POST = 0.005;

const INTRO =
  'Whuffie reads who liked, reposted, replied to, quoted, mentioned or followed you. Passwords and tokens stay in your own Google account, for this spreadsheet only, and are never shown again.';

type Show = (view: ConnectionsView) => void;

/** Loads the section when it is first opened (Settings' lazy sections). */
export const loadConnections = loader(
  () => callServer('getConnections'),
  renderConnections,
);

function renderConnections(body: HTMLElement, first: ConnectionsView): void {
  const accounts = el('div', {className: 'accounts'});
  const syncSlot = el('div', {className: 'sync-now'});
  const results = liveRegion('ul', 'sync-results');
  const syncButton = el(
    'button',
    {
      className: 'button primary',
      attrs: {type: 'button', 'data-focus': 'sync-now'},
      on: {click: () => void syncNow(body, results, show)},
    },
    'Sync now',
  );
  function show(view: ConnectionsView): void {
    fill(
      accounts,
      NETWORKS.map(network => accountBlock(body, network, view, show)),
    );
    fill(
      syncSlot,
      view.bluesky || view.mastodon || view.x
        ? [
            el('div', {className: 'button-row'}, syncButton),
            view.lastSync
              ? el(
                  'p',
                  {className: 'muted small last-sync'},
                  `Last synced ${instantText(view.lastSync)}.`,
                )
              : '',
            results,
          ]
        : el(
            'p',
            {className: 'muted small'},
            'Connect an account to sync its engagement.',
          ),
    );
  }
  show(first);
  fill(body, el('p', {className: 'muted small'}, INTRO), accounts, syncSlot);
}

async function syncNow(
  body: HTMLElement,
  results: HTMLElement,
  show: Show,
): Promise<void> {
  fill(results);
  await whileBusy(body, async () => {
    try {
      const report = await callServer('syncNow');
      show(report.connections);
      fill(
        results,
        report.lines.map(line =>
          el(
            'li',
            {
              className: report.problems.some(p => line.includes(p))
                ? 'failed'
                : '',
            },
            line,
          ),
        ),
      );
      announce(
        `Sync done: ${plural(report.added, 'new interaction')} in the log.`,
      );
    } catch (e) {
      fill(results, el('li', {className: 'failed'}, messageOf(e)));
    }
  });
}

// ---- One network -------------------------------------------------------------------

function accountBlock(
  body: HTMLElement,
  network: Network,
  view: ConnectionsView,
  show: Show,
): HTMLElement {
  const headingId = newId('account');
  const account = view[network];
  return el(
    'section',
    {className: 'account', attrs: {'aria-labelledby': headingId}},
    el('h3', {attrs: {id: headingId}}, TITLES[network]),
    account
      ? connected(body, network, account, view, show)
      : FORMS[network](body, view, show),
  );
}

/** Under "Connected as": the server it reads, or for X the read budget. */
function detailOf(network: Network, view: ConnectionsView): string {
  const {x} = view;
  if (network === 'x' && x) {
    return `Reads at most ${x.perSync} posts a sync and ${x.perMonth} a month; ${x.usedThisMonth} read this month.`;
  }
  return `Server: ${view[network]?.server ?? ''}`;
}

function connected(
  body: HTMLElement,
  network: Network,
  account: AccountView,
  view: ConnectionsView,
  show: Show,
): HTMLElement {
  return el(
    'div',
    {className: 'connected'},
    el('p', {className: 'connected-as'}, `Connected as ${account.account}`),
    el('p', {className: 'muted small'}, detailOf(network, view)),
    disconnectButton(body, network, show),
  );
}

/** Disconnect asks once more, inline, before Whuffie forgets the secret. */
function disconnectButton(
  body: HTMLElement,
  network: Network,
  show: Show,
): HTMLElement {
  const focusKey = `account:${network}`;
  const wrap = el('div', {className: 'button-row'});
  const button = (
    text: string,
    kind: 'primary' | 'secondary',
    click: () => void,
  ) =>
    el(
      'button',
      {
        className: `button ${kind} small`,
        attrs: {type: 'button', 'data-focus': focusKey},
        on: {click},
      },
      text,
    );
  const ask = button('Disconnect', 'secondary', () => {
    fill(
      wrap,
      el(
        'span',
        {className: 'small'},
        `Disconnect ${TITLES[network]}? Whuffie forgets its ${SECRETS[network]} and where its sync stopped.`,
      ),
      yes,
      cancel,
    );
    yes.focus();
  });
  const yes = button('Disconnect', 'primary', () => {
    void whileBusy(body, async () => {
      show(await callServer('disconnectAccount', network));
      announce(
        `Disconnected ${TITLES[network]}. Whuffie no longer keeps its ${SECRETS[network]}.`,
      );
    });
  });
  const cancel = button('Cancel', 'secondary', () => {
    fill(wrap, ask);
    ask.focus();
  });
  fill(wrap, ask);
  return wrap;
}

// ---- The forms -----------------------------------------------------------------------

interface FieldSpec {
  label: string;
  type?: 'text' | 'password' | 'number';
  value?: string | number;
  placeholder?: string;
  hint?: string;
  min?: number;
}

function field(spec: FieldSpec): {row: HTMLElement; input: HTMLInputElement} {
  const id = newId('connect');
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const input = el('input', {
    attrs: {
      id,
      type: spec.type ?? 'text',
      value: spec.value,
      placeholder: spec.placeholder,
      min: spec.min,
      // Handles and tokens are not words: no spelling fixes, no capitals,
      // and no password manager filling in someone's main password.
      autocomplete: 'off',
      autocapitalize: 'none',
      spellcheck: 'false',
      'aria-describedby': hintId,
    },
  });
  const row = el(
    'div',
    {className: 'field'},
    el('label', {attrs: {for: id}}, spec.label),
    input,
    spec.hint &&
      el('span', {className: 'muted small', attrs: {id: hintId}}, spec.hint),
  );
  return {row, input};
}

const optionalNumber = (input: HTMLInputElement) =>
  Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber;

/**
 * A network's form: a how-to line, its fields, Connect, and a live region
 * for what went wrong. `send` makes the call; the secret field is cleared
 * once it succeeded.
 */
function connectForm(
  body: HTMLElement,
  network: Network,
  howTo: string,
  rows: HTMLElement[],
  secret: HTMLInputElement,
  send: () => Promise<ConnectionsView>,
  show: Show,
): HTMLElement {
  const howToId = newId('how-to');
  const message = liveRegion('p', 'form-message');
  const form: HTMLFormElement = el(
    'form',
    {
      className: 'connect-form',
      // The server checks every value and says what is wrong in words.
      attrs: {novalidate: true, 'aria-describedby': howToId},
      on: {
        submit: e => {
          e.preventDefault();
          fill(message);
          message.classList.remove('failed');
          void whileBusy(body, async () => {
            try {
              const view = await send();
              secret.value = '';
              show(view);
              announce(
                `Connected to ${TITLES[network]} as ${view[network]?.account ?? ''}.`,
              );
            } catch (e) {
              message.classList.add('failed');
              fill(message, messageOf(e));
            }
          });
        },
      },
    },
    el('p', {className: 'muted small', attrs: {id: howToId}}, howTo),
    rows,
    submitRow(`Connect ${TITLES[network]}`, `account:${network}`),
    message,
  );
  return form;
}

const FORMS: Record<
  Network,
  (body: HTMLElement, view: ConnectionsView, show: Show) => HTMLElement
> = {
  bluesky: (body, view, show) => {
    const handle = field({label: 'Handle', placeholder: 'tigers.bsky.social'});
    const password = field({
      label: 'App password',
      type: 'password',
      placeholder: 'xxxx-xxxx-xxxx-xxxx',
      hint: 'Never your main password.',
    });
    const server = field({
      label: 'Server',
      value: view.defaults.blueskyServer,
      hint: 'Change it only if your account is hosted elsewhere.',
    });
    return connectForm(
      body,
      'bluesky',
      'Create an app password for Whuffie in Bluesky › Settings › Privacy and security › App passwords › Add.',
      [handle.row, password.row, server.row],
      password.input,
      () =>
        callServer('connectBluesky', {
          handle: handle.input.value,
          appPassword: password.input.value,
          server: server.input.value,
        }),
      show,
    );
  },
  mastodon: (body, _view, show) => {
    const account = field({label: 'Account', placeholder: '@you@your.server'});
    const token = field({label: 'Access token', type: 'password'});
    const server = field({
      label: 'API server (optional)',
      placeholder: 'https://your.server',
      hint: 'Only if the API is not at your account’s server.',
    });
    return connectForm(
      body,
      'mastodon',
      'On your server: Preferences › Development › New application, with the read:notifications scope (and read:accounts only if your account hides who follows it); then copy “Your access token”.',
      [account.row, token.row, server.row],
      token.input,
      () =>
        callServer('connectMastodon', {
          account: account.input.value,
          token: token.input.value,
          server: server.input.value,
        }),
      show,
    );
  },
  x: (body, view, show) => {
    const token = field({label: 'Bearer token', type: 'password'});
    const user = field({label: 'Username or id', placeholder: '@yourorg'});
    const perSync = field({
      label: 'Posts per sync',
      type: 'number',
      value: view.defaults.xPerSync,
      min: 5,
    });
    const perMonth = field({
      label: 'Posts per month',
      type: 'number',
      value: view.defaults.xPerMonth,
      min: 1,
    });
    const cost = el('p', {
      className: 'muted small',
      attrs: {id: newId('x-cost')},
    });
    perMonth.input.setAttribute('aria-describedby', cost.id);
    const price = () => {
      const posts = optionalNumber(perMonth.input) ?? view.defaults.xPerMonth;
      fill(
        cost,
        `X charges about $${X_DOLLARS_PER_POST} per post read: ${posts} posts a month cost about $${(posts * X_DOLLARS_PER_POST).toFixed(2)}. A user read (who retweeted you) counts as two posts.`,
      );
    };
    perMonth.input.addEventListener('input', price);
    price();
    const server = field({
      label: 'API server (optional)',
      placeholder: view.defaults.xServer,
    });
    return connectForm(
      body,
      'x',
      'The bearer token of your X developer app (developer console › your app › Keys and tokens), and whose mentions to read.',
      [
        token.row,
        user.row,
        el('div', {className: 'field-pair'}, perSync.row, perMonth.row),
        cost,
        server.row,
      ],
      token.input,
      () =>
        callServer('connectX', {
          token: token.input.value,
          user: user.input.value,
          perSync: optionalNumber(perSync.input),
          perMonth: optionalNumber(perMonth.input),
          server: server.input.value,
        }),
      show,
    );
  },
};
