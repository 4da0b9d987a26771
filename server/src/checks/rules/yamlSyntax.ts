// yaml-syntax: the inventory is not valid YAML (including duplicate keys).
import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The inventory is not valid YAML: bad indentation, unclosed brackets, duplicate keys.',
  scope: 'document',
  checkFile(ctx, uri) {
    if (uri !== ctx.homelab.inventoryUri) return [];
    return (ctx.workspace.yaml(uri)?.errors ?? []).map((e) => ({ rule: 'yaml-syntax', uri, span: e.span, message: e.message }));
  },
};
