// encrypted-file: a git-crypt or sops encrypted, or binary, `.nix` file; it is not parsed and
// values imported from it are unknown (never errors). Reported only on a file
// open in the editor, where it explains why nothing else is shown: encrypted
// secrets are normal in a homelab repository and must not clutter a CI run.
import type { Rule } from '../types';

export const encryptedFile: Rule = {
  id: 'encrypted-file',
  defaultSeverity: 'info',
  description: 'A git-crypt or sops encrypted, or binary, file (shown when it is open): not parsed, values read from it are treated as unknown.',
  scope: 'document',
  checkFile(ctx, uri) {
    if (!uri.endsWith('.nix') || !ctx.workspace.docs.isOpen(uri)) return [];
    const a = ctx.workspace.nixAnalysis(uri);
    if (!a?.unparseable) return [];
    const fromLayer = a.diagnostics.find((d) => d.rule === 'encrypted-file');
    const message =
      fromLayer?.message ??
      (a.unparseable === 'git-crypt'
        ? 'This file is encrypted with git-crypt: it is not checked, and values imported from it are unknown. Run `git-crypt unlock` to check it.'
        : a.unparseable === 'sops'
          ? 'This file is encrypted with sops: it is not checked, and values imported from it are unknown. Decrypt it (`sops -d`) to check it.'
          : 'This file is binary: it is not checked, and values imported from it are unknown.');
    return [{ rule: 'encrypted-file', uri, span: fromLayer?.span ?? { start: 0, end: 0 }, message }];
  },
};
