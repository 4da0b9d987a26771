// The deploy engine's front door for the VS Code side: plan (validate + argv),
// run (spawn, stream, cancel, summarise) and "deploy changed". Plain Node only.
export * from './types';
export { planDeploy, formatIssues, formatPlan, DEFAULT_BRANCH, DEFAULT_CONNECT_TIMEOUT, SETTINGS } from './plan';
export { runDeploy } from './runner';
export { selectChanged, changedMachines, normalizePath, type ChangeInfo, type ChangedDecision, type MachineFiles, type LastDeploy } from './changed';
export { displayCommand, shellQuote, shellJoin } from './quote';
export { redact, LineRedactor, REDACTED } from './redact';
export { checkSshOptions } from './sshOptions';
export { tokenizeTemplate, expandTemplate, PLACEHOLDERS } from './template';
// Trusted deploys: health checks, waves, rollback, history.
export * from './health';
export { remoteAccess, remoteArgv, remoteStep, type RemoteAccess, type RemoteAccessResult } from './remote';
export * from './waves';
export * from './waveRunner';
export * from './rollback';
export * from './history';
