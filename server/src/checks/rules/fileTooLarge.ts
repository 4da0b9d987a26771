// file-too-large: a profile or inventory over `homelab.maxFileSize` is not parsed;
// one information diagnostic says so instead of silently skipping it.
import type { Rule } from '../types';

export const fileTooLarge: Rule = {
  id: 'file-too-large',
  defaultSeverity: 'info',
  description: 'A file larger than `homelab.maxFileSize` bytes is not parsed or checked.',
  scope: 'document',
  checkFile(ctx, uri) {
    if (!ctx.workspace.tooLarge(uri)) return [];
    const size = ctx.workspace.docs.size(uri) ?? 0;
    return [
      {
        rule: 'file-too-large',
        uri,
        span: { start: 0, end: 0 },
        message: `This file is ${size} bytes, over the ${ctx.homelab.settings.maxFileSize}-byte limit (\`homelab.maxFileSize\`): it is not parsed or checked.`,
      },
    ];
  },
};
