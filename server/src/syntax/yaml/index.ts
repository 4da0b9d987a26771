// The YAML front end's public surface.
export { parseYaml } from './parseYaml';
export type { YamlError, YamlParseResult } from './parseYaml';
