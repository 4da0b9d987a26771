// nix-duplicate-attribute: an attribute defined twice in one set, which Nix rejects.
import { nixLayerRule } from './nixLayerRules';

export const nixDuplicateAttribute = nixLayerRule('nix-duplicate-attribute', 'error', 'An attribute defined twice in the same attribute set.');
