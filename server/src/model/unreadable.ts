// The files of a homelab the model could not read whole: a Nix file with a
// syntax error, an inventory whose YAML does not parse, a file over the size
// limit or one that could not be read at all. What a consumer builds from such
// a homelab (the deploy plan) is incomplete, and says so naming these files.
import type { Homelab } from './homelab';
import type { Workspace } from './workspace';
import { LineIndex } from '../syntax/lineIndex';

export interface UnreadableFile {
  uri: string;
  /** 1-based line where reading stopped (1 when the whole file was not read). */
  line: number;
  /** Why, in a few words (the parser's first error). */
  message: string;
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

/** The inventory and the `.nix` files of `h` that did not parse or could not be read, by URI. */
export function unreadableFiles(ws: Workspace, h: Homelab): UnreadableFile[] {
  const uris = [...new Set([...(h.inventoryUri ? [h.inventoryUri] : []), ...h.nixFiles])].sort();
  const out: UnreadableFile[] = [];
  for (const uri of uris) {
    const text = ws.text(uri);
    if (text === undefined) {
      // An inventory URI with no file behind it is a homelab without one, not a failed read.
      if (uri !== h.inventoryUri || h.inventory) out.push({ uri, line: 1, message: 'could not be read' });
      continue;
    }
    if (ws.tooLarge(uri)) {
      out.push({ uri, line: 1, message: 'over the size limit (homelab.maxFileSize), not read' });
      continue;
    }
    if (uri.endsWith('.nix')) {
      const first = ws.nixAnalysis(uri)?.diagnostics.find((d) => d.rule === 'nix-syntax');
      if (first) out.push({ uri, line: lineOf(text, first.span.start), message: first.message });
    } else {
      const first = ws.yaml(uri)?.errors[0];
      if (first) out.push({ uri, line: lineOf(text, first.span.start), message: first.message });
    }
  }
  return out;
}
