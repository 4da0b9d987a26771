// A repository's own deploy list, as a deploy source: `deploy-servers.conf`
// at the folder's root and the overlays of the same format beside it
// (`deploy-servers-<anything>.conf`, such as a private list of public
// addresses, read after the main one so its lines win). One machine a line:
//   PROFILE|USER|ADDRESSES|DESCRIPTION|COMMAND|SSH_TIMEOUT
// `@GROUP|ICON` opens a group, `#` starts a comment line, blank lines are
// skipped. ADDRESSES is a comma-separated list of addresses or host names in
// the order they are tried; COMMAND runs in the dotfiles directory on the
// machine with `{DIR}` and `{PROFILE}` standing for that directory and the
// profile name (mapped to our `{dir}` and `{profile}`). A file locked with
// git-crypt is named as locked, not read. Never throws: a line that cannot be
// read is kept as a problem with its place.
import type { Origin } from '../syntax/value';
import type { Num, Str } from './inventory';
import { basenameUri, joinUri } from './uri';

export const DEPLOY_LIST_FILE = 'deploy-servers.conf';
const OVERLAY = /^deploy-servers-[\w.-]+\.conf$/;

export interface DeployListEntry {
  /** The profile (the machine's name) the line deploys. */
  name: Str;
  user?: Str;
  /** Addresses or host names, in the order a deploy tries them. */
  addresses: Str[];
  description?: Str;
  /** The command as written (`{DIR}`, `{PROFILE}`). */
  commandAsWritten?: Str;
  /** The command with its placeholders mapped to ours (`{dir}`, `{profile}`). */
  command?: string;
  /** SSH connect time-out in seconds. */
  connectTimeout?: Num;
  /** The `@GROUP` line above it. */
  group?: string;
  groupIcon?: string;
  /** The whole line, to reveal it. */
  origin: Origin;
}

export interface DeployListFile {
  uri: string;
  /** Locked with git-crypt (or binary): not read. */
  locked: boolean;
}

export interface DeployList {
  files: DeployListFile[];
  /** By machine name; a later file's line replaces an earlier one's. */
  entries: Map<string, DeployListEntry>;
  groups: { name: string; icon?: string; origin: Origin }[];
  problems: { origin: Origin; message: string }[];
}

/** The deploy-list files of a folder: the main list, then its overlays by name. */
export function deployListFiles(root: string, listing: readonly string[]): string[] {
  const top = listing.filter((u) => u.startsWith(`${root}/`) && !u.slice(root.length + 1).includes('/'));
  const main = joinUri(root, DEPLOY_LIST_FILE);
  const overlays = top.filter((u) => OVERLAY.test(decodeURIComponent(basenameUri(u)))).sort();
  return top.includes(main) ? [main, ...overlays] : overlays;
}

/** Our placeholders for the list's own. Others are left as written (the deploy plan names them). */
export function mapPlaceholders(command: string): string {
  return command.replace(/\{DIR\}/g, '{dir}').replace(/\{PROFILE\}/g, '{profile}');
}

/** Reads the deploy-list files (texts in order; undefined = unreadable) into one list. */
export function readDeployList(files: { uri: string; text: string | undefined }[]): DeployList {
  const list: DeployList = { files: [], entries: new Map(), groups: [], problems: [] };
  for (const { uri, text } of files) {
    if (text === undefined) continue;
    // git-crypt's header is NUL "GITCRYPT" NUL; any NUL means the text is not a list.
    const locked = text.includes('\0');
    list.files.push({ uri, locked });
    if (!locked) readOne(uri, text, list);
  }
  return list;
}

function readOne(uri: string, text: string, list: DeployList): void {
  let group: { name: string; icon?: string } | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lead = line.length - line.trimStart().length;
    const lineOrigin: Origin = { uri, span: { start: start + lead, end: start + line.trimEnd().length } };
    // Each field with its own span, trimmed.
    const fields: Str[] = [];
    let at = start + lead;
    for (const part of trimmed.split('|')) {
      const pad = part.length - part.trimStart().length;
      fields.push({ value: part.trim(), origin: { uri, span: { start: at + pad, end: at + pad + part.trim().length } } });
      at += part.length + 1;
    }
    if (trimmed.startsWith('@')) {
      const name = fields[0].value.slice(1).trim();
      group = { name, icon: fields[1]?.value || undefined };
      list.groups.push({ ...group, origin: lineOrigin });
      continue;
    }
    if (fields.length < 3 || fields[0].value === '') {
      list.problems.push({ origin: lineOrigin, message: `expected PROFILE|USER|ADDRESSES|DESCRIPTION|COMMAND|SSH_TIMEOUT, found ${fields.length} field${fields.length === 1 ? '' : 's'}` });
      continue;
    }
    const [name, user, ips, description, command, timeout] = fields;
    const addresses: Str[] = [];
    let p = ips.origin.span.start;
    for (const part of ips.value.split(',')) {
      const pad = part.length - part.trimStart().length;
      const value = part.trim();
      if (value) addresses.push({ value, origin: { uri, span: { start: p + pad, end: p + pad + value.length } } });
      p += part.length + 1;
    }
    const seconds = timeout && /^\d+$/.test(timeout.value) ? Number(timeout.value) : undefined;
    if (timeout && timeout.value !== '' && seconds === undefined) list.problems.push({ origin: timeout.origin, message: `SSH_TIMEOUT \`${timeout.value}\` is not a whole number of seconds` });
    list.entries.set(name.value, {
      name,
      ...(user?.value ? { user } : {}),
      addresses,
      ...(description?.value ? { description } : {}),
      ...(command?.value ? { commandAsWritten: command, command: mapPlaceholders(command.value) } : {}),
      ...(seconds !== undefined && timeout ? { connectTimeout: { value: seconds, origin: timeout.origin } } : {}),
      ...(group ? { group: group.name, ...(group.icon ? { groupIcon: group.icon } : {}) } : {}),
      origin: lineOrigin,
    });
  }
}

/**
 * The dotfiles directory `{DIR}` stands for when nothing else says: the
 * checkout in the deploy user's home (`/home/<user>/.dotfiles`, root's in
 * `/root`), where the list's own deploy script looks for it.
 */
export function listDotfilesDir(user: string | undefined): string | undefined {
  if (!user) return undefined;
  return user === 'root' ? '/root/.dotfiles' : `/home/${user}/.dotfiles`;
}
