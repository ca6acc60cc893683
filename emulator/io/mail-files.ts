/**
 * Sent emails as files (`--mail-dir`): `NNN-<subject>.json` with the message's
 * fields and `NNN-<subject>.html` to open in a browser. Numbers continue
 * after the highest already in the folder, so chained runs add to it.
 */
import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {UserError} from '../../src/core/errors';
import {escapeHtml} from '../services/html';
import type {SentMail} from '../services/mail';
import {fileProblem} from './file-problems';

/** A readable, portable file name part: "Reach out today: 3 people" → "reach-out-today-3-people". */
function slugOf(subject: string): string {
  const slug = subject
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return slug || 'message';
}

function pageOf(mail: SentMail): string {
  if (mail.htmlBody !== undefined) return mail.htmlBody;
  return (
    '<!doctype html>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(mail.subject)}</title>\n` +
    `<pre>${escapeHtml(mail.body)}</pre>\n`
  );
}

/** Writes each mail; returns the paths written, as `dir` was given. */
export async function writeMailFiles(
  dir: string,
  mails: readonly SentMail[],
  cwd = '.',
): Promise<string[]> {
  const full = resolve(cwd, dir);
  try {
    await mkdir(full, {recursive: true});
    let number = highestNumberIn(await readdir(full));
    const written: string[] = [];
    for (const mail of mails) {
      const base = `${String(++number).padStart(3, '0')}-${slugOf(mail.subject)}`;
      const fields = {
        to: mail.to,
        cc: mail.cc ?? null,
        bcc: mail.bcc ?? null,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody ?? null,
      };
      await writeFile(
        join(full, `${base}.json`),
        JSON.stringify(fields, null, 2) + '\n',
      );
      await writeFile(join(full, `${base}.html`), pageOf(mail));
      written.push(join(dir, `${base}.json`), join(dir, `${base}.html`));
    }
    return written;
  } catch (e) {
    throw new UserError(`cannot write emails to ${dir}: ${fileProblem(e)}`);
  }
}

function highestNumberIn(names: string[]): number {
  let highest = 0;
  for (const name of names) {
    const match = /^(\d{3,})-/.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}
