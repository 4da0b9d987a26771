// Hover text for clients that show plain text (their `hover.contentFormat`
// prefers `plaintext`, e.g. eglot without markdown-mode): the features write
// Markdown, and this turns it into what a person would have typed in a plain
// note. Bold and code marks go, code fences keep their lines without the
// fences, links keep their text (and the address when it is not the text),
// headings lose their `#`, backslash escapes are undone.

export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? line : plainLine(line));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function plainLine(line: string): string {
  // Inline code first: what is inside it is literal (a `*` in a glob stays).
  const parts = line.split(/(`+)([^`]*?)\1/);
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 3 === 0) text += inline(parts[i]);
    else if (i % 3 === 2) text += parts[i];
  }
  // Two trailing spaces are a Markdown line break; in plain text the newline is one already.
  return text.replace(/^(\s*)#{1,6}\s+/, '$1').replace(/\s+$/, '');
}

function inline(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_, label: string, url: string) => (!url || url === label || url.startsWith('command:') ? label : url.startsWith('file:') || url.startsWith('#') ? label : `${label} (${url})`))
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])\*(?!\s)([^*]+?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
