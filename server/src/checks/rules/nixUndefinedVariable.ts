// nix-undefined-variable: a variable that is bound nowhere (outside any `with`), as Nix reports it.
import { nixLayerRule } from './nixLayerRules';

export const nixUndefinedVariable = nixLayerRule('nix-undefined-variable', 'error', 'A variable that no `let`, function argument, `rec` set or builtin defines.');
