"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap2;
    exports2.isNode = isNode;
    exports2.isPair = isPair2;
    exports2.isScalar = isScalar2;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP2 = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP2;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path2) {
      const ctrl = callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visit_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = visit_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP2;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path2) {
      const ctrl = await callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visitAsync_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path2) {
      if (typeof visitor === "function")
        return visitor(key, node, path2);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path2);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path2);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path2);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path2);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path2);
      return void 0;
    }
    function replaceNode(key, path2, node) {
      const parent = path2[path2.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root2) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root2, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v3, i) => toJS(v3, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path2, value) {
      let v3 = value;
      for (let i = path2.length - 1; i >= 0; --i) {
        const k = path2[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v3;
          v3 = a;
        } else {
          v3 = /* @__PURE__ */ new Map([[k, v3]]);
        }
      }
      return createNode.createNode(v3, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path2, value) {
        if (isEmptyPath(path2))
          this.add(value);
        else {
          const [key, ...rest] = path2;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        const [key, ...rest] = path2;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        const [key, ...rest] = path2;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str4) => str4.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str4, indent, comment) => str4.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str4.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str4) => /^(%|---|\.\.\.)/m.test(str4);
    function lineLengthOverLimit(str4, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str4.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str4[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str4 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str4 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str4 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str4 += "\\0";
                    break;
                  case "0007":
                    str4 += "\\a";
                    break;
                  case "000b":
                    str4 += "\\v";
                    break;
                  case "001b":
                    str4 += "\\e";
                    break;
                  case "0085":
                    str4 += "\\N";
                    break;
                  case "00a0":
                    str4 += "\\_";
                    break;
                  case "2028":
                    str4 += "\\L";
                    break;
                  case "2029":
                    str4 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str4 += "\\x" + code.substr(2);
                    else
                      str4 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str4 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str4 += "\n";
                  i += 2;
                }
                str4 += indent;
                if (json[i + 2] === " ")
                  str4 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str4 = start ? str4 + json.slice(start) : json;
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str4 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str4);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str4 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str4;
      return identity.isScalar(node) || str4[0] === "{" || str4[0] === "[" ? `${props} ${str4}` : `${props}
${ctx.indent}${str4}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str4 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str4.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str4 === "" ? "?" : explicitKey ? `? ${str4}` : str4;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str4 = `? ${str4}`;
        if (keyComment && !keyCommentDone) {
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str4;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        str4 = `? ${str4}
${indent}:`;
      } else {
        str4 = `${str4}:`;
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str4.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws2 = " ";
      if (keyComment || vsb || vcb) {
        ws2 = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws2 += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws2 === "\n" && valueComment)
            ws2 = "\n\n";
        } else {
          ws2 += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws2 = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws2 = "";
      }
      str4 += ws2 + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str4;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v3 = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v3);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str5 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str5 += stringifyComment.lineComment(str5, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str5);
      }
      let str4;
      if (lines.length === 0) {
        str4 = flowChars.start + flowChars.end;
      } else {
        str4 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str4 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str4 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str4;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str4 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str4.includes("\n"));
        if (i < items.length - 1) {
          str4 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str4.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str4 += ",";
          }
        }
        if (comment)
          str4 += stringifyComment.lineComment(str4, itemIndent, commentString(comment));
        lines.push(str4);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str4 = start;
          for (const line of lines)
            str4 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str4}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str4) => str4,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str4) => new Scalar.Scalar(str4[0] === "t" || str4[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str4) {
        const node = new Scalar.Scalar(parseFloat(str4));
        const dot = str4.indexOf(".");
        if (dot !== -1 && str4[str4.length - 1] === "0")
          node.minFractionDigits = str4.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str4, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str4) => str4,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str4) => str4 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str4, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str4) => parseFloat(str4),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str4, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str4)}`);
        return str4;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str4 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str4.length);
          for (let i = 0; i < str4.length; ++i)
            buffer[i] = str4.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str4;
        if (typeof node_buffer.Buffer === "function") {
          str4 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str4 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str4.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str4.substr(o, lineWidth);
          }
          str4 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str4 }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str4) {
        const node = new Scalar.Scalar(parseFloat(str4.replace(/_/g, "")));
        const dot = str4.indexOf(".");
        if (dot !== -1) {
          const f = str4.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str4, offset, radix, { intAsBigInt }) {
      const sign = str4[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str4 = str4.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str4 = `0b${str4}`;
            break;
          case 8:
            str4 = `0o${str4}`;
            break;
          case 16:
            str4 = `0x${str4}`;
            break;
        }
        const n2 = BigInt(str4);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str4, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str4 = value.toString(radix);
        return value < 0 ? "-" + prefix + str4.substr(1) : prefix + str4;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str4, asBigInt) {
      const sign = str4[0];
      const parts = sign === "-" || sign === "+" ? str4.substring(1) : str4;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str4, _onError, { intAsBigInt }) => parseSexagesimal(str4, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str4) => parseSexagesimal(str4, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str4) {
        const match = str4.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path2, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path2, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v3) => typeof v3 === "number" || v3 instanceof String || v3 instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v3 = this.createNode(value, null, options);
        return new Pair.Pair(k, v3);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        if (Collection.isEmptyPath(path2)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        if (Collection.isEmptyPath(path2))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path2) {
        if (Collection.isEmptyPath(path2))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path2) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        if (Collection.isEmptyPath(path2)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path2), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path2, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message2) {
        super();
        this.name = name;
        this.code = code;
        this.message = message2;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLParseError", pos, code, message2);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLWarning", pos, code, message2);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message2 = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message2);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message2 = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message2);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message2 = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message2);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message2 = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message2);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message2 = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message2);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message2 = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message2);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel2, code, msg) => onError(offset + rel2, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range: range3 } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range3;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message2 = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message2);
          }
          break;
        default: {
          const message2 = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message2);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message2, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message2));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message2));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message2, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message2, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message2) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message2);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message2);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP2 = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP2;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path2) => {
      let item = cst;
      for (const [field, index2] of path2) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index2];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path2) => {
      const parent = visit.itemAtPath(cst, path2.slice(0, -1));
      const field = path2[path2.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path2, item, visitor) {
      let ctrl = visitor(item, path2);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path2);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
    }
    exports2.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar2;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message2 = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message: message2, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message2 = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message: message2 };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar2.end) {
            sep = scalar2.end;
            sep.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs3, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs3);
              } else {
                Object.assign(it, { key: fs3, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs3, sep: [] });
              else if (it.sep)
                this.stack.push(fs3);
              else
                Object.assign(it, { key: fs3, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse2;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument3;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit.visit;
    exports2.visitAsync = visit.visitAsync;
  }
});

