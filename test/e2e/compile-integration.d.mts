// Types of compile-integration.mjs for the TypeScript side of the harness.
export declare const repoRoot: string;
export declare function compileIntegrationSuites(): Promise<string>;
