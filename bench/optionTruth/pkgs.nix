# A stand-in for nixpkgs' `pkgs` (our own words), for bench/optionTruth: just
# enough for a module tree's *option declarations* to evaluate. Every package
# a tree names (the driver lists `pkgs.<name>` and `mkPackageOption pkgs
# "<name>"` from its text) is a stand-in derivation; builders return stand-in
# derivations; `formats.<name>` give types whose description says "stand-in"
# (the figures do not compare type text that comes from here). Nothing is
# ever built.
{ lib, path, names }:
let
  standIn =
    name:
    let
      self = {
        type = "derivation";
        inherit name;
        pname = name;
        version = "0";
        outPath = "/nix/store/00000000000000000000000000000000-${name}";
        drvPath = "/nix/store/00000000000000000000000000000000-${name}.drv";
        outputs = [ "out" ];
        out = self;
        meta = {
          mainProgram = name;
          platforms = lib.platforms.all;
          description = "stand-in ${name}";
        };
        passthru = { };
        override = _: self;
        overrideAttrs = _: self;
        withPackages = _: self;
        __toString = s: s.outPath;
      };
    in
    self;

  builder = name: _: standIn name;

  formatType =
    name:
    lib.types.anything
    // {
      description = "stand-in pkgs.formats.${name} value";
      descriptionClass = "noun";
    };

  # The sectioned formats keep nixpkgs' shape (a tree may select
  # `.nestedTypes.elemType` or `.lib.types.atom`); their leaves are stand-ins.
  atom = name: formatType "${name} atom";
  shapes = {
    ini = name: lib.types.attrsOf (lib.types.attrsOf (atom name));
    systemd = name: lib.types.attrsOf (lib.types.attrsOf (atom name));
    keyValue = name: lib.types.attrsOf (atom name);
    iniWithGlobalSection =
      name:
      lib.types.submodule {
        options.sections = lib.mkOption {
          type = lib.types.attrsOf (lib.types.attrsOf (atom name));
          default = { };
        };
        options.globalSection = lib.mkOption {
          type = lib.types.attrsOf (atom name);
          default = { };
        };
      };
  };

  format = name: _args: {
    type = (shapes.${name} or formatType) name;
    generate = fileName: _value: standIn fileName;
    lib.types.atom = atom name;
    lib.mkKeyValue = _: _: "";
  };

  platform = {
    system = "x86_64-linux";
    isLinux = true;
    isDarwin = false;
    isx86 = true;
    isx86_64 = true;
    isAarch64 = false;
    isAarch = false;
    isi686 = false;
    is64bit = true;
    isMusl = false;
    isGnu = true;
    isWindows = false;
    isFreeBSD = false;
    isBSD = false;
    parsed = {
      kernel.name = "linux";
      cpu.name = "x86_64";
    };
    config = "x86_64-unknown-linux-gnu";
    emulatorAvailable = _: true;
    canExecute = _: true;
  };

  named = lib.foldl' (acc: p: lib.recursiveUpdate acc (lib.setAttrByPath p (standIn (lib.last p)))) { } names;

  base = {
    inherit lib path;
    system = platform.system;
    stdenv = standIn "stdenv" // {
      hostPlatform = platform;
      buildPlatform = platform;
      targetPlatform = platform;
      isLinux = true;
      isDarwin = false;
      cc = standIn "cc";
      shell = "/bin/sh";
      mkDerivation = a: standIn (a.pname or a.name or "derivation");
    };
    stdenvNoCC = base.stdenv;
    hostPlatform = platform;
    buildPlatform = platform;
    formats = lib.genAttrs [
      "json" "yaml" "yaml_1_1" "yaml_1_2" "toml" "ini" "iniWithGlobalSection" "keyValue" "systemd"
      "lua" "xml" "elixirConf" "php" "hocon" "pythonVars" "nixConf" "libconfig" "cdn" "plist" "pkl"
      "gitIni" "javaProperties" "kdl" "nginx" "hcl1" "sshConfig"
    ] format;
    writeText = builder "writeText";
    writeTextFile = a: standIn (a.name or "text");
    writeShellScript = builder "writeShellScript";
    writeShellScriptBin = builder "writeShellScriptBin";
    writeShellApplication = a: standIn (a.name or "app");
    writeScript = builder "writeScript";
    writeScriptBin = builder "writeScriptBin";
    writers = lib.genAttrs [ "writeBash" "writeBashBin" "writePython3" "writePython3Bin" "writeJSON" "writeYAML" "writeTOML" "writeText" "writeDash" "writeFish" "writeNu" ] (n: _: builder n);
    runCommand = name: _: _: standIn name;
    runCommandLocal = name: _: _: standIn name;
    symlinkJoin = a: standIn (a.name or "joined");
    buildEnv = a: standIn (a.name or "env");
    callPackage = _: _: standIn "called";
    substituteAll = a: standIn "substituted";
    replaceVars = _: _: standIn "replaced";
    fetchurl = a: standIn "fetched";
    fetchFromGitHub = a: standIn "fetched";
    linkFarm = name: _: standIn name;
    emptyDirectory = standIn "empty";
    makeDesktopItem = a: standIn (a.name or "desktop-item");
    vimUtils.buildVimPlugin = a: standIn (a.pname or "plugin");
    pkgsi686Linux = { };
  };
in
lib.recursiveUpdate named base
