# The option set of a module tree as Nix itself evaluates it, for
# bench/optionTruth (driven by truth.ts):
#   nix-instantiate --eval --strict --json eval.nix --argstr cfgFile <json file>
# with nixpkgs' own `lib`, the stand-in `pkgs` of pkgs.nix and the stand-in
# nixpkgs files of ./nixpkgs. Modes:
#   "sets": the option sets (`programs.git`, `home.file`, …) to walk;
#   "walk": every option below the sets in `only` (all when null), each with
#     its path, `type.description` and declaring files, sub-options included
#     (`type.getSubOptions`), down to `maxDepth` segments.
# With `eitherBranches`, `either` / `oneOf` types list the sub-options of both
# branches (what Home Manager's manual shows; stock nixpkgs lists none).
{ cfgFile }:
let
  cfg = builtins.fromJSON (builtins.readFile cfgFile);
  stockLib = import (cfg.lib + "/lib");

  # `either` with the sub-options of both its branches; `oneOf` rebuilt on it
  # (nixpkgs' `oneOf` folds the `either` of its own scope).
  branchLib = stockLib.extend (
    self: super: {
      types = super.types // {
        either =
          t1: t2:
          super.types.either t1 t2
          // {
            # Recursive value types (`valueType = either str (attrsOf valueType)`) end at the depth cap.
            getSubOptions =
              prefix:
              if builtins.length prefix > cfg.maxDepth then
                { }
              else
                let
                  s1 = t1.getSubOptions prefix;
                  s2 = t2.getSubOptions prefix;
                in
                # Both branches kept where they share a name: each option's own `loc` is its path
                # (`either (listOf sub) (attrsOf sub)` lists `*.x` and `<name>.x`).
                s1 // super.mapAttrs' (n: v: super.nameValuePair (if s1 ? ${n} then "${n} (second branch)" else n) v) s2;
          };
        oneOf = ts: builtins.foldl' self.types.either (builtins.head ts) (builtins.tail ts);
      };
    }
  );
  lib = if cfg.eitherBranches then branchLib else stockLib;

  pkgs = import ./pkgs.nix {
    inherit lib;
    path = /. + cfg.nixpkgs;
    names = cfg.pkgsNames;
  };
  tree = /. + cfg.tree;

  homeManager =
    let
      hmLib = import (tree + "/modules/lib/stdlib-extended.nix") lib;
      modules = import (tree + "/modules/modules.nix") {
        inherit pkgs;
        lib = hmLib;
        check = false;
      };
    in
    hmLib.evalModules {
      modules = modules ++ [
        {
          _module.args.pkgs = lib.mkForce pkgs;
          _module.check = false;
        }
      ];
      class = "homeManager";
      specialArgs.modulesPath = toString (tree + "/modules");
    };

  # Stylix's modules for one platform class (stylix/<class>: its own
  # autoload of modules/<target>/<class>.nix), on no host: option
  # declarations do not read the host's options.
  stylix = lib.evalModules {
    modules = [
      (tree + "/stylix/${cfg.stylixClass}")
      ./host.nix
      {
        _module.args.pkgs = pkgs;
        _module.check = false;
      }
    ];
    specialArgs.modulesPath = cfg.nixpkgs + "/nixos/modules";
  };

  evaluated =
    if cfg.kind == "home-manager" then
      homeManager
    else if cfg.kind == "stylix" then
      stylix
    else
      throw "unknown tree kind ${cfg.kind}";
  options = builtins.removeAttrs evaluated.options [ "_module" ];

  isOption = v: builtins.isAttrs v && (v._type or null) == "option";

  sets = builtins.concatMap (
    n:
    let
      v = options.${n};
    in
    if isOption v || !builtins.isAttrs v then
      [ [ n ] ]
    else
      map (m: [ n m ]) (builtins.attrNames v)
  ) (builtins.attrNames options);

  describe = t: t.description or "<no description>";

  # A sub-option of an inline submodule (`submodule { options = …; }`) is declared in
  # "<unknown-file>": it is the parent option's file that declares it.
  walkOption =
    depth: parentFiles: o:
    let
      own = map toString (o.declarations or [ ]);
      files = if own == [ ] || builtins.all (f: f == "<unknown-file>") own then parentFiles else own;
    in
    [
      {
        path = o.loc;
        type = describe o.type;
        inherit files;
      }
    ]
    # `visible = "shallow"` (a whole configuration as one option's type) lists no sub-options, as in the manual.
    ++ (
      if depth >= cfg.maxDepth || (o.visible or true) == "shallow" then
        [ ]
      else
        walkTree (depth + 1) files (o.type.getSubOptions o.loc)
    );

  walkTree =
    depth: parentFiles: v:
    if isOption v then
      walkOption depth parentFiles v
    else if builtins.isAttrs v then
      builtins.concatMap (n: walkTree depth parentFiles v.${n}) (builtins.attrNames v)
    else
      [ ];

  only = if cfg.only == null then sets else cfg.only;

  walk = builtins.concatMap (p: walkTree (builtins.length p) [ ] (lib.attrByPath p null options)) only;
in
if cfg.mode == "sets" then sets else walk