// node_modules/ipaddr.js/lib/ipaddr.js
var require_ipaddr = __commonJS({
  "node_modules/ipaddr.js/lib/ipaddr.js"(exports2, module2) {
    (function(root2) {
      "use strict";
      const ipv4Part = "(0?\\d+|0x[a-f0-9]+)";
      const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, "i"),
        longValue: new RegExp(`^${ipv4Part}$`, "i")
      };
      const octalRegex = new RegExp(`^0[0-7]+$`, "i");
      const hexRegex = new RegExp(`^0x[a-f0-9]+$`, "i");
      const zoneIndex = "%[0-9a-z]{1,}";
      const ipv6Part = "(?:[0-9a-f]+::?)+";
      const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, "i"),
        "native": new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, "i"),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, "i"),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, "i")
      };
      function expandIPv6(string, parts) {
        if (string.indexOf("::") !== string.lastIndexOf("::")) {
          return null;
        }
        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;
        if (zoneId) {
          zoneId = zoneId.substring(1);
          string = string.replace(/%.+$/, "");
        }
        while ((lastColon = string.indexOf(":", lastColon + 1)) >= 0) {
          colonCount++;
        }
        if (string.substr(0, 2) === "::") {
          colonCount--;
        }
        if (string.substr(-2, 2) === "::") {
          colonCount--;
        }
        if (colonCount >= parts) {
          return null;
        }
        replacementCount = parts - colonCount;
        replacement = ":";
        while (replacementCount--) {
          replacement += "0:";
        }
        string = string.replace("::", replacement);
        if (string[0] === ":") {
          string = string.slice(1);
        }
        if (string[string.length - 1] === ":") {
          string = string.slice(0, -1);
        }
        parts = (function() {
          const ref = string.split(":");
          const results = [];
          for (let i = 0; i < ref.length; i++) {
            results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
          }
          return results;
        })();
        return {
          parts,
          zoneId
        };
      }
      function matchCIDR(first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
          throw new Error("ipaddr: cannot match CIDR for objects with different lengths");
        }
        let part = 0;
        let shift;
        while (cidrBits > 0) {
          shift = partSize - cidrBits;
          if (shift < 0) {
            shift = 0;
          }
          if (first[part] >> shift !== second[part] >> shift) {
            return false;
          }
          cidrBits -= partSize;
          part += 1;
        }
        return true;
      }
      function parseIntAuto(string) {
        if (hexRegex.test(string)) {
          return parseInt(string, 16);
        }
        if (string[0] === "0" && !isNaN(parseInt(string[1], 10))) {
          if (octalRegex.test(string)) {
            return parseInt(string, 8);
          }
          throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        return parseInt(string, 10);
      }
      function padPart(part, length) {
        while (part.length < length) {
          part = `0${part}`;
        }
        return part;
      }
      const ipaddr2 = {};
      ipaddr2.IPv4 = (function() {
        function IPv42(octets) {
          if (octets.length !== 4) {
            throw new Error("ipaddr: ipv4 octet count should be 4");
          }
          let i, octet;
          for (i = 0; i < octets.length; i++) {
            octet = octets[i];
            if (!(0 <= octet && octet <= 255)) {
              throw new Error("ipaddr: ipv4 octet should fit in 8 bits");
            }
          }
          this.octets = octets;
        }
        IPv42.prototype.SpecialRanges = {
          unspecified: [[new IPv42([0, 0, 0, 0]), 8]],
          broadcast: [[new IPv42([255, 255, 255, 255]), 32]],
          // RFC3171
          multicast: [[new IPv42([224, 0, 0, 0]), 4]],
          // RFC3927
          linkLocal: [[new IPv42([169, 254, 0, 0]), 16]],
          // RFC5735
          loopback: [[new IPv42([127, 0, 0, 0]), 8]],
          // RFC6598
          carrierGradeNat: [[new IPv42([100, 64, 0, 0]), 10]],
          // RFC1918
          "private": [
            [new IPv42([10, 0, 0, 0]), 8],
            [new IPv42([172, 16, 0, 0]), 12],
            [new IPv42([192, 168, 0, 0]), 16]
          ],
          // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
          reserved: [
            [new IPv42([192, 0, 0, 0]), 24],
            [new IPv42([192, 0, 2, 0]), 24],
            [new IPv42([192, 88, 99, 0]), 24],
            [new IPv42([198, 18, 0, 0]), 15],
            [new IPv42([198, 51, 100, 0]), 24],
            [new IPv42([203, 0, 113, 0]), 24],
            [new IPv42([240, 0, 0, 0]), 4]
          ],
          // RFC7534, RFC7535
          as112: [
            [new IPv42([192, 175, 48, 0]), 24],
            [new IPv42([192, 31, 196, 0]), 24]
          ],
          // RFC7450
          amt: [
            [new IPv42([192, 52, 193, 0]), 24]
          ]
        };
        IPv42.prototype.kind = function() {
          return "ipv4";
        };
        IPv42.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv4") {
            throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");
          }
          return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };
        IPv42.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 8,
            128: 7,
            192: 6,
            224: 5,
            240: 4,
            248: 3,
            252: 2,
            254: 1,
            255: 0
          };
          let i, octet, zeros;
          for (i = 3; i >= 0; i -= 1) {
            octet = this.octets[i];
            if (octet in zerotable) {
              zeros = zerotable[octet];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 8) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 32 - cidr;
        };
        IPv42.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv42.prototype.toByteArray = function() {
          return this.octets.slice(0);
        };
        IPv42.prototype.toIPv4MappedAddress = function() {
          return ipaddr2.IPv6.parse(`::ffff:${this.toString()}`);
        };
        IPv42.prototype.toNormalizedString = function() {
          return this.toString();
        };
        IPv42.prototype.toString = function() {
          return this.octets.join(".");
        };
        return IPv42;
      })();
      ipaddr2.IPv4.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.isIPv4 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv4.isValid = function(string) {
        try {
          new this(this.parser(string));
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDR = function(string) {
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidFourPartDecimal = function(string) {
        if (ipaddr2.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
          return true;
        } else {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDRFourPartDecimal = function(string) {
        const match = string.match(/^(.+)\/(\d+)$/);
        if (!ipaddr2.IPv4.isValidCIDR(string) || !match) {
          return false;
        }
        return ipaddr2.IPv4.isValidFourPartDecimal(match[1]);
      };
      ipaddr2.IPv4.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.parse = function(string) {
        const parts = this.parser(string);
        if (parts === null) {
          throw new Error("ipaddr: string is not formatted like an IPv4 Address");
        }
        return new this(parts);
      };
      ipaddr2.IPv4.parseCIDR = function(string) {
        let match;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          const maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 32) {
            const parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range");
      };
      ipaddr2.IPv4.parser = function(string) {
        let match, part, value;
        if (match = string.match(ipv4Regexes.fourOctet)) {
          return (function() {
            const ref = match.slice(1, 6);
            const results = [];
            for (let i = 0; i < ref.length; i++) {
              part = ref[i];
              results.push(parseIntAuto(part));
            }
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.longValue)) {
          value = parseIntAuto(match[1]);
          if (value > 4294967295 || value < 0) {
            throw new Error("ipaddr: address outside defined range");
          }
          return (function() {
            const results = [];
            let shift;
            for (shift = 0; shift <= 24; shift += 8) {
              results.push(value >> shift & 255);
            }
            return results;
          })().reverse();
        } else if (match = string.match(ipv4Regexes.twoOctet)) {
          return (function() {
            const ref = match.slice(1, 4);
            const results = [];
            value = parseIntAuto(ref[1]);
            if (value > 16777215 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(value >> 16 & 255);
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.threeOctet)) {
          return (function() {
            const ref = match.slice(1, 5);
            const results = [];
            value = parseIntAuto(ref[2]);
            if (value > 65535 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(parseIntAuto(ref[1]));
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else {
          return null;
        }
      };
      ipaddr2.IPv4.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
          throw new Error("ipaddr: invalid IPv4 prefix length");
        }
        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 4) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.IPv6 = (function() {
        function IPv62(parts, zoneId) {
          let i, part;
          if (parts.length === 16) {
            this.parts = [];
            for (i = 0; i <= 14; i += 2) {
              this.parts.push(parts[i] << 8 | parts[i + 1]);
            }
          } else if (parts.length === 8) {
            this.parts = parts;
          } else {
            throw new Error("ipaddr: ipv6 part count should be 8 or 16");
          }
          for (i = 0; i < this.parts.length; i++) {
            part = this.parts[i];
            if (!(0 <= part && part <= 65535)) {
              throw new Error("ipaddr: ipv6 part should fit in 16 bits");
            }
          }
          if (zoneId) {
            this.zoneId = zoneId;
          }
        }
        IPv62.prototype.SpecialRanges = {
          // RFC4291, here and after
          unspecified: [new IPv62([0, 0, 0, 0, 0, 0, 0, 0]), 128],
          linkLocal: [new IPv62([65152, 0, 0, 0, 0, 0, 0, 0]), 10],
          multicast: [new IPv62([65280, 0, 0, 0, 0, 0, 0, 0]), 8],
          loopback: [new IPv62([0, 0, 0, 0, 0, 0, 0, 1]), 128],
          uniqueLocal: [new IPv62([64512, 0, 0, 0, 0, 0, 0, 0]), 7],
          ipv4Mapped: [new IPv62([0, 0, 0, 0, 0, 65535, 0, 0]), 96],
          // RFC3879
          deprecatedSiteLocal: [new IPv62([65216, 0, 0, 0, 0, 0, 0, 0]), 10],
          // RFC6666
          discard: [new IPv62([256, 0, 0, 0, 0, 0, 0, 0]), 64],
          // RFC6145
          rfc6145: [new IPv62([0, 0, 0, 0, 65535, 0, 0, 0]), 96],
          rfc6052: [
            // RFC6052
            [new IPv62([100, 65435, 0, 0, 0, 0, 0, 0]), 96],
            // RFC8215
            [new IPv62([100, 65435, 1, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC3056
          "6to4": [new IPv62([8194, 0, 0, 0, 0, 0, 0, 0]), 16],
          // RFC6052, RFC6146
          teredo: [new IPv62([8193, 0, 0, 0, 0, 0, 0, 0]), 32],
          // RFC5180
          benchmarking: [new IPv62([8193, 2, 0, 0, 0, 0, 0, 0]), 48],
          // RFC7450
          amt: [new IPv62([8193, 3, 0, 0, 0, 0, 0, 0]), 32],
          as112v6: [
            // RFC7535
            [new IPv62([8193, 4, 274, 0, 0, 0, 0, 0]), 48],
            // RFC7534
            [new IPv62([9760, 79, 32768, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC4843
          deprecatedOrchid: [new IPv62([8193, 16, 0, 0, 0, 0, 0, 0]), 28],
          // RFC7343
          orchid2: [new IPv62([8193, 32, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9374
          droneRemoteIdProtocolEntityTags: [new IPv62([8193, 48, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9602
          segmentRouting: [new IPv62([24320, 0, 0, 0, 0, 0, 0, 0]), 16],
          reserved: [
            // RFC3849
            [new IPv62([8193, 0, 0, 0, 0, 0, 0, 0]), 23],
            // RFC2928
            [new IPv62([8193, 3512, 0, 0, 0, 0, 0, 0]), 32],
            // RFC9637
            [new IPv62([16383, 0, 0, 0, 0, 0, 0, 0]), 20]
          ]
        };
        IPv62.prototype.isIPv4MappedAddress = function() {
          return this.range() === "ipv4Mapped";
        };
        IPv62.prototype.kind = function() {
          return "ipv6";
        };
        IPv62.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv6") {
            throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");
          }
          return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };
        IPv62.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 16,
            32768: 15,
            49152: 14,
            57344: 13,
            61440: 12,
            63488: 11,
            64512: 10,
            65024: 9,
            65280: 8,
            65408: 7,
            65472: 6,
            65504: 5,
            65520: 4,
            65528: 3,
            65532: 2,
            65534: 1,
            65535: 0
          };
          let part, zeros;
          for (let i = 7; i >= 0; i -= 1) {
            part = this.parts[i];
            if (part in zerotable) {
              zeros = zerotable[part];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 16) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 128 - cidr;
        };
        IPv62.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv62.prototype.toByteArray = function() {
          let part;
          const bytes2 = [];
          const ref = this.parts;
          for (let i = 0; i < ref.length; i++) {
            part = ref[i];
            bytes2.push(part >> 8);
            bytes2.push(part & 255);
          }
          return bytes2;
        };
        IPv62.prototype.toFixedLengthString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(padPart(this.parts[i].toString(16), 4));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv62.prototype.toIPv4Address = function() {
          if (!this.isIPv4MappedAddress()) {
            throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");
          }
          const ref = this.parts.slice(-2);
          const high = ref[0];
          const low = ref[1];
          return new ipaddr2.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
        };
        IPv62.prototype.toNormalizedString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(this.parts[i].toString(16));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv62.prototype.toRFC5952String = function() {
          const regex = /((^|:)(0(:|$)){2,})/g;
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          const normalized = this.toNormalizedString();
          const string = normalized.slice(0, normalized.length - suffix.length);
          let bestMatchIndex = 0;
          let bestMatchLength = -1;
          let bestMatchGroups = -1;
          let match;
          while (match = regex.exec(string)) {
            const groups = (match[0].match(/0/g) || []).length;
            if (groups > bestMatchGroups) {
              bestMatchGroups = groups;
              bestMatchIndex = match.index;
              bestMatchLength = match[0].length;
            }
          }
          if (bestMatchLength < 0) {
            return string + suffix;
          }
          return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };
        IPv62.prototype.toString = function() {
          return this.toRFC5952String();
        };
        return IPv62;
      })();
      ipaddr2.IPv6.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.isIPv6 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv6.isValid = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          const addr = this.parser(string);
          new this(addr.parts, addr.zoneId);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.isValidCIDR = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.parse = function(string) {
        const addr = this.parser(string);
        if (addr === null) {
          throw new Error("ipaddr: string is not formatted like an IPv6 Address");
        }
        return new this(addr.parts, addr.zoneId);
      };
      ipaddr2.IPv6.parseCIDR = function(string) {
        let maskLength, match, parsed;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 128) {
            parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range");
      };
      ipaddr2.IPv6.parser = function(string) {
        let addr, i, match, octet, octets, zoneId;
        if (match = string.match(ipv6Regexes.deprecatedTransitional)) {
          return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
          return expandIPv6(string, 8);
        }
        if (match = string.match(ipv6Regexes.transitional)) {
          zoneId = match[6] || "";
          addr = match[1];
          if (!match[1].endsWith("::")) {
            addr = addr.slice(0, -1);
          }
          addr = expandIPv6(addr + zoneId, 6);
          if (addr && addr.parts) {
            octets = [
              parseInt(match[2]),
              parseInt(match[3]),
              parseInt(match[4]),
              parseInt(match[5])
            ];
            for (i = 0; i < octets.length; i++) {
              octet = octets[i];
              if (!(0 <= octet && octet <= 255)) {
                return null;
              }
            }
            addr.parts.push(octets[0] << 8 | octets[1]);
            addr.parts.push(octets[2] << 8 | octets[3]);
            return {
              parts: addr.parts,
              zoneId: addr.zoneId
            };
          }
        }
        return null;
      };
      ipaddr2.IPv6.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
          throw new Error("ipaddr: invalid IPv6 prefix length");
        }
        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 16) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.fromByteArray = function(bytes2) {
        const length = bytes2.length;
        if (length === 4) {
          return new ipaddr2.IPv4(bytes2);
        } else if (length === 16) {
          return new ipaddr2.IPv6(bytes2);
        } else {
          throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address");
        }
      };
      ipaddr2.isValid = function(string) {
        return ipaddr2.IPv6.isValid(string) || ipaddr2.IPv4.isValid(string);
      };
      ipaddr2.isValidCIDR = function(string) {
        return ipaddr2.IPv6.isValidCIDR(string) || ipaddr2.IPv4.isValidCIDR(string);
      };
      ipaddr2.parse = function(string) {
        if (ipaddr2.IPv6.isValid(string)) {
          return ipaddr2.IPv6.parse(string);
        } else if (ipaddr2.IPv4.isValid(string)) {
          return ipaddr2.IPv4.parse(string);
        } else {
          throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format");
        }
      };
      ipaddr2.parseCIDR = function(string) {
        try {
          return ipaddr2.IPv6.parseCIDR(string);
        } catch {
          try {
            return ipaddr2.IPv4.parseCIDR(string);
          } catch (e) {
            throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format", { cause: e });
          }
        }
      };
      ipaddr2.process = function(string) {
        const addr = this.parse(string);
        if (addr.kind() === "ipv6" && addr.isIPv4MappedAddress()) {
          return addr.toIPv4Address();
        } else {
          return addr;
        }
      };
      ipaddr2.subnetMatch = function(address, rangeList, defaultName) {
        let i, rangeName, rangeSubnets, subnet;
        if (defaultName === void 0 || defaultName === null) {
          defaultName = "unicast";
        }
        for (rangeName in rangeList) {
          if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
            rangeSubnets = rangeList[rangeName];
            if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
              rangeSubnets = [rangeSubnets];
            }
            for (i = 0; i < rangeSubnets.length; i++) {
              subnet = rangeSubnets[i];
              if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                return rangeName;
              }
            }
          }
        }
        return defaultName;
      };
      if (typeof module2 !== "undefined" && module2.exports) {
        module2.exports = ipaddr2;
      } else {
        root2.ipaddr = ipaddr2;
      }
    })(exports2);
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.regexpCode = exports2.getEsmExportName = exports2.getProperty = exports2.safeStringify = exports2.stringify = exports2.strConcat = exports2.addCodeArg = exports2.str = exports2._ = exports2.nil = exports2._Code = exports2.Name = exports2.IDENTIFIER = exports2._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports2._CodeOrName = _CodeOrName;
    exports2.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports2.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports2.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports2._Code = _Code;
    exports2.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports2._ = _;
    var plus = new _Code("+");
    function str4(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports2.str = str4;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports2.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str4`${c1}${c2}`;
    }
    exports2.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports2.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports2.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports2.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports2.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports2.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports2.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports2.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ValueScope = exports2.ValueScopeName = exports2.Scope = exports2.varKinds = exports2.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports2.UsedValueState = UsedValueState = {}));
    exports2.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports2.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports2.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports2.varKinds.var : exports2.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports2.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.or = exports2.and = exports2.not = exports2.CodeGen = exports2.operators = exports2.varKinds = exports2.ValueScopeName = exports2.ValueScope = exports2.Scope = exports2.Name = exports2.regexpCode = exports2.stringify = exports2.getProperty = exports2.nil = exports2.strConcat = exports2.str = exports2._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports2, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports2, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports2, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports2, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports2, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports2, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports2, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports2.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports2.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports2.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports2.not = not;
    var andCode = mappend(exports2.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports2.and = and;
    var orCode = mappend(exports2.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports2.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.checkStrictMode = exports2.getErrorPath = exports2.Type = exports2.useFunc = exports2.setEvaluated = exports2.evaluatedPropsToName = exports2.mergeEvaluated = exports2.eachItem = exports2.unescapeJsonPointer = exports2.escapeJsonPointer = exports2.escapeFragment = exports2.unescapeFragment = exports2.schemaRefOrVal = exports2.schemaHasRulesButRef = exports2.schemaHasRules = exports2.checkUnknownRules = exports2.alwaysValidSchema = exports2.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports2.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports2.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports2.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports2.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES2) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES2.all[key])
          return true;
      return false;
    }
    exports2.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports2.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str4) {
      return unescapeJsonPointer(decodeURIComponent(str4));
    }
    exports2.unescapeFragment = unescapeFragment;
    function escapeFragment(str4) {
      return encodeURIComponent(escapeJsonPointer(str4));
    }
    exports2.escapeFragment = escapeFragment;
    function escapeJsonPointer(str4) {
      if (typeof str4 == "number")
        return `${str4}`;
      return str4.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports2.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str4) {
      return str4.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports2.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports2.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports2.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports2.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports2.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports2.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports2.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports2.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports2.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports2.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors2 = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.extendErrors = exports2.resetErrorsCount = exports2.reportExtraError = exports2.reportError = exports2.keyword$DataError = exports2.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports2.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports2.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports2.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports2.reportError = reportError;
    function reportExtraError(cxt, error = exports2.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports2.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports2.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports2.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message: message2 }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message2 == "function" ? message2(cxt) : message2]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.boolOrEmptySchema = exports2.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports2.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports2.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getRules = exports2.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports2.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports2.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.shouldUseRule = exports2.shouldUseGroup = exports2.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports2.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports2.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports2.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.reportTypeError = exports2.checkDataTypes = exports2.checkDataType = exports2.coerceAndCheckDataType = exports2.getJSONTypes = exports2.getSchemaTypes = exports2.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports2.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports2.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports2.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports2.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports2.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports2.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports2.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports2.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateUnion = exports2.validateArray = exports2.usePattern = exports2.callValidateCode = exports2.schemaProperties = exports2.allSchemaProperties = exports2.noPropertyInData = exports2.propertyInData = exports2.isOwnProperty = exports2.hasPropFunc = exports2.reportMissingProp = exports2.checkMissingProp = exports2.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports2.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports2.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports2.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports2.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports2.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports2.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports2.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports2.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports2.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports2.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports2.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports2.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports2.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateKeywordUsage = exports2.validSchemaType = exports2.funcKeywordCode = exports2.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors2();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports2.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports2.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports2.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports2.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.extendSubschemaMode = exports2.extendSubschemaData = exports2.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports2.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports2.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports2.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function equal2(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal2(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal2(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports2, module2) {
    "use strict";
    var traverse = module2.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str4) {
      return str4.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getSchemaRefs = exports2.resolveUrl = exports2.normalizeId = exports2._getFullPath = exports2.getFullPath = exports2.inlineRef = void 0;
    var util_1 = require_util();
    var equal2 = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports2.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports2.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports2._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports2.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports2.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal2(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports2.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getData = exports2.KeywordCxt = exports2.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors2();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports2.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES: RULES2 } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES2))) {
        gen.block(() => keywordCode(it, "$ref", RULES2.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES2.rules)
          groupKeywords(group);
        groupKeywords(RULES2.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports2.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports2.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports2.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports2.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.resolveSchema = exports2.getCompilingSchema = exports2.resolveRef = exports2.compileSchema = exports2.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports2.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports2.compileSchema = compileSchema;
    function resolveRef(root2, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root2.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve.call(this, root2, ref);
      if (_sch === void 0) {
        const schema = (_a = root2.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root: root2, baseId });
      }
      if (_sch === void 0)
        return;
      return root2.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports2.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports2.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve(root2, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root2, ref);
    }
    function resolveSchema(root2, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root2.baseId, void 0);
      if (Object.keys(root2.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root2);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root2, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root: root2, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports2.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root: root2 }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root2, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root: root2, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports2, module2) {
    module2.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports2, module2) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str4, token) {
      let ind = 0;
      for (let i = 0; i < str4.length; i++) {
        if (str4[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path2) {
      let input = path2;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path2) {
      if (path2 === "" || path2[0] === "/") {
        return removeDotSegments(path2);
      }
      const segments = path2.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component2) {
      const uriTokens = [];
      if (component2.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component2.userinfo));
        uriTokens.push("@");
      }
      if (component2.host !== void 0) {
        let host = component2.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component2.port === "number" || typeof component2.port === "string") {
        const port = String(component2.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module2.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports2, module2) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component2) {
      if (!component2.host) {
        component2.error = component2.error || "HTTP URIs must have a host.";
      }
      return component2;
    }
    function httpSerialize(component2) {
      const secure = String(component2.scheme).toLowerCase() === "https";
      if (component2.port === (secure ? 443 : 80) || component2.port === "") {
        component2.port = void 0;
      }
      if (!component2.path) {
        component2.path = "/";
      }
      return component2;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path2 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path2 && path2 !== "/" ? path2 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws2 = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws2.domainHost,
        parse: ws2.parse,
        serialize: ws2.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws: ws2,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module2.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports2, module2) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri2, options) {
      if (typeof uri2 === "string") {
        uri2 = /** @type {T} */
        normalizeString(uri2, options);
      } else if (typeof uri2 === "object") {
        uri2 = /** @type {T} */
        parse2(serialize(uri2, options), options);
      }
      return uri2;
    }
    function resolve(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !/\P{ASCII}/u.test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse2(serialize(base, options), options);
        relative = parse2(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal2(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component2 = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component2.scheme) {
        component2.scheme = validateScheme(component2.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component2.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component2, options);
      const hasAuthority = component2.userinfo !== void 0 || component2.host !== void 0 || component2.port !== void 0;
      const schemelessReference = (component2.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component2.path !== void 0) {
        if (!options.skipEscape) {
          component2.path = serializePathEncoding(component2.path, pathNoScheme);
        } else {
          component2.path = normalizePercentEncoding(component2.path);
        }
      }
      if (options.reference !== "suffix" && component2.scheme) {
        component2.scheme = validateScheme(component2.scheme);
        uriTokens.push(component2.scheme, ":");
      }
      const authority = recomposeAuthority(component2);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component2.path && component2.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component2.path !== void 0) {
        let s = component2.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component2.query !== void 0) {
        uriTokens.push("?", encodeQuery(component2.query));
      }
      if (component2.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component2.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component2) {
      if (component2 === void 0) return false;
      let percent = component2.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component2.length || !/^[\da-f]{2}$/iu.test(component2.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component2.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri2, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri2 = options.scheme + ":" + uri2;
        } else {
          uri2 = "//" + uri2;
        }
      }
      const authorityMatch = uri2.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri2.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri2.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri2.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse2(uri2, opts) {
      return parseWithStatus(uri2, opts).parsed;
    }
    function normalizeString(uri2, opts) {
      return normalizeStringWithStatus(uri2, opts).normalized;
    }
    function normalizeStringWithStatus(uri2, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri2, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri2 : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri2, opts) {
      if (typeof uri2 !== "string" && typeof uri2 !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri2 === "string" ? uri2 : serialize(uri2, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve,
      resolveComponent,
      equal: equal2,
      serialize,
      parse: parse2
    };
    module2.exports = fastUri;
    module2.exports.default = fastUri;
    module2.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var uri2 = require_fast_uri();
    uri2.code = 'require("ajv/dist/runtime/uri").default';
    exports2.default = uri2;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.CodeGen = exports2.Name = exports2.nil = exports2.stringify = exports2.str = exports2._ = exports2.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports2, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports2, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str4, flags) => new RegExp(str4, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v3;
        if (typeof schemaKeyRef == "string") {
          v3 = this.getSchema(schemaKeyRef);
          if (!v3)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v3 = this.compile(schemaKeyRef);
        }
        const valid = v3(data);
        if (!("$async" in v3))
          this.errors = v3.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message2 = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message2);
          else
            throw new Error(message2);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root2 = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root2, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES: RULES2 } = this;
        delete RULES2.keywords[keyword];
        delete RULES2.all[keyword];
        for (const group of RULES2.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text2, msg) => text2 + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports2.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES: RULES2 } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES2.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES: RULES2 } = this;
      let ruleGroup = post ? RULES2.post : RULES2.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES2.rules.push(ruleGroup);
      }
      RULES2.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES2.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.callRef = exports2.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root: root2 } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root2.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root2, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root2)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root2 });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root2, root2.$async);
        }
        function callValidate(sch) {
          const v3 = getValidate(cxt, sch);
          callRef(cxt, v3, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports2.getValidate = getValidate;
    function callRef(cxt, v3, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v3, passCxt)}`);
          addEvaluatedFrom(v3);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v3, passCxt), () => addEvaluatedFrom(v3), () => addErrorsFrom(v3));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports2.callRef = callRef;
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports2.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str4) {
      const len = str4.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str4.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str4.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var equal2 = require_fast_deep_equal();
    equal2.code = 'require("ajv/dist/runtime/equal").default';
    exports2.default = equal2;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v3) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v3})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports2.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports2.validateAdditionalItems = validateAdditionalItems;
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports2.validateTuple = validateTuple;
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateSchemaDeps = exports2.validatePropertyDeps = exports2.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports2.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports2.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports2.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports2.validateSchemaDeps = validateSchemaDeps;
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports2.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v3 = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v3}`, () => gen.assign(v3, validate));
    }
    exports2.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root: root2, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root: root2, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v3 = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v3, _callRef(v3, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports2.dynamicRef = dynamicRef;
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports2.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports2.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports2.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports2.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.contentVocabulary = exports2.metadataVocabulary = void 0;
    exports2.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports2.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports2.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports2.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports2.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema4 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports2, module2) {
    module2.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var metaSchema = require_schema4();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports2.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports2, module2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.MissingRefError = exports2.ValidationError = exports2.CodeGen = exports2.Name = exports2.nil = exports2.stringify = exports2.str = exports2._ = exports2.KeywordCxt = exports2.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v3) => this.addVocabulary(v3));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports2.Ajv2020 = Ajv20202;
    module2.exports = exports2 = Ajv20202;
    module2.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports2, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports2, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports2, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports2, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.formatNames = exports2.fastFormats = exports2.fullFormats = void 0;
    function fmtDef(validate, compare2) {
      return { validate, compare: compare2 };
    }
    exports2.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri: uri2,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports2.fastFormats = {
      ...exports2.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports2.formatNames = Object.keys(exports2.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str4) {
      const matches = DATE.exec(str4);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str4) {
        const matches = TIME.exec(str4);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str4) {
        const dateTime = str4.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri2(str4) {
      return NOT_URI_FRAGMENT.test(str4) && URI.test(str4);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str4) {
      BYTE.lastIndex = 0;
      return BYTE.test(str4);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str4) {
      if (Z_ANCHOR.test(str4))
        return false;
      try {
        new RegExp(str4);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports2.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports2, module2) {
    module2.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports2, module2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.MissingRefError = exports2.ValidationError = exports2.CodeGen = exports2.Name = exports2.nil = exports2.stringify = exports2.str = exports2._ = exports2.KeywordCxt = exports2.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v3) => this.addVocabulary(v3));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports2.Ajv = Ajv;
    module2.exports = exports2 = Ajv;
    module2.exports.Ajv = Ajv;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.default = Ajv;
    var validate_1 = require_validate();
    Object.defineProperty(exports2, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports2, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports2, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports2, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-formats/dist/limit.js
var require_limit = __commonJS({
  "node_modules/ajv-formats/dist/limit.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.formatLimitDefinition = void 0;
    var ajv_1 = require_ajv();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`should be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    exports2.formatLimitDefinition = {
      keyword: Object.keys(KWDs),
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
          return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fmt = gen.const("fmt", (0, codegen_1._)`${fmts}[${fCxt.schemaCode}]`);
          cxt.fail$data((0, codegen_1.or)((0, codegen_1._)`typeof ${fmt} != "object"`, (0, codegen_1._)`${fmt} instanceof RegExp`, (0, codegen_1._)`typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
          const format = fCxt.schema;
          const fmtDef = self.formats[format];
          if (!fmtDef || fmtDef === true)
            return;
          if (typeof fmtDef != "object" || fmtDef instanceof RegExp || typeof fmtDef.compare != "function") {
            throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
          }
          const fmt = gen.scopeValue("formats", {
            key: format,
            ref: fmtDef,
            code: opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : void 0
          });
          cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
          return (0, codegen_1._)`${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
      },
      dependencies: ["format"]
    };
    var formatLimitPlugin = (ajv) => {
      ajv.addKeyword(exports2.formatLimitDefinition);
      return ajv;
    };
    exports2.default = formatLimitPlugin;
  }
});

// node_modules/ajv-formats/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/ajv-formats/dist/index.js"(exports2, module2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var formats_1 = require_formats();
    var limit_1 = require_limit();
    var codegen_1 = require_codegen();
    var fullName = new codegen_1.Name("fullFormats");
    var fastName = new codegen_1.Name("fastFormats");
    var formatsPlugin = (ajv, opts = { keywords: true }) => {
      if (Array.isArray(opts)) {
        addFormats2(ajv, opts, formats_1.fullFormats, fullName);
        return ajv;
      }
      const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
      const list = opts.formats || formats_1.formatNames;
      addFormats2(ajv, list, formats, exportName);
      if (opts.keywords)
        (0, limit_1.default)(ajv);
      return ajv;
    };
    formatsPlugin.get = (name, mode = "full") => {
      const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
      const f = formats[name];
      if (!f)
        throw new Error(`Unknown format "${name}"`);
      return f;
    };
    function addFormats2(ajv, list, fs3, exportName) {
      var _a;
      var _b;
      (_a = (_b = ajv.opts.code).formats) !== null && _a !== void 0 ? _a : _b.formats = (0, codegen_1._)`require("ajv-formats/dist/formats").${exportName}`;
      for (const f of list)
        ajv.addFormat(f, fs3[f]);
    }
    module2.exports = exports2 = formatsPlugin;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.default = formatsPlugin;
  }
});

// server/src/syntax/yaml/parseYaml.ts
var import_yaml2 = __toESM(require_dist());

// server/src/syntax/yaml/convertYaml.ts
var import_yaml = __toESM(require_dist());
var ALIAS_EXPANSION_BASE = 1e4;
var MAX_YAML_DEPTH = 1e3;
var MAX_COMPLEX_KEY_LENGTH = 200;
function convertDocument(doc, text2, uri2, errors) {
  if (!doc.contents) return void 0;
  const c = new Converter(doc.contents, text2, uri2, errors);
  const value = c.convert(doc.contents, 0);
  return { value, nodeCount: c.nodeCount, duplicateKeyOffsets: c.duplicateKeyOffsets };
}
function resolveAliases(root2) {
  const targets = /* @__PURE__ */ new Map();
  const anchors = /* @__PURE__ */ new Map();
  const stack = [root2];
  while (stack.length > 0) {
    const node = stack.pop();
    if ((0, import_yaml.isAlias)(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if ((0, import_yaml.isSeq)(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) if (node.items[i]) stack.push(node.items[i]);
    } else if ((0, import_yaml.isMap)(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!(0, import_yaml.isPair)(pair)) continue;
        if (pair.value) stack.push(pair.value);
        if (pair.key && typeof pair.key === "object") stack.push(pair.key);
      }
    }
  }
  return targets;
}
function originOf(node, uri2, fallback) {
  const r = node?.range;
  return { uri: uri2, span: r ? { start: r[0], end: r[1] } : fallback };
}
var Converter = class {
  constructor(root2, text2, uri2, errors) {
    this.text = text2;
    this.uri = uri2;
    this.errors = errors;
    this.targets = resolveAliases(root2);
    this.budgetLimit = ALIAS_EXPANSION_BASE + text2.length;
    this.budget = this.budgetLimit;
  }
  text;
  uri;
  errors;
  nodeCount = 0;
  duplicateKeyOffsets = [];
  targets;
  /** Nodes alias expansions may still add; below zero, no alias is expanded any more. */
  budget;
  budgetLimit;
  /** Anchored nodes being expanded right now: an alias to one of them is recursive. */
  expanding = /* @__PURE__ */ new Set();
  reportedBudget = false;
  reportedDepth = false;
  convert(node, depth) {
    const origin = originOf(node, this.uri, { start: 0, end: 0 });
    if (depth > MAX_YAML_DEPTH) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.errors.push({ span: spanAtLeastOne(origin.span), message: `YAML nested too deeply (more than ${MAX_YAML_DEPTH} levels); deeper values are not read`, code: "NESTED_TOO_DEEPLY" });
      }
      return { kind: "unknown", reason: "nested too deeply", origin };
    }
    this.nodeCount++;
    if (this.expanding.size > 0 && --this.budget < 0) return { kind: "unknown", reason: "alias expands too much", origin };
    if ((0, import_yaml.isAlias)(node)) return this.alias(node, origin, depth);
    if ((0, import_yaml.isScalar)(node)) return scalar(node, origin);
    if ((0, import_yaml.isSeq)(node)) {
      const items = [];
      for (const it of node.items) items.push(this.convert(it, depth + 1));
      return { kind: "list", items, origin };
    }
    if ((0, import_yaml.isMap)(node)) return this.map(node.items, origin, depth);
    return { kind: "unknown", reason: "unsupported YAML node", origin };
  }
  alias(node, origin, depth) {
    const target = this.targets.get(node);
    if (!target || this.expanding.has(target)) return { kind: "unknown", reason: "unresolved or recursive alias", origin };
    const outermost = this.expanding.size === 0;
    if (this.budget < 0) return outermost ? this.tooMuch(node, origin) : { kind: "unknown", reason: "alias expands too much", origin };
    this.expanding.add(target);
    const v3 = this.convert(target, depth);
    this.expanding.delete(target);
    if (this.budget < 0 && outermost) return this.tooMuch(node, origin);
    return { ...v3, origin };
  }
  tooMuch(node, origin) {
    if (!this.reportedBudget) {
      this.reportedBudget = true;
      this.errors.push({
        span: spanAtLeastOne(origin.span),
        message: `Alias \`*${node.source}\` expands too much (aliases in this document may add at most ${this.budgetLimit} values in all); it and later aliases are not expanded`,
        code: "ALIAS_EXPANDS_TOO_MUCH"
      });
    }
    return { kind: "unknown", reason: "alias expands too much", origin };
  }
  map(items, origin, depth) {
    const entries2 = /* @__PURE__ */ new Map();
    const scalarKeys = /* @__PURE__ */ new Set();
    for (const pair of items) {
      if (!(0, import_yaml.isPair)(pair)) continue;
      const keyNode = pair.key;
      if (keyNode && (0, import_yaml.isScalar)(keyNode) && !Number.isNaN(keyNode.value)) {
        const start = keyNode.range?.[0];
        if (scalarKeys.has(keyNode.value) && start !== void 0 && this.expanding.size === 0) this.duplicateKeyOffsets.push(start);
        scalarKeys.add(keyNode.value);
      }
      const key = this.keyName(keyNode);
      const keyOrigin = originOf(keyNode, this.uri, origin.span);
      const valueNode = pair.value;
      const v3 = valueNode ? this.convert(valueNode, depth + 1) : { kind: "null", origin: { uri: this.uri, span: { start: keyOrigin.span.end, end: keyOrigin.span.end } } };
      if (key === "<<" && v3.kind === "attrs") {
        for (const [k, e] of v3.entries) if (!entries2.has(k)) entries2.set(k, e);
        continue;
      }
      entries2.set(key, { key, keyOrigin, value: v3 });
    }
    return { kind: "attrs", entries: entries2, origin };
  }
  /** A scalar key's value as text; any other key (collection, alias) is named by its source text, cut. */
  keyName(keyNode) {
    if (!keyNode) return "";
    if ((0, import_yaml.isScalar)(keyNode)) return String(keyNode.value);
    const r = keyNode.range;
    if (!r) return "";
    const end = Math.min(r[1], r[0] + MAX_COMPLEX_KEY_LENGTH);
    return this.text.slice(r[0], end).trim() + (end < r[1] ? "\u2026" : "");
  }
};
function spanAtLeastOne(span) {
  return { start: span.start, end: Math.max(span.end, span.start + 1) };
}
function scalar(node, origin) {
  const v3 = node.value;
  if (v3 === null || v3 === void 0) return { kind: "null", origin };
  if (typeof v3 === "string") return { kind: "string", value: v3, origin };
  if (typeof v3 === "number") return { kind: "number", value: v3, integer: Number.isInteger(v3), origin };
  if (typeof v3 === "bigint") return { kind: "number", value: Number(v3), integer: true, origin };
  if (typeof v3 === "boolean") return { kind: "boolean", value: v3, origin };
  if (v3 instanceof Date) return { kind: "string", value: node.source ?? v3.toISOString(), origin };
  return { kind: "string", value: String(v3), origin };
}

// server/src/syntax/yaml/parseYaml.ts
var MODELINE = /^#\s*yaml-language-server\s*:.*\$schema=(\S+)/m;
function parseYaml(text2, uri2) {
  const errors = [];
  let value;
  let nodeCount = 0;
  try {
    const doc = (0, import_yaml2.parseDocument)(text2, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
    let exhausted = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [start, end] = e.pos;
      if (e.code === "RESOURCE_EXHAUSTION" && /call stack/.test(e.message)) {
        if (!exhausted) errors.push({ span: { start, end: Math.max(end, start + 1) }, message: "YAML nested too deeply to be read here; deeper values are not read", code: e.code });
        exhausted = true;
        continue;
      }
      errors.push({ span: { start, end: Math.max(end, start + 1) }, message: tidy(e.message), code: e.code });
    }
    const converted = convertDocument(doc, text2, uri2, errors);
    value = converted?.value;
    nodeCount = converted?.nodeCount ?? 0;
    for (const start of converted?.duplicateKeyOffsets ?? []) errors.push(duplicateKey(text2, start));
  } catch (err) {
    const span = { start: 0, end: Math.min(1, text2.length) };
    if (err instanceof RangeError) errors.push({ span, message: "YAML nested too deeply to be read; nothing in this file is read", code: "NESTED_TOO_DEEPLY" });
    else errors.push({ span, message: `YAML could not be read: ${String(err)}`, code: "INTERNAL" });
  }
  const modeline = MODELINE.exec(text2.slice(0, 2e3));
  return { value, errors, modelineSchema: modeline?.[1], nodeCount };
}
function duplicateKey(text2, start) {
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*(:|$)/m.exec(text2.slice(start, start + 300))?.[1] ?? text2.slice(start, start + 1);
  return { span: { start, end: start + Math.max(key.length, 1) }, message: `Duplicate key \`${key.replace(/^["']|["']$/g, "")}\``, code: "DUPLICATE_KEY" };
}
function tidy(message2) {
  return message2.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

// server/src/model/uri.ts
var import_node_url = require("node:url");
function pathToUri(p) {
  return (0, import_node_url.pathToFileURL)(p).href;
}
function uriToPath(uri2) {
  try {
    return (0, import_node_url.fileURLToPath)(uri2);
  } catch {
    return uri2;
  }
}
function normalizeUri(uri2) {
  if (!uri2.startsWith("file:")) return uri2;
  try {
    return (0, import_node_url.pathToFileURL)((0, import_node_url.fileURLToPath)(uri2)).href;
  } catch {
    return uri2;
  }
}
function dirnameUri(uri2) {
  const i = uri2.lastIndexOf("/");
  return i > "file://".length ? uri2.slice(0, i) : uri2;
}
function basenameUri(uri2) {
  return decodeURIComponent(uri2.slice(uri2.lastIndexOf("/") + 1));
}
var joined = /* @__PURE__ */ new Map();
function joinUri(folderUri, rel2) {
  const key = `${folderUri}\0${rel2}`;
  let out = joined.get(key);
  if (out === void 0) {
    out = joinUriUncached(folderUri, rel2);
    if (joined.size > 1e5) joined.clear();
    joined.set(key, out);
  }
  return out;
}
function joinUriUncached(folderUri, rel2) {
  if (rel2.startsWith("/")) return pathToUri(rel2);
  const parts = folderUri.replace(/\/$/, "").split("/");
  for (const seg of rel2.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length > 3) parts.pop();
    } else parts.push(encodeSegment(seg));
  }
  return parts.join("/");
}
function relativeUri(root2, child) {
  const r = root2.replace(/\/$/, "") + "/";
  return child.startsWith(r) ? decodeURIComponent(child.slice(r.length)) : child;
}
function isUnder(root2, child) {
  return child.startsWith(root2.replace(/\/$/, "") + "/");
}
function encodeSegment(seg) {
  return encodeURIComponent(seg.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
}

// server/src/syntax/lineIndex.ts
var LineIndex = class {
  constructor(text2) {
    this.text = text2;
    const starts = [0];
    for (let i = 0; i < text2.length; i++) {
      const c = text2.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text2.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }
  text;
  lineStarts;
  get lineCount() {
    return this.lineStarts.length;
  }
  positionAt(offset) {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.lineStarts[lo] };
  }
  offsetAt(position) {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    let lineEnd = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.max(lineStart, Math.min(lineStart + position.character, lineEnd));
  }
  rangeOf(span) {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
  lineText(line) {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
  }
};

// server/src/model/calendar.ts
var DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var DAY_LABEL = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
var FULL_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
var SHORTHANDS = {
  minutely: "*-*-* *:*:00",
  hourly: "*-*-* *:00:00",
  daily: "*-*-* 00:00:00",
  monthly: "*-*-01 00:00:00",
  weekly: "Mon *-*-* 00:00:00",
  yearly: "*-01-01 00:00:00",
  annually: "*-01-01 00:00:00",
  quarterly: "*-01,04,07,10-01 00:00:00",
  semiannually: "*-01,07-01 00:00:00"
};
var CalendarError = class extends Error {
};
function range(lo, hi) {
  const s = /* @__PURE__ */ new Set();
  for (let i = lo; i <= hi; i++) s.add(i);
  return s;
}
function pad(n, width) {
  return String(n).padStart(width, "0");
}
function component(text2, lo, hi, label, width) {
  if (text2 === "") throw new CalendarError(`the ${label} is missing`);
  if (text2 === "*") return { text: "*", values: range(lo, hi), wildcard: true };
  const values = /* @__PURE__ */ new Set();
  const parts = [];
  for (const item of text2.split(",")) {
    const m = /^(\*|\d+)(?:\.\.(\d+))?(?:\/(\d+))?$/.exec(item);
    if (!m) throw new CalendarError(`\`${item}\` is not a valid ${label}`);
    const start = m[1] === "*" ? lo : Number(m[1]);
    const end = m[2] !== void 0 ? Number(m[2]) : m[3] !== void 0 ? hi : start;
    const step = m[3] !== void 0 ? Number(m[3]) : 1;
    for (const n of [start, end]) if (n < lo || n > hi) throw new CalendarError(`${label} ${n} is out of range ${lo}\u2013${hi}`);
    if (end < start) throw new CalendarError(`the ${label} range \`${item}\` ends before it starts`);
    if (step < 1) throw new CalendarError(`the repetition in \`${item}\` must be at least 1`);
    for (let i = start; i <= end; i += step) values.add(i);
    let t = m[1] === "*" ? "*" : pad(start, width);
    if (m[2] !== void 0) t += `..${pad(end, width)}`;
    if (m[3] !== void 0) t += `/${step}`;
    parts.push(t);
  }
  return { text: parts.join(","), values, wildcard: false };
}
function weekdays(text2) {
  const values = /* @__PURE__ */ new Set();
  const parts = [];
  const day = (s) => {
    const l = s.toLowerCase();
    let i = DAY_NAMES.indexOf(l);
    if (i < 0) i = FULL_DAYS.indexOf(l);
    if (i < 0) throw new CalendarError(`\`${s}\` is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
    return i;
  };
  for (const item of text2.split(",")) {
    if (item === "") throw new CalendarError("an empty weekday in the list");
    const r = item.split("..");
    if (r.length === 1) {
      const d = day(item);
      values.add(d);
      parts.push(DAY_LABEL[d]);
    } else if (r.length === 2) {
      const a = day(r[0]);
      const b = day(r[1]);
      for (let i = a; ; i = (i + 1) % 7) {
        values.add(i);
        if (i === b) break;
      }
      parts.push(`${DAY_LABEL[a]}..${DAY_LABEL[b]}`);
    } else throw new CalendarError(`\`${item}\` is not a weekday range`);
  }
  return { text: parts.join(","), values };
}
function isTimezone(tok) {
  return /^(UTC|GMT|[A-Z][A-Za-z_]+\/[A-Za-z_/+-]+)$/.test(tok);
}
var memo = /* @__PURE__ */ new Map();
function parseCalendar(input) {
  let result = memo.get(input);
  if (result) return result;
  try {
    result = parse(input);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    result = { error: `\`${input}\` is not a valid systemd OnCalendar expression: ${e.message}` };
  }
  if (memo.size > 2e4) memo.clear();
  memo.set(input, result);
  return result;
}
function parse(input) {
  let text2 = input.trim().replace(/\s+/g, " ");
  if (text2 === "") throw new CalendarError("it is empty");
  const short = SHORTHANDS[text2.toLowerCase()];
  if (short) text2 = short;
  const tokens = text2.split(" ");
  let tz;
  if (tokens.length > 1 && isTimezone(tokens[tokens.length - 1])) tz = tokens.pop();
  let wd;
  if (tokens.length && /^[A-Za-z]/.test(tokens[0])) wd = weekdays(tokens.shift());
  let dateTok;
  let timeTok;
  for (const t of tokens) {
    if (t.includes(":") && timeTok === void 0) timeTok = t;
    else if (t.includes("-") && dateTok === void 0 && timeTok === void 0) dateTok = t;
    else throw new CalendarError(`\`${t}\` is not a date (\`*-*-*\`) or a time (\`07:00\`)`);
  }
  if (!wd && !dateTok && !timeTok) throw new CalendarError("no weekday, date or time found");
  let year;
  let month = component("*", 1, 12, "month", 2);
  let dayc = component("*", 1, 31, "day", 2);
  if (dateTok !== void 0) {
    const p = dateTok.split("-");
    if (p.length === 3) {
      year = component(p[0], 1970, 2199, "year", 4);
      month = component(p[1], 1, 12, "month", 2);
      dayc = component(p[2], 1, 31, "day", 2);
    } else if (p.length === 2) {
      month = component(p[0], 1, 12, "month", 2);
      dayc = component(p[1], 1, 31, "day", 2);
    } else throw new CalendarError(`\`${dateTok}\` is not a date: write year-month-day, e.g. \`*-*-*\``);
  }
  let hour = component("00", 0, 23, "hour", 2);
  let minute = component("00", 0, 59, "minute", 2);
  let second = component("00", 0, 59, "second", 2);
  if (timeTok !== void 0) {
    const p = timeTok.split(":");
    if (p.length < 2 || p.length > 3) throw new CalendarError(`\`${timeTok}\` is not a time: write hour:minute or hour:minute:second`);
    hour = component(p[0], 0, 23, "hour", 2);
    minute = component(p[1], 0, 59, "minute", 2);
    second = component(p.length === 3 ? p[2].replace(/\.\d+$/, "") : "00", 0, 59, "second", 2);
  }
  const date = `${year ? year.text : "*"}-${month.text}-${dayc.text}`;
  const time = `${hour.text}:${minute.text}:${second.text}`;
  const normalized = [wd?.text, date, time, tz].filter((x) => x !== void 0).join(" ");
  return {
    normalized,
    weekdays: wd?.values ?? range(0, 6),
    years: year && !year.wildcard ? year.values : void 0,
    months: month.values,
    days: dayc.values,
    hours: hour.values,
    minutes: minute.values,
    seconds: second.values
  };
}
function intersects(a, b) {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
function sameMinute(a, b) {
  if (a.years && b.years && !intersects(a.years, b.years)) return false;
  return intersects(a.weekdays, b.weekdays) && intersects(a.months, b.months) && intersects(a.days, b.days) && intersects(a.hours, b.hours) && intersects(a.minutes, b.minutes);
}

// server/src/syntax/value.ts
function toPlain(v3) {
  switch (v3.kind) {
    case "string":
    case "path":
      return v3.value;
    case "number":
    case "boolean":
      return v3.value;
    case "null":
      return null;
    case "list":
      return v3.items.map(toPlain);
    case "attrs": {
      const out = {};
      for (const [k, e] of v3.entries) {
        const plain = toPlain(e.value);
        if (plain !== void 0) out[k] = plain;
      }
      return out;
    }
    case "unknown":
      return void 0;
  }
}

// server/src/model/nixText.ts
function maskNix(text2, strings = false) {
  const parts = [];
  let copied = 0;
  const blank2 = (a, b) => {
    const end = Math.min(b, text2.length);
    if (end <= a) return;
    parts.push(text2.slice(copied, a), text2.slice(a, end).replace(/[^\r\n]/g, " "));
    copied = end;
  };
  const opener = /[#"]|\/\*|''/g;
  let i = 0;
  while (i < text2.length) {
    opener.lastIndex = i;
    const m = opener.exec(text2);
    if (!m) break;
    i = m.index;
    if (m[0] === "#") {
      const e = text2.indexOf("\n", i);
      const end = e < 0 ? text2.length : e;
      blank2(i, end);
      i = end;
    } else if (m[0] === "/*") {
      const e = text2.indexOf("*/", i + 2);
      const end = e < 0 ? text2.length : e + 2;
      blank2(i, end);
      i = end;
    } else if (m[0] === '"') {
      let j = i + 1;
      while (j < text2.length && text2.charCodeAt(j) !== 34) j += text2.charCodeAt(j) === 92 ? 2 : 1;
      if (strings) blank2(i + 1, j);
      i = j + 1;
    } else {
      let j = i + 2;
      while (j < text2.length && !(text2[j] === "'" && text2[j + 1] === "'" && text2[j + 2] !== "'" && text2[j + 2] !== "$" && text2[j + 2] !== "\\")) j++;
      if (strings) blank2(i + 2, j);
      i = j + 2;
    }
  }
  parts.push(text2.slice(copied));
  return parts.join("");
}
function lineBounds(text2, offset) {
  const s = text2.lastIndexOf("\n", offset - 1) + 1;
  const e = text2.indexOf("\n", offset);
  return [s, e < 0 ? text2.length : e];
}
function docCommentAt(text2, keyOffset) {
  const [ls, le] = lineBounds(text2, keyOffset);
  const above = [];
  let cursor = ls;
  while (cursor > 0) {
    const [ps, pe] = lineBounds(text2, cursor - 1);
    const line2 = text2.slice(ps, pe).trim();
    if (line2.startsWith("#")) {
      above.unshift(line2.replace(/^#+\s?/, ""));
      cursor = ps;
    } else if (line2.endsWith("*/") && above.length === 0) {
      const open = text2.lastIndexOf("/*", pe);
      if (open < 0) break;
      const body = text2.slice(open + 2, text2.lastIndexOf("*/", pe));
      above.unshift(...body.split("\n").map((l) => l.trim().replace(/^\*\s?/, "")).filter((l) => l !== ""));
      break;
    } else break;
  }
  if (above.length) return above.join("\n").trim();
  const line = text2.slice(keyOffset, le);
  const hash = findTrailingHash(line, maskNix(line));
  if (hash >= 0) return line.slice(hash).replace(/^#+\s?/, "").trim() || void 0;
  return void 0;
}
function findTrailingHash(line, masked) {
  for (let i = 0; i < line.length; i++) if (line[i] === "#" && masked[i] === " ") return i;
  return -1;
}
function enumFromDoc(doc) {
  if (!doc) return void 0;
  const m = /Options?\s*:\s*(.+)$/im.exec(doc);
  if (!m) return void 0;
  const quoted = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  if (quoted.length) return quoted;
  const bare = m[1].split(/\s*[,|]\s*/).map((s) => s.trim().replace(/[.;]$/, "")).filter((s) => /^[\w.-]+$/.test(s));
  return bare.length ? bare : void 0;
}

// server/src/model/settingReads.ts
var READ = /(?<![\w'-])(systemSettings|userSettings)\.([A-Za-z_][A-Za-z0-9_'-]*)/g;
function scanSettingReads(text2, uri2) {
  const masked = maskNix(text2);
  const out = [];
  for (const m of masked.matchAll(READ)) {
    const keyStart = (m.index ?? 0) + m[1].length + 1;
    const key = m[2];
    const after = keyStart + key.length;
    const read = { block: m[1], key, origin: { uri: uri2, span: { start: keyStart, end: after } } };
    const orm = /^\s+or\s+/.exec(masked.slice(after, after + 40));
    if (orm) {
      const start = after + orm[0].length;
      const end = literalEnd(masked, start);
      if (end > start) read.orDefault = { text: text2.slice(start, end), span: { start, end } };
    }
    out.push(read);
  }
  return out;
}
function literalEnd(t, i) {
  const c = t[i];
  if (c === '"') {
    let j = i + 1;
    while (j < t.length && t[j] !== '"') j += t[j] === "\\" ? 2 : 1;
    return Math.min(j + 1, t.length);
  }
  if (c === "[" || c === "{" || c === "(") {
    const close = c === "[" ? "]" : c === "{" ? "}" : ")";
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      if (t[j] === c) depth++;
      else if (t[j] === close && --depth === 0) return j + 1;
      else if (t[j] === '"') {
        j++;
        while (j < t.length && t[j] !== '"') j += t[j] === "\\" ? 2 : 1;
      }
    }
    return i;
  }
  const m = /^(-?\d+(\.\d+)?|[A-Za-z_][\w'.-]*|\.{0,2}\/[\w./-]+)/.exec(t.slice(i, i + 200));
  return m ? i + m[0].length : i;
}
function literalValue(text2) {
  const t = text2.trim();
  if (t === "true" || t === "false") return { value: t === "true" };
  if (t === "null") return { value: null };
  if (/^-?\d+$/.test(t)) return { value: Number(t) };
  if (/^-?\d+\.\d+$/.test(t)) return { value: Number(t) };
  if (/^"([^"\\$]|\\.)*"$/.test(t)) return { value: t.slice(1, -1).replace(/\\(.)/g, "$1") };
  if (/^\[[\s\S]*\]$/.test(t)) {
    const inner = t.slice(1, -1).trim();
    if (inner === "") return { value: [] };
    const items = inner.match(/"(?:[^"\\]|\\.)*"|[^\s]+/g) ?? [];
    const vals = items.map((x) => literalValue(x));
    return vals.every((v3) => v3 !== void 0) ? { value: vals.map((v3) => v3?.value) } : { value: [] };
  }
  if (/^\{\s*\}$/.test(t)) return { value: {} };
  return void 0;
}

// server/src/model/catalog.ts
function emptyCatalog() {
  return { systemSettings: /* @__PURE__ */ new Map(), userSettings: /* @__PURE__ */ new Map() };
}
function lookupSetting(cat, block, key) {
  return cat[block].get(key) ?? cat[block === "systemSettings" ? "userSettings" : "systemSettings"].get(key);
}
function allEntries(cat) {
  return [...cat.systemSettings.values(), ...cat.userSettings.values()];
}
function typeOfValue(v3) {
  switch (v3.kind) {
    case "string":
      return "string";
    case "path":
      return "path";
    case "number":
      return v3.integer ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "list":
      return "list";
    case "attrs":
      return "attrs";
    default:
      return void 0;
  }
}
function typeOfPlain(p) {
  if (typeof p === "boolean") return ["boolean"];
  if (typeof p === "string") return ["string"];
  if (typeof p === "number") return Number.isInteger(p) ? ["integer"] : ["number"];
  if (Array.isArray(p)) return ["list"];
  if (p !== null && typeof p === "object") return ["attrs"];
  return [];
}
function typeAccepts(types, t) {
  if (types.length === 0) return true;
  if (types.includes(t)) return true;
  if (t === "integer" && types.includes("number")) return true;
  if (t === "path" && types.includes("string") || t === "string" && types.includes("path")) return true;
  return false;
}
function describeType(types) {
  const words = {
    boolean: "`true` or `false`",
    string: "a string",
    integer: "a whole number",
    number: "a number",
    list: "a list",
    attrs: "an attribute set",
    path: "a path",
    null: "`null`"
  };
  return types.map((t) => words[t]).join(" or ");
}
function blank(key, block) {
  return { key, block, types: [], reads: [], sources: [] };
}
function overlay(cat, e, source) {
  const map = cat[e.block];
  const cur = map.get(e.key) ?? blank(e.key, e.block);
  if (e.types && (e.types.length || !cur.types.length)) cur.types = e.types;
  if (e.default !== void 0) cur.default = e.default;
  if (e.description) cur.description = e.description;
  if (e.enum) cur.enum = e.enum;
  if (e.deprecated) cur.deprecated = e.deprecated;
  if (e.format) cur.format = e.format;
  if (e.definition && (!cur.definition || source === "defaults")) cur.definition = e.definition;
  if (!cur.sources.includes(source)) cur.sources.push(source);
  map.set(e.key, cur);
}
function fromDefaults(cat, defaults, text2) {
  if (!defaults || defaults.kind !== "attrs") return;
  for (const block of ["systemSettings", "userSettings"]) {
    const b = defaults.entries.get(block)?.value;
    if (!b || b.kind !== "attrs") continue;
    for (const [key, e] of b.entries) {
      const inFile = text2 !== void 0 && e.keyOrigin.uri === defaults.origin.uri;
      const doc = inFile ? docCommentAt(text2, e.keyOrigin.span.start) : void 0;
      const plain = e.value.kind === "unknown" ? void 0 : toPlain(e.value);
      overlay(
        cat,
        {
          key,
          block,
          types: e.value.kind === "unknown" ? [] : typeOfPlain(plain),
          default: plain,
          description: doc,
          enum: enumFromDoc(doc),
          definition: e.keyOrigin
        },
        "defaults"
      );
    }
  }
}
function fromReads(cat, reads) {
  for (const r of reads) {
    const known = cat[r.block].get(r.key);
    if (known) {
      known.reads.push(r.origin);
      if (known.default === void 0 && r.orDefault) {
        const lit2 = literalValue(r.orDefault.text);
        if (lit2) {
          known.default = lit2.value;
          if (!known.types.length) known.types = typeOfPlain(lit2.value);
        }
      }
      if (!known.sources.includes("read")) known.sources.push("read");
      continue;
    }
    if (!r.orDefault) continue;
    const lit = literalValue(r.orDefault.text);
    overlay(
      cat,
      {
        key: r.key,
        block: r.block,
        types: lit ? typeOfPlain(lit.value) : [],
        default: lit?.value,
        definition: r.origin
      },
      "read"
    );
    cat[r.block].get(r.key)?.reads.push(r.origin);
  }
}
function schemaTypes(t) {
  const list = t === void 0 ? [] : Array.isArray(t) ? t : [t];
  if (list.includes("any")) return [];
  const map = {
    boolean: "boolean",
    string: "string",
    integer: "integer",
    number: "number",
    array: "list",
    list: "list",
    object: "attrs",
    attrs: "attrs",
    null: "null",
    path: "path"
  };
  return list.map((x) => map[x]).filter((x) => x !== void 0);
}
function fromSchema(cat, schema, source) {
  if (!schema || typeof schema !== "object") return;
  const root2 = schema;
  const container = root2.catalog ?? root2.properties ?? root2;
  for (const block of ["systemSettings", "userSettings"]) {
    const b = container[block];
    if (!b || typeof b !== "object") continue;
    const props = root2.catalog ? b : b.properties ?? b;
    for (const [key, p] of Object.entries(props)) {
      if (!p || typeof p !== "object") continue;
      const dep = p.deprecated;
      const depObj = typeof dep === "object" && dep !== null ? dep : void 0;
      overlay(
        cat,
        {
          key,
          block,
          types: schemaTypes(p.type),
          default: p.default,
          description: p.markdownDescription ?? p.description,
          enum: Array.isArray(p.enum) ? p.enum : void 0,
          deprecated: dep === true || depObj ? { message: depObj?.message ?? p.deprecationMessage, replacement: depObj?.replacement ?? p.replacement } : void 0,
          format: p.kind ?? p.format
        },
        source
      );
    }
  }
}

// server/src/model/profiles.ts
var BLOCKS = ["systemSettings", "userSettings"];
function profileNameOf(uri2) {
  return basenameUri(uri2).replace(/\.nix$/, "").replace(/-config$/, "");
}
function attrs(v3) {
  return v3 && v3.kind === "attrs" ? v3 : void 0;
}
function makeProfile(uri2, value, deps) {
  const top = attrs(value);
  return {
    uri: uri2,
    name: profileNameOf(uri2),
    value,
    system: attrs(top?.entries.get("systemSettings")?.value),
    user: attrs(top?.entries.get("userSettings")?.value),
    deps
  };
}
function blockOf(p, block) {
  return block === "systemSettings" ? p.system : p.user;
}
function setting(p, key) {
  if (!p) return void 0;
  for (const block of BLOCKS) {
    const e = blockOf(p, block)?.entries.get(key);
    if (e) return { block, entry: e };
  }
  return void 0;
}
function settingValue(p, key) {
  return setting(p, key)?.entry.value;
}

// server/src/checks/util.ts
function at(rule, origin, message2, extra) {
  return { rule, uri: origin.uri, span: origin.span, message: message2, ...extra };
}
function rel(origin, message2) {
  return { uri: origin.uri, span: origin.span, message: message2 };
}
function levenshtein(a, b) {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}
function didYouMean(word, candidateIterable) {
  const candidates = [...candidateIterable];
  let best;
  let bestD = Infinity;
  const lw = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lw ? 0 : levenshtein(lw, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  if (best !== void 0 && bestD <= limit) return best;
  if (word.length >= 4) {
    const starts = candidates.filter((c) => c.toLowerCase().startsWith(lw) && c !== word);
    if (starts.length === 1) return starts[0];
  }
  return void 0;
}
function inheritedRelated(s) {
  return s.inheritedBy.map((p) => rel(p.merge, `inherited by ${p.name} through this merge`));
}
var ownCache = /* @__PURE__ */ new WeakMap();
var refCache = /* @__PURE__ */ new WeakMap();
var profileSetIds = /* @__PURE__ */ new WeakMap();
var lastProfileSet = { key: "", id: 0 };
function profileSetId(h) {
  let id = profileSetIds.get(h);
  if (id !== void 0) return id;
  const key = [...h.profiles.keys()].join("\n");
  if (key !== lastProfileSet.key) lastProfileSet = { key, id: lastProfileSet.id + 1 };
  id = lastProfileSet.id;
  profileSetIds.set(h, id);
  return id;
}
function settingRefs(h, p, profileSet) {
  const cached = refCache.get(p);
  if (cached && cached.profileSet === profileSet) return cached.refs;
  const refs = [];
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, entry] of b.entries) {
      for (let e = entry; e; e = e.overrides) {
        if (!h.profiles.has(e.keyOrigin.uri)) continue;
        const inherited = e === entry && e.keyOrigin.uri !== p.uri && b.origin.uri === p.uri;
        refs.push({ id: `${e.keyOrigin.uri}#${e.keyOrigin.span.start}`, block, key, entry: e, ...inherited ? { inheritedThrough: b.origin } : {} });
      }
    }
  }
  refCache.set(p, { profileSet, refs });
  return refs;
}
function ownSettings(h) {
  const cached = ownCache.get(h);
  if (cached) return cached;
  const out = [];
  ownCache.set(h, out);
  const byId = /* @__PURE__ */ new Map();
  const profileSet = profileSetId(h);
  for (const p of h.profiles.values()) {
    for (const r of settingRefs(h, p, profileSet)) {
      let own = byId.get(r.id);
      if (!own) {
        own = { profileUri: r.entry.keyOrigin.uri, block: r.block, key: r.key, entry: r.entry, inheritedBy: [] };
        byId.set(r.id, own);
        out.push(own);
      }
      if (r.inheritedThrough) own.inheritedBy.push({ uri: p.uri, name: p.name, merge: r.inheritedThrough });
    }
  }
  return out;
}
function settingsWrittenIn(p) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, entry] of b.entries)
      for (let e = entry; e; e = e.overrides) {
        if (e.keyOrigin.uri !== p.uri || seen.has(e.keyOrigin.span.start)) continue;
        seen.add(e.keyOrigin.span.start);
        out.push({ profileUri: p.uri, block, key, entry: e, inheritedBy: [] });
      }
  }
  return out;
}
function overOwnSettings(judge5) {
  return ({ homelab: h }) => {
    const out = [];
    for (const s of ownSettings(h)) {
      const f = judge5(h, s);
      if (f) out.push(f);
    }
    return out;
  };
}
function stringsIn(v3, depth = 0) {
  if (depth > 6) return [];
  if (v3.kind === "string") return [{ value: v3.value, origin: v3.origin }];
  if (v3.kind === "list") return v3.items.flatMap((i) => stringsIn(i, depth + 1));
  if (v3.kind === "attrs") return [...v3.entries.values()].flatMap((e) => stringsIn(e.value, depth + 1));
  return [];
}

// server/src/checks/rules/calendarFormat.ts
function isCalendarSetting(key, format) {
  return /OnCalendar$/.test(key) || format === "calendar" || format === "systemd-calendar";
}
var calendarFormat = {
  id: "calendar-format",
  defaultSeverity: "error",
  description: "A value that is not a valid systemd OnCalendar expression.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const check = (s) => {
      const r = parseCalendar(s.value);
      if ("error" in r) out.push(at("calendar-format", s.origin, r.error));
    };
    for (const c of h.inventory?.containers.values() ?? []) if (c.update) check(c.update);
    for (const s of ownSettings(h)) {
      if (!isCalendarSetting(s.key, lookupSetting(h.catalog, s.block, s.key)?.format)) continue;
      const v3 = s.entry.value;
      if (v3.kind === "string") check({ value: v3.value, origin: v3.origin });
    }
    return out;
  }
};

