// The one list of rules. Adding a rule: write rules/<name>.ts, add its id to
// RULE_IDS in types.ts and list it here; docs/rules.md is checked against this list.
import { calendarFormat } from './rules/calendarFormat';
import { deployTargetMismatch } from './rules/deployTargetMismatch';
import { deployUnsafeValue } from './rules/deployUnsafeValue';
import { deprecatedSetting } from './rules/deprecatedSetting';
import { encryptedFile } from './rules/encryptedFile';
import { fileTooLarge } from './rules/fileTooLarge';
import { gatewayOutsideNetwork } from './rules/gatewayOutsideNetwork';
import { inventoryProfileMismatch } from './rules/inventoryProfileMismatch';
import { inventorySchemaRule } from './rules/inventorySchema';
import { ipDuplicate } from './rules/ipDuplicate';
import { ipFormat } from './rules/ipFormat';
import { machineNameClash } from './rules/machineNameClash';
import { discoveryStopped } from './rules/discoveryStopped';
import { nixEvalDisagreement } from './rules/nixEvalDisagreement';
import { ipOutsideNetwork } from './rules/ipOutsideNetwork';
import { monitoringCoverage } from './rules/monitoringCoverage';
import { networkOverlap } from './rules/networkOverlap';
import { nixosOptionType } from './rules/nixosOptionType';
import { nixosRenamedOption } from './rules/nixosRenamedOption';
import { nixosUnknownOption } from './rules/nixosUnknownOption';
import { nixDuplicateAttribute } from './rules/nixDuplicateAttribute';
import { nixPipeOperator } from './rules/nixPipeOperator';
import { nixSyntax } from './rules/nixSyntax';
import { nixUndefinedVariable } from './rules/nixUndefinedVariable';
import { nixUnusedBinding } from './rules/nixUnusedBinding';
import { portConflict } from './rules/portConflict';
import { portNotOpen } from './rules/portNotOpen';
import { proxmoxAddressDrift } from './rules/proxmoxAddressDrift';
import { proxmoxContainerMissing } from './rules/proxmoxContainerMissing';
import { proxmoxContainerStopped } from './rules/proxmoxContainerStopped';
import { proxmoxHostnameDrift } from './rules/proxmoxHostnameDrift';
import { proxmoxNodeDrift } from './rules/proxmoxNodeDrift';
import { proxmoxTagsDrift } from './rules/proxmoxTagsDrift';
import { proxmoxUnmanagedContainer } from './rules/proxmoxUnmanagedContainer';
import { proxmoxVmidDrift } from './rules/proxmoxVmidDrift';
import { settingEnum } from './rules/settingEnum';
import { settingType } from './rules/settingType';
import { unknownReference } from './rules/unknownReference';
import { unknownScrapeTarget } from './rules/unknownScrapeTarget';
import { unknownSetting } from './rules/unknownSetting';
import { unusedSetting } from './rules/unusedSetting';
import { updateNotStaggered } from './rules/updateNotStaggered';
import { vmidDuplicate } from './rules/vmidDuplicate';
import { yamlSyntax } from './rules/yamlSyntax';
import type { Rule, RuleId } from './types';

export const RULES: readonly Rule[] = [
  nixSyntax,
  nixUndefinedVariable,
  nixDuplicateAttribute,
  nixUnusedBinding,
  nixPipeOperator,
  encryptedFile,
  yamlSyntax,
  fileTooLarge,
  inventorySchemaRule,
  unknownSetting,
  settingType,
  settingEnum,
  deprecatedSetting,
  unusedSetting,
  ipFormat,
  ipOutsideNetwork,
  ipDuplicate,
  gatewayOutsideNetwork,
  networkOverlap,
  unknownReference,
  inventoryProfileMismatch,
  portNotOpen,
  portConflict,
  monitoringCoverage,
  unknownScrapeTarget,
  updateNotStaggered,
  calendarFormat,
  vmidDuplicate,
  deployUnsafeValue,
  deployTargetMismatch,
  machineNameClash,
  discoveryStopped,
  nixEvalDisagreement,
  nixosUnknownOption,
  nixosOptionType,
  nixosRenamedOption,
  proxmoxVmidDrift,
  proxmoxNodeDrift,
  proxmoxHostnameDrift,
  proxmoxAddressDrift,
  proxmoxTagsDrift,
  proxmoxContainerStopped,
  proxmoxContainerMissing,
  proxmoxUnmanagedContainer,
];
