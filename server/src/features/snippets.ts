// The shipped snippets (snippets/*.json, also contributed to VS Code directly)
// served by completion where they fit, with their placeholder defaults filled
// from the homelab: a free address, the next vmid, the container's name.
interface SnippetFile {
  [name: string]: { prefix?: string | string[]; description?: string; body: string | string[] };
}

let files: { nix: SnippetFile; yaml: SnippetFile } | undefined;

function load(): { nix: SnippetFile; yaml: SnippetFile } {
  if (files) return files;
  const read = (f: () => unknown): SnippetFile => {
    try {
      const v = f();
      return v && typeof v === 'object' ? (v as SnippetFile) : {};
    } catch {
      return {};
    }
  };
  files = {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- static require so esbuild inlines the JSON
    nix: read(() => require('../../../snippets/nix.json')),
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- static require so esbuild inlines the JSON
    yaml: read(() => require('../../../snippets/homelab-yaml.json')),
  };
  return files;
}

export function snippetBody(file: 'nix' | 'yaml', name: string): string | undefined {
  const s = load()[file][name];
  if (!s) return undefined;
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

export function snippetDescription(file: 'nix' | 'yaml', name: string): string | undefined {
  return load()[file][name]?.description;
}

/** Replaces the default of the first placeholder on the first line that contains `lineMark`. */
export function withDefault(body: string, lineMark: string, value: string): string {
  const lines = body.split('\n');
  const i = lines.findIndex((l) => l.includes(lineMark));
  if (i < 0) return body;
  const at = lines[i].indexOf(lineMark);
  const head = lines[i].slice(0, at);
  const tail = lines[i].slice(at).replace(/\$\{(\d+):[^}]*\}/, (_m, n: string) => `\${${n}:${value.replace(/[$}\\]/g, '\\$&')}}`);
  lines[i] = head + tail;
  return lines.join('\n');
}

/** Replaces the default of placeholder `n` everywhere (`${n:old}` → `${n:value}`). */
export function withPlaceholder(body: string, n: number, value: string): string {
  return body.replace(new RegExp(`\\$\\{${n}:[^}]*\\}`, 'g'), `\${${n}:${value.replace(/[$}\\]/g, '\\$&')}}`);
}