// server/src/checks/rules/deployUnsafeValue.ts
var SHELL = /[;|&<>`$\\'"\n\r\0]/;
var NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
var USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
var DIR = /^\/[A-Za-z0-9._@%+=:,/-]*$/;
var BRANCH = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
var DANGEROUS_SSH = /^(ProxyCommand|LocalCommand|PermitLocalCommand|RemoteCommand|KnownHostsCommand|Match)$/i;
function why(value) {
  if (value.startsWith("-")) return "it starts with `-` and would be read as an option";
  if (/[\n\r]/.test(value)) return "it contains a line break";
  const m = SHELL.exec(value);
  if (m) return `it contains the shell character \`${m[0] === "`" ? "backquote" : m[0]}\``;
  if (/\s/.test(value)) return "it contains a space";
  return "it contains characters a command line must not carry";
}
function unsafeFindings(deploys, names) {
  const out = [];
  const bad = (s, ok, field, owner) => {
    if (s && !ok.test(s.value)) out.push(at("deploy-unsafe-value", s.origin, `unsafe ${field} for ${owner}: \`${s.value.replace(/\n/g, "\\n")}\` \u2014 ${why(s.value)}`));
  };
  for (const n of names) if (!NAME.test(n.name)) out.push(at("deploy-unsafe-value", n.origin, `unsafe ${n.what} name \`${n.name}\`: ${why(n.name)}; it is passed to deploy commands`));
  for (const { spec, owner } of deploys) {
    bad(spec.user, USER, "deploy user", owner);
    bad(spec.dotfilesDir, DIR, "dotfilesDir", owner);
    bad(spec.branch, BRANCH, "branch", owner);
    if (spec.command) {
      const c = spec.command.value;
      const m = /[;|&<>`\n\r]|\$\(|\$\{|\$[A-Za-z_]/.exec(c);
      if (m) out.push(at("deploy-unsafe-value", spec.command.origin, `unsafe command for ${owner}: \`${m[0].replace(/\n/, "\\n")}\` is shell syntax, but the command runs without a shell; put a pipeline in a script`));
      for (const ph of c.matchAll(/\{([^}]*)\}/g))
        if (!["dir", "profile", "ip", "user", "host"].includes(ph[1]))
          out.push(at("deploy-unsafe-value", spec.command.origin, `unknown placeholder \`{${ph[1]}}\` in the command of ${owner} (use {dir}, {profile}, {ip}, {user}, {host})`));
    }
    for (let i = 0; i < spec.sshOptions.length; i++) {
      const o = spec.sshOptions[i];
      const opt = o.value.startsWith("-o") ? o.value.slice(2).trim() : spec.sshOptions[i - 1]?.value === "-o" ? o.value : void 0;
      const key = opt?.split(/[=\s]/)[0];
      if (key && DANGEROUS_SSH.test(key)) out.push(at("deploy-unsafe-value", o.origin, `the ssh option \`${key}\` runs a command; it is not allowed in deploy options`));
      else if (/[\n\r\0]/.test(o.value)) out.push(at("deploy-unsafe-value", o.origin, "an ssh option with a line break"));
    }
  }
  return out;
}
var deployUnsafeValue = {
  id: "deploy-unsafe-value",
  defaultSeverity: "error",
  description: "An inventory value used in deploy commands that could be read as an option or as shell syntax.",
  scope: "document",
  checkFile(ctx, uri2) {
    const inv = ctx.homelab.inventory;
    if (!inv || uri2 !== inv.uri) return [];
    const deploys = [];
    if (inv.deploy) deploys.push({ spec: inv.deploy, owner: "all containers" });
    for (const c of inv.containers.values()) if (c.deploy) deploys.push({ spec: c.deploy, owner: c.name });
    const names = [
      ...[...inv.containers.values()].map((c) => ({ name: c.name, origin: c.keyOrigin, what: "container" })),
      ...[...inv.hosts.values()].map((c) => ({ name: c.name, origin: c.keyOrigin, what: "host" }))
    ];
    return unsafeFindings(deploys, names);
  }
};

// server/src/checks/rules/deprecatedSetting.ts
function judge(h, s) {
  const d = lookupSetting(h.catalog, s.block, s.key)?.deprecated;
  if (!d) return void 0;
  const msg = `\`${s.key}\` is deprecated${d.replacement ? `: use \`${d.replacement}\` instead` : ""}${d.message ? ` (${d.message})` : ""}`;
  return at("deprecated-setting", s.entry.keyOrigin, msg, { related: inheritedRelated(s), data: d.replacement ? { replacement: d.replacement } : void 0 });
}
var deprecatedSetting = {
  id: "deprecated-setting",
  defaultSeverity: "warning",
  description: "A setting that is deprecated (the message names its replacement).",
  scope: "homelab",
  checkSetting: judge,
  check: overOwnSettings(judge)
};

// server/src/checks/rules/encryptedFile.ts
var encryptedFile = {
  id: "encrypted-file",
  defaultSeverity: "info",
  description: "A git-crypt encrypted or binary file (shown when it is open): not parsed, values read from it are treated as unknown.",
  scope: "document",
  checkFile(ctx, uri2) {
    if (!uri2.endsWith(".nix") || !ctx.workspace.docs.isOpen(uri2)) return [];
    const a = ctx.workspace.nixAnalysis(uri2);
    if (!a?.unparseable) return [];
    const fromLayer = a.diagnostics.find((d) => d.rule === "encrypted-file");
    const message2 = fromLayer?.message ?? (a.unparseable === "git-crypt" ? "This file is encrypted with git-crypt: it is not checked, and values imported from it are unknown. Run `git-crypt unlock` to check it." : "This file is binary: it is not checked, and values imported from it are unknown.");
    return [{ rule: "encrypted-file", uri: uri2, span: fromLayer?.span ?? { start: 0, end: 0 }, message: message2 }];
  }
};

// server/src/checks/rules/fileTooLarge.ts
var fileTooLarge = {
  id: "file-too-large",
  defaultSeverity: "info",
  description: "A file larger than `homelab.maxFileSize` bytes is not parsed or checked.",
  scope: "document",
  checkFile(ctx, uri2) {
    if (!ctx.workspace.tooLarge(uri2)) return [];
    const size = ctx.workspace.docs.size(uri2) ?? 0;
    return [
      {
        rule: "file-too-large",
        uri: uri2,
        span: { start: 0, end: 0 },
        message: `This file is ${size} bytes, over the ${ctx.homelab.settings.maxFileSize}-byte limit (\`homelab.maxFileSize\`): it is not parsed or checked.`
      }
    ];
  }
};

// server/src/model/ip.ts
var ipaddr = __toESM(require_ipaddr());
var memo2 = /* @__PURE__ */ new Map();
function parseAddress(text2) {
  let r = memo2.get(text2);
  if (r === void 0) {
    r = parseAddressUncached(text2);
    if (memo2.size > 5e4) memo2.clear();
    memo2.set(text2, r);
  }
  return r;
}
function parseAddressUncached(text2) {
  const t = text2.trim();
  if (t.length > 45 || !/^[0-9A-Fa-f:.%/]+$/.test(t) || !/[.:]/.test(t)) return { error: `\`${text2}\` is not an IP address` };
  if (t !== text2 || t === "") return { error: `\`${text2}\` is not an IP address` };
  if (t.includes("/")) return { error: `\`${text2}\` is a network, not an address: leave out the \`/${t.split("/")[1]}\` prefix` };
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) {
    const addr = ipaddr.IPv4.parse(t);
    return { addr, key: addr.toString() };
  }
  if (t.includes(":") && ipaddr.IPv6.isValid(t)) {
    const addr = ipaddr.IPv6.parse(t);
    return { addr, key: addr.toNormalizedString() };
  }
  if (/^[\d.]+$/.test(t)) {
    const parts = t.split(".");
    if (parts.length !== 4) return { error: `\`${text2}\` is not an IPv4 address: it needs four numbers separated by dots` };
    const bad = parts.find((p) => p === "" || Number(p) > 255 || p.length > 1 && p.startsWith("0"));
    return { error: `\`${text2}\` is not an IPv4 address: \`${bad ?? ""}\` is not a number from 0 to 255` };
  }
  return { error: `\`${text2}\` is not an IP address` };
}
function parseCidr(text2) {
  const t = text2.trim();
  const slash = t.indexOf("/");
  if (slash < 0) return { error: `\`${text2}\` is not a network: add a prefix length, e.g. \`${t}/24\`` };
  const a = parseAddress(t.slice(0, slash));
  if ("error" in a) return { error: `\`${text2}\` is not a network: ${a.error}` };
  const p = t.slice(slash + 1);
  const max = a.addr.kind() === "ipv4" ? 32 : 128;
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) return { error: `\`${text2}\` is not a network: the prefix length must be a number from 0 to ${max}` };
  const prefix = Number(p);
  const network = networkOf(a.addr, prefix);
  return { addr: a.addr, prefix, network: toKey(network), key: `${toKey(network)}/${prefix}` };
}
function toKey(a) {
  return a.kind() === "ipv4" ? a.toString() : a.toNormalizedString();
}
function bytes(a) {
  return a.toByteArray();
}
function fromBytes(b) {
  return ipaddr.fromByteArray(b);
}
function networkOf(a, prefix) {
  const b = bytes(a);
  return fromBytes(b.map((x, i) => x & maskByte(prefix, i)));
}
function maskByte(prefix, i) {
  const bits = Math.max(0, Math.min(8, prefix - i * 8));
  return 255 << 8 - bits & 255;
}
function broadcastOf(c) {
  const b = bytes(c.addr).map((x, i) => x & maskByte(c.prefix, i) | ~maskByte(c.prefix, i) & 255);
  return toKey(fromBytes(b));
}
function contains(c, a) {
  return c.addr.kind() === a.kind() && a.match(c.addr, c.prefix);
}
function reservedRole(c, a) {
  if (c.addr.kind() !== "ipv4" || a.kind() !== "ipv4" || c.prefix >= 31) return void 0;
  const k = toKey(a);
  if (k === c.network) return "network";
  if (k === broadcastOf(c)) return "broadcast";
  return void 0;
}
function isParsed(r) {
  return !("error" in r);
}

// server/src/checks/rules/gatewayOutsideNetwork.ts
var gatewayOutsideNetwork = {
  id: "gateway-outside-network",
  defaultSeverity: "error",
  description: "A network's gateway that is not inside the network's own CIDR.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    for (const n of h.inventory?.networks.values() ?? []) {
      if (!n.cidr || !n.gateway) continue;
      const c = parseCidr(n.cidr.value);
      const g = parseAddress(n.gateway.value);
      if (!isParsed(c) || !isParsed(g)) continue;
      if (!contains(c, g.addr)) out.push(at("gateway-outside-network", n.gateway.origin, `gateway \`${n.gateway.value}\` is outside network ${n.name} (${c.key})`));
    }
    return out;
  }
};

// server/src/checks/rules/inventoryProfileMismatch.ts
var inventoryProfileMismatch = {
  id: "inventory-profile-mismatch",
  defaultSeverity: "warning",
  description: "The inventory and the profile of a container disagree (address, hostname, update calendar).",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    for (const c of h.containers.values()) {
      const d = c.decl;
      const p = c.profile;
      if (!d || !p || !c.profileUri) continue;
      const compare2 = (inv, key, label, same) => {
        const hit = setting(p, key);
        const v3 = hit?.entry.value;
        if (!inv || !v3 || v3.kind !== "string" || v3.value === "") return;
        const eq = same(inv.value, v3.value);
        if (eq !== false) return;
        const inProfile = v3.origin.uri === c.profileUri;
        const place = inProfile ? v3.origin : inv.origin;
        const other = inProfile ? inv.origin : v3.origin;
        const msg = `${label} disagrees: the inventory says \`${inv.value}\` for ${c.name}, its profile says \`${v3.value}\``;
        out.push(
          at("inventory-profile-mismatch", place, msg, {
            related: [rel(other, inProfile ? `the inventory's ${label}` : `the profile's ${label}`)],
            data: { field: key, inventory: inv.value, profile: v3.value }
          })
        );
      };
      compare2(d.ip, "ipAddress", "IP address", (a, b) => {
        const x = parseAddress(a);
        const y = parseAddress(b);
        return isParsed(x) && isParsed(y) ? x.key === y.key : void 0;
      });
      compare2(d.hostname, "hostname", "hostname", (a, b) => a === b);
      compare2(d.update, "autoSystemUpdateOnCalendar", "update calendar", (a, b) => {
        const x = parseCalendar(a);
        const y = parseCalendar(b);
        return "error" in x || "error" in y ? void 0 : x.normalized === y.normalized;
      });
    }
    return out;
  }
};

// server/src/checks/rules/inventorySchema.ts
var import__ = __toESM(require__());
var import_ajv_formats = __toESM(require_dist2());

// schemas/inventory.schema.json
var inventory_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://homelab-profiles.github.io/schemas/inventory.schema.json",
  title: "Homelab inventory (homelab.yaml)",
  description: "The inventory of a homelab: networks, physical hosts and devices, the containers that run NixOS profiles, the services in them, and how containers are deployed.",
  markdownDescription: "The inventory of a homelab: **networks**, physical **hosts** and devices, the **containers** that run NixOS profiles, the **services** in them, and how containers are **deployed**.\n\nFound at the workspace root as `homelab.yaml` / `homelab.yml`, or where the setting `homelab.inventory` points. Keys starting with `x-` are ignored (use them for YAML anchors).",
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "URI of the JSON Schema of this file (optional; the `# yaml-language-server: $schema=...` modeline works too).",
      markdownDescription: "URI of the JSON Schema of this file (optional; the `# yaml-language-server: $schema=...` modeline works too)."
    },
    version: {
      type: "integer",
      const: 1,
      default: 1,
      examples: [
        1
      ],
      description: "Version of the inventory format. Only 1 exists; omitting it means 1.",
      markdownDescription: "Version of the inventory format. Only `1` exists; omitting it means `1`.",
      errorMessage: "`version` must be 1"
    },
    domain: {
      type: "string",
      format: "hostname",
      examples: [
        "akunito.com",
        "example.org"
      ],
      description: "Public domain of the homelab, used for services published through a tunnel or a VPS.",
      markdownDescription: "Public domain of the homelab, used for services published through a tunnel or a VPS (`*.akunito.com`)."
    },
    localDomain: {
      type: "string",
      format: "hostname",
      examples: [
        "local.akunito.com",
        "home.arpa"
      ],
      description: "Domain that resolves to the local reverse proxy inside the LAN.",
      markdownDescription: "Domain that resolves to the local reverse proxy inside the LAN (`*.local.akunito.com`)."
    },
    networks: {
      type: "object",
      propertyNames: {
        $ref: "#/$defs/name"
      },
      additionalProperties: {
        $ref: "#/$defs/network"
      },
      default: {},
      description: "Networks by name. Every address in the inventory must lie inside one of them.",
      markdownDescription: "Networks by name (`home`, `guest`, `storage`, `wireguard`, ...). Every address in the inventory must lie inside one of them; two networks must not overlap.",
      examples: [
        {
          home: {
            cidr: "192.168.8.0/24",
            gateway: "192.168.8.1",
            dns: [
              "192.168.8.1"
            ],
            description: "Main LAN"
          }
        }
      ]
    },
    hosts: {
      type: "object",
      propertyNames: {
        $ref: "#/$defs/name"
      },
      additionalProperties: {
        $ref: "#/$defs/host"
      },
      default: {},
      description: "Physical machines and network devices by name: hypervisors, NAS, router, switches, access points, VPS, workstations.",
      markdownDescription: "Physical machines and network devices by name: hypervisors, NAS, router, switches, access points, VPS, workstations. Containers name their hypervisor in `host`.",
      examples: [
        {
          pve: {
            kind: "proxmox",
            ip: "192.168.8.82",
            description: "Proxmox VE hypervisor"
          }
        }
      ]
    },
    containers: {
      type: "object",
      propertyNames: {
        $ref: "#/$defs/name"
      },
      additionalProperties: {
        $ref: "#/$defs/container"
      },
      default: {},
      description: "Containers (LXC or VMs) that run a NixOS profile, by name. The name is also the profile name given to deploy commands ({profile}).",
      markdownDescription: "Containers (LXC or VMs) that run a NixOS profile, by name. The name is also the profile name given to deploy commands (`{profile}`), and `profiles/<name>-config.nix` is its profile unless `profile` says otherwise.",
      examples: [
        {
          LXC_monitoring: {
            host: "pve",
            vmid: 105,
            ip: "192.168.8.85",
            profile: "profiles/LXC_monitoring-config.nix",
            services: [
              "grafana",
              "prometheus"
            ],
            update: "Sat *-*-* 07:00:00"
          }
        }
      ]
    },
    services: {
      type: "object",
      propertyNames: {
        $ref: "#/$defs/name"
      },
      additionalProperties: {
        $ref: "#/$defs/service"
      },
      default: {},
      description: "Services by name, referenced from containers' services lists. Common self-hosted services (jellyfin, grafana, ...) are known with their usual port and need not be declared.",
      markdownDescription: "Services by name, referenced from the `services` lists of containers. Common self-hosted services (`jellyfin`, `grafana`, `syncthing`, ...) are known from a built-in catalog with their usual port and need not be declared; declare one to give its real port, URL or exposure.",
      examples: [
        {
          grafana: {
            port: 3002,
            url: "https://monitor.local.akunito.com",
            expose: "local"
          }
        }
      ]
    },
    deploy: {
      $ref: "#/$defs/deploy"
    }
  },
  patternProperties: {
    "^x-": {
      description: "Extension key, ignored by Homelab Profiles (handy for YAML anchors).",
      markdownDescription: "Extension key, ignored by Homelab Profiles (handy for YAML anchors)."
    }
  },
  additionalProperties: false,
  $defs: {
    name: {
      type: "string",
      pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$",
      minLength: 1,
      maxLength: 64,
      description: "A name: letters, digits, `_`, `-` and `.`, not starting with `-` or `.`.",
      markdownDescription: "A name: letters, digits, `_`, `-` and `.`, not starting with `-` or `.`.",
      patternErrorMessage: "A name may contain only letters, digits, `_`, `-` and `.`, not starting with `-` or `.`",
      examples: [
        "LXC_HOME",
        "pve",
        "uptime-kuma"
      ]
    },
    ip: {
      type: "string",
      anyOf: [
        {
          format: "ipv4"
        },
        {
          format: "ipv6"
        }
      ],
      description: "An IPv4 or IPv6 address without a prefix length.",
      markdownDescription: "An IPv4 or IPv6 address **without** a prefix length, like `192.168.8.80` (the network's `cidr` carries the prefix).",
      errorMessage: "must be an IPv4 or IPv6 address without a prefix, like 192.168.8.80",
      examples: [
        "192.168.8.80",
        "fd00::80"
      ]
    },
    cidr: {
      type: "string",
      anyOf: [
        {
          pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12][0-9]|[0-9])$"
        },
        {
          pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"
        }
      ],
      description: "A network in CIDR notation: an IPv4 or IPv6 address and a prefix length. The schema checks the shape; the ip-format rule checks the address itself.",
      markdownDescription: "A network in CIDR notation: an address and a prefix length, like `192.168.8.0/24` or `fd00:8::/64`. The schema checks the shape (IPv4 strictly, IPv6 loosely); the `ip-format` rule checks the address with a real IP library.",
      errorMessage: "must be a network in CIDR notation, like 192.168.8.0/24",
      examples: [
        "192.168.8.0/24",
        "fd00:8::/64"
      ]
    },
    network: {
      type: "object",
      description: "One network.",
      markdownDescription: "One network.",
      required: [
        "cidr"
      ],
      properties: {
        cidr: {
          $ref: "#/$defs/cidr",
          description: "The network's address range in CIDR notation. Hosts may not use its network or broadcast address.",
          markdownDescription: "The network's address range in CIDR notation, like `192.168.8.0/24`. Hosts and containers may not use its network or broadcast address.",
          examples: [
            "192.168.8.0/24"
          ]
        },
        gateway: {
          $ref: "#/$defs/ip",
          description: "Default gateway of the network; it must lie inside cidr.",
          markdownDescription: "Default gateway of the network; it must lie inside `cidr`.",
          examples: [
            "192.168.8.1"
          ]
        },
        dns: {
          type: "array",
          items: {
            $ref: "#/$defs/ip"
          },
          uniqueItems: true,
          default: [],
          description: "DNS resolvers handed out on this network.",
          markdownDescription: "DNS resolvers handed out on this network.",
          examples: [
            [
              "192.168.8.1"
            ]
          ]
        },
        vlan: {
          type: "integer",
          minimum: 1,
          maximum: 4094,
          description: "802.1Q VLAN id, if the network is a VLAN.",
          markdownDescription: "802.1Q VLAN id (1\u20134094), if the network is a VLAN.",
          errorMessage: "`vlan` must be a whole number between 1 and 4094",
          examples: [
            20
          ]
        },
        isolated: {
          type: "boolean",
          default: false,
          description: "Devices on this network cannot reach the other networks (a guest network).",
          markdownDescription: "Devices on this network cannot reach the other networks (a guest network).",
          examples: [
            true
          ]
        },
        description: {
          type: "string",
          description: "What the network is for.",
          markdownDescription: "What the network is for.",
          examples: [
            "Main LAN"
          ]
        }
      },
      additionalProperties: false
    },
    hostKind: {
      type: "string",
      enum: [
        "proxmox",
        "nas",
        "router",
        "switch",
        "access-point",
        "vps",
        "workstation",
        "other"
      ],
      default: "other",
      description: "What kind of device the host is. Containers may only name a host of kind proxmox.",
      markdownDescription: "What kind of device the host is. Containers name a host of kind `proxmox` as their `host`.",
      markdownEnumDescriptions: [
        "A Proxmox VE hypervisor that runs containers.",
        "Network attached storage (TrueNAS, Synology, ...).",
        "Router / firewall (pfSense, OPNsense, ...).",
        "Managed switch.",
        "Wi-Fi access point.",
        "A virtual private server outside the LAN.",
        "A desktop or laptop.",
        "Anything else with an address."
      ],
      errorMessage: "`kind` must be one of proxmox, nas, router, switch, access-point, vps, workstation, other",
      examples: [
        "proxmox"
      ]
    },
    host: {
      type: "object",
      description: "A physical machine or network device.",
      markdownDescription: "A physical machine or network device.",
      properties: {
        kind: {
          $ref: "#/$defs/hostKind"
        },
        ip: {
          $ref: "#/$defs/ip",
          description: "Management address of the host. Omit it for a device on DHCP.",
          markdownDescription: "Management address of the host. Omit it for a device on DHCP. Each address is used once across hosts and containers.",
          examples: [
            "192.168.8.82"
          ]
        },
        url: {
          type: "string",
          format: "uri",
          description: "Web UI of the device.",
          markdownDescription: "Web UI of the device.",
          examples: [
            "https://192.168.8.82:8006"
          ]
        },
        mac: {
          type: "string",
          pattern: "^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$",
          patternErrorMessage: "A MAC address looks like aa:bb:cc:dd:ee:ff",
          description: "MAC address, for DHCP reservations and wake-on-LAN.",
          markdownDescription: "MAC address, for DHCP reservations and wake-on-LAN.",
          examples: [
            "aa:bb:cc:dd:ee:ff"
          ]
        },
        description: {
          type: "string",
          description: "What the host is.",
          markdownDescription: "What the host is.",
          examples: [
            "Proxmox VE hypervisor"
          ]
        }
      },
      additionalProperties: false
    },
    calendar: {
      type: "string",
      minLength: 1,
      description: "A systemd OnCalendar expression (see systemd.time(7)).",
      markdownDescription: "A systemd `OnCalendar` expression (see `man systemd.time`), like `Sat *-*-* 07:00:00` or `weekly`. The `calendar-format` rule checks it.",
      examples: [
        "Sat *-*-* 07:00:00",
        "Sun *-*-* 03:30:00",
        "weekly"
      ]
    },
    container: {
      type: "object",
      description: "A container (LXC or VM) running a NixOS profile.",
      markdownDescription: "A container (LXC or VM) running a NixOS profile.",
      required: [
        "ip"
      ],
      properties: {
        host: {
          $ref: "#/$defs/name",
          description: "The hypervisor the container runs on: a key of hosts, of kind proxmox. Omit it while the host is not modelled (the container is shown as unassigned).",
          markdownDescription: "The hypervisor the container runs on: a key of `hosts`, of kind `proxmox`. Omit it while the host is not modelled (the container is shown as unassigned).",
          examples: [
            "pve"
          ]
        },
        vmid: {
          type: "integer",
          minimum: 100,
          maximum: 999999999,
          description: "Proxmox VM/CT id, unique on its host (Proxmox allows 100 to 999999999).",
          markdownDescription: "Proxmox VM/CT id, unique on its host. Proxmox allows `100` to `999999999`.",
          errorMessage: "`vmid` must be a whole number between 100 and 999999999",
          examples: [
            105
          ]
        },
        ip: {
          $ref: "#/$defs/ip",
          description: "Address of the container, inside one of the networks. Must equal the profile's ipAddress when the profile sets one.",
          markdownDescription: "Address of the container, inside one of the `networks` (that network is the container's network). Must equal the profile's `ipAddress` when the profile sets one; deploys connect to it.",
          examples: [
            "192.168.8.85"
          ]
        },
        hostname: {
          type: "string",
          pattern: "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$",
          patternErrorMessage: "A host name is one DNS label: letters, digits and `-`, at most 63 characters, not starting or ending with `-`",
          description: "Host name of the container (one DNS label). Must equal the profile's hostname when both give one.",
          markdownDescription: "Host name of the container (one DNS label, no dots). Must equal the profile's `hostname` when both give one.",
          examples: [
            "monitoring"
          ]
        },
        profile: {
          type: "string",
          pattern: "^(?![/\\\\])[^\\0\\n\\r]*\\.nix$",
          patternErrorMessage: "A profile is a relative path to a .nix file, like profiles/LXC_HOME-config.nix",
          description: "Path of the container's Nix profile, relative to the inventory's folder. Defaults to profiles/<container>-config.nix.",
          markdownDescription: "Path of the container's Nix profile, relative to the inventory's folder. Defaults to `profiles/<container>-config.nix`. The file must exist.",
          examples: [
            "profiles/LXC_monitoring-config.nix"
          ]
        },
        description: {
          type: "string",
          description: "What the container is for.",
          markdownDescription: "What the container is for.",
          examples: [
            "Prometheus & Grafana"
          ]
        },
        services: {
          type: "array",
          items: {
            $ref: "#/$defs/name"
          },
          uniqueItems: true,
          default: [],
          description: "Services running in the container: keys of services, or names from the built-in catalog of common self-hosted services.",
          markdownDescription: "Services running in the container: keys of `services`, or names from the built-in catalog of common self-hosted services (`jellyfin`, `grafana`, ...). A declared `port` must be open in the profile's `allowedTCPPorts` (or `allowedUDPPorts`).",
          examples: [
            [
              "grafana",
              "prometheus"
            ]
          ]
        },
        update: {
          $ref: "#/$defs/calendar",
          description: "When the container auto-updates: a systemd OnCalendar expression. Must equal the profile's autoSystemUpdateOnCalendar; containers of one host should not update at the same minute.",
          markdownDescription: "When the container auto-updates: a systemd `OnCalendar` expression. Must equal the profile's `autoSystemUpdateOnCalendar`; two containers of one host should not update at the same minute (`update-not-staggered`).",
          examples: [
            "Sat *-*-* 07:00:00"
          ]
        },
        deploy: {
          $ref: "#/$defs/deployOverride"
        }
      },
      additionalProperties: false
    },
    service: {
      type: "object",
      description: "A service running in one or more containers.",
      markdownDescription: "A service running in one or more containers.",
      properties: {
        port: {
          $ref: "#/$defs/port",
          description: "The port the service listens on in its container. An explicit port must be open in the firewall of every container that runs the service, unless expose is none or a proxy is named.",
          markdownDescription: "The port the service listens on in its container. An explicit `port` must be open in the firewall (`allowedTCPPorts` / `allowedUDPPorts`) of every container that runs the service, unless `expose: none` or a `proxy` is named. Two services of one container must not claim the same port."
        },
        protocol: {
          type: "string",
          enum: [
            "tcp",
            "udp"
          ],
          default: "tcp",
          description: "Transport protocol of port: tcp (checked against allowedTCPPorts) or udp (allowedUDPPorts).",
          markdownDescription: "Transport protocol of `port`: `tcp` (checked against `allowedTCPPorts`) or `udp` (against `allowedUDPPorts`).",
          examples: [
            "udp"
          ]
        },
        url: {
          type: "string",
          format: "uri",
          description: "Where users open the service.",
          markdownDescription: "Where users open the service.",
          examples: [
            "https://monitor.local.akunito.com"
          ]
        },
        expose: {
          type: "string",
          enum: [
            "local",
            "tunnel",
            "vpn",
            "none"
          ],
          default: "local",
          description: "How the service is reached: local (LAN, through the local reverse proxy), tunnel (Cloudflare Tunnel / public), vpn (only over WireGuard), none (not reachable from outside its container).",
          markdownDescription: "How the service is reached: `local` (LAN, through the local reverse proxy), `tunnel` (published through a Cloudflare Tunnel or similar), `vpn` (only over the VPN), `none` (not reachable from outside its container; its port need not be open).",
          markdownEnumDescriptions: [
            "On the LAN, usually through the local reverse proxy.",
            "Published to the internet through a tunnel.",
            "Only over the VPN.",
            "Not reachable from outside its container; its port need not be open."
          ],
          errorMessage: "`expose` must be one of local, tunnel, vpn, none",
          examples: [
            "local"
          ]
        },
        proxy: {
          $ref: "#/$defs/name",
          description: "The container (or host) that reverse-proxies this service, a key of containers or hosts.",
          markdownDescription: "The container (or host) that reverse-proxies this service: a key of `containers` or `hosts`, like `LXC_proxy`.",
          examples: [
            "LXC_proxy"
          ]
        },
        description: {
          type: "string",
          description: "What the service is.",
          markdownDescription: "What the service is.",
          examples: [
            "Dashboards and alerting"
          ]
        }
      },
      additionalProperties: false
    },
    port: {
      type: "integer",
      minimum: 1,
      maximum: 65535,
      description: "A TCP or UDP port, 1 to 65535.",
      markdownDescription: "A TCP or UDP port, `1` to `65535`.",
      errorMessage: "must be a port: a whole number between 1 and 65535",
      examples: [
        3002
      ]
    },
    deployMethod: {
      type: "string",
      enum: [
        "ssh-script",
        "nixos-rebuild",
        "colmena",
        "deploy-rs",
        "command"
      ],
      default: "ssh-script",
      description: "How a container is deployed.",
      markdownDescription: "How a container is deployed. Every command runs as an argument vector, never through a shell.",
      markdownEnumDescriptions: [
        "Over SSH as `user@ip`: fetch and reset the dotfiles checkout to the remote branch, then run `command` in `dotfilesDir`.",
        "Locally: `nixos-rebuild switch --flake .#{profile} --target-host {user}@{ip} --use-remote-sudo`.",
        "Locally: `colmena apply --on {profile}` (a selection becomes one call with several `--on`).",
        "Locally: `deploy .#{profile}`.",
        "Locally: the `command` template."
      ],
      errorMessage: "`method` must be one of ssh-script, nixos-rebuild, colmena, deploy-rs, command",
      examples: [
        "ssh-script"
      ]
    },
    deployUser: {
      type: "string",
      pattern: "^[A-Za-z_][A-Za-z0-9_.-]{0,31}$",
      patternErrorMessage: "A user name is a POSIX login: a letter or `_`, then letters, digits, `_`, `.` or `-`, at most 32 characters",
      description: "SSH login user ({user}). A POSIX user name: a letter or _ first, then letters, digits, _, . or -, at most 32 characters.",
      markdownDescription: "SSH login user (`{user}`). A POSIX user name: a letter or `_` first, then letters, digits, `_`, `.` or `-`, at most 32 characters (so it can never be read as an option or carry `@`).",
      examples: [
        "akunito",
        "root"
      ]
    },
    deployDotfilesDir: {
      type: "string",
      pattern: "^/[A-Za-z0-9._@%+=:,/-]*$",
      patternErrorMessage: "dotfilesDir must be an absolute path of letters, digits and . _ @ % + = : , / - (no spaces, quotes, ~ or shell characters)",
      description: "Absolute path of the dotfiles checkout on the container ({dir}). No spaces, quotes, ~, $ or other shell characters.",
      markdownDescription: "Absolute path of the dotfiles checkout on the container (`{dir}`), like `/home/akunito/.dotfiles`. No spaces, quotes, `~`, `$` or other shell characters.",
      examples: [
        "/home/akunito/.dotfiles"
      ]
    },
    deployCommand: {
      type: "string",
      minLength: 1,
      pattern: "^(?:[^{}\\n\\r;|&<>$`]|\\{(?:dir|profile|ip|user|host)\\})+$",
      patternErrorMessage: "The command runs without a shell: only the placeholders {dir}, {profile}, {ip}, {user}, {host} and no ; | & < > $ ` or line breaks",
      description: "Command template. For ssh-script it runs on the container in dotfilesDir; for command it runs locally. Placeholders: {dir}, {profile}, {ip}, {user}, {host}. It is split into arguments and never run through a shell, so ; | & < > $ and backquotes are not allowed (put a pipeline in a script).",
      markdownDescription: "Command template. For `ssh-script` it runs on the container inside `dotfilesDir`; for `command` it runs locally. Placeholders: `{dir}`, `{profile}` (the container name), `{ip}`, `{user}`, `{host}`. It is split into arguments and never run through a shell, so `;` `|` `&` `<` `>` `$` and backquotes are not allowed (put a pipeline in a script).",
      examples: [
        "./install.sh {dir} {profile} -s -u -q"
      ]
    },
    deploySshOptions: {
      type: "array",
      items: {
        type: "string",
        minLength: 1,
        pattern: "^[^\\n\\r\\0]*$"
      },
      default: [],
      description: "Extra arguments for ssh, one argument per item. Avoid options that run local commands (ProxyCommand, LocalCommand).",
      markdownDescription: "Extra arguments for `ssh`, one argument per item (`[-o, ConnectTimeout=10]`). Avoid options that run local commands (`ProxyCommand`, `LocalCommand`).",
      examples: [
        [
          "-o",
          "ConnectTimeout=10",
          "-o",
          "BatchMode=yes"
        ]
      ]
    },
    deployBranch: {
      type: "string",
      pattern: "^[A-Za-z0-9_][A-Za-z0-9_./-]*$",
      patternErrorMessage: "A branch name may contain letters, digits, `_`, `.`, `/` and `-`, not starting with `-`",
      description: "Remote branch the dotfiles checkout is reset to (ssh-script). Defaults to the checkout's upstream branch.",
      markdownDescription: "Remote branch the dotfiles checkout is reset to (`ssh-script`). Defaults to the checkout's upstream branch.",
      examples: [
        "main"
      ]
    },
    deploySshPort: {
      $ref: "#/$defs/port",
      description: "SSH port of the container.",
      markdownDescription: "SSH port of the container.",
      default: 22,
      examples: [
        22
      ]
    },
    deployOverride: {
      type: "object",
      description: "Deploy settings for this container, overriding the inventory-wide deploy block field by field.",
      markdownDescription: "Deploy settings for this container, overriding the inventory-wide `deploy` block field by field.",
      properties: {
        method: {
          $ref: "#/$defs/deployMethod"
        },
        user: {
          $ref: "#/$defs/deployUser"
        },
        dotfilesDir: {
          $ref: "#/$defs/deployDotfilesDir"
        },
        command: {
          $ref: "#/$defs/deployCommand"
        },
        sshOptions: {
          $ref: "#/$defs/deploySshOptions"
        },
        branch: {
          $ref: "#/$defs/deployBranch"
        },
        port: {
          $ref: "#/$defs/deploySshPort"
        }
      },
      additionalProperties: false,
      examples: [
        {
          user: "root"
        }
      ]
    },
    deploy: {
      type: "object",
      description: "Deploy defaults for every container; a container's own deploy block overrides them field by field.",
      markdownDescription: "Deploy defaults for every container; a container's own `deploy` block overrides them field by field.",
      properties: {
        method: {
          $ref: "#/$defs/deployMethod"
        },
        user: {
          $ref: "#/$defs/deployUser"
        },
        dotfilesDir: {
          $ref: "#/$defs/deployDotfilesDir"
        },
        command: {
          $ref: "#/$defs/deployCommand"
        },
        sshOptions: {
          $ref: "#/$defs/deploySshOptions"
        },
        branch: {
          $ref: "#/$defs/deployBranch"
        },
        port: {
          $ref: "#/$defs/deploySshPort"
        },
        parallel: {
          type: "integer",
          minimum: 1,
          default: 1,
          description: "How many containers deploy at once.",
          markdownDescription: "How many containers deploy at once.",
          errorMessage: "`parallel` must be a whole number of at least 1",
          examples: [
            1,
            3
          ]
        }
      },
      additionalProperties: false,
      default: {
        method: "ssh-script",
        parallel: 1
      },
      examples: [
        {
          method: "ssh-script",
          user: "akunito",
          dotfilesDir: "/home/akunito/.dotfiles",
          command: "./install.sh {dir} {profile} -s -u -q",
          sshOptions: [
            "-o",
            "ConnectTimeout=10",
            "-o",
            "BatchMode=yes"
          ],
          parallel: 1
        }
      ]
    }
  }
};

