// nix-syntax: a Nix file that Nix would refuse to parse (reported by the Nix layer).
import { nixLayerRule } from './nixLayerRules';

export const nixSyntax = nixLayerRule('nix-syntax', 'error', 'Nix syntax errors: text that `nix-instantiate --parse` would reject.');
