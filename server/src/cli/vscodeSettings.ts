// Reads the `homelab.*` settings of a folder's .vscode/settings.json (JSON with
// comments), so the command line honours the same rule severities and paths
// as the editor.
import type { HomelabSettings } from '../model/settings';

function stripJsonc(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function parse(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const raw: unknown = JSON.parse(stripJsonc(text));
    return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `homelab.options.sources`: extra module trees for the option index (the server reads it from the client's configuration). */
export function optionSourcesFromVscode(text: string | undefined): string[] {
  const v = parse(text)?.['homelab.options.sources'];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function settingsFromVscode(text: string | undefined): Partial<HomelabSettings> {
  const raw = parse(text);
  if (!raw) return {};
  const s: Partial<HomelabSettings> = {};
  const str = (k: string): string | undefined => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  if (str('homelab.inventory') !== undefined) s.inventory = str('homelab.inventory');
  if (str('homelab.profiles')) s.profiles = str('homelab.profiles');
  if (str('homelab.defaultsFile')) s.defaultsFile = str('homelab.defaultsFile');
  if (Array.isArray(raw['homelab.schemas'])) s.schemas = (raw['homelab.schemas'] as unknown[]).filter((x): x is string => typeof x === 'string');
  if (typeof raw['homelab.maxFileSize'] === 'number') s.maxFileSize = raw['homelab.maxFileSize'] as number;
  if (Array.isArray(raw['homelab.exclude'])) s.exclude = (raw['homelab.exclude'] as unknown[]).filter((x): x is string => typeof x === 'string');
  const rules = raw['homelab.rules'];
  if (rules && typeof rules === 'object') s.rules = rules as HomelabSettings['rules'];
  return s;
}