// schemas/profile-settings.schema.json
var profile_settings_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://homelab-profiles.github.io/schemas/profile-settings.schema.json",
  title: "Homelab profile settings catalog",
  description: `The catalog of profile settings (systemSettings / userSettings): for each setting its type, default, documentation, allowed values, deprecation and a semantic kind. This file is both the format of a catalog file (the schema below, for files listed in homelab.schemas) and the shipped base catalog (the top-level "catalog" key). At run time the catalog derived from lib/defaults.nix and from module reads is merged over it, and a user's catalog files win over both.`,
  markdownDescription: "The catalog of profile settings (`systemSettings` / `userSettings`): for each setting its type, default, documentation, allowed values, deprecation and a semantic `kind`.\n\nThis file is both the **format** of a catalog file (the schema below, for files listed in `homelab.schemas`) and the **shipped base catalog** (the top-level `catalog` key). At run time the catalog derived from `lib/defaults.nix` and from module reads (`systemSettings.x or d`) is merged over it, field by field, and a user's catalog files win over both.",
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "URI of this schema."
    },
    catalog: {
      $ref: "#/$defs/catalog"
    }
  },
  required: [
    "catalog"
  ],
  additionalProperties: false,
  examples: [
    {
      catalog: {
        systemSettings: {
          backupMonitoringEnable: {
            type: "boolean",
            default: false,
            description: "Alert when the last backup is older than a day."
          }
        }
      }
    }
  ],
  $defs: {
    settingName: {
      type: "string",
      pattern: "^[A-Za-z_][A-Za-z0-9_'-]*$",
      description: "A Nix attribute name.",
      patternErrorMessage: "A setting name is a Nix identifier: a letter or `_`, then letters, digits, `_`, `'` or `-`"
    },
    settingType: {
      type: "string",
      enum: [
        "boolean",
        "string",
        "integer",
        "number",
        "list",
        "attrs",
        "path",
        "any",
        "null"
      ],
      description: "Nix type of a setting: boolean, string, integer, number (integer or float), list, attrs (attribute set), path, any, null.",
      markdownEnumDescriptions: [
        "`true` or `false`.",
        "A string.",
        "A whole number.",
        "A number (a whole number is accepted too).",
        "A list; `items` describes each item.",
        "An attribute set; `properties` describes its keys.",
        "A Nix path (a string is accepted too).",
        "Anything.",
        '`null` (combine with another type: `["integer", "null"]`).'
      ]
    },
    settingKind: {
      type: "string",
      enum: [
        "ip",
        "ip-list",
        "host-ref",
        "host-ref-list",
        "port",
        "port-list",
        "calendar",
        "email",
        "url",
        "url-list",
        "hostname",
        "domain",
        "cidr",
        "cidr-list",
        "duration",
        "scrape-targets",
        "ssh-public-key",
        "username",
        "absolute-path"
      ],
      description: "What the value means, beyond its type: used by completion (which values to offer) and by the checks (which rule applies).",
      markdownEnumDescriptions: [
        "An IP address (completion offers the next free address of the right network; `ip-format`, `ip-outside-network`, `ip-duplicate` apply).",
        "A list of IP addresses of known hosts (completion offers them), like `nameServers`.",
        "The address or name of a known host or container, like `notificationSmtpHost` (completion offers known addresses; `unknown-scrape-target` applies to probe targets).",
        "A list of `host-ref` values.",
        "A TCP/UDP port, 1 to 65535.",
        "A list of ports, like `allowedTCPPorts` (`port-not-open` reads it).",
        "A systemd OnCalendar expression (`calendar-format`; `update-not-staggered` reads `autoSystemUpdateOnCalendar`).",
        "An email address.",
        "An http(s) URL.",
        "A list of URLs.",
        "One DNS label (a machine host name).",
        "A DNS domain name.",
        "A network in CIDR notation.",
        "A list of networks in CIDR notation.",
        "A duration like `30d`, `12h`.",
        "A list of Prometheus scrape targets `{ name; host; nodePort; cadvisorPort ? null; }` (`monitoring-coverage` reads it).",
        "An OpenSSH public key line.",
        "A POSIX user name.",
        "An absolute file-system path."
      ]
    },
    catalog: {
      type: "object",
      description: "Settings by block and name.",
      properties: {
        systemSettings: {
          type: "object",
          description: "Entries of systemSettings by setting name.",
          propertyNames: {
            $ref: "#/$defs/settingName"
          },
          additionalProperties: {
            $ref: "#/$defs/catalogEntry"
          }
        },
        userSettings: {
          type: "object",
          description: "Entries of userSettings by setting name.",
          propertyNames: {
            $ref: "#/$defs/settingName"
          },
          additionalProperties: {
            $ref: "#/$defs/catalogEntry"
          }
        }
      },
      additionalProperties: false
    },
    catalogEntry: {
      type: "object",
      description: "One setting (or, under items/properties, one part of a setting's value).",
      properties: {
        type: {
          description: "The Nix type, or a list of accepted types. Omitted means any.",
          anyOf: [
            {
              $ref: "#/$defs/settingType"
            },
            {
              type: "array",
              items: {
                $ref: "#/$defs/settingType"
              },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        description: {
          type: "string",
          description: "Plain-text documentation shown in hovers and completion."
        },
        markdownDescription: {
          type: "string",
          description: "Markdown documentation, preferred over description where Markdown is shown."
        },
        default: {
          description: "The default value (as JSON: Nix lists are arrays, attribute sets are objects)."
        },
        enum: {
          type: "array",
          minItems: 1,
          description: "The only values allowed (setting-enum)."
        },
        examples: {
          type: "array",
          description: "Example values, offered by completion."
        },
        kind: {
          $ref: "#/$defs/settingKind"
        },
        deprecated: {
          description: "The setting is deprecated: true, or an object naming its replacement and/or why (deprecated-setting).",
          anyOf: [
            {
              type: "boolean"
            },
            {
              type: "object",
              properties: {
                replacement: {
                  $ref: "#/$defs/settingName",
                  description: "The setting to use instead (offered as a quick fix)."
                },
                message: {
                  type: "string",
                  description: "Why it is deprecated, shown in the diagnostic."
                }
              },
              additionalProperties: false
            }
          ]
        },
        minimum: {
          type: "number",
          description: "Smallest allowed number."
        },
        maximum: {
          type: "number",
          description: "Largest allowed number."
        },
        pattern: {
          type: "string",
          format: "regex",
          description: "Regular expression (ECMAScript) a string value must match."
        },
        items: {
          $ref: "#/$defs/catalogEntry",
          description: "For type list: the entry every item follows."
        },
        properties: {
          type: "object",
          description: "For type attrs: entries of known keys.",
          propertyNames: {
            $ref: "#/$defs/settingName"
          },
          additionalProperties: {
            $ref: "#/$defs/catalogEntry"
          }
        },
        required: {
          type: "array",
          items: {
            $ref: "#/$defs/settingName"
          },
          uniqueItems: true,
          description: "For type attrs: keys that must be present."
        }
      },
      patternProperties: {
        "^x-": {
          description: "Extension data, ignored."
        }
      },
      additionalProperties: false
    }
  },
  catalog: {
    systemSettings: {
      hostname: {
        type: "string",
        default: "nixos",
        description: "Host name of the machine (networking.hostName). One DNS label.",
        markdownDescription: "Host name of the machine (`networking.hostName`): one DNS label, no dots. Must equal the inventory container's `hostname` when both give one.",
        kind: "hostname",
        examples: [
          "monitoring"
        ]
      },
      profile: {
        type: "string",
        default: "personal",
        description: "Which family of machine the profile describes; selects the module set.",
        examples: [
          "lxc",
          "homelab",
          "personal",
          "work",
          "vps"
        ]
      },
      system: {
        type: "string",
        default: "x86_64-linux",
        description: "Nix system double the profile is built for.",
        examples: [
          "x86_64-linux",
          "aarch64-linux"
        ]
      },
      systemStateVersion: {
        type: "string",
        default: "25.11",
        description: "NixOS release the machine was first installed with (system.stateVersion). Never change it on an existing machine.",
        markdownDescription: "NixOS release the machine was first installed with (`system.stateVersion`). **Never change it** on an existing machine.",
        examples: [
          "25.11",
          "24.05"
        ]
      },
      timezone: {
        type: "string",
        default: "Etc/UTC",
        description: "Time zone (time.timeZone). Auto-update calendars are read in this zone.",
        examples: [
          "Etc/UTC",
          "Europe/Madrid"
        ]
      },
      locale: {
        type: "string",
        default: "en_US.UTF-8",
        description: "Default locale (i18n.defaultLocale).",
        examples: [
          "en_US.UTF-8"
        ]
      },
      ipAddress: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Static IPv4 address of the wired interface; empty means DHCP.",
        markdownDescription: "Static IPv4 address of the wired interface; empty means DHCP. Must equal the inventory container's `ip`, lie inside a declared network, and be used by one machine only.",
        kind: "ip",
        examples: [
          "192.168.8.85"
        ]
      },
      wifiIpAddress: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Static IPv4 address of the Wi-Fi interface; empty means DHCP.",
        kind: "ip",
        examples: [
          "192.168.8.50"
        ]
      },
      defaultGateway: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Default gateway for a static address; empty means DHCP.",
        kind: "ip",
        examples: [
          "192.168.8.1"
        ]
      },
      nameServers: {
        type: "list",
        items: {
          type: "string",
          kind: "ip",
          description: "An IPv4 or IPv6 address."
        },
        default: [
          "1.1.1.1",
          "9.9.9.9"
        ],
        description: "DNS resolvers, in order of preference.",
        kind: "ip-list",
        examples: [
          [
            "192.168.8.1"
          ]
        ]
      },
      networkManagerEnable: {
        type: "boolean",
        default: false,
        description: "Manage the network with NetworkManager instead of static networking."
      },
      firewallEnable: {
        type: "boolean",
        default: true,
        description: "Enable the NixOS firewall (networking.firewall.enable)."
      },
      allowedTCPPorts: {
        type: "list",
        items: {
          type: "integer",
          kind: "port",
          minimum: 1,
          maximum: 65535,
          description: "A port, 1 to 65535."
        },
        default: [],
        description: "TCP ports opened in the firewall.",
        markdownDescription: "TCP ports opened in the firewall. Every service the inventory declares with an explicit `port` on this container must be in it (`port-not-open`).",
        kind: "port-list",
        examples: [
          [
            22,
            443
          ]
        ]
      },
      allowedUDPPorts: {
        type: "list",
        items: {
          type: "integer",
          kind: "port",
          minimum: 1,
          maximum: 65535,
          description: "A port, 1 to 65535."
        },
        default: [],
        description: "UDP ports opened in the firewall.",
        kind: "port-list",
        examples: [
          [
            51820
          ]
        ]
      },
      sshEnable: {
        type: "boolean",
        default: false,
        description: "Run the OpenSSH daemon."
      },
      sshPort: {
        type: "integer",
        default: 22,
        description: "Port the OpenSSH daemon listens on.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      sshPasswordAuthentication: {
        type: "boolean",
        default: false,
        description: "Allow password logins over SSH (keys only when false)."
      },
      sshAuthorizedKeys: {
        type: "list",
        items: {
          type: "string",
          kind: "ssh-public-key",
          description: "An OpenSSH public key line."
        },
        default: [],
        description: "Public keys allowed to log in as the main user.",
        examples: [
          [
            "ssh-ed25519 AAAA... user@host"
          ]
        ]
      },
      autoSystemUpdateEnable: {
        type: "boolean",
        default: false,
        description: "Pull the dotfiles and rebuild the system on a timer."
      },
      autoSystemUpdateOnCalendar: {
        type: "string",
        default: "Sat *-*-* 04:00:00",
        description: "systemd OnCalendar expression of the system auto-update. Containers of one host should not fire at the same minute.",
        markdownDescription: "systemd `OnCalendar` expression of the system auto-update. Must equal the inventory container's `update`; two containers of one host should not fire at the same minute (`update-not-staggered`).",
        kind: "calendar",
        examples: [
          "Sat *-*-* 07:00:00",
          "weekly"
        ]
      },
      autoSystemUpdateAllowReboot: {
        type: "boolean",
        default: false,
        description: "Reboot after an auto-update when the kernel or systemd changed."
      },
      autoUserUpdateEnable: {
        type: "boolean",
        default: false,
        description: "Also update the Home Manager configuration on a timer."
      },
      autoUserUpdateOnCalendar: {
        type: "string",
        default: "Sat *-*-* 05:00:00",
        description: "systemd OnCalendar expression of the user auto-update.",
        kind: "calendar",
        examples: [
          "Sat *-*-* 07:00:00",
          "weekly"
        ]
      },
      autoGarbageCollectEnable: {
        type: "boolean",
        default: false,
        description: "Collect old generations and store paths on a timer."
      },
      autoGarbageCollectOlderThan: {
        type: "string",
        default: "30d",
        description: "Generations older than this are deleted by the garbage collector (nix-collect-garbage --delete-older-than).",
        kind: "duration",
        examples: [
          "30d",
          "14d"
        ]
      },
      autoUpdateEnable: {
        type: "boolean",
        default: false,
        description: "Old name of autoSystemUpdateEnable.",
        markdownDescription: "Old name of `autoSystemUpdateEnable`.",
        deprecated: {
          replacement: "autoSystemUpdateEnable",
          message: "Renamed to autoSystemUpdateEnable when user updates got their own timer."
        }
      },
      autoUpdateOnCalendar: {
        type: "string",
        kind: "calendar",
        default: "Sat *-*-* 04:00:00",
        description: "Old name of autoSystemUpdateOnCalendar.",
        markdownDescription: "Old name of `autoSystemUpdateOnCalendar`.",
        deprecated: {
          replacement: "autoSystemUpdateOnCalendar"
        }
      },
      notificationOnFailureEnable: {
        type: "boolean",
        default: false,
        description: "Send an email when an auto-update or another monitored unit fails."
      },
      notificationToEmail: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Address that receives failure notifications.",
        kind: "email",
        examples: [
          "alerts@example.com"
        ]
      },
      notificationFromEmail: {
        type: [
          "string",
          "null"
        ],
        default: "nixos@localhost",
        description: "Sender address of failure notifications.",
        kind: "email",
        examples: [
          "nixos@example.com"
        ]
      },
      notificationSmtpHost: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "SMTP relay that notifications are sent through (an IP or host name).",
        markdownDescription: "SMTP relay that notifications are sent through: the address or name of a known host or container (completion offers them).",
        kind: "host-ref",
        examples: [
          "192.168.8.89"
        ]
      },
      notificationSmtpPort: {
        type: "integer",
        default: 25,
        description: "Port of the SMTP relay.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      notificationSmtpAuthEnable: {
        type: "boolean",
        default: false,
        description: "Authenticate to the SMTP relay."
      },
      notificationSmtpUser: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "User name for SMTP authentication."
      },
      notificationSmtpPasswordFile: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "File holding the SMTP password, read at send time (never put the password in the store).",
        kind: "absolute-path",
        examples: [
          "/run/secrets/smtp-password"
        ]
      },
      notificationSmtpTlsEnable: {
        type: "boolean",
        default: false,
        description: "Use STARTTLS towards the SMTP relay."
      },
      prometheusExporterEnable: {
        type: "boolean",
        default: false,
        description: "Run the Prometheus node exporter so the monitoring host can scrape this machine.",
        markdownDescription: "Run the Prometheus node exporter so the monitoring host can scrape this machine. A container with this on must appear in some profile's `prometheusRemoteTargets` (`monitoring-coverage`)."
      },
      prometheusNodeExporterPort: {
        type: "integer",
        default: 9100,
        description: "Port of the node exporter.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      prometheusExporterCadvisorEnable: {
        type: "boolean",
        default: false,
        description: "Run cAdvisor for Docker container metrics next to the node exporter."
      },
      prometheusCadvisorPort: {
        type: "integer",
        default: 9092,
        description: "Port of cAdvisor (9092, because 8080 is usually taken by an application).",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      prometheusNodeExporterEnable: {
        type: "boolean",
        default: false,
        description: "Old name of prometheusExporterEnable.",
        markdownDescription: "Old name of `prometheusExporterEnable`.",
        deprecated: {
          replacement: "prometheusExporterEnable",
          message: "The exporter flag now also covers cAdvisor settings; use prometheusExporterEnable."
        }
      },
      prometheusEnable: {
        type: "boolean",
        default: false,
        description: "Run a Prometheus server."
      },
      prometheusPort: {
        type: "integer",
        default: 9090,
        description: "Port of the Prometheus server.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      prometheusRetention: {
        type: "string",
        default: "30d",
        description: "How long Prometheus keeps samples.",
        kind: "duration",
        examples: [
          "30d",
          "90d"
        ]
      },
      prometheusRemoteTargets: {
        type: "list",
        items: {
          type: "attrs",
          description: "One machine to scrape.",
          properties: {
            name: {
              type: "string",
              description: "Instance label of the target.",
              examples: [
                "lxc_home"
              ]
            },
            host: {
              type: "string",
              kind: "ip",
              description: "Address of the target; a known host or container.",
              examples: [
                "192.168.8.80"
              ]
            },
            nodePort: {
              type: "integer",
              kind: "port",
              minimum: 1,
              maximum: 65535,
              default: 9100,
              description: "Port of its node exporter."
            },
            cadvisorPort: {
              type: [
                "integer",
                "null"
              ],
              kind: "port",
              minimum: 1,
              maximum: 65535,
              default: null,
              description: "Port of its cAdvisor, or null/absent when it has none."
            }
          },
          required: [
            "name",
            "host",
            "nodePort"
          ]
        },
        default: [],
        description: "Machines to scrape: a list of { name; host; nodePort; cadvisorPort ? null; }.",
        markdownDescription: "Machines to scrape: a list of `{ name; host; nodePort; cadvisorPort ? null; }`. Every container whose `prometheusExporterEnable` is true should be here at its address (`monitoring-coverage`); every `host` should be a known machine (`unknown-scrape-target`).",
        kind: "scrape-targets",
        examples: [
          [
            {
              name: "lxc_home",
              host: "192.168.8.80",
              nodePort: 9100,
              cadvisorPort: 9092
            }
          ]
        ]
      },
      prometheusBlackboxEnable: {
        type: "boolean",
        default: false,
        description: "Run the blackbox exporter for HTTP and ICMP probes."
      },
      prometheusBlackboxHttpTargets: {
        type: "list",
        items: {
          type: "string",
          kind: "url",
          description: "An http(s) URL."
        },
        default: [],
        description: "URLs probed over HTTP(S) by the blackbox exporter.",
        kind: "url-list",
        examples: [
          [
            "https://nextcloud.local.akunito.com"
          ]
        ]
      },
      prometheusBlackboxIcmpTargets: {
        type: "list",
        items: {
          type: "string",
          kind: "host-ref",
          description: "Address of a known host or container."
        },
        default: [],
        description: "Addresses probed with ICMP ping by the blackbox exporter.",
        kind: "host-ref-list",
        examples: [
          [
            "192.168.8.1"
          ]
        ]
      },
      prometheusSnmpEnable: {
        type: "boolean",
        default: false,
        description: "Run the SNMP exporter (for the firewall)."
      },
      prometheusSnmpTargets: {
        type: "list",
        items: {
          type: "string",
          kind: "host-ref",
          description: "Address of a known host."
        },
        default: [],
        description: "Addresses scraped by the SNMP exporter.",
        kind: "host-ref-list",
        examples: [
          [
            "192.168.8.1"
          ]
        ]
      },
      prometheusPveExporterEnable: {
        type: "boolean",
        default: false,
        description: "Run the Proxmox VE exporter."
      },
      prometheusPveHost: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Address of the Proxmox VE API scraped by the PVE exporter.",
        kind: "host-ref",
        examples: [
          "192.168.8.82"
        ]
      },
      grafanaEnable: {
        type: "boolean",
        default: false,
        description: "Run Grafana."
      },
      grafanaPort: {
        type: "integer",
        default: 3e3,
        description: "Port Grafana listens on.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      grafanaDomain: {
        type: [
          "string",
          "null"
        ],
        default: "localhost",
        description: "Public host name of Grafana (used for links in alert emails).",
        kind: "domain",
        examples: [
          "monitor.local.akunito.com"
        ]
      },
      nginxEnable: {
        type: "boolean",
        default: false,
        description: "Run nginx as a TLS-terminating reverse proxy in front of local services."
      },
      nginxProxyManagerEnable: {
        type: "boolean",
        default: false,
        description: "Run Nginx Proxy Manager (Docker) as the entry point for *.local domains."
      },
      cloudflaredEnable: {
        type: "boolean",
        default: false,
        description: "Run the Cloudflare Tunnel daemon."
      },
      acmeEnable: {
        type: "boolean",
        default: false,
        description: "Obtain certificates with acme.sh / Let's Encrypt."
      },
      dockerComposeProjects: {
        type: "list",
        items: {
          type: "string",
          description: "A project folder name."
        },
        default: [],
        description: "Docker Compose projects (folders under ~/.homelab) started at boot.",
        examples: [
          [
            "homelab",
            "media"
          ]
        ]
      },
      nextcloudEnable: {
        type: "boolean",
        default: false,
        description: "Run Nextcloud as a NixOS service (instead of Docker)."
      },
      jellyfinEnable: {
        type: "boolean",
        default: false,
        description: "Run Jellyfin as a NixOS service (instead of Docker)."
      },
      syncthingEnable: {
        type: "boolean",
        default: false,
        description: "Run Syncthing as a NixOS service (instead of Docker)."
      },
      uptimeKumaEnable: {
        type: "boolean",
        default: false,
        description: "Run Uptime Kuma."
      },
      homeAssistantEnable: {
        type: "boolean",
        default: false,
        description: "Run Home Assistant."
      },
      vaultwardenEnable: {
        type: "boolean",
        default: false,
        description: "Run Vaultwarden."
      },
      tailscaleEnable: {
        type: "boolean",
        default: false,
        description: "Join the machine to a Tailscale network."
      },
      sambaEnable: {
        type: "boolean",
        default: false,
        description: "Share folders over SMB with Samba."
      },
      postfixRelayEnable: {
        type: "boolean",
        default: false,
        description: "Run Postfix as an SMTP relay for the LAN."
      },
      postfixRelayHost: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Upstream SMTP server Postfix relays to.",
        kind: "host-ref",
        examples: [
          "mail.smtp2go.com"
        ]
      },
      postfixRelayPort: {
        type: "integer",
        default: 587,
        description: "Port of the upstream SMTP server.",
        kind: "port",
        minimum: 1,
        maximum: 65535
      },
      nfsClientEnable: {
        type: "boolean",
        default: false,
        description: "Mount NFS shares."
      },
      nfsMounts: {
        type: "list",
        items: {
          type: "attrs",
          description: "One NFS mount.",
          properties: {
            what: {
              type: "string",
              description: "The export, as server:/path.",
              examples: [
                "192.168.20.200:/mnt/pool/media"
              ]
            },
            where: {
              type: "string",
              kind: "absolute-path",
              description: "Mount point.",
              examples: [
                "/mnt/media"
              ]
            }
          },
          required: [
            "what",
            "where"
          ]
        },
        default: [],
        description: "NFS mounts: a list of { what; where; }.",
        examples: [
          [
            {
              what: "192.168.20.200:/mnt/pool/media",
              where: "/mnt/media"
            }
          ]
        ]
      },
      fail2banEnable: {
        type: "boolean",
        default: false,
        description: "Ban addresses after repeated failed logins."
      },
      wireguardEnable: {
        type: "boolean",
        default: false,
        description: "Run a WireGuard interface."
      }
    },
    userSettings: {
      username: {
        type: "string",
        default: "user",
        description: "Login name of the main user.",
        kind: "username",
        examples: [
          "akunito"
        ]
      },
      name: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Full name of the main user (also used by git).",
        examples: [
          "Akunito"
        ]
      },
      email: {
        type: [
          "string",
          "null"
        ],
        default: "",
        description: "Email address of the main user (also used by git).",
        kind: "email",
        examples: [
          "me@example.com"
        ]
      },
      dotfilesDir: {
        type: "string",
        default: "/home/user/.dotfiles",
        description: "Where the dotfiles repository is checked out.",
        kind: "absolute-path",
        examples: [
          "/home/akunito/.dotfiles"
        ]
      },
      installCommand: {
        type: "string",
        default: "./install.sh",
        description: "Command the deploy runs inside dotfilesDir.",
        examples: [
          "./install.sh"
        ]
      },
      homeStateVersion: {
        type: "string",
        default: "25.11",
        description: "Home Manager release the user environment was created with (home.stateVersion).",
        examples: [
          "25.11"
        ]
      },
      shell: {
        type: "string",
        default: "zsh",
        description: "Login shell.",
        examples: [
          "zsh",
          "bash",
          "fish"
        ]
      },
      editor: {
        type: "string",
        default: "nvim",
        description: "Default editor ($EDITOR).",
        examples: [
          "nvim",
          "vim",
          "nano"
        ]
      },
      dockerEnable: {
        type: "boolean",
        default: false,
        description: "Add the user to the docker group and install Docker."
      },
      tmuxEnable: {
        type: "boolean",
        default: false,
        description: "Install tmux with the shared configuration."
      },
      direnvEnable: {
        type: "boolean",
        default: false,
        description: "Install direnv with nix-direnv."
      },
      extraGroups: {
        type: "list",
        items: {
          type: "string",
          description: "A group name."
        },
        default: [
          "wheel"
        ],
        description: "Extra groups of the main user.",
        examples: [
          [
            "wheel",
            "docker"
          ]
        ]
      },
      dotfilesPath: {
        type: "string",
        default: "/home/user/.dotfiles",
        description: "Old name of dotfilesDir.",
        markdownDescription: "Old name of `dotfilesDir`.",
        deprecated: {
          replacement: "dotfilesDir"
        }
      }
    }
  }
};

// server/src/model/knownServices.ts
var knownServices = [
  // Files, sync and documents
  { name: "nextcloud", port: 80, description: "File sync, sharing and collaboration suite (the AIO image serves on 11000 behind a proxy)", url: "https://nextcloud.com" },
  { name: "syncthing", port: 8384, description: "Peer-to-peer file synchronisation (web UI; sync on 22000 tcp/udp, discovery on 21027/udp)", url: "https://syncthing.net" },
  { name: "immich", port: 2283, description: "Self-hosted photo and video backup", url: "https://immich.app" },
  { name: "photoprism", port: 2342, description: "AI-powered photo library", url: "https://www.photoprism.app" },
  { name: "paperless-ngx", port: 8e3, description: "Document management with OCR", url: "https://docs.paperless-ngx.com", aliases: ["paperless"] },
  { name: "collabora", port: 9980, description: "Collabora Online office suite for Nextcloud", url: "https://www.collaboraonline.com" },
  { name: "stirling-pdf", port: 8080, description: "Web tools to edit and convert PDF files", url: "https://www.stirlingpdf.com" },
  { name: "samba", port: 445, description: "SMB file sharing", url: "https://www.samba.org", aliases: ["smb"] },
  { name: "nfs", port: 2049, description: "NFS file server", aliases: ["nfs-server"] },
  { name: "minio", port: 9e3, description: "S3-compatible object storage (console on 9001)", url: "https://min.io" },
  // Media
  { name: "jellyfin", port: 8096, description: "Media server for movies, TV and music", url: "https://jellyfin.org" },
  { name: "plex", port: 32400, description: "Plex Media Server", url: "https://www.plex.tv" },
  { name: "emby", port: 8096, description: "Emby media server", url: "https://emby.media" },
  { name: "navidrome", port: 4533, description: "Music streaming server (Subsonic API)", url: "https://www.navidrome.org" },
  { name: "audiobookshelf", port: 13378, description: "Audiobook and podcast server", url: "https://www.audiobookshelf.org" },
  { name: "sonarr", port: 8989, description: "TV series collection manager (*arr)", url: "https://sonarr.tv" },
  { name: "radarr", port: 7878, description: "Movie collection manager (*arr)", url: "https://radarr.video" },
  { name: "lidarr", port: 8686, description: "Music collection manager (*arr)", url: "https://lidarr.audio" },
  { name: "readarr", port: 8787, description: "Book collection manager (*arr)", url: "https://readarr.com" },
  { name: "prowlarr", port: 9696, description: "Indexer manager for the *arr stack", url: "https://prowlarr.com" },
  { name: "bazarr", port: 6767, description: "Subtitle manager for Sonarr and Radarr", url: "https://www.bazarr.media" },
  { name: "jackett", port: 9117, description: "Torrent indexer proxy", url: "https://github.com/Jackett/Jackett" },
  { name: "flaresolverr", port: 8191, description: "Proxy that solves Cloudflare challenges for indexers", url: "https://github.com/FlareSolverr/FlareSolverr" },
  { name: "jellyseerr", port: 5055, description: "Media request management for Jellyfin", url: "https://docs.jellyseerr.dev" },
  { name: "overseerr", port: 5055, description: "Media request management for Plex", url: "https://overseerr.dev" },
  { name: "tautulli", port: 8181, description: "Plex usage statistics", url: "https://tautulli.com" },
  { name: "qbittorrent", port: 8080, description: "BitTorrent client (web UI)", url: "https://www.qbittorrent.org" },
  { name: "transmission", port: 9091, description: "BitTorrent client (web UI)", url: "https://transmissionbt.com" },
  { name: "sabnzbd", port: 8080, description: "Usenet downloader", url: "https://sabnzbd.org" },
  { name: "calibre-web", port: 8083, description: "Web front end for a Calibre e-book library", url: "https://github.com/janeczku/calibre-web", aliases: ["calibreweb"] },
  { name: "kavita", port: 5e3, description: "Reading server for manga, comics and books", url: "https://www.kavitareader.com" },
  { name: "komga", port: 25600, description: "Comics and manga server", url: "https://komga.org" },
  { name: "emulatorjs", port: 3e3, description: "Browser-based retro game emulators (management UI; games on 80)", url: "https://emulatorjs.org" },
  // Monitoring and observability
  { name: "grafana", port: 3e3, description: "Dashboards and alerting", url: "https://grafana.com" },
  { name: "prometheus", port: 9090, description: "Metrics collection and time-series database", url: "https://prometheus.io" },
  { name: "alertmanager", port: 9093, description: "Prometheus alert routing", url: "https://prometheus.io/docs/alerting/latest/alertmanager/" },
  { name: "node-exporter", port: 9100, description: "Prometheus exporter for host metrics", url: "https://github.com/prometheus/node_exporter", aliases: ["node_exporter", "prometheus-node-exporter"] },
  { name: "cadvisor", port: 8080, description: "Container resource usage exporter (often moved off 8080, e.g. to 9092)", url: "https://github.com/google/cadvisor" },
  { name: "blackbox-exporter", port: 9115, description: "Prometheus exporter for HTTP, TCP and ICMP probes", url: "https://github.com/prometheus/blackbox_exporter", aliases: ["blackbox_exporter"] },
  { name: "snmp-exporter", port: 9116, description: "Prometheus exporter for SNMP devices", url: "https://github.com/prometheus/snmp_exporter", aliases: ["snmp_exporter"] },
  { name: "pve-exporter", port: 9221, description: "Prometheus exporter for Proxmox VE", url: "https://github.com/prometheus-pve/prometheus-pve-exporter", aliases: ["pve_exporter"] },
  { name: "loki", port: 3100, description: "Log aggregation for Grafana", url: "https://grafana.com/oss/loki/" },
  { name: "influxdb", port: 8086, description: "Time-series database", url: "https://www.influxdata.com" },
  { name: "uptime-kuma", port: 3001, description: "Uptime monitoring and status pages", url: "https://uptime.kuma.pet", aliases: ["uptimekuma"] },
  { name: "dozzle", port: 8080, description: "Live Docker log viewer", url: "https://dozzle.dev" },
  { name: "ntfy", port: 80, description: "Push notifications over HTTP", url: "https://ntfy.sh" },
  { name: "changedetection", port: 5e3, description: "Website change detection", url: "https://changedetection.io", aliases: ["changedetection.io"] },
  // Network, proxy and access
  { name: "nginx-proxy-manager", port: 443, description: "Reverse proxy with Let's Encrypt, managed from a web UI (admin UI on 81, HTTP on 80)", url: "https://nginxproxymanager.com", aliases: ["npm", "nginxproxymanager"] },
  { name: "nginx-proxy", port: 443, description: "Automated nginx reverse proxy for Docker containers (routes by VIRTUAL_HOST)", url: "https://github.com/nginx-proxy/nginx-proxy" },
  { name: "nginx", port: 443, description: "Web server and reverse proxy", url: "https://nginx.org" },
  { name: "caddy", port: 443, description: "Web server with automatic HTTPS", url: "https://caddyserver.com" },
  { name: "traefik", port: 443, description: "Reverse proxy for containers (dashboard on 8080)", url: "https://traefik.io" },
  { name: "cloudflared", description: "Cloudflare Tunnel daemon; connects outwards, listens on no public port", url: "https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/", aliases: ["cloudflare-tunnel"] },
  { name: "acme", description: "ACME client (acme.sh, lego) renewing certificates; no listening port", aliases: ["acme.sh"] },
  { name: "wireguard", port: 51820, protocol: "udp", description: "WireGuard VPN endpoint", url: "https://www.wireguard.com", aliases: ["wg"] },
  { name: "wg-easy", port: 51821, description: "Web UI for WireGuard (VPN itself on 51820/udp)", url: "https://github.com/wg-easy/wg-easy", aliases: ["wireguard-ui"] },
  { name: "tailscale", port: 41641, protocol: "udp", description: "Tailscale mesh VPN node", url: "https://tailscale.com" },
  { name: "pi-hole", port: 53, protocol: "udp", description: "DNS sinkhole for ad blocking (web UI on 80)", url: "https://pi-hole.net", aliases: ["pihole"] },
  { name: "adguard-home", port: 53, protocol: "udp", description: "DNS ad blocker (web UI on 3000 during setup, then 80)", url: "https://adguard.com/adguard-home/overview.html", aliases: ["adguard", "adguardhome"] },
  { name: "unbound", port: 53, protocol: "udp", description: "Validating, recursive DNS resolver", url: "https://nlnetlabs.nl/projects/unbound/" },
  { name: "unifi", port: 8443, description: "UniFi Network controller (devices inform on 8080, STUN on 3478/udp)", url: "https://ui.com", aliases: ["unifi-controller", "unifi-network-application"] },
  { name: "authelia", port: 9091, description: "Single sign-on and two-factor authentication portal", url: "https://www.authelia.com" },
  { name: "authentik", port: 9e3, description: "Identity provider (SSO)", url: "https://goauthentik.io" },
  { name: "ssh", port: 22, description: "OpenSSH server", url: "https://www.openssh.com", aliases: ["openssh", "sshd"] },
  // Mail
  { name: "postfix", port: 25, description: "SMTP server, often a relay for the LAN", url: "https://www.postfix.org", aliases: ["smtp"] },
  // Apps
  { name: "plane", port: 80, description: "Project management (Jira/Linear alternative)", url: "https://plane.so" },
  { name: "freshrss", port: 80, description: "RSS feed reader", url: "https://freshrss.org" },
  { name: "home-assistant", port: 8123, description: "Home automation platform", url: "https://www.home-assistant.io", aliases: ["homeassistant", "hass"] },
  { name: "esphome", port: 6052, description: "Firmware builder and dashboard for ESP devices", url: "https://esphome.io" },
  { name: "zigbee2mqtt", port: 8080, description: "Zigbee to MQTT bridge (frontend)", url: "https://www.zigbee2mqtt.io" },
  { name: "mosquitto", port: 1883, description: "MQTT broker", url: "https://mosquitto.org", aliases: ["mqtt"] },
  { name: "node-red", port: 1880, description: "Flow-based automation", url: "https://nodered.org", aliases: ["nodered"] },
  { name: "homebridge", port: 8581, description: "HomeKit bridge (web UI)", url: "https://homebridge.io" },
  { name: "frigate", port: 5e3, description: "Network video recorder with object detection", url: "https://frigate.video" },
  { name: "vaultwarden", port: 80, description: "Bitwarden-compatible password manager server", url: "https://github.com/dani-garcia/vaultwarden", aliases: ["bitwarden"] },
  { name: "gitea", port: 3e3, description: "Git forge (SSH on 22 or 2222)", url: "https://about.gitea.com" },
  { name: "forgejo", port: 3e3, description: "Git forge, community fork of Gitea", url: "https://forgejo.org" },
  { name: "code-server", port: 8443, description: "VS Code in the browser", url: "https://coder.com/docs/code-server" },
  { name: "n8n", port: 5678, description: "Workflow automation", url: "https://n8n.io" },
  { name: "searxng", port: 8080, description: "Privacy-respecting metasearch engine", url: "https://docs.searxng.org" },
  { name: "mealie", port: 9e3, description: "Recipe manager and meal planner", url: "https://mealie.io" },
  { name: "wikijs", port: 3e3, description: "Wiki.js wiki", url: "https://js.wiki", aliases: ["wiki-js", "wiki.js"] },
  { name: "bookstack", port: 6875, description: "Documentation wiki organised as books", url: "https://www.bookstackapp.com" },
  { name: "matrix-synapse", port: 8008, description: "Matrix homeserver", url: "https://element-hq.github.io/synapse/", aliases: ["synapse", "matrix"] },
  { name: "homepage", port: 3e3, description: "Dashboard of homelab services", url: "https://gethomepage.dev" },
  { name: "homarr", port: 7575, description: "Dashboard of homelab services", url: "https://homarr.dev" },
  { name: "heimdall", port: 80, description: "Application dashboard", url: "https://heimdall.site" },
  { name: "portainer", port: 9443, description: "Docker management UI", url: "https://www.portainer.io" },
  { name: "watchtower", description: "Updates running Docker containers; no listening port", url: "https://containrrr.dev/watchtower/" },
  // Infrastructure
  { name: "proxmox", port: 8006, description: "Proxmox VE web UI and API", url: "https://www.proxmox.com", aliases: ["pve"] },
  { name: "docker", description: "Docker engine; listens on a local socket only" },
  { name: "postgresql", port: 5432, description: "PostgreSQL database", url: "https://www.postgresql.org", aliases: ["postgres"] },
  { name: "mariadb", port: 3306, description: "MariaDB / MySQL database", url: "https://mariadb.org", aliases: ["mysql"] },
  { name: "redis", port: 6379, description: "In-memory key-value store", url: "https://redis.io" }
];
function normalise(name) {
  return name.trim().toLowerCase().replace(/[_\s]+/g, "-");
}
var index;
function buildIndex() {
  const map = /* @__PURE__ */ new Map();
  for (const s of knownServices) map.set(normalise(s.name), s);
  for (const s of knownServices) {
    for (const a of s.aliases ?? []) {
      const key = normalise(a);
      if (!map.has(key)) map.set(key, s);
    }
  }
  return map;
}
function findKnownService(name) {
  index ??= buildIndex();
  return index.get(normalise(name));
}

// server/src/model/shipped.ts
function shippedProfileSchema() {
  return profile_settings_schema_default;
}
function inventorySchema() {
  return inventory_schema_default;
}
function builtinServiceList() {
  return knownServices;
}
function builtinService(name) {
  return findKnownService(name);
}

