// nix-pipe-operator: a `|>` or `<|` in a repository that does not turn on Nix's
// experimental `pipe-operators` feature. The file is still read whole (the
// parser reads pipes as the calls they are); the warning says what to enable,
// once per operator, since Nix would stop at the first one.
import * as A from '../../syntax/nix/ast';
import { parseNixShared } from '../../syntax/nix/parseCache';
import type { Finding, Rule } from '../types';

export const nixPipeOperator: Rule = {
  id: 'nix-pipe-operator',
  defaultSeverity: 'warning',
  description: "A pipe operator (`|>`, `<|`) where the repository does not enable Nix's `pipe-operators` experimental feature.",
  scope: 'document',
  checkFile(ctx, uri) {
    if (!uri.endsWith('.nix') || ctx.homelab.pipeOperators || ctx.workspace.tooLarge(uri)) return [];
    const text = ctx.workspace.text(uri);
    if (text === undefined || (!text.includes('|>') && !text.includes('<|'))) return [];
    const out: Finding[] = [];
    const walk = (n: A.Node): void => {
      if (n.type === 'Apply' && n.pipe) {
        out.push({
          rule: 'nix-pipe-operator',
          uri,
          span: n.pipe.opSpan,
          message:
            `'${n.pipe.op}' needs Nix's experimental feature 'pipe-operators', which this repository does not enable: ` +
            `add nixConfig.extra-experimental-features = [ "pipe-operators" ]; to its flake.nix, or "pipe-operators" to ` +
            'nix.settings.experimental-features on the machines that build it.',
        });
      }
      A.forEachChild(n, walk);
    };
    walk(parseNixShared(text).root);
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};
