// nix-unused-binding: a `let` binding nothing uses (a hint, shown faded).
import { nixLayerRule } from './nixLayerRules';

export const nixUnusedBinding = nixLayerRule('nix-unused-binding', 'hint', 'A `let` binding that is never used.');