// server/src/checks/rules/inventorySchema.ts
var compiled;
function validator() {
  if (compiled !== void 0) return compiled;
  const schema = inventorySchema();
  if (!schema || typeof schema !== "object") return compiled = null;
  try {
    const ajv = new import__.default({ allErrors: true, strict: false, verbose: true });
    (0, import_ajv_formats.default)(ajv);
    compiled = ajv.compile(schema);
  } catch {
    compiled = null;
  }
  return compiled;
}
var ADDRESS_FORMATS = /* @__PURE__ */ new Set(["ipv4", "ipv6", "ip", "cidr", "ipv4-cidr", "ipv6-cidr"]);
function locate(root2, pointer) {
  let cur = root2;
  let entry;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!cur) break;
    if (cur.kind === "attrs") {
      entry = cur.entries.get(seg);
      cur = entry?.value;
    } else if (cur.kind === "list") {
      cur = cur.items[Number(seg)];
      entry = void 0;
    } else cur = void 0;
  }
  return { value: cur, entry };
}
function lastKey(pointer) {
  const segs = pointer.split("/");
  return (segs[segs.length - 1] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
}
function typeWord(t) {
  const words = {
    integer: "a whole number",
    number: "a number",
    string: "a string",
    boolean: "`true` or `false`",
    array: "a list",
    object: "a mapping of keys to values",
    null: "empty"
  };
  return Array.isArray(t) ? t.map(typeWord).join(" or ") : words[String(t)] ?? String(t);
}
function describeValue(v3) {
  return typeof v3 === "string" ? `\`${v3}\`` : JSON.stringify(v3);
}
function message(e, name) {
  const ps = e.parentSchema ?? {};
  const custom = ps.errorMessage ?? ps["x-errorMessage"] ?? ps.patternErrorMessage;
  const subject = name ? `\`${name}\`` : "The inventory";
  switch (e.keyword) {
    case "type": {
      if (ps.type === "integer" && (ps.minimum !== void 0 || ps.maximum !== void 0))
        return `${subject} must be a whole number${range2(ps)}`;
      return `${subject} must be ${typeWord(e.params.type)}`;
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `${subject} must be ${ps.type === "integer" ? "a whole number" : "a number"}${range2(ps)}`;
    case "pattern":
      if (custom) return `${subject}: ${custom}`;
      return `${subject} has the wrong form: ${describeValue(e.data)}${examples(ps)}`;
    case "format":
      return `${subject}: ${describeValue(e.data)} is not a valid ${e.params.format}`;
    case "enum": {
      const allowed = e.params.allowedValues ?? [];
      const dym = typeof e.data === "string" ? didYouMean(e.data, allowed.map(String)) : void 0;
      return `${subject} must be one of ${allowed.map(describeValue).join(", ")}${dym ? `; did you mean \`${dym}\`?` : ""}`;
    }
    case "const":
      return `${subject} must be ${describeValue(e.params.allowedValue)}`;
    case "minLength":
      return e.params.limit === 1 ? `${subject} must not be empty` : `${subject} must have at least ${e.params.limit} characters`;
    case "maxLength":
      return `${subject} must have at most ${e.params.limit} characters`;
    case "minItems":
      return `${subject} needs at least ${e.params.limit} item${e.params.limit === 1 ? "" : "s"}`;
    case "maxItems":
      return `${subject} can have at most ${e.params.limit} items`;
    case "uniqueItems":
      return `${subject} lists the same item twice (items ${e.params.j + 1} and ${e.params.i + 1})`;
    case "minProperties":
      return `${subject} must not be empty`;
    case "propertyNames":
      return void 0;
    // reported through the nested pattern error on the key
    default:
      return custom ? `${subject}: ${custom}` : `${subject} ${e.message ?? "is not valid"}`;
  }
}
function range2(ps) {
  const lo = ps.minimum ?? (typeof ps.exclusiveMinimum === "number" ? ps.exclusiveMinimum + 1 : void 0);
  const hi = ps.maximum ?? (typeof ps.exclusiveMaximum === "number" ? ps.exclusiveMaximum - 1 : void 0);
  if (lo !== void 0 && hi !== void 0) return ` between ${lo} and ${hi}`;
  if (lo !== void 0) return ` of at least ${lo}`;
  if (hi !== void 0) return ` of at most ${hi}`;
  return "";
}
function examples(ps) {
  const ex = Array.isArray(ps.examples) ? ps.examples : [];
  return ex.length ? ` (for example ${ex.slice(0, 2).map(describeValue).join(" or ")})` : "";
}
function schemaFindings(root2, uri2) {
  const validate = validator();
  if (!validate) return [];
  validate(toPlain(root2));
  const errors = validate.errors ?? [];
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const paths = new Set(errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf").map((e) => e.instancePath));
  for (const e of errors) {
    if ((e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if") && [...paths].some((p) => p.startsWith(e.instancePath))) continue;
    if (e.keyword === "format" && ADDRESS_FORMATS.has(String(e.params.format))) continue;
    let place;
    let name = lastKey(e.instancePath);
    if (e.keyword === "required") {
      const parent = locate(root2, e.instancePath);
      place = parent.entry?.keyOrigin ?? (root2.kind === "attrs" ? [...root2.entries.values()][0]?.keyOrigin : void 0) ?? { uri: uri2, span: { start: 0, end: 0 } };
      const msg2 = `${name ? `\`${name}\`` : "The inventory"} is missing \`${e.params.missingProperty}\``;
      push(out, seen, at("inventory-schema", place, msg2));
      continue;
    }
    if (e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") {
      const parent = locate(root2, e.instancePath);
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty ?? "");
      const entry = parent.value?.kind === "attrs" ? parent.value.entries.get(key) : void 0;
      place = entry?.keyOrigin ?? parent.value?.origin;
      const props = Object.keys(e.parentSchema?.properties ?? {});
      const dym = didYouMean(key, props);
      const where = name ? `\`${name}\`` : "the inventory";
      if (place)
        push(out, seen, at("inventory-schema", place, `unknown key \`${key}\` in ${where}${dym ? `; did you mean \`${dym}\`?` : ""}`, { data: dym ? { replacement: dym } : void 0 }));
      continue;
    }
    if (e.keyword === "propertyNames" || e.propertyName !== void 0 && e.keyword === "pattern") {
      const parent = locate(root2, e.instancePath);
      const key = String(e.propertyName ?? e.params.propertyName ?? "");
      const entry = parent.value?.kind === "attrs" ? parent.value.entries.get(key) : void 0;
      if (!entry) continue;
      name = key;
      const ps = e.parentSchema ?? {};
      const custom = ps.errorMessage ?? ps["x-errorMessage"] ?? ps.patternErrorMessage;
      push(out, seen, at("inventory-schema", entry.keyOrigin, `the name \`${key}\` is not allowed: ${custom ?? "use letters, digits, `_`, `-` and `.`"}`));
      continue;
    }
    const loc = locate(root2, e.instancePath);
    place = loc.value?.origin;
    const msg = message(e, name);
    if (place && msg) push(out, seen, at("inventory-schema", place, msg));
  }
  return out;
}
function push(out, seen, f) {
  const id = `${f.span.start}:${f.span.end}:${f.message}`;
  if (seen.has(id)) return;
  seen.add(id);
  out.push(f);
}
var inventorySchemaRule = {
  id: "inventory-schema",
  defaultSeverity: "error",
  description: "The inventory does not match schemas/inventory.schema.json (unknown keys, wrong types, missing fields).",
  scope: "document",
  checkFile(ctx, uri2) {
    if (uri2 !== ctx.homelab.inventoryUri) return [];
    const root2 = ctx.workspace.yaml(uri2)?.value;
    return root2 ? schemaFindings(root2, uri2) : [];
  }
};

// server/src/checks/rules/ipDuplicate.ts
function ownerLabel(p) {
  return p.owner ? `${p.owner.kind} ${p.owner.name}` : "another machine";
}
var ipDuplicate = {
  id: "ip-duplicate",
  defaultSeverity: "error",
  description: "One IP address used by two hosts or containers (both places are reported).",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    for (const [key, places] of h.addresses.byKey) {
      const decl = places.filter((p) => p.role === "declares" && p.owner);
      const owners = new Set(decl.map((p) => `${p.owner?.kind}:${p.owner?.name}`));
      if (owners.size < 2) continue;
      for (const p of decl) {
        const others = decl.filter((o) => `${o.owner?.kind}:${o.owner?.name}` !== `${p.owner?.kind}:${p.owner?.name}`);
        out.push(
          at("ip-duplicate", p.origin, `\`${key}\` is also used by ${[...new Set(others.map(ownerLabel))].join(", ")}`, {
            related: others.map((o) => rel(o.origin, `\`${key}\` is also used by ${ownerLabel(o)}`)),
            data: { address: key }
          })
        );
      }
    }
    return out;
  }
};

// server/src/checks/rules/ipFormat.ts
var ADDRESS_SETTINGS = /* @__PURE__ */ new Set(["ipAddress", "wifiIpAddress", "defaultGateway", "nameServers"]);
function looksLikeIpv4(s) {
  return /^\d{1,4}(\.\d{0,4}){2,4}(:\d+)?$/.test(s);
}
function keyOf(cidrText) {
  const a = parseAddress(cidrText.trim().split("/")[0]);
  return isParsed(a) ? a.key : void 0;
}
function addressError(text2) {
  const r = parseAddress(text2);
  return isParsed(r) ? void 0 : r.error;
}
var ipFormat = {
  id: "ip-format",
  defaultSeverity: "error",
  description: "A malformed IP address or CIDR network.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const addr = (s) => {
      const e = s && addressError(s.value);
      if (s && e) out.push(at("ip-format", s.origin, e));
    };
    const inv = h.inventory;
    if (inv) {
      for (const n of inv.networks.values()) {
        if (n.cidr) {
          const c = parseCidr(n.cidr.value);
          if (!isParsed(c)) out.push(at("ip-format", n.cidr.origin, c.error));
          else if (parseAddress(n.cidr.value.trim().split("/")[0]) && c.network !== keyOf(n.cidr.value))
            out.push(at("ip-format", n.cidr.origin, `\`${n.cidr.value}\` has host bits set: the network is \`${c.key}\``, { data: { replacement: c.key } }));
        }
        addr(n.gateway);
        n.dns.forEach(addr);
      }
      for (const x of inv.hosts.values()) addr(x.ip);
      for (const c of inv.containers.values()) addr(c.ip);
    }
    for (const s of ownSettings(h)) {
      const entry = lookupSetting(h.catalog, s.block, s.key);
      const strict = ADDRESS_SETTINGS.has(s.key) || entry?.format === "ip" || entry?.format === "ip-list";
      for (const str4 of stringsIn(s.entry.value)) {
        if (str4.value === "") continue;
        const text2 = looksLikeIpv4(str4.value) && str4.value.includes(":") ? str4.value.slice(0, str4.value.indexOf(":")) : str4.value;
        if (!strict && !looksLikeIpv4(str4.value)) continue;
        const e = addressError(text2);
        if (e) out.push(at("ip-format", str4.origin, e));
      }
    }
    return out;
  }
};

// server/src/model/addresses.ts
var OWN_ADDRESS_SETTINGS = /* @__PURE__ */ new Set(["ipAddress", "wifiIpAddress"]);
function networkOf2(idx, key) {
  const a = parseAddress(key);
  if (!isParsed(a)) return void 0;
  let best;
  for (const n of idx.networks) if (n.cidr.addr.kind() === a.addr.kind() && a.addr.match(n.cidr.addr, n.cidr.prefix) && (!best || n.cidr.prefix > best.cidr.prefix)) best = n;
  return best;
}
function buildAddressIndex(h) {
  const places = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (text2, origin, role, field, owner) => {
    const a = parseAddress(text2);
    if (!isParsed(a)) return;
    const id = `${origin.uri}#${origin.span.start}`;
    if (seen.has(id)) return;
    seen.add(id);
    places.push({ key: a.key, text: text2, origin, role, owner, field });
  };
  const networks = [];
  const inv = h.inventory;
  if (inv) {
    for (const n of inv.networks.values()) {
      if (n.cidr) {
        const c = parseCidr(n.cidr.value);
        if (isParsed(c)) networks.push({ name: n.name, cidr: c, origin: n.cidr.origin });
      }
      if (n.gateway) add(n.gateway.value, n.gateway.origin, "uses", "gateway");
      for (const d of n.dns) add(d.value, d.origin, "uses", "dns");
    }
    for (const host of inv.hosts.values()) if (host.ip) add(host.ip.value, host.ip.origin, "declares", "ip", { kind: "host", name: host.name });
    for (const c of inv.containers.values()) if (c.ip) add(c.ip.value, c.ip.origin, "declares", "ip", { kind: "container", name: c.name });
  }
  const ownerByProfile = /* @__PURE__ */ new Map();
  for (const c of h.containers.values()) if (c.profileUri) ownerByProfile.set(c.profileUri, c.name);
  for (const p of h.profiles.values()) {
    for (const use of profileAddresses(p, ownerByProfile.get(p.uri))) add(use.text, use.origin, use.role, use.field, use.owner);
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const p of places) {
    const list = byKey.get(p.key) ?? [];
    list.push(p);
    byKey.set(p.key, list);
  }
  return { places, byKey, networks };
}
var profileCache = /* @__PURE__ */ new WeakMap();
function profileAddresses(p, ownerName) {
  const cached = profileCache.get(p);
  if (cached && cached.owner === ownerName) return cached.list;
  const list = [];
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, e] of b.entries) {
      if (OWN_ADDRESS_SETTINGS.has(key)) {
        if (e.value.kind === "string" && e.value.value !== "" && ownerName && e.value.origin.uri === p.uri)
          list.push({ text: e.value.value, origin: e.value.origin, role: "declares", field: key, owner: { kind: "container", name: ownerName } });
        continue;
      }
      walkUses(e.value, key, (text2, origin, field) => {
        if (isParsed(parseAddress(text2))) list.push({ text: text2, origin, role: "uses", field });
      });
    }
  }
  profileCache.set(p, { owner: ownerName, list });
  return list;
}
function walkUses(v3, field, f, depth = 0) {
  if (depth > 6) return;
  if (v3.kind === "string") f(v3.value, v3.origin, field);
  else if (v3.kind === "list") for (const it of v3.items) walkUses(it, field, f, depth + 1);
  else if (v3.kind === "attrs") for (const [k, e] of v3.entries) walkUses(e.value, `${field}.${k}`, f, depth + 1);
}

// server/src/checks/rules/ipOutsideNetwork.ts
var ipOutsideNetwork = {
  id: "ip-outside-network",
  defaultSeverity: "error",
  description: "An address outside every declared network, or the network/broadcast address of its network.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const idx = h.addresses;
    if (idx.networks.length === 0) return out;
    for (const p of idx.places) {
      if (p.role !== "declares") continue;
      if (p.owner?.kind === "host" && h.inventory?.hosts.get(p.owner.name)?.kind?.value === "vps") continue;
      const a = parseAddress(p.key);
      if (!isParsed(a)) continue;
      const net = networkOf2(idx, p.key);
      if (!net) {
        const list = idx.networks.map((n) => `${n.name} ${n.cidr.key}`).join(", ");
        out.push(at("ip-outside-network", p.origin, `\`${p.text}\` is outside every declared network (${list})`));
        continue;
      }
      const role = reservedRole(net.cidr, a.addr);
      if (role)
        out.push(
          at("ip-outside-network", p.origin, `\`${p.text}\` is the ${role} address of network ${net.name} (${net.cidr.key}), not usable by a ${p.owner?.kind ?? "machine"}`)
        );
    }
    return out;
  }
};

// server/src/checks/rules/monitoringCoverage.ts
function scrapedAddresses(h) {
  let any = false;
  const out = /* @__PURE__ */ new Set();
  for (const p of h.profiles.values()) {
    const v3 = settingValue(p, "prometheusRemoteTargets");
    if (!v3 || v3.kind !== "list" || v3.items.length === 0) continue;
    any = true;
    for (const t of v3.items) {
      const host = t.kind === "attrs" ? t.entries.get("host")?.value : t;
      if (host?.kind !== "string") continue;
      const a = parseAddress(host.value.replace(/:\d+$/, ""));
      if (isParsed(a)) out.add(a.key);
    }
  }
  return any ? out : void 0;
}
var monitoringCoverage = {
  id: "monitoring-coverage",
  defaultSeverity: "warning",
  description: "A container that exports Prometheus metrics which no profile scrapes.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const scraped = scrapedAddresses(h);
    if (!scraped) return out;
    for (const c of h.containers.values()) {
      const flag = setting(c.profile, "prometheusExporterEnable");
      if (!flag || flag.entry.value.kind !== "boolean" || !flag.entry.value.value || !c.ip) continue;
      const a = parseAddress(c.ip.value);
      if (!isParsed(a) || scraped.has(a.key)) continue;
      const ownIp = c.profile?.system?.entries.get("ipAddress");
      const place = flag.entry.keyOrigin.uri === c.profileUri ? flag.entry.keyOrigin : ownIp && ownIp.keyOrigin.uri === c.profileUri ? ownIp.keyOrigin : c.decl?.keyOrigin ?? flag.entry.keyOrigin;
      out.push(
        at("monitoring-coverage", place, `${c.name} exports metrics (prometheusExporterEnable) but no profile's prometheusRemoteTargets scrapes ${a.key}`, {
          data: { container: c.name, address: a.key }
        })
      );
    }
    return out;
  }
};

// server/src/checks/rules/networkOverlap.ts
var networkOverlap = {
  id: "network-overlap",
  defaultSeverity: "warning",
  description: "Two declared networks whose ranges overlap.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const nets = h.addresses.networks;
    for (let i = 0; i < nets.length; i++)
      for (let j = 0; j < i; j++) {
        const a = nets[i];
        const b = nets[j];
        if (a.cidr.addr.kind() !== b.cidr.addr.kind()) continue;
        const small = a.cidr.prefix >= b.cidr.prefix ? a : b;
        const big = small === a ? b : a;
        if (small.cidr.addr.match(big.cidr.addr, big.cidr.prefix))
          out.push(at("network-overlap", a.origin, `network ${a.name} (${a.cidr.key}) overlaps network ${b.name} (${b.cidr.key})`, { related: [rel(b.origin, `network ${b.name}`)] }));
      }
    return out;
  }
};

// server/src/checks/rules/nixLayerRules.ts
function nixLayerRule(id, defaultSeverity, description) {
  return {
    id,
    defaultSeverity,
    description,
    scope: "document",
    checkFile(ctx, uri2) {
      if (!uri2.endsWith(".nix")) return [];
      const a = ctx.workspace.nixAnalysis(uri2);
      return (a?.diagnostics ?? []).filter((d) => d.rule === id).map((d) => ({ rule: id, uri: uri2, span: d.span, message: d.message }));
    }
  };
}

// server/src/checks/rules/nixDuplicateAttribute.ts
var nixDuplicateAttribute = nixLayerRule("nix-duplicate-attribute", "error", "An attribute defined twice in the same attribute set.");

// server/src/checks/rules/nixSyntax.ts
var nixSyntax = nixLayerRule("nix-syntax", "error", "Nix syntax errors: text that `nix-instantiate --parse` would reject.");

// server/src/checks/rules/nixUndefinedVariable.ts
var nixUndefinedVariable = nixLayerRule("nix-undefined-variable", "error", "A variable that no `let`, function argument, `rec` set or builtin defines.");

// server/src/checks/rules/nixUnusedBinding.ts
var nixUnusedBinding = nixLayerRule("nix-unused-binding", "hint", "A `let` binding that is never used.");

// server/src/model/homelab.ts
function serviceNamed(h, name) {
  const s = h.services.get(name);
  if (s) return s;
  const b = builtinService(name);
  return b ? h.services.get(b.name) ?? { name: b.name, builtin: b, port: b.port } : void 0;
}
var withProfileCache = /* @__PURE__ */ new WeakMap();
function withProfile(h, profile) {
  if (h.profiles.get(profile.uri) === profile) return h;
  const cached = withProfileCache.get(profile);
  if (cached?.base === h) return cached.value;
  const profiles = new Map(h.profiles);
  profiles.set(profile.uri, profile);
  const containers = /* @__PURE__ */ new Map();
  for (const [name, c] of h.containers) containers.set(name, c.profileUri === profile.uri ? { ...c, profile } : c);
  const value = { ...h, profiles, containers };
  withProfileCache.set(profile, { base: h, value });
  return value;
}

// server/src/checks/rules/portConflict.ts
var portConflict = {
  id: "port-conflict",
  defaultSeverity: "warning",
  description: "Two services on one container that claim the same port.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    for (const c of h.containers.values()) {
      const claimed = /* @__PURE__ */ new Map();
      for (const ref of c.decl?.services ?? []) {
        const port = serviceNamed(h, ref.value)?.port;
        if (port === void 0) continue;
        const first = claimed.get(port);
        if (!first) {
          claimed.set(port, { name: ref.value, origin: ref.origin });
          continue;
        }
        if (first.name === ref.value) continue;
        out.push(
          at("port-conflict", ref.origin, `${ref.value} and ${first.name} both use port ${port} on ${c.name}`, {
            related: [rel(first.origin, `${first.name} uses port ${port}`)]
          })
        );
      }
    }
    return out;
  }
};

// server/src/checks/rules/portNotOpen.ts
function str(v3, key) {
  const x = v3.kind === "attrs" ? v3.entries.get(key)?.value : void 0;
  return x?.kind === "string" ? x.value : void 0;
}
function knownPorts(v3) {
  if (!v3 || v3.kind !== "list") return void 0;
  const out = [];
  for (const i of v3.items) {
    if (i.kind !== "number") return void 0;
    out.push(i.value);
  }
  return out;
}
var portNotOpen = {
  id: "port-not-open",
  defaultSeverity: "warning",
  description: "A service's declared port that the container's firewall (`allowedTCPPorts`) does not open.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const inv = h.inventory;
    if (!inv) return out;
    for (const c of h.containers.values()) {
      if (!c.decl || !c.profile) continue;
      const fw = settingValue(c.profile, "firewallEnable");
      if (fw?.kind === "boolean" && !fw.value) continue;
      for (const ref of c.decl.services) {
        const s = h.services.get(ref.value)?.decl;
        if (!s?.port) continue;
        const udp = str(s.node, "protocol") === "udp";
        const listName = udp ? "allowedUDPPorts" : "allowedTCPPorts";
        const hit = setting(c.profile, listName);
        const ports = knownPorts(hit?.entry.value);
        if (!hit || !ports) continue;
        if (s.expose?.value === "none") continue;
        if (s.proxy && (inv.containers.has(s.proxy.value) || inv.hosts.has(s.proxy.value))) continue;
        if (ports.includes(s.port.value)) continue;
        out.push(
          at("port-not-open", ref.origin, `${ref.value} listens on port ${s.port.value}, but ${c.name}'s ${listName} does not open it`, {
            related: [rel(hit.entry.value.origin, `${listName} of ${c.name}`), rel(s.port.origin, `port of ${ref.value}`)],
            data: { port: s.port.value, profileUri: c.profileUri, container: c.name }
          })
        );
      }
    }
    return out;
  }
};

// server/src/checks/rules/settingEnum.ts
function judge2(h, s) {
  const entry = lookupSetting(h.catalog, s.block, s.key);
  const v3 = s.entry.value;
  if (!entry?.enum || v3.kind !== "string" && v3.kind !== "number" && v3.kind !== "boolean") return void 0;
  if (entry.enum.some((x) => x === v3.value)) return void 0;
  const options = entry.enum.map((x) => `\`${String(x)}\``).join(", ");
  const dym = v3.kind === "string" ? didYouMean(v3.value, entry.enum.map(String)) : void 0;
  return at("setting-enum", v3.origin, `\`${String(v3.value)}\` is not an option of \`${s.key}\`: use one of ${options}`, {
    related: inheritedRelated(s),
    data: dym ? { replacement: dym } : void 0
  });
}
var settingEnum = {
  id: "setting-enum",
  defaultSeverity: "error",
  description: "A setting value that is not one of the allowed options.",
  scope: "homelab",
  checkSetting: judge2,
  check: overOwnSettings(judge2)
};

// server/src/checks/rules/settingType.ts
function judge3(h, s) {
  const entry = lookupSetting(h.catalog, s.block, s.key);
  const t = typeOfValue(s.entry.value);
  if (!entry || !t || entry.types.length === 0 || typeAccepts(entry.types, t)) return void 0;
  const def = entry.default !== void 0 ? ` (its default is \`${JSON.stringify(entry.default)}\`)` : "";
  return at("setting-type", s.entry.value.origin, `\`${s.key}\` must be ${describeType(entry.types)}${def}, not ${describeType([t])}`, { related: inheritedRelated(s) });
}
var settingType = {
  id: "setting-type",
  defaultSeverity: "error",
  description: "A profile setting whose value has the wrong type (by its default or schema).",
  scope: "homelab",
  checkSetting: judge3,
  check: overOwnSettings(judge3)
};

// server/src/checks/rules/unknownReference.ts
var IMPORT = /\bimport\s+(\.{1,2}\/[^\s;)\]}]+)/g;
var importCache = /* @__PURE__ */ new Map();
function importsOf(uri2, text2) {
  const cached = importCache.get(uri2);
  if (cached && cached.text === text2) return cached.imports;
  const imports = [];
  for (const m of maskNix(text2, true).matchAll(IMPORT)) {
    const path2 = m[1];
    if (path2.includes("${")) continue;
    imports.push({ path: path2, start: (m.index ?? 0) + m[0].length - path2.length });
  }
  importCache.set(uri2, { text: text2, imports });
  return imports;
}
var unknownReference = {
  id: "unknown-reference",
  defaultSeverity: "error",
  description: "A reference to a host, service, container, profile or imported file that does not exist.",
  scope: "homelab",
  check({ homelab: h, workspace: ws2 }) {
    const out = [];
    const inv = h.inventory;
    if (inv) {
      const invDir = dirnameUri(inv.uri);
      for (const c of inv.containers.values()) {
        if (c.host && !inv.hosts.has(c.host.value)) {
          const dym = didYouMean(c.host.value, inv.hosts.keys());
          out.push(at("unknown-reference", c.host.origin, `no host named \`${c.host.value}\` in hosts${dym ? `; did you mean \`${dym}\`?` : ""}`, { data: { replacement: dym } }));
        }
        for (const s of c.services) {
          if (serviceNamed(h, s.value)) continue;
          const dym = didYouMean(s.value, h.services.keys());
          out.push(
            at("unknown-reference", s.origin, `no service named \`${s.value}\`: declare it under services${dym ? `, or did you mean \`${dym}\`?` : ""}`, {
              data: { replacement: dym, service: s.value }
            })
          );
        }
        if (c.profile && !ws2.docs.exists(joinUri(invDir, c.profile.value)))
          out.push(at("unknown-reference", c.profile.origin, `profile \`${c.profile.value}\` does not exist (paths are relative to the inventory's folder)`));
      }
      for (const s of inv.services.values()) {
        if (s.proxy && !inv.containers.has(s.proxy.value) && !inv.hosts.has(s.proxy.value)) {
          const dym = didYouMean(s.proxy.value, [...inv.containers.keys(), ...inv.hosts.keys()]);
          out.push(at("unknown-reference", s.proxy.origin, `no container or host named \`${s.proxy.value}\`${dym ? `; did you mean \`${dym}\`?` : ""}`, { data: { replacement: dym } }));
        }
      }
    }
    for (const uri2 of h.nixFiles) {
      const text2 = ws2.text(uri2);
      if (text2 === void 0 || text2.includes("\0") || ws2.tooLarge(uri2)) continue;
      for (const { path: path2, start } of importsOf(uri2, text2)) {
        let target = joinUri(dirnameUri(uri2), path2);
        if (!target.endsWith(".nix") && !ws2.docs.exists(target)) target = `${target.replace(/\/$/, "")}/default.nix`;
        if (!ws2.docs.exists(target)) out.push(at("unknown-reference", { uri: uri2, span: { start, end: start + path2.length } }, `\`${path2}\` does not exist`));
      }
    }
    return out;
  }
};

// server/src/checks/rules/unknownScrapeTarget.ts
function isTargetSetting(key) {
  return /Targets$/.test(key) || /^prometheus\w*Host$/.test(key);
}
var unknownScrapeTarget = {
  id: "unknown-scrape-target",
  defaultSeverity: "warning",
  description: "A scrape or probe target address that belongs to no host or container of the inventory.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    if (!h.inventory) return out;
    const known = new Set(h.addresses.places.filter((p) => p.role === "declares").map((p) => p.key));
    for (const s of ownSettings(h)) {
      if (!isTargetSetting(s.key)) continue;
      const v3 = s.entry.value;
      const strings = v3.kind === "list" ? v3.items.flatMap((i) => i.kind === "attrs" ? i.entries.get("host") ? stringsIn(i.entries.get("host").value) : [] : stringsIn(i)) : stringsIn(v3);
      for (const str4 of strings) {
        const a = parseAddress(str4.value.replace(/:\d+$/, ""));
        if (!isParsed(a) || known.has(a.key)) continue;
        out.push(at("unknown-scrape-target", str4.origin, `\`${str4.value}\` in ${s.key} is not the address of any host or container in the inventory`));
      }
    }
    return out;
  }
};

// server/src/checks/rules/unknownSetting.ts
function judge4(h, s) {
  if (lookupSetting(h.catalog, s.block, s.key)) return void 0;
  if (h.catalog.systemSettings.size === 0 && h.catalog.userSettings.size === 0) return void 0;
  const dym = didYouMean(s.key, h.catalog[s.block].keys()) ?? didYouMean(s.key, allEntries(h.catalog).map((e) => e.key));
  return at("unknown-setting", s.entry.keyOrigin, `unknown setting \`${s.key}\` in ${s.block}${dym ? `; did you mean \`${dym}\`?` : ""}`, {
    related: inheritedRelated(s),
    data: dym ? { replacement: dym } : void 0
  });
}
var unknownSetting = {
  id: "unknown-setting",
  defaultSeverity: "warning",
  description: "A profile setting that is neither declared (lib/defaults.nix, schemas) nor read by any module.",
  scope: "homelab",
  checkSetting: judge4,
  check: overOwnSettings(judge4)
};

// server/src/checks/rules/unusedSetting.ts
var unusedSetting = {
  id: "unused-setting",
  defaultSeverity: "hint",
  description: "A setting that a profile sets but no module reads.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    if (!h.hasModules) return out;
    for (const s of ownSettings(h)) {
      const e = lookupSetting(h.catalog, s.block, s.key);
      if (!e || e.reads.length > 0 || e.sources.includes("shipped") || e.sources.includes("user")) continue;
      out.push(at("unused-setting", s.entry.keyOrigin, `\`${s.key}\` is not read by any module`));
    }
    return out;
  }
};

// server/src/checks/rules/updateNotStaggered.ts
function autoUpdateOff(c) {
  const enabled = settingValue(c.profile, "autoSystemUpdateEnable");
  return enabled?.kind === "boolean" && enabled.value === false;
}
function updateCalendar(c) {
  if (c.decl?.update) return c.decl.update;
  if (autoUpdateOff(c)) return void 0;
  const v3 = settingValue(c.profile, "autoSystemUpdateOnCalendar");
  return v3 && v3.kind === "string" ? { value: v3.value, origin: v3.origin } : void 0;
}
function staggerFindings(h) {
  const out = [];
  const groups = /* @__PURE__ */ new Map();
  for (const c of h.containers.values()) {
    if (autoUpdateOff(c)) continue;
    const cal = updateCalendar(c);
    if (!cal) continue;
    const spec = parseCalendar(cal.value);
    if ("error" in spec) continue;
    const key = c.hostName ?? "";
    const list = groups.get(key) ?? [];
    list.push({ c, cal, spec });
    groups.set(key, list);
  }
  for (const [host, list] of groups) {
    for (let i = 1; i < list.length; i++) {
      const cur = list[i];
      const clash = list.slice(0, i).filter((o) => sameMinute(o.spec, cur.spec));
      if (!clash.length) continue;
      const names = clash.map((o) => o.c.name).join(", ");
      out.push(
        at(
          "update-not-staggered",
          cur.cal.origin,
          `${cur.c.name} auto-updates in the same minute as ${names}${host ? ` on host ${host}` : ""} (\`${cur.spec.normalized}\`): stagger the updates`,
          { related: clash.map((o) => rel(o.cal.origin, `${o.c.name} updates at \`${o.spec.normalized}\``)) }
        )
      );
    }
  }
  return out;
}
var updateNotStaggered = {
  id: "update-not-staggered",
  defaultSeverity: "warning",
  description: "Two containers of one host whose auto-updates fire in the same minute.",
  scope: "homelab",
  check: ({ homelab }) => staggerFindings(homelab)
};

// server/src/checks/rules/vmidDuplicate.ts
var vmidDuplicate = {
  id: "vmid-duplicate",
  defaultSeverity: "error",
  description: "Two containers on the same host with the same vmid.",
  scope: "homelab",
  check({ homelab: h }) {
    const out = [];
    const seen = /* @__PURE__ */ new Map();
    for (const c of h.inventory?.containers.values() ?? []) {
      if (!c.vmid) continue;
      const key = `${c.host?.value ?? ""}\0${c.vmid.value}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { name: c.name, vmid: c.vmid });
        continue;
      }
      const where = c.host ? `host ${c.host.value}` : "the same host";
      out.push(
        at("vmid-duplicate", c.vmid.origin, `vmid ${c.vmid.value} is already used by ${first.name} on ${where}`, {
          related: [rel(first.vmid.origin, `vmid ${c.vmid.value} of ${first.name}`)]
        })
      );
    }
    return out;
  }
};

// server/src/checks/rules/yamlSyntax.ts
var yamlSyntax = {
  id: "yaml-syntax",
  defaultSeverity: "error",
  description: "The inventory is not valid YAML: bad indentation, unclosed brackets, duplicate keys.",
  scope: "document",
  checkFile(ctx, uri2) {
    if (uri2 !== ctx.homelab.inventoryUri) return [];
    return (ctx.workspace.yaml(uri2)?.errors ?? []).map((e) => ({ rule: "yaml-syntax", uri: uri2, span: e.span, message: e.message }));
  }
};

// server/src/checks/registry.ts
var RULES = [
  nixSyntax,
  nixUndefinedVariable,
  nixDuplicateAttribute,
  nixUnusedBinding,
  encryptedFile,
  yamlSyntax,
  fileTooLarge,
  inventorySchemaRule,
  unknownSetting,
  settingType,
  settingEnum,
  deprecatedSetting,
  unusedSetting,
  ipFormat,
  ipOutsideNetwork,
  ipDuplicate,
  gatewayOutsideNetwork,
  networkOverlap,
  unknownReference,
  inventoryProfileMismatch,
  portNotOpen,
  portConflict,
  monitoringCoverage,
  unknownScrapeTarget,
  updateNotStaggered,
  calendarFormat,
  vmidDuplicate,
  deployUnsafeValue
];

// server/src/checks/suppress.ts
var IGNORE = /#\s*homelab-ignore\s*:\s*([A-Za-z0-9_,\s-]+)/;
function idsOn(line) {
  const m = IGNORE.exec(line);
  return m ? m[1].split(/[\s,]+/).filter(Boolean) : [];
}
function isSuppressed(lines, offset, rule) {
  const { line } = lines.positionAt(offset);
  for (const l of [line, line - 1]) {
    if (l < 0) continue;
    const ids = idsOn(lines.lineText(l));
    if (ids.includes(rule) || ids.includes("all")) return true;
  }
  return false;
}

// server/src/checks/run.ts
var homelabCache = /* @__PURE__ */ new WeakMap();
var lastHomelabFindings = /* @__PURE__ */ new Map();
function runRule(rule, f) {
  try {
    return f();
  } catch (e) {
    return [];
  }
}
function homelabFindings(ws2, h) {
  return drain(homelabFindingSteps(ws2, h));
}
function* homelabFindingSteps(ws2, h) {
  let byUri = homelabCache.get(h);
  if (byUri) return byUri;
  byUri = /* @__PURE__ */ new Map();
  const ctx = { workspace: ws2, homelab: h };
  for (const rule of RULES) {
    if (rule.scope !== "homelab" || !rule.check || h.settings.rules[rule.id] === "off") continue;
    const t0 = process.env.HOMELAB_RULE_TIMING ? performance.now() : 0;
    const found = runRule(rule, () => rule.check?.(ctx) ?? []);
    if (t0) process.stderr.write(`rule ${rule.id}: ${(performance.now() - t0).toFixed(1)} ms
`);
    for (const f of found) {
      const list = byUri.get(f.uri) ?? [];
      list.push(f);
      byUri.set(f.uri, list);
    }
    yield;
  }
  homelabCache.set(h, byUri);
  lastHomelabFindings.set(h.root, byUri);
  return byUri;
}
function drain(steps) {
  for (; ; ) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
function checkedFiles(h) {
  const set = new Set(h.nixFiles);
  if (h.inventoryUri) set.add(h.inventoryUri);
  return [...set];
}
var SPECIFIC = /* @__PURE__ */ new Set(["ip-format", "deploy-unsafe-value", "calendar-format"]);
function finish(ws2, h, uri2, findings) {
  if (findings.length === 0) return [];
  const text2 = ws2.text(uri2);
  const lines = text2 !== void 0 ? new LineIndex(text2) : void 0;
  const specific = findings.filter((f) => SPECIFIC.has(f.rule));
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of findings) {
    const setting2 = h.settings.rules[f.rule];
    if (setting2 === "off") continue;
    const rule = RULES.find((r) => r.id === f.rule);
    const severity = setting2 ?? f.severity ?? rule?.defaultSeverity ?? "warning";
    if (f.rule === "inventory-schema" && specific.some((s) => s.span.start < f.span.end && f.span.start < s.span.end)) continue;
    if (lines && isSuppressed(lines, f.span.start, f.rule)) continue;
    const id = `${f.rule}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...f, severity });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}
var documentCache = /* @__PURE__ */ new Map();
function documentFindings(ws2, h, uri2) {
  const stamp = ws2.docs.stamp(uri2);
  const open = ws2.docs.isOpen(uri2);
  const cached = documentCache.get(uri2);
  if (cached && cached.stamp === stamp && cached.open === open && cached.settings === h.settings) return cached.findings;
  const ctx = { workspace: ws2, homelab: h };
  const findings = [];
  const large = ws2.tooLarge(uri2);
  for (const rule of RULES) {
    if (rule.scope !== "document" || !rule.checkFile || h.settings.rules[rule.id] === "off") continue;
    if (large && rule.id !== "file-too-large") continue;
    for (const f of runRule(rule, () => rule.checkFile?.(ctx, uri2) ?? [])) findings.push(f);
  }
  documentCache.set(uri2, { stamp, open, settings: h.settings, findings });
  return findings;
}
function checkDocument(ws2, documentUri) {
  const uri2 = normalizeUri(documentUri);
  const h = ws2.homelabFor(uri2);
  if (!h) return [];
  const findings = documentFindings(ws2, h, uri2).slice();
  if (!ws2.tooLarge(uri2)) for (const f of homelabFindings(ws2, h).get(uri2) ?? []) findings.push(f);
  return finish(ws2, h, uri2, findings);
}
function checkDocumentQuick(ws2, documentUri, edit) {
  const uri2 = normalizeUri(documentUri);
  const h = ws2.lastBuiltHomelabFor(uri2);
  if (!h) return [];
  const findings = documentFindings(ws2, h, uri2).slice();
  const settingFindings = quickSettingFindings(ws2, h, uri2);
  const delta = edit ? edit.newEnd - edit.oldEnd : 0;
  const last = lastHomelabFindings.get(h.root)?.get(uri2) ?? [];
  for (const f of last) {
    if (settingFindings && PER_SETTING.has(f.rule)) continue;
    if (!edit || f.span.end <= edit.start) findings.push(f);
    else if (f.span.start >= edit.oldEnd) findings.push({ ...f, span: { start: f.span.start + delta, end: f.span.end + delta } });
  }
  for (const f of settingFindings ?? []) {
    const before = last.find((b) => b.rule === f.rule && b.message === f.message);
    findings.push(before?.related ? { ...f, related: before.related } : f);
  }
  return finish(ws2, h, uri2, findings);
}
var PER_SETTING = new Set(RULES.filter((r) => r.checkSetting).map((r) => r.id));
function quickSettingFindings(ws2, h, uri2) {
  if (!h.profiles.has(uri2) || uri2 === h.defaultsUri || ws2.tooLarge(uri2)) return void 0;
  const profile = ws2.evaluate(uri2);
  const out = [];
  const rules = RULES.filter((r) => r.checkSetting && h.settings.rules[r.id] !== "off");
  for (const s of settingsWrittenIn(profile))
    for (const rule of rules) {
      const f = runRule(rule, () => {
        const one = rule.checkSetting?.(h, s);
        return one ? [one] : [];
      });
      for (const x of f) out.push(x);
    }
  return out;
}
function checkAll(ws2) {
  return drain(checkAllSteps(ws2));
}
function* checkAllSteps(ws2) {
  const out = /* @__PURE__ */ new Map();
  for (const h of ws2.homelabs()) {
    yield;
    const findings = yield* homelabFindingSteps(ws2, h);
    const uris = /* @__PURE__ */ new Set([...checkedFiles(h), ...findings.keys()]);
    let done = 0;
    for (const uri2 of [...uris].sort()) {
      const d = checkDocument(ws2, uri2);
      if (d.length) out.set(uri2, d);
      if (++done % 100 === 0) yield;
    }
  }
  return out;
}

