import {EmulatorUsageError} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';
import type {HtmlOutput} from './html';

/** Ui.Button and Ui.ButtonSet: compared by value in scripts (`r === ui.Button.YES`). */
const BUTTON = {
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as const;
const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
type ButtonSet = keyof typeof BUTTON_SET;

const BUTTONS_OF: Record<ButtonSet, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuItemInfo =
  | {caption: string; functionName: string}
  | {separator: true}
  | {caption: string; submenu: MenuItemInfo[]};

export interface MenuInfo {
  caption: string;
  /** True for createAddonMenu() (Extensions > add-on name). */
  addOn: boolean;
  items: MenuItemInfo[];
}

export interface UiLog {
  alerts: {title: string; prompt: string; buttons: string; answer: string}[];
  prompts: {
    title: string;
    prompt: string;
    buttons: string;
    button: string;
    text: string;
  }[];
  toasts: {message: string; title: string; timeoutSeconds: number}[];
  sidebars: {title: string; html: string}[];
  dialogs: {
    modal: boolean;
    title: string;
    html: string;
    width: number | undefined;
    height: number | undefined;
  }[];
}

export function emptyUiLog(): UiLog {
  return {alerts: [], prompts: [], toasts: [], sidebars: [], dialogs: []};
}

/**
 * `SpreadsheetApp.getUi()`. Menus may be built in every mode that has a UI
 * (even AuthMode.NONE); alerts, prompts, sidebars and dialogs need FULL.
 * Alerts and prompts take their answers from the queue the caller gave
 * (Emulator.clickMenu(caption, answers)); an unanswered one takes the
 * affirmative default (OK / YES, empty text).
 */
export class Ui {
  readonly [SERVICE_NAME] = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(private readonly ctx: ServiceContext) {}

  createMenu(caption: string): Menu {
    this.ctx.require('ui.menu', 'Ui.createMenu');
    return new Menu(this.ctx, String(caption), false);
  }

  createAddonMenu(): Menu {
    this.ctx.require('ui.menu', 'Ui.createAddonMenu');
    return new Menu(this.ctx, this.ctx.addOnName, true);
  }

  alert(...args: unknown[]): string {
    this.ctx.require('ui.dialog', 'Ui.alert');
    const {title, prompt, buttons} = dialogArgs(args);
    const answer = this.next();
    const choices = BUTTONS_OF[buttons];
    const button = answer === undefined ? choices[0] : answer.toUpperCase();
    if (!choices.includes(button) && button !== 'CLOSE') {
      throw new EmulatorUsageError(
        `Answer "${answer}" is not a button of the alert "${prompt}" (${choices.join(', ')}, CLOSE).`,
      );
    }
    this.ctx.ui.alerts.push({title, prompt, buttons, answer: button});
    return button;
  }

  /** A prompt answer is the typed text; "[CANCEL]" or "[NO] text" picks another button. */
  prompt(...args: unknown[]): PromptResponse {
    this.ctx.require('ui.dialog', 'Ui.prompt');
    const {title, prompt, buttons} = dialogArgs(args);
    const choices = BUTTONS_OF[buttons];
    const answer = this.next() ?? '';
    const picked = /^\[(\w+)\]\s?([\s\S]*)$/.exec(answer);
    const button = picked ? picked[1].toUpperCase() : choices[0];
    const text = picked ? picked[2] : answer;
    if (!choices.includes(button) && button !== 'CLOSE') {
      throw new EmulatorUsageError(
        `Answer "${answer}" picks no button of the prompt "${prompt}" (${choices.join(', ')}, CLOSE).`,
      );
    }
    this.ctx.ui.prompts.push({title, prompt, buttons, button, text});
    return new PromptResponse(button, text);
  }

  /** Add-on sidebars are 300 px wide whatever setWidth said (PLATFORM.md). */
  showSidebar(output: HtmlOutput): void {
    this.ctx.require('ui.dialog', 'Ui.showSidebar');
    this.ctx.ui.sidebars.push({
      title: output.getTitle(),
      html: output.getContent(),
    });
  }

  showModalDialog(output: HtmlOutput, title: string): void {
    this.ctx.require('ui.dialog', 'Ui.showModalDialog');
    this.dialog(true, output, title);
  }

  showModelessDialog(output: HtmlOutput, title: string): void {
    this.ctx.require('ui.dialog', 'Ui.showModelessDialog');
    this.dialog(false, output, title);
  }

  private dialog(modal: boolean, output: HtmlOutput, title: string): void {
    this.ctx.ui.dialogs.push({
      modal,
      title: String(title),
      html: output.getContent(),
      width: output.getWidth(),
      height: output.getHeight(),
    });
  }

  private next(): string | undefined {
    return this.ctx.execution().answers.shift();
  }
}

/** alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons); prompt() alike. */
function dialogArgs(args: unknown[]): {
  title: string;
  prompt: string;
  buttons: ButtonSet;
} {
  const [a, b, c] = args;
  if (args.length >= 3)
    return {title: String(a), prompt: String(b), buttons: buttonSet(c)};
  return {
    title: '',
    prompt: String(a),
    buttons: args.length === 2 ? buttonSet(b) : 'OK',
  };
}

function buttonSet(value: unknown): ButtonSet {
  const name = String(value);
  if (!(name in BUTTON_SET))
    throw new TypeError(`Invalid argument: buttons (${name})`);
  return name as ButtonSet;
}

export class PromptResponse {
  readonly [SERVICE_NAME] = 'PromptResponse';

  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}

export class Menu {
  readonly [SERVICE_NAME] = 'Menu';
  private readonly items: (MenuItemInfo | Menu)[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly caption: string,
    private readonly addOn: boolean,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.items.push({
      caption: String(caption),
      functionName: String(functionName),
    });
    return this;
  }

  addSeparator(): Menu {
    this.items.push({separator: true});
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.items.push(menu);
    return this;
  }

  addToUi(): void {
    this.ctx.setMenu({
      caption: this.caption,
      addOn: this.addOn,
      items: this.info(),
    });
  }

  private info(): MenuItemInfo[] {
    return this.items.map(item =>
      item instanceof Menu
        ? {caption: item.caption, submenu: item.info()}
        : item,
    );
  }
}
