// The checks layer's public surface.
export { checkAll, checkAllSteps, checkDocument, checkDocumentQuick } from './run';
export type { EditRegion } from './run';
export { RULES } from './registry';
export { RULE_IDS } from './types';
export type { Diagnostic, RelatedInfo, Rule, RuleId, Severity } from './types';