// server/src/model/host.ts
var fs = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));
var SKIP = /* @__PURE__ */ new Set([".git", "node_modules", "dist", "out", ".direnv", "result"]);
function nodeFsHost() {
  return {
    readFile(uri2) {
      try {
        return fs.readFileSync(uriToPath(uri2), "utf8");
      } catch {
        return void 0;
      }
    },
    exists(uri2) {
      try {
        return fs.statSync(uriToPath(uri2)).isFile();
      } catch {
        return false;
      }
    },
    stat(uri2) {
      try {
        const s = fs.statSync(uriToPath(uri2));
        return s.isFile() ? { size: s.size } : void 0;
      } catch {
        return void 0;
      }
    },
    listFiles(folderUri) {
      const out = [];
      const walk = (dir, depth) => {
        if (depth > 12) return;
        let names;
        try {
          names = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const d of names) {
          if (SKIP.has(d.name)) continue;
          const full = path.join(dir, d.name);
          if (d.isDirectory()) walk(full, depth + 1);
          else if (d.isFile()) out.push(pathToUri(full));
        }
      };
      walk(uriToPath(folderUri), 0);
      return out.sort();
    }
  };
}

// server/src/model/documents.ts
var DocumentStore = class {
  constructor(host) {
    this.host = host;
  }
  host;
  open = /* @__PURE__ */ new Map();
  disk = /* @__PURE__ */ new Map();
  stats = /* @__PURE__ */ new Map();
  stamps = /* @__PURE__ */ new Map();
  counter = 0;
  text(uri2) {
    const o = this.open.get(uri2);
    if (o) return o.text;
    if (!this.disk.has(uri2)) this.disk.set(uri2, this.host.readFile(uri2));
    return this.disk.get(uri2);
  }
  exists(uri2) {
    return this.open.has(uri2) || this.statOf(uri2) !== void 0;
  }
  /** Disk facts are cached until a file event says the file changed: checks ask often. */
  statOf(uri2) {
    if (!this.stats.has(uri2)) this.stats.set(uri2, this.host.stat(uri2));
    return this.stats.get(uri2);
  }
  /** Size in bytes (open documents: of their current text). */
  size(uri2) {
    const o = this.open.get(uri2);
    if (o) return Buffer.byteLength(o.text);
    return this.statOf(uri2)?.size;
  }
  openUris() {
    return [...this.open.keys()];
  }
  isOpen(uri2) {
    return this.open.has(uri2);
  }
  version(uri2) {
    return this.open.get(uri2)?.version;
  }
  /** A number that changes whenever the text of `uri` may have changed. */
  stamp(uri2) {
    let s = this.stamps.get(uri2);
    if (s === void 0) {
      s = ++this.counter;
      this.stamps.set(uri2, s);
    }
    return s;
  }
  setDocument(uri2, text2, version) {
    const o = this.open.get(uri2);
    if (o && o.text === text2) {
      o.version = version;
      return false;
    }
    this.open.set(uri2, { text: text2, version });
    this.bump(uri2);
    return true;
  }
  closeDocument(uri2) {
    if (!this.open.delete(uri2)) return;
    this.disk.delete(uri2);
    this.stats.delete(uri2);
    this.bump(uri2);
  }
  /** A file changed, appeared or disappeared on disk. */
  fileChanged(uri2) {
    this.disk.delete(uri2);
    this.stats.delete(uri2);
    if (!this.open.has(uri2)) this.bump(uri2);
  }
  bump(uri2) {
    this.stamps.set(uri2, ++this.counter);
  }
};

// server/src/model/inventory.ts
function str2(v3) {
  if (!v3) return void 0;
  if (v3.kind === "string" || v3.kind === "path") return { value: v3.value, origin: v3.origin };
  if (v3.kind === "number") return { value: String(v3.value), origin: v3.origin };
  return void 0;
}
function num(v3) {
  return v3 && v3.kind === "number" ? { value: v3.value, origin: v3.origin } : void 0;
}
function strList(v3) {
  if (!v3) return [];
  if (v3.kind === "list") return v3.items.map(str2).filter((s) => s !== void 0);
  const one = str2(v3);
  return one ? [one] : [];
}
function entries(v3) {
  return v3 && v3.kind === "attrs" ? [...v3.entries.values()] : [];
}
function get(v3, key) {
  return v3 && v3.kind === "attrs" ? v3.entries.get(key)?.value : void 0;
}
function readDeploy(node) {
  if (!node || node.kind !== "attrs") return void 0;
  return {
    node,
    method: str2(get(node, "method")),
    user: str2(get(node, "user")),
    dotfilesDir: str2(get(node, "dotfilesDir")),
    command: str2(get(node, "command")),
    branch: str2(get(node, "branch")),
    sshOptions: strList(get(node, "sshOptions")),
    port: num(get(node, "port")),
    parallel: num(get(node, "parallel"))
  };
}
function readInventory(uri2, value) {
  const inv = {
    uri: uri2,
    value,
    domain: str2(get(value, "domain")),
    localDomain: str2(get(value, "localDomain")),
    networks: /* @__PURE__ */ new Map(),
    hosts: /* @__PURE__ */ new Map(),
    containers: /* @__PURE__ */ new Map(),
    services: /* @__PURE__ */ new Map(),
    deploy: readDeploy(get(value, "deploy"))
  };
  for (const e of entries(get(value, "networks"))) {
    inv.networks.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      cidr: str2(get(e.value, "cidr")),
      gateway: str2(get(e.value, "gateway")),
      dns: strList(get(e.value, "dns")),
      description: str2(get(e.value, "description"))
    });
  }
  for (const e of entries(get(value, "hosts"))) {
    inv.hosts.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      kind: str2(get(e.value, "kind")),
      ip: str2(get(e.value, "ip")),
      description: str2(get(e.value, "description"))
    });
  }
  for (const e of entries(get(value, "services"))) {
    inv.services.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      port: num(get(e.value, "port")),
      url: str2(get(e.value, "url")),
      expose: str2(get(e.value, "expose")),
      proxy: str2(get(e.value, "proxy")),
      description: str2(get(e.value, "description"))
    });
  }
  for (const e of entries(get(value, "containers"))) {
    inv.containers.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      host: str2(get(e.value, "host")),
      vmid: num(get(e.value, "vmid")),
      ip: str2(get(e.value, "ip")),
      hostname: str2(get(e.value, "hostname")),
      profile: str2(get(e.value, "profile")),
      services: strList(get(e.value, "services")),
      update: str2(get(e.value, "update")),
      description: str2(get(e.value, "description")),
      deploy: readDeploy(get(e.value, "deploy"))
    });
  }
  return inv;
}

// server/src/syntax/nix/detect.ts
function detectUnparseable(text2) {
  if (text2.startsWith("\0GITCRYPT\0")) return "git-crypt";
  const n = Math.min(text2.length, 8192);
  if (n === 0) return void 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text2.charCodeAt(i);
    if (c === 0) return "binary";
    if (c === 65533 || c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return bad > 8 && bad / n > 0.05 ? "binary" : void 0;
}

// server/src/syntax/nix/ast.ts
function forEachChild(node, f) {
  switch (node.type) {
    case "Str":
    case "IndStr":
    case "Path":
      for (const p of node.parts) f(p);
      return;
    case "Interp":
      f(node.expr);
      return;
    case "AttrPath":
      for (const a of node.names) f(a);
      return;
    case "Select":
      f(node.target);
      f(node.path);
      if (node.default) f(node.default);
      return;
    case "HasAttr":
      f(node.target);
      f(node.path);
      return;
    case "Apply":
      f(node.fn);
      f(node.arg);
      return;
    case "Unary":
      f(node.operand);
      return;
    case "Binary":
      f(node.left);
      f(node.right);
      return;
    case "Paren":
      f(node.expr);
      return;
    case "List":
      for (const e of node.items) f(e);
      return;
    case "AttrSet":
    case "LegacyLet":
      for (const b of node.bindings) f(b);
      return;
    case "Let":
      for (const b of node.bindings) f(b);
      f(node.body);
      return;
    case "AttrDef":
      f(node.path);
      f(node.value);
      return;
    case "Inherit":
      if (node.from) f(node.from);
      for (const a of node.names) f(a);
      return;
    case "With":
      f(node.env);
      f(node.body);
      return;
    case "Assert":
      f(node.cond);
      f(node.body);
      return;
    case "If":
      f(node.cond);
      f(node.then);
      f(node.else);
      return;
    case "Formal":
      f(node.name);
      if (node.default) f(node.default);
      return;
    case "Formals":
      for (const e of node.entries) f(e);
      return;
    case "Lambda":
      if (node.param && node.formals && node.param.span.start > node.formals.span.start) {
        f(node.formals);
        f(node.param);
      } else {
        if (node.param) f(node.param);
        if (node.formals) f(node.formals);
      }
      f(node.body);
      return;
    default:
      return;
  }
}
function linkParents(root2) {
  const stack = [root2];
  let cur = root2;
  const visit = (c) => {
    c.parent = cur;
    stack.push(c);
  };
  while (stack.length) {
    cur = stack.pop();
    forEachChild(cur, visit);
  }
}

// server/src/syntax/nix/tokens.ts
var Tok = {
  EOF: 0,
  ID: 1,
  INT: 2,
  FLOAT: 3,
  /** First segment of a path literal (`./a`, `/abs`, `a/b/`). */
  PATH: 4,
  /** First segment of a home path (`~/x`). */
  HPATH: 5,
  /** `<nixpkgs>` */
  SPATH: 6,
  URI: 7,
  /** Literal text inside "..." (value is unescaped). */
  STR: 8,
  /** Literal text inside a path after an interpolation. */
  PATH_STR: 9,
  /** Zero-width end of an interpolated path. */
  PATH_END: 10,
  /** Raw text inside ''...'' (subject to indentation stripping). */
  IND_STR: 11,
  /** An escape (`''$`, `'''`, `''\x`) or a lone `$`/`'` inside ''...''. */
  IND_ESC: 12,
  DQUOTE_OPEN: 13,
  DQUOTE_CLOSE: 14,
  IND_OPEN: 15,
  IND_CLOSE: 16,
  DOLLAR_CURLY: 17,
  IF: 18,
  THEN: 19,
  ELSE: 20,
  ASSERT: 21,
  WITH: 22,
  LET: 23,
  IN: 24,
  REC: 25,
  INHERIT: 26,
  OR_KW: 27,
  ELLIPSIS: 28,
  EQ: 29,
  NEQ: 30,
  LEQ: 31,
  GEQ: 32,
  AND: 33,
  OR: 34,
  IMPL: 35,
  UPDATE: 36,
  CONCAT: 37,
  LBRACE: 38,
  RBRACE: 39,
  LBRACKET: 40,
  RBRACKET: 41,
  LPAREN: 42,
  RPAREN: 43,
  SEMI: 44,
  COLON: 45,
  COMMA: 46,
  AT: 47,
  DOT: 48,
  QUESTION: 49,
  ASSIGN: 50,
  LT: 51,
  GT: 52,
  PLUS: 53,
  MINUS: 54,
  STAR: 55,
  SLASH: 56,
  BANG: 57,
  /** Any other single character; the parser reports it. */
  CHAR: 58,
  /** A lexical error (unterminated comment, trailing slash, bad number...). */
  ERROR: 59
};
var KEYWORDS = /* @__PURE__ */ new Map([
  ["if", Tok.IF],
  ["then", Tok.THEN],
  ["else", Tok.ELSE],
  ["assert", Tok.ASSERT],
  ["with", Tok.WITH],
  ["let", Tok.LET],
  ["in", Tok.IN],
  ["rec", Tok.REC],
  ["inherit", Tok.INHERIT],
  ["or", Tok.OR_KW]
]);
function describeTok(kind, text2) {
  switch (kind) {
    case Tok.EOF:
      return "end of file";
    case Tok.ID:
      return `'${text2}'`;
    case Tok.INT:
    case Tok.FLOAT:
      return `number ${text2}`;
    case Tok.PATH:
    case Tok.HPATH:
    case Tok.SPATH:
      return `path ${text2}`;
    case Tok.URI:
      return `URI ${text2}`;
    case Tok.STR:
    case Tok.IND_STR:
    case Tok.IND_ESC:
    case Tok.PATH_STR:
      return "text";
    case Tok.PATH_END:
      return "end of path";
    case Tok.DQUOTE_OPEN:
    case Tok.DQUOTE_CLOSE:
      return `'"'`;
    case Tok.IND_OPEN:
    case Tok.IND_CLOSE:
      return `"''"`;
    default:
      return `'${text2}'`;
  }
}

// server/src/syntax/nix/lexChars.ts
var ID_START = new Uint8Array(128);
var ID_CHAR = new Uint8Array(128);
var PATH_CHAR = new Uint8Array(128);
var URI_SCHEME = new Uint8Array(128);
var URI_CHAR = new Uint8Array(128);
(() => {
  const set = (t, chars) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  };
  const alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const digit = "0123456789";
  set(ID_START, alpha + "_");
  set(ID_CHAR, alpha + digit + "_'-");
  set(PATH_CHAR, alpha + digit + "._-+");
  set(URI_SCHEME, alpha + digit + "+-.");
  set(URI_CHAR, alpha + digit + "%/?:@&=+$,-_.!~*'");
})();
function cls(t, c) {
  return c < 128 && t[c] === 1;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function unescapeChar(code, ch) {
  if (code === 110) return "\n";
  if (code === 114) return "\r";
  if (code === 116) return "	";
  return ch;
}
function floatLen(text2, i) {
  const n = text2.length;
  let j = i;
  const c = text2.charCodeAt(j);
  if (c >= 49 && c <= 57) {
    while (j < n && isDigit(text2.charCodeAt(j))) j++;
    if (text2.charCodeAt(j) !== 46) return 0;
    j++;
    while (j < n && isDigit(text2.charCodeAt(j))) j++;
  } else {
    if (c === 48) j++;
    if (text2.charCodeAt(j) !== 46 || !isDigit(text2.charCodeAt(j + 1))) return 0;
    j++;
    while (j < n && isDigit(text2.charCodeAt(j))) j++;
  }
  const e = text2.charCodeAt(j);
  if (e === 69 || e === 101) {
    let k = j + 1;
    const s = text2.charCodeAt(k);
    if (s === 43 || s === 45) k++;
    if (isDigit(text2.charCodeAt(k))) {
      while (k < n && isDigit(text2.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j - i;
}

// server/src/syntax/nix/lexer.ts
var Tok2 = Tok;
var MAX_INT = 9223372036854775807n;
function lex(text2, strict = false) {
  const n = text2.length;
  let cap = Math.max(64, (n >> 2) + 16);
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let count = 0;
  const value = [];
  const comments = [];
  const errors = [];
  const modes = [0 /* INITIAL */];
  const openStrings = [];
  let i = 0;
  const grow = () => {
    cap *= 2;
    const k2 = new Uint8Array(cap);
    k2.set(kind);
    kind = k2;
    const s2 = new Int32Array(cap);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(cap);
    e2.set(end);
    end = e2;
  };
  const push2 = (k, s, e, v3) => {
    if (count === cap) grow();
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    value.push(v3);
    count++;
  };
  const top = () => modes[modes.length - 1];
  let scanned = 0;
  let pathRunFrom = -1;
  let pathRunEnd = -1;
  const pathChars = (p) => {
    if (p >= pathRunFrom && p <= pathRunEnd) return pathRunEnd;
    let j = p;
    while (j < n && cls(PATH_CHAR, text2.charCodeAt(j))) j++;
    scanned += j - p;
    pathRunFrom = p;
    pathRunEnd = j;
    return j;
  };
  let schemeRunFrom = -1;
  let schemeRunEnd = -1;
  const schemeChars = (p) => {
    if (p >= schemeRunFrom && p <= schemeRunEnd) return schemeRunEnd;
    let j = p;
    while (j < n && cls(URI_SCHEME, text2.charCodeAt(j))) j++;
    scanned += j - p;
    schemeRunFrom = p;
    schemeRunEnd = j;
    return j;
  };
  while (i < n || modes.length > 0) {
    const mode = top();
    if (i >= n) break;
    const c = text2.charCodeAt(i);
    if (mode === 2 /* STRING */) {
      if (c === 34) {
        push2(Tok2.DQUOTE_CLOSE, i, i + 1);
        modes.pop();
        openStrings.pop();
        i++;
        continue;
      }
      if (c === 36 && text2.charCodeAt(i + 1) === 123) {
        push2(Tok2.DOLLAR_CURLY, i, i + 2);
        modes.push(1 /* DEFAULT */);
        i += 2;
        continue;
      }
      let j = i;
      let seg = i;
      let out = "";
      let eof = false;
      let lineEnd = false;
      while (j < n) {
        const d = text2.charCodeAt(j);
        if (d === 34) break;
        if (strict && (d === 10 || d === 13)) {
          lineEnd = true;
          break;
        }
        if (d === 92) {
          if (j + 1 >= n) {
            eof = true;
            break;
          }
          out += text2.slice(seg, j) + unescapeChar(text2.charCodeAt(j + 1), text2[j + 1]);
          j += 2;
          seg = j;
          continue;
        }
        if (d === 36) {
          const e = text2.charCodeAt(j + 1);
          if (e === 123) break;
          if (j + 1 >= n) {
            eof = true;
            break;
          }
          if (e === 34) {
            j++;
            continue;
          }
          if (e === 92) {
            if (j + 2 >= n) {
              eof = true;
              break;
            }
            out += text2.slice(seg, j) + "$" + unescapeChar(text2.charCodeAt(j + 2), text2[j + 2]);
            j += 3;
            seg = j;
            continue;
          }
          j += 2;
          continue;
        }
        if (d === 13) {
          out += text2.slice(seg, j) + "\n";
          j += text2.charCodeAt(j + 1) === 10 ? 2 : 1;
          seg = j;
          continue;
        }
        j++;
      }
      if (j > i) push2(Tok2.STR, i, j, out + text2.slice(seg, j));
      i = j;
      if (eof) i = n;
      if (i >= n || lineEnd) {
        if (!strict) return lex(text2, true);
        const open = openStrings.pop();
        const at2 = open ? open.pos : i;
        errors.push({ start: at2, end: at2 + 1, message: `unterminated string: missing closing '"'` });
        push2(Tok2.DQUOTE_CLOSE, i, i);
        if (open) modes.length = open.depth;
        else modes.pop();
      }
      continue;
    }
    if (mode === 3 /* IND */) {
      if (c === 39 && text2.charCodeAt(i + 1) === 39) {
        const e = text2.charCodeAt(i + 2);
        if (e === 39) {
          push2(Tok2.IND_ESC, i, i + 3, "''");
          i += 3;
          continue;
        }
        if (e === 36) {
          push2(Tok2.IND_ESC, i, i + 3, "$");
          i += 3;
          continue;
        }
        if (e === 92 && i + 3 < n) {
          push2(Tok2.IND_ESC, i, i + 4, unescapeChar(text2.charCodeAt(i + 3), text2[i + 3]));
          i += 4;
          continue;
        }
        push2(Tok2.IND_CLOSE, i, i + 2);
        modes.pop();
        i += 2;
        continue;
      }
      if (c === 36 && text2.charCodeAt(i + 1) === 123) {
        push2(Tok2.DOLLAR_CURLY, i, i + 2);
        modes.push(1 /* DEFAULT */);
        i += 2;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text2.charCodeAt(j);
        if (d === 36) {
          const e = text2.charCodeAt(j + 1);
          if (j + 1 >= n || e === 123 || e === 39) break;
          j += 2;
        } else if (d === 39) {
          const e = text2.charCodeAt(j + 1);
          if (j + 1 >= n || e === 39 || e === 36) break;
          j += 2;
        } else j++;
      }
      if (j > i) {
        push2(Tok2.IND_STR, i, j, text2.slice(i, j));
        i = j;
      } else {
        push2(Tok2.IND_ESC, i, i + 1, text2[i]);
        i++;
      }
      continue;
    }
    if (mode === 4 /* INPATH */ || mode === 5 /* INPATH_SLASH */) {
      if (c === 36 && text2.charCodeAt(i + 1) === 123) {
        push2(Tok2.DOLLAR_CURLY, i, i + 2);
        modes.pop();
        modes.push(4 /* INPATH */, 1 /* DEFAULT */);
        i += 2;
        continue;
      }
      let j = pathChars(i);
      while (j < n && text2.charCodeAt(j) === 47) {
        j++;
        if (!cls(PATH_CHAR, text2.charCodeAt(j))) break;
        j = pathChars(j);
      }
      if (j > i) {
        push2(Tok2.PATH_STR, i, j, text2.slice(i, j));
        modes[modes.length - 1] = text2.charCodeAt(j - 1) === 47 ? 5 /* INPATH_SLASH */ : 4 /* INPATH */;
        i = j;
        continue;
      }
      if (mode === 5 /* INPATH_SLASH */) errors.push({ start: i - 1, end: i, message: "path has a trailing slash" });
      push2(Tok2.PATH_END, i, i);
      modes.pop();
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      while (i < n) {
        const d = text2.charCodeAt(i);
        if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
        i++;
      }
      continue;
    }
    if (c === 35) {
      let j = i + 1;
      while (j < n) {
        const d = text2.charCodeAt(j);
        if (d === 10 || d === 13) break;
        j++;
      }
      comments.push({ start: i, end: j, block: false });
      i = j;
      continue;
    }
    if (c === 47 && text2.charCodeAt(i + 1) === 42) {
      const close = text2.indexOf("*/", i + 2);
      if (close < 0) {
        errors.push({ start: i, end: i + 2, message: "unterminated comment: missing '*/'" });
        comments.push({ start: i, end: n, block: true });
        i = n;
      } else {
        comments.push({ start: i, end: close + 2, block: true });
        i = close + 2;
      }
      continue;
    }
    let bestLen = 0;
    let bestKind = Tok2.CHAR;
    let tokLen = 0;
    if (cls(ID_START, c)) {
      let j = i + 1;
      while (j < n && cls(ID_CHAR, text2.charCodeAt(j))) j++;
      bestLen = j - i;
      bestKind = KEYWORDS.get(text2.slice(i, j)) ?? Tok2.ID;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text2.charCodeAt(j))) j++;
      if (j - i > bestLen) {
        bestLen = j - i;
        bestKind = Tok2.INT;
      }
    }
    if (isDigit(c) || c === 46) {
      const fl = floatLen(text2, i);
      if (fl > bestLen) {
        bestLen = fl;
        bestKind = Tok2.FLOAT;
      }
    }
    if (cls(PATH_CHAR, c) || c === 47) {
      const j0 = pathChars(i);
      let j = j0;
      let segs = 0;
      while (text2.charCodeAt(j) === 47 && cls(PATH_CHAR, text2.charCodeAt(j + 1))) {
        j = pathChars(j + 1);
        segs++;
      }
      if (segs > 0) {
        if (text2.charCodeAt(j) === 47) j++;
        if (j - i > bestLen) {
          bestLen = j - i;
          bestKind = Tok2.PATH;
          tokLen = 0;
        }
      } else if (text2.charCodeAt(j0) === 47 && text2.charCodeAt(j0 + 1) === 36 && text2.charCodeAt(j0 + 2) === 123) {
        if (j0 + 3 - i > bestLen) {
          bestLen = j0 + 3 - i;
          bestKind = Tok2.PATH;
          tokLen = j0 + 1 - i;
        }
      }
    }
    if (c === 126 && text2.charCodeAt(i + 1) === 47) {
      let j = i + 1;
      let segs = 0;
      while (text2.charCodeAt(j) === 47 && cls(PATH_CHAR, text2.charCodeAt(j + 1))) {
        j = pathChars(j + 1);
        segs++;
      }
      if (segs > 0) {
        if (text2.charCodeAt(j) === 47) j++;
        bestLen = j - i;
        bestKind = Tok2.HPATH;
        tokLen = 0;
      } else if (text2.charCodeAt(i + 2) === 36 && text2.charCodeAt(i + 3) === 123) {
        bestLen = 4;
        bestKind = Tok2.HPATH;
        tokLen = 2;
      }
    }
    if (c === 60 && cls(PATH_CHAR, text2.charCodeAt(i + 1))) {
      let j = pathChars(i + 1);
      while (text2.charCodeAt(j) === 47 && cls(PATH_CHAR, text2.charCodeAt(j + 1))) j = pathChars(j + 1);
      if (text2.charCodeAt(j) === 62 && j + 1 - i > bestLen) {
        bestLen = j + 1 - i;
        bestKind = Tok2.SPATH;
        tokLen = 0;
      }
    }
    if (c < 128 && ID_START[c] === 1 && c !== 95) {
      let j = schemeChars(i + 1);
      if (text2.charCodeAt(j) === 58 && cls(URI_CHAR, text2.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && cls(URI_CHAR, text2.charCodeAt(j))) j++;
        if (j - i > bestLen) {
          bestLen = j - i;
          bestKind = Tok2.URI;
          tokLen = 0;
        }
      }
    }
    let opLen = 1;
    let opKind = Tok2.CHAR;
    const c1 = text2.charCodeAt(i + 1);
    switch (c) {
      case 46:
        if (c1 === 46 && text2.charCodeAt(i + 2) === 46) {
          opLen = 3;
          opKind = Tok2.ELLIPSIS;
        } else opKind = Tok2.DOT;
        break;
      case 61:
        if (c1 === 61) {
          opLen = 2;
          opKind = Tok2.EQ;
        } else opKind = Tok2.ASSIGN;
        break;
      case 33:
        if (c1 === 61) {
          opLen = 2;
          opKind = Tok2.NEQ;
        } else opKind = Tok2.BANG;
        break;
      case 60:
        if (c1 === 61) {
          opLen = 2;
          opKind = Tok2.LEQ;
        } else opKind = Tok2.LT;
        break;
      case 62:
        if (c1 === 61) {
          opLen = 2;
          opKind = Tok2.GEQ;
        } else opKind = Tok2.GT;
        break;
      case 38:
        if (c1 === 38) {
          opLen = 2;
          opKind = Tok2.AND;
        } else opLen = 0;
        break;
      case 124:
        if (c1 === 124) {
          opLen = 2;
          opKind = Tok2.OR;
        } else opLen = 0;
        break;
      case 45:
        if (c1 === 62) {
          opLen = 2;
          opKind = Tok2.IMPL;
        } else opKind = Tok2.MINUS;
        break;
      case 47:
        if (c1 === 47) {
          opLen = 2;
          opKind = Tok2.UPDATE;
        } else opKind = Tok2.SLASH;
        break;
      case 43:
        if (c1 === 43) {
          opLen = 2;
          opKind = Tok2.CONCAT;
        } else opKind = Tok2.PLUS;
        break;
      case 36:
        if (c1 === 123) {
          opLen = 2;
          opKind = Tok2.DOLLAR_CURLY;
        } else opLen = 0;
        break;
      case 39:
        if (c1 === 39) {
          opLen = 2;
          opKind = Tok2.IND_OPEN;
        } else opLen = 0;
        break;
      case 123:
        opKind = Tok2.LBRACE;
        break;
      case 125:
        opKind = Tok2.RBRACE;
        break;
      case 91:
        opKind = Tok2.LBRACKET;
        break;
      case 93:
        opKind = Tok2.RBRACKET;
        break;
      case 40:
        opKind = Tok2.LPAREN;
        break;
      case 41:
        opKind = Tok2.RPAREN;
        break;
      case 59:
        opKind = Tok2.SEMI;
        break;
      case 58:
        opKind = Tok2.COLON;
        break;
      case 44:
        opKind = Tok2.COMMA;
        break;
      case 64:
        opKind = Tok2.AT;
        break;
      case 63:
        opKind = Tok2.QUESTION;
        break;
      case 42:
        opKind = Tok2.STAR;
        break;
      case 34:
        opKind = Tok2.DQUOTE_OPEN;
        break;
      default:
        opLen = 0;
    }
    if (opLen > 0 && opLen >= bestLen) {
      bestLen = opLen;
      bestKind = opKind;
      tokLen = 0;
    }
    if (bestLen === 0) {
      const w = c >= 55296 && c < 56320 && i + 1 < n ? 2 : 1;
      push2(Tok2.CHAR, i, i + w);
      i += w;
      continue;
    }
    const tEnd = i + (tokLen || bestLen);
    switch (bestKind) {
      case Tok2.LBRACE:
      case Tok2.DOLLAR_CURLY:
        modes.push(1 /* DEFAULT */);
        break;
      case Tok2.RBRACE:
        if (modes.length > 1) modes.pop();
        break;
      case Tok2.DQUOTE_OPEN:
        openStrings.push({ depth: modes.length, pos: i });
        modes.push(2 /* STRING */);
        break;
      case Tok2.IND_OPEN: {
        let j = i + 2;
        while (text2.charCodeAt(j) === 32) j++;
        push2(Tok2.IND_OPEN, i, text2.charCodeAt(j) === 10 ? j + 1 : i + 2);
        i = text2.charCodeAt(j) === 10 ? j + 1 : i + 2;
        modes.push(3 /* IND */);
        continue;
      }
      case Tok2.PATH:
      case Tok2.HPATH:
        modes.push(text2.charCodeAt(tEnd - 1) === 47 ? 5 /* INPATH_SLASH */ : 4 /* INPATH */);
        break;
      case Tok2.INT: {
        const digits = text2.slice(i, tEnd);
        if (digits.length >= 19 && BigInt(digits) > MAX_INT) errors.push({ start: i, end: tEnd, message: `invalid integer '${digits}' (too large)` });
        break;
      }
    }
    push2(bestKind, i, tEnd);
    i = tEnd;
  }
  if (top() === 3 /* IND */) {
    let k = count - 1;
    while (k >= 0 && kind[k] !== Tok2.IND_OPEN) k--;
    const s = k >= 0 ? start[k] : n;
    errors.push({ start: s, end: s + 2, message: `unterminated indented string: missing closing "''"` });
  } else if (top() === 4 /* INPATH */ || top() === 5 /* INPATH_SLASH */) {
    if (top() === 5 /* INPATH_SLASH */) errors.push({ start: n - 1, end: n, message: "path has a trailing slash" });
    push2(Tok2.PATH_END, n, n);
  }
  push2(Tok2.EOF, n, n);
  return { kind: kind.subarray(0, count), start: start.subarray(0, count), end: end.subarray(0, count), value, comments, errors, count, scanned };
}

// server/src/syntax/nix/parserState.ts
var Tok3 = Tok;
var MAX_DEPTH = 1500;
var ParserState = class {
  constructor(text2, t) {
    this.text = text2;
    this.t = t;
  }
  text;
  t;
  p = 0;
  depth = 0;
  tooDeep = false;
  eofReported = false;
  /** End offset of the last consumed token. */
  lastEnd = 0;
  errors = [];
  /** Work counter: tokens consumed plus loop iterations, for linearity tests. */
  steps = 0;
  k() {
    return this.t.kind[this.p];
  }
  kAt(i) {
    return this.t.kind[Math.min(i, this.t.count - 1)];
  }
  get start() {
    return this.t.start[this.p];
  }
  get end() {
    return this.t.end[this.p];
  }
  tokText(i = this.p) {
    return this.text.slice(this.t.start[i], this.t.end[i]);
  }
  /** Consumes the current token and returns its index. */
  next() {
    const i = this.p;
    this.steps++;
    if (this.t.kind[i] !== Tok3.EOF) {
      this.lastEnd = this.t.end[i];
      this.p++;
    }
    return i;
  }
  eat(k) {
    if (this.k() !== k) return false;
    this.next();
    return true;
  }
  describe(i = this.p) {
    return describeTok(this.t.kind[i], this.tokText(i));
  }
  error(start, end, message2) {
    if (this.tooDeep) return;
    if (this.k() === Tok3.EOF) {
      if (this.eofReported) return;
      this.eofReported = true;
    }
    const last = this.errors[this.errors.length - 1];
    if (last && last.span.start === start) return;
    this.errors.push({ span: { start, end }, message: message2 });
  }
  /** Reports "unexpected <current token>" with what was expected. */
  unexpected(expected) {
    const what = this.k() === Tok3.EOF ? "unexpected end of file" : `unexpected ${this.describe()}`;
    this.error(this.start, Math.max(this.end, this.start), `${what}: expected ${expected}`);
  }
  /** Enters one nesting unit; false (after reporting once) when too deep. */
  enter() {
    if (this.tooDeep) return false;
    if (++this.depth > MAX_DEPTH) {
      this.stopTooDeep(this.start, this.end, "expression");
      return false;
    }
    return true;
  }
  /** Reports the nesting limit once and skips to the end: nothing after it is parsed. */
  stopTooDeep(start, end, what) {
    this.error(start, end, `${what} nested too deeply (more than ${MAX_DEPTH / 3} levels); the rest of the file is not analysed`);
    this.tooDeep = true;
    this.p = this.t.count - 1;
  }
  leave() {
    this.depth--;
  }
  /** For left-nested chains (a + b + c..., f a b c...) that the parser builds in a loop. */
  chainTooDeep(chain) {
    if (this.depth + chain <= MAX_DEPTH) return false;
    this.depth += chain;
    this.enter();
    this.depth -= chain + 1;
    return true;
  }
  /**
   * Skips tokens until one of `stops` at bracket depth 0 (not consumed) or EOF.
   * Brackets opened while skipping are skipped whole.
   */
  skipTo(stops) {
    let level = 0;
    for (; ; ) {
      const k = this.k();
      this.steps++;
      if (k === Tok3.EOF) return;
      if (level === 0 && stops.includes(k)) return;
      if (k === Tok3.LBRACE || k === Tok3.LBRACKET || k === Tok3.LPAREN || k === Tok3.DOLLAR_CURLY) level++;
      else if (k === Tok3.RBRACE || k === Tok3.RBRACKET || k === Tok3.RPAREN) {
        if (level === 0) return;
        level--;
      }
      this.next();
    }
  }
};

// server/src/syntax/nix/parseParts.ts
var Tok4 = Tok;
function startsAttrName(k) {
  return k === Tok4.ID || k === Tok4.OR_KW || k === Tok4.DQUOTE_OPEN || k === Tok4.DOLLAR_CURLY;
}
function parseInterp(s) {
  const start = s.start;
  s.next();
  const expr = parseExpr(s);
  if (!s.eat(Tok4.RBRACE)) {
    if (s.k() === Tok4.EOF) s.error(start, start + 2, "'${' is never closed: expected '}'");
    else s.unexpected("'}' to close '${'");
  }
  return { type: "Interp", expr, span: { start, end: s.lastEnd } };
}
function parseAttrName(s) {
  const start = s.start;
  switch (s.k()) {
    case Tok4.ID:
    case Tok4.OR_KW:
      s.next();
      return { type: "Ident", name: s.text.slice(start, s.lastEnd), span: { start, end: s.lastEnd } };
    case Tok4.DQUOTE_OPEN:
      return parseStr(s);
    case Tok4.DOLLAR_CURLY:
      return parseInterp(s);
    default:
      if (s.k() >= Tok4.IF && s.k() <= Tok4.INHERIT) {
        s.error(s.start, s.end, `'${s.tokText()}' is a keyword: write it in quotes ("${s.tokText()}") to use it as an attribute name`);
      } else s.unexpected("an attribute name");
      return void 0;
  }
}
function parseAttrPath(s) {
  const start = s.start;
  const names = [];
  for (; ; ) {
    s.steps++;
    const n = parseAttrName(s);
    if (!n) break;
    names.push(n);
    if (s.k() !== Tok4.DOT) break;
    s.next();
  }
  return { type: "AttrPath", names, span: { start: names.length ? start : s.lastEnd, end: names.length ? s.lastEnd : s.lastEnd } };
}
function pathLabel(s, path2) {
  return s.text.slice(path2.span.start, path2.span.end);
}
function parseBinds(s, closer) {
  const out = [];
  const stops = [Tok4.SEMI, closer, Tok4.RBRACE, Tok4.IN];
  for (; ; ) {
    s.steps++;
    const k = s.k();
    if (k === closer || k === Tok4.EOF || k === Tok4.RBRACE || k === Tok4.IN) return out;
    const start = s.start;
    if (k === Tok4.INHERIT) {
      s.next();
      let from;
      if (s.k() === Tok4.LPAREN) {
        const open = s.start;
        s.next();
        from = parseExpr(s);
        if (!s.eat(Tok4.RPAREN)) {
          if (s.k() === Tok4.EOF) s.error(open, open + 1, "'(' is never closed: expected ')'");
          else s.unexpected("')'");
        }
      }
      const names = [];
      while (startsAttrName(s.k())) {
        const n = parseAttrName(s);
        if (n) names.push(n);
      }
      if (!s.eat(Tok4.SEMI)) {
        s.unexpected("an attribute name or ';' after 'inherit'");
        s.skipTo(stops);
        s.eat(Tok4.SEMI);
      }
      out.push({ type: "Inherit", from, names, span: { start, end: s.lastEnd } });
      continue;
    }
    if (!startsAttrName(k)) {
      if (k >= Tok4.IF && k <= Tok4.REC) parseAttrName(s);
      else s.unexpected(closer === Tok4.IN ? "a binding like 'name = value;' or 'in'" : "a binding like 'name = value;' or '}'");
      const before = s.p;
      s.skipTo(stops);
      s.eat(Tok4.SEMI);
      if (s.p === before) s.next();
      continue;
    }
    const path2 = parseAttrPath(s);
    const implied = 3 * (path2.names.length - 1);
    if (s.depth + implied > MAX_DEPTH) {
      s.stopTooDeep(path2.span.start, path2.span.end, "attribute path");
      return out;
    }
    if (!s.eat(Tok4.ASSIGN)) {
      const label = pathLabel(s, path2);
      if (s.k() === Tok4.EOF) s.error(path2.span.start, path2.span.end, `'${label}' has no value: expected '=' after it`);
      else s.unexpected(`'=' after '${label}'`);
      const value2 = errorNode(s);
      out.push({ type: "AttrDef", path: path2, value: value2, span: { start, end: s.lastEnd } });
      s.skipTo(stops);
      s.eat(Tok4.SEMI);
      continue;
    }
    s.depth += implied;
    let value;
    try {
      value = parseExpr(s);
    } finally {
      s.depth -= implied;
    }
    if (value.type === "Error") s.unexpected(`a value after '${pathLabel(s, path2)} ='`);
    out.push({ type: "AttrDef", path: path2, value, span: { start, end: s.lastEnd } });
    if (s.eat(Tok4.SEMI)) {
      out[out.length - 1].span.end = s.lastEnd;
      continue;
    }
    if (s.k() === Tok4.EOF) {
      s.error(value.span.end, value.span.end, `missing ';' after the value of '${pathLabel(s, path2)}'`);
      return out;
    }
    const k2 = s.k();
    if (k2 === closer || k2 === Tok4.RBRACE || startsAttrName(k2) || k2 === Tok4.INHERIT) {
      const at2 = s.lastEnd;
      const last = s.errors[s.errors.length - 1];
      const prev = s.p - 1;
      const recoveredString = s.t.kind[prev] === Tok4.DQUOTE_CLOSE && s.t.start[prev] === s.t.end[prev];
      if (!recoveredString && !(last && last.span.start >= value.span.start)) {
        s.error(at2, at2, `missing ';' after the value of '${pathLabel(s, path2)}'`);
      }
      continue;
    }
    s.unexpected(`';' after the value of '${pathLabel(s, path2)}'`);
    s.skipTo(stops);
    s.eat(Tok4.SEMI);
  }
}
function looksLikeFormals(s) {
  const k1 = s.kAt(s.p + 1);
  if (k1 === Tok4.ELLIPSIS) return true;
  if (k1 === Tok4.RBRACE) {
    const k2 = s.kAt(s.p + 2);
    return k2 === Tok4.COLON || k2 === Tok4.AT;
  }
  if (k1 === Tok4.ID) {
    const k2 = s.kAt(s.p + 2);
    if (k2 === Tok4.COMMA || k2 === Tok4.QUESTION) return true;
    if (k2 === Tok4.RBRACE) {
      const k3 = s.kAt(s.p + 3);
      return k3 === Tok4.COLON || k3 === Tok4.AT;
    }
  }
  return false;
}
function parseFormals(s, start) {
  const entries2 = [];
  let ellipsis = false;
  for (; ; ) {
    s.steps++;
    if (s.k() === Tok4.ELLIPSIS) {
      s.next();
      ellipsis = true;
      break;
    }
    if (s.k() !== Tok4.ID) break;
    const i = s.next();
    const name = { type: "Ident", name: s.tokText(i), span: { start: s.t.start[i], end: s.t.end[i] } };
    let def;
    if (s.eat(Tok4.QUESTION)) def = parseExpr(s);
    entries2.push({ type: "Formal", name, default: def, span: { start: name.span.start, end: s.lastEnd } });
    if (!s.eat(Tok4.COMMA)) break;
  }
  if (!s.eat(Tok4.RBRACE)) {
    if (s.k() === Tok4.EOF) s.error(start, start + 1, "'{' is never closed: expected '}'");
    else s.unexpected(ellipsis ? "'}' ('...' must come last)" : "',' or '}' in the function's arguments");
    s.skipTo([Tok4.RBRACE, Tok4.COLON]);
    s.eat(Tok4.RBRACE);
  }
  return { type: "Formals", entries: entries2, ellipsis, span: { start, end: s.lastEnd } };
}
function parseStr(s) {
  const start = s.start;
  s.next();
  const parts = [];
  for (; ; ) {
    s.steps++;
    if (s.k() === Tok4.STR) {
      const i = s.next();
      parts.push({ type: "Text", value: s.t.value[i], span: { start: s.t.start[i], end: s.t.end[i] } });
    } else if (s.k() === Tok4.DOLLAR_CURLY) parts.push(parseInterp(s));
    else break;
  }
  if (!s.eat(Tok4.DQUOTE_CLOSE)) {
    if (s.k() === Tok4.EOF) s.error(start, start + 1, `unterminated string: missing closing '"'`);
    else s.unexpected(`'"' to close the string`);
  }
  return { type: "Str", parts, span: { start, end: s.lastEnd } };
}
function parseIndStr(s) {
  const start = s.start;
  s.next();
  const parts = [];
  for (; ; ) {
    s.steps++;
    if (s.k() === Tok4.IND_STR || s.k() === Tok4.IND_ESC) {
      const esc = s.k() === Tok4.IND_ESC;
      const i = s.next();
      const text2 = { type: "Text", value: s.t.value[i], span: { start: s.t.start[i], end: s.t.end[i] } };
      if (esc) text2.escape = true;
      parts.push(text2);
    } else if (s.k() === Tok4.DOLLAR_CURLY) parts.push(parseInterp(s));
    else break;
  }
  if (!s.eat(Tok4.IND_CLOSE)) {
    if (s.k() === Tok4.EOF) s.error(start, start + 2, `unterminated indented string: missing closing "''"`);
    else s.unexpected(`"''" to close the string`);
  }
  return { type: "IndStr", parts, span: { start, end: s.lastEnd } };
}
function parsePath(s) {
  const start = s.start;
  const home = s.k() === Tok4.HPATH;
  const first = s.tokText(s.next());
  const parts = [];
  for (; ; ) {
    s.steps++;
    if (s.k() === Tok4.PATH_STR) {
      const i = s.next();
      parts.push({ type: "Text", value: s.t.value[i], span: { start: s.t.start[i], end: s.t.end[i] } });
    } else if (s.k() === Tok4.DOLLAR_CURLY) parts.push(parseInterp(s));
    else break;
  }
  if (parts.length > 0 && parts[0].type === "Text" && (parts.length < 2 || parts[1].type !== "Interp")) {
    s.error(start, parts[0].span.end, "invalid path: '//' or a trailing '/' is not allowed inside a path");
  }
  s.eat(Tok4.PATH_END);
  return { type: "Path", first, home, parts, span: { start, end: s.lastEnd } };
}

// server/src/syntax/nix/parser.ts
var Tok5 = Tok;
var OPS = /* @__PURE__ */ new Map([
  [Tok5.IMPL, { op: "->", lbp: 2 /* IMPL */, rbp: 2 /* IMPL */ }],
  [Tok5.OR, { op: "||", lbp: 4 /* OR */, rbp: 4 /* OR */ + 1 }],
  [Tok5.AND, { op: "&&", lbp: 6 /* AND */, rbp: 6 /* AND */ + 1 }],
  [Tok5.EQ, { op: "==", lbp: 8 /* EQ */, rbp: 8 /* EQ */ + 1, nonassoc: true }],
  [Tok5.NEQ, { op: "!=", lbp: 8 /* EQ */, rbp: 8 /* EQ */ + 1, nonassoc: true }],
  [Tok5.LT, { op: "<", lbp: 10 /* CMP */, rbp: 10 /* CMP */ + 1, nonassoc: true }],
  [Tok5.GT, { op: ">", lbp: 10 /* CMP */, rbp: 10 /* CMP */ + 1, nonassoc: true }],
  [Tok5.LEQ, { op: "<=", lbp: 10 /* CMP */, rbp: 10 /* CMP */ + 1, nonassoc: true }],
  [Tok5.GEQ, { op: ">=", lbp: 10 /* CMP */, rbp: 10 /* CMP */ + 1, nonassoc: true }],
  [Tok5.UPDATE, { op: "//", lbp: 12 /* UPDATE */, rbp: 12 /* UPDATE */ }],
  [Tok5.PLUS, { op: "+", lbp: 16 /* ADD */, rbp: 16 /* ADD */ + 1 }],
  [Tok5.MINUS, { op: "-", lbp: 16 /* ADD */, rbp: 16 /* ADD */ + 1 }],
  [Tok5.STAR, { op: "*", lbp: 18 /* MUL */, rbp: 18 /* MUL */ + 1 }],
  [Tok5.SLASH, { op: "/", lbp: 18 /* MUL */, rbp: 18 /* MUL */ + 1 }],
  [Tok5.CONCAT, { op: "++", lbp: 20 /* CONCAT */, rbp: 20 /* CONCAT */ }]
]);
function parseNix(text2) {
  const t = lex(text2);
  const s = new ParserState(text2, t);
  for (const e of t.errors) if (/^unterminated (indented string|comment)/.test(e.message)) s.eofReported = true;
  const root2 = parseExpr(s);
  if (s.k() !== Tok5.EOF) {
    s.error(s.start, s.end, `unexpected ${s.describe()} after the end of the expression`);
  }
  linkParents(root2);
  const errors = [...t.errors.map((e) => ({ span: { start: e.start, end: e.end }, message: e.message })), ...s.errors];
  errors.sort((a, b) => a.span.start - b.span.start);
  return { root: root2, errors, comments: t.comments, tokens: t, text: text2, work: s.steps + t.count + t.scanned };
}
function errorNode(s) {
  const at2 = s.k() === Tok5.EOF ? s.lastEnd : s.start;
  return { type: "Error", span: { start: at2, end: at2 } };
}
function parseExpr(s) {
  if (!s.enter()) return errorNode(s);
  try {
    return parseExprInner(s);
  } finally {
    s.leave();
  }
}
function parseExprInner(s) {
  const start = s.start;
  switch (s.k()) {
    case Tok5.ID: {
      const k1 = s.kAt(s.p + 1);
      if (k1 === Tok5.COLON || k1 === Tok5.AT && s.kAt(s.p + 2) === Tok5.LBRACE) {
        const i = s.next();
        const param = { type: "Ident", name: s.tokText(i), span: { start, end: s.lastEnd } };
        let formals;
        if (s.eat(Tok5.AT)) {
          const open = s.next();
          formals = parseFormals(s, s.t.start[open]);
        }
        return finishLambda(s, start, param, formals);
      }
      break;
    }
    case Tok5.LBRACE:
      if (looksLikeFormals(s)) {
        s.next();
        const formals = parseFormals(s, start);
        let param;
        if (s.k() === Tok5.AT) {
          s.next();
          if (s.k() === Tok5.ID) {
            const i = s.next();
            param = { type: "Ident", name: s.tokText(i), span: { start: s.t.start[i], end: s.t.end[i] } };
          } else s.unexpected("a name after '@'");
        }
        return finishLambda(s, start, param, formals);
      }
      break;
    case Tok5.ASSERT:
    case Tok5.WITH: {
      const isWith = s.k() === Tok5.WITH;
      s.next();
      const first = parseExpr(s);
      if (!s.eat(Tok5.SEMI)) s.unexpected(`';' after the ${isWith ? "with" : "assert"} expression`);
      const body = parseExpr(s);
      const span = { start, end: s.lastEnd };
      return isWith ? { type: "With", env: first, body, span } : { type: "Assert", cond: first, body, span };
    }
    case Tok5.LET:
      if (s.kAt(s.p + 1) !== Tok5.LBRACE) {
        s.next();
        const bindings = parseBinds(s, Tok5.IN);
        let body;
        if (s.eat(Tok5.IN)) body = parseExpr(s);
        else {
          s.unexpected("'in' after the let bindings");
          body = errorNode(s);
        }
        return { type: "Let", bindings, body, span: { start, end: s.lastEnd } };
      }
      break;
    case Tok5.IF: {
      s.next();
      const cond = parseExpr(s);
      let then;
      let els;
      if (s.eat(Tok5.THEN)) then = parseExpr(s);
      else {
        s.unexpected("'then'");
        then = errorNode(s);
      }
      if (s.eat(Tok5.ELSE)) els = parseExpr(s);
      else {
        s.unexpected("'else' (every 'if' needs one)");
        els = errorNode(s);
      }
      return { type: "If", cond, then, else: els, span: { start, end: s.lastEnd } };
    }
  }
  return parseOp(s, 0);
}
function finishLambda(s, start, param, formals) {
  let body;
  if (s.eat(Tok5.COLON)) body = parseExpr(s);
  else {
    s.unexpected("':' after the function's arguments");
    body = errorNode(s);
  }
  return { type: "Lambda", param, formals, body, span: { start, end: s.lastEnd } };
}
function parseOp(s, minBp) {
  if (!s.enter()) return errorNode(s);
  try {
    const start = s.start;
    let lhs;
    if (s.k() === Tok5.BANG || s.k() === Tok5.MINUS) {
      const op = s.k() === Tok5.BANG ? "!" : "-";
      s.next();
      const operand = parseOp(s, op === "!" ? 14 /* NOT */ : 24 /* NEG */);
      if (operand.type === "Error") s.unexpected(`an expression after '${op}'`);
      lhs = { type: "Unary", op, operand, span: { start, end: s.lastEnd } };
    } else lhs = parseApp(s);
    let chain = 0;
    for (; ; ) {
      s.steps++;
      const k = s.k();
      if (k === Tok5.QUESTION) {
        if (22 /* HAS */ < minBp) break;
        s.next();
        const path2 = parseAttrPath(s);
        lhs = { type: "HasAttr", target: lhs, path: path2, span: { start, end: s.lastEnd } };
      } else {
        const info = OPS.get(k);
        if (!info || info.lbp < minBp) break;
        const opTok = s.next();
        const right = parseOp(s, info.rbp);
        if (right.type === "Error") s.unexpected(`an expression after '${info.op}'`);
        lhs = {
          type: "Binary",
          op: info.op,
          opSpan: { start: s.t.start[opTok], end: s.t.end[opTok] },
          left: lhs,
          right,
          span: { start, end: s.lastEnd }
        };
        if (info.nonassoc && OPS.get(s.k())?.lbp === info.lbp) {
          s.error(s.start, s.end, `'${info.op}' and '${s.tokText()}' cannot be chained: add parentheses`);
        }
      }
      if (s.chainTooDeep(++chain)) break;
    }
    return lhs;
  } finally {
    s.leave();
  }
}
function structural(k) {
  return k === Tok5.SEMI || k === Tok5.RBRACE || k === Tok5.RPAREN || k === Tok5.RBRACKET || k === Tok5.IN || k === Tok5.THEN || k === Tok5.ELSE;
}
function startsSelect(s, k) {
  switch (k) {
    case Tok5.ID:
    case Tok5.INT:
    case Tok5.FLOAT:
    case Tok5.DQUOTE_OPEN:
    case Tok5.IND_OPEN:
    case Tok5.PATH:
    case Tok5.HPATH:
    case Tok5.SPATH:
    case Tok5.URI:
    case Tok5.LPAREN:
    case Tok5.LBRACE:
    case Tok5.LBRACKET:
      return true;
    case Tok5.REC:
    case Tok5.LET:
      return s.kAt(s.p + 1) === Tok5.LBRACE;
    default:
      return false;
  }
}
function bindingAhead(s) {
  let i = s.p;
  for (let n = 0; n < 64; n++) {
    const k = s.kAt(i);
    if (k !== Tok5.ID && k !== Tok5.OR_KW) return false;
    const k1 = s.kAt(i + 1);
    if (k1 === Tok5.ASSIGN) return true;
    if (k1 !== Tok5.DOT) return false;
    i += 2;
  }
  return false;
}
function parseApp(s) {
  const start = s.start;
  let fn = parseSelect(s);
  let chain = 0;
  while (startsSelect(s, s.k()) && !bindingAhead(s)) {
    const arg = parseSelect(s);
    fn = { type: "Apply", fn, arg, span: { start, end: s.lastEnd } };
    if (s.chainTooDeep(++chain)) break;
  }
  return fn;
}
function parseSelect(s) {
  const start = s.start;
  const target = parseSimple(s);
  if (s.k() === Tok5.DOT) {
    s.next();
    const path2 = parseAttrPath(s);
    let def;
    if (s.eat(Tok5.OR_KW)) {
      def = parseSelect(s);
      if (def.type === "Error") s.unexpected("a default value after 'or'");
    }
    return { type: "Select", target, path: path2, default: def, span: { start, end: s.lastEnd } };
  }
  if (s.k() === Tok5.OR_KW && target.type !== "Error") {
    const i = s.next();
    const arg = { type: "Var", name: "or", span: { start, end: s.t.end[i] } };
    return { type: "Apply", fn: target, arg, span: { start, end: s.lastEnd } };
  }
  return target;
}
function parseSimple(s) {
  if (!s.enter()) return errorNode(s);
  try {
    return parseSimpleInner(s);
  } finally {
    s.leave();
  }
}
function parseSimpleInner(s) {
  const start = s.start;
  const end = s.end;
  switch (s.k()) {
    case Tok5.ID:
      s.next();
      return { type: "Var", name: s.text.slice(start, end), span: { start, end } };
    case Tok5.INT:
      s.next();
      return { type: "Int", raw: s.text.slice(start, end), span: { start, end } };
    case Tok5.FLOAT:
      s.next();
      return { type: "Float", raw: s.text.slice(start, end), span: { start, end } };
    case Tok5.DQUOTE_OPEN:
      return parseStr(s);
    case Tok5.IND_OPEN:
      return parseIndStr(s);
    case Tok5.PATH:
    case Tok5.HPATH:
      return parsePath(s);
    case Tok5.SPATH:
      s.next();
      return { type: "SPath", name: s.text.slice(start + 1, end - 1), span: { start, end } };
    case Tok5.URI:
      s.next();
      return { type: "Uri", text: s.text.slice(start, end), span: { start, end } };
    case Tok5.LPAREN: {
      s.next();
      const expr = parseExpr(s);
      if (!s.eat(Tok5.RPAREN)) {
        if (s.k() === Tok5.EOF) s.error(start, start + 1, "'(' is never closed: expected ')'");
        else if (structural(s.k())) s.error(start, start + 1, `'(' is not closed: expected ')' before ${s.describe()}`);
        else s.unexpected("')'");
      }
      return { type: "Paren", expr, span: { start, end: s.lastEnd } };
    }
    case Tok5.LBRACKET: {
      s.next();
      const items = [];
      for (; ; ) {
        s.steps++;
        if (startsSelect(s, s.k())) items.push(parseSelect(s));
        else if (s.k() === Tok5.RBRACKET || s.k() === Tok5.EOF) break;
        else if (structural(s.k())) break;
        else {
          s.unexpected("a list element or ']' (a function call inside a list needs parentheses)");
          const before = s.p;
          s.skipTo([Tok5.RBRACKET, Tok5.SEMI]);
          if (s.p === before) break;
        }
      }
      if (!s.eat(Tok5.RBRACKET)) {
        if (s.k() === Tok5.EOF) s.error(start, start + 1, "'[' is never closed: expected ']'");
        else if (structural(s.k())) s.error(start, start + 1, `'[' is not closed: expected ']' before ${s.describe()}`);
        else s.unexpected("']'");
      }
      return { type: "List", items, span: { start, end: s.lastEnd } };
    }
    case Tok5.REC:
    case Tok5.LET:
    case Tok5.LBRACE: {
      const kind = s.k();
      if (kind !== Tok5.LBRACE) {
        s.next();
        if (s.k() !== Tok5.LBRACE) {
          s.unexpected(`'{' after '${kind === Tok5.REC ? "rec" : "let"}'`);
          return errorNode(s);
        }
      }
      const open = s.start;
      s.next();
      const bindings = parseBinds(s, Tok5.RBRACE);
      if (!s.eat(Tok5.RBRACE)) {
        if (s.k() === Tok5.EOF) s.error(open, open + 1, "'{' is never closed: expected '}'");
        else s.unexpected("'}' or a binding like 'name = value;'");
      }
      const span = { start, end: s.lastEnd };
      if (kind === Tok5.LET) return { type: "LegacyLet", bindings, span };
      return { type: "AttrSet", rec: kind === Tok5.REC, bindings, span };
    }
    default:
      s.unexpected("an expression");
      return errorNode(s);
  }
}

// server/src/syntax/nix/parseCache.ts
var MAX_ENTRIES = 32;
var recent = /* @__PURE__ */ new Map();
function parseNixShared(text2) {
  const hit = recent.get(text2);
  if (hit) {
    recent.delete(text2);
    recent.set(text2, hit);
    return hit;
  }
  const parsed = parseNix(text2);
  recent.set(text2, parsed);
  if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value);
  return parsed;
}

// server/src/syntax/nix/desugar.ts
var NO_SPAN = { start: 0, end: 0 };
var v = (name, span = NO_SPAN) => ({ k: "var", name, span });
var Desugarer = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  errors = [];
  err(span, message2) {
    this.errors.push({ span, message: message2 });
  }
  expr(n) {
    switch (n.type) {
      case "Int":
        return { k: "int", raw: n.raw };
      case "Float":
        return { k: "float", raw: n.raw };
      case "Str":
        return this.str(n);
      case "IndStr":
        return stripIndentation(n, (e) => this.expr(e));
      case "Path":
        if (n.parts.length === 0) return { k: "path", node: n };
        return { k: "concat", parts: [{ k: "path", node: n }, ...n.parts.map((p) => this.part(p))] };
      case "SPath":
        return { k: "call", fn: v("__findFile"), args: [v("__nixPath"), { k: "string", s: n.name, span: n.span }] };
      case "Uri":
        return { k: "string", s: n.text, span: n.span };
      case "Var":
        return n.name === "__curPos" ? { k: "pos" } : v(n.name, n.span);
      case "Select":
        return { k: "select", e: this.expr(n.target), path: this.attrPath(n.path), def: n.default && this.expr(n.default) };
      case "HasAttr":
        return { k: "hasattr", e: this.expr(n.target), path: this.attrPath(n.path) };
      case "Apply": {
        const fn = this.expr(n.fn);
        const arg = this.expr(n.arg);
        if (fn.k === "call") {
          fn.args.push(arg);
          return fn;
        }
        return { k: "call", fn, args: [arg] };
      }
      case "Unary":
        return n.op === "!" ? { k: "not", e: this.expr(n.operand) } : { k: "call", fn: v("__sub"), args: [{ k: "int", raw: "0" }, this.expr(n.operand)] };
      case "Binary": {
        const a = this.expr(n.left);
        const b = this.expr(n.right);
        switch (n.op) {
          case "+":
            return { k: "concat", parts: [a, b] };
          case "-":
            return { k: "call", fn: v("__sub"), args: [a, b] };
          case "*":
            return { k: "call", fn: v("__mul"), args: [a, b] };
          case "/":
            return { k: "call", fn: v("__div"), args: [a, b] };
          case "<":
            return { k: "call", fn: v("__lessThan"), args: [a, b] };
          case ">":
            return { k: "call", fn: v("__lessThan"), args: [b, a] };
          case "<=":
            return { k: "not", e: { k: "call", fn: v("__lessThan"), args: [b, a] } };
          case ">=":
            return { k: "not", e: { k: "call", fn: v("__lessThan"), args: [a, b] } };
          default:
            return { k: "bin", op: n.op, a, b };
        }
      }
      case "Paren":
        return this.expr(n.expr);
      case "List":
        return { k: "list", items: n.items.map((e) => this.expr(e)) };
      case "AttrSet":
        return this.binds(n.bindings, n.rec, n.span);
      case "LegacyLet":
        return { k: "select", e: this.binds(n.bindings, true, n.span), path: [{ name: "body", span: n.span }] };
      case "Let": {
        const attrs2 = this.binds(n.bindings, false, n.span);
        if (attrs2.dyn.length) this.err(n.span, "dynamic attributes are not allowed in let");
        return { k: "let", attrs: attrs2, body: this.expr(n.body) };
      }
      case "With":
        return { k: "with", env: this.expr(n.env), body: this.expr(n.body), span: n.span };
      case "Assert":
        return { k: "assert", c: this.expr(n.cond), body: this.expr(n.body) };
      case "If":
        return { k: "if", c: this.expr(n.cond), t: this.expr(n.then), e: this.expr(n.else) };
      case "Lambda":
        return this.lambda(n);
      case "Error":
        return { k: "error" };
    }
  }
  part(p) {
    return p.type === "Text" ? { k: "string", s: p.value, span: p.span } : this.expr(p.expr);
  }
  str(n) {
    if (n.parts.length === 0) return { k: "string", s: "", span: n.span };
    if (n.parts.length === 1 && n.parts[0].type === "Text") return { k: "string", s: n.parts[0].value, span: n.span };
    return { k: "concat", parts: n.parts.map((p) => this.part(p)) };
  }
  /** A name is static when it desugars to a plain string (Nix's `dynamic_cast<ExprString *>`). */
  attrName(a) {
    if (a.type === "Ident") return { name: a.name, span: a.span };
    const e = a.type === "Str" ? this.str(a) : this.expr(a.expr);
    return e.k === "string" ? { name: e.s, span: a.span } : { expr: e, span: a.span };
  }
  attrPath(p) {
    return p.names.map((a) => this.attrName(a));
  }
  lambda(n) {
    let formals;
    if (n.formals) {
      const seen = /* @__PURE__ */ new Set();
      formals = { names: [], ellipsis: n.formals.ellipsis };
      for (const f of n.formals.entries) {
        if (seen.has(f.name.name)) this.err(f.name.span, `duplicate formal function argument '${f.name.name}'`);
        seen.add(f.name.name);
        formals.names.push({ name: f.name.name, span: f.name.span, def: f.default && this.expr(f.default) });
      }
      if (n.param && seen.has(n.param.name)) this.err(n.param.span, `duplicate formal function argument '${n.param.name}'`);
    }
    return {
      k: "lambda",
      arg: n.param && { name: n.param.name, span: n.param.span },
      formals,
      body: this.expr(n.body)
    };
  }
  dup(label, span, prev) {
    this.err(span, `attribute '${label}' already defined at ${this.lineCol(prev.defPos ?? prev.keySpan.start)}`);
  }
  lines;
  lineCol(offset) {
    this.lines ??= new LineIndex(this.text);
    const p = this.lines.positionAt(offset);
    return `line ${p.line + 1}, column ${p.character + 1}`;
  }
  binds(bindings, rec, span) {
    const out = { k: "attrs", rec, attrs: /* @__PURE__ */ new Map(), dyn: [], span };
    for (const b of bindings) {
      if (b.type === "Inherit") {
        const from = b.from && this.expr(b.from);
        for (const a of b.names) {
          const name = this.attrName(a);
          if (!("name" in name)) {
            this.err(a.span, "dynamic attributes are not allowed in inherit");
            continue;
          }
          const prev = out.attrs.get(name.name);
          if (prev) {
            this.dup(name.name, a.span, prev);
            continue;
          }
          out.attrs.set(name.name, from ? { e: { k: "select", e: from, path: [name] }, inherited: false, keySpan: a.span } : { e: v(name.name, a.span), inherited: true, keySpan: a.span });
        }
      } else if (b.path.names.length > 0) {
        this.addAttr(out, this.attrPath(b.path), this.expr(b.value), b.path);
      }
    }
    return out;
  }
  /** Nix's addAttr: nested paths create or extend sets; two literal sets under one key merge. */
  addAttr(top, path2, e, node) {
    let attrs2 = top;
    const label = () => path2.map((p) => "name" in p ? p.name : '"${..}"').join(".");
    for (let i = 0; i < path2.length - 1; i++) {
      const p = path2[i];
      if ("name" in p) {
        const j2 = attrs2.attrs.get(p.name);
        if (j2) {
          if (j2.inherited || j2.e.k !== "attrs") return this.dup(label(), node.span, j2);
          attrs2 = j2.e;
        } else {
          const nested = { k: "attrs", rec: false, attrs: /* @__PURE__ */ new Map(), dyn: [], span: node.span };
          attrs2.attrs.set(p.name, { e: nested, inherited: false, keySpan: p.span, defPos: node.span.start });
          attrs2 = nested;
        }
      } else {
        const nested = { k: "attrs", rec: false, attrs: /* @__PURE__ */ new Map(), dyn: [], span: node.span };
        attrs2.dyn.push({ name: p.expr, value: nested });
        attrs2 = nested;
      }
    }
    const last = path2[path2.length - 1];
    if (!("name" in last)) {
      attrs2.dyn.push({ name: last.expr, value: e });
      return;
    }
    const j = attrs2.attrs.get(last.name);
    if (!j) {
      attrs2.attrs.set(last.name, { e, inherited: false, keySpan: last.span, defPos: node.span.start });
      return;
    }
    if (!j.inherited && j.e.k === "attrs" && e.k === "attrs") {
      for (const [name, def] of e.attrs) {
        const j2 = j.e.attrs.get(name);
        if (j2) this.dup(name, def.keySpan, j2);
        else j.e.attrs.set(name, def);
      }
      return;
    }
    this.dup(label(), node.span, j);
  }
};
function stripIndentation(n, lower) {
  const es = n.parts.map(
    (p) => p.type === "Text" ? { value: p.value, indent: !p.escape, span: p.span } : { expr: p.expr }
  );
  if (es.length === 0) return { k: "string", s: "", span: n.span };
  let atStartOfLine = true;
  let minIndent = 1e6;
  let curIndent = 0;
  for (const t of es) {
    if (!("value" in t) || !t.indent) {
      if (atStartOfLine) {
        atStartOfLine = false;
        if (curIndent < minIndent) minIndent = curIndent;
      }
      continue;
    }
    const s = t.value;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (atStartOfLine) {
        if (c === 32) curIndent++;
        else if (c === 10) curIndent = 0;
        else {
          atStartOfLine = false;
          if (curIndent < minIndent) minIndent = curIndent;
        }
      } else if (c === 10) {
        atStartOfLine = true;
        curIndent = 0;
      }
    }
  }
  const out = [];
  atStartOfLine = true;
  let curDropped = 0;
  let remaining = es.length;
  for (const t of es) {
    if (!("value" in t)) {
      atStartOfLine = false;
      curDropped = 0;
      out.push(lower(t.expr));
    } else {
      const s = t.value;
      let s2 = "";
      let from = 0;
      for (let j = 0; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (atStartOfLine) {
          if (c === 32) {
            if (curDropped++ < minIndent) {
              s2 += s.slice(from, j);
              from = j + 1;
            }
          } else if (c === 10) curDropped = 0;
          else {
            atStartOfLine = false;
            curDropped = 0;
          }
        } else if (c === 10) atStartOfLine = true;
      }
      s2 += s.slice(from);
      if (remaining === 1) {
        const p = s2.lastIndexOf("\n");
        if (p >= 0 && /^ *$/.test(s2.slice(p + 1))) s2 = s2.slice(0, p + 1);
      }
      out.push({ k: "string", s: s2, span: t.span });
    }
    remaining--;
  }
  if (out.length === 1 && out[0].k === "string") return out[0];
  return { k: "concat", parts: out };
}

