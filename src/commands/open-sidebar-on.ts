/**
 * Opens the sidebar on one of its sections (Social CRM › Import X archive…).
 * sidebar.html is one inlined file, not a template, so the section travels
 * as an attribute on <body> that the client reads at start
 * (`document.body.dataset.open`).
 */
import {ADDON_TITLE} from '../adapters/ui';

/** Sections the sidebar knows how to open on (sidebar/main.ts). */
export type SidebarSection = 'import';

const BODY = '<body>';

export function openSidebarOn(section: SidebarSection): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').getContent();
  if (!html.includes(BODY)) {
    throw new Error('sidebar.html has no plain <body> tag to mark');
  }
  const marked = html.replace(BODY, `<body data-open="${section}">`);
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutput(marked).setTitle(ADDON_TITLE),
  );
}
