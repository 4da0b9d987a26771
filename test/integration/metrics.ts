// Figures the suites measure (activation time, ...), written by index.ts into
// the results file so the runner can print them. Not asserted: speed is
// tracked in bench/, these are for the report.
export const metrics: Record<string, number> = {};

export function recordMetric(name: string, value: number): void {
  metrics[name] = value;
  console.log(`  [metric] ${name} = ${value}`);
}