// server/src/syntax/nix/eval/types.ts
var Thunk = class _Thunk {
  constructor(compute, origin) {
    this.compute = compute;
    this.origin = origin;
  }
  compute;
  origin;
  state = 0;
  value;
  static of(v3) {
    const t = new _Thunk(void 0, v3.origin);
    t.state = 2;
    t.value = v3;
    return t;
  }
  force() {
    if (this.state === 2) return this.value;
    if (this.state === 1) return unknown("infinite recursion (the value depends on itself)", this.origin);
    this.state = 1;
    const c = this.compute;
    const v3 = c();
    this.state = 2;
    this.value = v3;
    this.compute = void 0;
    return v3;
  }
};
function unknown(reason, origin) {
  return { kind: "unknown", reason, origin };
}

// server/src/syntax/nix/eval/ops.ts
function arith(op, a, b, origin) {
  if (a.kind === "unknown") return { ...a, origin };
  if (b.kind === "unknown") return { ...b, origin };
  if (a.kind === "number" && b.kind === "number") {
    const integer = a.integer && b.integer;
    let value;
    switch (op) {
      case "+":
        value = a.value + b.value;
        break;
      case "-":
        value = a.value - b.value;
        break;
      case "*":
        value = a.value * b.value;
        break;
      case "/":
        if (b.value === 0) return unknown("division by zero", origin);
        value = integer ? Math.trunc(a.value / b.value) : a.value / b.value;
        break;
    }
    return { kind: "number", value, integer, origin };
  }
  if (op === "+") {
    if (a.kind === "string" && b.kind === "string") return { kind: "string", value: a.value + b.value, origin };
    if (a.kind === "path" && (b.kind === "string" || b.kind === "path")) return { kind: "path", value: a.value + b.value, origin };
    if (a.kind === "string" && b.kind === "path") return unknown("a path added to a string is copied to the Nix store", origin);
  }
  return unknown(`cannot apply '${op}' to ${a.kind} and ${b.kind}`, origin);
}
function compare(op, a, b, origin) {
  if (a.kind === "unknown") return { ...a, origin };
  if (b.kind === "unknown") return { ...b, origin };
  let c;
  if (a.kind === "number" && b.kind === "number") c = a.value - b.value;
  else if (a.kind === "string" && b.kind === "string" || a.kind === "path" && b.kind === "path") c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (c === void 0) return unknown(`cannot compare ${a.kind} with ${b.kind}`, origin);
  const value = op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
  return { kind: "boolean", value, origin };
}
function equal(a, b, depth = 0) {
  if (depth > 200) return void 0;
  if (a.kind === "unknown" || b.kind === "unknown") return void 0;
  if (a.kind === "lambda" || b.kind === "lambda" || a.kind === "primop" || b.kind === "primop") return void 0;
  if (a.kind === "number" && b.kind === "number") return a.value === b.value;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "string":
    case "path":
    case "boolean":
      return a.value === b.value;
    case "null":
      return true;
    case "list": {
      const bl = b;
      if (a.items.length !== bl.items.length) return false;
      for (let i = 0; i < a.items.length; i++) {
        const r = equal(a.items[i].force(), bl.items[i].force(), depth + 1);
        if (r !== true) return r;
      }
      return true;
    }
    case "attrs": {
      const ba = b;
      if (a.entries.size !== ba.entries.size) return false;
      for (const [k, e] of a.entries) {
        const o = ba.entries.get(k);
        if (!o) return false;
        const r = equal(e.thunk.force(), o.thunk.force(), depth + 1);
        if (r !== true) return r;
      }
      return true;
    }
  }
  return void 0;
}
function update(a, b, origin) {
  if (a.kind === "unknown") return { ...a, origin };
  if (b.kind === "unknown") return { ...b, origin };
  if (a.kind !== "attrs" || b.kind !== "attrs") return unknown(`'//' needs two attribute sets, not ${a.kind} and ${b.kind}`, origin);
  const entries2 = new Map(a.entries);
  for (const [k, e] of b.entries) {
    const prev = a.entries.get(k);
    entries2.set(k, prev ? { ...e, overrides: prev } : e);
  }
  return { kind: "attrs", entries: entries2, origin };
}
function concatLists(a, b, origin) {
  if (a.kind === "unknown") return { ...a, origin };
  if (b.kind === "unknown") return { ...b, origin };
  if (a.kind !== "list" || b.kind !== "list") return unknown(`'++' needs two lists, not ${a.kind} and ${b.kind}`, origin);
  return { kind: "list", items: [...a.items, ...b.items], origin };
}

// server/src/syntax/nix/scopes.ts
var GLOBAL_NAMES = new Set(
  `__add __addErrorContext __all __any __appendContext __attrNames __attrValues __bitAnd __bitOr __bitXor __catAttrs __ceil __compareVersions __concatLists __concatMap __concatStringsSep __currentSystem __currentTime __deepSeq __div __elem __elemAt __fetchurl __filter __filterSource __findFile __floor __foldl' __fromJSON __functionArgs __genList __genericClosure __getAttr __getContext __getEnv __groupBy __hasAttr __hasContext __hashFile __hashString __head __intersectAttrs __isAttrs __isBool __isFloat __isFunction __isInt __isList __isPath __isString __langVersion __length __lessThan __listToAttrs __mapAttrs __match __mul __nixPath __nixVersion __parseDrvName __partition __path __pathExists __readDir __readFile __replaceStrings __seq __sort __split __splitVersion __storeDir __storePath __stringLength __sub __substring __tail __toFile __toJSON __toPath __toXML __trace __tryEval __typeOf __unsafeDiscardOutputDependency __unsafeDiscardStringContext __unsafeGetAttrPos __zipAttrsWith abort baseNameOf builtins derivation derivationStrict dirOf false fetchGit fetchMercurial fetchTarball fetchTree fromTOML import isNull map null placeholder removeAttrs scopedImport throw toString true`.split(" ")
);
function analyzeScopes(root2, text2 = "") {
  const d = new Desugarer(text2);
  const e = d.expr(root2);
  const diagnostics = d.errors.map((x) => ({
    span: x.span,
    message: x.message,
    severity: "error",
    code: x.message.startsWith("duplicate formal") ? "duplicate-formal" : x.message.startsWith("dynamic") ? "dynamic-attribute" : "duplicate-attribute"
  }));
  const references = [];
  const seen = /* @__PURE__ */ new Set();
  const unused = [];
  const visit = (e2, env) => {
    switch (e2.k) {
      case "var": {
        let withSeen = false;
        for (let s = env; s; s = s.parent) {
          if (s.withScope) {
            withSeen = true;
            continue;
          }
          const b = s.names?.get(e2.name);
          if (b) {
            b.used = true;
            references.push({ name: e2.name, span: e2.span, definition: b.span, resolvedBy: "binding" });
            return;
          }
        }
        if (GLOBAL_NAMES.has(e2.name)) {
          if (e2.span.end > e2.span.start) references.push({ name: e2.name, span: e2.span, resolvedBy: "builtin" });
          return;
        }
        if (withSeen) {
          references.push({ name: e2.name, span: e2.span, resolvedBy: "with" });
          return;
        }
        if (seen.has(e2.span.start)) return;
        seen.add(e2.span.start);
        diagnostics.push({ span: e2.span, message: `undefined variable '${e2.name}'`, severity: "error", code: "undefined-variable" });
        return;
      }
      case "select":
        visit(e2.e, env);
        for (const p of e2.path) if ("expr" in p) visit(p.expr, env);
        if (e2.def) visit(e2.def, env);
        return;
      case "hasattr":
        visit(e2.e, env);
        for (const p of e2.path) if ("expr" in p) visit(p.expr, env);
        return;
      case "attrs":
        return attrs2(e2, env);
      case "list":
        for (const i of e2.items) visit(i, env);
        return;
      case "lambda": {
        const names = /* @__PURE__ */ new Map();
        if (e2.arg) names.set(e2.arg.name, { span: e2.arg.span, used: false, let: false });
        for (const f of e2.formals?.names ?? []) names.set(f.name, { span: f.span, used: false, let: false });
        const inner = { names, withScope: false, parent: env };
        for (const f of e2.formals?.names ?? []) if (f.def) visit(f.def, inner);
        visit(e2.body, inner);
        return;
      }
      case "call":
        visit(e2.fn, env);
        for (const a of e2.args) visit(a, env);
        return;
      case "let": {
        const inner = bindNames(e2.attrs, env, true);
        for (const def of e2.attrs.attrs.values()) visit(def.e, def.inherited ? env : inner);
        for (const dyn of e2.attrs.dyn) {
          visit(dyn.name, inner);
          visit(dyn.value, inner);
        }
        visit(e2.body, inner);
        for (const [name, b] of inner.names ?? []) {
          if (!b.used && b.let) {
            unused.push({ span: b.span, message: `'${name}' is defined but never used`, severity: "hint", code: "unused-binding" });
          }
        }
        return;
      }
      case "with":
        visit(e2.env, env);
        visit(e2.body, { names: void 0, withScope: true, parent: env });
        return;
      case "if":
        visit(e2.c, env);
        visit(e2.t, env);
        visit(e2.e, env);
        return;
      case "assert":
        visit(e2.c, env);
        visit(e2.body, env);
        return;
      case "not":
        visit(e2.e, env);
        return;
      case "bin":
        visit(e2.a, env);
        visit(e2.b, env);
        return;
      case "concat":
        for (const p of e2.parts) visit(p, env);
        return;
      default:
        return;
    }
  };
  const bindNames = (a, env, isLet) => {
    const names = /* @__PURE__ */ new Map();
    for (const [name, def] of a.attrs) names.set(name, { span: def.keySpan, used: false, let: isLet });
    return { names, withScope: false, parent: env };
  };
  const attrs2 = (a, env) => {
    const inner = a.rec ? bindNames(a, env, false) : env;
    for (const def of a.attrs.values()) visit(def.e, def.inherited ? env : inner);
    for (const dyn of a.dyn) {
      visit(dyn.name, inner);
      visit(dyn.value, inner);
    }
  };
  visit(e, { names: void 0, withScope: false, parent: void 0 });
  diagnostics.push(...unused);
  diagnostics.sort((x, y) => x.span.start - y.span.start);
  return { diagnostics, references };
}

