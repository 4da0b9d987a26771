// Nix 2.8 prints `let` bindings in the order of its symbol table (names that
// existed before parsing — builtins and evaluator names — first, then in the
// order the parser met them). This reproduces that order for the normal-form
// printer; it is an approximation documented in the differential test.
import { lex } from '../../../server/src/syntax/nix/lexer';
import { Tok as TokEnum, tokenValue } from '../../../server/src/syntax/nix/tokens';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;
type Tok = TokEnum;

/** Symbols Nix 2.8 creates before parsing, in creation order (probed with nix-instantiate). */
const PREEXISTING = `meta name value system __overrides outputs outputName __ignoreNulls file line column outPath drvPath type __functor __toString right wrong __structuredAttrs builder args __contentAddressed __impure outputHash outputHashAlgo outputHashMode recurseForDerivations description self startSet operator key path prefix builtins __currentTime currentTime __currentSystem currentSystem __nixVersion nixVersion __storeDir storeDir __langVersion langVersion __nixPath nixPath scopedImport import __typeOf typeOf isNull __isFunction isFunction __isInt isInt __isFloat isFloat __isString isString __isBool isBool __isPath isPath __genericClosure genericClosure abort throw __addErrorContext addErrorContext __ceil ceil __floor floor __tryEval tryEval __getEnv getEnv __seq seq __deepSeq deepSeq __trace trace derivationStrict placeholder __toPath toPath __storePath storePath __pathExists pathExists baseNameOf dirOf __readFile readFile __findFile findFile __hashFile hashFile __readDir readDir __toXML toXML __toJSON toJSON __fromJSON fromJSON __toFile toFile __filterSource filterSource __path __attrNames attrNames __attrValues attrValues __getAttr getAttr __unsafeGetAttrPos unsafeGetAttrPos __hasAttr hasAttr __isAttrs isAttrs removeAttrs __listToAttrs listToAttrs __intersectAttrs intersectAttrs __catAttrs catAttrs __functionArgs functionArgs __mapAttrs mapAttrs __zipAttrsWith zipAttrsWith __isList isList __elemAt elemAt __head head __tail tail map __filter filter __elem elem __concatLists concatLists __length length __any any __all all __genList genList __sort sort __partition partition __groupBy groupBy __concatMap concatMap __add add __sub sub __mul mul __div div __bitAnd bitAnd __bitOr bitOr __bitXor bitXor __lessThan lessThan toString __substring substring __stringLength stringLength __hashString hashString __match match __split split __concatStringsSep concatStringsSep __replaceStrings replaceStrings __parseDrvName parseDrvName __compareVersions compareVersions __splitVersion splitVersion __unsafeDiscardStringContext unsafeDiscardStringContext __hasContext hasContext __unsafeDiscardOutputDependency unsafeDiscardOutputDependency __getContext getContext __appendContext appendContext fetchMercurial fetchTree __fetchurl fetchurl fetchTarball fetchGit fromTOML derivation`.split(' ');

export function letOrder(text: string): (names: string[]) => string[] {
  let rank: Map<string, number> | undefined;
  const build = () => {
    const r = new Map<string, number>();
    PREEXISTING.forEach((n, i) => r.set(n, i - PREEXISTING.length));
    const t = lex(text);
    for (let i = 0; i < t.count; i++) {
      const k = t.kind[i];
      let name: string | undefined;
      if (k === Tok.ID) {
        const next = t.kind[i + 1];
        // A lambda's parameter is created only after its body has been parsed.
        if (next === Tok.COLON || next === Tok.AT) continue;
        name = text.slice(t.start[i], t.end[i]);
      } else if (k === Tok.STR && t.kind[i - 1] === Tok.DQUOTE_OPEN && t.kind[i + 1] === Tok.DQUOTE_CLOSE) {
        name = tokenValue(t, i);
      }
      if (name !== undefined && !r.has(name)) r.set(name, i);
    }
    return r;
  };
  return (names) => {
    rank ??= build();
    const r = rank;
    return [...names].sort((a, b) => (r.get(a) ?? Infinity) - (r.get(b) ?? Infinity));
  };
}
