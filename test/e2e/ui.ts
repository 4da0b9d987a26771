// Playwright steps on code-server's workbench that the UI scenarios share:
// which folder to open, opening the Homelab view, reading its tree, opening
// files, running palette commands, and saving screenshots for the README.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from './compile-integration.mjs';
import { tempDir } from './codeServer';

/** examples/homelab, or the minimal fixture while the example is missing. */
export function homelabFolder(): string {
  const example = join(repoRoot, 'examples', 'homelab');
  return exampleCopy(existsSync(join(example, 'homelab.yaml')) ? example : join(repoRoot, 'test', 'fixtures', 'e2e', 'homelab'));
}

/**
 * A private copy of an example folder for one run: the suites and scenarios
 * type into profiles, and a run that fails midway must never leave the
 * repository's examples edited.
 */
export function exampleCopy(folder: string): string {
  const copy = join(tempDir('example'), basename(folder));
  cpSync(folder, copy, { recursive: true });
  return copy;
}

/** Clicks the Homelab icon of the activity bar and waits for its view. */
export async function openHomelabView(page: Page): Promise<void> {
  const icon = page.locator('.activitybar a.action-label[aria-label^="Homelab"]');
  await icon.waitFor({ state: 'visible', timeout: 60_000 });
  // The item, not its label: once diagnostics arrive, the problem-count badge lies over the label and takes the click.
  await page.locator('.activitybar li.action-item', { has: page.locator('a.action-label[aria-label^="Homelab"]') }).click();
  // With a single view the pane header is hidden; the sidebar title names the container.
  await page.locator('.part.sidebar .composite.title h2', { hasText: /homelab/i }).waitFor({ timeout: 15_000 });
}

/**
 * The visible rows of the sidebar's tree, as text, once every string (or
 * pattern) of `expected` appears in them (the tree fills in when the server answers).
 */
export async function treeRows(page: Page, expected: (string | RegExp)[], timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: string[] = [];
  for (;;) {
    rows = (await page.locator('.part.sidebar .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const text = rows.join('\n');
    if (expected.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)))) return rows;
    if (Date.now() > deadline) {
      const sidebar = await page.locator('.part.sidebar').innerText().catch(() => '(no sidebar)');
      throw new Error(`the tree did not show ${expected.map(String).join(', ')} within ${timeoutMs / 1000} s; the sidebar shows:\n${sidebar}`);
    }
    await page.waitForTimeout(200);
  }
}

/**
 * Saves a screenshot of the whole window (1280×800) for the README. Ordinary
 * runs write docs/images/<name>.tmp.png (git-ignored) so a test run leaves
 * the committed images alone; HOMELAB_E2E_SCREENSHOTS=update writes
 * docs/images/<name> itself.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  const update = process.env.HOMELAB_E2E_SCREENSHOTS === 'update';
  const file = join(dir, update ? name : name.replace(/\.png$/, '.tmp.png'));
  await page.screenshot({ path: file, type: 'png' });
  return file;
}

export /** Opens a file of the workspace through Quick Open and waits for its tab. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 45_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

export /** Runs a palette command by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

export /** The element's text (non-breaking spaces as spaces) once it matches `pattern`. */
async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await locator.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${pattern} did not appear within ${timeoutMs / 1000} s; the element shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export /** Moves the mouse out of the way and lets progress bars and tooltips go. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(1000, 700);
  await page.waitForTimeout(800);
}
