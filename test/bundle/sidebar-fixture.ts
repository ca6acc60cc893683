/**
 * The small tracker the sidebar's tests share (bundle and browser): five
 * people set up through the menu, Maya with a retweet 2 days ago and our
 * thank-you 9 days ago, scores refreshed.
 */
import type {Emulator} from '../../emulator';
import {NOW, idOf, logRow, seedLog, trackerWith} from './harness';

export {NOW, idOf};
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY);
export const EVIL = '<img src=x onerror=alert(1)>';

export function sidebarPeople(evilTags = ''): unknown[][] {
  return [
    ['Name', 'Email', 'Twitter', 'Birthday', 'Tags'],
    ['Maya Ode', 'maya@example.org', '@maya_ode', '1990-03-12', 'Donor'],
    ['Tom Reed', 'tom@example.org', '@tomreed', '', ''],
    ['Ana Lima', 'ana@example.org', '', '', 'Volunteer'],
    ['Raj Patel', 'raj@example.org', '@rajp', '', ''],
    [EVIL, 'evil@example.org', '', '', evilTags],
  ];
}

export function sidebarTracker(people = sidebarPeople()): Emulator {
  const emu = trackerWith(people);
  const maya = idOf(emu, 'Maya Ode');
  const row = (days: number, direction: string, kind: string, note = '') =>
    logRow(ago(days), maya, direction, kind, note);
  seedLog(emu, [
    row(2, 'inbound', 'retweet', 'Cub cam'),
    row(9, 'outbound', 'thanks'),
  ]);
  emu.clickMenu('Refresh scores');
  return emu;
}