// server/src/syntax/nix/eval/builtins.ts
var NO = { uri: "builtin:", span: { start: 0, end: 0 } };
var PRIMOPS = {
  import: 1,
  toString: 1,
  map: 2,
  length: 1,
  attrNames: 1,
  concatStringsSep: 2,
  elem: 2,
  hasAttr: 2,
  head: 1,
  removeAttrs: 2,
  isNull: 1
};
function globalEnv() {
  const vars = /* @__PURE__ */ new Map();
  vars.set("true", Thunk.of({ kind: "boolean", value: true, origin: NO }));
  vars.set("false", Thunk.of({ kind: "boolean", value: false, origin: NO }));
  vars.set("null", Thunk.of({ kind: "null", origin: NO }));
  const b = /* @__PURE__ */ new Map();
  for (const name of GLOBAL_NAMES) {
    if (vars.has(name) || name === "builtins") continue;
    const short = name.replace(/^__/, "");
    const v3 = PRIMOPS[short] !== void 0 ? { kind: "primop", name: short, arity: PRIMOPS[short], args: [], origin: NO } : unknown(`builtin '${short}' is not evaluated statically`, NO);
    vars.set(name, Thunk.of(v3));
    b.set(short, { key: short, keyOrigin: NO, thunk: Thunk.of(v3) });
  }
  for (const k of ["true", "false", "null"]) b.set(k, { key: k, keyOrigin: NO, thunk: vars.get(k) });
  const builtins = { kind: "attrs", entries: b, origin: NO };
  b.set("builtins", { key: "builtins", keyOrigin: NO, thunk: Thunk.of(builtins) });
  vars.set("builtins", Thunk.of(builtins));
  return { vars, parent: void 0 };
}
function str3(v3) {
  if (v3.kind === "string") return v3.value;
  if (v3.kind === "number" && v3.integer) return String(v3.value);
  if (v3.kind === "boolean") return v3.value ? "1" : "";
  if (v3.kind === "null") return "";
  return void 0;
}
function callPrimop(name, args, origin, ev) {
  const a = args[0].force();
  if (a.kind === "unknown") return { ...a, origin };
  switch (name) {
    case "import":
      if (a.kind !== "path") return unknown(a.kind === "string" ? "import of a string path not modelled" : `cannot import a ${a.kind}`, origin);
      return ev.importFile(a.value, origin);
    case "toString": {
      const s = str3(a);
      return s === void 0 ? unknown(`toString of a ${a.kind} not modelled`, origin) : { kind: "string", value: s, origin };
    }
    case "isNull":
      return { kind: "boolean", value: a.kind === "null", origin };
    case "length":
      return a.kind === "list" ? { kind: "number", value: a.items.length, integer: true, origin } : unknown("length of a non-list", origin);
    case "attrNames":
      if (a.kind !== "attrs") return unknown("attrNames of a non-set", origin);
      return { kind: "list", items: [...a.entries.keys()].sort().map((k) => Thunk.of({ kind: "string", value: k, origin })), origin };
    case "head":
      return a.kind === "list" && a.items.length ? a.items[0].force() : unknown("head of an empty or non-list", origin);
  }
  const b = args[1].force();
  if (b.kind === "unknown") return { ...b, origin };
  switch (name) {
    case "map":
      if (b.kind !== "list") return unknown("map over a non-list", origin);
      return { kind: "list", items: b.items.map((t) => new Thunk(() => ev.call(a, t, origin), origin)), origin };
    case "concatStringsSep": {
      if (a.kind !== "string" || b.kind !== "list") return unknown("concatStringsSep arguments not modelled", origin);
      const parts = [];
      for (const t of b.items) {
        const s = t.force();
        if (s.kind !== "string") return unknown(s.kind === "unknown" ? s.reason : "non-string in concatStringsSep", origin);
        parts.push(s.value);
      }
      return { kind: "string", value: parts.join(a.value), origin };
    }
    case "elem": {
      if (b.kind !== "list") return unknown("elem of a non-list", origin);
      for (const t of b.items) {
        const r = equal(a, t.force());
        if (r === void 0) return unknown("elem not known statically", origin);
        if (r) return { kind: "boolean", value: true, origin };
      }
      return { kind: "boolean", value: false, origin };
    }
    case "hasAttr":
      if (a.kind !== "string" || b.kind !== "attrs") return unknown("hasAttr arguments not modelled", origin);
      return { kind: "boolean", value: b.entries.has(a.value), origin };
    case "removeAttrs": {
      if (a.kind !== "attrs" || b.kind !== "list") return unknown("removeAttrs arguments not modelled", origin);
      const entries2 = new Map(a.entries);
      for (const t of b.items) {
        const s = t.force();
        if (s.kind === "string") entries2.delete(s.value);
        else return unknown("removeAttrs with unknown names", origin);
      }
      return { kind: "attrs", entries: entries2, origin };
    }
  }
  return unknown(`builtin '${name}' is not evaluated statically`, origin);
}

// server/src/syntax/nix/eval/convert.ts
function resolveUri(path2, baseUri) {
  try {
    if (path2.startsWith("/")) return new URL("file://" + path2).href;
    return new URL(path2, baseUri).href;
  } catch {
    return path2;
  }
}
function toValue(v3, depth, seen) {
  if (depth > 200) return { kind: "unknown", reason: "too deeply nested", origin: v3.origin };
  switch (v3.kind) {
    case "lambda":
    case "primop":
      return { kind: "unknown", reason: "a function", origin: v3.origin };
    case "list":
      return { kind: "list", items: v3.items.map((t) => toValue(t.force(), depth + 1, seen)), origin: v3.origin };
    case "attrs": {
      const entries2 = /* @__PURE__ */ new Map();
      for (const [k, e] of v3.entries) entries2.set(k, toEntry(e, depth + 1, seen));
      return { kind: "attrs", entries: entries2, origin: v3.origin };
    }
    default:
      return v3;
  }
}
function toEntry(e, depth, seen) {
  const done = seen.get(e);
  if (done) return done;
  const out = { key: e.key, keyOrigin: e.keyOrigin, value: { kind: "null", origin: e.keyOrigin } };
  seen.set(e, out);
  out.value = toValue(e.thunk.force(), depth, seen);
  if (e.overrides) out.overrides = toEntry(e.overrides, depth, seen);
  return out;
}

// server/src/syntax/nix/eval/evaluator.ts
var MAX_DEPTH2 = 1e3;
var NixEvaluator = class {
  constructor(host) {
    this.host = host;
    this.global = globalEnv();
  }
  host;
  files = /* @__PURE__ */ new Map();
  depth = 0;
  global;
  /** The value of the file at `uri` (a file:// URI). */
  evaluateFile(uri2, options = {}) {
    try {
      let v3 = this.importFile(uri2, { uri: uri2, span: { start: 0, end: 0 } });
      if (options.applyFunctions !== false && v3.kind === "lambda" && v3.node.formals) {
        const entries2 = /* @__PURE__ */ new Map();
        for (const f of v3.node.formals.entries) {
          const o = { uri: v3.uri, span: f.name.span };
          entries2.set(f.name.name, { key: f.name.name, keyOrigin: o, thunk: Thunk.of(unknown(`argument '${f.name.name}' is not known statically`, o)) });
        }
        v3 = this.call(v3, Thunk.of({ kind: "attrs", entries: entries2, origin: v3.origin }), v3.origin);
      }
      return toValue(v3, 0, /* @__PURE__ */ new Map());
    } catch (e) {
      return { kind: "unknown", reason: `evaluation failed: ${String(e)}`, origin: { uri: uri2, span: { start: 0, end: 0 } } };
    }
  }
  /** Evaluates already-parsed text (an open document) as the file `uri`. */
  evaluateText(uri2, text2, options = {}) {
    this.files.delete(uri2);
    const origHost = this.host;
    const self = this;
    self.host = { readText: (u) => u === uri2 ? text2 : origHost.readText(u) };
    try {
      return this.evaluateFile(uri2, options);
    } finally {
      self.host = origHost;
      this.files.delete(uri2);
    }
  }
  importFile(uri2, origin) {
    let t = this.files.get(uri2);
    if (!t) {
      t = new Thunk(() => this.loadFile(uri2, origin), origin);
      this.files.set(uri2, t);
    }
    const v3 = t.force();
    if (v3.kind === "unknown" && v3.reason.startsWith("infinite recursion")) return unknown(`import cycle through ${uri2}`, origin);
    return v3;
  }
  loadFile(uri2, origin) {
    const text2 = this.host.readText(uri2);
    if (text2 === void 0) return unknown(`file not found: ${uri2}`, origin);
    const kind = detectUnparseable(text2);
    if (kind) return unknown(kind === "git-crypt" ? `${uri2} is encrypted (git-crypt)` : `${uri2} is a binary file`, origin);
    const parsed = parseNixShared(text2);
    return this.eval(parsed.root, this.global, uri2);
  }
  eval(n, env, uri2) {
    if (++this.depth > MAX_DEPTH2) {
      this.depth--;
      return unknown("too deeply nested to evaluate statically", { uri: uri2, span: n.span });
    }
    try {
      return this.evalInner(n, env, uri2);
    } finally {
      this.depth--;
    }
  }
  thunk(n, env, uri2) {
    return new Thunk(() => this.eval(n, env, uri2), { uri: uri2, span: n.span });
  }
  evalInner(n, env, uri2) {
    const origin = { uri: uri2, span: n.span };
    switch (n.type) {
      case "Int":
      case "Float":
        return { kind: "number", value: Number(n.raw), integer: n.type === "Int", origin };
      case "Str":
        return this.strParts(n.parts.map((p) => p.type === "Text" ? p.value : p.expr), env, uri2, origin);
      case "IndStr": {
        const exprs = [];
        const lowered = stripIndentation(n, (e) => {
          exprs.push(e);
          return { k: "error" };
        });
        const parts = lowered.k === "concat" ? lowered.parts : [lowered];
        let i = 0;
        return this.strParts(parts.map((p) => p.k === "string" ? p.s : exprs[i++]), env, uri2, origin);
      }
      case "Path": {
        if (n.home) return unknown("a path relative to the home directory", origin);
        const parts = [n.first, ...n.parts.map((p) => p.type === "Text" ? p.value : p.expr)];
        const s = this.strParts(parts, env, uri2, origin);
        if (s.kind !== "string") return s;
        return { kind: "path", value: resolveUri(s.value, uri2), origin };
      }
      case "SPath":
        return unknown(`search path <${n.name}> (depends on NIX_PATH)`, origin);
      case "Uri":
        return { kind: "string", value: n.text, origin };
      case "Var": {
        const v3 = this.lookup(n.name, env, origin);
        return v3.origin.uri === "builtin:" ? { ...v3, origin } : v3;
      }
      case "Select": {
        let cur = this.eval(n.target, env, uri2);
        for (const a of n.path.names) {
          const key = this.attrKey(a, env, uri2);
          if (key === void 0) return unknown("attribute name not known statically", origin);
          if (cur.kind === "unknown") return n.default ? unknown(cur.reason, origin) : { ...cur, origin };
          const e = cur.kind === "attrs" ? cur.entries.get(key) : void 0;
          if (!e) {
            if (n.default) return this.eval(n.default, env, uri2);
            return unknown(cur.kind === "attrs" ? `attribute '${key}' missing` : `cannot select '${key}' from ${cur.kind}`, origin);
          }
          cur = e.thunk.force();
        }
        return cur;
      }
      case "HasAttr": {
        let cur = this.eval(n.target, env, uri2);
        for (const a of n.path.names) {
          const key = this.attrKey(a, env, uri2);
          if (key === void 0 || cur.kind === "unknown") return unknown("attribute presence not known statically", origin);
          const e = cur.kind === "attrs" ? cur.entries.get(key) : void 0;
          if (!e) return { kind: "boolean", value: false, origin };
          cur = e.thunk.force();
        }
        return { kind: "boolean", value: true, origin };
      }
      case "Apply":
        return this.call(this.eval(n.fn, env, uri2), this.thunk(n.arg, env, uri2), origin);
      case "Unary": {
        const v3 = this.eval(n.operand, env, uri2);
        if (n.op === "!") return v3.kind === "boolean" ? { kind: "boolean", value: !v3.value, origin } : unknown(v3.kind === "unknown" ? v3.reason : `'!' needs a boolean`, origin);
        return arith("-", { kind: "number", value: 0, integer: true, origin }, v3, origin);
      }
      case "Binary":
        return this.binary(n, env, uri2, origin);
      case "Paren":
        return this.eval(n.expr, env, uri2);
      case "List":
        return { kind: "list", items: n.items.map((e) => this.thunk(e, env, uri2)), origin };
      case "AttrSet":
        return this.attrs(n.bindings, n.rec, env, uri2, origin).value;
      case "LegacyLet": {
        const { value } = this.attrs(n.bindings, true, env, uri2, origin);
        const body = value.kind === "attrs" ? value.entries.get("body") : void 0;
        return body ? body.thunk.force() : unknown("legacy let has no 'body'", origin);
      }
      case "Let": {
        const { scope } = this.attrs(n.bindings, true, env, uri2, origin);
        return this.eval(n.body, scope, uri2);
      }
      case "With":
        return this.eval(n.body, { vars: void 0, with: this.thunk(n.env, env, uri2), parent: env }, uri2);
      case "Assert": {
        const c = this.eval(n.cond, env, uri2);
        if (c.kind === "boolean" && !c.value) return unknown("assertion fails", origin);
        return this.eval(n.body, env, uri2);
      }
      case "If": {
        const c = this.eval(n.cond, env, uri2);
        if (c.kind !== "boolean") return unknown(c.kind === "unknown" ? `condition not known: ${c.reason}` : "'if' needs a boolean", origin);
        return this.eval(c.value ? n.then : n.else, env, uri2);
      }
      case "Lambda":
        return { kind: "lambda", node: n, env, uri: uri2, origin };
      case "Error":
        return unknown("syntax error", origin);
    }
  }
  strParts(parts, env, uri2, origin) {
    let s = "";
    for (const p of parts) {
      if (typeof p === "string") {
        s += p;
        continue;
      }
      const v3 = this.eval(p, env, uri2);
      if (v3.kind === "string") s += v3.value;
      else return unknown(v3.kind === "unknown" ? v3.reason : `interpolation of a ${v3.kind} not modelled`, origin);
    }
    return { kind: "string", value: s, origin };
  }
  attrKey(a, env, uri2) {
    if (a.type === "Ident") return a.name;
    const v3 = a.type === "Str" ? this.eval(a, env, uri2) : this.eval(a.expr, env, uri2);
    return v3.kind === "string" ? v3.value : void 0;
  }
  lookup(name, env, origin) {
    for (let e = env; e; e = e.parent) {
      const t = e.vars?.get(name);
      if (t) return t.force();
    }
    for (let e = env; e; e = e.parent) {
      if (!e.with) continue;
      const w = e.with.force();
      if (w.kind === "unknown") return unknown(`'${name}' may come from a 'with' whose value is not known`, origin);
      const entry = w.kind === "attrs" ? w.entries.get(name) : void 0;
      if (entry) return entry.thunk.force();
    }
    return unknown(`undefined variable '${name}'`, origin);
  }
  call(fn, arg, origin) {
    if (fn.kind === "primop") {
      const args = [...fn.args, arg];
      if (args.length < fn.arity) return { ...fn, args };
      return callPrimop(fn.name, args, origin, this);
    }
    if (fn.kind !== "lambda") return unknown(fn.kind === "unknown" ? fn.reason : `cannot call a ${fn.kind}`, origin);
    const l = fn.node;
    const vars = /* @__PURE__ */ new Map();
    const scope = { vars, parent: fn.env };
    if (l.param) vars.set(l.param.name, arg);
    if (l.formals) {
      const a = arg.force();
      for (const f of l.formals.entries) {
        const given = a.kind === "attrs" ? a.entries.get(f.name.name) : void 0;
        const fo = { uri: fn.uri, span: f.name.span };
        if (given) vars.set(f.name.name, given.thunk);
        else if (f.default) vars.set(f.name.name, this.thunk(f.default, scope, fn.uri));
        else vars.set(f.name.name, Thunk.of(unknown(a.kind === "unknown" ? a.reason : `argument '${f.name.name}' missing`, fo)));
      }
    }
    return this.eval(l.body, scope, fn.uri);
  }
  binary(n, env, uri2, origin) {
    const L = () => this.eval(n.left, env, uri2);
    const R = () => this.eval(n.right, env, uri2);
    switch (n.op) {
      case "+":
      case "-":
      case "*":
      case "/":
        return arith(n.op, L(), R(), origin);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return compare(n.op, L(), R(), origin);
      case "==":
      case "!=": {
        const eq = equal(L(), R());
        if (eq === void 0) return unknown("equality not known statically", origin);
        return { kind: "boolean", value: n.op === "==" ? eq : !eq, origin };
      }
      case "&&":
      case "||":
      case "->": {
        const a = L();
        if (a.kind !== "boolean") return unknown(a.kind === "unknown" ? a.reason : `'${n.op}' needs booleans`, origin);
        if (n.op === "&&" && !a.value) return { kind: "boolean", value: false, origin };
        if (n.op === "||" && a.value) return { kind: "boolean", value: true, origin };
        if (n.op === "->" && !a.value) return { kind: "boolean", value: true, origin };
        const b = R();
        if (b.kind !== "boolean") return unknown(b.kind === "unknown" ? b.reason : `'${n.op}' needs booleans`, origin);
        return { kind: "boolean", value: b.value, origin };
      }
      case "//":
        return update(L(), R(), origin);
      case "++":
        return concatLists(L(), R(), origin);
    }
  }
  /** Builds a set from bindings (for rec/let the bindings see each other). */
  attrs(bindings, rec, env, uri2, origin) {
    const entries2 = /* @__PURE__ */ new Map();
    const vars = /* @__PURE__ */ new Map();
    const scope = rec ? { vars, parent: env } : env;
    const value = { kind: "attrs", entries: entries2, origin };
    for (const b of bindings) {
      if (b.type === "Inherit") {
        for (const a of b.names) {
          const key2 = this.attrKey(a, env, uri2);
          if (key2 === void 0) continue;
          const ko2 = { uri: uri2, span: a.span };
          const from = b.from;
          const t2 = from ? new Thunk(() => {
            const src = this.eval(from, scope, uri2);
            if (src.kind === "attrs") return src.entries.get(key2)?.thunk.force() ?? unknown(`attribute '${key2}' missing`, ko2);
            return unknown(src.kind === "unknown" ? src.reason : `cannot inherit from a ${src.kind}`, ko2);
          }, ko2) : new Thunk(() => this.lookup(key2, env, ko2), ko2);
          entries2.set(key2, { key: key2, keyOrigin: ko2, thunk: t2 });
        }
        continue;
      }
      const names = b.path.names;
      if (names.length === 0) continue;
      let target = entries2;
      let ok = true;
      for (let i = 0; i < names.length - 1 && ok; i++) {
        const key2 = this.attrKey(names[i], scope, uri2);
        if (key2 === void 0) {
          ok = false;
          break;
        }
        const existing = target.get(key2);
        const ev = existing?.thunk.force();
        if (ev && ev.kind === "attrs") target = ev.entries;
        else {
          const nested = /* @__PURE__ */ new Map();
          const ko2 = { uri: uri2, span: names[i].span };
          target.set(key2, { key: key2, keyOrigin: ko2, thunk: Thunk.of({ kind: "attrs", entries: nested, origin: { uri: uri2, span: b.span } }) });
          target = nested;
        }
      }
      if (!ok) continue;
      const last = names[names.length - 1];
      const key = this.attrKey(last, scope, uri2);
      if (key === void 0) continue;
      const ko = { uri: uri2, span: last.span };
      const prev = target.get(key)?.thunk.force();
      const t = this.thunk(b.value, scope, uri2);
      if (prev && prev.kind === "attrs" && b.value.type === "AttrSet") {
        const v3 = t.force();
        if (v3.kind === "attrs") for (const [k, e] of v3.entries) prev.entries.set(k, e);
        continue;
      }
      target.set(key, { key, keyOrigin: ko, thunk: t });
    }
    if (rec) for (const [k, e] of entries2) vars.set(k, e.thunk);
    return { value, scope };
  }
};

// server/src/model/nixBinding.ts
var RULE_OF = {
  "undefined-variable": "nix-undefined-variable",
  "duplicate-attribute": "nix-duplicate-attribute",
  "duplicate-formal": "nix-duplicate-attribute",
  "dynamic-attribute": "nix-syntax",
  "unused-binding": "nix-unused-binding"
};
var realNixLayer = {
  analyze(text2) {
    const unparseable = detectUnparseable(text2);
    if (unparseable) return { diagnostics: [], unparseable };
    const parsed = parseNixShared(text2);
    const diagnostics = parsed.errors.map((e) => ({ rule: "nix-syntax", span: e.span, message: e.message }));
    if (parsed.errors.length === 0)
      for (const d of analyzeScopes(parsed.root, text2).diagnostics) diagnostics.push({ rule: RULE_OF[d.code] ?? "nix-syntax", span: d.span, message: d.message });
    return { diagnostics };
  },
  evaluate(uri2, host) {
    return new NixEvaluator(host).evaluateFile(uri2);
  }
};

// server/src/model/settings.ts
var DEFAULT_SETTINGS = {
  inventory: "",
  profiles: "profiles/*-config.nix",
  defaultsFile: "lib/defaults.nix",
  schemas: [],
  rules: {},
  maxFileSize: 5e6
};
function withDefaults(partial) {
  const s = { ...DEFAULT_SETTINGS, ...partial ?? {} };
  if (!s.profiles) s.profiles = DEFAULT_SETTINGS.profiles;
  if (!s.defaultsFile) s.defaultsFile = DEFAULT_SETTINGS.defaultsFile;
  if (!Array.isArray(s.schemas)) s.schemas = [];
  if (typeof s.maxFileSize !== "number" || !(s.maxFileSize > 0)) s.maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  return s;
}

// server/src/model/glob.ts
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
var compiled2 = /* @__PURE__ */ new Map();
function matchGlob(glob, relPath) {
  let re = compiled2.get(glob);
  if (!re) {
    re = globToRegExp(glob.replace(/^\.\//, ""));
    if (compiled2.size > 100) compiled2.clear();
    compiled2.set(glob, re);
  }
  return re.test(relPath);
}

// server/src/model/workspace.ts
var Workspace = class {
  constructor(host, nixLayer = realNixLayer) {
    this.host = host;
    this.nixLayer = nixLayer;
    this.docs = new DocumentStore(host);
  }
  host;
  nixLayer;
  docs;
  folders = /* @__PURE__ */ new Map();
  yamlCache = /* @__PURE__ */ new Map();
  inventoryCache = /* @__PURE__ */ new Map();
  nixCache = /* @__PURE__ */ new Map();
  readsCache = /* @__PURE__ */ new Map();
  evalCache = /* @__PURE__ */ new Map();
  schemaCache = /* @__PURE__ */ new Map();
  gen = 0;
  /** Increments on every change; lets callers cache results per generation. */
  get generation() {
    return this.gen;
  }
  addFolder(rootUri, settings) {
    const root2 = normalizeUri(rootUri).replace(/\/$/, "");
    this.folders.set(root2, { root: root2, settings: withDefaults(settings), changedSinceBuild: /* @__PURE__ */ new Set() });
    this.gen++;
  }
  removeFolder(rootUri) {
    this.folders.delete(normalizeUri(rootUri).replace(/\/$/, ""));
    this.gen++;
  }
  setSettings(rootUri, settings) {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ""));
    if (!f) return;
    f.settings = withDefaults(settings);
    f.homelab = void 0;
    this.gen++;
  }
  folderRoots() {
    return [...this.folders.keys()];
  }
  settingsFor(uri2) {
    return this.folderOf(uri2)?.settings ?? withDefaults(void 0);
  }
  setDocument(uri2, text2, version) {
    const u = normalizeUri(uri2);
    const isNew = !this.docs.exists(u);
    if (this.docs.setDocument(u, text2, version) || isNew) {
      if (isNew) this.forgetListing(u);
      this.noteChange(u);
    }
  }
  closeDocument(uri2) {
    this.docs.closeDocument(normalizeUri(uri2));
    this.forgetListing(normalizeUri(uri2));
    this.noteChange(normalizeUri(uri2));
  }
  /** A file event for a closed file (created, changed or deleted on disk). */
  fileChanged(uri2, kind = "changed") {
    const u = normalizeUri(uri2);
    this.docs.fileChanged(u);
    if (kind !== "changed") this.forgetListing(u);
    this.noteChange(u);
  }
  noteChange(uri2) {
    this.folderOf(uri2)?.changedSinceBuild.add(uri2);
    this.gen++;
  }
  forgetListing(uri2) {
    const f = this.folderOf(uri2);
    if (f) f.files = void 0;
  }
  folderOf(uri2) {
    let best;
    for (const f of this.folders.values()) if (isUnder(f.root, uri2) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }
  text(uri2) {
    return this.docs.text(uri2);
  }
  /** Whether a file is over the size limit (then it is not parsed). */
  tooLarge(uri2) {
    const size = this.docs.size(uri2);
    return size !== void 0 && size > this.settingsFor(uri2).maxFileSize;
  }
  /** The typed inventory read from its YAML (cached per stamp, like the parse). */
  inventoryOf(uri2) {
    const stamp = this.docs.stamp(uri2);
    const c = this.inventoryCache.get(uri2);
    if (c && c.stamp === stamp) return c.value;
    const value = readInventory(uri2, this.yaml(uri2)?.value);
    this.inventoryCache.set(uri2, { stamp, value });
    return value;
  }
  /** The YAML parse of a document (cached per stamp). */
  yaml(uri2) {
    const stamp = this.docs.stamp(uri2);
    const c = this.yamlCache.get(uri2);
    if (c && c.stamp === stamp) return c.value;
    const text2 = this.docs.text(uri2);
    if (text2 === void 0 || this.tooLarge(uri2)) return void 0;
    const value = parseYaml(text2, uri2);
    this.yamlCache.set(uri2, { stamp, value });
    return value;
  }
  /** Syntax, scope and encryption findings of a Nix file (cached per stamp). */
  nixAnalysis(uri2) {
    const stamp = this.docs.stamp(uri2);
    const c = this.nixCache.get(uri2);
    if (c && c.stamp === stamp) return c.value;
    const text2 = this.docs.text(uri2);
    if (text2 === void 0 || this.tooLarge(uri2)) return void 0;
    let value;
    try {
      value = this.nixLayer.analyze(text2, uri2);
    } catch (e) {
      value = { diagnostics: [{ rule: "nix-syntax", span: { start: 0, end: 0 }, message: `internal error reading this file: ${String(e)}` }] };
    }
    this.nixCache.set(uri2, { stamp, value });
    return value;
  }
  /** Setting reads of a Nix file (cached per stamp). */
  settingReads(uri2) {
    const stamp = this.docs.stamp(uri2);
    const c = this.readsCache.get(uri2);
    if (c && c.stamp === stamp) return c.value;
    const text2 = this.docs.text(uri2);
    const value = text2 === void 0 || this.tooLarge(uri2) || text2.includes("\0") ? [] : scanSettingReads(text2, uri2);
    this.readsCache.set(uri2, { stamp, value });
    return value;
  }
  /** The evaluated profile at `uri`; re-evaluated only when a file it read changed. */
  evaluate(uri2) {
    const c = this.evalCache.get(uri2);
    if (c && [...c.deps].every(([u, s]) => this.docs.stamp(u) === s)) return c.profile;
    const deps = /* @__PURE__ */ new Map();
    deps.set(uri2, this.docs.stamp(uri2));
    const host = {
      readText: (u) => {
        const n = normalizeUri(u);
        deps.set(n, this.docs.stamp(n));
        return this.tooLarge(n) ? void 0 : this.docs.text(n);
      }
    };
    let value;
    try {
      value = this.tooLarge(uri2) ? void 0 : this.nixLayer.evaluate(uri2, host);
    } catch {
      value = void 0;
    }
    const profile = makeProfile(uri2, value, [...deps.keys()]);
    this.evalCache.set(uri2, { deps, profile });
    return profile;
  }
  listing(f) {
    if (!f.files) {
      const files = new Set(this.host.listFiles(f.root));
      f.files = [...files].sort();
    }
    return f.files;
  }
  jsonFile(uri2) {
    const stamp = this.docs.stamp(uri2);
    const c = this.schemaCache.get(uri2);
    if (c && c.stamp === stamp) return c.value;
    let value;
    try {
      const t = this.docs.text(uri2);
      value = t === void 0 ? void 0 : JSON.parse(t);
    } catch {
      value = void 0;
    }
    this.schemaCache.set(uri2, { stamp, value });
    return value;
  }
  /** Every homelab of the workspace (folders with an inventory or profiles). */
  homelabs() {
    return [...this.folders.values()].map((f) => this.homelabOfFolder(f)).filter((h) => h !== void 0);
  }
  /** The homelab a file belongs to. */
  homelabFor(uri2) {
    const f = this.folderOf(normalizeUri(uri2));
    return f ? this.homelabOfFolder(f) : void 0;
  }
  /**
   * The homelab as last built, without rebuilding it for the changes since:
   * for work that must not wait on a rebuild (a keystroke's per-file checks).
   */
  lastBuiltHomelabFor(uri2) {
    const f = this.folderOf(normalizeUri(uri2));
    if (!f) return void 0;
    return f.homelab?.value ?? this.homelabOfFolder(f);
  }
  /**
   * The homelab for a request inside `uri` that reads that document's current
   * text itself (completion): when nothing but this profile changed since the
   * last build, that build with the profile evaluated afresh, so a request
   * right after a keystroke does not wait for a whole rebuild.
   */
  homelabAround(uri2) {
    const u = normalizeUri(uri2);
    const f = this.folderOf(u);
    if (!f) return void 0;
    const last = f.homelab?.value;
    const onlyThis = [...f.changedSinceBuild].every((c) => c === u);
    if (last && onlyThis && last.profiles.has(u) && u !== last.defaultsUri) return withProfile(last, this.evaluate(u));
    return this.homelabOfFolder(f);
  }
  homelabOfFolder(f) {
    if (f.homelab && f.homelab.generation === this.gen) return f.homelab.value;
    f.changedSinceBuild.clear();
    const value = this.buildHomelab(f);
    f.homelab = { generation: this.gen, value };
    return value;
  }
  buildHomelab(f) {
    const s = f.settings;
    const files = [.../* @__PURE__ */ new Set([...this.listing(f), ...this.docs.openUris().filter((u) => isUnder(f.root, u))])].sort();
    const rel2 = (u) => relativeUri(f.root, u);
    const inventoryUri = s.inventory ? joinUri(f.root, s.inventory) : ["homelab.yaml", "homelab.yml"].map((n) => joinUri(f.root, n)).find((u) => this.docs.exists(u));
    const hasInventory = inventoryUri !== void 0 && this.docs.exists(inventoryUri);
    const profileUris = files.filter((u) => u.endsWith(".nix") && matchGlob(s.profiles, rel2(u)));
    if (!hasInventory && profileUris.length === 0) return void 0;
    const inventory = hasInventory && inventoryUri ? this.inventoryOf(inventoryUri) : void 0;
    const invDir = inventoryUri ? dirnameUri(inventoryUri) : f.root;
    const profiles = /* @__PURE__ */ new Map();
    const profileAt = (u) => {
      if (!this.docs.exists(u)) return void 0;
      let p = profiles.get(u);
      if (!p) {
        p = this.evaluate(u);
        profiles.set(u, p);
      }
      return p;
    };
    for (const u of profileUris) profileAt(u);
    const containers = /* @__PURE__ */ new Map();
    if (inventory) {
      for (const d of inventory.containers.values()) {
        const explicit = d.profile ? joinUri(invDir, d.profile.value) : void 0;
        const implicit = joinUri(invDir, `profiles/${d.name}-config.nix`);
        const profileUri = explicit ?? (this.docs.exists(implicit) ? implicit : void 0);
        const profile = profileUri ? profileAt(profileUri) : void 0;
        const ipSetting = profile?.system?.entries.get("ipAddress")?.value;
        containers.set(d.name, {
          name: d.name,
          decl: d,
          profileUri,
          profileExists: profile !== void 0,
          profile,
          ip: d.ip ?? (ipSetting?.kind === "string" && ipSetting.value ? { value: ipSetting.value, origin: ipSetting.origin } : void 0),
          hostName: d.host?.value
        });
      }
    } else {
      for (const u of profileUris) {
        const p = profiles.get(u);
        if (!p || !this.declaresMachine(p)) continue;
        const ipv = p.system?.entries.get("ipAddress")?.value;
        containers.set(p.name, {
          name: p.name,
          profileUri: u,
          profileExists: true,
          profile: p,
          ip: ipv?.kind === "string" && ipv.value ? { value: ipv.value, origin: ipv.origin } : void 0
        });
      }
    }
    const services = /* @__PURE__ */ new Map();
    for (const b of builtinServiceList()) services.set(b.name, { name: b.name, builtin: b, port: b.port });
    if (inventory)
      for (const d of inventory.services.values()) {
        const builtin = services.get(d.name)?.builtin;
        services.set(d.name, {
          name: d.name,
          decl: d,
          builtin,
          port: d.port?.value ?? builtin?.port,
          portOrigin: d.port?.origin
        });
      }
    const nixFiles = files.filter((u) => u.endsWith(".nix"));
    const defaultsUri = joinUri(f.root, s.defaultsFile);
    const catalog = emptyCatalog();
    fromSchema(catalog, shippedProfileSchema(), "shipped");
    if (this.docs.exists(defaultsUri)) {
      const dv = this.evaluate(defaultsUri).value;
      fromDefaults(catalog, dv, this.docs.text(defaultsUri));
    }
    const profileSet = new Set(profiles.keys());
    const reads = [];
    let hasModules = false;
    for (const u of nixFiles) {
      const r = this.settingReads(u);
      reads.push(...r);
      if (r.length && !profileSet.has(u) && u !== defaultsUri) hasModules = true;
    }
    fromReads(
      catalog,
      reads.filter((r) => !profileSet.has(r.origin.uri))
    );
    for (const schemaPath of s.schemas) fromSchema(catalog, this.jsonFile(joinUri(f.root, schemaPath)), "user");
    const partial = {
      root: f.root,
      settings: s,
      inventoryUri: hasInventory ? inventoryUri : void 0,
      inventory,
      profiles,
      containers,
      services,
      catalog,
      reads,
      hasModules,
      defaultsUri: this.docs.exists(defaultsUri) ? defaultsUri : void 0,
      files,
      nixFiles
    };
    return { ...partial, addresses: buildAddressIndex(partial) };
  }
  /** A profile file that describes a machine (sets a hostname or an address in its own text). */
  declaresMachine(p) {
    const own = (k) => {
      const e = p.system?.entries.get(k);
      return e !== void 0 && e.keyOrigin.uri === p.uri;
    };
    if (p.value) return own("hostname") || own("ipAddress");
    const t = this.docs.text(p.uri) ?? "";
    return /\b(hostname|ipAddress)\s*=/.test(t);
  }
};

// bench/.scratch/inv.ts
var import_yaml4 = __toESM(require_dist());
var fs2 = __toESM(require("node:fs"));
var root = process.argv[2];
var file = root + "/homelab.yaml";
var text = fs2.readFileSync(file, "utf8");
var uri = pathToUri(file);
var T = (label, f, n = 8) => {
  const xs = [];
  for (let i = 0; i < n + 3; i++) {
    const t = performance.now();
    f();
    if (i >= 3) xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(label, xs[xs.length >> 1].toFixed(1), "ms");
};
T("yaml Parser (CST only)", () => {
  for (const _ of new import_yaml4.Parser().parse(text)) ;
});
T("yaml parseDocument uniqueKeys", () => (0, import_yaml4.parseDocument)(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }));
T("yaml parseDocument no uniqueKeys", () => (0, import_yaml4.parseDocument)(text, { uniqueKeys: false, prettyErrors: false }));
T("parseYaml (ours, incl convert)", () => parseYaml(text, uri));
var ws = new Workspace(nodeFsHost());
ws.addFolder(pathToUri(root), { rules: Object.fromEntries(["unknown-setting"].map((r) => [r, "off"])) });
checkAll(ws);
var v2 = 1;
T("quick check after didOpen-like change", () => {
  ws.setDocument(uri, `# v${v2}
` + text, v2++);
  checkDocumentQuick(ws, uri, void 0);
});
