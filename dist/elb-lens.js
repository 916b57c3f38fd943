#!/usr/bin/env node
"use strict";
var __create2 = Object.create;
var __defProp2 = Object.defineProperty;
var __getOwnPropDesc2 = Object.getOwnPropertyDescriptor;
var __getOwnPropNames2 = Object.getOwnPropertyNames;
var __getProtoOf2 = Object.getPrototypeOf;
var __hasOwnProp2 = Object.prototype.hasOwnProperty;
var __commonJS2 = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames2(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export2 = (target, all) => {
  for (var name2 in all)
    __defProp2(target, name2, { get: all[name2], enumerable: true });
};
var __copyProps2 = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames2(from))
      if (!__hasOwnProp2.call(to, key) && key !== except)
        __defProp2(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc2(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM2 = (mod, isNodeMode, target) => (target = mod != null ? __create2(__getProtoOf2(mod)) : {}, __copyProps2(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp2(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS2 = (mod) => __copyProps2(__defProp2({}, "__esModule", { value: true }), mod);

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS2({
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
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
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
    var hasAnchor = (node) => (isScalar2(node) || isCollection2(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection2;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap2;
    exports2.isNode = isNode;
    exports2.isPair = isPair;
    exports2.isScalar = isScalar2;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS2({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key, node, visitor, path18) {
      const ctrl = callVisitor(key, node, visitor, path18);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path18, ctrl);
        return visit_(key, ctrl, visitor, path18);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path18 = Object.freeze(path18.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path18);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path18 = Object.freeze(path18.concat(node));
          const ck = visit_("key", node.key, visitor, path18);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path18);
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
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path18) {
      const ctrl = await callVisitor(key, node, visitor, path18);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path18, ctrl);
        return visitAsync_(key, ctrl, visitor, path18);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path18 = Object.freeze(path18.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path18);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path18 = Object.freeze(path18.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path18);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path18);
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
    function callVisitor(key, node, visitor, path18) {
      if (typeof visitor === "function")
        return visitor(key, node, path18);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path18);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path18);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path18);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path18);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path18);
      return void 0;
    }
    function replaceNode(key, path18, node) {
      const parent = path18[path18.length - 1];
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
    exports2.visit = visit3;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS2({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
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
        const parts2 = line.trim().split(/[ \t]+/);
        const name2 = parts2.shift();
        switch (name2) {
          case "%TAG": {
            if (parts2.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts2.length < 2)
                return false;
            }
            const [handle2, prefix] = parts2;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts2.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts2;
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
            onError(0, `Unknown directive ${name2}`, true);
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
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle2} ${prefix}`);
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
var require_anchors = __commonJS2({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit3.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name2 = `${prefix}${i2}`;
        if (!exclude.has(name2))
          return name2;
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
var require_applyReviver = __commonJS2({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
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
var require_toJS = __commonJS2({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i2) => toJS(v, String(i2), ctx));
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
var require_Node = __commonJS2({
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
var require_Alias = __commonJS2({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit3 = require_visit();
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node2.NodeBase {
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
          visit3.visit(doc, {
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
var require_Scalar = __commonJS2({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node2.NodeBase {
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
var require_createNode = __commonJS2({
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
var require_Collection = __commonJS2({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node2 = require_Node();
    function collectionFromPath(schema, path18, value) {
      let v = value;
      for (let i2 = path18.length - 1; i2 >= 0; --i2) {
        const k = path18[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path18) => path18 == null || typeof path18 === "object" && !!path18[Symbol.iterator]().next().done;
    var Collection = class extends Node2.NodeBase {
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
      addIn(path18, value) {
        if (isEmptyPath(path18))
          this.add(value);
        else {
          const [key, ...rest] = path18;
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
      deleteIn(path18) {
        const [key, ...rest] = path18;
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
      getIn(path18, keepScalar) {
        const [key, ...rest] = path18;
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
          const n2 = node.value;
          return n2 == null || allowScalar && identity.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path18) {
        const [key, ...rest] = path18;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path18, value) {
        const [key, ...rest] = path18;
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
var require_stringifyComment = __commonJS2({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS2({
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
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text2, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text2[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text2[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text2, i2, indent.length);
          end = i2 + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i2;
          }
          if (i2 >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
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
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text2.length;
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
    function consumeMoreIndentedLines(text2, i2, indent) {
      let end = i2;
      let start2 = i2 + 1;
      let ch = text2[start2];
      while (ch === " " || ch === "	") {
        if (i2 < start2 + indent) {
          ch = text2[++i2];
        } else {
          do {
            ch = text2[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start2 = i2 + 1;
          ch = text2[start2];
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
var require_stringifyString = __commonJS2({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start2 = 0; i2 < strLen; ++i2) {
        if (str2[i2] === "\n") {
          if (i2 - start2 > limit)
            return true;
          start2 = i2 + 1;
          if (strLen - start2 <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json2 = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json2;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start2 = 0;
      for (let i2 = 0, ch = json2[i2]; ch; ch = json2[++i2]) {
        if (ch === " " && json2[i2 + 1] === "\\" && json2[i2 + 2] === "n") {
          str2 += json2.slice(start2, i2) + "\\ ";
          i2 += 1;
          start2 = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json2[i2 + 1]) {
            case "u":
              {
                str2 += json2.slice(start2, i2);
                const code = json2.substr(i2 + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json2.substr(i2, 6);
                }
                i2 += 5;
                start2 = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json2[i2 + 2] === '"' || json2.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str2 += json2.slice(start2, i2) + "\n\n";
                while (json2[i2 + 2] === "\\" && json2[i2 + 3] === "n" && json2[i2 + 4] !== '"') {
                  str2 += "\n";
                  i2 += 2;
                }
                str2 += indent;
                if (json2[i2 + 2] === " ")
                  str2 += "\\";
                i2 += 1;
                start2 = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str2 = start2 ? str2 + json2.slice(start2) : json2;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
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
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
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
      let start2 = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start2) {
        value = value.substring(start2.length);
        start2 = start2.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body2 = foldFlowLines.foldFlowLines(`${start2}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body2}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start2}${value}${end}`;
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
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
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
var require_stringify = __commonJS2({
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
        const name2 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name2} value`);
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
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS2({
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
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
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
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
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
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS2({
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
var require_merge = __commonJS2({
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
var require_addPairToJSMap = __commonJS2({
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
var require_Pair = __commonJS2({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
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
var require_stringifyCollection = __commonJS2({
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
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
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
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line = lines[i2];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
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
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
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
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i2 < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start: start2, end } = flowChars;
      if (lines.length === 0) {
        return start2 + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start2;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start2}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
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
var require_YAMLMap = __commonJS2({
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
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
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
var require_map = __commonJS2({
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
var require_YAMLSeq = __commonJS2({
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
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
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
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
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
var require_seq = __commonJS2({
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
var require_string = __commonJS2({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS2({
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
var require_bool = __commonJS2({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
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
var require_stringifyNumber = __commonJS2({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i2 = n2.indexOf(".");
        if (i2 < 0) {
          i2 = n2.length;
          n2 += ".";
        }
        let d = minFractionDigits - (n2.length - i2 - 1);
        while (d-- > 0)
          n2 += "0";
      }
      return n2;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS2({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
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
var require_int = __commonJS2({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
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
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS2({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
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
var require_schema2 = __commonJS2({
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
        resolve: (str2) => str2,
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
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary2 = {
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
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i2 = 0; i2 < str2.length; ++i2)
            buffer[i2] = str2.charCodeAt(i2);
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
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n2);
          for (let i2 = 0, o = 0; i2 < n2; ++i2, o += lineWidth) {
            lines[i2] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
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
          seq.items[i2] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
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
var require_omap = __commonJS2({
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
var require_bool2 = __commonJS2({
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
var require_float2 = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
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
var require_int2 = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n3 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str2, radix);
      return sign === "-" ? -1 * n2 : n2;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS2({
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
var require_timestamp = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts2 = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts2.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n2) => n2;
      if (typeof value === "bigint")
        num = (n2) => BigInt(n2);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts2 = [value % _60];
      if (value < 60) {
        parts2.unshift(0);
      } else {
        value = (value - parts2[0]) / _60;
        parts2.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts2[0]) / _60;
          parts2.unshift(value);
        }
      }
      return sign + parts2.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
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
      resolve(str2) {
        const match = str2.match(timestamp.test);
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
var require_schema3 = __commonJS2({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary2 = require_binary();
    var bool2 = require_bool2();
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
      bool2.trueTag,
      bool2.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary2.binary,
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
var require_tags = __commonJS2({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary2 = require_binary();
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
      binary: binary2.binary,
      bool: bool2.boolTag,
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
      "tag:yaml.org,2002:binary": binary2.binary,
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
var require_Schema = __commonJS2({
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
var require_stringifyDocument = __commonJS2({
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
        let body2 = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body2 += stringifyComment.lineComment(body2, "", commentString(contentComment));
        if ((body2[0] === "|" || body2[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body2}`;
        } else
          lines.push(body2);
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
var require_Document = __commonJS2({
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
      addIn(path18, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path18, value);
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
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
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
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
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
      deleteIn(path18) {
        if (Collection.isEmptyPath(path18)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path18) : false;
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
      getIn(path18, keepScalar) {
        if (Collection.isEmptyPath(path18))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path18, keepScalar) : void 0;
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
      hasIn(path18) {
        if (Collection.isEmptyPath(path18))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path18) : false;
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
      setIn(path18, value) {
        if (Collection.isEmptyPath(path18)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path18), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path18, value);
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
      toJS({ json: json2, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json2,
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
var require_errors = __commonJS2({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code, message) {
        super();
        this.name = name2;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
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
var require_resolve_props = __commonJS2({
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
      let start2 = null;
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
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start2 ?? (start2 = token.offset);
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
        start: start2 ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS2({
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
var require_util_flow_indent_check = __commonJS2({
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
var require_util_map_includes = __commonJS2({
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
var require_resolve_block_map = __commonJS2({
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
        const { start: start2, key, sep: sep7, value } = collItem;
        const keyProps = resolveProps.resolveProps(start2, {
          indicator: "explicit-key-ind",
          next: key ?? sep7?.[0],
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
          if (!keyProps.anchor && !keyProps.tag && !sep7) {
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
            onError(key ?? start2[start2.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start2, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep7 ?? [], {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep7, null, valueProps, onError);
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
var require_resolve_block_seq = __commonJS2({
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
      for (const { start: start2, value } of bs.items) {
        const props = resolveProps.resolveProps(start2, {
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
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start2, null, props, onError);
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
var require_resolve_end = __commonJS2({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep7 = "";
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
                comment += sep7 + cb;
              sep7 = "";
              break;
            }
            case "newline":
              if (comment)
                sep7 += source;
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
var require_resolve_flow_collection = __commonJS2({
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
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start: start2, key, sep: sep7, value } = collItem;
        const props = resolveProps.resolveProps(start2, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep7?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep7 && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
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
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start2) {
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
        if (!isMap2 && !sep7 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep7, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start2, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep7 ?? [], {
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
              if (sep7)
                for (const st of sep7) {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep7, null, valueProps, onError) : null;
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
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
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
var require_compose_collection = __commonJS2({
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
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
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
var require_resolve_block_scalar = __commonJS2({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start2 = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start2, start2, start2] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start2 + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start2, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep7 = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep7 + indent.slice(trimIndent) + content;
          sep7 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep7 === " ")
            sep7 = "\n";
          else if (!prevMoreIndented && sep7 === "\n")
            sep7 = "\n\n";
          value += sep7 + indent.slice(trimIndent) + content;
          sep7 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep7 === "\n")
            value += "\n";
          else
            sep7 = "\n";
        } else {
          value += sep7 + content;
          sep7 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value += "\n" + lines[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start2 + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start2, end, end] };
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
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent && n2)
            indent = n2;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
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
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split.length; i2 += 2)
        lines.push([split[i2], split[i2 + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS2({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
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
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
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
      let sep7 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep7 === "\n")
            res += sep7;
          else
            sep7 = "\n";
        } else {
          res += sep7 + lm;
          sep7 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep7 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
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
var require_compose_scalar = __commonJS2({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
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
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
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
var require_util_empty_scalar_position = __commonJS2({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
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
var require_compose_node = __commonJS2({
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
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
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
var require_compose_doc = __commonJS2({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start: start2, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start2, {
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
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start2, null, props, onError);
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
var require_composer = __commonJS2({
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
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
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
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
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
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
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
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
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
var require_cst_scalar = __commonJS2({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
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
          const body2 = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body2 };
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
      const body2 = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body2;
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
        Object.assign(token, { type: "block-scalar", indent, props, source: body2 });
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
var require_cst_stringify = __commonJS2({
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
    function stringifyItem({ start: start2, key, sep: sep7, value }) {
      let res = "";
      for (const st of start2)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep7)
        for (const st of sep7)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS2({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path18) => {
      let item = cst;
      for (const [field, index] of path18) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit3.parentCollection = (cst, path18) => {
      const parent = visit3.itemAtPath(cst, path18.slice(0, -1));
      const field = path18[path18.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path18, item, visitor) {
      let ctrl = visitor(item, path18);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path18.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path18);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path18) : ctrl;
    }
    exports2.visit = visit3;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS2({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection2 = (token) => !!token && "items" in token;
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
    exports2.isCollection = isCollection2;
    exports2.isScalar = isScalar2;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS2({
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
    var Lexer2 = class {
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
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
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
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
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
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n2);
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
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line[n2]) {
          case "#":
            yield* this.pushCount(line.length - n2);
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
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n2);
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
        let n2 = 0;
        while (line[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n2);
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
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
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
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
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
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
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
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
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
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
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
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
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
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i2 - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i2;
        }
        return n2;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports2.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS2({
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
          const start2 = this.lineStarts[low - 1];
          return { line: low, col: offset - start2 + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS2({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i2 = 0; i2 < list.length; ++i2)
        if (list[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i2 = 0; i2 < list.length; ++i2) {
        switch (list[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
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
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
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
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
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
      peek(n2) {
        return this.stack[this.stack.length - n2];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
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
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start2 = getFirstKeyStartProps(prev);
          let sep7;
          if (scalar.end) {
            sep7 = scalar.end;
            sep7.push(this.sourceToken);
            delete scalar.end;
          } else
            sep7 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start: start2, key: scalar, sep: sep7 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
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
          let start2 = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
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
              start2 = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2 });
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
                start2.push(this.sourceToken);
                map.items.push({ start: start2, explicitKey: true });
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
                    const start3 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start3, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start3 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep7 = it.sep;
                  sep7.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start3, key, sep: sep7 }]
                  });
                } else if (start2.length > 0) {
                  it.sep = it.sep.concat(start2, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start: start2, key: null, sep: [this.sourceToken] });
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
              const fs9 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start: start2, key: fs9, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs9);
              } else {
                Object.assign(it, { key: fs9, sep: [] });
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
                  map.items.push({ start: start2 });
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
              const fs9 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs9, sep: [] });
              else if (it.sep)
                this.stack.push(fs9);
              else
                Object.assign(it, { key: fs9, sep: [] });
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
            const start2 = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep7 = fc.end.splice(1, fc.end.length);
            sep7.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start: start2, key: fc, sep: sep7 }]
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
            const start2 = getFirstKeyStartProps(prev);
            start2.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start2, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start2.every((st) => st.type === "newline" || st.type === "space");
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
var require_public_api = __commonJS2({
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
    function parseAllDocuments2(source, options = {}) {
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
    function parseDocument(source, options = {}) {
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
      const doc = parseDocument(src, options);
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
    exports2.parseAllDocuments = parseAllDocuments2;
    exports2.parseDocument = parseDocument;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS2({
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
    var visit3 = require_visit();
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
    exports2.visit = visit3.visit;
    exports2.visitAsync = visit3.visitAsync;
  }
});

// node_modules/web-tree-sitter/web-tree-sitter.cjs
var require_web_tree_sitter2 = __commonJS2({
  "node_modules/web-tree-sitter/web-tree-sitter.cjs"(exports, module) {
    "use strict";
    var __create = Object.create;
    var __defProp = Object.defineProperty;
    var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
    var __getOwnPropNames = Object.getOwnPropertyNames;
    var __getProtoOf = Object.getPrototypeOf;
    var __hasOwnProp = Object.prototype.hasOwnProperty;
    var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
    var __commonJS = (cb, mod) => function __require() {
      try {
        return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
      } catch (e) {
        throw mod = 0, e;
      }
    };
    var __export = (target, all) => {
      for (var name2 in all)
        __defProp(target, name2, { get: all[name2], enumerable: true });
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
    var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
    var require_web_tree_sitter = __commonJS({
      "lib/web-tree-sitter.cjs"(exports, module) {
        "use strict";
        var Module = (() => {
          var _scriptName = typeof document != "undefined" ? document.currentScript?.src : void 0;
          return async function(moduleArg = {}) {
            var moduleRtn;
            var Module = moduleArg;
            var ENVIRONMENT_IS_WEB = typeof window == "object";
            var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
            var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
            Module.currentQueryProgressCallback = null;
            Module.currentProgressCallback = null;
            Module.currentLogCallback = null;
            Module.currentParseCallback = null;
            var arguments_ = [];
            var thisProgram = "./this.program";
            var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
              throw toThrow;
            }, "quit_");
            if (typeof __filename != "undefined") {
              _scriptName = __filename;
            } else if (ENVIRONMENT_IS_WORKER) {
              _scriptName = self.location.href;
            }
            var scriptDirectory = "";
            function locateFile(path18) {
              if (Module["locateFile"]) {
                return Module["locateFile"](path18, scriptDirectory);
              }
              return scriptDirectory + path18;
            }
            __name(locateFile, "locateFile");
            var readAsync, readBinary;
            if (ENVIRONMENT_IS_NODE) {
              var fs = require("fs");
              scriptDirectory = __dirname + "/";
              readBinary = /* @__PURE__ */ __name((filename) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename);
                return ret;
              }, "readBinary");
              readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
                return ret;
              }, "readAsync");
              if (process.argv.length > 1) {
                thisProgram = process.argv[1].replace(/\\/g, "/");
              }
              arguments_ = process.argv.slice(2);
              quit_ = /* @__PURE__ */ __name((status, toThrow) => {
                process.exitCode = status;
                throw toThrow;
              }, "quit_");
            } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
              try {
                scriptDirectory = new URL(".", _scriptName).href;
              } catch {
              }
              {
                if (ENVIRONMENT_IS_WORKER) {
                  readBinary = /* @__PURE__ */ __name((url) => {
                    var xhr = new XMLHttpRequest();
                    xhr.open("GET", url, false);
                    xhr.responseType = "arraybuffer";
                    xhr.send(null);
                    return new Uint8Array(
                      /** @type{!ArrayBuffer} */
                      xhr.response
                    );
                  }, "readBinary");
                }
                readAsync = /* @__PURE__ */ __name(async (url) => {
                  if (isFileURI(url)) {
                    return new Promise((resolve8, reject) => {
                      var xhr = new XMLHttpRequest();
                      xhr.open("GET", url, true);
                      xhr.responseType = "arraybuffer";
                      xhr.onload = () => {
                        if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                          resolve8(xhr.response);
                          return;
                        }
                        reject(xhr.status);
                      };
                      xhr.onerror = reject;
                      xhr.send(null);
                    });
                  }
                  var response = await fetch(url, {
                    credentials: "same-origin"
                  });
                  if (response.ok) {
                    return response.arrayBuffer();
                  }
                  throw new Error(response.status + " : " + response.url);
                }, "readAsync");
              }
            } else {
            }
            var out = console.log.bind(console);
            var err = console.error.bind(console);
            var dynamicLibraries = [];
            var wasmBinary;
            var ABORT = false;
            var EXITSTATUS;
            var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
            var readyPromiseResolve, readyPromiseReject;
            var wasmMemory;
            var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
            var HEAP64, HEAPU64;
            var HEAP_DATA_VIEW;
            var runtimeInitialized = false;
            function updateMemoryViews() {
              var b = wasmMemory.buffer;
              Module["HEAP8"] = HEAP8 = new Int8Array(b);
              Module["HEAP16"] = HEAP16 = new Int16Array(b);
              Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
              Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
              Module["HEAP32"] = HEAP32 = new Int32Array(b);
              Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
              Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
              Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
              Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
              Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
              Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
              LE_HEAP_UPDATE();
            }
            __name(updateMemoryViews, "updateMemoryViews");
            function initMemory() {
              if (Module["wasmMemory"]) {
                wasmMemory = Module["wasmMemory"];
              } else {
                var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
                wasmMemory = new WebAssembly.Memory({
                  "initial": INITIAL_MEMORY / 65536,
                  // In theory we should not need to emit the maximum if we want "unlimited"
                  // or 4GB of memory, but VMs error on that atm, see
                  // https://github.com/emscripten-core/emscripten/issues/14130
                  // And in the pthreads case we definitely need to emit a maximum. So
                  // always emit one.
                  "maximum": 32768
                });
              }
              updateMemoryViews();
            }
            __name(initMemory, "initMemory");
            var __RELOC_FUNCS__ = [];
            function preRun() {
              if (Module["preRun"]) {
                if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
                while (Module["preRun"].length) {
                  addOnPreRun(Module["preRun"].shift());
                }
              }
              callRuntimeCallbacks(onPreRuns);
            }
            __name(preRun, "preRun");
            function initRuntime() {
              runtimeInitialized = true;
              callRuntimeCallbacks(__RELOC_FUNCS__);
              wasmExports["__wasm_call_ctors"]();
              callRuntimeCallbacks(onPostCtors);
            }
            __name(initRuntime, "initRuntime");
            function preMain() {
            }
            __name(preMain, "preMain");
            function postRun() {
              if (Module["postRun"]) {
                if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
                while (Module["postRun"].length) {
                  addOnPostRun(Module["postRun"].shift());
                }
              }
              callRuntimeCallbacks(onPostRuns);
            }
            __name(postRun, "postRun");
            function abort(what) {
              Module["onAbort"]?.(what);
              what = "Aborted(" + what + ")";
              err(what);
              ABORT = true;
              what += ". Build with -sASSERTIONS for more info.";
              var e = new WebAssembly.RuntimeError(what);
              readyPromiseReject?.(e);
              throw e;
            }
            __name(abort, "abort");
            var wasmBinaryFile;
            function findWasmBinary() {
              return locateFile("web-tree-sitter.wasm");
            }
            __name(findWasmBinary, "findWasmBinary");
            function getBinarySync(file) {
              if (file == wasmBinaryFile && wasmBinary) {
                return new Uint8Array(wasmBinary);
              }
              if (readBinary) {
                return readBinary(file);
              }
              throw "both async and sync fetching of the wasm failed";
            }
            __name(getBinarySync, "getBinarySync");
            async function getWasmBinary(binaryFile) {
              if (!wasmBinary) {
                try {
                  var response = await readAsync(binaryFile);
                  return new Uint8Array(response);
                } catch {
                }
              }
              return getBinarySync(binaryFile);
            }
            __name(getWasmBinary, "getWasmBinary");
            async function instantiateArrayBuffer(binaryFile, imports) {
              try {
                var binary2 = await getWasmBinary(binaryFile);
                var instance2 = await WebAssembly.instantiate(binary2, imports);
                return instance2;
              } catch (reason) {
                err(`failed to asynchronously prepare wasm: ${reason}`);
                abort(reason);
              }
            }
            __name(instantiateArrayBuffer, "instantiateArrayBuffer");
            async function instantiateAsync(binary2, binaryFile, imports) {
              if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
                try {
                  var response = fetch(binaryFile, {
                    credentials: "same-origin"
                  });
                  var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
                  return instantiationResult;
                } catch (reason) {
                  err(`wasm streaming compile failed: ${reason}`);
                  err("falling back to ArrayBuffer instantiation");
                }
              }
              return instantiateArrayBuffer(binaryFile, imports);
            }
            __name(instantiateAsync, "instantiateAsync");
            function getWasmImports() {
              return {
                "env": wasmImports,
                "wasi_snapshot_preview1": wasmImports,
                "GOT.mem": new Proxy(wasmImports, GOTHandler),
                "GOT.func": new Proxy(wasmImports, GOTHandler)
              };
            }
            __name(getWasmImports, "getWasmImports");
            async function createWasm() {
              function receiveInstance(instance2, module2) {
                wasmExports = instance2.exports;
                wasmExports = relocateExports(wasmExports, 1024);
                var metadata2 = getDylinkMetadata(module2);
                if (metadata2.neededDynlibs) {
                  dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
                }
                mergeLibSymbols(wasmExports, "main");
                LDSO.init();
                loadDylibs();
                __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
                assignWasmExports(wasmExports);
                return wasmExports;
              }
              __name(receiveInstance, "receiveInstance");
              function receiveInstantiationResult(result2) {
                return receiveInstance(result2["instance"], result2["module"]);
              }
              __name(receiveInstantiationResult, "receiveInstantiationResult");
              var info2 = getWasmImports();
              if (Module["instantiateWasm"]) {
                return new Promise((resolve8, reject) => {
                  Module["instantiateWasm"](info2, (mod, inst) => {
                    resolve8(receiveInstance(mod, inst));
                  });
                });
              }
              wasmBinaryFile ??= findWasmBinary();
              var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
              var exports2 = receiveInstantiationResult(result);
              return exports2;
            }
            __name(createWasm, "createWasm");
            class ExitStatus {
              static {
                __name(this, "ExitStatus");
              }
              name = "ExitStatus";
              constructor(status) {
                this.message = `Program terminated with exit(${status})`;
                this.status = status;
              }
            }
            var GOT = {};
            var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
            var GOTHandler = {
              get(obj, symName) {
                var rtn = GOT[symName];
                if (!rtn) {
                  rtn = GOT[symName] = new WebAssembly.Global({
                    "value": "i32",
                    "mutable": true
                  });
                }
                if (!currentModuleWeakSymbols.has(symName)) {
                  rtn.required = true;
                }
                return rtn;
              }
            };
            var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
            var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
            var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
            var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
            var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
            var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
            var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
            var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
            var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
            var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
            var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
            var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
            var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
            var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
              while (callbacks.length > 0) {
                callbacks.shift()(Module);
              }
            }, "callRuntimeCallbacks");
            var onPostRuns = [];
            var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
            var onPreRuns = [];
            var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
            var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
            var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
              var maxIdx = idx + maxBytesToRead;
              if (ignoreNul) return maxIdx;
              while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
              return idx;
            }, "findStringEnd");
            var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
              var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
              if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
                return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
              }
              var str2 = "";
              while (idx < endPtr) {
                var u0 = heapOrArray[idx++];
                if (!(u0 & 128)) {
                  str2 += String.fromCharCode(u0);
                  continue;
                }
                var u1 = heapOrArray[idx++] & 63;
                if ((u0 & 224) == 192) {
                  str2 += String.fromCharCode((u0 & 31) << 6 | u1);
                  continue;
                }
                var u2 = heapOrArray[idx++] & 63;
                if ((u0 & 240) == 224) {
                  u0 = (u0 & 15) << 12 | u1 << 6 | u2;
                } else {
                  u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
                }
                if (u0 < 65536) {
                  str2 += String.fromCharCode(u0);
                } else {
                  var ch = u0 - 65536;
                  str2 += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
                }
              }
              return str2;
            }, "UTF8ArrayToString");
            var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
              var offset = 0;
              var end = 0;
              function getU8() {
                return binary2[offset++];
              }
              __name(getU8, "getU8");
              function getLEB() {
                var ret = 0;
                var mul = 1;
                while (1) {
                  var byte = binary2[offset++];
                  ret += (byte & 127) * mul;
                  mul *= 128;
                  if (!(byte & 128)) break;
                }
                return ret;
              }
              __name(getLEB, "getLEB");
              function getString() {
                var len = getLEB();
                offset += len;
                return UTF8ArrayToString(binary2, offset - len, len);
              }
              __name(getString, "getString");
              function getStringList() {
                var count2 = getLEB();
                var rtn = [];
                while (count2--) rtn.push(getString());
                return rtn;
              }
              __name(getStringList, "getStringList");
              function failIf(condition, message) {
                if (condition) throw new Error(message);
              }
              __name(failIf, "failIf");
              if (binary2 instanceof WebAssembly.Module) {
                var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
                failIf(dylinkSection.length === 0, "need dylink section");
                binary2 = new Uint8Array(dylinkSection[0]);
                end = binary2.length;
              } else {
                var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
                var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
                failIf(!magicNumberFound, "need to see wasm magic number");
                failIf(binary2[8] !== 0, "need the dylink section to be first");
                offset = 9;
                var section_size = getLEB();
                end = offset + section_size;
                var name2 = getString();
                failIf(name2 !== "dylink.0");
              }
              var customSection = {
                neededDynlibs: [],
                tlsExports: /* @__PURE__ */ new Set(),
                weakImports: /* @__PURE__ */ new Set(),
                runtimePaths: []
              };
              var WASM_DYLINK_MEM_INFO = 1;
              var WASM_DYLINK_NEEDED = 2;
              var WASM_DYLINK_EXPORT_INFO = 3;
              var WASM_DYLINK_IMPORT_INFO = 4;
              var WASM_DYLINK_RUNTIME_PATH = 5;
              var WASM_SYMBOL_TLS = 256;
              var WASM_SYMBOL_BINDING_MASK = 3;
              var WASM_SYMBOL_BINDING_WEAK = 1;
              while (offset < end) {
                var subsectionType = getU8();
                var subsectionSize = getLEB();
                if (subsectionType === WASM_DYLINK_MEM_INFO) {
                  customSection.memorySize = getLEB();
                  customSection.memoryAlign = getLEB();
                  customSection.tableSize = getLEB();
                  customSection.tableAlign = getLEB();
                } else if (subsectionType === WASM_DYLINK_NEEDED) {
                  customSection.neededDynlibs = getStringList();
                } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
                  var count = getLEB();
                  while (count--) {
                    var symname = getString();
                    var flags2 = getLEB();
                    if (flags2 & WASM_SYMBOL_TLS) {
                      customSection.tlsExports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
                  var count = getLEB();
                  while (count--) {
                    var modname = getString();
                    var symname = getString();
                    var flags2 = getLEB();
                    if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                      customSection.weakImports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
                  customSection.runtimePaths = getStringList();
                } else {
                  offset += subsectionSize;
                }
              }
              return customSection;
            }, "getDylinkMetadata");
            function getValue(ptr, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  return HEAP8[ptr];
                case "i8":
                  return HEAP8[ptr];
                case "i16":
                  return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
                case "i32":
                  return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
                case "i64":
                  return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
                case "float":
                  return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
                case "double":
                  return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
                case "*":
                  return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
                default:
                  abort(`invalid type for getValue: ${type}`);
              }
            }
            __name(getValue, "getValue");
            var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
              var dso = {
                refcount: Infinity,
                name: name2,
                exports: syms,
                global: true
              };
              LDSO.loadedLibsByName[name2] = dso;
              if (handle2 != void 0) {
                LDSO.loadedLibsByHandle[handle2] = dso;
              }
              return dso;
            }, "newDSO");
            var LDSO = {
              loadedLibsByName: {},
              loadedLibsByHandle: {},
              init() {
                newDSO("__main__", 0, wasmImports);
              }
            };
            var ___heap_base = 82240;
            var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
            var getMemory = /* @__PURE__ */ __name((size) => {
              if (runtimeInitialized) {
                return _calloc(size, 1);
              }
              var ret = ___heap_base;
              var end = ret + alignMemory(size, 16);
              ___heap_base = end;
              GOT["__heap_base"].value = end;
              return ret;
            }, "getMemory");
            var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
            var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
              const n2 = arr.length;
              return [n2 % 128 | 128, n2 >> 7, ...arr];
            }, "uleb128EncodeWithLen");
            var wasmTypeCodes = {
              "i": 127,
              // i32
              "p": 127,
              // i32
              "j": 126,
              // i64
              "f": 125,
              // f32
              "d": 124,
              // f64
              "e": 111
            };
            var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
              var code = wasmTypeCodes[type];
              return code;
            })), "generateTypePack");
            var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
              var bytes = Uint8Array.of(
                0,
                97,
                115,
                109,
                // magic ("\0asm")
                1,
                0,
                0,
                0,
                // version: 1
                1,
                ...uleb128EncodeWithLen([
                  1,
                  // count: 1
                  96,
                  // param types
                  ...generateTypePack(sig.slice(1)),
                  // return types (for now only supporting [] if `void` and single [T] otherwise)
                  ...generateTypePack(sig[0] === "v" ? "" : sig[0])
                ]),
                // The rest of the module is static
                2,
                7,
                // import section
                // (import "e" "f" (func 0 (type 0)))
                1,
                1,
                101,
                1,
                102,
                0,
                0,
                7,
                5,
                // export section
                // (export "f" (func 0 (type 0)))
                1,
                1,
                102,
                0,
                0
              );
              var module2 = new WebAssembly.Module(bytes);
              var instance2 = new WebAssembly.Instance(module2, {
                "e": {
                  "f": func2
                }
              });
              var wrappedFunc = instance2.exports["f"];
              return wrappedFunc;
            }, "convertJsFunctionToWasm");
            var wasmTableMirror = [];
            var wasmTable = new WebAssembly.Table({
              "initial": 31,
              "element": "anyfunc"
            });
            var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
              var func2 = wasmTableMirror[funcPtr];
              if (!func2) {
                wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
              }
              return func2;
            }, "getWasmTableEntry");
            var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
              if (functionsInTableMap) {
                for (var i2 = offset; i2 < offset + count; i2++) {
                  var item = getWasmTableEntry(i2);
                  if (item) {
                    functionsInTableMap.set(item, i2);
                  }
                }
              }
            }, "updateTableMap");
            var functionsInTableMap;
            var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
              if (!functionsInTableMap) {
                functionsInTableMap = /* @__PURE__ */ new WeakMap();
                updateTableMap(0, wasmTable.length);
              }
              return functionsInTableMap.get(func2) || 0;
            }, "getFunctionAddress");
            var freeTableIndexes = [];
            var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
              if (freeTableIndexes.length) {
                return freeTableIndexes.pop();
              }
              return wasmTable["grow"](1);
            }, "getEmptyTableSlot");
            var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
              wasmTable.set(idx, func2);
              wasmTableMirror[idx] = wasmTable.get(idx);
            }, "setWasmTableEntry");
            var addFunction = /* @__PURE__ */ __name((func2, sig) => {
              var rtn = getFunctionAddress(func2);
              if (rtn) {
                return rtn;
              }
              var ret = getEmptyTableSlot();
              try {
                setWasmTableEntry(ret, func2);
              } catch (err2) {
                if (!(err2 instanceof TypeError)) {
                  throw err2;
                }
                var wrapped = convertJsFunctionToWasm(func2, sig);
                setWasmTableEntry(ret, wrapped);
              }
              functionsInTableMap.set(func2, ret);
              return ret;
            }, "addFunction");
            var updateGOT = /* @__PURE__ */ __name((exports2, replace) => {
              for (var symName in exports2) {
                if (isInternalSym(symName)) {
                  continue;
                }
                var value = exports2[symName];
                GOT[symName] ||= new WebAssembly.Global({
                  "value": "i32",
                  "mutable": true
                });
                if (replace || GOT[symName].value == 0) {
                  if (typeof value == "function") {
                    GOT[symName].value = addFunction(value);
                  } else if (typeof value == "number") {
                    GOT[symName].value = value;
                  } else {
                    err(`unhandled export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "updateGOT");
            var relocateExports = /* @__PURE__ */ __name((exports2, memoryBase2, replace) => {
              var relocated = {};
              for (var e in exports2) {
                var value = exports2[e];
                if (typeof value == "object") {
                  value = value.value;
                }
                if (typeof value == "number") {
                  value += memoryBase2;
                }
                relocated[e] = value;
              }
              updateGOT(relocated, replace);
              return relocated;
            }, "relocateExports");
            var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
              var existing = wasmImports[symName];
              if (!existing || existing.stub) {
                return false;
              }
              return true;
            }, "isSymbolDefined");
            var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
              var func2 = getWasmTableEntry(ptr);
              var rtn = func2(...args2);
              function convert(rtn2) {
                return rtn2;
              }
              __name(convert, "convert");
              return convert(rtn);
            }, "dynCall");
            var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
            var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
            var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
              var sp = stackSave();
              try {
                return dynCall(sig, ptr, args2);
              } catch (e) {
                stackRestore(sp);
                if (e !== e + 0) throw e;
                _setThrew(1, 0);
                if (sig[0] == "j") return 0n;
              }
            }, "createInvokeFunction");
            var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
              var sym;
              if (isSymbolDefined(symName)) {
                sym = wasmImports[symName];
              } else if (symName.startsWith("invoke_")) {
                sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
              }
              return {
                sym,
                name: symName
              };
            }, "resolveGlobalSymbol");
            var onPostCtors = [];
            var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
            var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
            var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
              var metadata = getDylinkMetadata(binary);
              function loadModule() {
                var memAlign = Math.pow(2, metadata.memoryAlign);
                var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
                var tableBase = metadata.tableSize ? wasmTable.length : 0;
                if (handle) {
                  HEAP8[handle + 8] = 1;
                  LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
                  LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
                  LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
                  LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
                }
                if (metadata.tableSize) {
                  wasmTable.grow(metadata.tableSize);
                }
                var moduleExports;
                function resolveSymbol(sym) {
                  var resolved = resolveGlobalSymbol(sym).sym;
                  if (!resolved && localScope) {
                    resolved = localScope[sym];
                  }
                  if (!resolved) {
                    resolved = moduleExports[sym];
                  }
                  return resolved;
                }
                __name(resolveSymbol, "resolveSymbol");
                var proxyHandler = {
                  get(stubs, prop) {
                    switch (prop) {
                      case "__memory_base":
                        return memoryBase;
                      case "__table_base":
                        return tableBase;
                    }
                    if (prop in wasmImports && !wasmImports[prop].stub) {
                      var res = wasmImports[prop];
                      return res;
                    }
                    if (!(prop in stubs)) {
                      var resolved;
                      stubs[prop] = (...args2) => {
                        resolved ||= resolveSymbol(prop);
                        return resolved(...args2);
                      };
                    }
                    return stubs[prop];
                  }
                };
                var proxy = new Proxy({}, proxyHandler);
                currentModuleWeakSymbols = metadata.weakImports;
                var info = {
                  "GOT.mem": new Proxy({}, GOTHandler),
                  "GOT.func": new Proxy({}, GOTHandler),
                  "env": proxy,
                  "wasi_snapshot_preview1": proxy
                };
                function postInstantiation(module, instance) {
                  updateTableMap(tableBase, metadata.tableSize);
                  moduleExports = relocateExports(instance.exports, memoryBase);
                  if (!flags.allowUndefined) {
                    reportUndefinedSymbols();
                  }
                  function addEmAsm(addr, body) {
                    var args = [];
                    var arity = 0;
                    for (; arity < 16; arity++) {
                      if (body.indexOf("$" + arity) != -1) {
                        args.push("$" + arity);
                      } else {
                        break;
                      }
                    }
                    args = args.join(",");
                    var func = `(${args}) => { ${body} };`;
                    ASM_CONSTS[start] = eval(func);
                  }
                  __name(addEmAsm, "addEmAsm");
                  if ("__start_em_asm" in moduleExports) {
                    var start = moduleExports["__start_em_asm"];
                    var stop = moduleExports["__stop_em_asm"];
                    while (start < stop) {
                      var jsString = UTF8ToString(start);
                      addEmAsm(start, jsString);
                      start = HEAPU8.indexOf(0, start) + 1;
                    }
                  }
                  function addEmJs(name, cSig, body) {
                    var jsArgs = [];
                    cSig = cSig.slice(1, -1);
                    if (cSig != "void") {
                      cSig = cSig.split(",");
                      for (var i in cSig) {
                        var jsArg = cSig[i].split(" ").pop();
                        jsArgs.push(jsArg.replace("*", ""));
                      }
                    }
                    var func = `(${jsArgs}) => ${body};`;
                    moduleExports[name] = eval(func);
                  }
                  __name(addEmJs, "addEmJs");
                  for (var name in moduleExports) {
                    if (name.startsWith("__em_js__")) {
                      var start = moduleExports[name];
                      var jsString = UTF8ToString(start);
                      var parts = jsString.split("<::>");
                      addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                      delete moduleExports[name];
                    }
                  }
                  var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
                  if (applyRelocs) {
                    if (runtimeInitialized) {
                      applyRelocs();
                    } else {
                      __RELOC_FUNCS__.push(applyRelocs);
                    }
                  }
                  var init = moduleExports["__wasm_call_ctors"];
                  if (init) {
                    if (runtimeInitialized) {
                      init();
                    } else {
                      addOnPostCtor(init);
                    }
                  }
                  return moduleExports;
                }
                __name(postInstantiation, "postInstantiation");
                if (flags.loadAsync) {
                  return (async () => {
                    var instance2;
                    if (binary instanceof WebAssembly.Module) {
                      instance2 = new WebAssembly.Instance(binary, info);
                    } else {
                      ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
                    }
                    return postInstantiation(binary, instance2);
                  })();
                }
                var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
                var instance = new WebAssembly.Instance(module, info);
                return postInstantiation(module, instance);
              }
              __name(loadModule, "loadModule");
              flags = {
                ...flags,
                rpath: {
                  parentLibPath: libName,
                  paths: metadata.runtimePaths
                }
              };
              if (flags.loadAsync) {
                return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
              }
              metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
              return loadModule();
            }, "loadWebAssemblyModule");
            var mergeLibSymbols = /* @__PURE__ */ __name((exports2, libName2) => {
              for (var [sym, exp] of Object.entries(exports2)) {
                const setImport = /* @__PURE__ */ __name((target) => {
                  if (!isSymbolDefined(target)) {
                    wasmImports[target] = exp;
                  }
                }, "setImport");
                setImport(sym);
                const main_alias = "__main_argc_argv";
                if (sym == "main") {
                  setImport(main_alias);
                }
                if (sym == main_alias) {
                  setImport("main");
                }
              }
            }, "mergeLibSymbols");
            var asyncLoad = /* @__PURE__ */ __name(async (url) => {
              var arrayBuffer = await readAsync(url);
              return new Uint8Array(arrayBuffer);
            }, "asyncLoad");
            function loadDynamicLibrary(libName2, flags2 = {
              global: true,
              nodelete: true
            }, localScope2, handle2) {
              var dso = LDSO.loadedLibsByName[libName2];
              if (dso) {
                if (!flags2.global) {
                  if (localScope2) {
                    Object.assign(localScope2, dso.exports);
                  }
                } else if (!dso.global) {
                  dso.global = true;
                  mergeLibSymbols(dso.exports, libName2);
                }
                if (flags2.nodelete && dso.refcount !== Infinity) {
                  dso.refcount = Infinity;
                }
                dso.refcount++;
                if (handle2) {
                  LDSO.loadedLibsByHandle[handle2] = dso;
                }
                return flags2.loadAsync ? Promise.resolve(true) : true;
              }
              dso = newDSO(libName2, handle2, "loading");
              dso.refcount = flags2.nodelete ? Infinity : 1;
              dso.global = flags2.global;
              function loadLibData() {
                if (handle2) {
                  var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
                  var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
                  if (data && dataSize) {
                    var libData = HEAP8.slice(data, data + dataSize);
                    return flags2.loadAsync ? Promise.resolve(libData) : libData;
                  }
                }
                var libFile = locateFile(libName2);
                if (flags2.loadAsync) {
                  return asyncLoad(libFile);
                }
                if (!readBinary) {
                  throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
                }
                return readBinary(libFile);
              }
              __name(loadLibData, "loadLibData");
              function getExports() {
                if (flags2.loadAsync) {
                  return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
                }
                return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
              }
              __name(getExports, "getExports");
              function moduleLoaded(exports2) {
                if (dso.global) {
                  mergeLibSymbols(exports2, libName2);
                } else if (localScope2) {
                  Object.assign(localScope2, exports2);
                }
                dso.exports = exports2;
              }
              __name(moduleLoaded, "moduleLoaded");
              if (flags2.loadAsync) {
                return getExports().then((exports2) => {
                  moduleLoaded(exports2);
                  return true;
                });
              }
              moduleLoaded(getExports());
              return true;
            }
            __name(loadDynamicLibrary, "loadDynamicLibrary");
            var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
              for (var [symName, entry] of Object.entries(GOT)) {
                if (entry.value == 0) {
                  var value = resolveGlobalSymbol(symName, true).sym;
                  if (!value && !entry.required) {
                    continue;
                  }
                  if (typeof value == "function") {
                    entry.value = addFunction(value, value.sig);
                  } else if (typeof value == "number") {
                    entry.value = value;
                  } else {
                    throw new Error(`bad export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "reportUndefinedSymbols");
            var runDependencies = 0;
            var dependenciesFulfilled = null;
            var removeRunDependency = /* @__PURE__ */ __name((id10) => {
              runDependencies--;
              Module["monitorRunDependencies"]?.(runDependencies);
              if (runDependencies == 0) {
                if (dependenciesFulfilled) {
                  var callback = dependenciesFulfilled;
                  dependenciesFulfilled = null;
                  callback();
                }
              }
            }, "removeRunDependency");
            var addRunDependency = /* @__PURE__ */ __name((id10) => {
              runDependencies++;
              Module["monitorRunDependencies"]?.(runDependencies);
            }, "addRunDependency");
            var loadDylibs = /* @__PURE__ */ __name(async () => {
              if (!dynamicLibraries.length) {
                reportUndefinedSymbols();
                return;
              }
              addRunDependency("loadDylibs");
              for (var lib of dynamicLibraries) {
                await loadDynamicLibrary(lib, {
                  loadAsync: true,
                  global: true,
                  nodelete: true,
                  allowUndefined: true
                });
              }
              reportUndefinedSymbols();
              removeRunDependency("loadDylibs");
            }, "loadDylibs");
            var noExitRuntime = true;
            function setValue(ptr, value, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  HEAP8[ptr] = value;
                  break;
                case "i8":
                  HEAP8[ptr] = value;
                  break;
                case "i16":
                  LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
                  break;
                case "i32":
                  LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
                  break;
                case "i64":
                  LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
                  break;
                case "float":
                  LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
                  break;
                case "double":
                  LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
                  break;
                case "*":
                  LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
                  break;
                default:
                  abort(`invalid type for setValue: ${type}`);
              }
            }
            __name(setValue, "setValue");
            var ___memory_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1024);
            var ___stack_high = 82240;
            var ___stack_low = 16704;
            var ___stack_pointer = new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            }, 82240);
            var ___table_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1);
            var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
            __abort_js.sig = "v";
            var getHeapMax = /* @__PURE__ */ __name(() => (
              // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
              // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
              // for any code that deals with heap sizes, which would require special
              // casing all heap size related code to treat 0 specially.
              2147483648
            ), "getHeapMax");
            var growMemory = /* @__PURE__ */ __name((size) => {
              var oldHeapSize = wasmMemory.buffer.byteLength;
              var pages = (size - oldHeapSize + 65535) / 65536 | 0;
              try {
                wasmMemory.grow(pages);
                updateMemoryViews();
                return 1;
              } catch (e) {
              }
            }, "growMemory");
            var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
              var oldSize = HEAPU8.length;
              requestedSize >>>= 0;
              var maxHeapSize = getHeapMax();
              if (requestedSize > maxHeapSize) {
                return false;
              }
              for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
                var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
                overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
                var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
                var replacement = growMemory(newSize);
                if (replacement) {
                  return true;
                }
              }
              return false;
            }, "_emscripten_resize_heap");
            _emscripten_resize_heap.sig = "ip";
            var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
            _fd_close.sig = "ii";
            var INT53_MAX = 9007199254740992;
            var INT53_MIN = -9007199254740992;
            var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
            function _fd_seek(fd, offset, whence, newOffset) {
              offset = bigintToI53Checked(offset);
              return 70;
            }
            __name(_fd_seek, "_fd_seek");
            _fd_seek.sig = "iijip";
            var printCharBuffers = [null, [], []];
            var printChar = /* @__PURE__ */ __name((stream, curr) => {
              var buffer = printCharBuffers[stream];
              if (curr === 0 || curr === 10) {
                (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
                buffer.length = 0;
              } else {
                buffer.push(curr);
              }
            }, "printChar");
            var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
              var num = 0;
              for (var i2 = 0; i2 < iovcnt; i2++) {
                var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
                var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
                iov += 8;
                for (var j = 0; j < len; j++) {
                  printChar(fd, HEAPU8[ptr + j]);
                }
                num += len;
              }
              LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
              return 0;
            }, "_fd_write");
            _fd_write.sig = "iippp";
            function _tree_sitter_log_callback(isLexMessage, messageAddress) {
              if (Module.currentLogCallback) {
                const message = UTF8ToString(messageAddress);
                Module.currentLogCallback(message, isLexMessage !== 0);
              }
            }
            __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
            function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
              const INPUT_BUFFER_SIZE = 10 * 1024;
              const string = Module.currentParseCallback(index, {
                row,
                column
              });
              if (typeof string === "string") {
                setValue(lengthAddress, string.length, "i32");
                stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
              } else {
                setValue(lengthAddress, 0, "i32");
              }
            }
            __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
            function _tree_sitter_progress_callback(currentOffset, hasError) {
              if (Module.currentProgressCallback) {
                return Module.currentProgressCallback({
                  currentOffset,
                  hasError
                });
              }
              return false;
            }
            __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
            function _tree_sitter_query_progress_callback(currentOffset) {
              if (Module.currentQueryProgressCallback) {
                return Module.currentQueryProgressCallback({
                  currentOffset
                });
              }
              return false;
            }
            __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
            var runtimeKeepaliveCounter = 0;
            var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
            var _proc_exit = /* @__PURE__ */ __name((code) => {
              EXITSTATUS = code;
              if (!keepRuntimeAlive()) {
                Module["onExit"]?.(code);
                ABORT = true;
              }
              quit_(code, new ExitStatus(code));
            }, "_proc_exit");
            _proc_exit.sig = "vi";
            var exitJS = /* @__PURE__ */ __name((status, implicit) => {
              EXITSTATUS = status;
              _proc_exit(status);
            }, "exitJS");
            var handleException = /* @__PURE__ */ __name((e) => {
              if (e instanceof ExitStatus || e == "unwind") {
                return EXITSTATUS;
              }
              quit_(1, e);
            }, "handleException");
            var lengthBytesUTF8 = /* @__PURE__ */ __name((str2) => {
              var len = 0;
              for (var i2 = 0; i2 < str2.length; ++i2) {
                var c = str2.charCodeAt(i2);
                if (c <= 127) {
                  len++;
                } else if (c <= 2047) {
                  len += 2;
                } else if (c >= 55296 && c <= 57343) {
                  len += 4;
                  ++i2;
                } else {
                  len += 3;
                }
              }
              return len;
            }, "lengthBytesUTF8");
            var stringToUTF8Array = /* @__PURE__ */ __name((str2, heap, outIdx, maxBytesToWrite) => {
              if (!(maxBytesToWrite > 0)) return 0;
              var startIdx = outIdx;
              var endIdx = outIdx + maxBytesToWrite - 1;
              for (var i2 = 0; i2 < str2.length; ++i2) {
                var u = str2.codePointAt(i2);
                if (u <= 127) {
                  if (outIdx >= endIdx) break;
                  heap[outIdx++] = u;
                } else if (u <= 2047) {
                  if (outIdx + 1 >= endIdx) break;
                  heap[outIdx++] = 192 | u >> 6;
                  heap[outIdx++] = 128 | u & 63;
                } else if (u <= 65535) {
                  if (outIdx + 2 >= endIdx) break;
                  heap[outIdx++] = 224 | u >> 12;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                } else {
                  if (outIdx + 3 >= endIdx) break;
                  heap[outIdx++] = 240 | u >> 18;
                  heap[outIdx++] = 128 | u >> 12 & 63;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                  i2++;
                }
              }
              heap[outIdx] = 0;
              return outIdx - startIdx;
            }, "stringToUTF8Array");
            var stringToUTF8 = /* @__PURE__ */ __name((str2, outPtr, maxBytesToWrite) => stringToUTF8Array(str2, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
            var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
            var stringToUTF8OnStack = /* @__PURE__ */ __name((str2) => {
              var size = lengthBytesUTF8(str2) + 1;
              var ret = stackAlloc(size);
              stringToUTF8(str2, ret, size);
              return ret;
            }, "stringToUTF8OnStack");
            var AsciiToString = /* @__PURE__ */ __name((ptr) => {
              var str2 = "";
              while (1) {
                var ch = HEAPU8[ptr++];
                if (!ch) return str2;
                str2 += String.fromCharCode(ch);
              }
            }, "AsciiToString");
            var stringToUTF16 = /* @__PURE__ */ __name((str2, outPtr, maxBytesToWrite) => {
              maxBytesToWrite ??= 2147483647;
              if (maxBytesToWrite < 2) return 0;
              maxBytesToWrite -= 2;
              var startPtr = outPtr;
              var numCharsToWrite = maxBytesToWrite < str2.length * 2 ? maxBytesToWrite / 2 : str2.length;
              for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
                var codeUnit = str2.charCodeAt(i2);
                LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
                outPtr += 2;
              }
              LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
              return outPtr - startPtr;
            }, "stringToUTF16");
            LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
              /* little endian */
              ((x) => x),
              ((x) => x),
              void 0,
              ((x) => x)
            ] : [
              /* big endian */
              ((x) => x),
              ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
              void 0,
              ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
            ];
            function LE_HEAP_UPDATE() {
              HEAPU16.unsigned = ((x) => x & 65535);
              HEAPU32.unsigned = ((x) => x >>> 0);
            }
            __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
            {
              initMemory();
              if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
              if (Module["print"]) out = Module["print"];
              if (Module["printErr"]) err = Module["printErr"];
              if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
              if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
              if (Module["arguments"]) arguments_ = Module["arguments"];
              if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
              if (Module["preInit"]) {
                if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
                while (Module["preInit"].length > 0) {
                  Module["preInit"].shift()();
                }
              }
            }
            Module["setValue"] = setValue;
            Module["getValue"] = getValue;
            Module["UTF8ToString"] = UTF8ToString;
            Module["stringToUTF8"] = stringToUTF8;
            Module["lengthBytesUTF8"] = lengthBytesUTF8;
            Module["AsciiToString"] = AsciiToString;
            Module["stringToUTF16"] = stringToUTF16;
            Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
            Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
            var ASM_CONSTS = {};
            var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
            function assignWasmExports(wasmExports2) {
              Module["_malloc"] = _malloc = wasmExports2["malloc"];
              Module["_calloc"] = _calloc = wasmExports2["calloc"];
              Module["_realloc"] = _realloc = wasmExports2["realloc"];
              Module["_free"] = _free = wasmExports2["free"];
              Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
              Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
              Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
              Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
              Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
              Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
              Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
              Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
              Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
              Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
              Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
              Module["_strlen"] = _strlen = wasmExports2["strlen"];
              Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
              Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
              Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
              Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
              Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
              Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
              Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
              Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
              Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
              Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
              Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
              Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
              Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
              Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
              Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
              Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
              Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
              Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
              Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
              Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
              Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
              Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
              Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
              Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
              Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
              Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
              Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
              Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
              Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
              Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
              Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
              Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
              Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
              Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
              Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
              Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
              Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
              Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
              Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
              Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
              Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
              Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
              Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
              Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
              Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
              Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
              Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
              Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
              Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
              Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
              Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
              Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
              Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
              Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
              Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
              Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
              Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
              Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
              Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
              Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
              Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
              Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
              Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
              Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
              Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
              Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
              Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
              Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
              Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
              Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
              Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
              Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
              Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
              Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
              Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
              Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
              Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
              Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
              Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
              Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
              Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
              Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
              Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
              Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
              Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
              Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
              Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
              Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
              Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
              Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
              Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
              Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
              Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
              Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
              Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
              Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
              Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
              Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
              Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
              Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
              Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
              Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
              Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
              Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
              Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
              Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
              Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
              Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
              Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
              Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
              Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
              Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
              Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
              Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
              Module["_memset"] = _memset = wasmExports2["memset"];
              Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
              Module["_memmove"] = _memmove = wasmExports2["memmove"];
              Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
              Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
              Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
              Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
              Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
              Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
              Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
              Module["_memchr"] = _memchr = wasmExports2["memchr"];
              Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
              Module["_strncat"] = _strncat = wasmExports2["strncat"];
              Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
              Module["_towlower"] = _towlower = wasmExports2["towlower"];
              Module["_towupper"] = _towupper = wasmExports2["towupper"];
              _setThrew = wasmExports2["setThrew"];
              __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
              __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
              _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
              ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
            }
            __name(assignWasmExports, "assignWasmExports");
            var wasmImports = {
              /** @export */
              __heap_base: ___heap_base,
              /** @export */
              __indirect_function_table: wasmTable,
              /** @export */
              __memory_base: ___memory_base,
              /** @export */
              __stack_high: ___stack_high,
              /** @export */
              __stack_low: ___stack_low,
              /** @export */
              __stack_pointer: ___stack_pointer,
              /** @export */
              __table_base: ___table_base,
              /** @export */
              _abort_js: __abort_js,
              /** @export */
              emscripten_resize_heap: _emscripten_resize_heap,
              /** @export */
              fd_close: _fd_close,
              /** @export */
              fd_seek: _fd_seek,
              /** @export */
              fd_write: _fd_write,
              /** @export */
              memory: wasmMemory,
              /** @export */
              tree_sitter_log_callback: _tree_sitter_log_callback,
              /** @export */
              tree_sitter_parse_callback: _tree_sitter_parse_callback,
              /** @export */
              tree_sitter_progress_callback: _tree_sitter_progress_callback,
              /** @export */
              tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
            };
            function callMain(args2 = []) {
              var entryFunction = resolveGlobalSymbol("main").sym;
              if (!entryFunction) return;
              args2.unshift(thisProgram);
              var argc = args2.length;
              var argv = stackAlloc((argc + 1) * 4);
              var argv_ptr = argv;
              args2.forEach((arg) => {
                LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
                argv_ptr += 4;
              });
              LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
              try {
                var ret = entryFunction(argc, argv);
                exitJS(
                  ret,
                  /* implicit = */
                  true
                );
                return ret;
              } catch (e) {
                return handleException(e);
              }
            }
            __name(callMain, "callMain");
            function run(args2 = arguments_) {
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              preRun();
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              function doRun() {
                Module["calledRun"] = true;
                if (ABORT) return;
                initRuntime();
                preMain();
                readyPromiseResolve?.(Module);
                Module["onRuntimeInitialized"]?.();
                var noInitialRun = Module["noInitialRun"] || false;
                if (!noInitialRun) callMain(args2);
                postRun();
              }
              __name(doRun, "doRun");
              if (Module["setStatus"]) {
                Module["setStatus"]("Running...");
                setTimeout(() => {
                  setTimeout(() => Module["setStatus"](""), 1);
                  doRun();
                }, 1);
              } else {
                doRun();
              }
            }
            __name(run, "run");
            var wasmExports;
            wasmExports = await createWasm();
            run();
            if (runtimeInitialized) {
              moduleRtn = Module;
            } else {
              moduleRtn = new Promise((resolve8, reject) => {
                readyPromiseResolve = resolve8;
                readyPromiseReject = reject;
              });
            }
            return moduleRtn;
          };
        })();
        if (typeof exports === "object" && typeof module === "object") {
          module.exports = Module;
          module.exports.default = Module;
        } else if (typeof define === "function" && define["amd"])
          define([], () => Module);
      }
    });
    var index_exports = {};
    __export(index_exports, {
      CaptureQuantifier: () => CaptureQuantifier,
      Edit: () => Edit,
      LANGUAGE_VERSION: () => LANGUAGE_VERSION,
      Language: () => Language,
      LookaheadIterator: () => LookaheadIterator,
      MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
      Node: () => Node,
      Parser: () => Parser,
      Query: () => Query,
      Tree: () => Tree,
      TreeCursor: () => TreeCursor
    });
    module.exports = __toCommonJS(index_exports);
    var Edit = class {
      static {
        __name(this, "Edit");
      }
      /** The start position of the change. */
      startPosition;
      /** The end position of the change before the edit. */
      oldEndPosition;
      /** The end position of the change after the edit. */
      newEndPosition;
      /** The start index of the change. */
      startIndex;
      /** The end index of the change before the edit. */
      oldEndIndex;
      /** The end index of the change after the edit. */
      newEndIndex;
      constructor({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition,
        oldEndPosition,
        newEndPosition
      }) {
        this.startIndex = startIndex >>> 0;
        this.oldEndIndex = oldEndIndex >>> 0;
        this.newEndIndex = newEndIndex >>> 0;
        this.startPosition = startPosition;
        this.oldEndPosition = oldEndPosition;
        this.newEndPosition = newEndPosition;
      }
      /**
       * Edit a point and index to keep it in-sync with source code that has been edited.
       *
       * This function updates a single point's byte offset and row/column position
       * based on an edit operation. This is useful for editing points without
       * requiring a tree or node instance.
       */
      editPoint(point, index) {
        let newIndex = index;
        const newPoint = { ...point };
        if (index >= this.oldEndIndex) {
          newIndex = this.newEndIndex + (index - this.oldEndIndex);
          const originalRow = point.row;
          newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
          newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
        } else if (index > this.startIndex) {
          newIndex = this.newEndIndex;
          newPoint.row = this.newEndPosition.row;
          newPoint.column = this.newEndPosition.column;
        }
        return { point: newPoint, index: newIndex };
      }
      /**
       * Edit a range to keep it in-sync with source code that has been edited.
       *
       * This function updates a range's start and end positions based on an edit
       * operation. This is useful for editing ranges without requiring a tree
       * or node instance.
       */
      editRange(range) {
        const newRange = {
          startIndex: range.startIndex,
          startPosition: { ...range.startPosition },
          endIndex: range.endIndex,
          endPosition: { ...range.endPosition }
        };
        if (range.endIndex >= this.oldEndIndex) {
          if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
            newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
            newRange.endPosition = {
              row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
              column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
            };
            if (newRange.endIndex < this.newEndIndex) {
              newRange.endIndex = Number.MAX_SAFE_INTEGER;
              newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
            }
          }
        } else if (range.endIndex > this.startIndex) {
          newRange.endIndex = this.startIndex;
          newRange.endPosition = { ...this.startPosition };
        }
        if (range.startIndex >= this.oldEndIndex) {
          newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
          newRange.startPosition = {
            row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
            column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
          };
          if (newRange.startIndex < this.newEndIndex) {
            newRange.startIndex = Number.MAX_SAFE_INTEGER;
            newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
          }
        } else if (range.startIndex > this.startIndex) {
          newRange.startIndex = this.startIndex;
          newRange.startPosition = { ...this.startPosition };
        }
        return newRange;
      }
    };
    var SIZE_OF_SHORT = 2;
    var SIZE_OF_INT = 4;
    var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
    var SIZE_OF_NODE = 5 * SIZE_OF_INT;
    var SIZE_OF_POINT = 2 * SIZE_OF_INT;
    var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
    var ZERO_POINT = { row: 0, column: 0 };
    var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
    function assertInternal(x) {
      if (x !== INTERNAL) throw new Error("Illegal constructor");
    }
    __name(assertInternal, "assertInternal");
    function isPoint(point) {
      return !!point && typeof point.row === "number" && typeof point.column === "number";
    }
    __name(isPoint, "isPoint");
    function setModule(module2) {
      C = module2;
    }
    __name(setModule, "setModule");
    var C;
    function newFinalizer(handler) {
      try {
        return new FinalizationRegistry(handler);
      } catch (e) {
        console.error("Unsupported FinalizationRegistry:", e);
        return;
      }
    }
    __name(newFinalizer, "newFinalizer");
    var finalizer = newFinalizer((address) => {
      C._ts_lookahead_iterator_delete(address);
    });
    var LookaheadIterator = class {
      static {
        __name(this, "LookaheadIterator");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      language;
      /** @internal */
      positioned = false;
      /** @internal */
      constructor(internal, address, language) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        finalizer?.register(this, address, this);
      }
      /**
       * Get the current symbol of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol:
       *
       * - Before the first iteration step
       * - After the iterator is exhausted
       * - After a {@link reset} or {@link resetState} call
       */
      get currentTypeId() {
        return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
      }
      /**
       * Get the current symbol name of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol.
       */
      get currentType() {
        const id10 = this.currentTypeId;
        if (id10 === null) return null;
        return this.language.types[id10] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id10));
      }
      /** Delete the lookahead iterator, freeing its resources. */
      delete() {
        finalizer?.unregister(this);
        C._ts_lookahead_iterator_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Reset the lookahead iterator.
       *
       * This returns `true` if the language was set successfully and `false`
       * otherwise.
       */
      reset(language, stateId) {
        if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
          this.language = language;
          this.positioned = false;
          return true;
        }
        return false;
      }
      /**
       * Reset the lookahead iterator to another state.
       *
       * This returns `true` if the iterator was reset to the given state and
       * `false` otherwise.
       */
      resetState(stateId) {
        if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
        this.positioned = false;
        return true;
      }
      /**
       * Returns an iterator that iterates over the symbols of the lookahead iterator.
       *
       * The iterator will yield the current symbol name as a string for each step
       * until there are no more symbols to iterate over.
       */
      [Symbol.iterator]() {
        return {
          next: /* @__PURE__ */ __name(() => {
            this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
            const value = this.currentType;
            return value === null ? { done: true, value: "" } : { done: false, value };
          }, "next")
        };
      }
    };
    function getText(tree, startIndex, endIndex, startPosition) {
      const length = endIndex - startIndex;
      let result = tree.textCallback(startIndex, startPosition);
      if (result) {
        startIndex += result.length;
        while (startIndex < endIndex) {
          const string = tree.textCallback(startIndex, startPosition);
          if (string && string.length > 0) {
            startIndex += string.length;
            result += string;
          } else {
            break;
          }
        }
        if (startIndex > endIndex) {
          result = result.slice(0, length);
        }
      }
      return result ?? "";
    }
    __name(getText, "getText");
    var finalizer2 = newFinalizer((address) => {
      C._ts_tree_delete(address);
    });
    var Tree = class _Tree {
      static {
        __name(this, "Tree");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      textCallback;
      /** The language that was used to parse the syntax tree. */
      language;
      /** @internal */
      constructor(internal, address, language, textCallback) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        this.textCallback = textCallback;
        finalizer2?.register(this, address, this);
      }
      /** Create a shallow copy of the syntax tree. This is very fast. */
      copy() {
        const address = C._ts_tree_copy(this[0]);
        return new _Tree(INTERNAL, address, this.language, this.textCallback);
      }
      /** Delete the syntax tree, freeing its resources. */
      delete() {
        finalizer2?.unregister(this);
        C._ts_tree_delete(this[0]);
        this[0] = 0;
      }
      /** Get the root node of the syntax tree. */
      get rootNode() {
        C._ts_tree_root_node_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Get the root node of the syntax tree, but with its position shifted
       * forward by the given offset.
       */
      rootNodeWithOffset(offsetBytes, offsetExtent) {
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, offsetBytes, "i32");
        marshalPoint(address + SIZE_OF_INT, offsetExtent);
        C._ts_tree_root_node_with_offset_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Edit the syntax tree to keep it in sync with source code that has been
       * edited.
       *
       * You must describe the edit both in terms of byte offsets and in terms of
       * row/column coordinates.
       */
      edit(edit) {
        marshalEdit(edit);
        C._ts_tree_edit_wasm(this[0]);
      }
      /** Create a new {@link TreeCursor} starting from the root of the tree. */
      walk() {
        return this.rootNode.walk();
      }
      /**
       * Compare this old edited syntax tree to a new syntax tree representing
       * the same document, returning a sequence of ranges whose syntactic
       * structure has changed.
       *
       * For this to work correctly, this syntax tree must have been edited such
       * that its ranges match up to the new tree. Generally, you'll want to
       * call this method right after calling one of the [`Parser::parse`]
       * functions. Call it on the old tree that was passed to parse, and
       * pass the new tree that was returned from `parse`.
       */
      getChangedRanges(other) {
        if (!(other instanceof _Tree)) {
          throw new TypeError("Argument must be a Tree");
        }
        C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the included ranges that were used to parse the syntax tree. */
      getIncludedRanges() {
        C._ts_tree_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
    };
    var finalizer3 = newFinalizer((handles) => {
      marshalTreeCursor({ handles });
      C._ts_tree_cursor_delete_wasm(0);
    });
    var TreeCursor = class _TreeCursor {
      static {
        __name(this, "TreeCursor");
      }
      /** @internal */
      handles = [0, 0, 0, 0];
      // Internal handles for Wasm, shared with the finalizer.
      /** @internal */
      tree;
      /** @internal */
      constructor(internal, tree) {
        assertInternal(internal);
        this.tree = tree;
        unmarshalTreeCursor(this);
        finalizer3?.register(this, this.handles, this);
      }
      /** Creates a deep copy of the tree cursor. This allocates new memory. */
      copy() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_copy_wasm(this.tree[0]);
        return new _TreeCursor(INTERNAL, this.tree);
      }
      /** Delete the tree cursor, freeing its resources. */
      delete() {
        finalizer3?.unregister(this);
        marshalTreeCursor(this);
        C._ts_tree_cursor_delete_wasm(this.tree[0]);
        this.handles.fill(0);
      }
      /** Get the tree cursor's current {@link Node}. */
      get currentNode() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_current_node_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the numerical field id of this tree cursor's current node.
       *
       * See also {@link TreeCursor#currentFieldName}.
       */
      get currentFieldId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
      }
      /** Get the field name of this tree cursor's current node. */
      get currentFieldName() {
        return this.tree.language.fields[this.currentFieldId];
      }
      /**
       * Get the depth of the cursor's current node relative to the original
       * node that the cursor was constructed with.
       */
      get currentDepth() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
      }
      /**
       * Get the index of the cursor's current node out of all of the
       * descendants of the original node that the cursor was constructed with.
       */
      get currentDescendantIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
      }
      /** Get the type of the cursor's current node. */
      get nodeType() {
        return this.tree.language.types[this.nodeTypeId] || "ERROR";
      }
      /** Get the type id of the cursor's current node. */
      get nodeTypeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
      }
      /** Get the state id of the cursor's current node. */
      get nodeStateId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
      }
      /** Get the id of the cursor's current node. */
      get nodeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
      }
      /**
       * Check if the cursor's current node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get nodeIsNamed() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if the cursor's current node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get nodeIsMissing() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Get the string content of the cursor's current node. */
      get nodeText() {
        marshalTreeCursor(this);
        const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
        const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        const startPosition = unmarshalPoint(TRANSFER_BUFFER);
        return getText(this.tree, startIndex, endIndex, startPosition);
      }
      /** Get the start position of the cursor's current node. */
      get startPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the end position of the cursor's current node. */
      get endPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_end_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the start index of the cursor's current node. */
      get startIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
      }
      /** Get the end index of the cursor's current node. */
      get endIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
      }
      /**
       * Move this cursor to the first child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       */
      gotoFirstChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the last child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoFirstChild} because it needs to
       * iterate through all the children to compute the child's position.
       */
      gotoLastChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the parent of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no parent node (the cursor was already on the
       * root node).
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoParent() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the next sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no next sibling node.
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoNextSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the previous sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no previous sibling node.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoNextSibling} due to how node
       * positions are stored. In the worst case, this will need to iterate
       * through all the children up to the previous sibling node to recalculate
       * its position. Also note that the node the cursor was constructed with is
       * considered the root of the cursor, and the cursor cannot walk outside this node.
       */
      gotoPreviousSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move the cursor to the node that is the nth descendant of
       * the original node that the cursor was constructed with, where
       * zero represents the original node itself.
       */
      gotoDescendant(goalDescendantIndex) {
        marshalTreeCursor(this);
        C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
        unmarshalTreeCursor(this);
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given byte offset.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForIndex(goalIndex) {
        marshalTreeCursor(this);
        C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
        const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given position.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForPosition(goalPosition) {
        marshalTreeCursor(this);
        marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
        const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Re-initialize this tree cursor to start at the original node that the
       * cursor was constructed with.
       */
      reset(node) {
        marshalNode(node);
        marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
        C._ts_tree_cursor_reset_wasm(node.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = node.tree;
      }
      /**
       * Re-initialize a tree cursor to the same position as another cursor.
       *
       * Unlike {@link TreeCursor#reset}, this will not lose parent
       * information and allows reusing already created cursors.
       */
      resetTo(cursor) {
        marshalTreeCursor(this, TRANSFER_BUFFER);
        marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
        C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = cursor.tree;
      }
    };
    var Node = class {
      static {
        __name(this, "Node");
      }
      /** @internal */
      // @ts-expect-error: never read
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      _children;
      /** @internal */
      _namedChildren;
      /** @internal */
      constructor(internal, {
        id: id10,
        tree,
        startIndex,
        startPosition,
        other
      }) {
        assertInternal(internal);
        this[0] = other;
        this.id = id10;
        this.tree = tree;
        this.startIndex = startIndex;
        this.startPosition = startPosition;
      }
      /**
       * The numeric id for this node that is unique.
       *
       * Within a given syntax tree, no two nodes have the same id. However:
       *
       * * If a new tree is created based on an older tree, and a node from the old tree is reused in
       *   the process, then that node will have the same id in both trees.
       *
       * * A node not marked as having changes does not guarantee it was reused.
       *
       * * If a node is marked as having changed in the old tree, it will not be reused.
       */
      id;
      /** The byte index where this node starts. */
      startIndex;
      /** The position where this node starts. */
      startPosition;
      /** The tree that this node belongs to. */
      tree;
      /** Get this node's type as a numerical id. */
      get typeId() {
        marshalNode(this);
        return C._ts_node_symbol_wasm(this.tree[0]);
      }
      /**
       * Get the node's type as a numerical id as it appears in the grammar,
       * ignoring aliases.
       */
      get grammarId() {
        marshalNode(this);
        return C._ts_node_grammar_symbol_wasm(this.tree[0]);
      }
      /** Get this node's type as a string. */
      get type() {
        return this.tree.language.types[this.typeId] || "ERROR";
      }
      /**
       * Get this node's symbol name as it appears in the grammar, ignoring
       * aliases as a string.
       */
      get grammarType() {
        return this.tree.language.types[this.grammarId] || "ERROR";
      }
      /**
       * Check if this node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get isNamed() {
        marshalNode(this);
        return C._ts_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *extra*.
       *
       * Extra nodes represent things like comments, which are not required
       * by the grammar, but can appear anywhere.
       */
      get isExtra() {
        marshalNode(this);
        return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error.
       *
       * Syntax errors represent parts of the code that could not be incorporated
       * into a valid syntax tree.
       */
      get isError() {
        marshalNode(this);
        return C._ts_node_is_error_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get isMissing() {
        marshalNode(this);
        return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Check if this node has been edited. */
      get hasChanges() {
        marshalNode(this);
        return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error or contains any syntax
       * errors anywhere within it.
       */
      get hasError() {
        marshalNode(this);
        return C._ts_node_has_error_wasm(this.tree[0]) === 1;
      }
      /** Get the byte index where this node ends. */
      get endIndex() {
        marshalNode(this);
        return C._ts_node_end_index_wasm(this.tree[0]);
      }
      /** Get the position where this node ends. */
      get endPosition() {
        marshalNode(this);
        C._ts_node_end_point_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the string content of this node. */
      get text() {
        return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
      }
      /** Get this node's parse state. */
      get parseState() {
        marshalNode(this);
        return C._ts_node_parse_state_wasm(this.tree[0]);
      }
      /** Get the parse state after this node. */
      get nextParseState() {
        marshalNode(this);
        return C._ts_node_next_parse_state_wasm(this.tree[0]);
      }
      /** Check if this node is equal to another node. */
      equals(other) {
        return this.tree === other.tree && this.id === other.id;
      }
      /**
       * Get the node's child at the given index, where zero represents the first child.
       *
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#children} instead.
       */
      child(index) {
        marshalNode(this);
        C._ts_node_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's *named* child at the given index.
       *
       * See also {@link Node#isNamed}.
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#namedChildren} instead.
       */
      namedChild(index) {
        marshalNode(this);
        C._ts_node_named_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's child with the given numerical field id.
       *
       * See also {@link Node#childForFieldName}. You can
       * convert a field name to an id using {@link Language#fieldIdForName}.
       */
      childForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the first child with the given field name.
       *
       * If multiple children may have the same field name, access them using
       * {@link Node#childrenForFieldName}.
       */
      childForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1) return this.childForFieldId(fieldId);
        return null;
      }
      /** Get the field name of this node's child at the given index. */
      fieldNameForChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /** Get the field name of this node's named child at the given index. */
      fieldNameForNamedChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /**
       * Get an array of this node's children with a given field name.
       *
       * See also {@link Node#children}.
       */
      childrenForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
        return [];
      }
      /**
        * Get an array of this node's children with a given field id.
        *
        * See also {@link Node#childrenForFieldName}.
        */
      childrenForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the node's first child that contains or starts after the given byte offset. */
      firstChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's first named child that contains or starts after the given byte offset. */
      firstNamedChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's number of children. */
      get childCount() {
        marshalNode(this);
        return C._ts_node_child_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's number of *named* children.
       *
       * See also {@link Node#isNamed}.
       */
      get namedChildCount() {
        marshalNode(this);
        return C._ts_node_named_child_count_wasm(this.tree[0]);
      }
      /** Get this node's first child. */
      get firstChild() {
        return this.child(0);
      }
      /**
       * Get this node's first named child.
       *
       * See also {@link Node#isNamed}.
       */
      get firstNamedChild() {
        return this.namedChild(0);
      }
      /** Get this node's last child. */
      get lastChild() {
        return this.child(this.childCount - 1);
      }
      /**
       * Get this node's last named child.
       *
       * See also {@link Node#isNamed}.
       */
      get lastNamedChild() {
        return this.namedChild(this.namedChildCount - 1);
      }
      /**
       * Iterate over this node's children.
       *
       * If you're walking the tree recursively, you may want to use the
       * {@link TreeCursor} APIs directly instead.
       */
      get children() {
        if (!this._children) {
          marshalNode(this);
          C._ts_node_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._children = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._children[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._children;
      }
      /**
       * Iterate over this node's named children.
       *
       * See also {@link Node#children}.
       */
      get namedChildren() {
        if (!this._namedChildren) {
          marshalNode(this);
          C._ts_node_named_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._namedChildren = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._namedChildren[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._namedChildren;
      }
      /**
       * Get the descendants of this node that are the given type, or in the given types array.
       *
       * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
       *
       * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
       */
      descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
        if (!Array.isArray(types)) types = [types];
        const symbols = [];
        const typesBySymbol = this.tree.language.types;
        for (let i2 = 0, n2 = typesBySymbol.length; i2 < n2; i2++) {
          if (types.includes(typesBySymbol[i2])) {
            symbols.push(i2);
          }
        }
        if (types.includes("ERROR")) {
          symbols.push(65535);
        }
        const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
        for (let i2 = 0, n2 = symbols.length; i2 < n2; i2++) {
          C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
        }
        marshalNode(this);
        C._ts_node_descendants_of_type_wasm(
          this.tree[0],
          symbolsAddress,
          symbols.length,
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column
        );
        const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
        const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(descendantCount);
        if (descendantCount > 0) {
          let address = descendantAddress;
          for (let i2 = 0; i2 < descendantCount; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
        }
        C._free(descendantAddress);
        C._free(symbolsAddress);
        return result;
      }
      /** Get this node's next sibling. */
      get nextSibling() {
        marshalNode(this);
        C._ts_node_next_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's previous sibling. */
      get previousSibling() {
        marshalNode(this);
        C._ts_node_prev_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's next *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get nextNamedSibling() {
        marshalNode(this);
        C._ts_node_next_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's previous *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get previousNamedSibling() {
        marshalNode(this);
        C._ts_node_prev_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's number of descendants, including one for the node itself. */
      get descendantCount() {
        marshalNode(this);
        return C._ts_node_descendant_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's immediate parent.
       * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
       */
      get parent() {
        marshalNode(this);
        C._ts_node_parent_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the node that contains `descendant`.
       *
       * Note that this can return `descendant` itself.
       */
      childWithDescendant(descendant) {
        marshalNode(this);
        marshalNode(descendant, 1);
        C._ts_node_child_with_descendant_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given byte range. */
      descendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given byte range. */
      namedDescendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given point range. */
      descendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given point range. */
      namedDescendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Create a new {@link TreeCursor} starting from this node.
       *
       * Note that the given node is considered the root of the cursor,
       * and the cursor cannot walk outside this node.
       */
      walk() {
        marshalNode(this);
        C._ts_tree_cursor_new_wasm(this.tree[0]);
        return new TreeCursor(INTERNAL, this.tree);
      }
      /**
       * Edit this node to keep it in-sync with source code that has been edited.
       *
       * This function is only rarely needed. When you edit a syntax tree with
       * the {@link Tree#edit} method, all of the nodes that you retrieve from
       * the tree afterward will already reflect the edit. You only need to
       * use {@link Node#edit} when you have a specific {@link Node} instance that
       * you want to keep and continue to use after an edit.
       */
      edit(edit) {
        const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
        this.startPosition = point;
        this.startIndex = index;
      }
      /** Get the S-expression representation of this node. */
      toString() {
        marshalNode(this);
        const address = C._ts_node_to_string_wasm(this.tree[0]);
        const result = C.AsciiToString(address);
        C._free(address);
        return result;
      }
    };
    function unmarshalCaptures(query, tree, address, patternIndex, result) {
      for (let i2 = 0, n2 = result.length; i2 < n2; i2++) {
        const captureIndex = C.getValue(address, "i32");
        address += SIZE_OF_INT;
        const node = unmarshalNode(tree, address);
        address += SIZE_OF_NODE;
        result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
      }
      return address;
    }
    __name(unmarshalCaptures, "unmarshalCaptures");
    function marshalNode(node, index = 0) {
      let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
      C.setValue(address, node.id, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.row, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.column, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node[0], "i32");
    }
    __name(marshalNode, "marshalNode");
    function unmarshalNode(tree, address = TRANSFER_BUFFER) {
      const id10 = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      if (id10 === 0) return null;
      const index = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const row = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const column = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const other = C.getValue(address, "i32");
      const result = new Node(INTERNAL, {
        id: id10,
        tree,
        startIndex: index,
        startPosition: { row, column },
        other
      });
      return result;
    }
    __name(unmarshalNode, "unmarshalNode");
    function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
      C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
      C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
      C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
      C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
    }
    __name(marshalTreeCursor, "marshalTreeCursor");
    function unmarshalTreeCursor({ handles }) {
      handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
      handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
      handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
      handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
    }
    __name(unmarshalTreeCursor, "unmarshalTreeCursor");
    function marshalPoint(address, point) {
      C.setValue(address, point.row, "i32");
      C.setValue(address + SIZE_OF_INT, point.column, "i32");
    }
    __name(marshalPoint, "marshalPoint");
    function unmarshalPoint(address) {
      const result = {
        row: C.getValue(address, "i32") >>> 0,
        column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
      };
      return result;
    }
    __name(unmarshalPoint, "unmarshalPoint");
    function marshalRange(address, range) {
      marshalPoint(address, range.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, range.endPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, range.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, range.endIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalRange, "marshalRange");
    function unmarshalRange(address) {
      const result = {};
      result.startPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.endPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.startIndex = C.getValue(address, "i32") >>> 0;
      address += SIZE_OF_INT;
      result.endIndex = C.getValue(address, "i32") >>> 0;
      return result;
    }
    __name(unmarshalRange, "unmarshalRange");
    function marshalEdit(edit, address = TRANSFER_BUFFER) {
      marshalPoint(address, edit.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.oldEndPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.newEndPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, edit.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.oldEndIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.newEndIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalEdit, "marshalEdit");
    function unmarshalLanguageMetadata(address) {
      const major_version = C.getValue(address, "i32");
      const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
      const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
      return { major_version, minor_version, patch_version };
    }
    __name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
    var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
    var Language = class _Language {
      static {
        __name(this, "Language");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /**
       * A list of all node types in the language. The index of each type in this
       * array is its node type id.
       */
      types;
      /**
       * A list of all field names in the language. The index of each field name in
       * this array is its field id.
       */
      fields;
      /** @internal */
      constructor(internal, address) {
        assertInternal(internal);
        this[0] = address;
        this.types = new Array(C._ts_language_symbol_count(this[0]));
        for (let i2 = 0, n2 = this.types.length; i2 < n2; i2++) {
          if (C._ts_language_symbol_type(this[0], i2) < 2) {
            this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
          }
        }
        this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
        for (let i2 = 0, n2 = this.fields.length; i2 < n2; i2++) {
          const fieldName = C._ts_language_field_name_for_id(this[0], i2);
          if (fieldName !== 0) {
            this.fields[i2] = C.UTF8ToString(fieldName);
          } else {
            this.fields[i2] = null;
          }
        }
      }
      /**
       * Gets the name of the language.
       */
      get name() {
        const ptr = C._ts_language_name(this[0]);
        if (ptr === 0) return null;
        return C.UTF8ToString(ptr);
      }
      /**
       * Gets the ABI version of the language.
       */
      get abiVersion() {
        return C._ts_language_abi_version(this[0]);
      }
      /**
      * Get the metadata for this language. This information is generated by the
      * CLI, and relies on the language author providing the correct metadata in
      * the language's `tree-sitter.json` file.
      */
      get metadata() {
        C._ts_language_metadata_wasm(this[0]);
        const length = C.getValue(TRANSFER_BUFFER, "i32");
        if (length === 0) return null;
        return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
      }
      /**
       * Gets the number of fields in the language.
       */
      get fieldCount() {
        return this.fields.length - 1;
      }
      /**
       * Gets the number of states in the language.
       */
      get stateCount() {
        return C._ts_language_state_count(this[0]);
      }
      /**
       * Get the field id for a field name.
       */
      fieldIdForName(fieldName) {
        const result = this.fields.indexOf(fieldName);
        return result !== -1 ? result : null;
      }
      /**
       * Get the field name for a field id.
       */
      fieldNameForId(fieldId) {
        return this.fields[fieldId] ?? null;
      }
      /**
       * Get the node type id for a node type name.
       */
      idForNodeType(type, named) {
        const typeLength = C.lengthBytesUTF8(type);
        const typeAddress = C._malloc(typeLength + 1);
        C.stringToUTF8(type, typeAddress, typeLength + 1);
        const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
        C._free(typeAddress);
        return result || null;
      }
      /**
       * Gets the number of node types in the language.
       */
      get nodeTypeCount() {
        return C._ts_language_symbol_count(this[0]);
      }
      /**
       * Get the node type name for a node type id.
       */
      nodeTypeForId(typeId) {
        const name2 = C._ts_language_symbol_name(this[0], typeId);
        return name2 ? C.UTF8ToString(name2) : null;
      }
      /**
       * Check if a node type is named.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
       */
      nodeTypeIsNamed(typeId) {
        return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Check if a node type is visible.
       */
      nodeTypeIsVisible(typeId) {
        return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Get the supertypes ids of this language.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
       */
      get supertypes() {
        C._ts_language_supertypes_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the subtype ids for a given supertype node id.
       */
      subtypes(supertype) {
        C._ts_language_subtypes_wasm(this[0], supertype);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the next state id for a given state id and node type id.
       */
      nextState(stateId, typeId) {
        return C._ts_language_next_state(this[0], stateId, typeId);
      }
      /**
       * Create a new lookahead iterator for this language and parse state.
       *
       * This returns `null` if state is invalid for this language.
       *
       * Iterating {@link LookaheadIterator} will yield valid symbols in the given
       * parse state. A newly created iterator is not positioned on a symbol, so
       * {@link LookaheadIterator#currentType} returns `null` until the first
       * iteration step.
       *
       * Lookahead iterators can be useful for generating suggestions and improving
       * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
       * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
       * lookahead iterator created on the previous non-extra leaf node may be
       * appropriate.
       */
      lookaheadIterator(stateId) {
        const address = C._ts_lookahead_iterator_new(this[0], stateId);
        if (address) return new LookaheadIterator(INTERNAL, address, this);
        return null;
      }
      /**
       * Load a language from a WebAssembly module.
       * The module can be provided as a path to a file, a `URL` to a file, or as a
       * buffer.
       */
      static async load(input2) {
        let binary2;
        if (input2 instanceof Uint8Array) {
          binary2 = input2;
        } else if (globalThis.process?.versions.node) {
          const fs22 = await import("fs/promises");
          binary2 = await fs22.readFile(input2);
        } else {
          const response = await fetch(input2);
          if (!response.ok) {
            const body2 = await response.text();
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
          const retryResp = response.clone();
          try {
            binary2 = await WebAssembly.compileStreaming(response);
          } catch (reason) {
            console.error("wasm streaming compile failed:", reason);
            console.error("falling back to ArrayBuffer instantiation");
            binary2 = new Uint8Array(await retryResp.arrayBuffer());
          }
        }
        const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
        return _Language.loadFromWasmExports(mod, { sync: false });
      }
      static loadFromWasmExports(mod, { sync }) {
        const symbolNames = Object.keys(mod);
        const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
        if (!functionName) {
          console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
          throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
        }
        const languageAddress = mod[functionName]();
        return new _Language(INTERNAL, languageAddress);
      }
      /**
       * Load a language synchronously from a pre-compiled WebAssembly module.
       * Use this when the host environment provides a `WebAssembly.Module` directly.
       */
      static loadSync(wasmModule) {
        const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
        return _Language.loadFromWasmExports(mod, { sync: true });
      }
    };
    var import_web_tree_sitter = __toESM(require_web_tree_sitter(), 1);
    var Module2 = null;
    async function initializeBinding(moduleOptions) {
      return Module2 ??= await (0, import_web_tree_sitter.default)(moduleOptions);
    }
    __name(initializeBinding, "initializeBinding");
    function checkModule() {
      return !!Module2;
    }
    __name(checkModule, "checkModule");
    var TRANSFER_BUFFER;
    var LANGUAGE_VERSION;
    var MIN_COMPATIBLE_VERSION;
    var finalizer4 = newFinalizer((addresses) => {
      C._ts_parser_delete(addresses[0]);
      C._free(addresses[1]);
    });
    var Parser = class {
      static {
        __name(this, "Parser");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      [1] = 0;
      // Internal handle for Wasm
      /** @internal */
      logCallback = null;
      /** The parser's current language. */
      language = null;
      /**
       * This must always be called before creating a Parser.
       *
       * You can optionally pass in options to configure the Wasm module, the most common
       * one being `locateFile` to help the module find the `.wasm` file.
       */
      static async init(moduleOptions) {
        setModule(await initializeBinding(moduleOptions));
        TRANSFER_BUFFER = C._ts_init();
        LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
        MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /**
       * Create a new parser.
       */
      constructor() {
        this.initialize();
        finalizer4?.register(this, [this[0], this[1]], this);
      }
      /** @internal */
      initialize() {
        if (!checkModule()) {
          throw new Error("cannot construct a Parser before calling `init()`");
        }
        C._ts_parser_new_wasm();
        this[0] = C.getValue(TRANSFER_BUFFER, "i32");
        this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /** Delete the parser, freeing its resources. */
      delete() {
        finalizer4?.unregister(this);
        C._ts_parser_delete(this[0]);
        C._free(this[1]);
        this[0] = 0;
        this[1] = 0;
      }
      /**
       * Set the language that the parser should use for parsing.
       *
       * If the language was not successfully assigned, an error will be thrown.
       * This happens if the language was generated with an incompatible
       * version of the Tree-sitter CLI. Check the language's version using
       * {@link Language#version} and compare it to this library's
       * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
       */
      setLanguage(language) {
        let address;
        if (!language) {
          address = 0;
          this.language = null;
        } else if (language.constructor === Language) {
          address = language[0];
          const version = C._ts_language_abi_version(address);
          if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
            throw new Error(
              `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
            );
          }
          this.language = language;
        } else {
          throw new Error("Argument must be a Language");
        }
        C._ts_parser_set_language(this[0], address);
        return this;
      }
      /**
       * Parse a slice of UTF8 text.
       *
       * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
       *
       * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
       *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
       *   the new text using {@link Tree#edit}.
       *
       * @param {ParseOptions} [options] - Options for parsing the text.
       *  This can be used to set the included ranges, or a progress callback.
       *
       * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
       *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
       *  - The progress callback returned true.
       */
      parse(callback, oldTree, options) {
        if (typeof callback === "string") {
          C.currentParseCallback = (index) => callback.slice(index);
        } else if (typeof callback === "function") {
          C.currentParseCallback = callback;
        } else {
          throw new Error("Argument must be a string or a function");
        }
        if (options?.progressCallback) {
          C.currentProgressCallback = options.progressCallback;
        } else {
          C.currentProgressCallback = null;
        }
        if (this.logCallback) {
          C.currentLogCallback = this.logCallback;
          C._ts_parser_enable_logger_wasm(this[0], 1);
        } else {
          C.currentLogCallback = null;
          C._ts_parser_enable_logger_wasm(this[0], 0);
        }
        let rangeCount = 0;
        let rangeAddress = 0;
        if (options?.includedRanges) {
          rangeCount = options.includedRanges.length;
          rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
          let address = rangeAddress;
          for (let i2 = 0; i2 < rangeCount; i2++) {
            marshalRange(address, options.includedRanges[i2]);
            address += SIZE_OF_RANGE;
          }
        }
        const treeAddress = C._ts_parser_parse_wasm(
          this[0],
          this[1],
          oldTree ? oldTree[0] : 0,
          rangeAddress,
          rangeCount
        );
        if (!treeAddress) {
          C.currentParseCallback = null;
          C.currentLogCallback = null;
          C.currentProgressCallback = null;
          return null;
        }
        if (!this.language) {
          throw new Error("Parser must have a language to parse");
        }
        const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
        C.currentParseCallback = null;
        C.currentLogCallback = null;
        C.currentProgressCallback = null;
        return result;
      }
      /**
       * Instruct the parser to start the next parse from the beginning.
       *
       * If the parser previously failed because of a callback, 
       * then by default, it will resume where it left off on the
       * next call to {@link Parser#parse} or other parsing functions.
       * If you don't want to resume, and instead intend to use this parser to
       * parse some other document, you must call `reset` first.
       */
      reset() {
        C._ts_parser_reset(this[0]);
      }
      /** Get the ranges of text that the parser will include when parsing. */
      getIncludedRanges() {
        C._ts_parser_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Set the logging callback that a parser should use during parsing. */
      setLogger(callback) {
        if (!callback) {
          this.logCallback = null;
        } else if (typeof callback !== "function") {
          throw new Error("Logger callback must be a function");
        } else {
          this.logCallback = callback;
        }
        return this;
      }
      /** Get the parser's current logger. */
      getLogger() {
        return this.logCallback;
      }
    };
    var PREDICATE_STEP_TYPE_CAPTURE = 1;
    var PREDICATE_STEP_TYPE_STRING = 2;
    var QUERY_WORD_REGEX = /[\w-]+/g;
    var CaptureQuantifier = {
      Zero: 0,
      ZeroOrOne: 1,
      ZeroOrMore: 2,
      One: 3,
      OneOrMore: 4
    };
    var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
    var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
    var QueryErrorKind = {
      Syntax: 1,
      NodeName: 2,
      FieldName: 3,
      CaptureName: 4,
      PatternStructure: 5
    };
    var QueryError = class _QueryError extends Error {
      constructor(kind, info2, index, length) {
        super(_QueryError.formatMessage(kind, info2));
        this.kind = kind;
        this.info = info2;
        this.index = index;
        this.length = length;
        this.name = "QueryError";
      }
      kind;
      info;
      index;
      length;
      static {
        __name(this, "QueryError");
      }
      /** Formats an error message based on the error kind and info */
      static formatMessage(kind, info2) {
        switch (kind) {
          case QueryErrorKind.NodeName:
            return `Bad node name '${info2.word}'`;
          case QueryErrorKind.FieldName:
            return `Bad field name '${info2.word}'`;
          case QueryErrorKind.CaptureName:
            return `Bad capture name @${info2.word}`;
          case QueryErrorKind.PatternStructure:
            return `Bad pattern structure at offset ${info2.suffix}`;
          case QueryErrorKind.Syntax:
            return `Bad syntax at offset ${info2.suffix}`;
        }
      }
    };
    function parseAnyPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
        );
      }
      if (!isCaptureStep(steps[1])) {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
        );
      }
      const isPositive = operator === "eq?" || operator === "any-eq?";
      const matchAll = !operator.startsWith("any-");
      if (isCaptureStep(steps[2])) {
        const captureName1 = steps[1].name;
        const captureName2 = steps[2].name;
        textPredicates[index].push((captures) => {
          const nodes1 = [];
          const nodes2 = [];
          for (const c of captures) {
            if (c.name === captureName1) nodes1.push(c.node);
            if (c.name === captureName2) nodes2.push(c.node);
          }
          const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
            return positive ? n1.text === n2.text : n1.text !== n2.text;
          }, "compare");
          return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
        });
      } else {
        const captureName = steps[1].name;
        const stringValue2 = steps[2].value;
        const matches = /* @__PURE__ */ __name((n2) => n2.text === stringValue2, "matches");
        const doesNotMatch = /* @__PURE__ */ __name((n2) => n2.text !== stringValue2, "doesNotMatch");
        textPredicates[index].push((captures) => {
          const nodes = [];
          for (const c of captures) {
            if (c.name === captureName) nodes.push(c.node);
          }
          const test = isPositive ? matches : doesNotMatch;
          return matchAll ? nodes.every(test) : nodes.some(test);
        });
      }
    }
    __name(parseAnyPredicate, "parseAnyPredicate");
    function parseMatchPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      if (steps[2].type !== "string") {
        throw new Error(
          `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
        );
      }
      const isPositive = operator === "match?" || operator === "any-match?";
      const matchAll = !operator.startsWith("any-");
      const captureName = steps[1].name;
      const regex = new RegExp(steps[2].value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        const test = /* @__PURE__ */ __name((text2, positive) => {
          return positive ? regex.test(text2) : !regex.test(text2);
        }, "test");
        if (nodes.length === 0) return !isPositive;
        return matchAll ? nodes.every((text2) => test(text2, isPositive)) : nodes.some((text2) => test(text2, isPositive));
      });
    }
    __name(parseMatchPredicate, "parseMatchPredicate");
    function parseAnyOfPredicate(steps, index, operator, textPredicates) {
      if (steps.length < 2) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      const isPositive = operator === "any-of?";
      const captureName = steps[1].name;
      const stringSteps = steps.slice(2);
      if (!stringSteps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const values = stringSteps.map((s) => s.value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        if (nodes.length === 0) return !isPositive;
        return nodes.every((text2) => values.includes(text2)) === isPositive;
      });
    }
    __name(parseAnyOfPredicate, "parseAnyOfPredicate");
    function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
        );
      }
      if (!steps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const properties = operator === "is?" ? assertedProperties : refutedProperties;
      if (!properties[index]) properties[index] = {};
      properties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseIsPredicate, "parseIsPredicate");
    function parseSetDirective(steps, index, setProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
      }
      if (!steps.every(isStringStep)) {
        throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
      }
      if (!setProperties[index]) setProperties[index] = {};
      setProperties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseSetDirective, "parseSetDirective");
    function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
      if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
        const name2 = captureNames[stepValueId];
        steps.push({ type: "capture", name: name2 });
      } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
        steps.push({ type: "string", value: stringValues[stepValueId] });
      } else if (steps.length > 0) {
        if (steps[0].type !== "string") {
          throw new Error("Predicates must begin with a literal value");
        }
        const operator = steps[0].value;
        switch (operator) {
          case "any-not-eq?":
          case "not-eq?":
          case "any-eq?":
          case "eq?":
            parseAnyPredicate(steps, index, operator, textPredicates);
            break;
          case "any-not-match?":
          case "not-match?":
          case "any-match?":
          case "match?":
            parseMatchPredicate(steps, index, operator, textPredicates);
            break;
          case "not-any-of?":
          case "any-of?":
            parseAnyOfPredicate(steps, index, operator, textPredicates);
            break;
          case "is?":
          case "is-not?":
            parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
            break;
          case "set!":
            parseSetDirective(steps, index, setProperties);
            break;
          default:
            predicates[index].push({ operator, operands: steps.slice(1) });
        }
        steps.length = 0;
      }
    }
    __name(parsePattern, "parsePattern");
    function indexForByteOffset(source, byteOffset) {
      return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
    }
    __name(indexForByteOffset, "indexForByteOffset");
    var finalizer5 = newFinalizer((address) => {
      C._ts_query_delete(address);
    });
    var Query = class {
      static {
        __name(this, "Query");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      exceededMatchLimit;
      /** @internal */
      textPredicates;
      /** @internal */
      source;
      /** The names of the captures used in the query. */
      captureNames;
      /** The quantifiers of the captures used in the query. */
      captureQuantifiers;
      /**
       * The other user-defined predicates associated with the given index.
       *
       * This includes predicates with operators other than:
       * - `match?`
       * - `eq?` and `not-eq?`
       * - `any-of?` and `not-any-of?`
       * - `is?` and `is-not?`
       * - `set!`
       */
      predicates;
      /** The properties for predicates with the operator `set!`. */
      setProperties;
      /** The properties for predicates with the operator `is?`. */
      assertedProperties;
      /** The properties for predicates with the operator `is-not?`. */
      refutedProperties;
      /** The maximum number of in-progress matches for this cursor. */
      matchLimit;
      /**
       * Create a new query from a string containing one or more S-expression
       * patterns.
       *
       * The query is associated with a particular language, and can only be run
       * on syntax nodes parsed with that language. References to Queries can be
       * shared between multiple threads.
       *
       * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
       */
      constructor(language, source) {
        const sourceLength = C.lengthBytesUTF8(source);
        const sourceAddress = C._malloc(sourceLength + 1);
        C.stringToUTF8(source, sourceAddress, sourceLength + 1);
        const address = C._ts_query_new(
          language[0],
          sourceAddress,
          sourceLength,
          TRANSFER_BUFFER,
          TRANSFER_BUFFER + SIZE_OF_INT
        );
        if (!address) {
          const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
          const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
          const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
          const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
          C._free(sourceAddress);
          switch (errorId) {
            case QueryErrorKind.Syntax:
              throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
            case QueryErrorKind.NodeName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.FieldName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.CaptureName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.PatternStructure:
              throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
          }
        }
        const stringCount = C._ts_query_string_count(address);
        const captureCount = C._ts_query_capture_count(address);
        const patternCount = C._ts_query_pattern_count(address);
        const captureNames = new Array(captureCount);
        const captureQuantifiers = new Array(patternCount);
        const stringValues = new Array(stringCount);
        for (let i2 = 0; i2 < captureCount; i2++) {
          const nameAddress = C._ts_query_capture_name_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
        }
        for (let i2 = 0; i2 < patternCount; i2++) {
          const captureQuantifiersArray = new Array(captureCount);
          for (let j = 0; j < captureCount; j++) {
            const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
            captureQuantifiersArray[j] = quantifier;
          }
          captureQuantifiers[i2] = captureQuantifiersArray;
        }
        for (let i2 = 0; i2 < stringCount; i2++) {
          const valueAddress = C._ts_query_string_value_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
        }
        const setProperties = new Array(patternCount);
        const assertedProperties = new Array(patternCount);
        const refutedProperties = new Array(patternCount);
        const predicates = new Array(patternCount);
        const textPredicates = new Array(patternCount);
        for (let i2 = 0; i2 < patternCount; i2++) {
          const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
          const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
          predicates[i2] = [];
          textPredicates[i2] = [];
          const steps = new Array();
          let stepAddress = predicatesAddress;
          for (let j = 0; j < stepCount; j++) {
            const stepType = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            const stepValueId = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            parsePattern(
              i2,
              stepType,
              stepValueId,
              captureNames,
              stringValues,
              steps,
              textPredicates,
              predicates,
              setProperties,
              assertedProperties,
              refutedProperties
            );
          }
          Object.freeze(textPredicates[i2]);
          Object.freeze(predicates[i2]);
          Object.freeze(setProperties[i2]);
          Object.freeze(assertedProperties[i2]);
          Object.freeze(refutedProperties[i2]);
        }
        C._free(sourceAddress);
        this[0] = address;
        this.captureNames = captureNames;
        this.captureQuantifiers = captureQuantifiers;
        this.textPredicates = textPredicates;
        this.source = source;
        this.predicates = predicates;
        this.setProperties = setProperties;
        this.assertedProperties = assertedProperties;
        this.refutedProperties = refutedProperties;
        this.exceededMatchLimit = false;
        finalizer5?.register(this, address, this);
      }
      /** Delete the query, freeing its resources. */
      delete() {
        finalizer5?.unregister(this);
        C._ts_query_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Iterate over all of the matches in the order that they were found.
       *
       * Each match contains the index of the pattern that matched, and a list of
       * captures. Because multiple patterns can match the same set of nodes,
       * one match may contain captures that appear *before* some of the
       * captures from a previous match.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      matches(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_matches_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array(rawCount);
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        let filteredCount = 0;
        let address = startAddress;
        for (let i2 = 0; i2 < rawCount; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captures = new Array(captureCount);
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            result[filteredCount] = { patternIndex, captures };
            const setProperties = this.setProperties[patternIndex];
            result[filteredCount].setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            result[filteredCount].assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            result[filteredCount].refutedProperties = refutedProperties;
            filteredCount++;
          }
        }
        result.length = filteredCount;
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /**
       * Iterate over all of the individual captures in the order that they
       * appear.
       *
       * This is useful if you don't care about which pattern matched, and just
       * want a single, ordered sequence of captures.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      captures(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_captures_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array();
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        const captures = new Array();
        let address = startAddress;
        for (let i2 = 0; i2 < count; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          captures.length = captureCount;
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            const capture = captures[captureIndex];
            const setProperties = this.setProperties[patternIndex];
            capture.setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            capture.assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            capture.refutedProperties = refutedProperties;
            result.push(capture);
          }
        }
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /** Get the predicates for a given pattern. */
      predicatesForPattern(patternIndex) {
        return this.predicates[patternIndex];
      }
      /**
       * Disable a certain capture within a query.
       *
       * This prevents the capture from being returned in matches, and also
       * avoids any resource usage associated with recording the capture.
       */
      disableCapture(captureName) {
        const captureNameLength = C.lengthBytesUTF8(captureName);
        const captureNameAddress = C._malloc(captureNameLength + 1);
        C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
        C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
        C._free(captureNameAddress);
      }
      /**
       * Disable a certain pattern within a query.
       *
       * This prevents the pattern from matching, and also avoids any resource
       * usage associated with the pattern. This throws an error if the pattern
       * index is out of bounds.
       */
      disablePattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        C._ts_query_disable_pattern(this[0], patternIndex);
      }
      /**
       * Check if, on its last execution, this cursor exceeded its maximum number
       * of in-progress matches.
       */
      didExceedMatchLimit() {
        return this.exceededMatchLimit;
      }
      /** Get the index where the given pattern starts in the query's source. */
      startIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the index where the given pattern ends in the query's source. */
      endIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the number of patterns in the query. */
      patternCount() {
        return C._ts_query_pattern_count(this[0]);
      }
      /** Get the index for a given capture name. */
      captureIndexForName(captureName) {
        return this.captureNames.indexOf(captureName);
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternRooted(patternIndex) {
        return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternNonLocal(patternIndex) {
        return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
      }
      /**
       * Check if the step at the given index in the query's source is 'definite'.
       *
       * A query step is 'definite' if its parent pattern will be guaranteed to
       * match successfully once it reaches the step.
       */
      isPatternGuaranteedAtStep(index) {
        const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
        return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
      }
    };
    module.exports.default = module.exports;
  }
});

// server/src/action/entry.ts
var entry_exports = {};
__export2(entry_exports, {
  actionMain: () => actionMain,
  main: () => main
});
module.exports = __toCommonJS2(entry_exports);

// server/src/cli/parallel.ts
var import_worker_threads = require("worker_threads");
var FRONT = 0;
var BACK = 1;
var STATES = 2;
var STARTING = 0;
var RUNNING = 1;
var CLOSED = 2;
function chunkSize(items, jobs) {
  return Math.max(1, Math.floor(items / (jobs * 8)));
}
var ChunkQueue = class _ChunkQueue {
  constructor(shape) {
    this.shape = shape;
    this.counters = new Int32Array(shape.shared);
    this.chunks = Math.ceil(shape.items / shape.chunk);
  }
  shape;
  counters;
  chunks;
  static create(items, chunk, workers) {
    const chunks = Math.ceil(items / chunk);
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (STATES + workers + chunks));
    return new _ChunkQueue({ shared, items, chunk, workers });
  }
  /** The main thread's next chunk [start, end) of item indices, or undefined when none is left. */
  takeFront() {
    return this.claim(Atomics.add(this.counters, FRONT, 1));
  }
  /** A worker's next chunk, from the back. */
  takeBack() {
    return this.claim(this.chunks - 1 - Atomics.add(this.counters, BACK, 1));
  }
  /**
   * A lost claim means the other end already has this chunk, and so every chunk beyond it:
   * nothing is left for this end.
   */
  claim(chunk) {
    if (chunk < 0 || chunk >= this.chunks) return void 0;
    if (Atomics.compareExchange(this.counters, STATES + this.shape.workers + chunk, 0, 1) !== 0) return void 0;
    const start2 = chunk * this.shape.chunk;
    return [start2, Math.min(this.shape.items, start2 + this.shape.chunk)];
  }
  /** Items handed out so far (for progress; the chunks being claimed count as taken). */
  taken() {
    const handed = Atomics.load(this.counters, FRONT) + Atomics.load(this.counters, BACK);
    return Math.min(this.shape.items, handed * this.shape.chunk);
  }
  /** A worker about to take chunks: false when the main thread has closed the queue to it. */
  enter(worker) {
    return Atomics.compareExchange(this.counters, STATES + worker, STARTING, RUNNING) === STARTING;
  }
  /** Once the main thread found nothing left: true when the worker never entered, which then never will. */
  close(worker) {
    return Atomics.compareExchange(this.counters, STATES + worker, STARTING, CLOSED) === STARTING;
  }
};
var WORKER_MARK = "elb-lens-check-worker";
function waiter() {
  let resolve8 = () => void 0;
  let reject = () => void 0;
  const promise = new Promise((res, rej) => {
    resolve8 = res;
    reject = rej;
  });
  promise.catch(() => void 0);
  return { promise, resolve: resolve8, reject };
}
var CheckWorkers = class {
  scan;
  running;
  constructor(script, count, init2, jobs) {
    this.scan = ChunkQueue.create(init2.workspaceFiles.length, chunkSize(init2.workspaceFiles.length, jobs), count);
    this.running = Array.from({ length: count }, (_, worker) => this.spawn(script, { ...init2, worker, scan: this.scan.shape }));
  }
  get count() {
    return this.running.length;
  }
  spawn(script, init2) {
    const worker = new import_worker_threads.Worker(script, { workerData: { [WORKER_MARK]: true, init: init2 } });
    const running = { worker, scanned: waiter(), started: waiter(), result: waiter(), ending: false };
    const fail = (error) => {
      running.started.resolve();
      if (running.ending) return;
      running.scanned.reject(error);
      running.result.reject(error);
    };
    worker.on("message", (message) => {
      if (message.type === "scanned") running.scanned.resolve(message.parts);
      else if (message.type === "started") running.started.resolve();
      else {
        running.started.resolve();
        running.result.resolve(message.result);
      }
    });
    worker.once("error", fail);
    worker.once("exit", (code) => fail(new Error(`a check worker exited with code ${code} before reporting`)));
    return running;
  }
  /**
   * The parts of the caller index the workers scanned, once the main thread found no chunk
   * left: a worker that never joined the scan is closed out of it and not waited for.
   */
  async scanned() {
    const parts2 = await Promise.all(this.running.map((r, w) => this.scan.close(w) ? [] : r.scanned.promise));
    return parts2.flat();
  }
  /** Hands every worker the groups; each starts taking chunks as soon as it is ready. */
  run(task) {
    for (const { worker } of this.running) worker.postMessage(task);
  }
  /** Settles when every worker has taken its first chunk (tests: so that each takes part). */
  async started() {
    await Promise.all(this.running.map((r) => r.started.promise));
  }
  /**
   * Once the main thread found the analysis queue empty: workers that never entered it are
   * closed and ended (not waited for: still starting, they would only find nothing to do);
   * the others' results are awaited. Index i of the answer is worker i's, empty if closed.
   */
  async finish(queue) {
    return Promise.all(
      this.running.map(async (running, w) => {
        if (!queue.close(w)) return running.result.promise;
        running.ending = true;
        void running.worker.terminate();
        return { groups: [], unparsed: [] };
      })
    );
  }
  /** Ends every worker (no groups for them after all, or the check failed). */
  terminate() {
    for (const running of this.running) {
      running.ending = true;
      void running.worker.terminate();
    }
  }
};
function isCheckWorker() {
  return !import_worker_threads.isMainThread && typeof import_worker_threads.workerData === "object" && import_worker_threads.workerData !== null && import_worker_threads.workerData[WORKER_MARK] === true;
}
function mergeCallers(parts2) {
  const merged = /* @__PURE__ */ new Map();
  for (const part of parts2) {
    for (const [child3, callers] of Object.entries(part.callers)) {
      let set = merged.get(child3);
      if (!set) merged.set(child3, set = /* @__PURE__ */ new Set());
      for (const caller of callers) set.add(caller);
    }
  }
  return Object.fromEntries([...merged].map(([child3, callers]) => [child3, [...callers].sort()]));
}
function runCheckWorker(setup) {
  const { init: init2 } = import_worker_threads.workerData;
  const port = import_worker_threads.parentPort;
  if (!port) return;
  const post = (message) => port.postMessage(message);
  const work = setup(init2).then((thread) => {
    const scan = new ChunkQueue(init2.scan);
    if (scan.enter(init2.worker)) {
      const parts2 = [];
      for (let range = scan.takeBack(); range; range = scan.takeBack()) parts2.push(thread.scan(...range));
      post({ type: "scanned", parts: parts2 });
    }
    return thread;
  });
  port.once("message", (task) => {
    void work.then((thread) => {
      const queue = new ChunkQueue(task.analysis);
      thread.begin(task);
      if (!queue.enter(init2.worker)) return;
      const groups = [];
      let range = queue.takeBack();
      post({ type: "started" });
      while (range) {
        for (let index = range[0]; index < range[1]; index++) groups.push(thread.analyze(index));
        range = queue.takeBack();
      }
      post({ type: "result", result: { groups, unparsed: thread.unparsed() } });
    });
  });
}

// server/src/cli/main.ts
var fs6 = __toESM2(require("fs"));
var import_os = require("os");
var path16 = __toESM2(require("path"));

// server/src/project/configFile.ts
var path = __toESM2(require("path"));

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text2, ignoreTrivia = false) {
  const len = text2.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text2.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start2 = pos;
    if (text2.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text2.length && text2.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text2.substring(start2, pos);
      }
    }
    let end = pos;
    if (pos < text2.length && (text2.charCodeAt(pos) === 69 || text2.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text2.length && text2.charCodeAt(pos) === 43 || text2.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text2.substring(start2, end);
  }
  function scanString() {
    let result = "", start2 = pos;
    while (true) {
      if (pos >= len) {
        result += text2.substring(start2, pos);
        scanError = 2;
        break;
      }
      const ch = text2.charCodeAt(pos);
      if (ch === 34) {
        result += text2.substring(start2, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text2.substring(start2, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text2.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start2 = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text2.substring(start2, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text2.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text2.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text2.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start2 = pos - 1;
        if (text2.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text2.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text2.substring(start2, pos);
          return token = 12;
        }
        if (text2.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text2.charCodeAt(pos);
            if (ch === 42 && text2.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text2.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text2.substring(start2, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text2.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text2.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text2.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text2, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text2) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text2 });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i2 = 0; i2 < count; i2++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i2 = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i2 < content.length) {
    let ch = content.charAt(i2);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i2++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text2) {
  for (let i2 = 0; i2 < text2.length; i2++) {
    const ch = text2.charAt(i2);
    if (ch === "\r") {
      if (i2 + 1 < text2.length && text2.charAt(i2 + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text2, offset) {
  return "\r\n".indexOf(text2.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text2, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name2, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name2, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep7, offset, length) => {
      if (currentParent.type === "property") {
        if (sep7 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep7 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text2, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path18) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path18) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function visit(text2, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text2, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text2, originalPath, value, options) {
  const path18 = originalPath.slice();
  const errors = [];
  const root = parseTree(text2, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path18.length > 0) {
    lastSegment = path18.pop();
    parent = findNodeAtLocation(root, path18);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text2, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text2, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text2, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text2, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text2, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text2, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text2, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text2, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text2, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i2 = edits.length - 1; i2 >= 0; i2--) {
    const edit2 = edits[i2];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text2.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text2, edit) {
  return text2.substring(0, edit.offset) + edit.content + text2.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var getNodeValue2 = getNodeValue;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
function modify(text2, path18, value, options) {
  return setProperty(text2, path18, value, options);
}

// server/src/parse/positions.ts
var LineIndex = class {
  constructor(text2) {
    this.text = text2;
    const starts = [0];
    if (!text2.includes("\r")) {
      for (let i2 = text2.indexOf("\n"); i2 !== -1; i2 = text2.indexOf("\n", i2 + 1)) starts.push(i2 + 1);
    } else {
      for (let i2 = 0; i2 < text2.length; i2++) {
        const ch = text2.charCodeAt(i2);
        if (ch === 10) starts.push(i2 + 1);
        else if (ch === 13) {
          if (text2.charCodeAt(i2 + 1) === 10) i2++;
          starts.push(i2 + 1);
        }
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
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }
  offsetAt(pos) {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start2 = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start2 + Math.max(0, pos.character), end);
  }
  range(startOffset, endOffset) {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
  lineStart(line) {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
  /** Offset of the end of the line, before its line break. */
  lineEnd(line) {
    if (line + 1 < this.lineStarts.length) {
      let end = this.lineStarts[line + 1] - 1;
      if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }
  lineText(line) {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
  /** The line break this file uses (first one seen), for inserted lines. */
  get eol() {
    const i2 = this.text.indexOf("\n");
    return i2 > 0 && this.text.charCodeAt(i2 - 1) === 13 ? "\r\n" : "\n";
  }
};

// server/src/parse/json.ts
function parseJsonDocument(text2) {
  const { root, errors } = parseJsonTree(text2);
  const lines = new LineIndex(text2);
  return { root, errors, lines, comments: collectJsonComments(text2, lines) };
}
var MAX_JSON_DEPTH = 256;
function parseJsonTree(text2) {
  const tooDeepAt = nestingPastLimit(text2, MAX_JSON_DEPTH);
  if (tooDeepAt >= 0)
    return { root: void 0, errors: [{ error: ParseErrorCode.InvalidSymbol, offset: tooDeepAt, length: 1 }], tooDeepAt };
  const errors = [];
  const root = parseTree2(text2, errors, { allowTrailingComma: true, disallowComments: false });
  return { root, errors };
}
function nestingPastLimit(text2, limit) {
  let depth = 0;
  for (let i2 = 0; i2 < text2.length; i2++) {
    const c = text2.charCodeAt(i2);
    if (c === 34) {
      for (i2++; i2 < text2.length && text2.charCodeAt(i2) !== 34; i2++) if (text2.charCodeAt(i2) === 92) i2++;
    } else if (c === 47 && text2.charCodeAt(i2 + 1) === 47) {
      while (i2 < text2.length && text2.charCodeAt(i2) !== 10 && text2.charCodeAt(i2) !== 13) i2++;
    } else if (c === 47 && text2.charCodeAt(i2 + 1) === 42) {
      const end = text2.indexOf("*/", i2 + 2);
      i2 = end < 0 ? text2.length : end + 1;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i2;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
function collectJsonComments(text2, lines) {
  const comments = [];
  const scanner = createScanner2(text2, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      const start2 = scanner.getTokenOffset();
      const end = start2 + scanner.getTokenLength();
      comments.push({ text: text2.slice(start2, end), range: lines.range(start2, end) });
    }
  }
  return comments;
}
function nodeRange(lines, node) {
  return lines.range(node.offset, node.offset + node.length);
}
function jsonValueExpr(lines, node, depth = 0) {
  const range = nodeRange(lines, node);
  if (depth > 64) return { kind: "opaque", text: "", range };
  switch (node.type) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return { kind: "literal", value: node.value, range };
    case "array":
      return { kind: "tuple", items: (node.children ?? []).map((c) => jsonValueExpr(lines, c, depth + 1)), range };
    case "object":
      return {
        kind: "object",
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          if (!key || !value) return [];
          return [
            {
              key: { kind: "literal", value: String(key.value), range: nodeRange(lines, key) },
              value: jsonValueExpr(lines, value, depth + 1)
            }
          ];
        }),
        range
      };
    default:
      return { kind: "opaque", text: "", range };
  }
}
var NESTED_BLOCKS = /* @__PURE__ */ new Set(["insert_headers", "ip_list", "ip_group", "network", "ipgroup", "content"]);
var RESOURCE_NESTED_BLOCKS = {
  kubernetes_service: /* @__PURE__ */ new Set(["metadata", "spec", "port"]),
  kubernetes_service_v1: /* @__PURE__ */ new Set(["metadata", "spec", "port"])
};
var MAX_BLOCK_DEPTH = 64;
function tfJsonToConfigFile(filePath, text2, parseTemplate) {
  const doc = parseJsonDocument(text2);
  const { lines } = doc;
  const blocks = [];
  const syntaxErrors = doc.errors.map((e) => lines.range(e.offset, e.offset + e.length));
  const root = doc.root;
  const expr = (node, depth) => {
    const range = nodeRange(lines, node);
    if (depth > 100) return { kind: "opaque", text: "", range };
    switch (node.type) {
      case "string": {
        const value = node.value;
        if (!value.includes("${") && !value.includes("%{")) return { kind: "literal", value, range };
        const parsed2 = parseTemplate(value);
        return parsed2 ? withRange(parsed2, range) : { kind: "opaque", text: value, range };
      }
      case "number":
      case "boolean":
      case "null":
        return { kind: "literal", value: node.value, range };
      case "array":
        return { kind: "tuple", items: (node.children ?? []).map((c) => expr(c, depth + 1)), range };
      case "object":
        return {
          kind: "object",
          entries: (node.children ?? []).flatMap((prop) => {
            const [key, value] = prop.children ?? [];
            return key && value ? [{ key: expr(key, depth + 1), value: expr(value, depth + 1) }] : [];
          }),
          range
        };
      default:
        return { kind: "opaque", text: "", range };
    }
  };
  const bodyBlock = (type, labelNodes, body2, jsonPath, depth = 0, extraBlocks) => {
    const attributes = /* @__PURE__ */ new Map();
    const nested = [];
    for (const prop of body2.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name2 = key.value;
      if (name2 === "dynamic" && value.type === "object" && depth < MAX_BLOCK_DEPTH) {
        for (const dynamicProp of value.children ?? []) {
          const [label, dynamicBody] = dynamicProp.children ?? [];
          if (label && dynamicBody?.type === "object") {
            nested.push(bodyBlock("dynamic", [label], dynamicBody, [...jsonPath, name2, label.value], depth + 1, extraBlocks));
          }
        }
        continue;
      }
      if ((NESTED_BLOCKS.has(name2) || extraBlocks?.has(name2)) && (value.type === "object" || value.type === "array")) {
        const items = value.type === "array" ? value.children ?? [] : [value];
        items.forEach((item, index) => {
          if (item.type === "object" && depth < MAX_BLOCK_DEPTH) {
            const path18 = value.type === "array" ? [...jsonPath, name2, index] : [...jsonPath, name2];
            nested.push(bodyBlock(name2, [key], item, path18, depth + 1, extraBlocks));
          }
        });
        continue;
      }
      if (!attributes.has(name2)) {
        attributes.set(name2, {
          name: name2,
          expr: expr(value, 0),
          nameRange: nodeRange(lines, key),
          valueRange: nodeRange(lines, value),
          range: lines.range(key.offset, value.offset + value.length)
        });
      }
    }
    const labelRanges = labelNodes.map((n2) => nodeRange(lines, n2));
    const header = labelRanges[labelRanges.length - 1] ?? nodeRange(lines, body2);
    const end = body2.offset + body2.length;
    const closed = text2.charCodeAt(end - 1) === 125;
    const hasErrors = !closed || doc.errors.some((e) => e.offset >= body2.offset && e.offset < end);
    return {
      type,
      labels: labelNodes.map((n2) => String(n2.value)),
      labelRanges,
      range: nodeRange(lines, body2),
      headerRange: header,
      attributes,
      blocks: nested,
      bodyStart: lines.positionAt(body2.offset + 1),
      close: closed ? lines.positionAt(end - 1) : void 0,
      hasErrors,
      jsonPath
    };
  };
  const objectsOf = (node, path18) => {
    if (node.type === "object") return [{ node, path: path18 }];
    if (node.type === "array") {
      return (node.children ?? []).flatMap((child3, i2) => child3.type === "object" ? [{ node: child3, path: [...path18, i2] }] : []);
    }
    return [];
  };
  if (root?.type === "object") {
    for (const top of root.children ?? []) {
      const [topKey, topValue] = top.children ?? [];
      if (!topKey || !topValue) continue;
      const blockType = topKey.value;
      for (const level1 of objectsOf(topValue, [blockType])) {
        if (blockType === "locals") {
          blocks.push(bodyBlock("locals", [], level1.node, level1.path));
          continue;
        }
        const twoLabels = blockType === "resource" || blockType === "data";
        for (const prop of level1.node.children ?? []) {
          const [k1, v1] = prop.children ?? [];
          if (!k1 || !v1) continue;
          if (!twoLabels) {
            for (const body2 of objectsOf(v1, [...level1.path, k1.value])) {
              blocks.push(bodyBlock(blockType, [k1], body2.node, body2.path));
            }
            continue;
          }
          for (const level2 of objectsOf(v1, [...level1.path, k1.value])) {
            for (const prop2 of level2.node.children ?? []) {
              const [k2, v2] = prop2.children ?? [];
              if (!k2 || !v2) continue;
              for (const body2 of objectsOf(v2, [...level2.path, k2.value])) {
                const resourceType = String(k1.value);
                const extra = blockType === "resource" && Object.prototype.hasOwnProperty.call(RESOURCE_NESTED_BLOCKS, resourceType) ? RESOURCE_NESTED_BLOCKS[resourceType] : void 0;
                blocks.push(bodyBlock(blockType, [k1, k2], body2.node, body2.path, 0, extra));
              }
            }
          }
        }
      }
    }
  }
  return { path: filePath, format: "tfjson", text: text2, lines, blocks, attributes: /* @__PURE__ */ new Map(), comments: doc.comments, syntaxErrors };
}
function withRange(expr, range) {
  switch (expr.kind) {
    case "template":
      return { ...expr, parts: expr.parts.map((p) => withRange(p, range)), range };
    case "conditional":
      return {
        ...expr,
        condition: withRange(expr.condition, range),
        whenTrue: withRange(expr.whenTrue, range),
        whenFalse: withRange(expr.whenFalse, range),
        range
      };
    case "call":
      return { ...expr, args: expr.args.map((a) => withRange(a, range)), range };
    case "tuple":
      return { ...expr, items: expr.items.map((i2) => withRange(i2, range)), range };
    case "object":
      return { ...expr, entries: expr.entries.map((e) => ({ key: withRange(e.key, range), value: withRange(e.value, range) })), range };
    case "unary":
      return { ...expr, operand: withRange(expr.operand, range), range };
    case "binary":
      return { ...expr, left: withRange(expr.left, range), right: withRange(expr.right, range), range };
    case "parens":
      return { ...expr, inner: withRange(expr.inner, range), range };
    case "traversal":
      return {
        ...expr,
        steps: expr.steps.map((s) => s.kind === "index" ? { kind: "index", key: withRange(s.key, range) } : s),
        range
      };
    default:
      return { ...expr, range };
  }
}

// server/src/parse/config.ts
function exprText(file, expr) {
  const start2 = file.lines.offsetAt(expr.range.start);
  const end = file.lines.offsetAt(expr.range.end);
  return file.text.slice(start2, end);
}

// server/src/fixes/jsonEdits.ts
function jsonPropertyEdits(text2, path18, value, eol) {
  const root = parsed(text2);
  const key = path18[path18.length - 1];
  const parent = root && path18.length > 0 ? findNodeAtLocation2(root, path18.slice(0, -1)) : void 0;
  if (!parent || parent.type !== "object" || typeof key !== "string") return formatted(text2, path18, value, eol);
  const properties = (parent.children ?? []).filter((p) => p.children?.[0]);
  const index = properties.findIndex((p) => p.children[0].value === key);
  const lines = new Lines(text2);
  if (value === void 0) {
    if (index < 0) return [];
    const property = properties[index];
    const inside = text2.slice(parent.offset + 1, property.offset) + text2.slice(property.offset + property.length, parent.offset + parent.length - 1);
    if (properties.length === 1 && /^[\s,]*$/.test(inside)) return [{ offset: parent.offset + 1, length: parent.length - 2, content: "" }];
    return removeOwnLines(text2, lines, properties, index) ?? modify(text2, path18, void 0, {});
  }
  if (index >= 0) {
    const valueNode = properties[index].children?.[1];
    if (!valueNode) return formatted(text2, path18, value, eol);
    const indent2 = lines.indentOf(properties[index].offset);
    return [
      {
        offset: valueNode.offset,
        length: valueNode.length,
        content: serialize(value, indent2, indentUnit(text2, lines, parent, indent2), eol)
      }
    ];
  }
  const last = properties[properties.length - 1];
  if (!last || !ownsLines(text2, lines, last)) return formatted(text2, path18, value, eol);
  const indent = lines.indentOf(last.offset);
  const [lastKey, lastValue] = last.children;
  const separator = lastValue ? text2.slice(lastKey.offset + lastKey.length, lastValue.offset) : ": ";
  const lastEnd = last.offset + last.length;
  const needsComma = tokenAfter(text2, lastEnd) !== SyntaxKind.CommaToken;
  const at = lines.lineEnd(lastEnd);
  const valueText2 = serialize(value, indent, indentUnit(text2, lines, parent, indent), eol);
  const line = `${eol}${indent}${JSON.stringify(key)}${separator.includes(":") ? separator : ": "}${valueText2}`;
  if (needsComma && at === lastEnd) return [{ offset: at, length: 0, content: `,${line}` }];
  return [...needsComma ? [{ offset: lastEnd, length: 0, content: "," }] : [], { offset: at, length: 0, content: line }];
}
var recent = [];
function parsed(text2) {
  const hit = recent.find((r) => r.text === text2);
  if (hit) return hit.root;
  const { root } = parseJsonTree(text2);
  recent.unshift({ text: text2, root });
  if (recent.length > 4) recent.pop();
  return root;
}
function removeOwnLines(text2, lines, properties, index) {
  const property = properties[index];
  if (!ownsLines(text2, lines, property)) return void 0;
  const start2 = lines.lineStart(property.offset);
  const lineEnd = lines.lineEnd(property.offset + property.length);
  const end = lineEnd < text2.length ? lineEnd + (text2[lineEnd] === "\r" && text2[lineEnd + 1] === "\n" ? 2 : 1) : lineEnd;
  const edits = [{ offset: start2, length: end - start2, content: "" }];
  if (index === properties.length - 1 && index > 0) {
    const previous = properties[index - 1];
    const comma = commaAfter(text2, previous.offset + previous.length, start2);
    if (comma !== void 0) edits.unshift({ offset: comma, length: 1, content: "" });
  }
  return edits;
}
function ownsLines(text2, lines, property) {
  const before = text2.slice(lines.lineStart(property.offset), property.offset);
  const endOffset = property.offset + property.length;
  const after = text2.slice(endOffset, lines.lineEnd(endOffset));
  return before.trim() === "" && /^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(after);
}
function tokenAfter(text2, offset) {
  const scanner = createScanner2(text2.slice(offset), true);
  return scanner.scan();
}
function commaAfter(text2, from, before) {
  const scanner = createScanner2(text2.slice(from, before), true);
  const token = scanner.scan();
  return token === SyntaxKind.CommaToken ? from + scanner.getTokenOffset() : void 0;
}
function indentUnit(text2, lines, object, propertyIndent) {
  const objectIndent = lines.indentOf(object.offset);
  if (propertyIndent.startsWith(objectIndent) && propertyIndent.length > objectIndent.length)
    return propertyIndent.slice(objectIndent.length);
  return propertyIndent.startsWith("	") ? "	" : "  ";
}
function serialize(value, indent, unit, eol) {
  const textValue = JSON.stringify(value, null, unit) ?? "null";
  return textValue.split("\n").join(eol + indent);
}
function formatted(text2, path18, value, eol) {
  const indentMatch = /\n([ \t]+)\S/.exec(text2);
  const indent = indentMatch?.[1] ?? "  ";
  return modify(text2, path18, value, {
    formattingOptions: {
      insertSpaces: !indent.startsWith("	"),
      tabSize: indent.startsWith("	") ? 1 : indent.length,
      eol,
      insertFinalNewline: false
    }
  });
}
var Lines = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  lineStart(offset) {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }
  /** Offset of the line break (`\r\n` or `\n`) ending the line of `offset`, or the text's end. */
  lineEnd(offset) {
    const newline = this.text.indexOf("\n", offset);
    if (newline < 0) return this.text.length;
    return newline > 0 && this.text[newline - 1] === "\r" ? newline - 1 : newline;
  }
  indentOf(offset) {
    const start2 = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start2, offset))?.[0] ?? "";
  }
};

// server/src/parse/yaml.ts
var import_yaml = __toESM2(require_dist());
function parseYaml(text2) {
  const lines = new LineIndex(text2);
  let parsed2 = [];
  const errors = [];
  try {
    const stream = (0, import_yaml.parseAllDocuments)(text2, { version: "1.1", uniqueKeys: false, strict: false, prettyErrors: false });
    parsed2 = Array.isArray(stream) ? stream : [];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    errors.push({ start: 0, end: text2.length });
  }
  const documents = parsed2.map((doc) => {
    const [start2, , end] = doc.range;
    const docErrors = doc.errors.map((e) => ({ start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) }));
    errors.push(...docErrors);
    return { doc, start: start2, end, hasErrors: docErrors.length > 0, resolve: aliasResolver(doc) };
  });
  return { text: text2, lines, documents, comments: collectComments(text2, lines), errors };
}
function collectComments(text2, lines) {
  const comments = [];
  let offset = 0;
  try {
    for (const token of new import_yaml.Lexer().lex(text2)) {
      if (token === "" || token === "" || token === "") continue;
      if (token.startsWith("#")) comments.push({ text: token, range: lines.range(offset, offset + token.length) });
      offset += token.length;
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return comments;
}
function aliasResolver(doc) {
  let anchors;
  return (node) => {
    if (!(0, import_yaml.isAlias)(node)) return node;
    if (!anchors) {
      const found = /* @__PURE__ */ new Map();
      try {
        (0, import_yaml.visit)(doc, (_key, visited) => {
          const n2 = visited;
          if (n2 && typeof n2 === "object" && "anchor" in n2 && typeof n2.anchor === "string" && n2.range) {
            const list = found.get(n2.anchor) ?? [];
            list.push({ offset: n2.range[0], node: n2 });
            found.set(n2.anchor, list);
          }
        });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
      anchors = found;
    }
    const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    const candidates = (anchors.get(node.source) ?? []).filter((c) => c.offset < at);
    return candidates[candidates.length - 1]?.node;
  };
}
function yamlRange(lines, node) {
  const [start2, valueEnd] = node.range ?? [0, 0];
  return lines.range(start2, valueEnd);
}
function scalarValue(doc, node) {
  const resolved = doc.resolve(node);
  if (resolved === null) return null;
  if (!(0, import_yaml.isScalar)(resolved)) return void 0;
  const value = resolved.value;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(resolved.source ?? value);
  if (typeof value === "bigint") return Number(value);
  return void 0;
}
function scalarString(doc, node) {
  const value = scalarValue(doc, node);
  return typeof value === "string" ? value : void 0;
}
function mapEntries(doc, node, limit = 1e4, seen = /* @__PURE__ */ new Set()) {
  const entries = /* @__PURE__ */ new Map();
  const map = doc.resolve(node);
  if (!(0, import_yaml.isMap)(map) || seen.has(map) || seen.size > 32) return entries;
  seen.add(map);
  const merges = [];
  for (const pair of map.items.slice(0, limit)) {
    const keyNode = pair.key;
    const rawKey = (0, import_yaml.isScalar)(keyNode) ? keyNode.value : void 0;
    if (typeof rawKey === "symbol" || rawKey === "<<") {
      const value = pair.value;
      if ((0, import_yaml.isSeq)(doc.resolve(value))) merges.push(...doc.resolve(value).items ?? []);
      else if (value) merges.push(value);
      continue;
    }
    if (rawKey === void 0 || rawKey === null || typeof rawKey === "object") continue;
    const key = String(rawKey);
    const existing = entries.get(key);
    if (existing && !existing.merged) {
      existing.duplicate = true;
      continue;
    }
    entries.set(key, { key, pair, value: doc.resolve(pair.value), merged: false, duplicate: false });
  }
  for (const source of merges.slice(0, 100)) {
    const merged = doc.resolve(source);
    if (!(0, import_yaml.isMap)(merged) || seen.has(merged)) continue;
    for (const [key, entry] of mapEntries(doc, merged, limit, seen)) {
      if (!entries.has(key)) entries.set(key, { ...entry, merged: true });
    }
  }
  return entries;
}
function seqItems(doc, node, limit = 1e4) {
  const seq = doc.resolve(node);
  if (!(0, import_yaml.isSeq)(seq)) return [];
  return seq.items.slice(0, limit).map((item) => doc.resolve(item)).filter((item) => !!item);
}
function entryAttribute(doc, lines, text2, entry) {
  const keyNode = entry.pair.key;
  const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
  const valueNode = entry.pair.value;
  let valueStart;
  let valueEnd;
  if (valueNode?.range) {
    [valueStart, valueEnd] = valueNode.range;
  } else {
    const colon = text2.indexOf(":", keyEnd);
    valueStart = valueEnd = colon >= 0 && colon - keyEnd < 1024 ? colon + 1 : keyEnd;
  }
  const valueRange = lines.range(valueStart, valueEnd);
  const value = entry.duplicate ? void 0 : scalarValue(doc, valueNode);
  const expr = value === void 0 ? { kind: "opaque", text: entry.duplicate ? "a key written twice" : "", range: valueRange } : { kind: "literal", value, range: valueRange };
  return {
    name: entry.key,
    expr,
    nameRange: lines.range(keyStart, keyEnd),
    valueRange,
    range: lines.range(keyStart, Math.max(keyEnd, valueEnd))
  };
}
var mappingInfos = /* @__PURE__ */ new WeakMap();
function yamlMappingInfo(block) {
  return mappingInfos.get(block);
}
function setYamlMappingInfo(block, doc, text2, node) {
  const map = doc.resolve(node);
  if (!(0, import_yaml.isMap)(map) || !map.range) return;
  const [start2, end] = map.range;
  const items = map.items;
  const last = items[items.length - 1];
  const lastValue = last?.value;
  const lastKey = last?.key;
  const lastEntryEnd = lastValue?.range?.[1] ?? lastKey?.range?.[1];
  const firstKey = items[0]?.key;
  let entryIndent = "";
  if (firstKey?.range) {
    const keyStart = firstKey.range[0];
    const lineStart = text2.lastIndexOf("\n", keyStart - 1) + 1;
    entryIndent = text2.slice(lineStart, keyStart).replace(/[^\t]/g, " ");
  }
  mappingInfos.set(block, { flow: map.flow === true, start: start2, end, lastEntryEnd, entryIndent });
}

// server/src/fixes/yamlEdits.ts
var RESERVED = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
function plainSafe(value) {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !RESERVED.test(value) && !/^[-+]?(\d|\.\d)/.test(value) && !/^0[xob]/i.test(value);
}
function quoted(value, quote) {
  return quote === "'" && !/[\n\r\t\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}
function parseValueText(text2) {
  try {
    const parsed2 = JSON.parse(text2);
    if (parsed2 === null || ["string", "number", "boolean"].includes(typeof parsed2)) return parsed2;
  } catch {
  }
  return text2;
}
function quoteOf(text2) {
  return text2.startsWith("'") ? "'" : text2.startsWith('"') ? '"' : void 0;
}
var blockQuotes = /* @__PURE__ */ new WeakMap();
var fileQuotes = /* @__PURE__ */ new WeakMap();
var owners = /* @__PURE__ */ new WeakMap();
function quoteStyle(file, block) {
  if (block) {
    let quote2 = blockQuotes.get(block);
    if (quote2 === void 0) {
      quote2 = null;
      for (const attribute of block.attributes.values()) {
        quote2 = quoteOf(valueText(file, attribute)) ?? null;
        if (quote2) break;
      }
      blockQuotes.set(block, quote2);
    }
    if (quote2) return quote2;
  }
  let quote = fileQuotes.get(file);
  if (!quote) {
    const single = (file.text.match(/:[ \t]+'/g) ?? []).length;
    const double = (file.text.match(/:[ \t]+"/g) ?? []).length;
    quote = double > single ? '"' : "'";
    fileQuotes.set(file, quote);
  }
  return quote;
}
function valueText(file, attribute) {
  return file.text.slice(file.lines.offsetAt(attribute.valueRange.start), file.lines.offsetAt(attribute.valueRange.end));
}
function render(value, quote, fallback) {
  if (typeof value !== "string") return value === null ? "null" : String(value);
  if (quote) return quoted(value, quote);
  return plainSafe(value) ? value : quoted(value, fallback);
}
function renderKey(name2) {
  return plainSafe(name2) || /^[A-Za-z0-9_./-]+$/.test(name2) ? name2 : JSON.stringify(name2);
}
function ownerOf(file, attribute) {
  let index = owners.get(file);
  if (!index) {
    const built = /* @__PURE__ */ new Map();
    const visit3 = (blocks) => {
      for (const block of blocks) {
        if (yamlMappingInfo(block)) {
          for (const a of block.attributes.values()) if (!built.has(a)) built.set(a, block);
        }
        visit3(block.blocks);
      }
    };
    visit3(file.blocks);
    owners.set(file, index = built);
  }
  return index.get(attribute);
}
function yamlReplaceValue(file, attribute, newText) {
  const value = parseValueText(newText);
  const current = valueText(file, attribute);
  const { lines } = file;
  const start2 = lines.offsetAt(attribute.valueRange.start);
  const end = lines.offsetAt(attribute.valueRange.end);
  const rendered = render(value, quoteOf(current), quoteStyle(file, ownerOf(file, attribute)));
  const text2 = start2 === end ? ` ${rendered}` : rendered;
  return [{ file: file.path, range: lines.range(start2, end), newText: text2 }];
}
function yamlRenameKey(file, attribute, newName) {
  const { lines } = file;
  const current = file.text.slice(lines.offsetAt(attribute.nameRange.start), lines.offsetAt(attribute.nameRange.end));
  const quote = quoteOf(current);
  return [{ file: file.path, range: attribute.nameRange, newText: quote ? quoted(newName, quote) : renderKey(newName) }];
}
function yamlRemoveEntry(file, block, attribute) {
  const { lines, text: text2 } = file;
  const info2 = yamlMappingInfo(ownerOf(file, attribute) ?? block);
  const start2 = lines.offsetAt(attribute.range.start);
  const end = lines.offsetAt(attribute.range.end);
  if (info2?.flow) {
    const after = /^\s*,[ \t]*/.exec(text2.slice(end));
    if (after) return [{ file: file.path, range: lines.range(start2, end + after[0].length), newText: "" }];
    const before = /,\s*$/.exec(text2.slice(Math.max(0, start2 - 256), start2));
    const from2 = before ? start2 - before[0].length : start2;
    return [{ file: file.path, range: lines.range(from2, end), newText: "" }];
  }
  const firstLine = attribute.range.start.line;
  const lineStart = lines.lineStart(firstLine);
  if (text2.slice(lineStart, start2).trim() !== "") {
    return [{ file: file.path, range: lines.range(start2, end), newText: "" }];
  }
  const lastLine = lines.positionAt(end > start2 && text2[end - 1] === "\n" ? end - 1 : end).line;
  const to = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.lineEnd(lastLine);
  const from = lastLine + 1 < lines.lineCount || firstLine === 0 ? lineStart : lines.lineEnd(firstLine - 1);
  return [{ file: file.path, range: lines.range(from, to), newText: "" }];
}
function yamlAddEntry(file, block, name2, jsonValue) {
  const info2 = yamlMappingInfo(block);
  if (!info2) return [];
  const { lines, text: text2 } = file;
  const value = jsonValue === null || ["string", "number", "boolean"].includes(typeof jsonValue) ? jsonValue : JSON.stringify(jsonValue);
  const entry = `${renderKey(name2)}: ${render(value, void 0, quoteStyle(file, block))}`;
  if (info2.flow) {
    if (info2.lastEntryEnd !== void 0) {
      return [{ file: file.path, range: lines.range(info2.lastEntryEnd, info2.lastEntryEnd), newText: `, ${entry}` }];
    }
    const close = text2.lastIndexOf("}", info2.end);
    if (close < info2.start) return [];
    const inner = text2.slice(info2.start + 1, close);
    return [
      { file: file.path, range: lines.range(info2.start + 1, close), newText: inner.trim() === "" ? ` ${entry} ` : `${inner}${entry}` }
    ];
  }
  const lastLine = lines.positionAt(info2.end > info2.start && text2[info2.end - 1] === "\n" ? info2.end - 1 : info2.end).line;
  const at = lines.lineEnd(lastLine);
  return [{ file: file.path, range: lines.range(at, at), newText: `${lines.eol}${info2.entryIndent}${entry}` }];
}

// server/src/fixes/edits.ts
function replaceValue(file, attribute, newText) {
  if (attribute.derived) return [];
  if (file.format === "yaml") return yamlReplaceValue(file, attribute, newText);
  return [{ file: file.path, range: attribute.valueRange, newText }];
}
function renameAttribute(file, attribute, newName, block) {
  if (attribute.derived) return [];
  if (file.format === "yaml") return yamlRenameKey(file, attribute, newName);
  const quoted2 = file.text[file.lines.offsetAt(attribute.nameRange.start)] === '"';
  const newText = quoted2 || !isIdentifier(newName) ? JSON.stringify(newName) : newName;
  const edit = { file: file.path, range: attribute.nameRange, newText };
  if (!block || block.jsonPath || file.format !== "hcl") return [edit];
  const run2 = alignmentRuns(file, block, sortedAttributes(block)).find((r) => r.includes(attribute));
  if (!run2 || run2.length < 2) return [edit];
  const width2 = Math.max(newText.length, ...run2.filter((a) => a !== attribute).map((a) => keyWidth(file, a)));
  const others = realign(
    file,
    run2.filter((a) => a !== attribute),
    width2
  );
  const nameEnd = file.lines.offsetAt(attribute.nameRange.end);
  const equals = file.text.indexOf("=", nameEnd);
  const padding = equals >= 0 && equals <= file.lines.offsetAt(attribute.range.end) ? [{ file: file.path, range: file.lines.range(nameEnd, equals), newText: " ".repeat(width2 - newText.length + 1) }] : [];
  return [edit, ...padding, ...others];
}
function isIdentifier(name2) {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name2);
}
function keyWidth(file, attribute) {
  const { start: start2, end } = attribute.nameRange;
  return start2.line === end.line ? end.character - start2.character : attribute.name.length;
}
function removeAttribute(file, block, attribute) {
  if (attribute.derived) return [];
  if (file.format === "yaml") return yamlRemoveEntry(file, block, attribute);
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, attribute.name], void 0);
  const { lines } = file;
  const startLine = attribute.range.start.line;
  const endLine = attribute.range.end.line;
  const before = file.text.slice(lines.lineStart(startLine), lines.offsetAt(attribute.range.start));
  const after = file.text.slice(lines.offsetAt(attribute.range.end), lines.lineEnd(endLine));
  const ownsLines2 = before.trim() === "" && (after.trim() === "" || /^\s*,?\s*(#|\/\/|$)/.test(after));
  if (!ownsLines2) {
    const close = block.close;
    const isOneLineBlock = block.range.start.line === block.range.end.line;
    if (close !== void 0 && isOneLineBlock && block.attributes.size === 1 && block.blocks.length === 0) {
      return [{ file: file.path, range: { start: block.bodyStart, end: close }, newText: "" }];
    }
    return [{ file: file.path, range: attribute.range, newText: "" }];
  }
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
  const edits = [{ file: file.path, range: lines.range(lines.lineStart(startLine), end), newText: "" }];
  const removedLines = endLine - startLine + 1;
  const sorted = sortedAttributes(block);
  const index = sorted.indexOf(attribute);
  const neighbours = [sorted[index - 1], sorted[index + 1]].filter((a) => a !== void 0);
  const remaining2 = sorted.filter((a) => a !== attribute);
  edits.push(...realignRuns(file, block, remaining2, neighbours, (line) => line > endLine ? line - removedLines : line));
  return edits;
}
function insertLineBefore(file, line, text2) {
  const at = file.lines.lineStart(line);
  const edits = [{ file: file.path, range: file.lines.range(at, at), newText: `${text2}${file.lines.eol}` }];
  const block = blockAroundLine(file.blocks, line);
  if (!block || block.jsonPath || file.format === "yaml") return edits;
  const sorted = sortedAttributes(block);
  const neighbours = sorted.filter((a) => a.range.end.line === line - 1 || a.range.start.line === line);
  return [...edits, ...realignRuns(file, block, sorted, neighbours, (l) => l >= line ? l + 1 : l)];
}
function removeLines(file, firstLine, lastLine) {
  const { lines } = file;
  const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.lineEnd(lastLine);
  const edits = [{ file: file.path, range: lines.range(lines.lineStart(firstLine), end), newText: "" }];
  const block = blockAroundLine(file.blocks, firstLine);
  if (!block || block.jsonPath || file.format === "yaml") return edits;
  const sorted = sortedAttributes(block);
  const neighbours = sorted.filter((a) => a.range.end.line === firstLine - 1 || a.range.start.line === lastLine + 1);
  const removed = lastLine - firstLine + 1;
  return [...edits, ...realignRuns(file, block, sorted, neighbours, (l) => l > lastLine ? l - removed : l)];
}
function blockAroundLine(blocks, line) {
  for (const block of blocks) {
    if (block.range.start.line < line && line <= block.range.end.line) return blockAroundLine(block.blocks, line) ?? block;
  }
  return void 0;
}
function realignRuns(file, block, attributes, neighbours, lineOf) {
  const edits = [];
  for (const run2 of alignmentRuns(file, block, attributes, lineOf)) {
    if (run2.some((a) => neighbours.includes(a))) edits.push(...realign(file, run2, groupWidth(file, run2)));
  }
  return edits;
}
function removeBlock(file, block) {
  if (block.jsonPath) return jsonEdits(file, block.jsonPath, void 0);
  return removeLines(file, block.range.start.line, block.range.end.line);
}
function addAttribute(file, block, name2, valueText2, jsonValue) {
  if (block.derived) return [];
  if (file.format === "yaml") return yamlAddEntry(file, block, name2, jsonValue);
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, name2], jsonValue);
  if (!isIdentifier(name2)) name2 = JSON.stringify(name2);
  const { lines } = file;
  const eol = lines.eol;
  const attributes = sortedAttributes(block);
  const last = attributes[attributes.length - 1];
  const blockIndent = indentOf(lines.lineText(block.range.start.line));
  const close = block.close;
  if (close !== void 0 && block.range.start.line === block.range.end.line) {
    const indent2 = blockIndent + "  ";
    const entries = attributes.map((a) => [
      file.text.slice(lines.offsetAt(a.nameRange.start), lines.offsetAt(a.nameRange.end)),
      file.text.slice(lines.offsetAt(a.valueRange.start), lines.offsetAt(a.valueRange.end))
    ]);
    entries.push([name2, valueText2]);
    const width3 = Math.max(...entries.map(([key]) => key.length));
    const body2 = entries.map(([key, value]) => `${eol}${indent2}${key.padEnd(width3)} = ${value}`).join("");
    return [{ file: file.path, range: { start: block.bodyStart, end: close }, newText: `${body2}${eol}${blockIndent}` }];
  }
  if (!last) {
    const indent2 = blockIndent + "  ";
    const at2 = lines.lineEnd(block.bodyStart.line);
    return [{ file: file.path, range: lines.range(at2, at2), newText: `${eol}${indent2}${name2} = ${valueText2}` }];
  }
  const indent = indentOf(lines.lineText(last.range.start.line));
  const run2 = alignmentRuns(file, block, attributes).find((r) => r.includes(last)) ?? [];
  const width2 = Math.max(groupWidth(file, run2), name2.length);
  const at = lines.lineEnd(last.range.end.line);
  const padded = run2.length > 0 ? name2.padEnd(width2) : name2;
  return [
    ...realign(file, run2, width2),
    { file: file.path, range: lines.range(at, at), newText: `${eol}${indent}${padded} = ${valueText2}` }
  ];
}
function addCopiedAttribute(file, block, name2, sourceFile, source) {
  if (sourceFile.format !== file.format) return void 0;
  const valueText2 = exprText(sourceFile, source.expr);
  let jsonValue;
  if (block.jsonPath) {
    try {
      jsonValue = JSON.parse(valueText2);
    } catch {
      return void 0;
    }
  }
  return { valueText: valueText2, edits: addAttribute(file, block, name2, valueText2, jsonValue) };
}
function indentOf(line) {
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}
function sortedAttributes(block) {
  return [...block.attributes.values()].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
  );
}
function alignmentRuns(file, block, attributes, lineOf = (line) => line) {
  const nestedLines = /* @__PURE__ */ new Set();
  for (const nested of block.blocks) for (let l = nested.range.start.line; l <= nested.range.end.line; l++) nestedLines.add(l);
  const runs = [];
  let run2 = [];
  let previous;
  for (const attribute of attributes) {
    if (nestedLines.has(attribute.range.start.line) || !hasEqualsColumn(file, attribute)) {
      previous = void 0;
      continue;
    }
    if (previous && lineOf(previous.range.end.line) + 1 === lineOf(attribute.range.start.line)) {
      run2.push(attribute);
    } else {
      run2 = [attribute];
      runs.push(run2);
    }
    previous = attribute;
  }
  return runs;
}
function hasEqualsColumn(file, attribute) {
  if (attribute.range.start.line === attribute.range.end.line) return true;
  const from = file.lines.offsetAt(attribute.nameRange.end);
  const text2 = file.text.slice(from, file.lines.lineEnd(attribute.nameRange.end.line));
  const open = [];
  for (let i2 = 0; i2 < text2.length; i2++) {
    const c = text2[i2];
    if (open[open.length - 1] === "string") {
      if (c === "\\") i2++;
      else if (c === '"') open.pop();
      else if ((c === "$" || c === "%") && text2[i2 + 1] === c && text2[i2 + 2] === "{") i2 += 2;
      else if ((c === "$" || c === "%") && text2[i2 + 1] === "{") {
        open.push("interpolation");
        i2++;
      }
      continue;
    }
    if (c === "#" || c === "/" && (text2[i2 + 1] === "/" || text2[i2 + 1] === "*")) break;
    if (c === "<" && text2[i2 + 1] === "<") break;
    if (c === '"') open.push("string");
    else if (c === "(" || c === "[" || c === "{") open.push("bracket");
    else if (c === ")" || c === "]" || c === "}") open.pop();
  }
  return open.length === 0;
}
function groupWidth(file, group) {
  return group.reduce((max, a) => Math.max(max, keyWidth(file, a)), 0);
}
function realign(file, group, width2) {
  const edits = [];
  for (const attribute of group) {
    const nameEnd = file.lines.offsetAt(attribute.nameRange.end);
    const equals = file.text.indexOf("=", nameEnd);
    if (equals < 0 || equals > file.lines.offsetAt(attribute.range.end)) continue;
    const wanted = " ".repeat(width2 - keyWidth(file, attribute) + 1);
    if (file.text.slice(nameEnd, equals) !== wanted) {
      edits.push({ file: file.path, range: file.lines.range(nameEnd, equals), newText: wanted });
    }
  }
  return edits;
}
function jsonEdits(file, path18, value) {
  return jsonPropertyEdits(file.text, path18, value, file.lines.eol).map((e) => ({
    file: file.path,
    range: file.lines.range(e.offset, e.offset + e.length),
    newText: e.content
  }));
}
function boolLiteral(value, asString) {
  return asString ? `"${value}"` : String(value);
}

// server/src/model/versions.ts
function formatVersion(v) {
  return `${v.major}.${v.minor}.${v.patch}`;
}
function compareVersions(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
function nextPatch(v, by = 1) {
  return { major: v.major, minor: v.minor, patch: v.patch + by };
}
var VERSION = /^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
function parseParts(text2) {
  const m = VERSION.exec(text2.trim());
  if (!m) return void 0;
  const segments = m[3] !== void 0 ? 3 : m[2] !== void 0 ? 2 : 1;
  return {
    version: { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0) },
    segments,
    prerelease: m[4] !== void 0
  };
}
function parseVersion(text2) {
  const parsed2 = parseParts(text2);
  return parsed2 && parsed2.segments === 3 ? parsed2.version : void 0;
}
var VersionRange = class _VersionRange {
  constructor(lower, upper2, excluded) {
    this.lower = lower;
    this.upper = upper2;
    this.excluded = excluded;
  }
  lower;
  upper;
  excluded;
  static ANY = new _VersionRange(void 0, void 0, []);
  static exactly(v) {
    return new _VersionRange(v, nextPatch(v), []);
  }
  /**
   * Terraform's version constraint syntax: comma-separated `=`, `!=`, `>`, `>=`, `<`, `<=`,
   * `~>` (a bare version means `=`). Partial versions (`1.85`) and pre-releases are read so
   * that the range is never narrower than Terraform's.
   */
  static parse(text2) {
    let range = _VersionRange.ANY;
    if (text2.trim() === "") return range;
    for (const raw of text2.split(",")) {
      const term = raw.trim();
      const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.*)$/.exec(term);
      const op = m?.[1] ?? "=";
      const parsed2 = m ? parseParts(m[2]) : void 0;
      if (!parsed2) return { error: term === "" ? "an empty term between commas" : `"${term}" is not a version constraint` };
      const { version: v, segments, prerelease } = parsed2;
      const full = segments === 3;
      let term_;
      switch (op) {
        case "=":
          term_ = new _VersionRange(v, wildcardEnd(v, segments), []);
          break;
        case "!=":
          term_ = new _VersionRange(void 0, void 0, full && !prerelease ? [v] : []);
          break;
        case ">":
          term_ = new _VersionRange(prerelease ? v : nextPatch(v), void 0, []);
          break;
        case ">=":
          term_ = new _VersionRange(v, void 0, []);
          break;
        case "<":
          term_ = new _VersionRange(void 0, v, []);
          break;
        case "<=":
          term_ = new _VersionRange(void 0, wildcardEnd(v, segments), []);
          break;
        default: {
          const upper2 = segments === 3 ? { major: v.major, minor: v.minor + 1, patch: 0 } : segments === 2 ? { major: v.major + 1, minor: 0, patch: 0 } : void 0;
          term_ = new _VersionRange(v, upper2, []);
        }
      }
      range = range.intersect(term_);
    }
    return range;
  }
  intersect(other) {
    const lower = !this.lower ? other.lower : !other.lower ? this.lower : compareVersions(this.lower, other.lower) >= 0 ? this.lower : other.lower;
    const upper2 = !this.upper ? other.upper : !other.upper ? this.upper : compareVersions(this.upper, other.upper) <= 0 ? this.upper : other.upper;
    return new _VersionRange(lower, upper2, [...this.excluded, ...other.excluded]);
  }
  has(v) {
    return (!this.lower || compareVersions(v, this.lower) >= 0) && (!this.upper || compareVersions(v, this.upper) < 0) && !this.excluded.some((x) => compareVersions(x, v) === 0);
  }
  /** Whether some version in [from, below) is allowed (below undefined: no end). */
  someIn(from, below) {
    for (let i2 = 0; i2 <= this.excluded.length; i2++) {
      const v = nextPatch(from, i2);
      if (below && compareVersions(v, below) >= 0) return false;
      if (this.has(v)) return true;
    }
    return false;
  }
  isEmpty() {
    return !this.someIn(this.lower ?? { major: 0, minor: 0, patch: 0 }, this.upper);
  }
  /** True when an allowed version is at least `v`. */
  admitsAtLeast(v) {
    const from = this.lower && compareVersions(this.lower, v) > 0 ? this.lower : v;
    return this.someIn(from, this.upper);
  }
  /** True when an allowed version is older than `v`. */
  admitsBelow(v) {
    const below = this.upper && compareVersions(this.upper, v) < 0 ? this.upper : v;
    return this.someIn(this.lower ?? { major: 0, minor: 0, patch: 0 }, below);
  }
  /** The one allowed version, when there is exactly one. */
  exact() {
    if (!this.lower || !this.upper || !this.has(this.lower)) return void 0;
    return compareVersions(nextPatch(this.lower), this.upper) === 0 ? this.lower : void 0;
  }
};
function wildcardEnd(v, segments) {
  if (segments === 1) return { major: v.major + 1, minor: 0, patch: 0 };
  if (segments === 2) return { major: v.major, minor: v.minor + 1, patch: 0 };
  return nextPatch(v);
}
function argumentSupport(node, argument) {
  const since = node.info.since?.[argument];
  const version = node.providerVersion;
  const first = since === void 0 ? void 0 : parseVersion(since);
  if (!first || !version?.range) return { argument, support: "yes", ...since ? { since } : {}, ...version ? { version } : {} };
  const newer = version.range.admitsAtLeast(first);
  const older = version.range.admitsBelow(first);
  return { argument, support: newer && older ? "some" : newer ? "yes" : "no", since, version };
}
function versionInUseText(fact) {
  const where2 = fact.origins.map((o) => o.what).join(", ");
  if (fact.source === "lock-file") return `${fact.text} (locked in ${where2})`;
  if (fact.source === "constraint") {
    const exact = fact.range?.exact();
    return exact ? `${formatVersion(exact)} (the only version that ${where2} allows: ${fact.text})` : `"${fact.text}" (${where2})`;
  }
  return `unknown (${fact.reason ?? "no lock file and no version constraint"}), so the newest is assumed`;
}
function versionNeeded(support) {
  return support.support === "some" && support.since && support.version ? `needs ${support.version.provider} >= ${support.since}` : "";
}
function needsVersionNote(support) {
  const needed = versionNeeded(support);
  return needed ? ` (${needed})` : "";
}
function upgradeAdvice(support, type, purpose) {
  const provider = support.version?.provider ?? "the provider";
  const inUse = support.version ? versionInUseText(support.version) : "unknown";
  return `The ${provider} provider in use, ${inUse}, has no ${support.argument} on ${type} (it arrived in ${support.since}): ${purpose}, upgrade the provider to >= ${support.since}, or use the console or the ELB API.`;
}

// server/src/model/providers.ts
var PROVIDER_SOURCES = {
  opentelekomcloud: "opentelekomcloud/opentelekomcloud",
  huaweicloud: "huaweicloud/huaweicloud",
  flexibleengine: "FlexibleEngineCloud/flexibleengine"
};
var OTC = "opentelekomcloud";
var HW = "huaweicloud";
var FE = "flexibleengine";
var HW_SHARED_LB = { provider: HW, role: "loadbalancer", kind: "shared" };
var HW_SHARED_LISTENER = {
  provider: HW,
  role: "listener",
  kind: "shared",
  clientIpArg: "string",
  protocols: ["TCP", "UDP", "HTTP", "TERMINATED_HTTPS"],
  since: { transparent_client_ip_enable: "1.93.0", insert_headers: "1.73.4" }
};
var HW_SHARED_POOL = { provider: HW, role: "pool", kind: "shared" };
var HW_SHARED_MEMBER = { provider: HW, role: "member", kind: "shared" };
var HW_INSTANCE = { provider: HW, role: "instance", kind: "unknown" };
var HW_SECGROUP_RULE = { provider: HW, role: "secgroup_rule", kind: "unknown" };
var RESOURCE_TYPES = {
  // Open Telekom Cloud
  opentelekomcloud_lb_loadbalancer_v2: { provider: OTC, role: "loadbalancer", kind: "shared" },
  opentelekomcloud_lb_loadbalancer_v3: { provider: OTC, role: "loadbalancer", kind: "dedicated", ipBackendSwitch: "ip_target_enable" },
  opentelekomcloud_lb_listener_v2: {
    provider: OTC,
    role: "listener",
    kind: "shared",
    clientIpArg: "bool",
    protocols: ["TCP", "UDP", "HTTP", "TERMINATED_HTTPS"],
    since: { transparent_client_ip_enable: "1.27.7" }
  },
  opentelekomcloud_lb_listener_v3: {
    provider: OTC,
    role: "listener",
    kind: "dedicated",
    clientIpArg: "none",
    protocols: ["TCP", "UDP", "HTTP", "HTTPS"]
  },
  opentelekomcloud_lb_pool_v2: { provider: OTC, role: "pool", kind: "shared" },
  opentelekomcloud_lb_pool_v3: { provider: OTC, role: "pool", kind: "dedicated" },
  opentelekomcloud_lb_member_v2: { provider: OTC, role: "member", kind: "shared" },
  opentelekomcloud_lb_member_v3: { provider: OTC, role: "member", kind: "dedicated" },
  opentelekomcloud_lb_ipgroup_v3: { provider: OTC, role: "ipgroup", kind: "dedicated" },
  opentelekomcloud_compute_instance_v2: { provider: OTC, role: "instance", kind: "unknown" },
  opentelekomcloud_networking_secgroup_rule_v2: { provider: OTC, role: "secgroup_rule", kind: "unknown" },
  // Huawei Cloud
  huaweicloud_lb_loadbalancer: HW_SHARED_LB,
  huaweicloud_elb_loadbalancer: { provider: HW, role: "loadbalancer", kind: "dedicated", ipBackendSwitch: "cross_vpc_backend" },
  huaweicloud_lb_listener: HW_SHARED_LISTENER,
  huaweicloud_elb_listener: {
    provider: HW,
    role: "listener",
    kind: "dedicated",
    clientIpArg: "string",
    protocols: ["TCP", "UDP", "HTTP", "HTTPS", "QUIC", "TLS", "IP"],
    flatHeaderSwitches: true,
    proxyProtocol: true,
    since: {
      transparent_client_ip_enable: "1.91.0",
      nat64_enable: "1.91.0",
      proxy_protocol_enable: "1.63.0",
      real_ip: "1.63.0",
      forward_elb: "1.63.0",
      forward_proto: "1.63.0",
      forward_port: "1.54.0",
      forward_request_port: "1.54.0",
      forward_host: "1.54.0",
      forward_eip: "1.24.2"
    }
  },
  huaweicloud_lb_pool: HW_SHARED_POOL,
  huaweicloud_elb_pool: { provider: HW, role: "pool", kind: "dedicated" },
  huaweicloud_lb_member: HW_SHARED_MEMBER,
  huaweicloud_elb_member: { provider: HW, role: "member", kind: "dedicated" },
  huaweicloud_elb_ipgroup: { provider: HW, role: "ipgroup", kind: "dedicated" },
  huaweicloud_compute_instance: HW_INSTANCE,
  huaweicloud_networking_secgroup_rule: HW_SECGROUP_RULE,
  // Legacy names the Huawei provider still registers for the same resources (provider.go, "Legacy").
  huaweicloud_lb_loadbalancer_v2: HW_SHARED_LB,
  huaweicloud_lb_listener_v2: HW_SHARED_LISTENER,
  huaweicloud_lb_pool_v2: HW_SHARED_POOL,
  huaweicloud_lb_member_v2: HW_SHARED_MEMBER,
  huaweicloud_compute_instance_v2: HW_INSTANCE,
  huaweicloud_networking_secgroup_rule_v2: HW_SECGROUP_RULE,
  // Flexible Engine
  flexibleengine_lb_loadbalancer_v2: { provider: FE, role: "loadbalancer", kind: "shared" },
  flexibleengine_lb_loadbalancer_v3: { provider: FE, role: "loadbalancer", kind: "dedicated", ipBackendSwitch: "cross_vpc_backend" },
  flexibleengine_lb_listener_v2: {
    provider: FE,
    role: "listener",
    kind: "shared",
    clientIpArg: "bool",
    protocols: ["TCP", "UDP", "HTTP", "TERMINATED_HTTPS"],
    since: { transparent_client_ip_enable: "1.26.0" }
  },
  flexibleengine_lb_listener_v3: {
    provider: FE,
    role: "listener",
    kind: "dedicated",
    clientIpArg: "none",
    protocols: ["TCP", "UDP", "HTTP", "HTTPS"]
  },
  flexibleengine_lb_pool_v2: { provider: FE, role: "pool", kind: "shared" },
  flexibleengine_lb_pool_v3: { provider: FE, role: "pool", kind: "dedicated" },
  flexibleengine_lb_member_v2: { provider: FE, role: "member", kind: "shared" },
  flexibleengine_lb_member_v3: { provider: FE, role: "member", kind: "dedicated" },
  flexibleengine_compute_instance_v2: { provider: FE, role: "instance", kind: "unknown" },
  flexibleengine_networking_secgroup_rule_v2: { provider: FE, role: "secgroup_rule", kind: "unknown" },
  // ELB API JSON (v3 and v2.0 request bodies and responses): the kind comes from the objects themselves.
  "elb-api:loadbalancer": { provider: "elb-api", role: "loadbalancer", kind: "unknown", ipBackendSwitch: "ip_target_enable" },
  "elb-api:listener": {
    provider: "elb-api",
    role: "listener",
    kind: "unknown",
    clientIpArg: "bool",
    protocols: ["TCP", "UDP", "HTTP", "HTTPS", "TERMINATED_HTTPS", "TLS", "QUIC"],
    proxyProtocol: true
  },
  "elb-api:pool": { provider: "elb-api", role: "pool", kind: "unknown" },
  "elb-api:member": { provider: "elb-api", role: "member", kind: "unknown" },
  "elb-api:ipgroup": { provider: "elb-api", role: "ipgroup", kind: "unknown" },
  // Kubernetes Services of type LoadBalancer: the class annotation gives the kind; annotation values are strings.
  "kubernetes:service": { provider: "kubernetes", role: "loadbalancer", kind: "unknown" },
  "kubernetes:port": {
    provider: "kubernetes",
    role: "listener",
    kind: "unknown",
    clientIpArg: "string",
    protocols: ["TCP", "UDP", "HTTP", "HTTPS", "TLS"]
  }
};
var MEMBER_SUBNET_ARGUMENT = {
  opentelekomcloud: "subnet_id",
  huaweicloud: "subnet_id",
  flexibleengine: "subnet_id",
  "elb-api": "subnet_cidr_id",
  kubernetes: "kubernetes.io/elb.enable-cross-vpc left unset"
};
function resourceTypeInfo(type) {
  return Object.prototype.hasOwnProperty.call(RESOURCE_TYPES, type) ? RESOURCE_TYPES[type] : void 0;
}
var HTTP_PROTOCOLS = /* @__PURE__ */ new Set(["HTTP", "HTTPS", "TERMINATED_HTTPS"]);
var FLAT_HEADER_SWITCHES = {
  forward_eip: "X-Forwarded-ELB-IP",
  forward_port: "X-Forwarded-Port",
  forward_request_port: "X-Forwarded-For-Port",
  forward_host: "X-Forwarded-Host",
  forward_elb: "X-Forwarded-ELB-ID",
  forward_proto: "X-Forwarded-Proto",
  real_ip: "X-Real-IP"
};
var EIP_TYPE = /(^|_)(eip|floatingip|vpc_bandwidth)(_|$)/;
var KUBERNETES_SERVICE_TYPES = /* @__PURE__ */ new Set(["kubernetes_service", "kubernetes_service_v1"]);
var IGNORED_BLOCKS = /* @__PURE__ */ new Set(["data", "provider", "moved", "import", "check", "removed"]);
function isRelevantBlock(type, labels) {
  if (type === "resource") {
    const resourceType = labels[0];
    if (resourceType === void 0) return false;
    return resourceTypeInfo(resourceType) !== void 0 || EIP_TYPE.test(resourceType) || KUBERNETES_SERVICE_TYPES.has(resourceType);
  }
  return !IGNORED_BLOCKS.has(type);
}

// server/src/rules/support/messages.ts
function related(node, message) {
  return { file: node.file.path, range: node.block.headerRange, message };
}
function describeListener(listener) {
  return `listener \`${listener.address}\`${listener.protocol ? ` (${listener.protocol})` : ""}`;
}
function isHttpListener(listener) {
  return listener.protocol !== void 0 && HTTP_PROTOCOLS.has(listener.protocol);
}
function loadBalancerRelated(listener) {
  return listener.loadBalancer ? [related(listener.loadBalancer, `${listener.kind} load balancer of this listener`)] : [];
}
function clientIpSwitch(listener) {
  const setting = listener.clientIp.setting;
  if (setting)
    return { name: setting.name, block: setting.block, assignment: (value) => settingAssignment(listener.file, setting.name, value) };
  const name2 = "transparent_client_ip_enable";
  return { name: name2, block: listener.block, assignment: (value) => `${name2} = ${value}` };
}
function settingAssignment(file, name2, value) {
  if (file.format === "yaml") return `${name2}: ${value}`;
  return `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name2) ? name2 : JSON.stringify(name2)} = ${value}`;
}
function findingMessage(problem, ...details) {
  return [problem, ...details].map((s) => s.trim()).filter((s) => s.length > 0).join(" ");
}
function firstSentence(message) {
  let inCode = false;
  for (let i2 = 0; i2 < message.length; i2++) {
    const c = message[i2];
    if (c === "`") inCode = !inCode;
    else if (!inCode && (c === "." || c === "!" || c === "?") && (i2 + 1 === message.length || message[i2 + 1] === " ")) {
      return message.slice(0, i2 + 1);
    }
  }
  return message;
}
function capitalized(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// server/src/rules/types.ts
function docsPath(id10) {
  return `docs/rules/${id10}.md`;
}

// server/src/rules/client-ip-always-on.ts
var id = "client-ip-always-on";
var clientIpAlwaysOn = {
  meta: {
    id,
    defaultSeverity: "error",
    summary: "Client IP transfer is switched off where it is always on (dedicated load balancers, HTTP/HTTPS listeners).",
    docsUrl: docsPath(id)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const { clientIp } = listener;
      const attribute = clientIp.attribute;
      if (!attribute || clientIp.written !== false || clientIp.canBeDisabled !== false) continue;
      if (listener.argType === "none") continue;
      if (argumentSupport(listener, "transparent_client_ip_enable").support === "no") continue;
      const asString = listener.argType === "string";
      report({
        node: listener,
        file: listener.file,
        range: attribute.range,
        message: findingMessage(
          listener.kind === "dedicated" || !listener.protocol ? "Client IP transfer cannot be turned off on a dedicated load balancer." : `Client IP transfer cannot be turned off on ${listener.protocol} listeners.`,
          `${capitalized(describeListener(listener))} sets it to false, which the platform rejects or ignores.`,
          "Remove the setting, or set it to true."
        ),
        related: loadBalancerRelated(listener),
        fixes: [
          {
            title: `Remove ${attribute.name}`,
            edits: removeAttribute(listener.file, clientIpSwitch(listener).block, attribute),
            isPreferred: true
          },
          {
            title: `Set ${attribute.name} to ${boolLiteral(true, asString)}`,
            edits: replaceValue(listener.file, attribute, boolLiteral(true, asString))
          }
        ]
      });
    }
  }
};

// server/src/model/value.ts
var Unknown = class {
  constructor(reason) {
    this.reason = reason;
  }
  reason;
};
function isUnknown(value) {
  return value instanceof Unknown;
}
function toBool(value) {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return void 0;
}
function toStringValue(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}

// server/src/rules/client-ip-ineffective-option.ts
var id2 = "client-ip-ineffective-option";
var clientIpIneffectiveOption = {
  meta: {
    id: id2,
    defaultSeverity: "warning",
    summary: "A client-IP alternative the protocol ignores: HTTP headers on a TCP/UDP listener, Proxy Protocol on a non-TLS listener.",
    docsUrl: docsPath(id2)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const protocol = listener.protocol;
      if (protocol === void 0) continue;
      const supported = (name2) => argumentSupport(listener, name2).support !== "no";
      const isHttp = HTTP_PROTOCOLS.has(protocol);
      if (!isHttp) {
        for (const [name2, header] of Object.entries(FLAT_HEADER_SWITCHES)) {
          const option = listener.options.get(name2);
          if (!option || isUnknown(option.value) || toBool(option.value) !== true || !supported(name2)) continue;
          report({
            node: listener,
            file: listener.file,
            range: option.attribute.range,
            message: findingMessage(
              `${name2} has no effect on ${protocol} listeners.`,
              `It adds the ${header} HTTP header, and ${describeListener(listener)} does not speak HTTP.`,
              noHeaderRemedy(protocol)
            ),
            fixes: [
              { title: `Remove ${name2}`, edits: removeAttribute(listener.file, listener.block, option.attribute), isPreferred: true }
            ]
          });
        }
        const insertHeaders = listener.insertHeaders;
        if (insertHeaders && listener.insertHeaderNames) {
          for (const header of insertHeaders.attributes.values()) {
            if (header.expr.kind !== "literal" || header.expr.value !== true && header.expr.value !== "true") continue;
            report({
              node: listener,
              file: listener.file,
              range: header.range,
              message: findingMessage(
                `insert_headers "${header.name}" has no effect on ${protocol} listeners.`,
                `It adds an HTTP header, and ${describeListener(listener)} does not speak HTTP.`,
                noHeaderRemedy(protocol)
              ),
              fixes: [
                { title: `Remove "${header.name}"`, edits: removeAttribute(listener.file, insertHeaders, header), isPreferred: true }
              ]
            });
          }
        } else if (insertHeaders && supported("insert_headers")) {
          report({
            node: listener,
            file: listener.file,
            range: insertHeaders.headerRange,
            message: findingMessage(
              `insert_headers has no effect on ${protocol} listeners.`,
              `It only applies to HTTP and HTTPS listeners; ${describeListener(listener)} ignores it.`,
              noHeaderRemedy(protocol)
            ),
            fixes: [{ title: "Remove insert_headers", edits: removeBlock(listener.file, insertHeaders), isPreferred: true }]
          });
        }
      }
      const proxy2 = listener.options.get("proxy_protocol_enable");
      if (proxy2 && protocol !== "TLS" && !isUnknown(proxy2.value) && toBool(proxy2.value) === true && supported("proxy_protocol_enable")) {
        report({
          node: listener,
          file: listener.file,
          range: proxy2.attribute.range,
          message: findingMessage(
            `proxy_protocol_enable has no effect on ${protocol} listeners.`,
            `Proxy Protocol only carries the client address on TLS listeners; ${describeListener(listener)} ignores it.`,
            isHttp ? "HTTP/HTTPS listeners pass the client address in the X-Forwarded-For header instead." : ""
          ),
          fixes: [
            {
              title: "Remove proxy_protocol_enable",
              edits: removeAttribute(listener.file, listener.block, proxy2.attribute),
              isPreferred: true
            }
          ]
        });
      }
    }
  }
};
function noHeaderRemedy(protocol) {
  return protocol === "TCP" || protocol === "UDP" ? "TCP and UDP listeners pass the client address only through Transfer Client IP Address." : "Use an HTTP or HTTPS listener if backends need this header.";
}

// server/src/rules/client-ip-ip-backend.ts
var id3 = "client-ip-ip-backend";
var clientIpIpBackend = {
  meta: {
    id: id3,
    defaultSeverity: "warning",
    summary: "A listener that transfers the client IP sends traffic to IP-address backends, which never receive it.",
    docsUrl: docsPath(id3)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      if (listener.clientIp.state !== "on") continue;
      for (const pool of listener.pools) {
        if (pool.poolType === "ip") {
          const typeAttribute = pool.block.attributes.get("type");
          if (typeAttribute) {
            report(poolReport(listener, pool, typeAttribute.range));
            continue;
          }
        }
        for (const member of pool.members) {
          if (member.isIpBackend !== true) continue;
          report(memberReport(listener, pool, member));
        }
      }
    }
  }
};
function alternative(listener) {
  if (isHttpListener(listener)) {
    const xff = "Read the client address from the X-Forwarded-For header, which HTTP/HTTPS listeners always add";
    if (listener.info.flatHeaderSwitches) {
      const realIp = argumentSupport(listener, "real_ip");
      if (realIp.support === "no") return `${xff}. ${upgradeAdvice(realIp, listener.type, "to add X-Real-IP as well")}`;
      const needed = versionNeeded(realIp);
      return `${xff} (or turn on real_ip for X-Real-IP${needed ? `; ${needed}` : ""}).`;
    }
    return xff + (realIpHeaderAvailable(listener) ? ' (or set "X-Real-IP": true in insert_headers).' : ".");
  }
  if (listener.protocol === "TLS") {
    const proxy2 = argumentSupport(listener, "proxy_protocol_enable");
    if (proxy2.support === "no")
      return `Proxy Protocol would carry it in a PROXY header. ${upgradeAdvice(proxy2, listener.type, "to turn it on")}`;
    const needed = versionNeeded(proxy2);
    return `Turn on Proxy Protocol (proxy_protocol_enable${needed ? `; ${needed}` : ""}) and read the address from the PROXY header.`;
  }
  if (listener.protocol === "TCP" || listener.protocol === "UDP") {
    return `${listener.protocol} listeners have no other way to pass the client address: use a server in the load balancer's VPC (with ${MEMBER_SUBNET_ARGUMENT[listener.provider]}) if backends need it.`;
  }
  return "Use an HTTP/HTTPS listener and the X-Forwarded-For header if backends need the client address.";
}
function realIpHeaderAvailable(listener) {
  return listener.insertHeaderNames && listener.kind === "dedicated";
}
function notPreferred(fixes) {
  return fixes.map((fix) => ({ ...fix, isPreferred: false }));
}
function listenerFixes(listener) {
  if (isHttpListener(listener)) {
    if (listener.info.flatHeaderSwitches) return switchOn(listener, "real_ip", "backends get the client address in X-Real-IP");
    if (realIpHeaderAvailable(listener)) return realIpHeaderFixes(listener);
    return [];
  }
  if (listener.protocol === "TLS" && listener.info.proxyProtocol) {
    return switchOn(listener, "proxy_protocol_enable", "backends get the client address in the PROXY header");
  }
  return [];
}
function switchOn(listener, name2, what) {
  const { file, block } = listener;
  const support = argumentSupport(listener, name2);
  if (support.support === "no") return [];
  const attribute = block.attributes.get(name2);
  if (!attribute) {
    return [{ title: `Add ${name2} = true${needsVersionNote(support)} (${what})`, edits: addAttribute(file, block, name2, "true", true) }];
  }
  const value = listener.options.get(name2)?.value;
  if (value !== void 0 && (isUnknown(value) || toBool(value) === true)) return [];
  return [{ title: `Set ${name2} to true (${what})`, edits: replaceValue(file, attribute, "true") }];
}
function realIpHeaderFixes(listener) {
  const { file, block } = listener;
  const title = 'Set "X-Real-IP": true in insert_headers (backends get the client address in X-Real-IP)';
  const headers = block.blocks.find((b) => b.type === "insert_headers");
  const realIp = headers?.attributes.get("X-Real-IP");
  if (headers && realIp) {
    return realIp.expr.kind === "literal" && realIp.expr.value === true ? [] : [{ title, edits: replaceValue(file, realIp, "true") }];
  }
  const edits = headers ? addAttribute(file, headers, "X-Real-IP", "true", true) : addAttribute(file, block, "insert_headers", '{ "X-Real-IP": true }', { "X-Real-IP": true });
  return [{ title, edits }];
}
function poolReport(listener, pool, range) {
  return {
    node: pool,
    file: pool.file,
    range,
    message: findingMessage(
      "IP-address backends never receive the client IP.",
      `Pool \`${pool.address}\` only holds IP-address backends: they see the load balancer's address, not the client IP that ${describeListener(listener)} transfers.`,
      alternative(listener)
    ),
    related: [related(listener, "listener that transfers the client IP")],
    fixes: notPreferred(listenerFixes(listener))
  };
}
function memberReport(listener, pool, member) {
  const fixes = listenerFixes(listener);
  const lb = listener.loadBalancer;
  const subnet = lb?.subnetAttribute;
  if (!isHttpListener(listener) && listener.protocol !== "TLS" && subnet && lb && pool.poolType !== "ip") {
    const subnetName = MEMBER_SUBNET_ARGUMENT[member.info.provider];
    const copy = addCopiedAttribute(member.file, member.block, subnetName, lb.file, subnet);
    if (copy) {
      fixes.push({
        title: `Add ${subnetName} = ${copy.valueText} (make it a server backend in the load balancer's subnet)`,
        edits: copy.edits
      });
    }
  }
  return {
    node: member,
    file: member.file,
    range: member.addressAttribute?.range ?? member.block.headerRange,
    message: findingMessage(
      "This IP-address backend never receives the client IP.",
      `Member \`${member.address}\` is an IP-address backend (${member.ipBackendExplanation}): it sees the load balancer's address, not the client IP that ${describeListener(listener)} transfers.`,
      alternative(listener)
    ),
    related: [related(listener, "listener that transfers the client IP"), related(pool, "pool of this member")],
    fixes: notPreferred(fixes)
  };
}

// server/src/rules/client-ip-lost-in-cluster.ts
var id4 = "client-ip-lost-in-cluster";
var clientIpLostInCluster = {
  meta: {
    id: id4,
    defaultSeverity: "warning",
    summary: "Client IP transfer is on, but a hop behind the backends (kube-proxy, externalTrafficPolicy: Cluster) replaces the address.",
    docsUrl: docsPath(id4)
  },
  check({ model, report }) {
    const byHop = /* @__PURE__ */ new Map();
    for (const listener of model.listeners) {
      const hop = listener.hop;
      if (!hop || hop.keepsSource !== false || listener.clientIp.state !== "on" || isHttpListener(listener)) continue;
      const list = byHop.get(hop) ?? [];
      list.push(listener);
      byHop.set(hop, list);
    }
    for (const [hop, listeners] of byHop) {
      const [first] = listeners;
      const names = listeners.map(describeListener);
      const { setting } = hop;
      const keep = settingAssignment(
        first.file,
        setting.name,
        first.file.format === "yaml" ? setting.keepValue : JSON.stringify(setting.keepValue)
      );
      const fixes = [
        {
          title: `Set ${keep} (pods then see the client address)`,
          edits: hop.attribute ? replaceValue(first.file, hop.attribute, JSON.stringify(setting.keepValue)) : addAttribute(first.file, setting.block, setting.name, JSON.stringify(setting.keepValue), setting.keepValue),
          // It changes how traffic is spread and who can reach the Service: never applied unasked.
          isPreferred: false
        }
      ];
      report({
        node: first.loadBalancer ?? first,
        file: first.file,
        range: hop.anchor,
        message: findingMessage(
          `The client IP is lost before the pods: ${setting.name} is not ${setting.keepValue}.`,
          `Client IP transfer is on for ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`}, but ${hop.explanation}, so the pods see a node's address instead of the client's.`,
          `Set ${keep} if they need the client address. ${hop.caveat}`
        ),
        related: [
          ...first.clientIp.attribute ? [{ file: first.file.path, range: first.clientIp.attribute.range, message: "client IP transfer is switched on here" }] : first.loadBalancer ? [related(first.loadBalancer, `${first.kind} load balancer: client IP transfer is always on`)] : []
        ],
        fixes
      });
    }
  }
};

// server/src/rules/client-ip-nat64-conflict.ts
var id5 = "client-ip-nat64-conflict";
var clientIpNat64Conflict = {
  meta: {
    id: id5,
    defaultSeverity: "error",
    summary: "nat64_enable and transparent_client_ip_enable are both on in the same listener.",
    docsUrl: docsPath(id5)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const attribute = listener.clientIp.attribute;
      if (!attribute || listener.clientIp.written !== true) continue;
      const nat64 = listener.options.get("nat64_enable");
      if (nat64 === void 0 || isUnknown(nat64.value) || toBool(nat64.value) !== true) continue;
      if (["transparent_client_ip_enable", "nat64_enable"].some((name2) => argumentSupport(listener, name2).support === "no")) continue;
      report({
        node: listener,
        file: listener.file,
        range: attribute.range,
        message: findingMessage(
          "NAT64 and client IP transfer cannot both be on.",
          `${capitalized(describeListener(listener))} turns on NAT64 (IPv6 clients reaching IPv4 backends) and Transfer Client IP Address.`,
          "Remove transparent_client_ip_enable, or turn NAT64 off."
        ),
        related: [{ file: listener.file.path, range: nat64.attribute.range, message: "NAT64 is turned on here" }],
        fixes: [
          {
            title: `Remove ${attribute.name}`,
            edits: removeAttribute(listener.file, clientIpSwitch(listener).block, attribute),
            isPreferred: true
          }
        ]
      });
    }
  }
};

// server/src/model/cidr.ts
function ipv4ToNumber(text2) {
  const parts2 = text2.trim().split(".");
  if (parts2.length !== 4) return void 0;
  let result = 0;
  for (const part of parts2) {
    if (!/^\d{1,3}$/.test(part)) return void 0;
    const n2 = Number(part);
    if (n2 > 255) return void 0;
    result = result * 256 + n2;
  }
  return result;
}
function addressInCidr(address, cidr) {
  const ip = ipv4ToNumber(address);
  if (ip === void 0) return false;
  const [base, bitsText] = cidr.trim().split("/");
  const network = ipv4ToNumber(base);
  if (network === void 0) return false;
  const bits = bitsText === void 0 ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(network / size);
}

// server/src/rules/client-ip-same-server.ts
var id6 = "client-ip-same-server";
var clientIpSameServer = {
  meta: {
    id: id6,
    defaultSeverity: "warning",
    summary: "A backend server is also a client of the same load balancer while the client IP is transferred.",
    docsUrl: docsPath(id6)
  },
  check({ model, report }) {
    const reported = /* @__PURE__ */ new Set();
    for (const listener of model.listeners) {
      if (listener.clientIp.state !== "on") continue;
      for (const pool of listener.pools) {
        for (const member of pool.members) {
          const key = `${listener.address}|${member.address}`;
          if (reported.has(key)) continue;
          const reason = sameServerEvidence(listener, member);
          if (!reason) continue;
          reported.add(key);
          report({
            node: member,
            file: member.file,
            range: member.addressAttribute?.range ?? member.block.headerRange,
            message: findingMessage(
              "This backend is also a client of its load balancer, so its requests to itself hang.",
              `Member \`${member.address}\` is a client too: ${reason.text}.`,
              `With client IP transfer on (${describeListener(listener)}), a request it sends to itself arrives with its own source address, so it answers locally and the connection hangs.`,
              "Use a different server as the client, or reach the service without the load balancer."
            ),
            related: [reason.related, related(listener, "listener that transfers the client IP")]
          });
        }
      }
    }
  }
};
function sameServerEvidence(listener, member) {
  const lb = listener.loadBalancer;
  const instance2 = member.instance;
  if (lb && instance2) {
    const use = instance2.lbAddressUses.find((u) => u.loadBalancer === lb);
    if (use) {
      return {
        via: "loadbalancer",
        text: `its server \`${instance2.address}\` uses ${use.what} in \`${use.attribute.name}\``,
        related: { file: instance2.file.path, range: use.attribute.range, message: "the server refers to the load balancer address here" }
      };
    }
  }
  if (member.ipAddress) {
    for (const group of listener.whitelistGroups) {
      const cidr = group.cidrs.find((c) => addressInCidr(member.ipAddress, c));
      if (cidr) {
        return {
          via: "whitelist",
          text: `its address ${member.ipAddress} is in ${cidr}, which the white list \`${group.address}\` admits as a client`,
          related: related(group, "white list that admits the backend as a client")
        };
      }
    }
  }
  return void 0;
}

// server/src/model/securityGroups.ts
function loadBalancerSourceRange(provider, kind) {
  if (kind === "dedicated") return "the load balancer\u2019s backend subnet";
  const shared = provider === "flexibleengine" ? "100.125.0.0/16 and 100.126.0.0/16" : "100.125.0.0/16";
  if (kind === "shared") return shared;
  return `the load balancer\u2019s addresses (its backend subnet if dedicated, ${shared} if shared)`;
}
function ipBackendsKnownOff(listener) {
  const lb = listener.loadBalancer;
  if (!lb || !lb.info.ipBackendSwitch) return void 0;
  const value = lb.ipBackendsEnabled;
  if (value === void 0 || value === null) return true;
  if (isUnknown(value)) return void 0;
  const on = toBool(value);
  return on === void 0 ? void 0 : !on;
}
function securityGroupEffect(listener) {
  const { protocol, kind, clientIp } = listener;
  if (protocol === void 0) return "unknown";
  if (HTTP_PROTOCOLS.has(protocol) || protocol === "QUIC") return "applied";
  if (protocol !== "TCP" && protocol !== "UDP") return "unknown";
  if (kind === "shared") return clientIp.state === "on" ? "not-applied" : clientIp.state === "off" ? "applied" : "unknown";
  if (kind === "dedicated") {
    const off = ipBackendsKnownOff(listener);
    return off === true ? "not-applied" : off === false ? "applied" : "unknown";
  }
  return "unknown";
}
var ACCESS_CONTROL = "the listener\u2019s access control (an IP address group used as a white list)";
function securityGroupSentence(listener) {
  const from = loadBalancerSourceRange(listener.provider, listener.kind);
  switch (securityGroupEffect(listener)) {
    case "not-applied":
      return `Backend security groups and network ACLs do not filter this Layer-4 traffic, which carries the client IP: restrict clients with ${ACCESS_CONTROL}.`;
    case "applied":
      return `Backend security groups must admit ${from} on the backend and health-check ports (UDP health checks also use ICMP).`;
    default:
      return `Layer-4 traffic that carries the client IP is not filtered by backend security groups or network ACLs (restrict clients with ${ACCESS_CONTROL}); where they do apply, they must admit ${from}.`;
  }
}

// server/src/rules/client-ip-shared-l4-off.ts
var id7 = "client-ip-shared-l4-off";
function keepSourceEdit(listener) {
  const hop = listener.hop;
  if (!hop || hop.keepsSource !== false) return void 0;
  const { setting } = hop;
  const quoted2 = JSON.stringify(setting.keepValue);
  const assignment = settingAssignment(listener.file, setting.name, listener.file.format === "yaml" ? setting.keepValue : quoted2);
  const edits = hop.attribute ? replaceValue(listener.file, hop.attribute, quoted2) : addAttribute(listener.file, setting.block, setting.name, quoted2, setting.keepValue);
  return { edits, assignment };
}
var clientIpSharedL4Off = {
  meta: {
    id: id7,
    defaultSeverity: "information",
    summary: "A shared TCP/UDP listener leaves client IP transfer off, so backends only see load balancer addresses.",
    docsUrl: docsPath(id7)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const { clientIp } = listener;
      if (listener.kind !== "shared" || clientIp.state !== "off") continue;
      const asString = listener.argType === "string";
      const value = boolLiteral(true, asString);
      const attribute = clientIp.attribute;
      const target = clientIpSwitch(listener);
      const support = argumentSupport(listener, "transparent_client_ip_enable");
      if (attribute && support.support === "no") continue;
      const problem = `Backends of a shared ${listener.protocol} listener see load balancer addresses, not clients'.`;
      const how = clientIp.reason === "default" ? "leaves Transfer Client IP Address off (the default)" : "turns Transfer Client IP Address off";
      const range = listener.provider === "flexibleengine" ? "100.125.0.0/16 or 100.126.0.0/16" : "100.125.0.0/16";
      const seen = `${problem} ${describeListener(listener)} ${how}, so connections reach its backends from ${range}; ${listener.protocol} has no header that could carry the client address. `;
      if (support.support === "no") {
        report({
          node: listener,
          file: listener.file,
          range: listener.block.headerRange,
          message: `${seen}${upgradeAdvice(support, listener.type, "to turn it on in Terraform")}`
        });
        continue;
      }
      const needs = attribute ? "" : needsVersionNote(support);
      const policy = keepSourceEdit(listener);
      const also = policy ? ` and ${policy.assignment} (pods keep the client address only with Local)` : "";
      const switchEdits = attribute ? replaceValue(listener.file, attribute, value) : addAttribute(listener.file, target.block, target.name, value, asString ? "true" : true);
      report({
        node: listener,
        file: listener.file,
        range: attribute ? attribute.range : listener.block.headerRange,
        message: seen + `Set ${target.assignment(value)}${needs}${also} if backends need the client address. Once it is on, backend security groups and network ACLs no longer filter this listener's traffic: restrict clients with ${ACCESS_CONTROL}.`,
        fixes: [
          {
            title: `Set ${target.assignment(value)}${needs}${policy ? ` and ${policy.assignment}` : ""} (then restrict clients with access control, not security groups)`,
            edits: [...switchEdits, ...policy?.edits ?? []],
            // Not preferred: it changes what backends see, so "fix all" must not apply it unasked.
            isPreferred: false
          }
        ]
      });
    }
  }
};

// server/src/rules/client-ip-unsupported-argument.ts
var id8 = "client-ip-unsupported-argument";
var clientIpUnsupportedArgument = {
  meta: {
    id: id8,
    defaultSeverity: "error",
    summary: "A listener argument that the listener type, or the provider version in use, does not have (transparent_client_ip_enable and others).",
    docsUrl: docsPath(id8)
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const attribute = listener.clientIp.attribute;
      if (attribute && listener.argType === "none") {
        report({
          node: listener,
          file: listener.file,
          range: attribute.nameRange,
          message: findingMessage(
            `${listener.type} has no argument transparent_client_ip_enable.`,
            `Terraform rejects ${describeListener(listener)}.`,
            "This listener type belongs to dedicated load balancers, which always pass the client IP on: remove the argument."
          ),
          fixes: [
            {
              title: "Remove transparent_client_ip_enable",
              edits: removeAttribute(listener.file, listener.block, attribute),
              isPreferred: true
            }
          ]
        });
        continue;
      }
      for (const name2 of Object.keys(listener.info.since ?? {})) {
        const written = writtenArgument(listener, name2);
        if (!written) continue;
        const support = argumentSupport(listener, name2);
        if (support.support !== "no" || !support.version) continue;
        report({
          node: listener,
          file: listener.file,
          range: written.range,
          message: findingMessage(
            `${name2} needs provider version ${support.since} or later.`,
            `It arrived on ${listener.type} in version ${support.since} of the ${support.version.provider} provider, and the version in use is ${versionInUseText(support.version)}: Terraform rejects ${describeListener(listener)} with "Unsupported argument".`,
            `Upgrade the provider to >= ${support.since}, or remove ${name2} and make the setting in the console or through the ELB API.`
          ),
          fixes: [
            {
              title: `Remove ${name2} (the provider version in use does not have it)`,
              edits: written.remove(),
              // Not preferred: removing it gives up the setting; upgrading the provider keeps it.
              isPreferred: false
            }
          ]
        });
      }
    }
  }
};
function writtenArgument(listener, name2) {
  const { file, block } = listener;
  const attribute = block.attributes.get(name2);
  if (attribute) return { range: attribute.nameRange, remove: () => removeAttribute(file, block, attribute) };
  const nested = block.blocks.find((b) => b.type === name2 || b.type === "dynamic" && b.labels[0] === name2);
  if (nested) return { range: nested.headerRange, remove: () => removeBlock(file, nested) };
  return void 0;
}

// server/src/rules/elb-annotation-unknown.ts
var id9 = "elb-annotation-unknown";
var elbAnnotationUnknown = {
  meta: {
    id: id9,
    defaultSeverity: "warning",
    summary: "A kubernetes.io/elb.* annotation (or class value) that the controller does not read: a misspelling, or the other controller\u2019s name.",
    docsUrl: docsPath(id9)
  },
  check({ model, report }) {
    for (const item of model.unrecognized ?? []) {
      const { node, attribute, suggestion } = item;
      const fixes = [];
      const owner = item.block ?? node.block.blocks.find((b) => b.attributes.get(attribute.name) === attribute) ?? node.block;
      if (suggestion && item.part === "value") {
        fixes.push({
          title: `Change it to ${suggestion}`,
          edits: replaceValue(node.file, attribute, JSON.stringify(suggestion)),
          isPreferred: false
        });
      } else if (suggestion && !item.suggestionWritten) {
        fixes.push({
          title: `Rename it to ${suggestion}`,
          edits: renameAttribute(node.file, attribute, suggestion, owner),
          isPreferred: false
        });
      } else if (suggestion) {
        fixes.push({
          title: `Remove ${attribute.name} (${suggestion} is set too)`,
          edits: removeAttribute(node.file, owner, attribute),
          isPreferred: false
        });
      }
      const meant = suggestion === void 0 ? "" : item.part === "value" ? ` Did you mean \`${suggestion}\`?` : item.suggestionWritten ? ` \`${suggestion}\` is written too, and that one is read.` : ` Did you mean \`${suggestion}\`?`;
      report({
        node,
        file: node.file,
        range: item.part === "value" ? attribute.valueRange : attribute.nameRange,
        message: findingMessage(item.problem, `${item.reason}.`, meant),
        related: [related(node, "the Service")],
        fixes
      });
    }
  }
};

// server/src/rules/index.ts
var RULES = [
  clientIpAlwaysOn,
  clientIpUnsupportedArgument,
  clientIpIpBackend,
  clientIpSameServer,
  clientIpSharedL4Off,
  clientIpNat64Conflict,
  clientIpIneffectiveOption,
  clientIpLostInCluster,
  elbAnnotationUnknown
];
function findRule(id10) {
  return RULES.find((rule) => rule.meta.id === id10);
}

// server/src/core/options.ts
var CONFIG_FILE_NAME = ".elb-lens.json";
var UNUSED_IGNORE_RULE_ID = "unused-ignore";
var INLINE_IGNORE_RULE_ID = "inline-ignore";
var IGNORE_COMMENT_RULE_ID = "ignore-comment";
var PROVIDER_VERSION_RULE_ID = "provider-version";
var DEFAULT_JSON_FILES = ["**/*.elb.json", "**/*.elb.jsonc"];
var RULE_SETTINGS = ["off", "error", "warning", "information", "hint"];
var KUBERNETES_NETWORKS = ["vpc", "tunnel", "eni"];

// server/src/project/configFile.ts
var ConfigError = class extends Error {
  constructor(file, line, column, key, detail) {
    super(`${file}:${line}:${column}: ${key ? `${key}: ` : ""}${detail}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.key = key;
    this.detail = detail;
    this.name = "ConfigError";
  }
  file;
  line;
  column;
  key;
  detail;
  /** The message with the file path shown relative to `cwd`. */
  relativeTo(cwd) {
    const relative7 = path.relative(cwd, this.file);
    const shown = relative7.startsWith("..") || path.isAbsolute(relative7) ? this.file : relative7.split(path.sep).join("/");
    return `${shown}:${this.line}:${this.column}: ${this.key ? `${this.key}: ` : ""}${this.detail}`;
  }
};
function knownRuleIds() {
  return [...RULES.map((r) => r.meta.id), UNUSED_IGNORE_RULE_ID, INLINE_IGNORE_RULE_ID, IGNORE_COMMENT_RULE_ID, PROVIDER_VERSION_RULE_ID];
}
function defaultConfig(dir) {
  return {
    path: "",
    dir,
    rules: {},
    exclude: [],
    varFiles: [],
    variables: {},
    jsonFiles: [...DEFAULT_JSON_FILES],
    kubernetesFiles: [],
    allowInlineIgnores: true
  };
}
var TOP_LEVEL_KEYS = ["$schema", "rules", "exclude", "varFiles", "variables", "json", "kubernetes", "allowInlineIgnores"];
function parseConfig(filePath, text2) {
  const lines = new LineIndex(text2);
  const fail = (offset, key, detail) => {
    const pos = lines.positionAt(offset);
    throw new ConfigError(filePath, pos.line + 1, pos.character + 1, key, detail);
  };
  const source = text2.charCodeAt(0) === 65279 ? " " + text2.slice(1) : text2;
  const { root, errors, tooDeepAt } = parseJsonTree(source);
  if (tooDeepAt !== void 0) fail(tooDeepAt, "", `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels`);
  if (errors.length > 0) {
    const first = errors[0];
    fail(first.offset, "", `invalid JSON: ${describeParseError(first.error)}`);
  }
  if (!root || root.type !== "object") return fail(root?.offset ?? 0, "", "the configuration must be a JSON object");
  const dir = path.dirname(filePath);
  const config = defaultConfig(dir);
  config.path = filePath;
  const seen = /* @__PURE__ */ new Set();
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) fail(keyNode.offset, key, "duplicate key");
    seen.add(key);
    switch (key) {
      case "$schema":
        if (value.type !== "string") fail(value.offset, key, "must be a string");
        break;
      case "rules":
        config.rules = readRules(value, fail);
        break;
      case "exclude":
        config.exclude = readGlobs(value, key, fail);
        break;
      case "varFiles":
        config.varFiles = readStrings(value, key, fail).map((f, index) => {
          const resolved = path.resolve(dir, f);
          if (!isInside(dir, resolved)) fail(value.children[index].offset, `${key}[${index}]`, outsideMessage(f));
          return resolved;
        });
        break;
      case "variables": {
        if (value.type !== "object") fail(value.offset, key, "must be an object of variable name \u2192 value");
        config.variables = JSON.parse(JSON.stringify(getNodeValue2(value)));
        break;
      }
      case "json": {
        if (value.type !== "object") fail(value.offset, key, 'must be an object, e.g. { "files": ["**/*.elb.json"] }');
        for (const inner of value.children ?? []) {
          const [innerKey, innerValue] = inner.children ?? [];
          if (!innerKey || !innerValue) continue;
          const name2 = String(innerKey.value);
          if (name2 !== "files") fail(innerKey.offset, `json.${name2}`, 'unknown key (expected "files")');
          config.jsonFiles = readGlobs(innerValue, "json.files", fail);
        }
        break;
      }
      case "kubernetes": {
        if (value.type !== "object") fail(value.offset, key, 'must be an object, e.g. { "files": ["k8s/**/*.yaml"], "network": "vpc" }');
        for (const inner of value.children ?? []) {
          const [innerKey, innerValue] = inner.children ?? [];
          if (!innerKey || !innerValue) continue;
          const name2 = String(innerKey.value);
          if (name2 === "files") config.kubernetesFiles = readGlobs(innerValue, "kubernetes.files", fail);
          else if (name2 === "network") {
            if (innerValue.type !== "string" || !KUBERNETES_NETWORKS.includes(innerValue.value)) {
              fail(innerValue.offset, "kubernetes.network", `must be one of ${KUBERNETES_NETWORKS.map((n2) => `"${n2}"`).join(", ")}`);
            }
            config.kubernetesNetwork = innerValue.value;
          } else fail(innerKey.offset, `kubernetes.${name2}`, 'unknown key (expected "files" or "network")');
        }
        break;
      }
      case "allowInlineIgnores":
        if (value.type !== "boolean") fail(value.offset, key, "must be true or false");
        config.allowInlineIgnores = value.value;
        break;
      default:
        fail(keyNode.offset, key, `unknown key (expected one of ${TOP_LEVEL_KEYS.join(", ")})`);
    }
  }
  return config;
}
function readRules(node, fail) {
  if (node.type !== "object") return fail(node.offset, "rules", "must be an object of rule id \u2192 severity");
  const known = knownRuleIds();
  const rules = {};
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const id10 = String(keyNode.value);
    const key = `rules.${id10}`;
    if (!known.includes(id10)) {
      const near = closest(id10, known);
      fail(keyNode.offset, key, `unknown rule id "${id10}"${near ? ` (did you mean "${near}"?)` : ""}; see "elb-lens rules"`);
    }
    if (value.type !== "string" || !RULE_SETTINGS.includes(value.value)) {
      fail(value.offset, key, `severity must be one of ${RULE_SETTINGS.map((s) => `"${s}"`).join(", ")}, got ${jsonText(value)}`);
    }
    rules[id10] = value.value;
  }
  return rules;
}
function closest(word, candidates) {
  let best;
  let bestDistance = Math.max(3, Math.floor(word.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i2) => i2);
  for (let i2 = 1; i2 <= a.length; i2++) {
    const current = [i2];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i2 - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
function readStrings(node, key, fail) {
  if (node.type !== "array") return fail(node.offset, key, "must be an array of strings");
  return (node.children ?? []).map((item, index) => {
    if (item.type !== "string" || item.value.trim() === "")
      return fail(item.offset, `${key}[${index}]`, "must be a non-empty string");
    return item.value;
  });
}
function readGlobs(node, key, fail) {
  const globs = readStrings(node, key, fail);
  globs.forEach((glob, index) => {
    const outside = path.posix.isAbsolute(glob) || path.win32.isAbsolute(glob) || glob.split(/[\\/]/).includes("..");
    if (outside) fail(node.children[index].offset, `${key}[${index}]`, outsideMessage(glob));
  });
  return globs;
}
function isInside(dir, filePath) {
  const relative7 = path.relative(dir, filePath);
  return relative7 === "" || !relative7.startsWith("..") && !path.isAbsolute(relative7);
}
function outsideMessage(written) {
  return `"${written}" is outside the folder of this configuration; a configuration only names files in its folder or below (give others on the command line: --var-file)`;
}
function jsonText(node) {
  const value = getNodeValue2(node);
  return value === void 0 ? node.type : JSON.stringify(value);
}
function describeParseError(code) {
  const name2 = printParseErrorCode(code);
  return name2.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
var ConfigResolver = class {
  /**
   * `realPath` (on a host with symbolic links) resolves links, so that a var file named
   * inside the configuration's folder cannot lead outside it.
   */
  constructor(readFile, options = {}) {
    this.readFile = readFile;
    this.realPath = options.realPath;
    if (options.configFile) this.explicit = this.load(path.resolve(options.configFile), true);
  }
  readFile;
  byDir = /* @__PURE__ */ new Map();
  byFile = /* @__PURE__ */ new Map();
  explicit;
  realPath;
  /** The configuration that applies to a file (the built-in defaults when there is none). */
  forFile(filePath) {
    return this.forDirectory(path.dirname(path.resolve(filePath)));
  }
  forDirectory(dir) {
    if (this.explicit) return this.explicit;
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    let config;
    if (this.readFile(candidate) !== void 0) config = this.load(candidate, false);
    else if (parent === dir) config = defaultConfig(dir);
    else config = this.forDirectory(parent);
    this.byDir.set(dir, config);
    return config;
  }
  /** Forget cached files (the language server calls this when a config file changes). */
  clear() {
    this.byDir.clear();
    this.byFile.clear();
  }
  load(filePath, required) {
    const cached = this.byFile.get(filePath);
    if (cached) return cached;
    const text2 = this.readFile(filePath);
    if (text2 === void 0) {
      if (required) throw new ConfigError(filePath, 1, 1, "", "cannot read the configuration file");
      return defaultConfig(path.dirname(filePath));
    }
    const config = parseConfig(filePath, text2);
    this.confineLinks(config);
    this.byFile.set(filePath, config);
    return config;
  }
  /** Refuses a var file that a symbolic link takes outside the configuration's folder. */
  confineLinks(config) {
    if (!this.realPath) return;
    const dir = this.realPath(config.dir) ?? config.dir;
    config.varFiles.forEach((file, index) => {
      const real = this.realPath(file);
      if (real !== void 0 && !isInside(dir, real)) {
        const shown = path.relative(config.dir, file);
        throw new ConfigError(
          config.path,
          1,
          1,
          `varFiles[${index}]`,
          `"${shown}" leads outside the folder of this configuration through a symbolic link; a configuration only names files in its folder or below`
        );
      }
    });
  }
};
function toAnalysisOptions(config, overrides = {}) {
  return {
    ...overrides,
    rules: { ...config.rules, ...overrides.rules ?? {} },
    variables: { ...config.variables, ...overrides.variables ?? {} },
    varFiles: [...config.varFiles, ...overrides.varFiles ?? []],
    allowInlineIgnores: overrides.allowInlineIgnores ?? config.allowInlineIgnores,
    ...overrides.kubernetes?.network || config.kubernetesNetwork ? { kubernetes: { network: overrides.kubernetes?.network ?? config.kubernetesNetwork } } : {}
  };
}

// server/src/core/pseudoRules.ts
var SUPPRESSIONS_PAGE = "docs/rules/README.md#severities-and-suppressions";
var PSEUDO_RULES = [
  {
    id: "unused-ignore",
    defaultSeverity: "hint",
    summary: "An elb-lens-ignore comment that suppresses nothing (reported with --report-unused-ignores).",
    docsPage: SUPPRESSIONS_PAGE
  },
  {
    id: "inline-ignore",
    defaultSeverity: "warning",
    summary: "An elb-lens-ignore comment where the configuration sets allowInlineIgnores to false.",
    docsPage: SUPPRESSIONS_PAGE
  },
  {
    id: "ignore-comment",
    defaultSeverity: "warning",
    summary: "An elb-lens-ignore comment that is malformed or names a rule id that does not exist, so it suppresses nothing.",
    docsPage: SUPPRESSIONS_PAGE
  },
  {
    id: "provider-version",
    defaultSeverity: "hint",
    summary: "A .terraform.lock.hcl or required_providers version that cannot be read (it is ignored).",
    docsPage: "docs/rules/provider-version.md"
  }
];

// server/src/rules/links.ts
function repositoryUrl(pkg) {
  const raw = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (!raw) return void 0;
  const url = raw.trim().replace(/^git\+/, "").replace(/^github:/, "https://github.com/").replace(/^gitlab:/, "https://gitlab.com/").replace(/^git@([^:]+):/, "https://$1/").replace(/\.git$/, "").replace(/\/+$/, "");
  return /^https:\/\/[^/\s]+\/\S+$/.test(url) ? url : void 0;
}
function ruleDocsPage(ruleId) {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  if (rule) return rule.meta.docsUrl;
  return PSEUDO_RULES.find((r) => r.id === ruleId)?.docsPage;
}
function projectLinks(pkg) {
  const repo = repositoryUrl(pkg);
  return {
    home: repo,
    rulePage: (ruleId) => {
      const page = ruleDocsPage(ruleId);
      return repo && page ? `${repo}/blob/HEAD/${page}` : void 0;
    }
  };
}

// server/src/core/types.ts
var SEVERITY_ORDER = {
  hint: 0,
  information: 1,
  warning: 2,
  error: 3
};
function positionLessOrEqual(a, b) {
  return a.line < b.line || a.line === b.line && a.character <= b.character;
}
function rangeContains(range, pos) {
  return positionLessOrEqual(range.start, pos) && positionLessOrEqual(pos, range.end);
}
function rangesOverlap(a, b) {
  return positionLessOrEqual(a.start, b.end) && positionLessOrEqual(b.start, a.end);
}

// server/src/rules/instanceFindings.ts
var DOWNLOADED = /[\\/]\.terraform[\\/]/;
function mergeInstanceFindings(reported) {
  const out2 = [];
  const groups = /* @__PURE__ */ new Map();
  for (const { finding, node } of reported) {
    const context = node?.context;
    if (!node || !context) {
      out2.push(finding);
      continue;
    }
    let result = { ...finding, related: addRelated(finding.related, context.callerSources(finding.range)) };
    if (context.shownAt) result = moveToCall(result, context.moduleAddress, context.shownAt);
    const key = `${result.ruleId}|${result.file}|${JSON.stringify(result.range)}|${result.message.split(node.address).join("#")}`;
    const group = groups.get(key);
    if (group) {
      if (!group.addresses.includes(node.address)) group.addresses.push(node.address);
      group.finding.related = addRelated(group.finding.related, result.related);
      continue;
    }
    const entry = { finding: result, addresses: [node.address] };
    groups.set(key, entry);
    out2.push(result);
  }
  for (const { finding, addresses } of groups.values()) {
    if (addresses.length < 2) continue;
    const others = addresses.slice(1).map((a) => `\`${a}\``);
    finding.message += ` The same holds for ${others.length === 1 ? "the instance" : `${others.length} more instances:`} ${others.join(", ")}.`;
  }
  return out2;
}
function addRelated(existing, more) {
  const result = [...existing];
  for (const location2 of more) {
    const same = result.some(
      (r) => r.file === location2.file && JSON.stringify(r.range) === JSON.stringify(location2.range) && r.message === location2.message
    );
    if (!same) result.push(location2);
  }
  return result;
}
function moveToCall(finding, moduleAddress, call) {
  const argument = finding.related.find((r) => r.file === call.file && !DOWNLOADED.test(r.file));
  return {
    ...finding,
    file: call.file,
    range: argument?.range ?? call.range,
    message: `In ${moduleAddress} (module code downloaded by terraform init): ${finding.message}`,
    related: [{ file: finding.file, range: finding.range, message: "where the downloaded module sets it" }, ...finding.related],
    // The downloaded copy is not the user's to edit, and `terraform init` would overwrite it.
    fixes: []
  };
}

// server/src/rules/engine.ts
function reportRules(model, options) {
  const findings = [];
  for (const rule of options.ruleSet ?? RULES) {
    const report = (r) => {
      if (r.file.blocks.some((b) => b.hasErrors && rangeContains(b.range, r.range.start))) return;
      findings.push({
        node: r.node,
        finding: {
          ruleId: rule.meta.id,
          severity: rule.meta.defaultSeverity,
          message: r.message,
          file: r.file.path,
          range: r.range,
          related: r.related ?? [],
          // A fix without edits (a value with no text of its own to change) is no fix.
          fixes: (r.fixes ?? []).filter((fix) => fix.edits.length > 0),
          docsUrl: `${options.docsBase}${rule.meta.id}.md`
        }
      });
    };
    try {
      rule.check({ model, report });
    } catch (error) {
      const where2 = options.source ? ` on ${options.source}` : "";
      options.log?.(`elb-lens: rule ${rule.meta.id} failed${where2}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return findings;
}

// server/src/suppress/suppress.ts
var ALL_RULES = "all";
var DIRECTIVE = /^(?:#|\/\/|\/\*)\s*elb-lens-ignore(-file)?(?![\w-])([^\n]*?)(?:\*\/)?\s*$/;
var REASON = /\s*#|\s*--|\s*\/\//;
function parseDirective(text2) {
  const match = DIRECTIVE.exec(text2.trim());
  if (!match) return void 0;
  const fileWide = match[1] === "-file";
  const colon = /^\s*:/.exec(match[2]);
  if (!colon) return { malformed: `a colon after elb-lens-ignore${fileWide ? "-file" : ""}` };
  const idsStart = text2.indexOf("elb-lens-ignore") + `elb-lens-ignore${fileWide ? "-file" : ""}`.length + colon[0].length;
  let idsText = text2.slice(idsStart).replace(/\*\/\s*$/, "");
  const reason = REASON.exec(idsText);
  if (reason) idsText = idsText.slice(0, reason.index);
  const ruleIds = [];
  for (const found of idsText.matchAll(/[^\s,]+/g)) ruleIds.push({ id: found[0], offset: idsStart + (found.index ?? 0) });
  if (ruleIds.length === 0) return { malformed: "a rule id (or `all`) after the colon" };
  return { fileWide, ruleIds };
}
function suppresses(ruleIds, ruleId) {
  return ruleIds.includes(ruleId) || ruleIds.includes(ALL_RULES);
}
function ignoreCommentProblems(file, knownIds, closest2) {
  const problems = [];
  for (const comment of file.comments) {
    const directive = parseDirective(comment.text);
    if (!directive) continue;
    if ("malformed" in directive) {
      problems.push({ range: comment.range, comment: comment.range, lacks: directive.malformed });
      continue;
    }
    for (const { id: id10, offset } of directive.ruleIds) {
      if (id10 === ALL_RULES || knownIds.includes(id10)) continue;
      const oneLine = comment.range.start.line === comment.range.end.line;
      const start2 = { line: comment.range.start.line, character: comment.range.start.character + offset };
      const range = oneLine ? { start: start2, end: { line: start2.line, character: start2.character + id10.length } } : comment.range;
      problems.push({ range, comment: comment.range, unknownId: id10, suggestion: closest2(id10, [...knownIds]) });
    }
  }
  return problems;
}
function collectSuppressions(file) {
  const suppressions = [];
  const firstCodeLine = firstNonCommentLine(file);
  for (const comment of file.comments) {
    const parsed2 = parseDirective(comment.text);
    if (!parsed2 || "malformed" in parsed2) continue;
    const directive = { fileWide: parsed2.fileWide, ruleIds: parsed2.ruleIds.map((r) => r.id) };
    const line = comment.range.start.line;
    if (directive.fileWide) {
      if (line <= firstCodeLine) {
        suppressions.push({
          ruleIds: directive.ruleIds,
          fromLine: 0,
          toLine: Number.MAX_SAFE_INTEGER,
          comment: comment.range,
          fileWide: true,
          used: false
        });
      }
      continue;
    }
    const block = blockStartingAt(file.blocks, line) ?? blockStartingAt(file.blocks, line + 1);
    const isOwnLine = file.lines.lineText(line).slice(0, comment.range.start.character).trim() === "";
    if (block && (isOwnLine ? block.range.start.line === line + 1 : block.range.start.line === line)) {
      suppressions.push({
        ruleIds: directive.ruleIds,
        fromLine: block.range.start.line,
        toLine: block.range.end.line,
        comment: comment.range,
        fileWide: false,
        used: false
      });
    } else {
      const target = isOwnLine ? line + 1 : line;
      suppressions.push({
        ruleIds: directive.ruleIds,
        fromLine: target,
        toLine: target,
        comment: comment.range,
        fileWide: false,
        used: false
      });
    }
  }
  return suppressions;
}
function blockStartingAt(blocks, line) {
  for (const block of blocks) {
    if (block.range.start.line === line) return block;
    if (block.range.start.line < line && line <= block.range.end.line) return blockStartingAt(block.blocks, line);
  }
  return void 0;
}
function firstNonCommentLine(file) {
  const starts = file.blocks.map((b) => b.range.start.line);
  for (const attribute of file.attributes.values()) starts.push(attribute.range.start.line);
  return starts.length > 0 ? Math.min(...starts) : Number.MAX_SAFE_INTEGER;
}
function applySuppressions(findings, suppressions) {
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    const match = suppressions.find((s) => suppresses(s.ruleIds, finding.ruleId) && line >= s.fromLine && line <= s.toLine);
    if (match) match.used = true;
    return !match;
  });
}
function suppressionFix(file, finding) {
  const marker = file.format === "hcl" || file.format === "yaml" ? "#" : file.format === "tfjson" ? void 0 : "//";
  if (!marker) return void 0;
  const line = finding.range.start.line;
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))?.[0] ?? "";
  return {
    title: `Ignore ${finding.ruleId} here`,
    edits: insertLineBefore(file, line, `${indent}${marker} elb-lens-ignore: ${finding.ruleId} -- reason`)
  };
}
function ignoreCommentFindings(file, context) {
  return ignoreCommentProblems(file, context.knownIds, context.closest).map((problem) => {
    const base = {
      ruleId: "ignore-comment",
      severity: context.severity,
      file: file.path,
      range: problem.range,
      related: [],
      docsUrl: context.docsUrl
    };
    if (problem.unknownId === void 0) {
      return {
        ...base,
        message: `This elb-lens-ignore comment lacks ${problem.lacks ?? "a rule id"}, so it suppresses nothing. Write \`# elb-lens-ignore: <rule-id> # reason\` (several ids separated by commas, or \`all\`).`,
        fixes: []
      };
    }
    const { unknownId, suggestion } = problem;
    return {
      ...base,
      message: `No rule has the id \`${unknownId}\`, so this ignore comment suppresses nothing for it. ` + (suggestion ? `Did you mean \`${suggestion}\`?` : "`elb-lens rules` lists the ids."),
      // The id's own range (a one-line comment): the fix replaces just the id.
      fixes: suggestion && problem.range !== problem.comment ? [
        {
          title: `Change it to ${suggestion}`,
          edits: [{ file: file.path, range: problem.range, newText: suggestion }],
          isPreferred: true
        }
      ] : []
    };
  });
}

// server/src/suppress/policy.ts
function withRuleSettings(findings, settings = {}) {
  const out2 = [];
  for (const finding of findings) {
    const setting = settings[finding.ruleId];
    if (setting === "off") continue;
    out2.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out2;
}
function shownFindings(findings, suppressions, options) {
  const shown = withRuleSettings(findings, options.rules);
  return options.allowInlineIgnores !== false ? applySuppressions(shown, suppressions) : shown;
}
function fileFindings(file, findings, options, context) {
  const { docsBase } = context;
  const settings = options.rules ?? {};
  const allowInline = options.allowInlineIgnores !== false;
  const suppressions = collectSuppressions(file);
  const shown = shownFindings(findings, suppressions, options);
  if (!allowInline && settings[INLINE_IGNORE_RULE_ID] !== "off") {
    for (const s of suppressions) {
      shown.push({
        ruleId: INLINE_IGNORE_RULE_ID,
        severity: severityOf(INLINE_IGNORE_RULE_ID, settings),
        message: `Inline suppressions are not allowed here (allowInlineIgnores is false): this elb-lens-ignore comment (${s.ruleIds.join(", ")}) is not honoured.`,
        file: file.path,
        range: s.comment,
        related: [],
        fixes: [],
        docsUrl: `${docsBase}README.md`
      });
    }
  }
  if (settings[IGNORE_COMMENT_RULE_ID] !== "off") {
    shown.push(
      ...ignoreCommentFindings(file, {
        knownIds: context.knownIds,
        closest: context.closest,
        severity: severityOf(IGNORE_COMMENT_RULE_ID, settings),
        docsUrl: `${docsBase}README.md`
      })
    );
  }
  if (options.reportUnusedIgnores && allowInline && settings[UNUSED_IGNORE_RULE_ID] !== "off") {
    for (const s of suppressions.filter((x) => !x.used)) {
      shown.push({
        ruleId: UNUSED_IGNORE_RULE_ID,
        severity: severityOf(UNUSED_IGNORE_RULE_ID, settings),
        message: `This elb-lens-ignore comment suppresses nothing (${s.ruleIds.join(", ")}).`,
        file: file.path,
        range: s.comment,
        related: [],
        fixes: [{ title: "Remove the unused elb-lens-ignore comment", edits: commentRemovalEdits(file, s.comment) }],
        docsUrl: `${docsBase}README.md`,
        unusedSuppression: true
      });
    }
  }
  return shown;
}
function severityOf(ruleId, settings) {
  const setting = settings[ruleId];
  if (setting && setting !== "off") return setting;
  return PSEUDO_RULES.find((r) => r.id === ruleId)?.defaultSeverity ?? "warning";
}
function commentRemovalEdits(file, comment) {
  const { lines } = file;
  const lineStart = lines.lineStart(comment.start.line);
  const start2 = lines.offsetAt(comment.start);
  const end = lines.offsetAt(comment.end);
  const lineEnd = lines.lineEnd(comment.end.line);
  const before = file.text.slice(lineStart, start2);
  const after = file.text.slice(end, lineEnd);
  if (before.trim() === "" && after.trim() === "") return removeLines(file, comment.start.line, comment.end.line);
  const spaces = /[ \t]*$/.exec(before)?.[0].length ?? 0;
  return [{ file: file.path, range: lines.range(start2 - spaces, after.trim() === "" ? lineEnd : end), newText: "" }];
}

// server/src/terraform/evaluate.ts
var SPECIAL_ROOTS = /* @__PURE__ */ new Set(["var", "local", "module", "data", "path", "terraform", "self", "count", "each"]);
var MAX_DEPTH = 64;
var MAX_VALUE_NODES = 1e5;
var MAX_STRING_CHARS = 1e6;
var valueSizes = /* @__PURE__ */ new WeakMap();
function sizeOf(value) {
  if (value === null || typeof value !== "object") return 1;
  return valueSizes.get(value) ?? 1 + (Array.isArray(value) ? value.length : Object.keys(value).length);
}
function sized(value) {
  let size = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) size += sizeOf(item);
  if (size > MAX_VALUE_NODES) return tooLarge();
  valueSizes.set(value, size);
  return value;
}
function tooLarge() {
  return new Unknown(`the value is too large to work out statically (over ${MAX_VALUE_NODES} parts)`);
}
function boundedString(text2) {
  return text2.length > MAX_STRING_CHARS ? new Unknown(`the string is too long to work out statically (over ${MAX_STRING_CHARS} characters)`) : text2;
}
var Evaluator = class {
  constructor(scope) {
    this.scope = scope;
  }
  scope;
  evaluate(expr, depth = 0) {
    if (depth > MAX_DEPTH) return new Unknown("expression too deeply nested");
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "parens":
        return this.evaluate(expr.inner, depth + 1);
      case "template":
        return this.template(expr.parts, depth);
      case "conditional": {
        const condition = this.evaluate(expr.condition, depth + 1);
        if (isUnknown(condition)) return new Unknown(`the condition is unknown (${condition.reason})`);
        const truth = toBool(condition);
        if (truth === void 0) return new Unknown("the condition is not a boolean");
        return this.evaluate(truth ? expr.whenTrue : expr.whenFalse, depth + 1);
      }
      case "call":
        return this.call(expr.name, expr.args, depth);
      case "tuple": {
        const items = [];
        for (const item of expr.items) {
          const value = this.evaluate(item, depth + 1);
          if (isUnknown(value)) return value;
          items.push(value);
        }
        return sized(items);
      }
      case "object": {
        const result = /* @__PURE__ */ Object.create(null);
        for (const entry of expr.entries) {
          const key = entry.key.kind === "traversal" && entry.key.steps.length === 0 ? entry.key.root : this.evaluate(entry.key, depth + 1);
          if (isUnknown(key) || typeof key === "object") return new Unknown("an object key is unknown");
          const value = this.evaluate(entry.value, depth + 1);
          if (isUnknown(value)) return value;
          result[String(key)] = value;
        }
        return sized(result);
      }
      case "unary": {
        const operand = this.evaluate(expr.operand, depth + 1);
        if (isUnknown(operand)) return operand;
        if (expr.op === "!") {
          const truth = toBool(operand);
          return truth === void 0 ? new Unknown("operand of ! is not a boolean") : !truth;
        }
        if (expr.op === "-" && typeof operand === "number") return -operand;
        return new Unknown(`unsupported operator ${expr.op}`);
      }
      case "binary":
        return this.binary(expr.op, expr.left, expr.right, depth);
      case "traversal":
        return this.traversal(expr, depth);
      case "annotated":
        return this.evaluate(expr.value, depth + 1);
      case "opaque":
        return new Unknown("the expression is not evaluated statically");
    }
  }
  template(parts2, depth) {
    if (parts2.length === 1 && parts2[0].kind !== "literal") return this.evaluate(parts2[0], depth + 1);
    let result = "";
    for (const part of parts2) {
      const value = this.evaluate(part, depth + 1);
      if (isUnknown(value)) return value;
      const text2 = toStringValue(value);
      if (text2 === void 0) return new Unknown("a template part is not a string");
      result += text2;
      if (result.length > MAX_STRING_CHARS) return boundedString(result);
    }
    return result;
  }
  binary(op, leftExpr, rightExpr, depth) {
    const left = this.evaluate(leftExpr, depth + 1);
    if (op === "&&" || op === "||") {
      const right2 = this.evaluate(rightExpr, depth + 1);
      const l = isUnknown(left) ? void 0 : toBool(left);
      const r = isUnknown(right2) ? void 0 : toBool(right2);
      if (op === "&&") {
        if (l === false || r === false) return false;
        if (l === true && r === true) return true;
      } else {
        if (l === true || r === true) return true;
        if (l === false && r === false) return false;
      }
      return new Unknown("a logical operand is unknown");
    }
    if (isUnknown(left)) return left;
    const right = this.evaluate(rightExpr, depth + 1);
    if (isUnknown(right)) return right;
    switch (op) {
      case "==":
      case "!=": {
        const equal = equalValues(left, right);
        if (equal === void 0) return new Unknown("values too deeply nested to compare");
        return op === "==" ? equal : !equal;
      }
    }
    if (typeof left !== "number" || typeof right !== "number") return new Unknown(`operator ${op} needs numbers`);
    switch (op) {
      case "+":
        return left + right;
      case "-":
        return left - right;
      case "*":
        return left * right;
      case "/":
        return right === 0 ? new Unknown("division by zero") : left / right;
      case "%":
        return right === 0 ? new Unknown("division by zero") : left % right;
      case "<":
        return left < right;
      case ">":
        return left > right;
      case "<=":
        return left <= right;
      case ">=":
        return left >= right;
    }
    return new Unknown(`unsupported operator ${op}`);
  }
  call(name2, argExprs, depth) {
    const args2 = argExprs.map((a) => this.evaluate(a, depth + 1));
    const unknownArg = args2.find(isUnknown);
    if (unknownArg) return unknownArg;
    const known = args2;
    const first = known[0];
    switch (name2) {
      case "tobool": {
        if (known.length !== 1) break;
        if (first === null) return null;
        const truth = toBool(first);
        return truth === void 0 ? new Unknown("tobool() of a value that is not a boolean") : truth;
      }
      case "tostring": {
        if (known.length !== 1) break;
        if (first === null) return null;
        const text2 = toStringValue(first);
        return text2 === void 0 ? new Unknown("tostring() of a collection") : text2;
      }
      case "tonumber": {
        if (known.length !== 1) break;
        const n2 = typeof first === "number" ? first : typeof first === "string" ? Number(first) : NaN;
        return Number.isFinite(n2) ? n2 : new Unknown("tonumber() of a value that is not a number");
      }
      case "lower":
      case "upper":
      case "trimspace": {
        if (known.length !== 1 || typeof first !== "string") break;
        return name2 === "lower" ? first.toLowerCase() : name2 === "upper" ? first.toUpperCase() : first.trim();
      }
      case "coalesce": {
        const found = known.find((v) => v !== null && v !== "");
        return found === void 0 ? new Unknown("coalesce() of empty values") : found;
      }
      case "element": {
        const [list, index] = known;
        if (!Array.isArray(list) || list.length === 0 || typeof index !== "number" || !Number.isInteger(index) || index < 0) break;
        return list[index % list.length];
      }
      case "length": {
        if (known.length !== 1) break;
        if (Array.isArray(first)) return first.length;
        if (typeof first === "string") return [...first].length;
        if (first !== null && typeof first === "object") return Object.keys(first).length;
        break;
      }
      case "lookup": {
        const [map, key, fallback] = known;
        if (map === null || typeof map !== "object" || Array.isArray(map) || typeof key !== "string") break;
        if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
        return known.length === 3 ? fallback : new Unknown(`lookup(): no key "${key}"`);
      }
      case "keys":
      case "values": {
        if (known.length !== 1 || first === null || typeof first !== "object" || Array.isArray(first)) break;
        const keys = Object.keys(first).sort();
        return name2 === "keys" ? keys : keys.map((k) => first[k]);
      }
      case "tolist":
      case "tomap":
        if (known.length === 1 && first !== null && typeof first === "object") return first;
        break;
      case "toset": {
        if (known.length !== 1 || !Array.isArray(first)) break;
        const unique = [];
        for (const item of first) if (!unique.some((u) => equalValues(u, item) === true)) unique.push(item);
        return unique.every((u) => typeof u === "string") ? unique.sort() : unique;
      }
      case "concat": {
        if (!known.every(Array.isArray)) break;
        const lists = known;
        if (lists.reduce((n2, l) => n2 + l.length, 0) > MAX_VALUE_NODES) return tooLarge();
        return sized([].concat(...lists));
      }
      case "merge": {
        if (!known.every((m) => m === null || typeof m === "object" && !Array.isArray(m))) break;
        return sized(
          Object.assign(/* @__PURE__ */ Object.create(null), ...known.filter((m) => m !== null))
        );
      }
      case "contains": {
        const [list, item] = known;
        if (!Array.isArray(list) || known.length !== 2) break;
        return list.some((v) => equalValues(v, item) === true);
      }
    }
    return new Unknown(`the function ${name2}() is not evaluated statically`);
  }
  traversal(expr, depth) {
    const { root, steps } = expr;
    const firstAttr = steps[0]?.kind === "attr" ? steps[0].name : void 0;
    const iteration = this.scope.iteration(root);
    if (iteration !== void 0) return this.applySteps(iteration, steps, depth);
    if (root === "count" || root === "each")
      return new Unknown(
        `${renderTraversalHead(expr)} is only known for a resource or module with known ${root === "count" ? "count" : "for_each"}`
      );
    let value;
    const rest = steps.slice(1);
    if (root === "var" && firstAttr) {
      const variable = this.scope.variable(firstAttr);
      value = variable ? variable.value : new Unknown(`var.${firstAttr} is not declared in this module`);
    } else if (root === "local" && firstAttr) {
      value = this.scope.localValue(firstAttr) ?? new Unknown(`local.${firstAttr} is not defined in this module`);
    } else if (root === "module" && firstAttr) {
      return this.scope.moduleValue(firstAttr, rest, depth + 1) ?? new Unknown(`module.${firstAttr} is not called in this module`);
    } else if (firstAttr && !SPECIAL_ROOTS.has(root)) {
      const resource = this.scope.resourceValue(root, firstAttr, rest, depth + 1);
      if (resource !== void 0) return resource;
      return new Unknown(`${renderTraversalHead(expr)} is only known when Terraform runs`);
    } else {
      return new Unknown(`${renderTraversalHead(expr)} is only known when Terraform runs`);
    }
    return this.applySteps(value, rest, depth);
  }
  /** Indexes into a value step by step (`.attr`, `[key]`); a splat is unknown. */
  applySteps(start2, steps, depth) {
    let value = start2;
    for (const step of steps) {
      if (isUnknown(value)) return value;
      value = this.step(value, step, depth);
    }
    return value;
  }
  step(value, step, depth) {
    if (step.kind === "splat") return new Unknown("splat of a value");
    let key;
    if (step.kind === "attr") key = step.name;
    else key = this.evaluate(step.key, depth + 1);
    if (isUnknown(key)) return key;
    if (Array.isArray(value)) {
      const i2 = typeof key === "number" ? key : Number(key);
      return Number.isInteger(i2) && i2 >= 0 && i2 < value.length ? value[i2] : new Unknown("index out of range");
    }
    if (value !== null && typeof value === "object" && (typeof key === "string" || typeof key === "number")) {
      const k = String(key);
      return Object.prototype.hasOwnProperty.call(value, k) ? value[k] : new Unknown(`no key "${k}"`);
    }
    return new Unknown("cannot index this value");
  }
};
function renderTraversalHead(expr) {
  const first = expr.steps[0];
  return first?.kind === "attr" ? `${expr.root}.${first.name}` : expr.root;
}
function equalValues(a, b, depth = 0) {
  if (depth > MAX_DEPTH) return void 0;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i2 = 0; i2 < a.length; i2++) {
      const equal = equalValues(a[i2], b[i2], depth + 1);
      if (equal !== true) return equal;
    }
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    const equal = equalValues(a[key], b[key], depth + 1);
    if (equal !== true) return equal;
  }
  return true;
}

// server/src/terraform/scope.ts
var MAX_DEPTH2 = 64;
var Scope = class _Scope {
  constructor(module2, bindings = /* @__PURE__ */ new Map()) {
    this.module = module2;
    this.bindings = bindings;
  }
  module;
  bindings;
  evaluatorInstance;
  /** This scope with one more name bound. */
  with(name2, binding) {
    const bindings = new Map(this.bindings);
    bindings.set(name2, binding);
    return new _Scope(this.module, bindings);
  }
  get evaluator() {
    this.evaluatorInstance ??= new Evaluator(this);
    return this.evaluatorInstance;
  }
  evaluate(expr, depth = 0) {
    return this.evaluator.evaluate(expr, depth);
  }
  evaluateAttribute(block, name2) {
    const attribute = block.attributes.get(name2);
    return attribute ? this.evaluate(attribute.expr) : void 0;
  }
  // ---- EvalScope ----
  variable(name2) {
    return this.module.variable(name2);
  }
  localValue(name2) {
    return this.module.localValue(name2);
  }
  iteration(root) {
    return this.bindings.get(root)?.value;
  }
  resourceValue(type, name2, steps, depth) {
    const entry = this.module.resources.get(`${type}.${name2}`);
    if (!entry) return void 0;
    if (depth > MAX_DEPTH2) return new Unknown("references nest too deeply");
    const instances = this.module.instancesOf(entry);
    const picked = this.pickInstance(instances, steps, depth, `${type}.${name2}`);
    if (picked.instance instanceof Unknown) {
      if (!picked.keyUnknown || instances.length === 0) return picked.instance;
      const values = instances.map((instance2) => this.instanceValue(instance2, picked.rest, depth));
      const first = values[0];
      return values.every((v) => !isUnknown(v) && JSON.stringify(v) === JSON.stringify(first)) ? first : picked.instance;
    }
    return this.instanceValue(picked.instance, picked.rest, depth);
  }
  instanceValue(instance2, rest, depth) {
    const attrStep = rest[0];
    if (!attrStep || attrStep.kind !== "attr") return new Unknown(`${instance2.address} is a resource, not a value`);
    const configured = instance2.entry.block.attributes.get(attrStep.name);
    if (!configured) return new Unknown(`${instance2.address}.${attrStep.name} is computed when Terraform runs`);
    const value = instance2.module.attributeValue(instance2, configured, attrStep.name);
    return this.evaluator.applySteps(value, rest.slice(1), depth);
  }
  moduleValue(name2, steps, depth) {
    const call = this.module.calls.get(name2);
    if (!call) return void 0;
    if (depth > MAX_DEPTH2) return new Unknown("references nest too deeply");
    const children = this.module.childrenOf(call);
    if (children.length === 0) {
      const why = this.module.unavailableReason(name2);
      return new Unknown(`module.${name2} ${why ? `cannot be read (${why})` : "has no instances here"}`);
    }
    const picked = this.pickChild(children, steps, depth, name2);
    if (picked.child instanceof Unknown) return picked.child;
    const { child: child3, rest } = picked;
    const outputStep = rest[0];
    if (!outputStep || outputStep.kind !== "attr") return new Unknown(`module.${name2} is a module, not a value`);
    const output = child3.outputValue(outputStep.name);
    if (output === void 0) return new Unknown(`${child3.address} has no output "${outputStep.name}"`);
    return this.evaluator.applySteps(output, rest.slice(1), depth);
  }
  /** The instance a traversal names: `[key]` picks one; no key is the only instance. */
  pickInstance(instances, steps, depth, label) {
    const first = steps[0];
    if (first?.kind === "splat") return { instance: new Unknown(`${label}[*] is a list of instances`), rest: steps };
    if (first?.kind === "index") {
      const key = this.evaluate(first.key, depth + 1);
      const rest = steps.slice(1);
      const abstract = instances.find((i2) => i2.abstract);
      if (abstract) return { instance: abstract, rest };
      if (isUnknown(key)) return { instance: key, rest, keyUnknown: true };
      const found = instances.find((i2) => i2.key !== void 0 && String(i2.key) === String(key));
      return { instance: found ?? new Unknown(`${label} has no instance [${JSON.stringify(key)}]`), rest };
    }
    if (instances.length === 1) return { instance: instances[0], rest: steps };
    if (instances.length === 0) return { instance: new Unknown(`${label} has no instances`), rest: steps };
    return { instance: new Unknown(`${label} has several instances`), rest: steps };
  }
  pickChild(children, steps, depth, name2) {
    const first = steps[0];
    if (first?.kind === "index") {
      const key = this.evaluate(first.key, depth + 1);
      if (isUnknown(key)) return { child: key, rest: steps.slice(1) };
      const found = children.find((c) => c.address.endsWith(`module.${name2}[${typeof key === "number" ? key : JSON.stringify(key)}]`));
      return { child: found ?? new Unknown(`module.${name2} has no instance [${JSON.stringify(key)}]`), rest: steps.slice(1) };
    }
    if (children.length === 1) return { child: children[0], rest: steps };
    return { child: new Unknown(`module.${name2} has several instances`), rest: steps };
  }
  // ---- references ----
  /**
   * Calls `visit` for each resource instance an expression refers to, following locals,
   * variables into the caller's arguments, `module.x.out` into the child's output, and
   * `count`/`each`/iterators into their `count`/`for_each` expression. Of a conditional,
   * only the chosen branch when the condition is known.
   */
  visitReferences(expr, visit3) {
    this.visit(expr, visit3, /* @__PURE__ */ new Set(), 0);
  }
  visit(expr, visitor, seen, depth) {
    if (depth > MAX_DEPTH2) return;
    const recurse = (e, scope = this) => scope.visit(e, visitor, seen, depth + 1);
    switch (expr.kind) {
      case "traversal": {
        const { root, steps } = expr;
        for (const step of steps) if (step.kind === "index") recurse(step.key);
        const first = steps[0];
        const binding = this.bindings.get(root);
        if (binding) {
          if (binding.origin) recurse(binding.origin.expr, binding.origin.scope);
          return;
        }
        if (first?.kind !== "attr") return;
        const guard = `${this.module.address}|${root}.${first.name}`;
        if (root === "local" || root === "var" || root === "module") {
          if (seen.has(guard)) return;
          seen.add(guard);
        }
        if (root === "local") {
          const localExpr = this.module.local(first.name);
          if (localExpr) recurse(localExpr);
          return;
        }
        if (root === "var") {
          const argument = this.module.callerArgument(first.name);
          if (argument) recurse(argument.attribute.expr, argument.parent.scope);
          return;
        }
        if (root === "module") {
          const call = this.module.calls.get(first.name);
          if (!call) return;
          const children = this.module.childrenOf(call);
          const picked2 = this.pickChild(children, steps.slice(1), depth, first.name);
          const output = picked2.rest[0];
          if (picked2.child instanceof Unknown || output?.kind !== "attr") return;
          const outputExpr = picked2.child.output(output.name);
          if (outputExpr) recurse(outputExpr.expr, picked2.child.scope);
          return;
        }
        const entry = this.module.resources.get(`${root}.${first.name}`);
        if (!entry) return;
        const instances = this.module.instancesOf(entry);
        const picked = this.pickInstance(instances, steps.slice(1), depth, entry.address);
        if (picked.instance instanceof Unknown) return;
        const instance2 = picked.instance;
        const attr = picked.rest.find((s) => s.kind === "attr");
        visitor(instance2, attr?.kind === "attr" ? attr.name : void 0);
        return;
      }
      case "conditional": {
        const condition = this.evaluate(expr.condition);
        const truth = isUnknown(condition) ? void 0 : condition === true || condition === "true" ? true : condition === false || condition === "false" ? false : void 0;
        if (truth === void 0) {
          recurse(expr.condition);
          recurse(expr.whenTrue);
          recurse(expr.whenFalse);
        } else recurse(truth ? expr.whenTrue : expr.whenFalse);
        return;
      }
      case "template":
        expr.parts.forEach((p) => recurse(p));
        return;
      case "call":
        expr.args.forEach((a) => recurse(a));
        return;
      case "tuple":
        expr.items.forEach((i2) => recurse(i2));
        return;
      case "object":
        expr.entries.forEach((e) => {
          recurse(e.key);
          recurse(e.value);
        });
        return;
      case "unary":
        recurse(expr.operand);
        return;
      case "binary":
        recurse(expr.left);
        recurse(expr.right);
        return;
      case "parens":
        recurse(expr.inner);
        return;
      case "annotated":
        recurse(expr.references);
        return;
      default:
        return;
    }
  }
  /** The resource instances an expression refers to (see visitReferences). */
  referencedResources(expr) {
    const found = [];
    this.visitReferences(expr, (instance2) => {
      if (!found.includes(instance2)) found.push(instance2);
    });
    return found;
  }
  /** The single resource instance an id-like attribute points at (`loadbalancer_id = x.lb.id`). */
  linkedResource(block, attribute) {
    const attr = block.attributes.get(attribute);
    if (!attr) return void 0;
    const targets = this.referencedResources(attr.expr);
    return targets.length === 1 ? targets[0] : void 0;
  }
  /**
   * The callers' arguments that supply values to an expression (through variables, locals,
   * `count`, `each` and iterators), as related locations naming the module instance.
   */
  callerSources(expr) {
    const out2 = [];
    this.sources(expr, out2, /* @__PURE__ */ new Set(), 0);
    return out2;
  }
  sources(expr, out2, seen, depth) {
    if (depth > MAX_DEPTH2) return;
    const recurse = (e, scope = this) => scope.sources(e, out2, seen, depth + 1);
    forEachChild(expr, (child3) => recurse(child3));
    if (expr.kind !== "traversal") return;
    const binding = this.bindings.get(expr.root);
    if (binding?.origin) {
      recurse(binding.origin.expr, binding.origin.scope);
      return;
    }
    const first = expr.steps[0];
    if (first?.kind !== "attr") return;
    const guard = `${this.module.address}|${expr.root}.${first.name}`;
    if (seen.has(guard)) return;
    seen.add(guard);
    if (expr.root === "local") {
      const localExpr = this.module.local(first.name);
      if (localExpr) recurse(localExpr);
    } else if (expr.root === "var") {
      const argument = this.module.callerArgument(first.name);
      if (!argument) return;
      const { attribute, parent } = argument;
      const value = this.module.variable(first.name)?.value;
      const shown = value === void 0 || isUnknown(value) ? exprText(parent.call.file, attribute.expr) : JSON.stringify(value);
      out2.push({
        file: parent.call.file.path,
        range: attribute.range,
        message: `${this.module.address} gets var.${first.name} = ${shown} here`
      });
      recurse(attribute.expr, parent.scope);
    }
  }
};
function forEachChild(expr, visit3) {
  switch (expr.kind) {
    case "traversal":
      for (const step of expr.steps) if (step.kind === "index") visit3(step.key);
      return;
    case "conditional":
      visit3(expr.condition);
      visit3(expr.whenTrue);
      visit3(expr.whenFalse);
      return;
    case "template":
      expr.parts.forEach(visit3);
      return;
    case "call":
      expr.args.forEach(visit3);
      return;
    case "tuple":
      expr.items.forEach(visit3);
      return;
    case "object":
      expr.entries.forEach((e) => {
        visit3(e.key);
        visit3(e.value);
      });
      return;
    case "unary":
      visit3(expr.operand);
      return;
    case "binary":
      visit3(expr.left);
      visit3(expr.right);
      return;
    case "parens":
      visit3(expr.inner);
      return;
    default:
      return;
  }
}

// server/src/terraform/instances.ts
function keySuffix(key) {
  if (key === void 0) return "";
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
var MAX_INSTANCES = 256;
function expand(block, scope) {
  const countAttribute = block.attributes.get("count");
  const forEachAttribute2 = block.attributes.get("for_each");
  if (countAttribute) {
    const origin = { scope, expr: countAttribute.expr };
    const count = toCount(scope.evaluate(countAttribute.expr));
    if (typeof count !== "number" || count > MAX_INSTANCES) {
      const reason = typeof count === "number" ? `count is ${count}` : `count is unknown (${count.reason})`;
      return [{ key: void 0, abstract: true, scope: scope.with("count", { value: new Unknown(`count.index: ${reason}`), origin }) }];
    }
    return Array.from({ length: count }, (_, index) => ({
      key: index,
      abstract: false,
      scope: scope.with("count", { value: { index }, origin })
    }));
  }
  if (forEachAttribute2) {
    const origin = { scope, expr: forEachAttribute2.expr };
    const items = forEachItems(scope.evaluate(forEachAttribute2.expr));
    if (isUnknown(items) || items.length > MAX_INSTANCES) {
      const reason = isUnknown(items) ? `for_each is unknown (${items.reason})` : `for_each has ${items.length} elements`;
      return [{ key: void 0, abstract: true, scope: scope.with("each", { value: new Unknown(`each: ${reason}`), origin }) }];
    }
    return items.map(({ key, value }) => ({ key, abstract: false, scope: scope.with("each", { value: { key, value }, origin }) }));
  }
  return [{ key: void 0, abstract: false, scope }];
}
function toCount(value) {
  if (isUnknown(value)) return value;
  const n2 = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(n2) && n2 >= 0 ? n2 : new Unknown("count is not a whole number");
}
function forEachItems(value) {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === "string")) return new Unknown("for_each over a list that is not a set of strings");
    return [...new Set(value)].sort().map((key) => ({ key, value: key }));
  }
  if (value !== null && typeof value === "object") {
    return Object.keys(value).sort().map((key) => ({ key, value: value[key] }));
  }
  return new Unknown("for_each is not a map or a set");
}
function nestedBlocks(block, scope, type) {
  const blocks = [];
  let maybeMore = false;
  for (const nested of block.blocks) {
    if (nested.type === type) {
      blocks.push({ block: nested, scope });
      continue;
    }
    if (nested.type !== "dynamic" || nested.labels[0] !== type) continue;
    const content = nested.blocks.find((b) => b.type === "content");
    const forEach = nested.attributes.get("for_each");
    if (!content || !forEach) {
      maybeMore = true;
      continue;
    }
    const items = forEachItemsOrList(scope.evaluate(forEach.expr));
    if (isUnknown(items)) {
      maybeMore = true;
      continue;
    }
    const iteratorAttr = nested.attributes.get("iterator");
    const iteratorExpr = iteratorAttr?.expr;
    const iterator = iteratorExpr?.kind === "traversal" && iteratorExpr.steps.length === 0 ? iteratorExpr.root : iteratorExpr?.kind === "literal" && typeof iteratorExpr.value === "string" ? iteratorExpr.value : type;
    for (const { key, value } of items) {
      blocks.push({
        block: content,
        scope: scope.with(iterator, { value: { key, value }, origin: { scope, expr: forEach.expr } }),
        dynamic: nested
      });
    }
  }
  return { blocks, maybeMore };
}
function forEachItemsOrList(value) {
  if (!isUnknown(value) && Array.isArray(value)) return value.map((v, i2) => ({ key: i2, value: v }));
  return forEachItems(value);
}

// server/src/terraform/module.ts
var MAX_MODULE_DEPTH = 12;
var MAX_MODULE_INSTANCES = 2e3;
var MAX_REFERENCE_CHAIN = 200;
var TerraformModule = class _TerraformModule {
  constructor(dir, files, inputs = [], context = {}) {
    this.dir = dir;
    this.files = files;
    this.address = context.address ?? "";
    this.parent = context.parent;
    this.loader = context.loader;
    this.keyPath = context.keyPath ?? [];
    this.downloaded = context.downloaded ?? false;
    this.lazy = context.lazy;
    this.tree = context.tree ?? { made: 1, evaluating: 0 };
    for (const file of files) this.index(file);
    for (const input2 of inputs) this.inputs.set(input2.name, { value: input2.value, source: input2.source });
    this.scope = new Scope(this);
  }
  dir;
  files;
  resources = /* @__PURE__ */ new Map();
  calls = /* @__PURE__ */ new Map();
  outputs = /* @__PURE__ */ new Map();
  address;
  parent;
  keyPath;
  downloaded;
  /** The module's own scope (no `count`/`each`). */
  scope;
  variables = /* @__PURE__ */ new Map();
  locals = /* @__PURE__ */ new Map();
  inputs = /* @__PURE__ */ new Map();
  /** Values worked out once per module instance (EVALUATING while in progress: a second visit is a cycle). */
  variableValues = /* @__PURE__ */ new Map();
  localValues = /* @__PURE__ */ new Map();
  outputValues = /* @__PURE__ */ new Map();
  attributeValues = /* @__PURE__ */ new Map();
  resourceInstances = /* @__PURE__ */ new Map();
  childInstances = /* @__PURE__ */ new Map();
  unavailableCalls = /* @__PURE__ */ new Map();
  loader;
  /** Files not parsed up front, asked for a declaration when one is missing. */
  lazy;
  lazyLoaded = /* @__PURE__ */ new Set();
  /** Bounds shared with the root module and every instance below it. */
  tree;
  index(file) {
    for (const block of file.blocks) {
      if (block.type === "resource" && block.labels.length >= 2) {
        const [type, name2] = block.labels;
        const address = `${type}.${name2}`;
        if (!this.resources.has(address)) this.resources.set(address, { type, name: name2, address, block, file });
      } else if (block.type === "variable" && block.labels.length >= 1) {
        if (!this.variables.has(block.labels[0])) this.variables.set(block.labels[0], { block, file });
      } else if (block.type === "locals") {
        for (const [name2, attribute] of block.attributes) if (!this.locals.has(name2)) this.locals.set(name2, attribute);
      } else if (block.type === "module" && block.labels.length >= 1) {
        if (!this.calls.has(block.labels[0])) this.calls.set(block.labels[0], { name: block.labels[0], block, file });
      } else if (block.type === "output" && block.labels.length >= 1) {
        const value = block.attributes.get("value");
        if (value && !this.outputs.has(block.labels[0])) this.outputs.set(block.labels[0], value);
      }
    }
  }
  /** Parses and indexes the not-yet-read files that may declare `name` (once per name). */
  loadDeclaration(kind, name2) {
    const key = `${kind} ${name2}`;
    if (!this.lazy || this.lazyLoaded.has(key)) return;
    this.lazyLoaded.add(key);
    for (const file of this.lazy.filesDeclaring(kind, name2)) {
      if (this.files.includes(file)) continue;
      this.files.push(file);
      this.index(file);
    }
  }
  /** The `value` of an output block. */
  output(name2) {
    if (!this.outputs.has(name2)) this.loadDeclaration("output", name2);
    return this.outputs.get(name2);
  }
  declaredVariable(name2) {
    if (!this.variables.has(name2)) this.loadDeclaration("variable", name2);
    return this.variables.get(name2);
  }
  /** The address prefix of things in this module: '' or `module.web.`. */
  get prefix() {
    return this.address ? `${this.address}.` : "";
  }
  get depth() {
    return this.keyPath.length;
  }
  evaluate(expr) {
    return this.scope.evaluate(expr);
  }
  evaluateAttribute(block, name2) {
    return this.scope.evaluateAttribute(block, name2);
  }
  /** A variable's value (given, from the caller, or the default), worked out once; a cycle is Unknown. */
  variable(name2) {
    const declared = this.declaredVariable(name2);
    if (!declared) return void 0;
    const through = this.parent ? ` through ${this.address}` : "";
    return this.memoised(
      this.variableValues,
      name2,
      (why) => ({ value: why ?? new Unknown(`var.${name2} refers to itself${through}`), source: "none" }),
      () => this.variableOf(name2, declared)
    );
  }
  variableOf(name2, declared) {
    if (this.parent) {
      const fromCaller = this.callerValue(name2);
      if (fromCaller) return fromCaller;
    } else {
      const given = this.inputs.get(name2);
      if (given) return given;
    }
    const defaultExpr = declared.block.attributes.get("default");
    if (!defaultExpr) {
      const why = this.parent ? `${this.address} does not set it` : "no value is given";
      return { value: new Unknown(`var.${name2} has no default and ${why}`), source: "none" };
    }
    return { value: this.evaluate(defaultExpr.expr), source: `the default in ${shortName(declared.file.path)}` };
  }
  /** The argument the caller gives for a variable, evaluated in the caller's scope (once: variable() keeps it). */
  callerValue(name2) {
    const parent = this.parent;
    const argument = parent?.call.block.attributes.get(name2);
    if (!parent || !argument) return void 0;
    const line = argument.range.start.line + 1;
    return {
      value: parent.scope.evaluate(argument.expr),
      source: `the argument of ${this.address} in ${shortName(parent.call.file.path)}:${line}`
    };
  }
  /** The caller's argument for a variable, for related locations (undefined in a root module). */
  callerArgument(name2) {
    const attribute = this.parent?.call.block.attributes.get(name2);
    return attribute && this.parent && this.declaredVariable(name2) ? { attribute, parent: this.parent } : void 0;
  }
  local(name2) {
    if (!this.locals.has(name2)) this.loadDeclaration("local", name2);
    return this.locals.get(name2)?.expr;
  }
  /** A local's value, evaluated once in this module instance; undefined when it is not defined. */
  localValue(name2) {
    const expr = this.local(name2);
    if (!expr) return void 0;
    return this.memoised(
      this.localValues,
      name2,
      (why) => why ?? new Unknown(`local.${name2} refers to itself`),
      () => this.scope.evaluate(expr)
    );
  }
  /** An output's value, evaluated once in this module instance; undefined when there is no such output. */
  outputValue(name2) {
    const output = this.output(name2);
    if (!output) return void 0;
    return this.memoised(
      this.outputValues,
      name2,
      (why) => why ?? new Unknown(`output "${name2}" of ${this.address || "the root module"} refers to itself`),
      () => this.scope.evaluate(output.expr)
    );
  }
  /** A configured argument of a resource instance, evaluated once (in the instance's scope). */
  attributeValue(instance2, attribute, name2) {
    return this.memoised(
      this.attributeValues,
      `${instance2.address}\0${name2}`,
      (why) => why ?? new Unknown(`${instance2.address}.${name2} refers to itself`),
      () => instance2.scope.evaluate(attribute.expr)
    );
  }
  /**
   * The value in `table`, worked out on first use. Meeting a key again while it is worked
   * out is a cycle, `unknown()`; a chain of references past MAX_REFERENCE_CHAIN is
   * `unknown(why)`.
   */
  memoised(table, key, unknown, compute) {
    const cached = table.get(key);
    if (cached === EVALUATING) return unknown();
    if (cached !== void 0) return cached;
    if (this.tree.evaluating >= MAX_REFERENCE_CHAIN) return unknown(new Unknown(`references nest more than ${MAX_REFERENCE_CHAIN} deep`));
    table.set(key, EVALUATING);
    this.tree.evaluating++;
    try {
      const value = compute();
      table.set(key, value);
      return value;
    } finally {
      this.tree.evaluating--;
    }
  }
  /** The instances of a resource: none for a known `count = 0` or empty `for_each`. */
  instancesOf(entry) {
    let instances = this.resourceInstances.get(entry.address);
    if (!instances) {
      this.resourceInstances.set(entry.address, []);
      instances = expand(entry.block, this.scope).map(({ key, abstract, scope }) => ({
        entry,
        module: this,
        key,
        abstract,
        address: `${this.prefix}${entry.address}${keySuffix(key)}`,
        scope
      }));
      this.resourceInstances.set(entry.address, instances);
    }
    return instances;
  }
  /** Every resource instance of this module, in file order. */
  allResourceInstances() {
    return [...this.resources.values()].flatMap((entry) => this.instancesOf(entry));
  }
  /** The module instances a call makes (none for `count = 0`, for a source that is not on disk, or too deep). */
  childrenOf(call) {
    let children = this.childInstances.get(call.name);
    if (children) return children;
    this.childInstances.set(call.name, []);
    children = [];
    const keyPath = [...this.keyPath, call.name];
    if (this.loader && keyPath.length <= MAX_MODULE_DEPTH) {
      const sourceValue = this.evaluateAttribute(call.block, "source");
      const source = sourceValue !== void 0 && !isUnknown(sourceValue) ? toStringValue(sourceValue) : void 0;
      const resolved = this.loader.resolve(this, call, source, keyPath);
      if ("unavailable" in resolved) this.unavailableCalls.set(call.name, resolved.unavailable);
      else if (this.isAncestorDir(resolved.dir)) this.unavailableCalls.set(call.name, "the module calls itself");
      else {
        const loaded = this.loader.files(resolved.dir);
        const expansions = expand(call.block, this.scope);
        const tree = this.tree;
        if (tree.made + expansions.length > MAX_MODULE_INSTANCES) {
          tree.stoppedAt ??= `${this.prefix}module.${call.name}`;
          this.unavailableCalls.set(
            call.name,
            `it would make more than ${MAX_MODULE_INSTANCES} module instances in all (nested count or for_each)`
          );
          expansions.length = 0;
        }
        tree.made += expansions.length;
        for (const { key, scope } of expansions) {
          children.push(
            new _TerraformModule(resolved.dir, [...loaded.files], [], {
              lazy: loaded.lazy,
              address: `${this.prefix}module.${call.name}${keySuffix(key)}`,
              parent: { module: this, call, scope },
              loader: this.loader,
              keyPath,
              downloaded: resolved.downloaded || this.downloaded,
              tree
            })
          );
        }
      }
    }
    this.childInstances.set(call.name, children);
    return children;
  }
  /** Why a call's code could not be read (for hover), if it could not. */
  unavailableReason(callName) {
    return this.unavailableCalls.get(callName);
  }
  /** This module and every module instance below it, depth first. */
  allModules() {
    const out2 = [this];
    for (const call of this.calls.values()) for (const child3 of this.childrenOf(call)) out2.push(...child3.allModules());
    return out2;
  }
  isAncestorDir(dir) {
    if (this.dir === dir) return true;
    for (let m = this.parent?.module; m; m = m.parent?.module) if (m.dir === dir) return true;
    return false;
  }
  // ---- compatibility with callers that think of one module (plan, tests) ----
  referencedResources(expr) {
    return this.scope.referencedResources(expr).map((r) => r.entry);
  }
  linkedResource(block, attribute) {
    return this.scope.linkedResource(block, attribute)?.entry;
  }
};
var EVALUATING = /* @__PURE__ */ Symbol("evaluating");
function tfvarsInputs(file, evaluate) {
  const inputs = [];
  for (const [name2, attribute] of file.attributes) {
    inputs.push({ name: name2, value: evaluate(attribute.expr), source: shortName(file.path) });
  }
  return inputs;
}
function shortName(filePath) {
  const parts2 = filePath.split(/[\\/]/);
  return parts2[parts2.length - 1] ?? filePath;
}

// server/src/model/clientIp.ts
function writtenBool(value) {
  if (value === void 0 || value === null) return void 0;
  if (isUnknown(value)) return "unknown";
  const truth = toBool(value);
  return truth === void 0 ? "unknown" : truth;
}
function unknownReason(value) {
  if (value === void 0 || isUnknown(value)) return value?.reason ?? "no value";
  const shown = typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? "a list" : typeof value === "object" && value !== null ? "an object" : String(value);
  return `${shown} is not a boolean`;
}
function effectiveClientIp(inputs) {
  const { kind, protocol, argType, attribute } = inputs;
  const written = writtenBool(inputs.value);
  const base = { attribute, written, ...written === "unknown" ? { writtenUnknownReason: unknownReason(inputs.value) } : {} };
  const isHttp = protocol !== void 0 && HTTP_PROTOCOLS.has(protocol);
  const isL4 = protocol === "TCP" || protocol === "UDP";
  if (argType === "none") {
    return {
      ...base,
      state: "on",
      reason: "always-on",
      explanation: "this listener type belongs to dedicated load balancers, which always pass the client IP on",
      canBeDisabled: false
    };
  }
  if (kind === "dedicated") {
    return {
      ...base,
      state: "on",
      reason: "always-on",
      explanation: protocol === "TLS" ? "dedicated load balancers always have it on, but TLS listeners do not pass the client IP on themselves: Proxy Protocol does" : "dedicated load balancers always pass the client IP on, for every protocol",
      canBeDisabled: false
    };
  }
  if (isHttp) {
    return {
      ...base,
      state: "on",
      reason: "always-on",
      explanation: kind === "shared" ? `${protocol} listeners of shared load balancers always pass the client IP on` : `${protocol} listeners always pass the client IP on, on shared and dedicated load balancers alike`,
      canBeDisabled: false
    };
  }
  if (kind === "shared" && isL4) {
    if (written === true || written === false) {
      return {
        ...base,
        state: written ? "on" : "off",
        reason: "explicit",
        explanation: `it is set to ${written} on this shared ${protocol} listener`,
        canBeDisabled: true
      };
    }
    if (written === "unknown") {
      return {
        ...base,
        state: "unknown",
        reason: "unknown",
        explanation: "its value is only known when Terraform runs",
        canBeDisabled: true
      };
    }
    return {
      ...base,
      state: "off",
      reason: "default",
      explanation: `shared ${protocol} listeners leave it off unless it is set to true`,
      canBeDisabled: true
    };
  }
  if (written === true) {
    return { ...base, state: "on", reason: "explicit", explanation: "it is set to true", canBeDisabled: void 0 };
  }
  const missing = kind === "unknown" && protocol === void 0 ? "the load balancer kind and the protocol are unknown" : kind === "unknown" ? "the load balancer this listener belongs to is not in this module, so its kind (shared or dedicated) is unknown" : "the protocol is unknown";
  return { ...base, state: "unknown", reason: "unknown", explanation: missing, canBeDisabled: void 0 };
}

// server/src/kubernetes/annotations.ts
var ELB_PREFIX = "kubernetes.io/elb.";
var CLASS_ANNOTATION = "kubernetes.io/elb.class";
var CLIENT_IP_ANNOTATION = {
  cce: "kubernetes.io/elb.transparent-client-ip",
  oss: "kubernetes.io/elb.enable-transparent-client-ip"
};
var PROTOCOL_PORT_ANNOTATION = "kubernetes.io/elb.protocol-port";
var OSS_TLS_ANNOTATION = "kubernetes.io/elb.default-tls-container-ref";
var OSS_X_FORWARDED_HOST_ANNOTATION = "kubernetes.io/elb.x-forwarded-host";
var OSS_CROSS_VPC_ANNOTATION = "kubernetes.io/elb.enable-cross-vpc";
var CLASS_VALUES = {
  union: { family: "cce", kind: "shared", what: "CCE: a shared load balancer" },
  performance: { family: "cce", kind: "dedicated", what: "CCE: a dedicated load balancer" },
  shared: { family: "oss", kind: "shared", what: "cloud-provider-huaweicloud: a shared load balancer" },
  dedicated: { family: "oss", kind: "dedicated", what: "cloud-provider-huaweicloud: a dedicated load balancer" },
  elasticity: {
    family: "oss",
    kind: void 0,
    what: "cloud-provider-huaweicloud: a classic (version I) load balancer, no ELB v2/v3 listener"
  },
  dnat: { family: "oss", kind: void 0, what: "cloud-provider-huaweicloud: NAT gateway DNAT rules, no load balancer" }
};
var CCE_SERVICE = [
  "acl-id",
  "acl-status",
  "acl-type",
  "adaptive-weight",
  "autocreate",
  "cert-id",
  "class",
  "client-ca-cert-id",
  "client_timeout",
  "custom-eip-id",
  "custom-eip-status",
  "eip-id",
  "enterpriseID",
  "health-check-flag",
  "health-check-option",
  "health-check-options",
  "http2-enable",
  "id",
  "keepalive_timeout",
  "lb-algorithm",
  "member_timeout",
  "pass-through",
  "protocol-port",
  "session-affinity-mode",
  "session-affinity-option",
  "subnet-id",
  "tags",
  "tls-certificate-ids",
  "tls-ciphers-policy",
  "transparent-client-ip",
  // HTTP header switches of Huawei Cloud's Service pages (cce_10_0865; names as in the CCI guide).
  "x-forwarded-port",
  "x-forwarded-for-port",
  "x-forwarded-host",
  "security-pool-protocol"
];
var CCE_INGRESS = [
  "actions",
  "canary",
  "canary-weight",
  "conditions",
  "cors-allow-credentials",
  "cors-allow-headers",
  "cors-allow-methods",
  "cors-allow-origin",
  "cors-expose-headers",
  "cors-max-age",
  "headers",
  "ingress-order",
  "ip",
  "listen-ports",
  "listener-master-ingress",
  "pool-protocol",
  "port",
  "rewrite-target",
  "rule-priority-enabled",
  "security_policy_id",
  "slow-start",
  "slowstart",
  "ssl-redirect",
  "tls-certificate-id"
];
var PREFIXES = ["actions.", "conditions.", "headers."];
var OSS_SERVICE = [
  "availability-zones",
  "class",
  "connection-limit",
  "default-tls-container-ref",
  "eip-auto-create-option",
  "eip-id",
  "enable-cross-vpc",
  "enable-transparent-client-ip",
  "health-check-flag",
  "health-check-option",
  "id",
  "idle-timeout",
  "keep-eip",
  "l4-flavor-id",
  "l7-flavor-id",
  "lb-algorithm",
  "mark",
  "request-timeout",
  "response-timeout",
  "session-affinity-flag",
  "session-affinity-option",
  "subnet-id",
  "x-forwarded-host"
];
var OTHER_KNOWN = ["kubernetes.io/hws-hostNetwork"];
var KNOWN = /* @__PURE__ */ new Set([...[...CCE_SERVICE, ...CCE_INGRESS, ...OSS_SERVICE].map((n2) => ELB_PREFIX + n2), ...OTHER_KNOWN]);
var CCE_NAMES = new Set(CCE_SERVICE.map((n2) => ELB_PREFIX + n2));
var OSS_NAMES = new Set(OSS_SERVICE.map((n2) => ELB_PREFIX + n2));
var KNOWN_LIST = [...KNOWN];
function isKnownAnnotation(name2) {
  return KNOWN.has(name2) || name2.startsWith(ELB_PREFIX) && PREFIXES.some((p) => name2.startsWith(ELB_PREFIX + p) && name2.length > ELB_PREFIX.length + p.length);
}
function normalize(name2) {
  return name2.toLowerCase().replace(/_/g, "-");
}
function editDistance2(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a.length; i2++) {
    const row = [i2];
    let rowMin = i2;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i2 - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i2 > 1 && j > 1 && a[i2 - 1] === b[j - 2] && a[i2 - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}
function suggestAnnotation(name2, candidates = KNOWN_LIST) {
  if (name2.length > 200) return void 0;
  const normalized = normalize(name2);
  const max = name2.length > 24 ? 2 : 1;
  let best;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = normalize(candidate) === normalized ? 0 : editDistance2(normalized, normalize(candidate), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== void 0 && bestDistance <= max && !tie ? best : void 0;
}
function suggestClassValue(value) {
  if (Object.prototype.hasOwnProperty.call(CLASS_VALUES, value)) return void 0;
  return suggestAnnotation(value, Object.keys(CLASS_VALUES));
}
function looksLikeElbAnnotation(name2) {
  return /elb/i.test(name2) && /kubernet|k8s/i.test(name2) && name2.length <= 200;
}

// server/src/kubernetes/toModel.ts
var YAML_FIELDS = {
  type: "type",
  externalTrafficPolicy: "externalTrafficPolicy",
  allocateLoadBalancerNodePorts: "allocateLoadBalancerNodePorts",
  loadBalancerClass: "loadBalancerClass"
};
var TERRAFORM_FIELDS = {
  type: "type",
  externalTrafficPolicy: "external_traffic_policy",
  allocateLoadBalancerNodePorts: "allocate_load_balancer_node_ports",
  loadBalancerClass: "load_balancer_class"
};
var SERVICE_CONTEXT = { moduleAddress: "", callerSources: () => [] };
var OSS_LOAD_BALANCER_CLASS = "huaweicloud.com/elb";
function buildKubernetesModel(files, options = {}) {
  const nodes = { loadBalancers: [], listeners: [], pools: [], unrecognized: [] };
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== "Service") continue;
      const spec = block.blocks.find((b) => b.type === "spec");
      if (!spec) continue;
      addService(
        nodes,
        file,
        {
          block,
          annotations: block.blocks.find((b) => b.type === "annotations"),
          spec,
          ports: spec.blocks.filter((b) => b.type === "port").map((b) => ({ block: b })),
          address: `Service ${block.labels[0] ?? "(unnamed)"}`
        },
        options
      );
    }
  }
  return modelOf(nodes);
}
function modelOf(nodes) {
  const byBlock = /* @__PURE__ */ new Map();
  for (const node of [...nodes.loadBalancers, ...nodes.listeners, ...nodes.pools]) byBlock.set(node.block, node);
  return {
    loadBalancers: nodes.loadBalancers,
    listeners: nodes.listeners,
    pools: nodes.pools,
    members: [],
    instances: [],
    ipGroups: [],
    unrecognized: nodes.unrecognized,
    nodeForBlock: (block) => byBlock.get(block)
  };
}
function literal(attribute) {
  if (attribute.expr.kind === "literal") return attribute.expr.value;
  return new Unknown(attribute.expr.kind === "opaque" && attribute.expr.text ? attribute.expr.text : "not a single value");
}
function addService(nodes, file, parts2, options) {
  const fields = options.fields ?? YAML_FIELDS;
  const evaluate = options.evaluate ?? literal;
  const { block, annotations: annotationsBlock2, spec: specBlock, address } = parts2;
  const annotations = annotationsBlock2?.attributes ?? /* @__PURE__ */ new Map();
  if (![...annotations.keys()].some((k) => k.startsWith(ELB_PREFIX))) return;
  const value = (attribute) => attribute ? evaluate(attribute) : void 0;
  const text2 = (attribute) => {
    const v = value(attribute);
    return typeof v === "string" ? v : void 0;
  };
  const spec = specBlock.attributes;
  if (text2(spec.get(fields.type)) !== "LoadBalancer") return;
  const lbClass = spec.get(fields.loadBalancerClass);
  if (lbClass && text2(lbClass) !== OSS_LOAD_BALANCER_CLASS) return;
  const lbInfo = resourceTypeInfo("kubernetes:service");
  const listenerInfo = resourceTypeInfo("kubernetes:port");
  const classAttribute = annotations.get(CLASS_ANNOTATION);
  const classValue = text2(classAttribute);
  let family;
  let kind = "unknown";
  let kindExplanation;
  let makesListeners = true;
  if (!classAttribute) {
    family = "cce";
    kind = "shared";
    kindExplanation = `${CLASS_ANNOTATION} is not set, and CCE takes \`union\` then: a shared load balancer`;
  } else if (classValue !== void 0 && Object.prototype.hasOwnProperty.call(CLASS_VALUES, classValue)) {
    const known = CLASS_VALUES[classValue];
    family = known.family;
    kind = known.kind ?? "unknown";
    makesListeners = known.kind !== void 0;
    kindExplanation = `${CLASS_ANNOTATION} is \`${classValue}\` (${known.what})`;
  } else {
    kindExplanation = classValue === void 0 ? `the value of ${CLASS_ANNOTATION} is not known here` : `${CLASS_ANNOTATION} is \`${classValue}\`, which neither CCE nor cloud-provider-huaweicloud knows`;
  }
  const lb = {
    address,
    type: "kubernetes:service",
    info: lbInfo,
    file,
    block,
    kind,
    ipBackendsEnabled: void 0,
    subnetAttribute: void 0,
    settingBlocks: [...annotationsBlock2 ? [annotationsBlock2] : [], specBlock],
    ...parts2.context ? { context: parts2.context } : {}
  };
  nodes.loadBalancers.push(lb);
  unrecognizedAnnotations(nodes, lb, annotations, annotationsBlock2, family, classAttribute, classValue);
  if (!makesListeners) return;
  const clientIpAttribute = family ? annotations.get(CLIENT_IP_ANNOTATION[family]) : void 0;
  const protocols = listenerProtocols(family, kind, annotations, text2);
  const hop = backendHop(family, kind, specBlock, fields, text2, value, options.network);
  const pool = crossVpcPool(family, kind, annotations, value, lb, address, file, parts2.context);
  if (pool) nodes.pools.push(pool);
  parts2.ports.forEach(({ block: port, evaluate: portEvaluate }, index) => {
    const portValue = (attribute) => attribute ? (portEvaluate ?? evaluate)(attribute) : void 0;
    const portText = (attribute) => {
      const v = portValue(attribute);
      return typeof v === "string" ? v : void 0;
    };
    const portNumber = numberOf(portValue(port.attributes.get("port")));
    const name2 = portText(port.attributes.get("name"));
    const k8sProtocol = (portText(port.attributes.get("protocol")) ?? (port.attributes.has("protocol") ? void 0 : "TCP"))?.toUpperCase();
    const protocol = protocols(portNumber, k8sProtocol);
    const clientIp = clientIpState(family, kind, protocol, clientIpAttribute, value(clientIpAttribute), annotationsBlock2);
    const listener = {
      address: `${address} port ${portNumber ?? name2 ?? `#${index + 1}`}`,
      type: "kubernetes:port",
      info: listenerInfo,
      file,
      block: port,
      provider: "kubernetes",
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: "string",
      clientIp,
      pools: pool ? [pool] : [],
      whitelistGroups: [],
      options: /* @__PURE__ */ new Map(),
      insertHeaders: void 0,
      insertHeaderNames: false,
      ...hop ? { hop } : {},
      // The ports of one Service share its annotations: findings that differ only in the port are one finding.
      context: parts2.context ?? SERVICE_CONTEXT
    };
    nodes.listeners.push(listener);
    pool?.listeners.push(listener);
  });
}
function crossVpcPool(family, kind, annotations, value, lb, address, file, context) {
  const attribute = annotations.get(OSS_CROSS_VPC_ANNOTATION);
  const written = value(attribute);
  if (family !== "oss" || kind !== "dedicated" || !attribute || written !== "true" && written !== true) return void 0;
  const block = {
    type: "pool",
    labels: [],
    labelRanges: [],
    range: attribute.range,
    headerRange: attribute.range,
    attributes: /* @__PURE__ */ new Map([["type", attribute]]),
    blocks: [],
    bodyStart: attribute.range.start,
    close: void 0,
    hasErrors: false
  };
  return {
    address: `${address} backends`,
    type: "kubernetes:pool",
    info: { provider: "kubernetes", role: "pool", kind: "dedicated" },
    file,
    block,
    poolType: "ip",
    protocol: void 0,
    listeners: [],
    members: [],
    loadBalancer: lb,
    ...context ? { context } : {}
  };
}
function numberOf(value) {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d{1,5}$/.test(value)) return Number(value);
  return void 0;
}
function listenerProtocols(family, kind, annotations, text2) {
  if (family === "oss") {
    const tls = annotations.get(OSS_TLS_ANNOTATION);
    const forwarded = annotations.get(OSS_X_FORWARDED_HOST_ANNOTATION);
    if (tls && text2(tls) === void 0 || forwarded && text2(forwarded) === void 0) return () => void 0;
    if (tls && text2(tls) !== "") return () => "TERMINATED_HTTPS";
    if (forwarded && text2(forwarded) === "true") return () => "HTTP";
    return (_port, k8sProtocol) => k8sProtocol;
  }
  const protocolPort = annotations.get(PROTOCOL_PORT_ANNOTATION);
  if (family !== "cce" || !protocolPort) return (_port, k8sProtocol) => k8sProtocol;
  const byPort = parseProtocolPort(text2(protocolPort));
  if (!byPort) return () => void 0;
  return (port, k8sProtocol) => {
    const layer7 = port === void 0 ? void 0 : byPort.get(port);
    if (port === void 0 && byPort.size > 0) return void 0;
    if (!layer7) return k8sProtocol;
    if (k8sProtocol !== "TCP") return void 0;
    if (layer7 === "https") return kind === "shared" ? "TERMINATED_HTTPS" : kind === "dedicated" ? "HTTPS" : "HTTPS";
    return layer7.toUpperCase();
  };
}
function parseProtocolPort(value) {
  if (value === void 0) return void 0;
  const byPort = /* @__PURE__ */ new Map();
  for (const part of value.split(",")) {
    if (part.trim() === "") continue;
    const match = /^\s*(https?|tls)\s*:\s*(\d{1,5})\s*$/i.exec(part);
    if (!match) return void 0;
    byPort.set(Number(match[2]), match[1].toLowerCase());
  }
  return byPort;
}
function clientIpState(family, kind, protocol, attribute, value, annotationsBlock2) {
  const name2 = family ? CLIENT_IP_ANNOTATION[family] : void 0;
  const text2 = typeof value === "string" ? value : typeof value === "boolean" ? String(value) : void 0;
  const readable = text2 === "true" || text2 === "false";
  const ossDefault = family === "oss" && attribute !== void 0 && value !== void 0 && !isUnknown(value) && !readable;
  const state = effectiveClientIp({
    kind,
    protocol,
    argType: "string",
    attribute,
    value: ossDefault ? void 0 : value
  });
  const setting = name2 && annotationsBlock2 ? { setting: { name: name2, block: annotationsBlock2 } } : {};
  if (state.reason === "default" && name2) {
    const explanation = family === "cce" ? `shared ${protocol} listeners are created with it off, and CCE only turns it on for \`${name2}: 'true'\` (a value set on the listener before stays)` : `shared ${protocol} listeners get it only with \`${name2}: 'true'\`, or when the controller's loadbalancer-config sets enable-transparent-client-ip (default false)`;
    return {
      ...state,
      ...setting,
      explanation: ossDefault ? `${explanation}; \`${text2}\` is neither 'true' nor 'false', so the default applies` : explanation
    };
  }
  if (state.reason === "unknown" && state.written === "unknown" && value !== void 0 && isUnknown(value)) {
    return { ...state, ...setting, explanation: `its value is not known here (${value.reason})` };
  }
  if (state.reason === "unknown" && state.written === "unknown" && value !== void 0 && !isUnknown(value)) {
    return {
      ...state,
      ...setting,
      explanation: `\`${text2 ?? JSON.stringify(value)}\` is neither 'true' nor 'false'`,
      writtenUnknownReason: "neither true nor false"
    };
  }
  return { ...state, ...setting };
}
function backendHop(family, kind, spec, fields, text2, value, network) {
  if (!family) return void 0;
  const attribute = spec.attributes.get(fields.externalTrafficPolicy);
  const written = text2(attribute);
  const anchor = attribute?.range ?? spec.attributes.get(fields.type)?.range ?? spec.headerRange;
  const setting = { name: fields.externalTrafficPolicy, block: spec, keepValue: "Local" };
  const caveat = "With Local, only nodes that run a pod of the Service take its traffic, and reaching the load balancer\u2019s address from inside the cluster can fail (use the Service name or ClusterIP there, or kubernetes.io/elb.pass-through on CCE).";
  const base = { attribute, setting, anchor, caveat };
  if (attribute && written !== "Cluster" && written !== "Local") {
    return { ...base, keepsSource: void 0, explanation: `${fields.externalTrafficPolicy} is not Cluster or Local here` };
  }
  const allocate = value(spec.attributes.get(fields.allocateLoadBalancerNodePorts));
  if (family === "oss" && (allocate === false || allocate === "false")) {
    return {
      ...base,
      keepsSource: true,
      explanation: `${fields.allocateLoadBalancerNodePorts} is false, so cloud-provider-huaweicloud adds the pods themselves as backends and kube-proxy is not in the way`
    };
  }
  if (written === "Local") {
    return {
      ...base,
      keepsSource: true,
      explanation: `${fields.externalTrafficPolicy} is Local: each node hands traffic to its own pods without source NAT`
    };
  }
  const policy = attribute ? `${fields.externalTrafficPolicy} is Cluster` : `${fields.externalTrafficPolicy} is not set (Cluster)`;
  if (family === "oss") {
    return {
      ...base,
      keepsSource: false,
      explanation: `${policy}: the backends are nodes, and kube-proxy forwards to a pod on any node with the node's address as source`
    };
  }
  if (kind === "shared") {
    return {
      ...base,
      keepsSource: false,
      explanation: `${policy}: CCE standard clusters (VPC or tunnel network) pass the client IP to pods only with Local, and CCE Turbo clusters not at all for shared load balancers (Local is only possible for hostNetwork pods there)`
    };
  }
  if (kind === "dedicated") {
    if (network === "eni") {
      return {
        ...base,
        keepsSource: true,
        explanation: `${policy}, but in a CCE Turbo cluster (ENI network) dedicated load balancers send traffic to the pods directly`
      };
    }
    if (network === "vpc" || network === "tunnel") {
      return {
        ...base,
        keepsSource: false,
        explanation: `${policy}: in a CCE standard cluster (${network} network) kube-proxy forwards to a pod on any node with the node's address as source`
      };
    }
    return {
      ...base,
      keepsSource: void 0,
      explanation: `${policy}: in CCE standard clusters (VPC or tunnel network) pods then see a node's address; CCE Turbo clusters send dedicated load balancer traffic to the pods directly (set kubernetes.network in .elb-lens.json to say which)`
    };
  }
  return { ...base, keepsSource: void 0, explanation: `${policy}, and the load balancer kind is unknown` };
}
function unrecognizedAnnotations(nodes, lb, annotations, annotationsBlock2, family, classAttribute, classValue) {
  for (const [name2, attribute] of annotations) {
    if (isKnownAnnotation(name2)) {
      const other = family === "cce" ? "oss" : family === "oss" ? "cce" : void 0;
      if (!family || !other || name2 !== CLIENT_IP_ANNOTATION[other]) continue;
      const own = CLIENT_IP_ANNOTATION[family];
      const controller = family === "cce" ? "CCE" : "cloud-provider-huaweicloud";
      const otherController = other === "cce" ? "CCE" : "the open-source cloud-provider-huaweicloud";
      const why = classAttribute ? `${CLASS_ANNOTATION} \`${classValue}\` belongs to ${controller}` : `${CLASS_ANNOTATION} is not set, which makes it a CCE Service`;
      nodes.unrecognized.push({
        node: lb,
        attribute,
        part: "name",
        problem: `Annotation \`${name2}\` is not read by ${controller}.`,
        reason: `It is the client-IP annotation of ${otherController}; ${why}, which reads \`${own}\``,
        suggestion: own,
        suggestionWritten: annotations.has(own),
        ...annotationsBlock2 ? { block: annotationsBlock2 } : {}
      });
      continue;
    }
    if (!looksLikeElbAnnotation(name2)) continue;
    const suggestion = suggestAnnotation(name2);
    if (!suggestion) continue;
    nodes.unrecognized.push({
      node: lb,
      attribute,
      part: "name",
      problem: `Annotation \`${name2}\` is not read by any controller.`,
      reason: "Neither CCE nor cloud-provider-huaweicloud knows it, so it does nothing",
      suggestion,
      suggestionWritten: annotations.has(suggestion),
      ...annotationsBlock2 ? { block: annotationsBlock2 } : {}
    });
  }
  if (classAttribute && classValue !== void 0) {
    const suggestion = suggestClassValue(classValue);
    if (suggestion) {
      nodes.unrecognized.push({
        node: lb,
        attribute: classAttribute,
        part: "value",
        ...annotationsBlock2 ? { block: annotationsBlock2 } : {},
        problem: `\`${classValue}\` is not a load balancer class, so no load balancer is made for this Service.`,
        reason: "The classes are union and performance (CCE), shared and dedicated (cloud-provider-huaweicloud)",
        suggestion
      });
    }
  }
}

// server/src/terraform/kubernetesServices.ts
function addTerraformServices(nodes, resources, options) {
  for (const resource of resources) addTerraformService(nodes, resource, options);
}
function addTerraformService(nodes, resource, options) {
  const { block, file } = resource.entry;
  const metadata2 = nestedBlocks(block, resource.scope, "metadata").blocks[0];
  const spec = nestedBlocks(block, resource.scope, "spec").blocks[0];
  if (!metadata2 || !spec) return;
  const scopes = /* @__PURE__ */ new Map();
  const annotations = annotationsBlock(file, metadata2.block, metadata2.scope, scopes);
  if (!annotations) return;
  for (const attribute of spec.block.attributes.values()) scopes.set(attribute, spec.scope);
  const evaluate = (attribute) => (scopes.get(attribute) ?? resource.scope).evaluate(attribute.expr);
  const ports = nestedBlocks(spec.block, spec.scope, "port").blocks.map((port) => ({
    block: port.block,
    evaluate: (attribute) => port.scope.evaluate(attribute.expr)
  }));
  addService(
    nodes,
    file,
    { block, annotations, spec: spec.block, ports, address: resource.address, context: options.context(resource) },
    { network: options.network, fields: TERRAFORM_FIELDS, evaluate }
  );
}
function annotationsBlock(file, metadata2, scope, scopes) {
  const attribute = metadata2.attributes.get("annotations");
  if (!attribute) return void 0;
  const { expr } = attribute;
  const attributes = /* @__PURE__ */ new Map();
  let derived = false;
  if (expr.kind === "object") {
    for (const entry of expr.entries) {
      const name2 = keyName(entry.key, scope);
      if (name2 === void 0 || attributes.has(name2)) return void 0;
      const item = {
        name: name2,
        expr: entry.value,
        nameRange: entry.key.range,
        valueRange: entry.value.range,
        range: { start: entry.key.range.start, end: entry.value.range.end }
      };
      attributes.set(name2, item);
      scopes.set(item, scope);
    }
  } else {
    const value = scope.evaluate(expr);
    if (isUnknown(value) || value === null || typeof value !== "object" || Array.isArray(value)) return void 0;
    derived = true;
    for (const [name2, entry] of Object.entries(value)) {
      const item = {
        name: name2,
        expr: { kind: "literal", value: typeof entry === "object" && entry !== null ? JSON.stringify(entry) : entry, range: expr.range },
        nameRange: attribute.nameRange,
        valueRange: attribute.valueRange,
        range: attribute.range,
        derived: true
      };
      attributes.set(name2, item);
    }
  }
  const { start: start2, end } = expr.range;
  const objectText = expr.kind === "object" && file.text[file.lines.offsetAt(start2)] === "{";
  const closeOffset = file.lines.offsetAt(end) - 1;
  const close = objectText && file.text[closeOffset] === "}" ? file.lines.positionAt(closeOffset) : void 0;
  const range = { start: attribute.range.start, end: attribute.range.end };
  return {
    type: "annotations",
    labels: [],
    labelRanges: [],
    range,
    headerRange: attribute.nameRange,
    attributes,
    blocks: [],
    bodyStart: objectText ? file.lines.positionAt(file.lines.offsetAt(start2) + 1) : start2,
    close,
    hasErrors: metadata2.hasErrors,
    ...metadata2.jsonPath ? { jsonPath: [...metadata2.jsonPath, "annotations"] } : {},
    ...derived ? { derived: true } : {}
  };
}
function keyName(key, scope) {
  if (key.kind === "literal") return typeof key.value === "string" ? key.value : void 0;
  if (key.kind === "traversal" && key.steps.length === 0) return key.root;
  const value = scope.evaluate(key);
  return !isUnknown(value) && typeof value === "string" ? value : void 0;
}

// server/src/terraform/toModel.ts
var LB_SUBNET_ATTRIBUTES = ["ipv4_subnet_id", "vip_subnet_id", "subnet_id"];
var LB_ADDRESS_ATTRIBUTES = ["vip_address", "ipv4_address", "ip_address"];
function knownString(value) {
  return value !== void 0 && !isUnknown(value) && typeof value === "string" ? value : void 0;
}
function upper(value) {
  return knownString(value)?.toUpperCase();
}
function buildTerraformModel(root, versions, options = {}) {
  const byBlock = /* @__PURE__ */ new Map();
  const loadBalancers = /* @__PURE__ */ new Map();
  const listeners = /* @__PURE__ */ new Map();
  const pools = /* @__PURE__ */ new Map();
  const members = [];
  const instances = /* @__PURE__ */ new Map();
  const ipGroups = /* @__PURE__ */ new Map();
  const base = (resource) => ({
    address: resource.address,
    type: resource.entry.type,
    info: resourceTypeInfo(resource.entry.type),
    file: resource.entry.file,
    block: resource.entry.block,
    ...resource.module.parent || resource.key !== void 0 ? { context: nodeContext(resource) } : {}
  });
  const resources = root.allModules().flatMap((module2) => module2.allResourceInstances());
  for (const resource of resources) {
    const info2 = resourceTypeInfo(resource.entry.type);
    if (!info2) continue;
    const { block } = resource.entry;
    const { scope } = resource;
    if (info2.role === "loadbalancer") {
      const lb = {
        ...base(resource),
        kind: info2.kind,
        ipBackendsEnabled: info2.ipBackendSwitch ? scope.evaluateAttribute(block, info2.ipBackendSwitch) : void 0,
        subnetAttribute: LB_SUBNET_ATTRIBUTES.map((n2) => block.attributes.get(n2)).find((a) => a !== void 0)
      };
      loadBalancers.set(resource.address, lb);
    } else if (info2.role === "instance") {
      instances.set(resource.address, { ...base(resource), lbAddressUses: [] });
    } else if (info2.role === "ipgroup") {
      const cidrs = [];
      for (const item of nestedBlocks(block, scope, "ip_list").blocks) {
        const ip = knownString(item.scope.evaluateAttribute(item.block, "ip"));
        if (ip) cidrs.push(ip.trim());
      }
      ipGroups.set(resource.address, { ...base(resource), cidrs });
    }
  }
  const linked = (resource, attribute, table, block = resource.entry.block) => {
    const target = resource.scope.linkedResource(block, attribute);
    return target ? table.get(target.address) : void 0;
  };
  for (const resource of resources) {
    const info2 = resourceTypeInfo(resource.entry.type);
    if (info2?.role !== "listener") continue;
    const { block, type } = resource.entry;
    const { scope } = resource;
    const lb = linked(resource, "loadbalancer_id", loadBalancers);
    const protocol = upper(scope.evaluateAttribute(block, "protocol"));
    let kind;
    let kindExplanation;
    if (lb) {
      kind = lb.kind;
      kindExplanation = `it belongs to ${lb.address}, a ${lb.kind} load balancer`;
    } else if (type === "opentelekomcloud_lb_listener_v2") {
      kind = "unknown";
      kindExplanation = "its load balancer is not in this module, and this listener type can belong to shared or dedicated load balancers";
    } else {
      kind = info2.kind;
      kindExplanation = `${type} is a listener of ${info2.kind} load balancers`;
    }
    const attribute = block.attributes.get("transparent_client_ip_enable");
    const headers = nestedBlocks(block, scope, "insert_headers");
    const listener = {
      ...base(resource),
      provider: info2.provider,
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: info2.clientIpArg ?? "none",
      clientIp: effectiveClientIp({
        kind,
        protocol,
        argType: info2.clientIpArg ?? "none",
        attribute,
        value: attribute ? scope.evaluate(attribute.expr) : void 0
      }),
      pools: [],
      whitelistGroups: whitelistGroups(resource, ipGroups),
      options: listenerOptions(resource),
      // A dynamic block that makes at least one insert_headers block stands for them (its removal removes them).
      insertHeaders: headers.blocks[0]?.dynamic ?? headers.blocks[0]?.block,
      insertHeaderNames: false
    };
    const providerVersion = versions?.forResource(resource, info2.provider);
    if (providerVersion) listener.providerVersion = providerVersion;
    listeners.set(resource.address, listener);
  }
  for (const resource of resources) {
    const info2 = resourceTypeInfo(resource.entry.type);
    if (info2?.role !== "pool") continue;
    const { block } = resource.entry;
    const typeValue = resource.scope.evaluateAttribute(block, "type");
    const pool = {
      ...base(resource),
      poolType: typeValue === void 0 ? void 0 : knownString(typeValue)?.toLowerCase(),
      protocol: upper(resource.scope.evaluateAttribute(block, "protocol")),
      listeners: [],
      members: [],
      loadBalancer: linked(resource, "loadbalancer_id", loadBalancers)
    };
    const listener = linked(resource, "listener_id", listeners);
    if (listener) {
      pool.listeners.push(listener);
      listener.pools.push(pool);
      pool.loadBalancer ??= listener.loadBalancer;
    }
    pools.set(resource.address, pool);
  }
  const listenerResources = new Map(resources.map((r) => [r.address, r]));
  for (const listener of listeners.values()) {
    const resource = listenerResources.get(listener.address);
    const pool = resource ? linked(resource, "default_pool_id", pools) : void 0;
    if (pool && !listener.pools.includes(pool)) {
      listener.pools.push(pool);
      pool.listeners.push(listener);
      pool.loadBalancer ??= listener.loadBalancer;
    }
  }
  for (const resource of resources) {
    const info2 = resourceTypeInfo(resource.entry.type);
    if (info2?.role !== "member") continue;
    const { block } = resource.entry;
    const pool = linked(resource, "pool_id", pools);
    const addressAttribute = block.attributes.get("address");
    const instanceTarget = addressAttribute ? resource.scope.referencedResources(addressAttribute.expr).find((r) => instances.has(r.address)) : void 0;
    const { isIpBackend, explanation } = memberBackendKind(resource, info2.kind, pool);
    const member = {
      ...base(resource),
      ipAddress: knownString(addressAttribute ? resource.scope.evaluate(addressAttribute.expr) : void 0),
      addressAttribute,
      isIpBackend,
      ipBackendExplanation: explanation,
      pool,
      instance: instanceTarget ? instances.get(instanceTarget.address) : void 0
    };
    pool?.members.push(member);
    members.push(member);
  }
  linkInstancesToLoadBalancerAddresses(resources, instances, loadBalancers);
  const services = { loadBalancers: [], listeners: [], pools: [], unrecognized: [] };
  addTerraformServices(
    services,
    resources.filter((r) => KUBERNETES_SERVICE_TYPES.has(r.entry.type)),
    { network: options.network, context: nodeContext }
  );
  for (const node of [
    ...loadBalancers.values(),
    ...services.loadBalancers,
    ...listeners.values(),
    ...services.listeners,
    ...pools.values(),
    ...services.pools,
    ...members,
    ...instances.values(),
    ...ipGroups.values()
  ]) {
    if (!byBlock.has(node.block)) byBlock.set(node.block, node);
  }
  return {
    loadBalancers: [...loadBalancers.values(), ...services.loadBalancers],
    listeners: [...listeners.values(), ...services.listeners],
    pools: [...pools.values(), ...services.pools],
    members,
    instances: [...instances.values()],
    ipGroups: [...ipGroups.values()],
    ...services.unrecognized.length > 0 ? { unrecognized: services.unrecognized } : {},
    nodeForBlock: (block) => byBlock.get(block)
  };
}
function nodeContext(resource) {
  const { block } = resource.entry;
  const context = {
    moduleAddress: resource.module.address,
    callerSources(range) {
      const exprs = [];
      const collect = (b) => {
        for (const attribute of b.attributes.values()) {
          if (ALWAYS_TRACED.has(attribute.name) || rangesOverlap(attribute.range, range)) exprs.push(attribute.expr);
        }
        for (const nested of b.blocks) if (rangesOverlap(nested.range, range)) collect(nested);
      };
      collect(block);
      const out2 = [];
      for (const expr of exprs) {
        for (const source of resource.scope.callerSources(expr)) {
          if (!out2.some((o) => o.file === source.file && o.range.start.line === source.range.start.line && o.message === source.message))
            out2.push(source);
        }
      }
      return out2;
    }
  };
  let top;
  for (let m = resource.module; m?.downloaded; m = m.parent?.module) top = m;
  if (top?.parent) context.shownAt = { file: top.parent.call.file.path, range: top.parent.call.block.headerRange };
  return context;
}
var ALWAYS_TRACED = /* @__PURE__ */ new Set(["protocol", "transparent_client_ip_enable", "count", "for_each", "loadbalancer_id", "annotations"]);
var LISTENER_OPTIONS = ["nat64_enable", "proxy_protocol_enable", ...Object.keys(FLAT_HEADER_SWITCHES)];
function listenerOptions(resource) {
  const options = /* @__PURE__ */ new Map();
  for (const name2 of LISTENER_OPTIONS) {
    const attribute = resource.entry.block.attributes.get(name2);
    if (attribute) options.set(name2, { attribute, value: resource.scope.evaluate(attribute.expr) });
  }
  return options;
}
function memberBackendKind(resource, kind, pool) {
  const { block } = resource.entry;
  if (pool?.poolType === "ip") return { isIpBackend: true, explanation: `its pool ${pool.address} only holds IP backends` };
  if (kind !== "dedicated")
    return { isIpBackend: false, explanation: "members of shared load balancers are always cloud servers in a subnet" };
  const subnet = block.attributes.get("subnet_id");
  if (!subnet) return { isIpBackend: true, explanation: "it has no `subnet_id`, so it is added by IP address" };
  const value = resource.scope.evaluate(subnet.expr);
  if (value === null) return { isIpBackend: true, explanation: "`subnet_id` is null, so it is added by IP address" };
  return { isIpBackend: false, explanation: "it has a `subnet_id`, so it is a server in the load balancer\u2019s network" };
}
function whitelistGroups(resource, ipGroups) {
  const groups = [];
  const { block } = resource.entry;
  const add = (scope, expr) => {
    if (!expr) return;
    for (const target of scope.referencedResources(expr)) {
      const group = ipGroups.get(target.address);
      if (group && !groups.includes(group)) groups.push(group);
    }
  };
  const flat = block.attributes.get("ip_group");
  if (flat && knownString(resource.scope.evaluateAttribute(block, "access_policy"))?.toLowerCase() === "white")
    add(resource.scope, flat.expr);
  for (const nested of nestedBlocks(block, resource.scope, "ip_group").blocks) {
    const type = knownString(nested.scope.evaluateAttribute(nested.block, "type"))?.toLowerCase();
    const enabled = nested.scope.evaluateAttribute(nested.block, "enable");
    const isEnabled = enabled === void 0 || !isUnknown(enabled) && toBool(enabled) === true;
    if ((type === void 0 || type === "white") && isEnabled) add(nested.scope, nested.block.attributes.get("id")?.expr);
  }
  return groups;
}
function linkInstancesToLoadBalancerAddresses(resources, instances, loadBalancers) {
  if (instances.size === 0 || loadBalancers.size === 0) return;
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const eipOwner = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    if (!EIP_TYPE.test(resource.entry.type)) continue;
    const refs = allReferences(resource);
    const lb = refs.map((r) => loadBalancers.get(r.address)).find((x) => x !== void 0);
    if (lb) {
      eipOwner.set(resource.address, lb);
      for (const ref of refs) if (EIP_TYPE.test(ref.entry.type)) eipOwner.set(ref.address, lb);
    }
  }
  const literalAddresses = /* @__PURE__ */ new Map();
  for (const lb of loadBalancers.values()) {
    const resource = byAddress.get(lb.address);
    if (!resource) continue;
    for (const ref of allReferences(resource)) if (EIP_TYPE.test(ref.entry.type)) eipOwner.set(ref.address, lb);
    for (const name2 of LB_ADDRESS_ATTRIBUTES) {
      const value = knownString(resource.scope.evaluateAttribute(lb.block, name2));
      if (value) literalAddresses.set(value, lb);
    }
  }
  for (const instance2 of instances.values()) {
    const resource = byAddress.get(instance2.address);
    if (!resource) continue;
    forEachAttribute(instance2.block, (attribute) => {
      resource.scope.visitReferences(attribute.expr, (target, attrName) => {
        const lb = loadBalancers.get(target.address);
        if (lb && attrName && /addr|ip/.test(attrName) && !/_id$/.test(attrName)) {
          instance2.lbAddressUses.push({ loadBalancer: lb, attribute, what: `${target.address}.${attrName}` });
        }
        const owner = eipOwner.get(target.address);
        if (owner && attrName && attrName !== "id") {
          instance2.lbAddressUses.push({
            loadBalancer: owner,
            attribute,
            what: `${target.address}.${attrName}, the EIP of ${owner.address}`
          });
        }
      });
      for (const literal2 of literalStrings(attribute.expr)) {
        for (const [address, lb] of literalAddresses) {
          if (containsAddress(literal2, address)) {
            instance2.lbAddressUses.push({ loadBalancer: lb, attribute, what: `${address}, the address of ${lb.address}` });
          }
        }
      }
    });
  }
}
function containsAddress(text2, address) {
  let from = 0;
  for (let i2 = text2.indexOf(address, from); i2 !== -1; i2 = text2.indexOf(address, from)) {
    const before = text2[i2 - 1];
    const after = text2[i2 + address.length];
    if (!/[0-9.]/.test(before ?? "") && !/[0-9]/.test(after ?? "")) return true;
    from = i2 + 1;
  }
  return false;
}
function forEachAttribute(block, visit3) {
  for (const attribute of block.attributes.values()) visit3(attribute);
  for (const nested of block.blocks) forEachAttribute(nested, visit3);
}
function allReferences(resource) {
  const found = [];
  forEachAttribute(resource.entry.block, (attribute) => {
    for (const ref of resource.scope.referencedResources(attribute.expr)) if (!found.includes(ref)) found.push(ref);
  });
  return found;
}
function literalStrings(expr, out2 = [], depth = 0) {
  if (depth > 64) return out2;
  const recurse = (e) => literalStrings(e, out2, depth + 1);
  switch (expr.kind) {
    case "literal":
      if (typeof expr.value === "string") out2.push(expr.value);
      break;
    case "template":
      expr.parts.forEach(recurse);
      break;
    case "call":
      expr.args.forEach(recurse);
      break;
    case "tuple":
      expr.items.forEach(recurse);
      break;
    case "object":
      expr.entries.forEach((e) => recurse(e.value));
      break;
    case "conditional":
      recurse(expr.whenTrue);
      recurse(expr.whenFalse);
      break;
    case "parens":
      recurse(expr.inner);
      break;
    case "opaque":
      out2.push(expr.text);
      break;
    default:
      break;
  }
  return out2;
}

// server/src/plan/plan.ts
function mayBePlanJson(head) {
  return /^\s*\{\s*"(format_version|applyable|checks|complete|configuration|errored)"\s*:/.test(head) || /^\s*\{/.test(head) && head.includes('"format_version"');
}
function isPlanJson(text2) {
  return mayBePlanJson(text2.slice(0, 256)) && text2.includes('"format_version"') && /"planned_values"\s*:/.test(text2);
}
var REFERENCE = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\[([^\]]*)\])?(?:\.(.+))?$/;
var NOT_RESOURCES = /* @__PURE__ */ new Set(["var", "local", "module", "data", "count", "each", "path", "terraform", "self"]);
function child(node, key) {
  if (node?.type !== "object") return void 0;
  for (const property of node.children ?? []) {
    const [k, v] = property.children ?? [];
    if (k?.value === key) return v;
  }
  return void 0;
}
function stringValue(node) {
  return node?.type === "string" ? node.value : void 0;
}
function moduleCallPath(modulePath) {
  const names = [];
  for (const match of modulePath.matchAll(/module\.([^.[\]]+)(?:\[[^\]]*\])?/g)) names.push(match[1]);
  return names;
}
function planToModel(filePath, text2) {
  const { root, errors } = parseJsonTree(text2);
  if (root?.type !== "object" || !child(root, "format_version")) return void 0;
  const planned = child(root, "planned_values");
  if (!planned) return void 0;
  const lines = new LineIndex(text2);
  const configResources = /* @__PURE__ */ new Map();
  const visitConfig = (moduleNode, callPath) => {
    for (const resource of child(moduleNode, "resources")?.children ?? []) {
      const address = stringValue(child(resource, "address"));
      if (address) configResources.set([...callPath, address].join("\0"), resource);
    }
    for (const call of child(moduleNode, "module_calls")?.children ?? []) {
      const [k, v] = call.children ?? [];
      if (k && v) visitConfig(child(v, "module"), [...callPath, String(k.value)]);
    }
  };
  visitConfig(child(child(root, "configuration"), "root_module"), []);
  const afterUnknown = /* @__PURE__ */ new Map();
  for (const change of child(root, "resource_changes")?.children ?? []) {
    const address = stringValue(child(change, "address"));
    const unknown = child(child(change, "change"), "after_unknown");
    if (!address || unknown?.type !== "object") continue;
    const names = /* @__PURE__ */ new Set();
    for (const property of unknown.children ?? []) {
      const [k, v] = property.children ?? [];
      if (k && v?.type === "boolean" && v.value === true) names.add(String(k.value));
    }
    afterUnknown.set(address, names);
  }
  const resources = [];
  const visitPlanned = (moduleNode, depth) => {
    if (!moduleNode || depth > 32) return;
    const modulePath = stringValue(child(moduleNode, "address")) ?? "";
    for (const resource of child(moduleNode, "resources")?.children ?? []) {
      if (stringValue(child(resource, "mode")) !== "managed") continue;
      const type = stringValue(child(resource, "type"));
      const name2 = stringValue(child(resource, "name"));
      if (!type || !name2) continue;
      const addressNode = child(resource, "address");
      const address = stringValue(addressNode) ?? `${modulePath ? modulePath + "." : ""}${type}.${name2}`;
      const indexNode = child(resource, "index");
      const index = indexNode?.type === "number" || indexNode?.type === "string" ? indexNode.value : void 0;
      const values = child(resource, "values");
      const configKey = [...moduleCallPath(modulePath), `${type}.${name2}`].join("\0");
      resources.push({
        address,
        modulePath,
        type,
        name: name2,
        index,
        node: resource,
        addressNode,
        values: values?.type === "object" ? values : void 0,
        expressions: child(configResources.get(configKey), "expressions"),
        unknown: afterUnknown.get(address) ?? /* @__PURE__ */ new Set(),
        id: stringValue(child(values, "id"))
      });
    }
    for (const childModule of child(moduleNode, "child_modules")?.children ?? []) visitPlanned(childModule, depth + 1);
  };
  visitPlanned(child(planned, "root_module"), 0);
  const byId = /* @__PURE__ */ new Map();
  for (const r of resources) if (r.id) byId.set(r.id, r);
  const resolveReference = (from, reference) => {
    const match = REFERENCE.exec(reference);
    if (!match || NOT_RESOURCES.has(match[1])) return void 0;
    const [, type, name2, indexText, rest] = match;
    const candidates = resources.filter((r) => r.modulePath === from.modulePath && r.type === type && r.name === name2);
    if (candidates.length === 0) return void 0;
    let target;
    if (indexText !== void 0) {
      const key = /^\d+$/.test(indexText) ? Number(indexText) : indexText.replace(/^"|"$/g, "");
      target = candidates.find((c) => c.index === key);
    } else if (candidates.length === 1) {
      target = candidates[0];
    } else {
      target = candidates.find((c) => c.index !== void 0 && c.index === from.index);
    }
    return target ? { target, rest } : void 0;
  };
  const traversalTo = (target, rest, range) => {
    const steps = [{ kind: "attr", name: target.address }];
    for (const part of (rest ?? "id").matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
      if (part[1] !== void 0) steps.push({ kind: "attr", name: part[1] });
      else {
        const key = part[2];
        const value = /^\d+$/.test(key) ? Number(key) : key.replace(/^"|"$/g, "");
        steps.push({ kind: "index", key: { kind: "literal", value, range } });
      }
    }
    return { kind: "traversal", root: target.type, steps, range };
  };
  const referencesOf = (from, expression, range) => {
    const refs = [];
    const seen = /* @__PURE__ */ new Set();
    for (const item of child(expression, "references")?.children ?? []) {
      const reference = stringValue(item);
      const resolved = reference ? resolveReference(from, reference) : void 0;
      if (!resolved || seen.has(resolved.target)) continue;
      seen.add(resolved.target);
      refs.push(traversalTo(resolved.target, resolved.rest, range));
    }
    return refs;
  };
  const unknownExpr = (refs, range) => ({ kind: "call", name: "unknown_until_apply", args: refs, range });
  const buildBody = (owner, values, expressions, unknown, anchor, depth) => {
    const attributes = /* @__PURE__ */ new Map();
    const blocks2 = [];
    if (depth > 16) return { attributes, blocks: blocks2 };
    const anchorRange = nodeRange(lines, anchor);
    const written = /* @__PURE__ */ new Set();
    for (const property of values?.children ?? []) {
      const [k, v] = property.children ?? [];
      if (!k || !v) continue;
      const name2 = String(k.value);
      written.add(name2);
      if (v.type === "null") continue;
      const range = nodeRange(lines, v);
      const expression = child(expressions, name2);
      if (v.type === "array" && (v.children ?? []).length > 0 && (v.children ?? []).every((c) => c.type === "object")) {
        (v.children ?? []).forEach((item, i2) => {
          const itemExpressions = expression?.type === "array" ? expression.children?.[i2] : void 0;
          const body2 = buildBody(owner, item, itemExpressions, /* @__PURE__ */ new Set(), item, depth + 1);
          blocks2.push(syntheticBlock(name2, [], k, item, body2, lines));
        });
        continue;
      }
      const literal2 = jsonValueExpr(lines, v);
      let refs = referencesOf(owner, expression, range);
      if (refs.length === 0 && v.type === "string" && name2 !== "id") {
        const linked = byId.get(v.value);
        if (linked && linked !== owner) refs = [traversalTo(linked, "id", range)];
      }
      const expr = refs.length > 0 ? { kind: "annotated", value: literal2, references: unknownExpr(refs, range), range } : literal2;
      attributes.set(name2, {
        name: name2,
        expr,
        nameRange: nodeRange(lines, k),
        valueRange: range,
        range: lines.range(k.offset, v.offset + v.length)
      });
    }
    const unknownNames = new Set(unknown);
    for (const property of expressions?.type === "object" ? expressions.children ?? [] : []) {
      const [k, v] = property.children ?? [];
      if (k && v?.type === "object" && !written.has(String(k.value))) unknownNames.add(String(k.value));
    }
    for (const name2 of unknownNames) {
      if (attributes.has(name2) || blocks2.some((b) => b.type === name2)) continue;
      const refs = referencesOf(owner, child(expressions, name2), anchorRange);
      attributes.set(name2, {
        name: name2,
        expr: unknownExpr(refs, anchorRange),
        nameRange: anchorRange,
        valueRange: anchorRange,
        range: anchorRange
      });
    }
    return { attributes, blocks: blocks2 };
  };
  const blocks = [];
  const addresses = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    const anchor = resource.addressNode ?? resource.node;
    const body2 = buildBody(resource, resource.values, resource.expressions, resource.unknown, anchor, 0);
    const block = syntheticBlock("resource", [resource.type, resource.address], anchor, resource.node, body2, lines, resource.values);
    blocks.push(block);
    addresses.set(`${resource.type}.${resource.address}`, resource.address);
  }
  const file = {
    path: filePath,
    format: "tfjson",
    text: text2,
    lines,
    blocks,
    attributes: /* @__PURE__ */ new Map(),
    comments: [],
    syntaxErrors: errors.map((e) => lines.range(e.offset, e.offset + e.length))
  };
  const module2 = new TerraformModule(filePath, [file], []);
  for (const [key, entry] of module2.resources)
    module2.resources.set(key, { ...entry, name: addresses.get(key) ?? entry.name, address: addresses.get(key) ?? entry.address });
  return { file, module: module2, model: buildTerraformModel(module2) };
}
function syntheticBlock(type, labels, labelNode, node, body2, lines, bodyNode = node) {
  const labelRange = nodeRange(lines, labelNode);
  return {
    type,
    labels,
    labelRanges: labels.map(() => labelRange),
    range: nodeRange(lines, node),
    headerRange: labelRange,
    attributes: body2.attributes,
    blocks: body2.blocks,
    bodyStart: lines.positionAt(bodyNode.offset + 1),
    close: lines.positionAt(bodyNode.offset + bodyNode.length - 1),
    hasErrors: false
  };
}
function planAnalysis(filePath, text2, options = {}) {
  const plan = planToModel(filePath, text2);
  if (!plan) return void 0;
  const reported = reportRules(plan.model, { docsBase: options.docsBase ?? "docs/rules/", log: options.log, source: filePath });
  return { model: plan.model, reported };
}
function analyzePlan(filePath, text2, options = {}) {
  const analysis = planAnalysis(filePath, text2, options);
  if (!analysis) return [];
  return withRuleSettings(mergeInstanceFindings(analysis.reported), options.rules).map((f) => ({ ...f, fixes: [] }));
}

// server/src/project/classify.ts
var path5 = __toESM2(require("path"));

// server/src/elbjson/sniff.ts
var path2 = __toESM2(require("path"));

// server/src/core/globs.ts
var cache = /* @__PURE__ */ new Map();
function globToRegExp(glob) {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.trim().replace(/\\/g, "/");
  if (pattern.startsWith("./")) pattern = pattern.slice(2);
  if (pattern.endsWith("/")) pattern = pattern.slice(0, -1);
  const anchored = pattern.includes("/");
  if (pattern.startsWith("/")) pattern = pattern.slice(1);
  let source = "";
  let braceDepth = 0;
  for (let i2 = 0; i2 < pattern.length; i2++) {
    const ch = pattern[i2];
    if (ch === "*") {
      if (pattern[i2 + 1] === "*") {
        const atSegmentStart = i2 === 0 || pattern[i2 - 1] === "/";
        const atSegmentEnd = i2 + 2 === pattern.length || pattern[i2 + 2] === "/";
        if (atSegmentStart && atSegmentEnd) {
          if (pattern[i2 + 2] === "/") {
            source += "(?:[^/]+/)*";
            i2 += 2;
          } else {
            source += ".*";
            i2 += 1;
          }
          continue;
        }
        source += "[^/]*";
        i2 += 1;
        continue;
      }
      source += "[^/]*";
    } else if (ch === "?") {
      source += "[^/]";
    } else if (ch === "{") {
      braceDepth++;
      source += "(?:";
    } else if (ch === "}" && braceDepth > 0) {
      braceDepth--;
      source += ")";
    } else if (ch === "," && braceDepth > 0) {
      source += "|";
    } else if (ch === "[") {
      const close = pattern.indexOf("]", i2 + 1);
      if (close > i2 + 1) {
        let cls = pattern.slice(i2 + 1, close).replace(/\\/g, "\\\\");
        if (cls.startsWith("!")) cls = "^" + cls.slice(1);
        source += `[${cls}]`;
        i2 = close;
      } else {
        source += "\\[";
      }
    } else {
      source += ch.replace(/[.+^$()|\\\]]/g, "\\$&");
    }
  }
  while (braceDepth-- > 0) source += ")";
  const regexp = new RegExp(`^${anchored ? "" : "(?:[^/]+/)*"}${source}$`);
  cache.set(glob, regexp);
  return regexp;
}
function matchesAnyGlob(relativePath2, globs) {
  if (globs.length === 0 || relativePath2 === "" || relativePath2.startsWith("../")) return false;
  const regexps = globs.map(globToRegExp);
  const parts2 = relativePath2.split("/");
  for (let i2 = parts2.length; i2 >= 1; i2--) {
    const candidate = parts2.slice(0, i2).join("/");
    if (regexps.some((r) => r.test(candidate))) return true;
  }
  return false;
}
function matchesGlobTails(filePath, globs) {
  if (globs.length === 0) return false;
  const parts2 = filePath.replace(/\\/g, "/").replace(/^[A-Za-z]:/, "").split("/").filter((p) => p.length > 0);
  const regexps = globs.map(globToRegExp);
  for (let i2 = 0; i2 < parts2.length; i2++) {
    const candidate = parts2.slice(i2).join("/");
    if (regexps.some((r) => r.test(candidate))) return true;
  }
  return false;
}

// server/src/elbjson/fields.ts
var ELB_JSON_ROLES = ["listener", "pool", "member", "loadbalancer", "ipgroup"];
var WRAPPERS = {
  listener: { role: "listener", plural: false },
  listeners: { role: "listener", plural: true },
  pool: { role: "pool", plural: false },
  pools: { role: "pool", plural: true },
  member: { role: "member", plural: false },
  members: { role: "member", plural: true },
  loadbalancer: { role: "loadbalancer", plural: false },
  loadbalancers: { role: "loadbalancer", plural: true },
  ipgroup: { role: "ipgroup", plural: false },
  ipgroups: { role: "ipgroup", plural: true }
};
function wrapperFor(key) {
  return Object.prototype.hasOwnProperty.call(WRAPPERS, key) ? WRAPPERS[key] : void 0;
}
var INSERT_HEADER_NAMES = [
  "X-Forwarded-ELB-IP",
  "X-Forwarded-Port",
  "X-Forwarded-For-Port",
  "X-Forwarded-Host",
  "X-Forwarded-Proto",
  "X-Real-IP",
  "X-Forwarded-ELB-ID"
];
var INSERT_HEADER_PREFIX = "X-Forwarded-TLS-";
function isInsertHeaderName(name2) {
  return INSERT_HEADER_NAMES.includes(name2) || name2.startsWith(INSERT_HEADER_PREFIX) && name2.length > INSERT_HEADER_PREFIX.length;
}
var SNIFF_FIELDS = {
  listener: [
    "protocol",
    "protocol_port",
    "loadbalancer_id",
    "default_pool_id",
    "transparent_client_ip_enable",
    "insert_headers",
    "proxy_protocol_enable"
  ],
  pool: ["lb_algorithm", "protocol"],
  member: ["address", "protocol_port", "subnet_cidr_id", "member_type"],
  loadbalancer: ["vip_address", "vip_subnet_cidr_id", "vip_subnet_id", "guaranteed", "l4_flavor_id", "l7_flavor_id", "ip_target_enable"],
  ipgroup: ["ip_list"]
};

// server/src/elbjson/sniff.ts
var SNIFF_CHARS = 8 * 1024;
var DEFAULT_ELB_JSON_GLOBS = DEFAULT_JSON_FILES;
function isJsonFileName(filePath) {
  const name2 = path2.basename(filePath);
  if (!name2.endsWith(".json") && !name2.endsWith(".jsonc")) return false;
  return !name2.endsWith(".tf.json") && !name2.endsWith(".tfvars.json") && name2 !== ".elb-lens.json";
}
function matchesElbJsonGlobs(filePath, globs) {
  return isJsonFileName(filePath) && matchesGlobTails(filePath, globs);
}
function sniffElbJson(text2) {
  let head = text2.length > SNIFF_CHARS ? text2.slice(0, SNIFF_CHARS) : text2;
  if (head.charCodeAt(0) === 65279) head = head.slice(1);
  if (head.includes("\0")) return false;
  const scanner = createScanner2(head, true);
  if (scanner.scan() !== SyntaxKind.OpenBraceToken) return false;
  const stack = ["{"];
  let topKey;
  let lastString;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (scanner.getTokenError() !== ScanError.None && token !== SyntaxKind.StringLiteral) return false;
    switch (token) {
      case SyntaxKind.OpenBraceToken:
        stack.push("{");
        break;
      case SyntaxKind.OpenBracketToken:
        stack.push("[");
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        if (stack.length === 0) return false;
        if (stack.length === 1) topKey = void 0;
        break;
      case SyntaxKind.ColonToken: {
        if (lastString === void 0 || stack[stack.length - 1] !== "{") break;
        if (stack.length === 1) {
          topKey = lastString;
          break;
        }
        const wrapper = topKey !== void 0 ? wrapperFor(topKey) : void 0;
        if (!wrapper) break;
        const inItem = wrapper.plural ? stack.length === 3 && stack[1] === "[" : stack.length === 2;
        if (inItem && SNIFF_FIELDS[wrapper.role].includes(lastString)) return true;
        break;
      }
      case SyntaxKind.Unknown:
        return false;
      default:
        break;
    }
    lastString = token === SyntaxKind.StringLiteral ? scanner.getTokenValue() : void 0;
  }
  return false;
}

// server/src/kubernetes/sniff.ts
var path3 = __toESM2(require("path"));
var KUBERNETES_SNIFF_CHARS = 512 * 1024;
function isYamlFileName(filePath) {
  const name2 = path3.basename(filePath).toLowerCase();
  return name2.endsWith(".yaml") || name2.endsWith(".yml");
}
function matchesKubernetesGlobs(filePath, globs) {
  return globs.length > 0 && isYamlFileName(filePath) && matchesGlobTails(filePath, globs);
}
var KIND_SERVICE = /^[ \t-]*kind[ \t]*:[ \t]*["']?(Service|List|ServiceList)["']?[ \t]*(#.*)?$/m;
var API_VERSION = /^[ \t-]*apiVersion[ \t]*:/m;
function isTemplate(text2) {
  for (let i2 = text2.indexOf("{{"); i2 !== -1; i2 = text2.indexOf("{{", i2 + 2)) {
    const lineStart = text2.lastIndexOf("\n", i2) + 1;
    const hash = text2.indexOf("#", lineStart);
    if (hash === -1 || hash > i2) return true;
  }
  return false;
}
function sniffKubernetes(text2) {
  const head = text2.length > KUBERNETES_SNIFF_CHARS ? text2.slice(0, KUBERNETES_SNIFF_CHARS) : text2;
  if (!head.includes(ELB_PREFIX) || head.includes("\0")) return false;
  if (!KIND_SERVICE.test(head) || !API_VERSION.test(head)) return false;
  return !isTemplate(head);
}

// server/src/project/configure.ts
var path4 = __toESM2(require("path"));
function configure(settings = {}) {
  const host = settings.host ?? {};
  const file = settings.config && settings.config.path !== "" ? settings.config : void 0;
  const options = toAnalysisOptions(settings.config ?? defaultConfig(host.base ?? ""), {
    ...host.rules && { rules: host.rules },
    ...host.variables && { variables: host.variables },
    ...host.varFiles && { varFiles: [...host.varFiles] },
    ...host.environmentVariables && { environmentVariables: host.environmentVariables },
    ...host.reportUnusedIgnores !== void 0 && { reportUnusedIgnores: host.reportUnusedIgnores },
    ...host.kubernetesNetwork && { kubernetes: { network: host.kubernetesNetwork } }
  });
  const exclude = [];
  if (file && file.exclude.length > 0) exclude.push({ base: file.dir, globs: file.exclude });
  if (host.base !== void 0 && host.exclude && host.exclude.length > 0) exclude.push({ base: host.base, globs: host.exclude });
  const jsonFiles = [];
  if (host.jsonFiles) jsonFiles.push({ base: host.base, globs: host.jsonFiles });
  if (file) jsonFiles.push({ base: file.dir, globs: file.jsonFiles });
  if (jsonFiles.length === 0) jsonFiles.push({ base: void 0, globs: DEFAULT_JSON_FILES });
  const kubernetesFiles = [];
  if (host.kubernetesFiles && host.kubernetesFiles.length > 0) kubernetesFiles.push({ base: host.base, globs: host.kubernetesFiles });
  if (file && file.kubernetesFiles.length > 0) kubernetesFiles.push({ base: file.dir, globs: file.kubernetesFiles });
  return { configFile: file?.path, options, exclude, jsonFiles, kubernetesFiles };
}
function matchesScopes(scopes, filePath) {
  return scopes.some((scope) => {
    if (scope.base === void 0) return matchesGlobTails(filePath, scope.globs);
    const relative7 = path4.relative(scope.base, path4.resolve(filePath)).split(path4.sep).join("/");
    return matchesAnyGlob(relative7, scope.globs);
  });
}
function excludes(config, filePath) {
  return matchesScopes(config.exclude, filePath);
}
function namesKubernetes(config, filePath) {
  return isYamlFileName(filePath) && matchesScopes(config.kubernetesFiles, filePath);
}
function namesElbJson(config, filePath) {
  return isJsonFileName(filePath) && matchesScopes(config.jsonFiles, filePath);
}

// server/src/project/classify.ts
function isAutoTfvarsName(name2) {
  return name2 === "terraform.tfvars" || name2 === "terraform.tfvars.json" || name2.endsWith(".auto.tfvars") || name2.endsWith(".auto.tfvars.json");
}
var PLAN_HEAD_CHARS = 256;
var defaultConfig2;
function classify(filePath, options = {}) {
  const name2 = path5.basename(filePath);
  if (name2 === CONFIG_FILE_NAME) return "config";
  if (name2.endsWith(".tf")) return "terraform";
  if (name2.endsWith(".tf.json")) return "terraform-json";
  if (isAutoTfvarsName(name2) || options.explicit && (name2.endsWith(".tfvars") || name2.endsWith(".tfvars.json"))) return "tfvars";
  if (isYamlFileName(filePath)) {
    if (namesKubernetes(options.config ?? (defaultConfig2 ??= configure()), filePath)) return "kubernetes";
    return options.content && sniffKubernetes(options.content.head(KUBERNETES_SNIFF_CHARS)) ? "kubernetes" : "other";
  }
  if (!isJsonFileName(filePath)) return "other";
  if (namesElbJson(options.config ?? (defaultConfig2 ??= configure()), filePath)) return "elb-json";
  const content = options.content;
  if (!content) return "other";
  if (name2.endsWith(".json") && mayBePlanJson(content.head(PLAN_HEAD_CHARS))) {
    const text2 = content.text();
    if (text2 !== void 0 && isPlanJson(text2)) return "plan";
  }
  return sniffElbJson(content.head(SNIFF_CHARS)) ? "elb-json" : "other";
}

// server/src/project/walk.ts
var path6 = __toESM2(require("path"));
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".terraform", ".git", "node_modules"]);
function walk(roots, host) {
  const found = /* @__PURE__ */ new Map();
  const missing = [];
  const readDirs = /* @__PURE__ */ new Set();
  const add = (file, explicit) => found.set(file, explicit || (found.get(file) ?? false));
  for (const given of roots) {
    const root = path6.resolve(given);
    const stat = host.stat(root);
    if (!stat) {
      missing.push(given);
      continue;
    }
    if (stat.type !== "directory") {
      add(root, true);
      continue;
    }
    const realRoot = host.realpath(root) ?? root;
    const shownPath = (real) => {
      const relative7 = path6.relative(realRoot, real);
      if (relative7 === "") return root;
      if (path6.isAbsolute(relative7)) return void 0;
      const parts2 = relative7.split(path6.sep);
      if (parts2[0] === ".." || parts2.some((p) => SKIPPED_DIRECTORIES.has(p))) return void 0;
      return path6.join(root, relative7);
    };
    const pending = [{ real: realRoot, shown: root }];
    for (let dir = pending.pop(); dir; dir = pending.pop()) {
      if (readDirs.has(dir.real)) continue;
      readDirs.add(dir.real);
      const entries = host.readDirectory(dir.real);
      if (!entries) continue;
      for (const entry of entries) {
        let real = path6.join(dir.real, entry.name);
        let shown = path6.join(dir.shown, entry.name);
        let type = entry.type;
        if (type === "symlink") {
          const target = host.realpath(real);
          const place = target === void 0 ? void 0 : shownPath(target);
          if (target === void 0 || place === void 0) continue;
          [real, shown, type] = [target, place, host.stat(target)?.type ?? "other"];
        } else if (type === "directory" && SKIPPED_DIRECTORIES.has(entry.name)) {
          continue;
        }
        if (type === "directory") pending.push({ real, shown });
        else if (type === "file") add(shown, false);
      }
    }
  }
  const files = [...found].map(([file, explicit]) => ({ path: file, explicit })).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, missing };
}

// server/src/project/units.ts
var path7 = __toESM2(require("path"));
function unitKindOf(kind) {
  switch (kind) {
    case "terraform":
    case "terraform-json":
      return "terraform";
    case "elb-json":
    case "kubernetes":
    case "plan":
      return kind;
    default:
      return void 0;
  }
}
function unitKey(filePath, kind) {
  switch (kind) {
    case "terraform":
    case "elb-json":
      return `${kind}:${path7.dirname(filePath)}`;
    case "kubernetes":
    case "plan":
      return `${kind}:${filePath}`;
  }
}
function formUnits(items, fileOf, kindOf) {
  const units = /* @__PURE__ */ new Map();
  for (const item of items) {
    const kind = unitKindOf(kindOf(item));
    if (!kind) continue;
    const key = unitKey(fileOf(item), kind);
    const unit = units.get(key);
    if (unit) unit.members.push(item);
    else units.set(key, { key, kind, members: [item] });
  }
  return [...units.values()];
}

// server/src/project/nodeFs.ts
var fs2 = __toESM2(require("fs"));
function entryType(entry) {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  return "other";
}
var nodeFileSystem = {
  readDirectory(dirPath) {
    try {
      return fs2.readdirSync(dirPath, { withFileTypes: true }).map((e) => ({ name: e.name, type: entryType(e) }));
    } catch {
      return void 0;
    }
  },
  realpath(filePath) {
    try {
      return fs2.realpathSync(filePath);
    } catch {
      return void 0;
    }
  },
  stat(filePath) {
    try {
      const stat = fs2.statSync(filePath);
      const type = entryType(stat);
      return { type: type === "symlink" ? "other" : type, size: stat.size };
    } catch {
      return void 0;
    }
  }
};
function readTextFile(filePath, limit) {
  try {
    const stat = fs2.statSync(filePath);
    if (!stat.isFile() || stat.size > limit) return void 0;
    return fs2.readFileSync(filePath, "utf8");
  } catch {
    return void 0;
  }
}
function readHead(filePath, bytes) {
  let fd;
  try {
    fd = fs2.openSync(filePath, "r");
    const buffer = Buffer.alloc(bytes);
    const read = fs2.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== void 0) fs2.closeSync(fd);
  }
}
function nodeFileContent(filePath, limit) {
  let whole;
  return {
    // UTF-8 takes up to four bytes a character: read enough bytes for `chars` characters.
    head: (chars) => (whole ? whole.text ?? "" : readHead(filePath, chars * 4)).slice(0, chars),
    text: () => (whole ??= { text: readTextFile(filePath, limit) }).text
  };
}

// server/src/service/nodeHost.ts
var fs3 = __toESM2(require("fs"));
var MAX_READ_BYTES = 5 * 1024 * 1024;
function createNodeHost(log) {
  return {
    readFile(filePath) {
      try {
        const stat = fs3.statSync(filePath);
        if (!stat.isFile() || stat.size > MAX_READ_BYTES) return void 0;
        const buffer = fs3.readFileSync(filePath);
        if (buffer.includes(0)) return void 0;
        return buffer.toString("utf8");
      } catch {
        return void 0;
      }
    },
    readDirectory(dirPath) {
      try {
        return fs3.readdirSync(dirPath);
      } catch {
        return [];
      }
    },
    log
  };
}

// server/src/service/service.ts
var path11 = __toESM2(require("path"));

// server/src/core/escape.ts
var UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function printable(text2) {
  return text2.replace(UNPRINTABLE, (c) => c === "	" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function xmlText(value) {
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function markdownText(text2) {
  return printable(text2.replace(/\r\n|\r|\n/g, " ")).replace(/[\\`*_[\]|<>~&]/g, (c) => `\\${c}`).replace(/@/g, "@\u2060");
}
function codeSpan(text2) {
  const flat = printable(text2.replace(/\r\n|\r|\n/g, " "));
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

// server/src/hover/platform.ts
var CCE_CLIENT_IP_ANNOTATION = "kubernetes.io/elb.transparent-client-ip";
function platformLines(listener) {
  const { protocol, kind, provider, clientIp } = listener;
  const lines = [securityGroupSentence(listener)];
  if (protocol === "TLS")
    lines.push("TLS listeners do not pass the client IP on by themselves; Proxy Protocol (`proxy_protocol_enable = true`) does.");
  const l4 = protocol === "TCP" || protocol === "UDP";
  if (l4 && kind === "shared" && clientIp.canBeDisabled !== false)
    lines.push(
      "OTC\u2019s Swiss region and Huawei Cloud\u2019s Europe site appear to accept only true for shared TCP/UDP listeners, so there it may be on whatever is written."
    );
  if (provider === "flexibleengine")
    lines.push(
      "Flexible Engine: Xen ECS and BMS backends do not support client IP transfer; shared load balancers reach backends from 100.125.0.0/16 and 100.126.0.0/16."
    );
  if (l4 && clientIp.state !== "off")
    lines.push("Behind a NAT gateway the backend sees the gateway\u2019s address, and for a client in a container, its node\u2019s address.");
  return lines;
}
function tcpAlternative(listener) {
  const toa = "for IP backends and NAT64, Huawei Cloud documents the TOA kernel module on the backend servers, which reads it from a TCP option (ELB Lens cannot see whether it is installed)";
  if (listener.provider === "opentelekomcloud")
    return "none documented by Open Telekom Cloud: TCP listeners can only pass the client address by transferring it.";
  return `none in the load balancer for TCP; ${toa}.`;
}
function cceAnnotationLines(attributeName) {
  if (attributeName !== CCE_CLIENT_IP_ANNOTATION) return [];
  return [
    "",
    "CCE acts on this annotation only for shared TCP/UDP Services in CCE standard clusters with `externalTrafficPolicy: Local` (with Cluster, kube-proxy may pass the traffic to a pod on another node, which then sees that node\u2019s address), which is why the quick fix sets both. CCE Turbo clusters ignore it, and so do clusters older than v1.23.17-r0, v1.25.12-r0, v1.27.9-r0, v1.28.7-r0 or v1.29.3-r0 (each in its own minor version). Deleting the annotation leaves the load balancer\u2019s last setting in place."
  ];
}

// server/src/hover/settings.ts
function stateWord(listener) {
  const { clientIp } = listener;
  if (clientIp.state === "unknown") return "unknown";
  if (clientIp.reason === "always-on") return "always on";
  return clientIp.state;
}
function workloadSees(listener) {
  const { clientIp, hop, protocol } = listener;
  const layer7 = protocol !== void 0 && HTTP_PROTOCOLS.has(protocol);
  if (layer7) {
    return "the client address in the `X-Forwarded-For` header (the connection itself comes from the load balancer side)";
  }
  if (clientIp.state === "off") return "a load balancer address (100.125.0.0/16), never the client\u2019s";
  if (clientIp.state === "unknown") return "the client address only if client IP transfer is on, which is unknown here";
  if (!hop || hop.keepsSource === true) return "the client address";
  if (hop.keepsSource === false) return "a node\u2019s address: the client address is lost on the way through the cluster";
  return "the client address or a node\u2019s address, depending on the cluster network";
}
function hopLines(listener) {
  const hop = listener.hop;
  if (!hop) return [];
  return ["", `**What the pods see:** ${workloadSees(listener)}.`, "", `- ${capitalize(hop.explanation)}.`, `- ${hop.caveat}`];
}
function capitalize(text2) {
  return /^[a-z]+[A-Z_]/.test(text2) ? text2 : text2.charAt(0).toUpperCase() + text2.slice(1);
}
function portLine(listener) {
  return `- \`${listener.address}\` (${listener.protocol ?? "unknown protocol"}): Transfer Client IP Address **${stateWord(listener)}** \u2014 ${listener.clientIp.explanation}; the pods see ${workloadSees(listener)}.`;
}
function settingHover(lb, attributeName, model, docsLink) {
  const listeners = model.listeners.filter((l) => l.loadBalancer === lb);
  const unrecognized = (model.unrecognized ?? []).find((u) => u.node === lb && u.attribute.name === attributeName);
  const out2 = [];
  if (unrecognized) {
    out2.push(`**\`${attributeName}\` is not read** \u2014 ${unrecognized.reason}.`);
    if (unrecognized.suggestion) out2.push("", `Did you mean \`${unrecognized.suggestion}\`?`);
  }
  const clientIp = listeners.filter((l) => l.clientIp.setting?.name === attributeName || l.clientIp.attribute?.name === attributeName);
  if (clientIp.length > 0) {
    if (out2.length > 0) out2.push("");
    out2.push(
      `**\`${attributeName}\`** \u2014 Transfer Client IP Address of the load balancer\u2019s listeners (${lb.kind}: ${listeners[0]?.kindExplanation ?? "unknown"}).`,
      ""
    );
    out2.push(...clientIp.map(portLine));
    if (lb.kind === "dedicated") out2.push("", "Dedicated load balancers always transfer the client IP; the annotation cannot turn it off.");
    else if (lb.kind === "shared")
      out2.push(
        "",
        "Shared load balancers transfer it on HTTP/HTTPS listeners always, and on TCP/UDP listeners only when this is `'true'`. Switching it interrupts traffic for about ten seconds."
      );
    out2.push(...cceAnnotationLines(attributeName));
  }
  const hopped = listeners.filter((l) => l.hop?.setting.name === attributeName);
  if (hopped.length > 0) {
    const hop = hopped[0].hop;
    if (out2.length > 0) out2.push("");
    out2.push(`**\`${attributeName}\`** \u2014 ${capitalize(hop.explanation)}.`, "");
    out2.push(...hopped.map((l) => `- \`${l.address}\` (${l.protocol ?? "unknown protocol"}): the pods see ${workloadSees(l)}.`));
    out2.push("", hop.caveat);
  }
  if (out2.length === 0) return void 0;
  out2.push("", `[About client IP transfer](${docsLink})`);
  return out2.join("\n");
}

// server/src/hover/hover.ts
function stateWord2(listener) {
  const { clientIp } = listener;
  if (clientIp.state === "unknown") return "unknown";
  if (clientIp.reason === "always-on") return "always on";
  return clientIp.state;
}
function alternativesFor(listener) {
  const { protocol } = listener;
  if (protocol === void 0) return "depend on the protocol, which is unknown.";
  if (HTTP_PROTOCOLS.has(protocol)) {
    const xff = `the \`X-Forwarded-For\` header, which ${protocol} listeners always add`;
    if (!listener.info.flatHeaderSwitches) return `${xff}.`;
    const realIp = argumentSupport(listener, "real_ip");
    if (realIp.support === "no") return `${xff}. ${upgradeAdvice(realIp, listener.type, "to add `X-Real-IP` as well")}`;
    const needed = versionNeeded(realIp);
    return `${xff}; optionally \`X-Real-IP\` (\`real_ip = true\`${needed ? `, ${needed}` : ""}).`;
  }
  if (protocol === "TLS") {
    const proxy2 = argumentSupport(listener, "proxy_protocol_enable");
    if (proxy2.support === "no")
      return `Proxy Protocol, which sends the client address ahead of the data. ${upgradeAdvice(proxy2, listener.type, "to turn it on")}`;
    const needed = versionNeeded(proxy2);
    return `Proxy Protocol (\`proxy_protocol_enable = true\`${needed ? `, ${needed}` : ""}), which sends the client address ahead of the data.`;
  }
  if (protocol === "TCP") return tcpAlternative(listener);
  if (protocol === "UDP") return "none: UDP listeners can only pass the client address by transferring it.";
  return `none known for ${protocol}.`;
}
function providerVersionLines(listener) {
  const fact = listener.providerVersion;
  if (!fact) return [];
  const from = fact.source === "lock-file" ? "lock file" : fact.source === "constraint" ? "version constraint" : "unknown";
  const missing = [];
  for (const [argument, since] of Object.entries(listener.info.since ?? {})) {
    const support = argumentSupport(listener, argument).support;
    if (support === "no") missing.push(`  - ${codeSpan(argument)} arrived in ${since}: not in the version in use`);
    else if (support === "some") missing.push(`  - ${codeSpan(argument)} arrived in ${since}: only some of the allowed versions have it`);
  }
  return missing.length > 0 || fact.source === "unknown" ? [`- Provider: ${codeSpan(fact.provider)} ${versionInUseText(fact)} \u2014 source: ${from}`, ...missing] : [];
}
function backendLines(pools, on) {
  const lines = [];
  for (const pool of pools) {
    for (const member of pool.members) {
      const name2 = `${codeSpan(member.address)}`;
      if (member.isIpBackend === true) lines.push(`- ${name2}: does **not** receive it (${member.ipBackendExplanation})`);
      else if (member.isIpBackend === false) lines.push(`- ${name2}: ${on ? "receives it" : "would receive it when on"}`);
      else lines.push(`- ${name2}: cannot tell whether it is an IP backend`);
    }
    if (pool.poolType === "ip" && pool.members.length === 0)
      lines.push(`- pool ${codeSpan(pool.address)} holds only IP backends, which never receive it`);
  }
  return lines;
}
function listenerHover(listener, docsLink) {
  const { clientIp } = listener;
  const out2 = [];
  out2.push(`**Transfer Client IP Address: ${stateWord2(listener)}** \u2014 ${clientIp.explanation}.`);
  out2.push("");
  out2.push(`- ${loadBalancerFact(listener)} \xB7 ${markdownText(listener.protocol ?? "protocol unknown")}`);
  if (clientIp.attribute) {
    const written = clientIp.written === "unknown" ? `an expression only known when Terraform runs${clientIp.writtenUnknownReason ? ` (${markdownText(clientIp.writtenUnknownReason)})` : ""}` : clientIp.written === void 0 ? "null (unset, so the default applies)" : String(clientIp.written);
    out2.push(
      `- Written: ${codeSpan(clientIp.attribute.name)} = ${written}${clientIp.canBeDisabled === false && clientIp.written === false ? " (no effect here)" : ""}`
    );
  } else if (listener.argType === "none") {
    out2.push(`- ${codeSpan(listener.type)} has no \`transparent_client_ip_enable\` argument.`);
  }
  out2.push(...providerVersionLines(listener));
  out2.push(...hopLines(listener));
  const backends = backendLines(listener.pools, clientIp.state === "on");
  if (backends.length > 0) out2.push("", "**Who gets the client IP**", ...backends);
  out2.push("", `**What to do:** ${whatToDo(listener)}`);
  const layer4 = listener.protocol === "TCP" || listener.protocol === "UDP";
  if (clientIp.state !== "on" || !layer4) out2.push("", `**Other ways to get it:** ${alternativesFor(listener)}`);
  out2.push("", ...platformLines(listener).map((line) => `- ${line}`));
  out2.push("", `[More: limits while it is on, caveats](${docsLink})`);
  return out2.join("\n");
}
function loadBalancerFact(listener) {
  const lb = listener.loadBalancer;
  if (!lb) return `Load balancer: ${listener.kind} (${listener.kindExplanation})`;
  const explanation = listener.kindExplanation;
  const prefix = [lb.address, `\`${lb.address}\``].map((name2) => `it belongs to ${name2}, a ${listener.kind} load balancer`).find((p) => explanation.startsWith(p));
  const rest = prefix === void 0 ? void 0 : explanation.slice(prefix.length).trim();
  const why = rest === void 0 ? void 0 : rest === "" ? "" : /^\((.*)\)$/.exec(rest)?.[1];
  if (why !== void 0) return `Load balancer ${codeSpan(lb.address)} (${listener.kind}${why ? `: ${why}` : ""})`;
  return `Load balancer ${codeSpan(lb.address)}: ${listener.kind} (${explanation})`;
}
function whatToDo(listener) {
  const { clientIp } = listener;
  if (clientIp.state === "unknown") {
    return clientIp.written === "unknown" ? "give the value (a tfvars file, `--var`, or `variables` in `.elb-lens.json`) to see the result." : "point `loadbalancer_id` at a load balancer of this module, or set the protocol, to see the result.";
  }
  if (clientIp.reason === "always-on") {
    return clientIp.written === false ? `remove \`${clientIp.attribute?.name ?? "transparent_client_ip_enable"}\`: it cannot turn transfer off.` : "nothing to switch; keep backends in the VPC (server backends) and no backend a client of its own load balancer.";
  }
  const switchName = listener.clientIp.setting?.name ?? "transparent_client_ip_enable";
  if (clientIp.state === "off") {
    return `set ${codeSpan(switchName)} to true if backends need the client address (it interrupts traffic for about ten seconds).`;
  }
  return "keep backends in the VPC, and no backend a client of its own load balancer; switching it off interrupts traffic for about ten seconds.";
}
function poolHover(pool, docsLink) {
  const out2 = [];
  const listeners = pool.listeners;
  const type = pool.idOnly ? "unknown (only its id is known: no definition of the pool was read)" : pool.poolType === void 0 ? "not set (any backend)" : pool.poolType || "any";
  out2.push(`**Pool ${codeSpan(pool.address)}** \u2014 type: ${type}`);
  if (listeners.length === 0) out2.push("", "No listener of this module sends traffic here, so its client IP state is unknown.");
  for (const listener of listeners) {
    out2.push(
      "",
      `From ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? "unknown protocol")}): Transfer Client IP Address **${stateWord2(listener)}**.`
    );
    const lines = backendLines([pool], listener.clientIp.state === "on");
    if (lines.length > 0) out2.push(...lines);
  }
  if (pool.poolType === "ip") out2.push("", "IP backends never receive the client IP, whatever the listener says.");
  out2.push("", `[About client IP transfer](${docsLink})`);
  return out2.join("\n");
}
function memberHover(member, docsLink) {
  const out2 = [];
  const kind = member.isIpBackend === true ? "IP backend" : member.isIpBackend === false ? "server backend" : "backend of unknown kind";
  out2.push(`**Member ${codeSpan(member.address)}** \u2014 ${kind}: ${member.ipBackendExplanation}.`);
  const listeners = member.pool?.listeners ?? [];
  for (const listener of listeners) {
    const on = listener.clientIp.state;
    let gets;
    if (member.isIpBackend === true) gets = "does not receive the client IP (IP backends never do)";
    else if (on === "on")
      gets = member.isIpBackend === false ? "receives the client IP" : "receives the client IP if it is a server in the VPC";
    else if (on === "off") gets = "sees the load balancer\u2019s address, not the client\u2019s";
    else gets = "may or may not receive the client IP (the listener\u2019s state is unknown)";
    out2.push("", `Through ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? "unknown protocol")}): ${gets}.`);
    if (member.isIpBackend === true) {
      out2.push(`Alternative: ${alternativesFor(listener)}`);
    }
  }
  if (listeners.length === 0) out2.push("", "No listener of this module was found for its pool.");
  out2.push("", `A backend must not also be a client of the same load balancer while the client IP is transferred. [Details](${docsLink})`);
  return out2.join("\n");
}
function loadBalancerHover(lb, model, docsLink) {
  const out2 = [`**Load balancer ${codeSpan(lb.address)}** \u2014 ${lb.kind}.`];
  if (lb.kind === "dedicated")
    out2.push("", "Dedicated load balancers always transfer the client IP, on every listener; it cannot be turned off.");
  if (lb.kind === "shared")
    out2.push(
      "",
      "Shared load balancers always transfer the client IP on HTTP/HTTPS listeners; on TCP/UDP listeners it is off unless turned on."
    );
  const listeners = model.listeners.filter((l) => l.loadBalancer === lb);
  for (const listener of listeners)
    out2.push(`- ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? "?")}): ${stateWord2(listener)}`);
  out2.push("", `[About client IP transfer](${docsLink})`);
  return out2.join("\n");
}
function hoverMarkdown(target, model, docsLink) {
  const node = target.node;
  switch (node.info.role) {
    case "listener": {
      const listener = model.listeners.find((l) => l === node);
      return listener ? listenerHover(listener, docsLink) : void 0;
    }
    case "pool": {
      const pool = model.pools.find((p) => p === node);
      return pool ? poolHover(pool, docsLink) : void 0;
    }
    case "member": {
      const member = model.members.find((m) => m === node);
      return member ? memberHover(member, docsLink) : void 0;
    }
    case "loadbalancer": {
      const lb = model.loadBalancers.find((l) => l === node);
      const setting = lb && target.attributeName ? settingHover(lb, target.attributeName, model, docsLink) : void 0;
      if (setting) return setting;
      return lb ? loadBalancerHover(lb, model, docsLink) : void 0;
    }
    default:
      return void 0;
  }
}
function inlayLabel(listener) {
  const { clientIp } = listener;
  if (clientIp.state === "unknown") return "client IP: unknown";
  if (clientIp.reason === "always-on")
    return `client IP: always on (${listener.kind === "unknown" ? listener.protocol ?? "" : listener.kind})`;
  if (clientIp.reason === "default") return `client IP: off (shared ${listener.protocol} default)`;
  return `client IP: ${clientIp.state}`;
}
function nodesOfBlock(model, block) {
  return [...model.loadBalancers, ...model.listeners, ...model.pools, ...model.members].filter((n2) => n2.block === block);
}
function instancesMarkdown(nodes, range) {
  if (nodes.length === 1) {
    const sources = nodes[0].context?.callerSources(range) ?? [];
    return sources.length > 0 ? `**From the caller:** ${sources.map((s) => markdownText(s.message)).join("; ")}` : "";
  }
  if (nodes.length === 0) return "";
  const lines = ["**Per instance**", ""];
  for (const node of nodes) {
    const listener = node.info.role === "listener" ? node : void 0;
    const state = listener ? `: ${markdownText(listener.protocol ?? "protocol unknown")}, ${markdownText(inlayLabel(listener))}` : "";
    const sources = node.context?.callerSources(range) ?? [];
    const from = sources.length > 0 ? ` (${sources.map((s) => markdownText(s.message)).join("; ")})` : "";
    lines.push(`- ${codeSpan(node.address)}${state}${from}`);
  }
  return lines.join("\n");
}

// server/src/hover/inlay.ts
function listenerInlayHints(model, filePath, range) {
  const hints = [];
  const seen = /* @__PURE__ */ new Set();
  for (const listener of model.listeners) {
    if (listener.file.path !== filePath || seen.has(listener.block)) continue;
    seen.add(listener.block);
    const protocol = listener.block.attributes.get("protocol");
    const anchor = protocol ? protocol.range.end : listener.block.headerRange.end;
    if (range && !rangeContains(range, anchor)) continue;
    const instances = model.listeners.filter((l) => l.block === listener.block);
    const labels = [...new Set(instances.map(inlayLabel))];
    if (labels.length === 1) hints.push({ position: anchor, label: labels[0], tooltip: listener.clientIp.explanation });
    else {
      hints.push({
        position: anchor,
        label: "client IP: differs by instance",
        tooltip: instances.map((l) => `${l.address}: ${inlayLabel(l)}`).join("\n")
      });
    }
  }
  return hints;
}

// server/src/hover/kubernetesTarget.ts
var SPEC_FIELDS = /* @__PURE__ */ new Set([
  "type",
  "externalTrafficPolicy",
  "allocateLoadBalancerNodePorts",
  "loadBalancerClass",
  "external_traffic_policy",
  "allocate_load_balancer_node_ports",
  "load_balancer_class"
]);
var PORT_FIELDS = /* @__PURE__ */ new Set(["port", "protocol", "name", "targetPort", "nodePort", "target_port", "node_port"]);
function kubernetesHoverTarget(model, filePath, position) {
  for (const listener of model.listeners) {
    if (listener.provider !== "kubernetes") continue;
    if (listener.file.path !== filePath || !rangeContains(listener.block.range, position)) continue;
    for (const attribute of listener.block.attributes.values()) {
      if (PORT_FIELDS.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node: listener, attributeName: attribute.name, range: attribute.range };
      }
    }
    return { node: listener, attributeName: void 0, range: listener.block.headerRange };
  }
  for (const lb of model.loadBalancers) {
    if (lb.info.provider !== "kubernetes") continue;
    if (lb.file.path !== filePath || !rangeContains(lb.block.range, position)) continue;
    if (lb.block.labelRanges.some((r) => rangeContains(r, position)) || rangeContains(lb.block.headerRange, position)) {
      return { node: lb, attributeName: void 0, range: lb.block.headerRange };
    }
    const annotations = lb.settingBlocks?.find((b) => b.type === "annotations") ?? child2(lb.block, "annotations");
    for (const attribute of annotations?.attributes.values() ?? []) {
      if (!attribute.derived && rangeContains(attribute.range, position))
        return { node: lb, attributeName: attribute.name, range: attribute.range };
    }
    const spec = lb.settingBlocks?.find((b) => b.type === "spec") ?? child2(lb.block, "spec");
    for (const attribute of spec?.attributes.values() ?? []) {
      if (SPEC_FIELDS.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node: lb, attributeName: attribute.name, range: attribute.range };
      }
    }
  }
  return void 0;
}
function child2(block, type) {
  return block.blocks.find((b) => b.type === type);
}

// server/src/hover/target.ts
var HOVER_ATTRIBUTES = /* @__PURE__ */ new Set([
  "protocol",
  "transparent_client_ip_enable",
  "loadbalancer_id",
  "listener_id",
  "default_pool_id",
  "pool_id",
  "address",
  "subnet_id",
  "type",
  "proxy_protocol_enable",
  "nat64_enable",
  "real_ip",
  // ELB API JSON keys
  "subnet_cidr_id",
  "member_type",
  "guaranteed",
  "vip_address"
]);
function hoverTarget(model, filePath, position) {
  const lower = filePath.toLowerCase();
  const manifest = lower.endsWith(".yaml") || lower.endsWith(".yml");
  return kubernetesHoverTarget(model, filePath, position) ?? (manifest ? void 0 : blockTarget(model, filePath, position));
}
function blockTarget(model, filePath, position) {
  const nodes = [...model.listeners, ...model.pools, ...model.members, ...model.loadBalancers];
  for (const node of nodes) {
    if (node.file.path !== filePath) continue;
    if (node.block.labelRanges.some((r) => rangeContains(r, position)) || rangeContains(node.block.headerRange, position)) {
      return { node, attributeName: void 0, range: node.block.headerRange };
    }
    if (!rangeContains(node.block.range, position)) continue;
    for (const attribute of node.block.attributes.values()) {
      if (HOVER_ATTRIBUTES.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node, attributeName: attribute.name, range: attribute.range };
      }
    }
    if (node.block.range.start.line === position.line) return { node, attributeName: void 0, range: node.block.headerRange };
  }
  return void 0;
}

// server/src/elbjson/toModel.ts
var path8 = __toESM2(require("path"));
var NESTED_BLOCKS2 = /* @__PURE__ */ new Set(["insert_headers", "ipgroup"]);
function elbJsonToConfigFile(filePath, text2) {
  const doc = parseJsonDocument(text2);
  const { lines, root } = doc;
  const blocks = [];
  const attributes = /* @__PURE__ */ new Map();
  const errorOffsets = doc.errors.map((e) => e.offset);
  const attributeOf = (prop, key, value) => ({
    name: String(key.value),
    expr: jsonValueExpr(lines, value),
    nameRange: nodeRange(lines, key),
    valueRange: nodeRange(lines, value),
    range: lines.range(key.offset, value.offset + value.length)
  });
  const objectBlock = (type, body2, jsonPath, key, withNested) => {
    const own = /* @__PURE__ */ new Map();
    const nested = [];
    for (const prop of body2.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const name2 = String(k.value);
      if (withNested && NESTED_BLOCKS2.has(name2) && v.type === "object") {
        if (!nested.some((b) => b.type === name2)) nested.push(objectBlock(name2, v, [...jsonPath, name2], k, false));
        continue;
      }
      if (!own.has(name2)) own.set(name2, attributeOf(prop, k, v));
    }
    const start2 = key ? key.offset : body2.offset;
    const end = body2.offset + body2.length;
    const labelRange = key ? nodeRange(lines, key) : void 0;
    const header = labelRange ?? ["name", "id"].map((n2) => own.get(n2)).find((a) => a?.expr.kind === "literal" && a.expr.value)?.range ?? lines.range(body2.offset, body2.offset + 1);
    return {
      type,
      labels: [pathText(jsonPath)],
      labelRanges: labelRange ? [labelRange] : [],
      range: lines.range(start2, end),
      headerRange: header,
      attributes: own,
      blocks: nested,
      bodyStart: lines.positionAt(body2.offset + 1),
      close: lines.positionAt(end - 1),
      hasErrors: errorOffsets.some((o) => o >= body2.offset && o < end),
      jsonPath
    };
  };
  if (root?.type === "object") {
    for (const prop of root.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name2 = String(key.value);
      const wrapper = wrapperFor(name2);
      if (wrapper && !wrapper.plural && value.type === "object") {
        blocks.push(objectBlock(wrapper.role, value, [name2], key, wrapper.role === "listener"));
      } else if (wrapper && wrapper.plural && value.type === "array") {
        (value.children ?? []).forEach((item, index) => {
          if (item.type === "object") blocks.push(objectBlock(wrapper.role, item, [name2, index], void 0, wrapper.role === "listener"));
        });
      } else if (!wrapper && !attributes.has(name2)) {
        attributes.set(name2, attributeOf(prop, key, value));
      }
    }
  }
  return {
    path: filePath,
    format: "elbjson",
    text: text2,
    lines,
    blocks,
    attributes,
    comments: doc.comments,
    syntaxErrors: doc.errors.map((e) => lines.range(e.offset, e.offset + e.length))
  };
}
function pathText(jsonPath) {
  return jsonPath.map((p, i2) => typeof p === "number" ? `[${p}]` : i2 === 0 ? p : `.${p}`).join("");
}
function exprValue(expr, depth = 0) {
  if (depth > 64) return void 0;
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "tuple": {
      const items = [];
      for (const item of expr.items) {
        const v = exprValue(item, depth + 1);
        if (v === void 0) return void 0;
        items.push(v);
      }
      return items;
    }
    case "object": {
      const out2 = /* @__PURE__ */ Object.create(null);
      for (const entry of expr.entries) {
        const k = entry.key.kind === "literal" ? entry.key.value : void 0;
        const v = exprValue(entry.value, depth + 1);
        if (typeof k !== "string" || v === void 0) return void 0;
        out2[k] = v;
      }
      return out2;
    }
    default:
      return void 0;
  }
}
function valueOf(block, name2) {
  const attribute = block?.attributes.get(name2);
  return attribute ? exprValue(attribute.expr) : void 0;
}
function str(block, name2) {
  const value = valueOf(block, name2);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}
function bool(block, name2) {
  const value = valueOf(block, name2);
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return void 0;
}
function idList(block, name2) {
  const value = valueOf(block, name2);
  if (!Array.isArray(value)) return [];
  const ids = [];
  for (const item of value) {
    const id10 = typeof item === "string" ? item : item && typeof item === "object" && !Array.isArray(item) ? item.id : void 0;
    if (typeof id10 === "string" && id10 !== "") ids.push(id10);
  }
  return ids;
}
function isTrue(value) {
  return value === true || value === "true";
}
function protocolKind(protocol) {
  if (protocol === "TERMINATED_HTTPS") return "shared";
  if (protocol === "HTTPS" || protocol === "TLS" || protocol === "QUIC") return "dedicated";
  return void 0;
}
function ownLoadBalancerKind(block) {
  const guaranteed = bool(block, "guaranteed");
  if (guaranteed === true) return { kind: "dedicated", why: "`guaranteed` is true" };
  if (guaranteed === false) return { kind: "shared", why: "`guaranteed` is false" };
  const flavor = ["l4_flavor_id", "l7_flavor_id"].find((n2) => str(block, n2) !== void 0);
  if (flavor) return { kind: "dedicated", why: `it has an \`${flavor}\`, and only dedicated load balancers have flavors` };
  return void 0;
}
function upperString(block, name2) {
  return str(block, name2)?.toUpperCase();
}
function buildElbJsonModel(files) {
  const multiFile = files.length > 1;
  const objects = [];
  const primaryById = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const block of file.blocks) {
      const role = ELB_JSON_ROLES.find((r) => r === block.type);
      if (!role || !block.jsonPath) continue;
      const id10 = str(block, "id");
      const key = `${role}:${id10}`;
      const primary = id10 === void 0 || !primaryById.has(key);
      const object = { role, file, block, id: id10, address: addressOf(file, block, role, multiFile), primary };
      if (id10 !== void 0 && primary) primaryById.set(key, object);
      objects.push(object);
    }
  }
  const byId = (role, id10) => id10 === void 0 ? void 0 : primaryById.get(`${role}:${id10}`);
  const ofRole = (role) => objects.filter((o) => o.role === role);
  const nodeBase = (o) => ({
    address: o.address,
    type: o.role,
    info: resourceTypeInfo(`elb-api:${o.role}`),
    file: o.file,
    block: o.block
  });
  const lbObjects = ofRole("loadbalancer");
  const listenerObjects = ofRole("listener");
  const poolObjects = ofRole("pool");
  const memberObjects = ofRole("member");
  const listedIn = (parents, list) => {
    const parentOf = /* @__PURE__ */ new Map();
    for (const parent of parents) {
      if (!parent.primary || parent.id === void 0) continue;
      for (const child3 of idList(parent.block, list)) if (!parentOf.has(child3)) parentOf.set(child3, parent.id);
    }
    return parentOf;
  };
  const lbOfListener = listedIn(lbObjects, "listeners");
  const lbOfPool = listedIn(lbObjects, "pools");
  const poolOfMember = listedIn(poolObjects, "members");
  const listenerLbId = (o) => str(o.block, "loadbalancer_id") ?? idList(o.block, "loadbalancers")[0] ?? (o.id ? lbOfListener.get(o.id) : void 0);
  const evidence = /* @__PURE__ */ new Map();
  const addEvidence = (lbId, e) => {
    const existing = evidence.get(lbId);
    if (existing === void 0) evidence.set(lbId, e);
    else if (existing !== "conflict" && existing.kind !== e.kind) evidence.set(lbId, "conflict");
  };
  for (const lb of lbObjects) {
    const own = ownLoadBalancerKind(lb.block);
    if (lb.id && own) addEvidence(lb.id, own);
  }
  const fromProtocols = /* @__PURE__ */ new Map();
  for (const listener of listenerObjects) {
    const lbId = listenerLbId(listener);
    const protocol = upperString(listener.block, "protocol");
    const kind = protocolKind(protocol);
    if (!lbId || !kind || evidence.has(lbId)) continue;
    const existing = fromProtocols.get(lbId);
    const e = {
      kind,
      why: `its listener \`${listener.address}\` is ${protocol}, which only exists on ${kind} load balancers`,
      fromListener: listener
    };
    if (existing === void 0) fromProtocols.set(lbId, e);
    else if (existing !== "conflict" && existing.kind !== kind) fromProtocols.set(lbId, "conflict");
  }
  for (const [lbId, e] of fromProtocols) if (!evidence.has(lbId)) evidence.set(lbId, e);
  const lbEvidence = (lbId) => {
    const e = lbId === void 0 ? void 0 : evidence.get(lbId);
    return e === "conflict" ? void 0 : e;
  };
  const loadBalancers = /* @__PURE__ */ new Map();
  for (const o of lbObjects) {
    const e = lbEvidence(o.id) ?? ownLoadBalancerKind(o.block);
    const subnet = o.block.attributes.get("vip_subnet_cidr_id") ?? o.block.attributes.get("vip_subnet_id");
    loadBalancers.set(o, {
      ...nodeBase(o),
      kind: e?.kind ?? "unknown",
      ipBackendsEnabled: valueOf(o.block, "ip_target_enable"),
      subnetAttribute: subnet && str(o.block, subnet.name) !== void 0 ? subnet : void 0
    });
  }
  const lbNode = (lbId) => {
    const o = byId("loadbalancer", lbId);
    return o ? loadBalancers.get(o) : void 0;
  };
  const ipGroups = /* @__PURE__ */ new Map();
  for (const o of ofRole("ipgroup")) {
    const list = valueOf(o.block, "ip_list");
    const cidrs = [];
    if (Array.isArray(list)) {
      for (const item of list) {
        const ip = item && typeof item === "object" && !Array.isArray(item) ? item.ip : void 0;
        if (typeof ip === "string" && ip.trim() !== "") cidrs.push(ip.trim());
      }
    }
    ipGroups.set(o, { ...nodeBase(o), cidrs });
  }
  const listeners = /* @__PURE__ */ new Map();
  for (const o of listenerObjects) {
    const { block } = o;
    const protocol = upperString(block, "protocol");
    const lbId = listenerLbId(o);
    const lb = lbNode(lbId);
    const e = lbEvidence(lbId);
    const own = protocolKind(protocol);
    let kind;
    let kindExplanation;
    if (own && (!e || e.fromListener === o)) {
      kind = own;
      kindExplanation = `${protocol} listeners only exist on ${own} load balancers`;
    } else if (e) {
      kind = e.kind;
      kindExplanation = lb ? `it belongs to \`${lb.address}\`, a ${e.kind} load balancer (${e.why})` : `its load balancer ${lbId} is ${e.kind} (${e.why})`;
    } else {
      kind = "unknown";
      kindExplanation = lbId === void 0 ? "the listener names no load balancer, and its protocol exists on shared and dedicated load balancers alike" : lb ? `its load balancer \`${lb.address}\` does not say whether it is dedicated (no \`guaranteed\` or flavor), and its protocol does not tell` : `its load balancer ${lbId} is not among the ELB JSON files of this folder, and its protocol does not tell`;
    }
    const written = block.attributes.get("transparent_client_ip_enable");
    const attribute = written && valueOf(block, written.name) !== null ? written : void 0;
    const options = /* @__PURE__ */ new Map();
    for (const name2 of ["nat64_enable", "proxy_protocol_enable"]) {
      const option = block.attributes.get(name2);
      const value = option ? exprValue(option.expr) : void 0;
      if (option && value !== void 0 && value !== null) options.set(name2, { attribute: option, value });
    }
    const headers = block.blocks.find((b) => b.type === "insert_headers");
    const headerOn = headers && [...headers.attributes.values()].some((a) => isInsertHeaderName(a.name) && isTrue(exprValue(a.expr)));
    const listener = {
      ...nodeBase(o),
      provider: "elb-api",
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: "bool",
      clientIp: effectiveClientIp({ kind, protocol, argType: "bool", attribute, value: attribute ? exprValue(attribute.expr) : void 0 }),
      pools: [],
      whitelistGroups: [],
      options,
      insertHeaders: headerOn ? headers : void 0,
      insertHeaderNames: true
    };
    const access = block.blocks.find((b) => b.type === "ipgroup");
    const accessType = str(access, "type")?.toLowerCase() ?? "white";
    const group = byId("ipgroup", str(access, "ipgroup_id"));
    if (access && group && bool(access, "enable_ipgroup") !== false && accessType === "white") {
      const node = ipGroups.get(group);
      if (node) listener.whitelistGroups.push(node);
    }
    listeners.set(o, listener);
  }
  const pools = /* @__PURE__ */ new Map();
  const poolLbIds = /* @__PURE__ */ new Map();
  const link = (listener, pool) => {
    if (listener.pools.includes(pool)) return;
    listener.pools.push(pool);
    pool.listeners.push(listener);
    pool.loadBalancer ??= listener.loadBalancer;
  };
  for (const o of poolObjects) {
    const lbId = str(o.block, "loadbalancer_id") ?? idList(o.block, "loadbalancers")[0] ?? (o.id ? lbOfPool.get(o.id) : void 0);
    const typeValue = valueOf(o.block, "type");
    const pool = {
      ...nodeBase(o),
      poolType: typeof typeValue === "string" ? typeValue.trim().toLowerCase() : void 0,
      protocol: upperString(o.block, "protocol"),
      listeners: [],
      members: [],
      loadBalancer: lbNode(lbId)
    };
    pools.set(o, pool);
    poolLbIds.set(pool, lbId);
    if (!o.primary) continue;
    const listenerIds = [str(o.block, "listener_id"), ...idList(o.block, "listeners")];
    for (const id10 of listenerIds) {
      const target = byId("listener", id10);
      const listener = target ? listeners.get(target) : void 0;
      if (listener) link(listener, pool);
    }
  }
  for (const [o, listener] of listeners) {
    if (!o.primary) continue;
    const target = byId("pool", str(o.block, "default_pool_id"));
    const pool = target ? pools.get(target) : void 0;
    if (pool && target?.primary) link(listener, pool);
  }
  const listenersOfPoolId = /* @__PURE__ */ new Map();
  for (const [o, listener] of listeners) {
    const id10 = str(o.block, "default_pool_id");
    if (!o.primary || id10 === void 0 || byId("pool", id10)) continue;
    listenersOfPoolId.set(id10, [...listenersOfPoolId.get(id10) ?? [], listener]);
  }
  const idOnlyPools = /* @__PURE__ */ new Map();
  const idOnlyPool = (id10, scriptFile) => {
    const known = idOnlyPools.get(id10);
    if (known) return known;
    const named = listenersOfPoolId.get(id10);
    if (!named) return void 0;
    const [file, attribute] = scriptFile ? [scriptFile, scriptFile.attributes.get("pool_id")] : [named[0].file, named[0].block.attributes.get("default_pool_id")];
    if (!attribute) return void 0;
    const lbId = lbOfPool.get(id10);
    const pool = {
      address: `pool_id "${id10}"`,
      type: "pool",
      info: resourceTypeInfo("elb-api:pool"),
      file,
      block: idBlock(attribute),
      poolType: void 0,
      protocol: void 0,
      listeners: [],
      members: [],
      loadBalancer: lbNode(lbId),
      idOnly: true
    };
    poolLbIds.set(pool, lbId);
    for (const listener of named) link(listener, pool);
    idOnlyPools.set(id10, pool);
    return pool;
  };
  const poolKind = (pool) => {
    const e = lbEvidence(poolLbIds.get(pool));
    if (e) return e;
    const known = pool.listeners.filter((l) => l.kind !== "unknown");
    if (known.length > 0 && known.every((l) => l.kind === known[0].kind)) {
      return {
        kind: known[0].kind,
        why: `its listener \`${known[0].address}\` is on a ${known[0].kind} load balancer`
      };
    }
    return void 0;
  };
  const members = [];
  for (const o of memberObjects) {
    const { block } = o;
    const ownPoolId = str(block, "pool_id");
    const inScript = block.jsonPath?.[0] === "member" || block.jsonPath?.[0] === "members";
    const scriptPoolId = ownPoolId === void 0 && inScript ? str(o.file, "pool_id") : void 0;
    const poolId = ownPoolId ?? scriptPoolId ?? (o.id ? poolOfMember.get(o.id) : void 0);
    const poolObject = byId("pool", poolId);
    const pool = !o.primary || poolId === void 0 ? void 0 : poolObject ? pools.get(poolObject) : idOnlyPool(poolId, scriptPoolId === void 0 ? void 0 : o.file);
    const addressAttribute = block.attributes.get("address");
    const address = str(block, "address");
    const e = (pool ? poolKind(pool) : void 0) ?? lbEvidence(str(block, "loadbalancer_id"));
    const { isIpBackend, explanation } = memberBackendKind2(block, pool, e);
    const member = {
      ...nodeBase(o),
      ipAddress: address,
      addressAttribute,
      isIpBackend,
      ipBackendExplanation: explanation,
      pool,
      instance: void 0
    };
    pool?.members.push(member);
    members.push(member);
  }
  const byBlock = /* @__PURE__ */ new Map();
  const allPools = [...pools.values(), ...idOnlyPools.values()];
  const all = [...loadBalancers.values(), ...listeners.values(), ...allPools, ...members, ...ipGroups.values()];
  for (const node of all) byBlock.set(node.block, node);
  return {
    loadBalancers: [...loadBalancers.values()],
    listeners: [...listeners.values()],
    pools: allPools,
    members,
    instances: [],
    ipGroups: [...ipGroups.values()],
    nodeForBlock: (block) => byBlock.get(block)
  };
}
function idBlock(attribute) {
  return {
    type: "pool",
    labels: [attribute.name],
    labelRanges: [attribute.nameRange],
    range: attribute.range,
    headerRange: attribute.range,
    attributes: /* @__PURE__ */ new Map(),
    blocks: [],
    bodyStart: attribute.range.start,
    close: void 0,
    hasErrors: false
  };
}
function memberBackendKind2(block, pool, kind) {
  if (pool?.poolType === "ip")
    return { isIpBackend: true, explanation: `its pool \`${pool.address}\` has \`type: "ip"\` and only holds IP backends` };
  const memberType = str(block, "member_type")?.toLowerCase();
  if (memberType === "ip") return { isIpBackend: true, explanation: '`member_type` is "ip": it was added by IP address' };
  if (memberType === "instance") return { isIpBackend: false, explanation: '`member_type` is "instance": it is a cloud server' };
  const subnetName = ["subnet_cidr_id", "subnet_id"].find((n2) => str(block, n2) !== void 0);
  if (kind?.kind === "shared")
    return { isIpBackend: false, explanation: `members of shared load balancers are always cloud servers in a subnet (${kind.why})` };
  if (subnetName)
    return { isIpBackend: false, explanation: `it has a \`${subnetName}\`, so it is a server in the load balancer\u2019s network` };
  if (kind?.kind === "dedicated") {
    return {
      isIpBackend: true,
      explanation: `it has no \`subnet_cidr_id\`, so it is added by IP address (the load balancer is dedicated: ${kind.why})`
    };
  }
  return {
    isIpBackend: void 0,
    explanation: "it has no `subnet_cidr_id` and no `member_type`, and its load balancer\u2019s kind is unknown: only dedicated load balancers take members without a subnet (IP backends)"
  };
}
function addressOf(file, block, role, multiFile) {
  const where2 = `${multiFile ? `${path8.basename(file.path)}: ` : ""}${pathText(block.jsonPath ?? [])}`;
  const name2 = str(block, "name");
  if (name2) return `${where2} "${name2}"`;
  if (role === "member") {
    const address = str(block, "address");
    const port = valueOf(block, "protocol_port");
    if (address) return `${where2} ${address}${typeof port === "number" ? `:${port}` : ""}`;
  }
  if (role === "listener") {
    const port = valueOf(block, "protocol_port");
    if (typeof port === "number") return `${where2} :${port}`;
  }
  return where2;
}

// server/src/elbjson/index.ts
var ElbJsonDetector = class {
  constructor(files) {
    this.files = files;
  }
  files;
  cache = /* @__PURE__ */ new Map();
  /** True when the path matches one of the globs (no need to read it). */
  matchesGlobs(filePath) {
    if (typeof this.files !== "function") return matchesElbJsonGlobs(filePath, this.files);
    return isJsonFileName(filePath) && this.files(filePath);
  }
  /** `text` undefined: the file cannot be read (missing, binary, too large). */
  isElbJson(filePath, text2) {
    if (!isJsonFileName(filePath)) return false;
    if (this.matchesGlobs(filePath)) return true;
    if (text2 === void 0) return false;
    const head = text2.slice(0, SNIFF_CHARS);
    const cached = this.cache.get(filePath);
    if (cached && cached.length === text2.length && cached.head === head) return cached.result;
    const result = sniffElbJson(text2);
    this.cache.set(filePath, { length: text2.length, head, result });
    return result;
  }
  forget(filePath) {
    this.cache.delete(filePath);
  }
};

// server/src/kubernetes/manifest.ts
var import_yaml3 = __toESM2(require_dist());
var MAX_SERVICES = 5e3;
var MAX_PORTS = 1e3;
function kubernetesToConfigFile(filePath, text2) {
  const source = parseYaml(text2);
  const { lines } = source;
  const blocks = [];
  for (const doc of source.documents) {
    if (blocks.length >= MAX_SERVICES) break;
    const root = doc.doc.contents;
    const top = mapEntries(doc, root, 1e3);
    const kind = scalarString(doc, top.get("kind")?.value);
    if (kind === "Service") {
      const block = serviceBlock(doc, lines, text2, root, top);
      if (block) blocks.push(block);
    } else if (kind !== void 0 && kind.endsWith("List")) {
      for (const item of seqItems(doc, top.get("items")?.value, MAX_SERVICES)) {
        if (blocks.length >= MAX_SERVICES) break;
        const entries = mapEntries(doc, item, 1e3);
        if (scalarString(doc, entries.get("kind")?.value) !== "Service") continue;
        const block = serviceBlock(doc, lines, text2, item, entries);
        if (block) blocks.push(block);
      }
    }
  }
  return {
    path: filePath,
    format: "yaml",
    text: text2,
    lines,
    blocks,
    attributes: /* @__PURE__ */ new Map(),
    comments: source.comments,
    syntaxErrors: source.errors.map((e) => lines.range(e.start, e.end))
  };
}
function attributesOf(doc, lines, text2, entries, scalarsOnly) {
  const attributes = /* @__PURE__ */ new Map();
  for (const [key, entry] of entries) {
    if (scalarsOnly && (0, import_yaml3.isCollection)(entry.value)) continue;
    attributes.set(key, entryAttribute(doc, lines, text2, entry));
  }
  return attributes;
}
function serviceBlock(doc, lines, text2, node, top) {
  if (!node?.range) return void 0;
  const apiVersion = scalarString(doc, top.get("apiVersion")?.value);
  if (apiVersion !== "v1") return void 0;
  const metadata2 = mapEntries(doc, top.get("metadata")?.value, 1e3);
  const name2 = scalarString(doc, metadata2.get("name")?.value);
  const namespace = scalarString(doc, metadata2.get("namespace")?.value);
  const nameNode = metadata2.get("name")?.value;
  const kindNode = top.get("kind")?.value;
  const headerRange = nameNode?.range ? yamlRange(lines, nameNode) : kindNode?.range ? yamlRange(lines, kindNode) : yamlRange(lines, node);
  const [start2, end] = node.range;
  const hasErrors = doc.hasErrors && overlapsErrors(doc, start2, end);
  const nested = [];
  const annotationsEntry = metadata2.get("annotations");
  if (annotationsEntry) {
    const annotations = mapEntries(doc, annotationsEntry.value);
    nested.push(
      childBlock(doc, lines, text2, "annotations", annotationsEntry, attributesOf(doc, lines, text2, annotations, false), [], hasErrors)
    );
  }
  const specEntry = top.get("spec");
  if (specEntry) {
    const spec = mapEntries(doc, specEntry.value, 1e3);
    const ports = [];
    for (const item of seqItems(doc, spec.get("ports")?.value, MAX_PORTS)) {
      if (!item.range) continue;
      const entries = mapEntries(doc, item, 100);
      const attributes2 = attributesOf(doc, lines, text2, entries, true);
      const header = attributes2.get("port")?.range ?? attributes2.get("name")?.range ?? yamlRange(lines, item);
      const block2 = {
        type: "port",
        labels: [],
        labelRanges: [],
        range: yamlRange(lines, item),
        headerRange: header,
        attributes: attributes2,
        blocks: [],
        bodyStart: lines.positionAt(item.range[0]),
        close: void 0,
        hasErrors
      };
      setYamlMappingInfo(block2, doc, text2, item);
      ports.push(block2);
    }
    nested.push(childBlock(doc, lines, text2, "spec", specEntry, attributesOf(doc, lines, text2, spec, true), ports, hasErrors));
  }
  const attributes = /* @__PURE__ */ new Map();
  for (const key of ["apiVersion", "kind"]) {
    const entry = top.get(key);
    if (entry) attributes.set(key, entryAttribute(doc, lines, text2, entry));
  }
  const label = name2 === void 0 ? "(unnamed)" : namespace ? `${namespace}/${name2}` : name2;
  const block = {
    type: "Service",
    labels: [label],
    labelRanges: nameNode?.range ? [yamlRange(lines, nameNode)] : [],
    range: yamlRange(lines, node),
    headerRange,
    attributes,
    blocks: nested,
    bodyStart: lines.positionAt(start2),
    close: void 0,
    hasErrors
  };
  setYamlMappingInfo(block, doc, text2, node);
  return block;
}
function childBlock(doc, lines, text2, type, entry, attributes, blocks, hasErrors) {
  const keyNode = entry.pair.key;
  const keyRange = yamlRange(lines, keyNode);
  const value = entry.value;
  const end = value?.range ? value.range[1] : keyNode.range?.[1] ?? 0;
  const block = {
    type,
    labels: [],
    labelRanges: [],
    range: { start: keyRange.start, end: lines.positionAt(Math.max(end, keyNode.range?.[1] ?? 0)) },
    headerRange: keyRange,
    attributes,
    blocks,
    bodyStart: value?.range ? lines.positionAt(value.range[0]) : keyRange.end,
    close: void 0,
    hasErrors
  };
  setYamlMappingInfo(block, doc, text2, entry.value);
  return block;
}
function overlapsErrors(doc, start2, end) {
  return doc.doc.errors.some((e) => e.pos[0] <= end && e.pos[1] >= start2);
}

// server/src/kubernetes/index.ts
var KubernetesDetector = class {
  constructor(files) {
    this.files = files;
  }
  files;
  cache = /* @__PURE__ */ new Map();
  matchesGlobs(filePath) {
    if (typeof this.files !== "function") return matchesKubernetesGlobs(filePath, this.files);
    return isYamlFileName(filePath) && this.files(filePath);
  }
  /** `text` undefined: the file cannot be read. */
  isKubernetes(filePath, text2) {
    if (!isYamlFileName(filePath)) return false;
    if (this.matchesGlobs(filePath)) return true;
    if (text2 === void 0) return false;
    const head = text2.slice(0, 4096);
    const cached = this.cache.get(filePath);
    if (cached && cached.length === text2.length && cached.head === head && text2.length <= 4096) return cached.result;
    const result = sniffKubernetes(text2.slice(0, KUBERNETES_SNIFF_CHARS));
    this.cache.set(filePath, { length: text2.length, head, result });
    return result;
  }
  forget(filePath) {
    this.cache.delete(filePath);
  }
};

// server/src/parse/hcl.ts
var fs4 = __toESM2(require("fs"));
var path9 = __toESM2(require("path"));
function newBlockCache() {
  return {};
}
function moveRange(r, d) {
  r.start.line += d;
  r.end.line += d;
}
function moveExpr(e, d) {
  moveRange(e.range, d);
  switch (e.kind) {
    case "literal":
    case "opaque":
      return;
    case "template":
      for (const part of e.parts) moveExpr(part, d);
      return;
    case "traversal":
      for (const step of e.steps) if (step.kind === "index") moveExpr(step.key, d);
      return;
    case "conditional":
      moveExpr(e.condition, d);
      moveExpr(e.whenTrue, d);
      moveExpr(e.whenFalse, d);
      return;
    case "call":
      for (const arg of e.args) moveExpr(arg, d);
      return;
    case "tuple":
      for (const item of e.items) moveExpr(item, d);
      return;
    case "object":
      for (const entry of e.entries) {
        moveExpr(entry.key, d);
        moveExpr(entry.value, d);
      }
      return;
    case "unary":
      moveExpr(e.operand, d);
      return;
    case "binary":
      moveExpr(e.left, d);
      moveExpr(e.right, d);
      return;
    case "parens":
      moveExpr(e.inner, d);
      return;
    case "annotated":
      moveExpr(e.value, d);
      moveExpr(e.references, d);
      return;
  }
}
function moveAttribute(a, d) {
  moveExpr(a.expr, d);
  moveRange(a.nameRange, d);
  moveRange(a.valueRange, d);
  moveRange(a.range, d);
}
function moveBlock(b, d) {
  for (const r of b.labelRanges) moveRange(r, d);
  moveRange(b.range, d);
  moveRange(b.headerRange, d);
  for (const attribute of b.attributes.values()) moveAttribute(attribute, d);
  for (const nested of b.blocks) moveBlock(nested, d);
  b.bodyStart.line += d;
  if (b.close) b.close.line += d;
}
function moveItem(item, start2, startPosition) {
  const lineDelta = startPosition.line - item.startPosition.line;
  item.end += start2 - item.start;
  item.start = start2;
  item.startPosition = startPosition;
  if (lineDelta === 0) return;
  if (item.block) moveBlock(item.block, lineDelta);
  for (const block of item.recovered ?? []) moveBlock(block, lineDelta);
  if (item.attribute) moveAttribute(item.attribute, lineDelta);
  for (const comment of item.comments) moveRange(comment.range, lineDelta);
  for (const range of item.syntaxErrors) moveRange(range, lineDelta);
}
var parserPromise;
function locateWasm(fileName, packageName, wasmDir) {
  const candidates = [wasmDir, __dirname, path9.join(__dirname, "..")].filter((dir) => typeof dir === "string");
  for (const dir of candidates) {
    const candidate = path9.join(dir, fileName);
    if (fs4.existsSync(candidate)) return candidate;
  }
  return require.resolve(`${packageName}/${fileName}`);
}
var givenWasm;
function loadHclParser(wasmDir) {
  parserPromise ??= (async () => {
    const treeSitter = require_web_tree_sitter2();
    let language;
    if (givenWasm) {
      await treeSitter.Parser.init({ wasmBinary: givenWasm.runtime });
      language = await treeSitter.Language.load(givenWasm.grammar);
    } else {
      const runtimeWasm = locateWasm("web-tree-sitter.wasm", "web-tree-sitter", wasmDir);
      await treeSitter.Parser.init({ locateFile: () => runtimeWasm });
      const grammarWasm = locateWasm("tree-sitter-hcl.wasm", "@tree-sitter-grammars/tree-sitter-hcl", wasmDir);
      language = await treeSitter.Language.load(fs4.readFileSync(grammarWasm));
    }
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return createHclParser(parser);
  })();
  return parserPromise;
}
function createHclParser(parser) {
  const conversions = { incremental: 0, withinBlock: 0, full: 0 };
  const parseRange = (text2, start2, end, lines) => {
    const point = (offset) => {
      const position = lines.positionAt(offset);
      return { row: position.line, column: position.character };
    };
    const range = { startIndex: start2, endIndex: end, startPosition: point(start2), endPosition: point(end) };
    const tree = parser.parse(text2, null, { includedRanges: [range] });
    if (!tree) throw new Error("tree-sitter returned no tree");
    return tree;
  };
  return {
    conversions,
    parseTree(text2, previous) {
      const tree = parser.parse(text2, previous);
      if (!tree) throw new Error("tree-sitter returned no tree");
      return tree;
    },
    toConfigFile(filePath, text2, tree, cache2, readBody, changes) {
      return new HclConverter(filePath, text2, readBody).convert(tree, cache2, changes, conversions);
    },
    toConfigFileWithinBlock(filePath, text2, cache2, readBody, changes) {
      return new HclConverter(filePath, text2, readBody).convertWithinBlock(parseRange, cache2, changes, conversions);
    }
  };
}
function treeEditFor(oldText, start2, end, newText, lines) {
  const index = lines && lines.text === oldText && !oldText.includes("\r") ? lines : void 0;
  const pointAt = (offset) => {
    if (index) {
      const position = index.positionAt(offset);
      return { row: position.line, column: position.character };
    }
    let row = 0;
    let lastBreak2 = -1;
    for (let i2 = oldText.indexOf("\n"); i2 !== -1 && i2 < offset; i2 = oldText.indexOf("\n", i2 + 1)) {
      row++;
      lastBreak2 = i2;
    }
    return { row, column: offset - lastBreak2 - 1 };
  };
  const startPosition = pointAt(start2);
  const lastBreak = newText.lastIndexOf("\n");
  let newRows = 0;
  for (let i2 = newText.indexOf("\n"); i2 !== -1; i2 = newText.indexOf("\n", i2 + 1)) newRows++;
  const newEndPosition = lastBreak === -1 ? { row: startPosition.row, column: startPosition.column + newText.length } : { row: startPosition.row + newRows, column: newText.length - lastBreak - 1 };
  return {
    startIndex: start2,
    oldEndIndex: end,
    newEndIndex: start2 + newText.length,
    startPosition,
    oldEndPosition: pointAt(end),
    newEndPosition
  };
}
var MAX_EXPR_DEPTH = 200;
var MAX_BLOCK_DEPTH2 = 64;
var MAX_TRAVERSAL_STEPS = 256;
var HclConverter = class {
  constructor(filePath, text2, readBody = () => true) {
    this.filePath = filePath;
    this.text = text2;
    this.readBody = readBody;
    this.lines = new LineIndex(text2);
  }
  filePath;
  text;
  readBody;
  lines;
  comments = [];
  syntaxErrors = [];
  convert(tree, cache2, changes, counts) {
    const incremental = cache2?.items && cache2.clean && changes && !tree.rootNode.hasError ? this.incrementalItems(
      cache2.items,
      cache2.text,
      changes,
      (from, to, before, after) => before && !this.isTopLevelNode(tree, before) || after && !this.isTopLevelNode(tree, after) ? void 0 : this.itemsBetween(tree, from, to)
    ) : void 0;
    const items = incremental ?? this.allItems(tree, cache2);
    if (cache2 && counts) counts[incremental ? "incremental" : "full"]++;
    return this.assemble(items, cache2);
  }
  /**
   * The conversion after edits that all fall inside one top-level block, without a reparse
   * of the document: only that block's text is parsed (tree-sitter's included ranges), and
   * the other items are moved. Undefined when that does not apply: the edits reach a block's
   * ends or more than one item, or the block alone does not parse into one sound block.
   */
  convertWithinBlock(parse2, cache2, changes, counts) {
    if (!cache2.items || !cache2.clean || cache2.text === void 0 || changes.edits.length === 0) return void 0;
    const first = changes.edits[0];
    const target = cache2.items.find((item) => item.start < first.startIndex && first.oldEndIndex < item.end - 1);
    if (target?.type !== "block") return void 0;
    const start2 = target.start;
    let end = target.end;
    for (const edit of changes.edits) {
      if (!(start2 < edit.startIndex && edit.oldEndIndex < end - 1)) return void 0;
      end += edit.newEndIndex - edit.oldEndIndex;
    }
    const tree = parse2(this.text, start2, end, this.lines);
    let converted;
    try {
      const body2 = tree.rootNode.namedChildCount === 1 ? tree.rootNode.namedChild(0) : null;
      const block = body2?.type === "body" && body2.namedChildCount === 1 ? body2.namedChild(0) : null;
      if (tree.rootNode.hasError || block?.type !== "block" || block.startIndex !== start2 || block.endIndex !== end) return void 0;
      converted = this.blockItem(block);
    } finally {
      tree.delete();
    }
    const items = this.incrementalItems(
      cache2.items,
      cache2.text,
      changes,
      (from, to) => from <= start2 && end <= to ? [converted] : void 0
    );
    if (!items) return void 0;
    if (counts) counts.withinBlock++;
    return this.assemble(items, cache2);
  }
  assemble(items, cache2) {
    if (cache2) {
      cache2.items = items;
      cache2.text = this.text;
      cache2.clean = items.every((item) => item.syntaxErrors.length === 0 && !item.block?.hasErrors);
    }
    const blocks = [];
    const attributes = /* @__PURE__ */ new Map();
    for (const item of items) {
      if (item.block) blocks.push(item.block);
      if (item.recovered) blocks.push(...item.recovered);
      if (item.attribute && !attributes.has(item.attribute.name)) attributes.set(item.attribute.name, item.attribute);
      this.comments.push(...item.comments);
      this.syntaxErrors.push(...item.syntaxErrors);
    }
    this.comments.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      path: this.filePath,
      format: "hcl",
      text: this.text,
      lines: this.lines,
      blocks,
      attributes,
      comments: this.comments,
      syntaxErrors: this.syntaxErrors
    };
  }
  /** Every top-level item, converted (blocks whose text is in `cache` are reused). */
  allItems(tree, cache2) {
    const items = [];
    const previous = /* @__PURE__ */ new Map();
    const previousText = cache2?.text;
    if (previousText !== void 0) {
      for (const item of cache2?.items ?? []) {
        if (!item.block || item.block.hasErrors) continue;
        const source = previousText.slice(item.start, item.end);
        const entries = previous.get(source);
        if (entries) entries.push(item);
        else previous.set(source, [item]);
      }
    }
    for (const child3 of tree.rootNode.namedChildren) {
      if (!child3) continue;
      if (child3.type !== "body") {
        const item = this.rootItem(child3);
        if (item) items.push(item);
        continue;
      }
      const cursor = child3.walk();
      if (cursor.gotoFirstChild()) {
        do {
          if (!cursor.nodeIsNamed) continue;
          if (cursor.nodeType === "block") {
            items.push(this.cachedBlock(cursor.startIndex, cursor.endIndex, () => cursor.currentNode, previous));
          } else {
            const item = this.bodyItem(cursor.currentNode);
            if (item) items.push(item);
          }
        } while (cursor.gotoNextSibling());
      }
      cursor.delete();
    }
    return items;
  }
  /**
   * The top-level items after edits, converting only the stretches of text the edits touch;
   * the other items are the previous conversion's, moved. Undefined when that cannot be
   * shown to give what a full conversion gives (then everything is converted).
   *
   * Why checking the items next to each converted stretch suffices: in an error-free tree
   * every top-level item is parsed from the same state, so an item whose text did not change
   * parses the same unless the text before it runs into it (an attribute continued by an
   * operator, a heredoc left open...). That shows as a top-level node crossing the stretch's
   * ends, or as the neighbouring items no longer being top-level nodes of their old extent.
   * Items farther away are preceded by unchanged items, so they parse the same too.
   * (`Tree.getChangedRanges` would say the same but costs about 40 % of the reparse itself.)
   */
  incrementalItems(previous, previousText, changes, convertGap) {
    let lengthAfterEdits = previousText?.length ?? -1;
    for (const edit of changes.edits) lengthAfterEdits += edit.newEndIndex - edit.oldEndIndex;
    if (lengthAfterEdits !== this.text.length) return void 0;
    const dirty = [];
    changes.edits.forEach((edit, k) => {
      let start2 = edit.startIndex;
      let end = edit.newEndIndex;
      for (const later of changes.edits.slice(k + 1)) {
        const delta = later.newEndIndex - later.oldEndIndex;
        start2 = start2 < later.startIndex ? start2 : start2 >= later.oldEndIndex ? start2 + delta : later.startIndex;
        end = end < later.startIndex ? end : end >= later.oldEndIndex ? end + delta : later.newEndIndex;
      }
      dirty.push({ startIndex: start2, endIndex: end });
    });
    const touchesDirty = (start2, end) => dirty.some((d) => start2 <= d.endIndex && end >= d.startIndex);
    const kept = [];
    const items = [];
    let before;
    let gapHasDirtyItem = false;
    const closeGap = (after) => {
      const from = before?.end ?? 0;
      const to = after?.start ?? this.text.length;
      if (gapHasDirtyItem || touchesDirty(from, to)) {
        const converted = convertGap(from, to, before, after);
        if (!converted) return false;
        items.push(...converted);
      }
      gapHasDirtyItem = false;
      return true;
    };
    for (const item of previous) {
      let start2 = item.start;
      let end = item.end;
      for (const edit of changes.edits) {
        if (end < edit.startIndex) continue;
        if (start2 > edit.oldEndIndex) {
          const delta = edit.newEndIndex - edit.oldEndIndex;
          start2 += delta;
          end += delta;
          continue;
        }
        start2 = void 0;
        break;
      }
      let startPosition;
      if (start2 !== void 0 && !touchesDirty(start2, end)) {
        startPosition = this.lines.positionAt(start2);
        if (startPosition.character !== item.startPosition.character) startPosition = void 0;
      }
      if (start2 === void 0 || startPosition === void 0) {
        gapHasDirtyItem = true;
        continue;
      }
      const entry = { item, start: start2, end, startPosition };
      if (!closeGap(entry)) return void 0;
      kept.push(entry);
      items.push(entry);
      before = entry;
    }
    if (!closeGap(void 0)) return void 0;
    for (const { item, start: start2, startPosition } of kept) moveItem(item, start2, startPosition);
    return items.map((entry) => "item" in entry ? entry.item : entry);
  }
  /** True when the new tree has a top-level node of the kept item's type exactly where the item now is. */
  isTopLevelNode(tree, kept) {
    const node = tree.rootNode.descendantForIndex(kept.start, kept.end);
    if (!node || node.startIndex !== kept.start || node.endIndex !== kept.end || node.type !== kept.item.type) return false;
    const parent = node.parent;
    return parent?.type === "config_file" || parent?.type === "body" && parent.parent?.type === "config_file";
  }
  /** The top-level items lying in [from, to] of the new tree; undefined when one reaches outside. */
  itemsBetween(tree, from, to) {
    const items = [];
    for (const child3 of tree.rootNode.namedChildren) {
      if (!child3 || child3.endIndex <= from || child3.startIndex >= to) continue;
      if (child3.type !== "body") {
        if (child3.startIndex < from || child3.endIndex > to) return void 0;
        const item = this.rootItem(child3);
        if (item) items.push(item);
        continue;
      }
      const cursor = child3.walk();
      try {
        if (!cursor.gotoFirstChildForIndex(from)) continue;
        do {
          if (cursor.startIndex >= to) break;
          if (!cursor.nodeIsNamed) continue;
          if (cursor.startIndex < from || cursor.endIndex > to) return void 0;
          const node = cursor.currentNode;
          const item = node.type === "block" ? this.blockItem(node) : this.bodyItem(node);
          if (item) items.push(item);
        } while (cursor.gotoNextSibling());
      } finally {
        cursor.delete();
      }
    }
    return items;
  }
  emptyItem(node) {
    return {
      type: node.type,
      start: node.startIndex,
      end: node.endIndex,
      startPosition: this.lines.positionAt(node.startIndex),
      comments: [],
      syntaxErrors: []
    };
  }
  commentItem(node) {
    return { ...this.emptyItem(node), comments: [{ text: node.text, range: this.range(node) }] };
  }
  /** A comment or an ERROR node outside the body (other kinds add nothing). */
  rootItem(node) {
    if (node.type === "comment") return this.commentItem(node);
    if (node.type !== "ERROR") return void 0;
    const item = this.emptyItem(node);
    item.syntaxErrors.push(this.range(node));
    this.collectComments(node, item.comments);
    item.recovered = [];
    for (const child3 of node.namedChildren) if (child3?.type === "block" && !child3.hasError) item.recovered.push(this.block(child3));
    return item;
  }
  /** A top-level attribute (`.tfvars`), comment or unparsable stretch of the body. */
  bodyItem(node) {
    if (node.type === "attribute") {
      const item = this.emptyItem(node);
      const attribute = this.attribute(node);
      if (attribute) item.attribute = attribute;
      this.collectComments(node, item.comments);
      return item;
    }
    if (node.type === "comment") return this.commentItem(node);
    if (node.type === "ERROR" || node.hasError) {
      const item = this.emptyItem(node);
      item.syntaxErrors.push(this.range(node));
      this.collectComments(node, item.comments);
      return item;
    }
    return void 0;
  }
  blockItem(node) {
    const block = this.block(node, true);
    const comments = [];
    if (!block.bodySkipped) this.collectComments(node, comments);
    return { ...this.emptyItem(node), block, comments };
  }
  /**
   * Converting nodes crosses into WebAssembly for every field, which dominates the time
   * per keystroke. A top-level block whose text is unchanged converts to the same thing,
   * moved by whole lines: reuse it, moved, instead of walking its nodes again.
   */
  cachedBlock(startIndex, endIndex, nodeOf, previous) {
    const source = this.text.slice(startIndex, endIndex);
    const start2 = this.lines.positionAt(startIndex);
    const candidates = previous.get(source);
    const fits = candidates?.filter((c) => c.startPosition.character === start2.character);
    const hit = fits?.find((c) => c.start === startIndex) ?? fits?.find((c) => c.startPosition.line === start2.line) ?? fits?.[0];
    if (hit && candidates) {
      candidates.splice(candidates.indexOf(hit), 1);
      moveItem(hit, startIndex, start2);
      return hit;
    }
    const node = nodeOf();
    const block = this.block(node, true);
    const comments = [];
    if (!block.bodySkipped) this.collectComments(node, comments);
    return { type: "block", start: startIndex, end: endIndex, startPosition: start2, block, comments, syntaxErrors: [] };
  }
  collectComments(node, into) {
    const cursor = node.walk();
    let done = false;
    while (!done) {
      const isComment = cursor.nodeType === "comment";
      if (isComment) {
        const { startIndex, endIndex } = cursor;
        into.push({ text: this.text.slice(startIndex, endIndex), range: this.lines.range(startIndex, endIndex) });
      }
      if (!isComment && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
    cursor.delete();
  }
  range(node) {
    return this.lines.range(node.startIndex, node.endIndex);
  }
  /** `depth`: nesting below the top-level block; deeper blocks than MAX_BLOCK_DEPTH are not read. */
  block(node, topLevel = false, depth = 0) {
    const labels = [];
    const labelRanges = [];
    let type = "";
    let body2;
    let bodyStartOffset = node.endIndex;
    let closeOffset;
    for (const child3 of node.namedChildren) {
      if (!child3) continue;
      switch (child3.type) {
        case "identifier":
          if (!type) type = child3.text;
          else {
            labels.push(child3.text);
            labelRanges.push(this.range(child3));
          }
          break;
        case "string_lit":
          labels.push(this.stringLitValue(child3));
          labelRanges.push(this.range(child3));
          break;
        case "block_start":
          bodyStartOffset = child3.endIndex;
          break;
        case "body":
          body2 = child3;
          break;
        case "block_end":
          if (!child3.isMissing && child3.endIndex > child3.startIndex) closeOffset = child3.startIndex;
          break;
      }
    }
    const attributes = /* @__PURE__ */ new Map();
    const blocks = [];
    const bodySkipped = topLevel && !this.readBody(type, labels);
    if (body2 && !bodySkipped) {
      for (const item of body2.namedChildren) {
        if (!item) continue;
        if (item.type === "attribute") {
          const attribute = this.attribute(item);
          if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
        } else if (item.type === "block") {
          if (depth < MAX_BLOCK_DEPTH2) blocks.push(this.block(item, false, depth + 1));
        }
      }
    }
    const firstLabel = labelRanges[0];
    const lastLabel = labelRanges[labelRanges.length - 1];
    const headerStart = firstLabel ? { ...firstLabel.start } : this.lines.positionAt(node.startIndex);
    const headerEnd = lastLabel ? { ...lastLabel.end } : this.lines.positionAt(node.startIndex + type.length);
    return {
      type,
      labels,
      labelRanges,
      range: this.range(node),
      headerRange: { start: headerStart, end: headerEnd },
      attributes,
      blocks,
      bodyStart: this.lines.positionAt(bodyStartOffset),
      close: closeOffset === void 0 ? void 0 : this.lines.positionAt(closeOffset),
      hasErrors: node.hasError,
      ...bodySkipped ? { bodySkipped } : {}
    };
  }
  attribute(node) {
    const children = node.namedChildren;
    const name2 = children.find((c) => c?.type === "identifier");
    const value = children.find((c) => c?.type === "expression");
    if (!name2 || !value) return void 0;
    const expr = node.hasError ? this.opaque(value) : this.expression(value);
    return {
      name: name2.text,
      expr,
      nameRange: this.range(name2),
      valueRange: this.range(value),
      range: this.lines.range(node.startIndex, node.endIndex)
    };
  }
  opaque(node) {
    return { kind: "opaque", text: node.text, range: this.range(node) };
  }
  /** Converts an `expression` node (or one of its inner kinds). */
  expression(node, depth = 0) {
    if (depth > MAX_EXPR_DEPTH || node.hasError) return this.opaque(node);
    const range = this.range(node);
    if (node.type !== "expression") return this.primary(node, depth);
    const children = node.namedChildren.filter((c) => c !== null && c.type !== "comment");
    if (children.length === 0) return this.opaque(node);
    const first = children[0];
    if (first.type === "conditional") return this.primary(first, depth);
    let head = first.type === "expression" ? { kind: "parens", inner: this.expression(first, depth + 1), range } : this.primary(first, depth);
    if (children.length === 1) return head;
    if (children.length > MAX_TRAVERSAL_STEPS) return this.opaque(node);
    if (head.kind === "traversal" || head.kind === "parens") {
      const steps = head.kind === "traversal" ? [...head.steps] : [];
      for (const step of children.slice(1)) {
        const converted = this.step(step, depth);
        if (!converted) return this.opaque(node);
        steps.push(...converted);
      }
      if (head.kind === "parens") return this.opaque(node);
      head = { kind: "traversal", root: head.root, steps, range };
      return head;
    }
    return this.opaque(node);
  }
  step(node, depth) {
    switch (node.type) {
      case "get_attr": {
        const id10 = node.namedChildren.find((c) => c?.type === "identifier");
        return id10 ? [{ kind: "attr", name: id10.text }] : void 0;
      }
      case "index": {
        const inner = node.namedChildren[0];
        if (!inner) return void 0;
        if (inner.type === "legacy_index") {
          const digits = inner.text.replace(/^\./, "");
          return [{ kind: "index", key: { kind: "literal", value: Number(digits), range: this.range(inner) } }];
        }
        const keyNode = inner.namedChildren.find((c) => c?.type === "expression");
        return keyNode ? [{ kind: "index", key: this.expression(keyNode, depth + 1) }] : void 0;
      }
      case "splat": {
        const steps = [{ kind: "splat" }];
        const kind = node.namedChildren[0];
        for (const child3 of kind?.namedChildren ?? []) {
          if (!child3) continue;
          const converted = this.step(child3, depth);
          if (!converted) return void 0;
          steps.push(...converted);
        }
        return steps;
      }
      default:
        return void 0;
    }
  }
  primary(node, depth) {
    if (depth > MAX_EXPR_DEPTH) return this.opaque(node);
    const range = this.range(node);
    const named = node.namedChildren.filter((c) => c !== null && c.type !== "comment");
    switch (node.type) {
      case "literal_value": {
        const inner = named[0];
        if (!inner) return this.opaque(node);
        switch (inner.type) {
          case "bool_lit":
            return { kind: "literal", value: inner.text === "true", range };
          case "null_lit":
            return { kind: "literal", value: null, range };
          case "numeric_lit": {
            const n2 = Number(inner.text);
            return Number.isFinite(n2) ? { kind: "literal", value: n2, range } : this.opaque(node);
          }
          case "string_lit":
            return { kind: "literal", value: this.stringLitValue(inner), range };
        }
        return this.opaque(node);
      }
      case "template_expr": {
        const quoted2 = named[0];
        if (!quoted2 || quoted2.type !== "quoted_template" && quoted2.type !== "heredoc_template") return this.opaque(node);
        const parts2 = this.templateParts(quoted2, depth);
        return parts2 ? { kind: "template", parts: parts2, range } : this.opaque(node);
      }
      case "variable_expr": {
        const id10 = named[0];
        return id10 ? { kind: "traversal", root: id10.text, steps: [], range } : this.opaque(node);
      }
      case "function_call": {
        const name2 = named.find((c) => c.type === "identifier");
        const args2 = named.find((c) => c.type === "function_arguments");
        if (!name2) return this.opaque(node);
        if (args2?.namedChildren.some((c) => c?.type === "ellipsis")) return this.opaque(node);
        const argExprs = (args2?.namedChildren ?? []).filter((c) => c?.type === "expression").map((c) => this.expression(c, depth + 1));
        return { kind: "call", name: name2.text, args: argExprs, range };
      }
      case "conditional": {
        const parts2 = named.filter((c) => c.type === "expression");
        if (parts2.length !== 3) return this.opaque(node);
        return rightAssociated(
          this.expression(parts2[0], depth + 1),
          this.expression(parts2[1], depth + 1),
          this.expression(parts2[2], depth + 1),
          range
        );
      }
      case "collection_value": {
        const inner = named[0];
        if (inner?.type === "tuple") {
          const items = inner.namedChildren.filter((c) => c?.type === "expression").map((c) => this.expression(c, depth + 1));
          return { kind: "tuple", items, range };
        }
        if (inner?.type === "object") {
          const entries = [];
          for (const elem of inner.namedChildren) {
            if (elem?.type !== "object_elem") continue;
            const key = elem.childForFieldName("key");
            const value = elem.childForFieldName("val");
            if (!key || !value) return this.opaque(node);
            entries.push({ key: this.expression(key, depth + 1), value: this.expression(value, depth + 1) });
          }
          return { kind: "object", entries, range };
        }
        return this.opaque(node);
      }
      case "operation": {
        const inner = named[0];
        if (!inner) return this.opaque(node);
        const operands = this.groupOperands(
          inner.namedChildren.filter((c) => c !== null && c.type !== "comment"),
          depth
        );
        if (!operands) return this.opaque(node);
        if (inner.type === "unary_operation" && operands.length === 1) {
          const op = inner.child(0)?.text ?? "";
          return { kind: "unary", op, operand: operands[0], range };
        }
        if (inner.type === "binary_operation" && operands.length === 2) {
          const opNode = inner.children.find((c) => c !== null && !c.isNamed && c.type !== "(" && c.type !== ")");
          return { kind: "binary", op: opNode?.text ?? "", left: operands[0], right: operands[1], range };
        }
        return this.opaque(node);
      }
      default:
        return this.opaque(node);
    }
  }
  operand(node, depth) {
    return node.type === "expression" ? this.expression(node, depth + 1) : this.primary(node, depth + 1);
  }
  /**
   * Operands of an operation come flattened: `var.a && b` is variable_expr, get_attr,
   * variable_expr. Traversal steps join the operand before them.
   */
  groupOperands(nodes, depth) {
    const operands = [];
    for (const node of nodes) {
      const isStep = node.type === "get_attr" || node.type === "index" || node.type === "splat";
      if (!isStep) {
        operands.push(this.operand(node, depth));
        continue;
      }
      const previous = operands[operands.length - 1];
      const steps = this.step(node, depth);
      if (!previous || previous.kind !== "traversal" || !steps) return void 0;
      operands[operands.length - 1] = {
        ...previous,
        steps: [...previous.steps, ...steps],
        range: { start: { ...previous.range.start }, end: this.lines.positionAt(node.endIndex) }
      };
    }
    return operands;
  }
  /** The text between the quotes: template_literal nodes leave out white space next to them. */
  stringLitValue(node) {
    const open = node.firstChild;
    const close = node.lastChild;
    if (!open || !close || open.type !== "quoted_template_start" || close.type !== "quoted_template_end") return "";
    return unescapeHcl(this.text.slice(open.endIndex, Math.max(open.endIndex, close.startIndex)));
  }
  /**
   * A template's parts: its literal text is the source between the interpolations, since
   * template_literal nodes leave out white space next to quotes, interpolations and line
   * ends. Undefined for what is not modelled (directives, strip markers `~`).
   */
  templateParts(quoted2, depth) {
    const children = quoted2.children.filter((c) => c !== null);
    const isHeredoc = quoted2.type === "heredoc_template";
    let contentStart;
    let contentEnd;
    if (isHeredoc) {
      const [opening, closing] = children.filter((c) => c.type === "heredoc_identifier");
      if (!opening || !closing) return void 0;
      const lineBreak = this.text.indexOf("\n", opening.endIndex);
      contentStart = lineBreak === -1 ? closing.startIndex : lineBreak + 1;
      contentEnd = Math.max(contentStart, this.lines.lineStart(this.lines.positionAt(closing.startIndex).line));
    } else {
      const open = children[0];
      const close = children[children.length - 1];
      if (open?.type !== "quoted_template_start" || close?.type !== "quoted_template_end") return void 0;
      contentStart = open.endIndex;
      contentEnd = Math.max(contentStart, close.startIndex);
    }
    const interpolations = children.filter((c) => c.type === "template_interpolation" || c.type === "template_directive");
    if (interpolations.some((c) => c.type === "template_directive" || /^\$\{~|~\}$/.test(c.text))) return void 0;
    const flush = isHeredoc && children.some((c) => c.type === "heredoc_start" && c.text === "<<-");
    const indent = flush ? this.heredocIndent(contentStart, contentEnd, interpolations) : 0;
    const literal2 = (from, to) => {
      let raw = this.text.slice(from, to);
      if (indent > 0) {
        raw = raw.split("\n").map((line, i2) => i2 > 0 || from === contentStart ? line.replace(/^[ \t]+/, (space) => space.slice(indent)) : line).join("\n");
      }
      const value = isHeredoc ? raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{") : unescapeHcl(raw);
      return { kind: "literal", value, range: this.lines.range(from, to) };
    };
    const parts2 = [];
    let at = contentStart;
    for (const part of interpolations) {
      if (part.startIndex > at) parts2.push(literal2(at, part.startIndex));
      const inner = part.namedChildren.find((c) => c?.type === "expression");
      if (!inner) return void 0;
      parts2.push(this.expression(inner, depth + 1));
      at = part.endIndex;
    }
    if (contentEnd > at) parts2.push(literal2(at, contentEnd));
    return parts2;
  }
  /** The indentation of a flush heredoc: the least of its non-blank lines (an interpolation counts as text). */
  heredocIndent(start2, end, interpolations) {
    let least = Infinity;
    let lineStart = start2;
    while (lineStart < end) {
      const inside = interpolations.some((p) => lineStart > p.startIndex && lineStart < p.endIndex);
      let i2 = lineStart;
      while (i2 < end && (this.text[i2] === " " || this.text[i2] === "	")) i2++;
      const blank = i2 >= end || this.text[i2] === "\n" || this.text[i2] === "\r";
      if (!inside && !blank) least = Math.min(least, i2 - lineStart);
      const lineBreak = this.text.indexOf("\n", lineStart);
      if (lineBreak === -1) break;
      lineStart = lineBreak + 1;
    }
    return least === Infinity ? 0 : least;
  }
};
function rightAssociated(condition, whenTrue, whenFalse, range) {
  if (condition.kind !== "conditional") return { kind: "conditional", condition, whenTrue, whenFalse, range };
  const tail = rightAssociated(condition.whenFalse, whenTrue, whenFalse, {
    start: { ...condition.whenFalse.range.start },
    end: { ...range.end }
  });
  return { ...condition, whenFalse: tail, range };
}
var TEMPLATE_MARKER = "ELB_LENS_TEMPLATE_END";
function parseTemplateText(parser, template) {
  if (template.includes(TEMPLATE_MARKER)) return void 0;
  const source = `v = <<${TEMPLATE_MARKER}
${template}
${TEMPLATE_MARKER}
`;
  const tree = parser.parseTree(source);
  try {
    const file = parser.toConfigFile("", source, tree);
    const expr = file.attributes.get("v")?.expr;
    if (!expr || expr.kind !== "template" || file.syntaxErrors.length > 0) return void 0;
    const last = expr.parts[expr.parts.length - 1];
    if (last?.kind !== "literal" || typeof last.value !== "string" || !last.value.endsWith("\n")) return void 0;
    const value = last.value.slice(0, -1);
    const parts2 = value === "" ? expr.parts.slice(0, -1) : [...expr.parts.slice(0, -1), { ...last, value }];
    return { ...expr, parts: parts2 };
  } finally {
    tree.delete();
  }
}
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function unescapeHcl(raw) {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, code) => {
    if (code.length > 1) {
      const point = parseInt(code.slice(1), 16);
      return point <= 1114111 ? String.fromCodePoint(point) : whole;
    }
    return ESCAPES[code] ?? whole;
  }).replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

// server/src/rules/nodeFindings.ts
function nodeFindings(reported, options, configFile) {
  const suppressions = /* @__PURE__ */ new Map();
  const suppressionsOf = (path18) => {
    let list = suppressions.get(path18);
    if (!list) {
      const file = configFile(path18);
      suppressions.set(path18, list = file ? collectSuppressions(file) : []);
    }
    return list;
  };
  const out2 = [];
  for (const item of reported) {
    const shown = mergeInstanceFindings([item]).flatMap((f) => shownFindings([f], suppressionsOf(f.file), options));
    for (const finding of shown) out2.push({ finding, node: item.node });
  }
  return out2;
}

// server/src/terraform/providerVersions.ts
var path10 = __toESM2(require("path"));
var LOCK_FILE_NAME = ".terraform.lock.hcl";
function isLockFile(filePath) {
  return path10.basename(filePath) === LOCK_FILE_NAME;
}
function parseLockFile(parser, filePath, text2) {
  const tree = parser.parseTree(text2);
  try {
    const file = parser.toConfigFile(filePath, text2, tree, void 0, () => true);
    return readLockFile(file, tree.rootNode.hasError ? firstError(tree.rootNode, file) : void 0);
  } finally {
    tree.delete();
  }
}
function firstError(root, file) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "ERROR" || node.isMissing) return file.lines.range(node.startIndex, node.endIndex);
    if (!node.hasError) continue;
    for (let i2 = node.childCount - 1; i2 >= 0; i2--) {
      const child3 = node.child(i2);
      if (child3) stack.push(child3);
    }
  }
  return file.lines.range(0, 0);
}
var LOCK_IGNORED = `${LOCK_FILE_NAME} is ignored`;
function readLockFile(file, syntaxError) {
  const providers = /* @__PURE__ */ new Map();
  const problems = [];
  const broken = syntaxError ?? file.syntaxErrors[0] ?? file.blocks.find((b) => b.hasErrors)?.range;
  if (broken) {
    problems.push({
      file,
      range: broken,
      message: `ELB Lens cannot parse this lock file (a syntax error here), so ${LOCK_IGNORED}: provider versions come from required_providers instead. Run terraform init to write it again.`
    });
    return { file, providers, problems };
  }
  for (const block of file.blocks) {
    if (block.type !== "provider" || block.labels.length !== 1) continue;
    const address = normaliseSource(block.labels[0]);
    if (!address || !knownProvider(address)) continue;
    const attribute = block.attributes.get("version");
    const text2 = attribute ? literalString(attribute.expr) : void 0;
    const version = text2 === void 0 ? void 0 : parseVersion(text2);
    if (!attribute || text2 === void 0 || !version) {
      problems.push({
        file,
        range: attribute?.range ?? block.headerRange,
        message: `${attribute ? `"${text2 ?? "this value"}" is not a version` : "This provider entry has no version"}, so ELB Lens ignores the ${block.labels[0]} entry of ${LOCK_FILE_NAME}: its version comes from required_providers instead.`
      });
      continue;
    }
    if (!providers.has(address)) providers.set(address, { version, text: text2, range: attribute.range });
  }
  return { file, providers, problems };
}
function normaliseSource(source) {
  const parts2 = source.trim().toLowerCase().split("/");
  if (parts2.some((p) => p === "") || parts2.length < 1 || parts2.length > 3) return void 0;
  if (parts2.length === 1) return `registry.terraform.io/hashicorp/${parts2[0]}`;
  return parts2.length === 2 ? `registry.terraform.io/${parts2.join("/")}` : parts2.join("/");
}
function knownProvider(address) {
  const tail = address.split("/").slice(1).join("/");
  for (const [name2, source] of Object.entries(PROVIDER_SOURCES)) if (source.toLowerCase() === tail) return name2;
  return void 0;
}
function providerSource(localName) {
  return Object.prototype.hasOwnProperty.call(PROVIDER_SOURCES, localName) ? PROVIDER_SOURCES[localName] : void 0;
}
function providerVersions(root, lock) {
  const problems = [...lock?.problems ?? []];
  const byDir = /* @__PURE__ */ new Map();
  for (const module2 of root.allModules()) {
    if (!byDir.has(module2.dir)) byDir.set(module2.dir, requirements(module2.files, problems));
  }
  const facts = /* @__PURE__ */ new Map();
  const factFor = (address, provider) => {
    const key = `${provider}|${address}`;
    const cached = facts.get(key);
    if (cached) return cached;
    const expected = providerSource(provider) ?? provider;
    const shown = address.replace(/^registry\.terraform\.io\//, "");
    let fact;
    const locked = lock?.providers.get(address);
    if (knownProvider(address) !== provider) {
      fact = {
        source: "unknown",
        provider: shown,
        range: void 0,
        text: "",
        origins: [],
        reason: `its provider is ${shown}, not ${expected}, whose version numbers ELB Lens does not know`
      };
    } else if (locked && lock) {
      fact = {
        source: "lock-file",
        provider: expected,
        range: VersionRange.exactly(locked.version),
        text: formatVersion(locked.version),
        origins: [{ file: lock.file.path, range: locked.range, what: LOCK_FILE_NAME }]
      };
    } else {
      const constraints = [...byDir.values()].flatMap((m) => [...m.values()]).filter((r) => r.address === address && r.constraint);
      let range = VersionRange.ANY;
      for (const r of constraints) range = range.intersect(r.constraint.range);
      const origins = constraints.map((r) => r.constraint.origin);
      if (constraints.length === 0) {
        fact = {
          source: "unknown",
          provider: expected,
          range: void 0,
          text: "",
          origins: [],
          reason: `no ${LOCK_FILE_NAME} next to the root module and no version constraint in required_providers`
        };
      } else if (range.isEmpty()) {
        fact = {
          source: "unknown",
          provider: expected,
          range: void 0,
          text: constraints.map((r) => r.constraint.text).join(", "),
          origins,
          reason: "no version satisfies all the version constraints of the configuration"
        };
      } else {
        fact = { source: "constraint", provider: expected, range, text: constraints.map((r) => r.constraint.text).join(", "), origins };
      }
    }
    facts.set(key, fact);
    return fact;
  };
  return {
    problems,
    forResource(resource, provider) {
      if (providerSource(provider) === void 0) return void 0;
      const localName = providerLocalName(resource.entry.block, resource.entry.type);
      const declared = byDir.get(resource.module.dir)?.get(localName);
      const address = declared?.address ?? normaliseSource(providerSource(localName) ?? localName);
      return address ? factFor(address, provider) : void 0;
    }
  };
}
function providerLocalName(block, type) {
  const expr = block.attributes.get("provider")?.expr;
  if (expr?.kind === "traversal") return expr.root;
  const text2 = expr ? literalString(expr) : void 0;
  if (text2) return text2.split(".")[0].trim();
  return type.split("_")[0];
}
function requirements(files, problems) {
  const out2 = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== "terraform") continue;
      const lists = block.labels[0] === "required_providers" ? [block] : block.blocks.filter((b) => b.type === "required_providers");
      for (const list of lists) {
        for (const attribute of list.attributes.values()) {
          const requirement = requirement_(file, attribute, problems);
          if (!out2.has(requirement.localName)) out2.set(requirement.localName, requirement);
          else if (requirement.constraint && !out2.get(requirement.localName).constraint)
            out2.get(requirement.localName).constraint = requirement.constraint;
        }
      }
    }
  }
  return out2;
}
function requirement_(file, attribute, problems) {
  const localName = attribute.name;
  const expr = attribute.expr;
  const versionExpr = expr.kind === "object" ? objectEntry(expr, "version") : expr;
  const sourceExpr = expr.kind === "object" ? objectEntry(expr, "source") : void 0;
  const sourceText = sourceExpr ? literalString(sourceExpr) : void 0;
  const address = sourceText !== void 0 ? normaliseSource(sourceText) : normaliseSource(providerSource(localName) ?? localName);
  const relevant = address !== void 0 && knownProvider(address) !== void 0;
  let constraint;
  if (versionExpr && relevant) {
    const text2 = literalString(versionExpr);
    const parsed2 = text2 === void 0 ? { error: "it is not a plain string" } : VersionRange.parse(text2);
    if ("error" in parsed2) {
      problems.push({
        file,
        range: versionExpr.range,
        message: `ELB Lens cannot read the version constraint of ${localName} (${parsed2.error}), so it is ignored: the provider version is taken from elsewhere, or assumed to be the newest.`
      });
    } else if (text2 !== void 0 && text2.trim() !== "") {
      constraint = {
        range: parsed2,
        text: text2.trim(),
        origin: { file: file.path, range: versionExpr.range, what: `required_providers in ${path10.basename(file.path)}` }
      };
    }
  }
  return { localName, address, constraint };
}
function objectEntry(expr, name2) {
  for (const entry of expr.entries) {
    const key = entry.key;
    if (key.kind === "traversal" && key.root === name2 && key.steps.length === 0 || key.kind === "literal" && key.value === name2)
      return entry.value;
    if (key.kind === "template" && key.parts.length === 1 && key.parts[0].kind === "literal" && key.parts[0].value === name2)
      return entry.value;
  }
  return void 0;
}
function literalString(expr) {
  if (expr.kind === "literal") return typeof expr.value === "string" ? expr.value : void 0;
  if (expr.kind === "parens") return literalString(expr.inner);
  if (expr.kind === "template") {
    let out2 = "";
    for (const part of expr.parts) {
      if (part.kind !== "literal" || typeof part.value !== "string") return void 0;
      out2 += part.value;
    }
    return out2;
  }
  return void 0;
}

// server/src/project/versionFindings.ts
function versionProblemFindings(problems, docsBase) {
  return onceEach(
    problems.map((problem) => ({
      finding: {
        ruleId: PROVIDER_VERSION_RULE_ID,
        severity: "hint",
        message: problem.message,
        file: problem.file.path,
        range: problem.range,
        related: [],
        fixes: [],
        docsUrl: `${docsBase}${PROVIDER_VERSION_RULE_ID}.md`
      }
    }))
  );
}
function onceEach(reported) {
  const seen = /* @__PURE__ */ new Set();
  return reported.filter(({ finding, node }) => {
    if (node) return true;
    const key = `${finding.ruleId}|${finding.file}|${JSON.stringify(finding.range)}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// server/src/service/service.ts
var MAX_FILE_CHARS = 4 * 1024 * 1024;
var MAX_LINE_CHARS = 128 * 1024;
var MAX_PENDING_EDITS = 1e3;
function isTerraformFile(filePath) {
  return filePath.endsWith(".tf") || filePath.endsWith(".tf.json");
}
function isTfvarsFile(name2) {
  return name2 === "terraform.tfvars" || name2 === "terraform.tfvars.json" || name2.endsWith(".auto.tfvars") || name2.endsWith(".auto.tfvars.json");
}
function looksBinary(text2) {
  return text2.includes("\0");
}
function hasOverlongLine(text2) {
  if (text2.length <= MAX_LINE_CHARS) return false;
  return linesOverlong(text2, 0, text2.length);
}
function linesOverlong(text2, from, to) {
  for (let start2 = from > 0 ? text2.lastIndexOf("\n", from - 1) + 1 : 0; ; ) {
    const end = text2.indexOf("\n", start2);
    if ((end === -1 ? text2.length : end) - start2 > MAX_LINE_CHARS) return true;
    if (end === -1 || end >= to) return false;
    start2 = end + 1;
  }
}
async function createElbLensService(host, options = {}) {
  const parser = await loadHclParser(options.wasmDir);
  return new Service(host, parser, options);
}
var Service = class {
  constructor(host, parser, options) {
    this.host = host;
    this.parser = parser;
    this.docsBase = options.docsBase ?? "docs/rules/";
    this.hoverDocsLink = options.hoverDocsLink ?? `${this.docsBase}README.md`;
    this.prescan = options.prescan !== false;
    this.elbJson = new ElbJsonDetector(options.jsonFiles ?? DEFAULT_ELB_JSON_GLOBS);
    this.kubernetes = new KubernetesDetector(options.kubernetesFiles ?? []);
  }
  host;
  parser;
  documents = /* @__PURE__ */ new Map();
  /** Parsed files read from the host, by path; dropped when the file changes. */
  diskFiles = /* @__PURE__ */ new Map();
  modules = /* @__PURE__ */ new Map();
  /** Files already reported as skipped (one log line each, until they change). */
  skipped = /* @__PURE__ */ new Set();
  docsBase;
  hoverDocsLink;
  elbJson;
  prescan;
  /** Terraform files the scan left unparsed (for --verbose). */
  unparsed = /* @__PURE__ */ new Set();
  /** Texts read from the host, until the host says the file changed. */
  texts = /* @__PURE__ */ new Map();
  /** Folder listings from the host, until the host reports a change in the folder. */
  listings = /* @__PURE__ */ new Map();
  /** The byte scan's answer per file, for the text it was given. */
  scans = /* @__PURE__ */ new Map();
  kubernetes;
  /** Terraform analysis units by root folder. */
  units = /* @__PURE__ */ new Map();
  /** Files and folders read while a unit is built (undefined otherwise). */
  recording;
  /** The workspace's Terraform files, where callers of a module folder are looked for. */
  workspaceFiles = /* @__PURE__ */ new Set();
  fileCalls = /* @__PURE__ */ new Map();
  /** Whether a folder declares a variable (see callersMatter), until a file of it changes. */
  variableFolders = /* @__PURE__ */ new Map();
  /** Child folder → the folders whose module blocks call it; rebuilt when a file's calls change. */
  callersByChild;
  /** Terraform files changed since their module calls were last compared (see settleCallChanges). */
  callChecks = /* @__PURE__ */ new Set();
  isSupportedFile(filePath) {
    return this.unitKindOf(filePath) !== void 0;
  }
  unitOf(filePath) {
    const kind = this.unitKindOf(filePath);
    return kind && unitKey(filePath, kind);
  }
  /** What the file is analysed as (a lock file with its Terraform module); undefined: it is not analysed. */
  unitKindOf(filePath) {
    if (isTerraformFile(filePath) || isLockFile(filePath)) return "terraform";
    if (this.isElbJsonFile(filePath)) return "elb-json";
    if (this.isKubernetesFile(filePath)) return "kubernetes";
    return void 0;
  }
  /** A Kubernetes manifest: a `.yaml`/`.yml` file named by `kubernetes.files`, or with an ELB-annotated Service in it. */
  isKubernetesFile(filePath) {
    if (!isYamlFileName(filePath)) return false;
    return this.kubernetes.isKubernetes(filePath, this.documents.get(filePath)?.text ?? this.readFromHost(filePath));
  }
  /** ELB API JSON: a `.json`/`.jsonc` file matching the globs or whose first few KB look like ELB objects. */
  isElbJsonFile(filePath) {
    if (!isJsonFileName(filePath)) return false;
    if (this.elbJson.matchesGlobs(filePath)) return true;
    return this.elbJson.isElbJson(filePath, this.documents.get(filePath)?.text ?? this.readFromHost(filePath));
  }
  openDocument(filePath, text2) {
    const previous = this.documents.get(filePath);
    previous?.tree?.delete();
    this.documents.set(filePath, { text: text2, tree: void 0, treeIsCurrent: false, config: void 0, blocks: newBlockCache(), edits: [] });
    this.invalidate(filePath);
  }
  updateDocument(filePath, changes) {
    const doc = this.documents.get(filePath);
    if (!doc) return;
    for (const change of changes) {
      if (!change.range) {
        doc.text = change.text;
        doc.plainText = void 0;
        doc.tree?.delete();
        doc.tree = void 0;
        doc.edits = void 0;
        continue;
      }
      const lines = doc.config?.text === doc.text ? doc.config.lines : new LineIndex(doc.text);
      const start2 = lines.offsetAt(change.range.start);
      const end = Math.max(start2, lines.offsetAt(change.range.end));
      const edit = treeEditFor(doc.text, start2, end, change.text, lines);
      doc.tree?.edit(edit);
      if (doc.edits && doc.edits.length < MAX_PENDING_EDITS) doc.edits.push(edit);
      else doc.edits = void 0;
      doc.text = doc.text.slice(0, start2) + change.text + doc.text.slice(end);
      doc.config = void 0;
      if (doc.plainText && (looksBinary(change.text) || linesOverlong(doc.text, start2, start2 + change.text.length))) {
        doc.plainText = false;
      }
    }
    doc.treeIsCurrent = false;
    doc.config = void 0;
    this.invalidate(filePath);
  }
  closeDocument(filePath) {
    this.documents.get(filePath)?.tree?.delete();
    this.documents.delete(filePath);
    this.skipped.delete(filePath);
    this.invalidate(filePath);
  }
  fileChanged(filePath) {
    this.listings.delete(path11.dirname(filePath));
    this.texts.delete(filePath);
    this.unparsed.delete(filePath);
    this.diskFiles.delete(filePath);
    this.skipped.delete(filePath);
    this.invalidate(filePath);
  }
  documentText(filePath) {
    return this.documents.get(filePath)?.text ?? this.readFromHost(filePath);
  }
  moduleFiles(filePath) {
    const dir = path11.dirname(filePath);
    if (isYamlFileName(filePath)) return this.isKubernetesFile(filePath) ? [filePath] : [];
    if (isJsonFileName(filePath)) {
      const names = new Set(this.listDirectory(dir).filter(isJsonFileName));
      for (const open of this.documents.keys()) if (path11.dirname(open) === dir && isJsonFileName(open)) names.add(path11.basename(open));
      names.add(path11.basename(filePath));
      return [...names].sort().map((n2) => path11.join(dir, n2)).filter((p) => this.isElbJsonFile(p));
    }
    const paths = this.terraformPaths(dir);
    if (isTerraformFile(filePath) && !paths.includes(filePath)) return [...paths, filePath].sort();
    return paths;
  }
  analyzeFile(filePath, options = {}) {
    return this.analyzeModule(filePath, options).get(filePath) ?? [];
  }
  analyzeModule(filePath, options = {}) {
    const result = /* @__PURE__ */ new Map();
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return result;
    const context = { docsBase: this.docsBase, knownIds: knownRuleIds(), closest };
    for (const file of analysis.files) {
      const own = analysis.rawFindings.filter((f) => f.file === file.path);
      result.set(file.path, fileFindings(file, own, options, context));
    }
    for (const other of analysis.otherPaths ?? []) if (!result.has(other)) result.set(other, []);
    return result;
  }
  hover(filePath, position, options = {}) {
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return void 0;
    const target = hoverTarget(analysis.model, filePath, position);
    if (!target) return this.unavailableModuleHover(analysis, filePath, position);
    const markdown = hoverMarkdown(target, analysis.model, this.hoverDocsLink);
    if (!markdown) return void 0;
    const instances = instancesMarkdown(nodesOfBlock(analysis.model, target.node.block), target.range);
    return { markdown: instances ? `${markdown}

${instances}` : markdown, range: target.range };
  }
  /** Hover on a `module` block whose code cannot be read: why its values are unknown. */
  unavailableModuleHover(analysis, filePath, position) {
    for (const unit of analysis.units ?? []) {
      for (const [block, reason] of unit.unavailableCalls) {
        if (!rangeContains(block.range, position) || !analysis.files.some((f) => f.path === filePath && f.blocks.includes(block))) continue;
        return {
          markdown: `**module.${block.labels[0] ?? ""}**: ${reason}. ELB Lens cannot read this module's code, so the values it makes are unknown and nothing in it is checked.`,
          range: block.headerRange
        };
      }
    }
    return void 0;
  }
  fixes(filePath, range, options = {}) {
    const out2 = [];
    for (const finding of this.analyzeFile(filePath, options)) {
      if (!rangesOverlap(finding.range, range)) continue;
      for (const fix of finding.fixes) out2.push({ finding, fix });
    }
    return out2;
  }
  suppressionFix(finding) {
    if (finding.file.endsWith(".json") && !isTerraformFile(finding.file)) return void 0;
    if (isLockFile(finding.file)) return void 0;
    const config = this.configFile(finding.file);
    return config ? suppressionFix(config, finding) : void 0;
  }
  inlayHints(filePath, range, options = {}) {
    const analysis = this.moduleAnalysis(filePath, options);
    return analysis ? listenerInlayHints(analysis.model, filePath, range) : [];
  }
  models(filePath, options = {}) {
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return [];
    const shown = (reported) => nodeFindings(reported, options, (p) => this.configFile(p));
    if (analysis.units) {
      return analysis.units.map((u) => ({ root: u.root, source: "terraform", model: u.model, findings: shown(u.reported) }));
    }
    const source = this.isKubernetesFile(filePath) ? "kubernetes" : "elb-json";
    const root = source === "kubernetes" ? filePath : path11.dirname(filePath);
    return [{ root, source, model: analysis.model, findings: shown(analysis.reported ?? []) }];
  }
  // ---- internals ----
  invalidate(filePath) {
    this.modules.delete(path11.dirname(filePath));
    this.variableFolders.delete(path11.dirname(filePath));
    this.modules.delete(unitKey(filePath, "elb-json"));
    this.modules.delete(unitKey(filePath, "kubernetes"));
    this.kubernetes.forget(filePath);
    const dir = path11.dirname(filePath);
    for (const [root, unit] of this.units) {
      if (unit.reads.has(filePath) || unit.listedDirs.has(dir)) this.units.delete(root);
    }
    if (isTerraformFile(filePath)) this.callChecks.add(filePath);
    this.elbJson.forget(filePath);
  }
  /** For files changed since the last analysis: when one's module calls changed, every folder's roots are found again. */
  settleCallChanges() {
    if (this.callChecks.size === 0) return;
    const files = [...this.callChecks];
    this.callChecks.clear();
    if (files.some((file) => this.callsChanged(file))) {
      this.callersByChild = void 0;
      this.units.clear();
      this.modules.clear();
    }
  }
  /** Skipped or degraded files get one log line each, never a failure. */
  logSkipped(filePath, why) {
    if (this.skipped.has(filePath)) return;
    this.skipped.add(filePath);
    this.host.log?.(`elb-lens: skipped ${filePath}: ${why}`);
  }
  readFromHost(filePath) {
    this.recording?.reads.add(filePath);
    if (this.texts.has(filePath)) return this.texts.get(filePath);
    let text2;
    try {
      text2 = this.host.readFile(filePath);
    } catch {
      text2 = void 0;
    }
    this.texts.set(filePath, text2);
    return text2;
  }
  stats() {
    return { unparsedTerraformFiles: this.unparsed.size, unparsedTerraformPaths: [...this.unparsed] };
  }
  /** The parsed form of a file: open document first, then the host's copy. */
  configFile(filePath) {
    this.recording?.reads.add(filePath);
    const doc = this.documents.get(filePath);
    if (doc) {
      if (!doc.config) doc.config = this.parseDocument(filePath, doc);
      return doc.config;
    }
    const text2 = this.readFromHost(filePath);
    if (text2 === void 0) {
      this.diskFiles.delete(filePath);
      this.logSkipped(filePath, "it cannot be read (gone, unreadable, binary or too large)");
      return void 0;
    }
    const cached = this.diskFiles.get(filePath);
    if (cached && cached.text === text2) return cached.config;
    const config = this.parseText(filePath, text2);
    this.diskFiles.set(filePath, { text: text2, config });
    return config;
  }
  parseDocument(filePath, doc) {
    if (!filePath.endsWith(".tf") || doc.text.length > MAX_FILE_CHARS) return this.parseText(filePath, doc.text);
    doc.plainText ??= !looksBinary(doc.text) && !hasOverlongLine(doc.text);
    if (!doc.plainText) {
      doc.plainText = void 0;
      return this.parseText(filePath, doc.text);
    }
    if (!doc.treeIsCurrent && doc.tree && doc.edits && doc.edits.length > 0) {
      const config = this.parser.toConfigFileWithinBlock(filePath, doc.text, doc.blocks, isRelevantBlock, { edits: doc.edits });
      if (config) {
        doc.edits = [];
        return config;
      }
    }
    const previous = doc.treeIsCurrent ? void 0 : doc.tree;
    const tree = this.parser.parseTree(doc.text, previous);
    const changes = previous && doc.edits ? { edits: doc.edits } : void 0;
    if (doc.tree && doc.tree !== tree) doc.tree.delete();
    doc.tree = tree;
    doc.treeIsCurrent = true;
    doc.edits = [];
    return this.parser.toConfigFile(filePath, doc.text, tree, doc.blocks, isRelevantBlock, changes);
  }
  parseText(filePath, text2) {
    if (text2.length > MAX_FILE_CHARS) {
      this.logSkipped(filePath, `it is larger than ${MAX_FILE_CHARS / 2 ** 20} MB`);
      return void 0;
    }
    if (looksBinary(text2)) {
      this.logSkipped(filePath, "it looks binary (NUL characters)");
      return void 0;
    }
    const clean = text2.charCodeAt(0) === 65279 ? " " + text2.slice(1) : text2;
    try {
      if (filePath.endsWith(".tf.json") || filePath.endsWith(".tfvars.json")) {
        return tfJsonToConfigFile(filePath, clean, (template) => this.parseTemplate(template));
      }
      if (isJsonFileName(filePath)) return elbJsonToConfigFile(filePath, clean);
      if (isYamlFileName(filePath)) return kubernetesToConfigFile(filePath, text2);
      if (hasOverlongLine(clean)) {
        this.logSkipped(filePath, `it has a line longer than ${MAX_LINE_CHARS / 1024} K characters (generated content)`);
        return void 0;
      }
      const tree = this.parser.parseTree(clean);
      try {
        return this.parser.toConfigFile(filePath, clean, tree, void 0, isRelevantBlock);
      } finally {
        tree.delete();
      }
    } catch {
      return void 0;
    }
  }
  /** Parses a JSON string's decoded value (`${var.x}`) as a template, as Terraform does. */
  parseTemplate(template) {
    return parseTemplateText(this.parser, template);
  }
  moduleAnalysis(filePath, options) {
    const kind = this.unitKindOf(filePath);
    if (kind === "elb-json") return this.jsonAnalysis(filePath);
    if (kind === "kubernetes") return this.kubernetesAnalysis(filePath, options);
    if (kind !== "terraform") return void 0;
    this.settleCallChanges();
    const dir = path11.dirname(filePath);
    const key = cacheKey([
      options.variables ?? {},
      options.varFiles ?? [],
      options.environmentVariables ?? {},
      options.kubernetes?.network ?? ""
    ]);
    const cached = this.modules.get(dir);
    if (cached && key !== void 0 && cached.key === key && cached.units?.every((u) => this.units.get(u.root) === u)) return cached;
    const roots = this.rootsOf(dir);
    const ownSources = this.moduleSources(dir);
    const own = ownSources.files;
    if (!this.documents.has(filePath) && !this.terraformPaths(dir).includes(filePath)) this.configFile(filePath);
    if (roots.length === 1 && roots[0] === dir && own.length === 0) {
      const empty = {
        key: key ?? "",
        model: combineModels([]),
        files: [],
        rawFindings: [],
        units: [],
        otherPaths: ownSources.deferred
      };
      if (key !== void 0) this.modules.set(dir, empty);
      return empty;
    }
    const units = roots.map((root) => this.unit(root, options, key));
    const paths = new Set(this.terraformPaths(dir));
    for (const u of units) if (u.root === dir && u.lockFile) paths.add(u.lockFile.path);
    const findings = mergeInstanceFindings(onceEach(units.flatMap((u) => u.reported))).filter((f) => paths.has(f.file));
    const files = [...own];
    for (const u of units) if (u.root === dir && u.lockFile) files.push(u.lockFile);
    for (const extra of /* @__PURE__ */ new Set([filePath, ...findings.map((f) => f.file)])) {
      if (!files.some((f) => f.path === extra)) {
        const file = paths.has(extra) ? this.configFile(extra) : void 0;
        if (file) files.push(file);
      }
    }
    const analysis = {
      key: key ?? "",
      model: combineModels(units.map((u) => u.model)),
      files,
      rawFindings: findings,
      units,
      otherPaths: ownSources.deferred
    };
    if (key !== void 0) this.modules.set(dir, analysis);
    return analysis;
  }
  /** Tells the service which Terraform files make up the workspace (callers of module folders are looked for there). */
  setWorkspaceFiles(files) {
    const next = new Set([...files].filter(isTerraformFile));
    const same = next.size === this.workspaceFiles.size && [...next].every((f) => this.workspaceFiles.has(f));
    if (same) return;
    this.workspaceFiles = next;
    this.callersByChild = void 0;
    this.units.clear();
    this.modules.clear();
  }
  readModuleCalls(files) {
    for (const file of files) if (isTerraformFile(file)) this.callsOf(file);
  }
  callersMatter(filePath, options = {}) {
    if (!isTerraformFile(filePath) && !isLockFile(filePath)) return false;
    if (this.declaresVariable(path11.dirname(filePath))) return true;
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return false;
    const rules = options.rules ?? {};
    if (analysis.rawFindings.some((f) => rules[f.ruleId] !== "off")) return true;
    return options.reportUnusedIgnores === true && analysis.files.some((f) => f.text.includes("elb-lens-ignore"));
  }
  /**
   * True when a Terraform file of the folder has a `variable` block (only files with the word
   * are parsed). Kept until a file of the folder changes: a host asks on every keystroke.
   */
  declaresVariable(dir) {
    let declares = this.variableFolders.get(dir);
    if (declares === void 0) {
      declares = this.terraformPaths(dir).some((file) => {
        const text2 = this.documents.get(file)?.text ?? this.readFromHost(file);
        if (text2 === void 0 || !DECLARATION_WORD.variable.test(text2)) return false;
        return this.configFile(file)?.blocks.some((block) => block.type === "variable") === true;
      });
      this.variableFolders.set(dir, declares);
    }
    return declares;
  }
  callerIndex() {
    return Object.fromEntries([...this.callers()].map(([child3, callers]) => [child3, [...callers].sort()]));
  }
  useCallerIndex(index) {
    this.callChecks.clear();
    this.callersByChild = new Map(Object.entries(index).map(([child3, callers]) => [child3, new Set(callers)]));
    this.units.clear();
    this.modules.clear();
  }
  /** The root folders whose module trees reach `dir` (just `dir` when nothing calls it). */
  rootsOf(dir) {
    const index = this.callers();
    if (!index.get(dir)?.size) return [dir];
    const roots = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Set([dir]);
    const queue = [dir];
    while (queue.length > 0) {
      const current = queue.shift();
      const callers = index.get(current);
      if (!callers?.size) {
        roots.add(current);
        continue;
      }
      for (const caller of callers) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    return roots.size > 0 ? [...roots].sort() : [dir];
  }
  /** Child folder → calling folders, from local `source` paths in the workspace's files and open documents. */
  callers() {
    this.settleCallChanges();
    if (this.callersByChild) return this.callersByChild;
    const files = new Set(this.workspaceFiles);
    for (const open of this.documents.keys()) if (isTerraformFile(open)) files.add(open);
    this.callersByChild = this.callersIn(files);
    return this.callersByChild;
  }
  callerIndexOf(files) {
    const index = this.callersIn([...files].filter(isTerraformFile));
    return Object.fromEntries([...index].map(([child3, callers]) => [child3, [...callers].sort()]));
  }
  /** Child folder → calling folders, from the local `source` paths in some files. */
  callersIn(files) {
    const index = /* @__PURE__ */ new Map();
    for (const file of files) {
      for (const call of this.callsOf(file)) {
        if (!isLocalSource(call.source)) continue;
        const child3 = path11.resolve(path11.dirname(file), call.source);
        if (child3 === path11.dirname(file)) continue;
        let set = index.get(child3);
        if (!set) index.set(child3, set = /* @__PURE__ */ new Set());
        set.add(path11.dirname(file));
      }
    }
    return index;
  }
  /** The module calls of a file (cached by text; files without the word "module" are not parsed). */
  callsOf(file) {
    const text2 = this.documents.get(file)?.text ?? this.readFromHost(file);
    if (text2 === void 0) return [];
    const cached = this.fileCalls.get(file);
    if (cached?.text === text2) return cached.calls;
    const calls = [];
    if (/\bmodule\b/.test(text2)) {
      for (const block of this.configFile(file)?.blocks ?? []) {
        if (block.type !== "module" || !block.labels[0]) continue;
        const source = block.attributes.get("source")?.expr;
        if (source?.kind === "literal" && typeof source.value === "string") calls.push({ name: block.labels[0], source: source.value });
        else if (source?.kind === "template" && source.parts.length === 1 && source.parts[0].kind === "literal") {
          calls.push({ name: block.labels[0], source: String(source.parts[0].value) });
        }
      }
    }
    this.fileCalls.set(file, { text: text2, calls });
    return calls;
  }
  /** True when a file's module calls differ from what the caller index was built from. */
  callsChanged(file) {
    const before = this.fileCalls.get(file);
    if (!before)
      return this.callersByChild !== void 0 && /\bmodule\b/.test(this.documents.get(file)?.text ?? this.readFromHost(file) ?? "");
    const after = this.callsOf(file);
    return JSON.stringify(before.calls) !== JSON.stringify(after);
  }
  /** The analysis unit of a root module folder (cached until a file it read changes). */
  unit(root, options, key) {
    const cached = this.units.get(root);
    if (cached && key !== void 0 && cached.key === key) return cached;
    const recording = { reads: /* @__PURE__ */ new Set(), listedDirs: /* @__PURE__ */ new Set() };
    const previous = this.recording;
    this.recording = recording;
    try {
      const loader = {
        files: (dir) => this.moduleSources(dir),
        resolve: (caller, _call, source, keyPath) => this.resolveModuleSource(caller, source, keyPath)
      };
      const sources = this.moduleSources(root);
      const module2 = new TerraformModule(root, sources.files, this.variableInputs(root, options), { loader, lazy: sources.lazy });
      const lock = this.lockFile(root);
      const versions = providerVersions(module2, lock);
      const model = buildTerraformModel(module2, versions, { network: options.kubernetes?.network });
      const unavailableCalls = /* @__PURE__ */ new Map();
      for (const instance2 of module2.allModules()) {
        for (const call of instance2.calls.values()) {
          const reason = instance2.unavailableReason(call.name);
          if (reason) unavailableCalls.set(call.block, reason);
        }
      }
      const stoppedAt = module2.tree.stoppedAt;
      if (stoppedAt)
        this.host.log?.(
          `elb-lens: ${root}: ${stoppedAt} and later module calls are not followed: more than ${MAX_MODULE_INSTANCES} module instances (nested count or for_each); the rest is analysed`
        );
      const reported = [...this.runRules(model), ...versionProblemFindings(versions.problems, this.docsBase)];
      const unit = {
        root,
        key: key ?? "",
        model,
        reported,
        unavailableCalls,
        ...recording,
        ...lock ? { lockFile: lock.file } : {}
      };
      if (key !== void 0) this.units.set(root, unit);
      return unit;
    } finally {
      this.recording = previous;
    }
  }
  /**
   * A module folder's files: parsed up front when a cheap scan of their text finds something
   * that can matter (an ELB-related resource type, a module call, a suppression comment;
   * open documents and `.tf.json` always), the others only when the module looks up a
   * declaration they may hold (see DeclarationSource). Nothing a skipped file could declare
   * is ever missed: the lookup is by the declared name's text.
   */
  moduleSources(dir) {
    const files = [];
    const deferred = [];
    for (const filePath of this.terraformPaths(dir)) {
      const doc = this.documents.get(filePath);
      const text2 = doc?.text ?? this.readFromHost(filePath);
      if (text2 === void 0) {
        this.logSkipped(filePath, "it cannot be read (gone, unreadable, binary or too large)");
        continue;
      }
      if (!this.prescan || doc || filePath.endsWith(".tf.json") || this.mayMatter(filePath, text2)) {
        const file = this.configFile(filePath);
        if (file) files.push(file);
      } else if (text2.length > MAX_FILE_CHARS || looksBinary(text2) || hasOverlongLine(text2)) {
        this.parseText(filePath, text2);
      } else deferred.push({ path: filePath, text: text2 });
    }
    for (const d of deferred) this.unparsed.add(d.path);
    if (deferred.length === 0) return { files, deferred: [] };
    const lazy = {
      filesDeclaring: (kind, name2) => {
        const word = new RegExp(`(^|[^\\w-])${escapeRegExp(name2)}($|[^\\w-])`);
        const found = [];
        for (const candidate of deferred) {
          if (!DECLARATION_WORD[kind].test(candidate.text) || !word.test(candidate.text)) continue;
          const file = this.configFile(candidate.path);
          if (file) {
            found.push(file);
            this.unparsed.delete(candidate.path);
          }
        }
        return found;
      }
    };
    return { files, lazy, deferred: deferred.map((d) => d.path) };
  }
  /** The `.tf`/`.tf.json` files of a folder, with open documents. */
  terraformPaths(dir) {
    this.recording?.listedDirs.add(dir);
    const names = new Set(this.listDirectory(dir).filter((n2) => isTerraformFile(n2)));
    for (const open of this.documents.keys()) if (path11.dirname(open) === dir && isTerraformFile(open)) names.add(path11.basename(open));
    return [...names].sort().map((n2) => path11.join(dir, n2));
  }
  /** A folder's entries, listed once until the host reports a change in it (not on every keystroke). */
  listDirectory(dir) {
    let names = this.listings.get(dir);
    if (!names) {
      try {
        names = this.host.readDirectory(dir);
      } catch {
        names = [];
      }
      this.listings.set(dir, names);
    }
    return names;
  }
  /** The byte scan, once per text of a file (an open document is scanned again only when it changes). */
  mayMatter(filePath, text2) {
    const cached = this.scans.get(filePath);
    if (cached?.text === text2) return cached.matters;
    const matters = MAY_MATTER.test(text2);
    this.scans.set(filePath, { text: text2, matters });
    return matters;
  }
  /** The `.terraform.lock.hcl` of a root module folder, parsed (every block read). */
  lockFile(dir) {
    const file = path11.join(dir, LOCK_FILE_NAME);
    this.recording?.reads.add(file);
    const text2 = this.documents.get(file)?.text ?? this.readFromHost(file);
    if (text2 === void 0 || text2.length > MAX_FILE_CHARS) return void 0;
    try {
      return parseLockFile(this.parser, file, text2);
    } catch {
      return void 0;
    }
  }
  /**
   * Where a module call's code is: `.terraform/modules/modules.json` of the root module (what
   * `terraform init` downloaded or linked), else a local path; registry and git sources
   * without modules.json are not available.
   */
  resolveModuleSource(caller, source, keyPath) {
    let root = caller;
    while (root.parent) root = root.parent.module;
    const manifest = this.modulesManifest(root.dir);
    const entry = manifest?.get(keyPath.join("."));
    if (entry !== void 0) {
      const dir = path11.resolve(root.dir, entry);
      return { dir, downloaded: /(^|[\\/])\.terraform[\\/]/.test(path11.relative(root.dir, dir)) };
    }
    if (source === void 0) return { unavailable: "its source is not a plain string" };
    if (isLocalSource(source)) return { dir: path11.resolve(caller.dir, source), downloaded: caller.downloaded };
    return { unavailable: `module source "${source}" not downloaded: run terraform init` };
  }
  /** Key (`web.db`) → folder, from `.terraform/modules/modules.json`; undefined when there is none. */
  modulesManifest(rootDir) {
    const file = path11.join(rootDir, ".terraform", "modules", "modules.json");
    const text2 = this.readFromHost(file);
    if (text2 === void 0) return void 0;
    try {
      const parsed2 = JSON.parse(text2);
      const map = /* @__PURE__ */ new Map();
      for (const m of parsed2.Modules ?? []) if (typeof m.Key === "string" && m.Key && typeof m.Dir === "string") map.set(m.Key, m.Dir);
      return map;
    } catch {
      return void 0;
    }
  }
  /** The ELB JSON files of a folder: one model, linked by id across the files; cached apart from the Terraform module. */
  jsonAnalysis(filePath) {
    const cacheKey2 = unitKey(filePath, "elb-json");
    const cached = this.modules.get(cacheKey2);
    if (cached) return cached;
    const files = this.moduleFiles(filePath).map((p) => this.configFile(p)).filter((f) => f !== void 0);
    const model = buildElbJsonModel(files);
    const reported = this.runRules(model);
    const analysis = { key: "", model, files, rawFindings: mergeInstanceFindings(reported), reported };
    this.modules.set(cacheKey2, analysis);
    return analysis;
  }
  /** A Kubernetes manifest: its Services, analysed on their own; cached per file and cluster network. */
  kubernetesAnalysis(filePath, options) {
    const network = options.kubernetes?.network;
    const key = unitKey(filePath, "kubernetes");
    const cached = this.modules.get(key);
    if (cached && cached.key === (network ?? "")) return cached;
    const files = [this.configFile(filePath)].filter((f) => f !== void 0);
    const model = buildKubernetesModel(files, { network });
    const reported = this.runRules(model);
    const analysis = { key: network ?? "", model, files, rawFindings: mergeInstanceFindings(reported), reported };
    this.modules.set(key, analysis);
    return analysis;
  }
  variableInputs(dir, options) {
    const inputs = [];
    for (const [name2, value] of Object.entries(options.environmentVariables ?? {})) {
      inputs.push({ name: name2, value, source: `the environment variable TF_VAR_${name2}` });
    }
    const names = this.listDirectory(dir).filter(isTfvarsFile);
    const ordered = [
      ...names.filter((n2) => n2 === "terraform.tfvars"),
      ...names.filter((n2) => n2 === "terraform.tfvars.json"),
      ...names.filter((n2) => n2.includes(".auto.tfvars")).sort()
    ];
    const files = [...ordered.map((n2) => path11.join(dir, n2)), ...options.varFiles ?? []];
    for (const file of files) inputs.push(...this.readTfvars(file));
    for (const [name2, value] of Object.entries(options.variables ?? {})) {
      inputs.push({ name: name2, value: toValue(value), source: "a value given to ELB Lens" });
    }
    return inputs;
  }
  readTfvars(filePath) {
    this.recording?.reads.add(filePath);
    const text2 = this.documents.get(filePath)?.text ?? this.readFromHost(filePath);
    if (text2 === void 0 || text2.length > MAX_FILE_CHARS) return [];
    const source = path11.basename(filePath);
    if (filePath.endsWith(".json")) {
      try {
        const parsed2 = JSON.parse(text2);
        if (!parsed2 || typeof parsed2 !== "object" || Array.isArray(parsed2)) return [];
        return Object.entries(parsed2).map(([name2, value]) => ({ name: name2, value: toValue(value), source }));
      } catch {
        return [];
      }
    }
    const config = this.parseText(filePath, text2);
    if (!config) return [];
    const empty = new TerraformModule(path11.dirname(filePath), [], []);
    return tfvarsInputs(config, (expr) => empty.evaluate(expr));
  }
  runRules(model) {
    return reportRules(model, { docsBase: this.docsBase, log: (message) => this.host.log?.(message) });
  }
};
function cacheKey(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return void 0;
  }
}
function toValue(value) {
  if (value === void 0) return new Unknown("no value");
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object") return value;
  return new Unknown("unsupported value");
}
function isLocalSource(source) {
  return source === "." || source === ".." || source.startsWith("./") || source.startsWith("../") || source.startsWith(".\\") || source.startsWith("..\\");
}
function combineModels(models) {
  if (models.length === 1) return models[0];
  return {
    loadBalancers: models.flatMap((m) => m.loadBalancers),
    listeners: models.flatMap((m) => m.listeners),
    pools: models.flatMap((m) => m.pools),
    members: models.flatMap((m) => m.members),
    instances: models.flatMap((m) => m.instances),
    ipGroups: models.flatMap((m) => m.ipGroups),
    unrecognized: models.flatMap((m) => m.unrecognized ?? []),
    nodeForBlock: (block) => {
      for (const m of models) {
        const node = m.nodeForBlock(block);
        if (node) return node;
      }
      return void 0;
    }
  };
}
var MAY_MATTER = /_e?lb_|compute_instance|secgroup|eip|floatingip|bandwidth|kubernetes_service|\bmodule\b|required_providers|elb-lens-ignore/;
var DECLARATION_WORD = {
  variable: /\bvariable\b/,
  local: /\blocals\b/,
  output: /\boutput\b/
};
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// server/src/graph/map.ts
var LAYER = { client: 0, loadbalancer: 1, listener: 2, pool: 3, member: 4 };
var SEVERITY_ICON = { error: "\u2716", warning: "\u26A0", information: "\u2139", hint: "\u2026" };
function highestSeverity(findings) {
  let best;
  for (const f of findings) if (!best || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best]) best = f.severity;
  return best;
}
function buildClientIpMap(sources) {
  const map = { groups: [], nodes: [], edges: [] };
  let next = 1;
  const newId = () => `n${next++}`;
  sources.forEach((source, index) => {
    const group = { id: `g${index + 1}`, name: source.name, source: source.source };
    map.groups.push(group);
    addGroup(map, group, source, newId);
  });
  return map;
}
function addGroup(map, group, source, newId) {
  const { model } = source;
  const ids = /* @__PURE__ */ new Map();
  const add = (node, modelNode) => {
    const mapNode = { id: newId(), group: group.id, ...node, findings: [] };
    if (modelNode) ids.set(modelNode, mapNode);
    map.nodes.push(mapNode);
    return mapNode;
  };
  const edges = [];
  const edge = (from, to, kind, extra = {}) => {
    if (edges.some((e) => e.from === from.id && e.to === to.id && e.kind === kind)) return;
    edges.push({ from: from.id, to: to.id, kind, unknown: false, findings: [], ...extra });
  };
  const client = add({ kind: "client", label: "client", details: [], unknown: false });
  for (const lb of model.loadBalancers) add(loadBalancerNode(lb), lb);
  const missingLbs = /* @__PURE__ */ new Map();
  for (const listener of model.listeners) {
    if (listener.loadBalancer || missingLbs.has(listener.kind)) continue;
    missingLbs.set(listener.kind, add(missingLoadBalancerNode(listener.kind)));
  }
  for (const listener of model.listeners) add(listenerNode(listener), listener);
  for (const pool of model.pools) add(poolNode(pool), pool);
  for (const member of model.members) add(memberNode(member), member);
  const nodeOf = (n2) => n2 ? ids.get(n2) : void 0;
  for (const lb of model.loadBalancers) edge(client, ids.get(lb), "client");
  for (const lbNode of missingLbs.values()) edge(client, lbNode, "client", { unknown: true });
  for (const listener of model.listeners) {
    const target = ids.get(listener);
    const lbNode = nodeOf(listener.loadBalancer) ?? missingLbs.get(listener.kind);
    edge(lbNode, target, "listener");
    for (const pool of listener.pools) {
      const poolNode2 = nodeOf(pool);
      if (poolNode2) edge(target, poolNode2, "pool");
    }
  }
  for (const pool of model.pools) {
    const poolNode2 = ids.get(pool);
    if (pool.listeners.length === 0) {
      const lbNode = nodeOf(pool.loadBalancer);
      if (lbNode) edge(lbNode, poolNode2, "pool", { label: "no listener", unknown: true });
    }
  }
  for (const member of model.members) {
    const memberNode2 = ids.get(member);
    const poolNode2 = nodeOf(member.pool);
    if (poolNode2) {
      const summary2 = summarise(memberNode2.receives ?? []);
      edge(poolNode2, memberNode2, "backend", {
        receives: summary2.receives,
        label: summary2.text,
        unknown: summary2.receives === "unknown"
      });
    }
    for (const listener of member.pool?.listeners ?? []) {
      const evidence = sameServerEvidence(listener, member);
      if (!evidence) continue;
      const target = evidence.via === "loadbalancer" ? nodeOf(listener.loadBalancer) : nodeOf(listener);
      if (target)
        edge(memberNode2, target, "same-server", { label: evidence.via === "loadbalancer" ? "also a client" : "white-listed client" });
    }
  }
  for (const { finding, node } of source.findings) {
    const mapNode = nodeOf(node) ?? nodeAtRange(map.nodes, group.id, finding.file, finding.range);
    if (!mapNode) continue;
    const item = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      range: finding.range
    };
    if (!mapNode.findings.some((f) => f.ruleId === item.ruleId && f.message === item.message)) mapNode.findings.push(item);
    for (const e of edges) {
      const about = e.to === mapNode.id && (e.kind === "backend" || e.kind === "pool") && finding.ruleId !== "client-ip-same-server" ? true : e.from === mapNode.id && e.kind === "same-server" && finding.ruleId === "client-ip-same-server";
      if (about && !e.findings.some((f) => f.ruleId === item.ruleId && f.message === item.message)) e.findings.push(item);
    }
  }
  for (const n2 of map.nodes) if (n2.group === group.id) n2.severity = highestSeverity(n2.findings);
  for (const e of edges) e.severity = highestSeverity(e.findings);
  map.edges.push(...edges);
}
function nodeAtRange(nodes, group, file, range) {
  return nodes.find((n2) => n2.group === group && n2.location?.file === file && rangeContains(n2.location.range, range.start));
}
function location(node) {
  return { file: node.file.path, range: node.block.headerRange };
}
var KIND_TEXT = {
  shared: "shared load balancer",
  dedicated: "dedicated load balancer",
  unknown: "load balancer, shared or dedicated: unknown"
};
function loadBalancerNode(lb) {
  return {
    kind: "loadbalancer",
    label: lb.address,
    details: [KIND_TEXT[lb.kind]],
    unknown: lb.kind === "unknown",
    lbKind: lb.kind,
    location: location(lb)
  };
}
function missingLoadBalancerNode(kind) {
  return {
    kind: "loadbalancer",
    label: "(load balancer not in these files)",
    details: [kind === "unknown" ? KIND_TEXT.unknown : `${KIND_TEXT[kind]}, by the listener's type`],
    unknown: true,
    lbKind: kind
  };
}
function clientIpText(listener) {
  const { state, reason } = listener.clientIp;
  if (state === "unknown") return "unknown";
  if (reason === "always-on") return "always on";
  return `${state} (${reason === "default" ? "default" : "set"})`;
}
function listenerNode(listener) {
  const { clientIp } = listener;
  return {
    kind: "listener",
    label: listener.address,
    details: [`${listener.protocol ?? "protocol ?"} \xB7 client IP: ${clientIpText(listener)}`],
    unknown: clientIp.state === "unknown" || listener.protocol === void 0,
    lbKind: listener.kind,
    protocol: listener.protocol,
    clientIp: { state: clientIp.state, reason: clientIp.reason, explanation: clientIp.explanation },
    location: location(listener)
  };
}
function poolNode(pool) {
  const details = pool.idOnly ? ["pool: only its id is known"] : pool.poolType === "ip" ? ["pool of IP backends only"] : [`pool${pool.protocol ? ` \xB7 ${pool.protocol}` : ""}`];
  return {
    kind: "pool",
    label: pool.address,
    details,
    unknown: pool.idOnly === true,
    poolType: pool.poolType,
    location: location(pool)
  };
}
function memberNode(member) {
  const kind = member.isIpBackend === true ? "ip" : member.isIpBackend === false ? "server" : "unknown";
  const listeners = member.pool?.listeners ?? [];
  const receives = listeners.map((l) => ({ listener: l.address, ...backendReceives(l, member) }));
  const summary2 = summarise(receives);
  const what = kind === "ip" ? "IP backend" : kind === "server" ? "server backend" : "backend, server or IP: unknown";
  const details = [`${what}${member.ipAddress ? ` \xB7 ${member.ipAddress}` : ""}`];
  if (receives.length <= 1 || summary2.receives !== "unknown" || receives.every((r) => r.receives === "unknown")) {
    details.push(`gets: ${summary2.text}`);
  } else {
    for (const r of receives) details.push(`via ${r.listener}: ${r.text}`);
  }
  return {
    kind: "member",
    label: member.address,
    details,
    unknown: kind === "unknown" || summary2.receives === "unknown",
    backend: { kind, explanation: member.ipBackendExplanation, ...member.ipAddress ? { address: member.ipAddress } : {} },
    receives,
    location: location(member)
  };
}
function summarise(receives) {
  if (receives.length === 0) return { receives: "unknown", text: "unknown: no listener sends traffic to its pool" };
  const first = receives[0];
  if (receives.every((r) => r.receives === first.receives && r.text === first.text)) return first;
  return { receives: "unknown", text: "depends on the listener" };
}
function backendReceives(listener, member) {
  const { state } = listener.clientIp;
  if (state === "unknown") return { receives: "unknown", text: "unknown (the listener\u2019s client-IP state is unknown)" };
  if (listener.protocol === "TLS") return alternativeReceives(listener);
  if (state === "on" && member.isIpBackend === false) return { receives: "client-address", text: "the client\u2019s address" };
  const alternative2 = alternativeReceives(listener);
  if (state === "on" && member.isIpBackend === void 0) {
    return { receives: "unknown", text: `the client\u2019s address if it is a server in the VPC, else ${alternative2.text}` };
  }
  return alternative2;
}
function alternativeReceives(listener) {
  const { protocol } = listener;
  if (protocol === void 0) return { receives: "unknown", text: "unknown (the protocol is unknown)" };
  if (HTTP_PROTOCOLS.has(protocol)) {
    return { receives: "x-forwarded-for", text: realIpOn(listener) ? "X-Forwarded-For / X-Real-IP only" : "X-Forwarded-For only" };
  }
  if (protocol === "TLS") {
    const proxy2 = listener.options.get("proxy_protocol_enable")?.value;
    if (proxy2 !== void 0 && proxy2 !== null && isUnknown(proxy2))
      return { receives: "unknown", text: "unknown (Proxy Protocol is unknown)" };
    if (proxy2 !== void 0 && proxy2 !== null && toBool(proxy2) === true) return { receives: "proxy-protocol", text: "Proxy Protocol only" };
  }
  return { receives: "lb-address", text: lbAddressText(listener.kind) };
}
function lbAddressText(kind) {
  if (kind === "shared") return "the LB\u2019s 100.125.0.0/16 address";
  if (kind === "dedicated") return "the LB\u2019s backend-subnet address";
  return "the LB\u2019s address";
}
function realIpOn(listener) {
  const realIp = listener.options.get("real_ip")?.value;
  if (realIp !== void 0 && realIp !== null && !isUnknown(realIp) && toBool(realIp) === true) return true;
  const header = listener.insertHeaderNames ? listener.insertHeaders?.attributes.get("X-Real-IP") : void 0;
  return header?.expr.kind === "literal" && header.expr.value === true;
}
function groupParts(map, group) {
  const nodes = map.nodes.filter((n2) => n2.group === group);
  const ids = new Set(nodes.map((n2) => n2.id));
  return { nodes, edges: map.edges.filter((e) => ids.has(e.from)) };
}

// server/src/graph/text.ts
var RECEIVES_LABEL = {
  "client-address": "\u2714 client address",
  "x-forwarded-for": "\u21AA X-Forwarded-For",
  "proxy-protocol": "\u21AA Proxy Protocol",
  "lb-address": "\u2717 LB address",
  unknown: "? unknown"
};
function findingLines(node, limit = 3) {
  const byRule = /* @__PURE__ */ new Map();
  const order = ["error", "warning", "information", "hint"];
  for (const severity of order)
    for (const f of node.findings) if (f.severity === severity && !byRule.has(f.ruleId)) byRule.set(f.ruleId, severity);
  const lines = [...byRule].map(([ruleId, severity]) => `${SEVERITY_ICON[severity]} ${ruleId}`);
  return lines.length > limit ? [...lines.slice(0, limit - 1), `+${lines.length - limit + 1} more`] : lines;
}
function nodeTitle(node) {
  return node.unknown ? `? ${node.label}` : node.label;
}
function nodeLines(node) {
  return [nodeTitle(node), ...node.details, ...findingLines(node)];
}
function edgeLabel(edge) {
  const icon = edge.severity ? `${SEVERITY_ICON[edge.severity]} ` : "";
  if (edge.kind === "backend" && edge.receives) {
    const text2 = RECEIVES_LABEL[edge.receives];
    return edge.severity ? `${icon}${text2.slice(2)}` : text2;
  }
  if (edge.label) return `${icon}${edge.label}`;
  if (edge.severity) return `${icon}${edge.findings[0].ruleId}`;
  return "";
}
function clip(text2, max) {
  return text2.length <= max ? text2 : `${text2.slice(0, max - 1)}\u2026`;
}
var LEGEND = [
  "\u2714 the backend gets the client\u2019s address",
  "\u21AA only in X-Forwarded-For / X-Real-IP or the Proxy Protocol header",
  "\u2717 only the load balancer\u2019s address",
  "? unknown until Terraform runs",
  "\u2716 \u26A0 \u2139 a finding (error, warning, information)"
];
function sourceName(source) {
  if (source === "kubernetes") return "Kubernetes";
  return source === "terraform" ? "Terraform" : source === "elb-json" ? "ELB API JSON" : "plan";
}

// server/src/graph/formats.ts
var COLORS = {
  error: "#cf222e",
  warning: "#bc4c00",
  information: "#0969da",
  hint: "#6e7781",
  "client-address": "#1a7f37",
  "x-forwarded-for": "#8250df",
  "proxy-protocol": "#8250df",
  "lb-address": "#9a6700",
  unknown: "#6e7781"
};
function mermaidText(text2) {
  return printable(text2.replace(/\r\n|\r|\n/g, " ")).replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/`/g, "#96;");
}
var MERMAID_SHAPE = {
  client: ["([", "])"],
  loadbalancer: ["[[", "]]"],
  listener: ["[", "]"],
  pool: ["[(", ")]"],
  member: ["(", ")"]
};
function toMermaid(map) {
  const out2 = ["flowchart LR"];
  const classes = /* @__PURE__ */ new Map();
  const addClass = (name2, id10) => {
    const list = classes.get(name2) ?? [];
    list.push(id10);
    classes.set(name2, list);
  };
  const edgeStyles = /* @__PURE__ */ new Map();
  let edgeIndex = 0;
  const edgeLines = [];
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    out2.push(`  subgraph ${group.id}["${mermaidText(`${group.name} (${sourceName(group.source)})`)}"]`, "    direction LR");
    for (const node of nodes) {
      const [open, close] = MERMAID_SHAPE[node.kind];
      out2.push(`    ${node.id}${open}"${nodeLines(node).map(mermaidText).join("<br/>")}"${close}`);
      if (node.severity) addClass(node.severity, node.id);
      if (node.unknown) addClass("unknown", node.id);
    }
    out2.push("  end");
    for (const edge of edges) {
      const label = edgeLabel(edge);
      const arrow = edge.severity ? "==>" : edge.unknown || edge.kind === "same-server" ? "-.->" : "-->";
      edgeLines.push(`  ${edge.from} ${arrow}${label ? `|"${mermaidText(label)}"|` : ""} ${edge.to}`);
      const style = edgeColour(edge);
      if (style) {
        const list = edgeStyles.get(style) ?? [];
        list.push(edgeIndex);
        edgeStyles.set(style, list);
      }
      edgeIndex++;
    }
  }
  out2.push(...edgeLines);
  out2.push(
    `  classDef error fill:#ffebe9,stroke:${COLORS.error},stroke-width:3px,color:#1f2328`,
    `  classDef warning fill:#fff1e5,stroke:${COLORS.warning},stroke-width:3px,color:#1f2328`,
    `  classDef information fill:#ddf4ff,stroke:${COLORS.information},stroke-width:2px,color:#1f2328`,
    `  classDef hint stroke:${COLORS.hint},stroke-width:2px`,
    "  classDef unknown stroke-dasharray:5 3"
  );
  for (const [name2, ids] of classes) out2.push(`  class ${ids.join(",")} ${name2}`);
  for (const [colour, indexes] of edgeStyles)
    out2.push(`  linkStyle ${indexes.join(",")} stroke:${colour},stroke-width:2px,color:${colour}`);
  return out2.join("\n") + "\n";
}
function edgeColour(edge) {
  if (edge.severity) return COLORS[edge.severity];
  if (edge.kind === "backend" && edge.receives) return COLORS[edge.receives];
  return void 0;
}
function toMarkdown(map) {
  const listeners = map.nodes.filter((n2) => n2.kind === "listener").length;
  const marked = map.nodes.filter((n2) => n2.severity).length;
  return [
    "### Client IP map",
    "",
    `${listeners} listener(s) in ${map.groups.length} module(s); ${marked} node(s) with findings.`,
    "",
    "```mermaid",
    toMermaid(map).trimEnd(),
    "```",
    "",
    LEGEND.join(" \xB7 "),
    ""
  ].join("\n");
}
function dotText(text2) {
  const lines = text2.split(/\r\n|\r|\n/).map((line) => printable(line).replace(/\\/g, "\\\\").replace(/"/g, '\\"'));
  return `"${lines.join("\\n")}"`;
}
var DOT_SHAPE = {
  client: "shape=ellipse",
  loadbalancer: "shape=box, peripheries=2",
  listener: 'shape=box, style="rounded"',
  pool: "shape=cylinder",
  member: 'shape=box, style="rounded"'
};
function toDot(map) {
  const out2 = [
    'digraph "client-ip-map" {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.25, ranksep=0.7];',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];'
  ];
  const edgeLines = [];
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    out2.push(`  subgraph cluster_${group.id} {`, `    label=${dotText(`${group.name} (${sourceName(group.source)})`)};`);
    for (const node of nodes) {
      const attributes = [`label=${dotText(nodeLines(node).join("\n"))}`, DOT_SHAPE[node.kind]];
      if (node.unknown) {
        const shape = DOT_SHAPE[node.kind];
        attributes[1] = shape.includes("style=") ? shape.replace('style="rounded"', 'style="rounded,dashed"') : `${shape}, style="dashed"`;
      }
      if (node.severity) attributes.push(`color="${COLORS[node.severity]}"`, "penwidth=2.5");
      out2.push(`    ${node.id} [${attributes.join(", ")}];`);
    }
    out2.push("  }");
    for (const edge of edges) {
      const attributes = [];
      const label = edgeLabel(edge);
      if (label) attributes.push(`label=${dotText(label)}`);
      const colour = edgeColour(edge);
      if (colour) attributes.push(`color="${colour}"`, `fontcolor="${colour}"`);
      if (edge.severity) attributes.push("penwidth=2");
      if (edge.unknown || edge.kind === "same-server") attributes.push("style=dashed");
      if (edge.kind === "same-server") attributes.push("constraint=false");
      edgeLines.push(`  ${edge.from} -> ${edge.to}${attributes.length ? ` [${attributes.join(", ")}]` : ""};`);
    }
  }
  out2.push(...edgeLines, "}");
  return out2.join("\n") + "\n";
}
function toJson(map, shown = (f) => f) {
  const relocate = (item) => ({ ...item, file: shown(item.file) });
  const document2 = {
    version: 1,
    groups: map.groups,
    nodes: map.nodes.map((n2) => ({
      ...n2,
      findings: n2.findings.map(relocate),
      ...n2.location ? { location: relocate(n2.location) } : {}
    })),
    // An edge's findings are its target's (or its source's, for a loop): named here, told in full there.
    edges: map.edges.map((e) => ({ ...e, findings: e.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity })) }))
  };
  return JSON.stringify(document2, null, 2) + "\n";
}

// server/src/graph/layout.ts
var MAX_SWEEP_EDGES = 3e3;
function layeredLayout(nodes, edges, options) {
  const byId = new Map(nodes.map((n2) => [n2.id, n2]));
  const forward = edges.filter((e) => !e.back && byId.has(e.from) && byId.has(e.to) && byId.get(e.from).layer < byId.get(e.to).layer);
  const successors = /* @__PURE__ */ new Map();
  const predecessors = /* @__PURE__ */ new Map();
  for (const e of forward) {
    push(successors, e.from, e.to);
    push(predecessors, e.to, e.from);
  }
  const layerCount = nodes.reduce((max, n2) => Math.max(max, n2.layer + 1), 0);
  const layers = Array.from({ length: layerCount }, () => []);
  const visited = /* @__PURE__ */ new Set();
  const visit3 = (id10) => {
    if (visited.has(id10)) return;
    visited.add(id10);
    layers[byId.get(id10).layer].push(id10);
    for (const next of successors.get(id10) ?? []) visit3(next);
  };
  for (const n2 of [...nodes].sort((a, b) => a.layer - b.layer)) if (!predecessors.has(n2.id)) visit3(n2.id);
  for (const n2 of nodes) visit3(n2.id);
  if (forward.length <= MAX_SWEEP_EDGES) {
    let best = layers.map((l) => [...l]);
    let bestCrossings = crossings(layers, forward, byId);
    for (let sweep = 0; sweep < 4 && bestCrossings > 0; sweep++) {
      for (let l = 1; l < layerCount; l++) reorder(layers, l, predecessors);
      for (let l = layerCount - 2; l >= 0; l--) reorder(layers, l, successors);
      const count = crossings(layers, forward, byId);
      if (count < bestCrossings) {
        bestCrossings = count;
        best = layers.map((l) => [...l]);
      }
    }
    for (let l = 0; l < layerCount; l++) layers[l] = best[l];
  }
  const columnX = [];
  const columnWidth = layers.map((ids) => ids.reduce((max, id10) => Math.max(max, byId.get(id10).width), 0));
  let x = 0;
  for (let l = 0; l < layerCount; l++) {
    columnX.push(x);
    if (layers[l].length > 0) x += columnWidth[l] + (l < layerCount - 1 ? options.layerGap(l) : 0);
  }
  const positions = /* @__PURE__ */ new Map();
  for (let l = layerCount - 1; l >= 0; l--) {
    let bottom = -options.nodeGap;
    for (const id10 of layers[l]) {
      const node = byId.get(id10);
      const placedNext = (successors.get(id10) ?? []).map((s) => positions.get(s)).filter((p) => p !== void 0);
      const wanted = placedNext.length > 0 ? placedNext.reduce((sum, p) => sum + p.y + p.height / 2, 0) / placedNext.length - node.height / 2 : 0;
      const y = Math.max(wanted, bottom + options.nodeGap);
      positions.set(id10, { x: columnX[l], y, width: columnWidth[l], height: node.height });
      bottom = y + node.height;
    }
  }
  let height = 0;
  for (const p of positions.values()) height = Math.max(height, p.y + p.height);
  const last = layers.map((ids, l) => ids.length > 0 ? columnX[l] + columnWidth[l] : 0);
  return { positions, width: Math.max(0, ...last), height };
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function reorder(layers, l, neighbours) {
  const index = /* @__PURE__ */ new Map();
  for (const layer2 of layers) layer2.forEach((id10, i2) => index.set(id10, i2 / Math.max(1, layer2.length - 1)));
  const layer = layers[l];
  const keyed = [];
  const fixed = /* @__PURE__ */ new Map();
  layer.forEach((id10, i2) => {
    const around = (neighbours.get(id10) ?? []).map((n2) => index.get(n2));
    if (around.length === 0) fixed.set(i2, id10);
    else keyed.push({ id: id10, key: around.reduce((a, b) => a + b, 0) / around.length });
  });
  keyed.sort((a, b) => a.key - b.key);
  const result = [];
  let k = 0;
  for (let i2 = 0; i2 < layer.length; i2++) result.push(fixed.get(i2) ?? keyed[k++].id);
  layers[l] = result;
}
function crossings(layers, edges, byId) {
  const position = /* @__PURE__ */ new Map();
  for (const layer of layers) layer.forEach((id10, i2) => position.set(id10, i2));
  const byLayer = /* @__PURE__ */ new Map();
  for (const e of edges) {
    const layer = byId.get(e.from).layer;
    const list = byLayer.get(layer) ?? [];
    list.push({ a: position.get(e.from), b: position.get(e.to) });
    byLayer.set(layer, list);
  }
  let count = 0;
  for (const list of byLayer.values()) {
    for (let i2 = 0; i2 < list.length; i2++) {
      for (let j = i2 + 1; j < list.length; j++) {
        if ((list[i2].a - list[j].a) * (list[i2].b - list[j].b) < 0) count++;
      }
    }
  }
  return count;
}

// server/src/graph/svg.ts
var FONT = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace';
var CHAR = 0.61;
var TITLE_SIZE = 12;
var TEXT_SIZE = 11;
var LABEL_SIZE = 10;
var LINE = 15;
var PAD_X = 10;
var PAD_Y = 7;
var MAX_CHARS = 60;
var MAX_TOOLTIP = 180;
var GROUP_PAD = 16;
var GROUP_HEADER = 26;
var LOOP_LANE = 12;
var COLOUR_CLASSES = ["line", "ok", "alt", "lb", "unk", "error", "warning", "information", "hint"];
var COLOUR_CLASSES_CSS = COLOUR_CLASSES.map((c) => `path.c-${c}{marker-end:url(#k-${c})}`).join("");
var STYLE = `
.elb-map{--fg:#1f2328;--bg:#ffffff;--mut:#59636e;--line:#818b98;--node:#f6f8fa;--frame:#d1d9e0;--ok:#1a7f37;--alt:#8250df;--lb:#9a6700;--unk:#6e7781;--error:#cf222e;--warning:#bc4c00;--information:#0969da;--hint:#6e7781;--sel:#0969da}
@media (prefers-color-scheme:dark){.elb-map{--fg:#e6edf3;--bg:#0d1117;--mut:#9198a1;--line:#768390;--node:#161b22;--frame:#3d444d;--ok:#3fb950;--alt:#ab7df8;--lb:#d29922;--unk:#9198a1;--error:#f85149;--warning:#db6d28;--information:#4493f8;--hint:#9198a1;--sel:#4493f8}}
.elb-map{font-family:${FONT};font-size:${TEXT_SIZE}px}
.elb-map .bg{fill:var(--bg)}
.elb-map .gf{fill:none;stroke:var(--frame);stroke-width:1}
.elb-map .gt{fill:var(--fg);font-size:13px;font-weight:600}
.elb-map .lg{fill:var(--mut)}
.n rect{fill:var(--node);stroke:var(--line);stroke-width:1.2}
.n.lb rect{stroke-width:2.4}
.n text{fill:var(--mut)}
.n .t{fill:var(--fg);font-size:${TITLE_SIZE}px;font-weight:600}
.n.u rect{stroke-dasharray:5 3}
.n.s-error rect{stroke:var(--error);stroke-width:2.6}
.n.s-warning rect{stroke:var(--warning);stroke-width:2.6}
.n.s-information rect{stroke:var(--information);stroke-width:2}
.n.s-hint rect{stroke:var(--hint);stroke-width:2}
.n .f-error{fill:var(--error);font-weight:600}
.n .f-warning{fill:var(--warning);font-weight:600}
.n .f-information{fill:var(--information);font-weight:600}
.n .f-hint{fill:var(--hint)}
.n[data-node]{cursor:pointer}
.n[data-node]:focus{outline:none}
.n[data-node]:focus rect,.n[data-node]:hover rect,.n.sel rect{stroke:var(--sel);stroke-width:3.2}
.e{fill:none;stroke:var(--line);stroke-width:1.4;stroke-linejoin:round}
.e.u{stroke-dasharray:5 3}
.e.m{stroke-width:2.4}
.el{font-size:${LABEL_SIZE}px;fill:var(--mut);paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
.c-ok{stroke:var(--ok)}.el.c-ok,.k-ok{fill:var(--ok)}
.c-alt{stroke:var(--alt)}.el.c-alt,.k-alt{fill:var(--alt)}
.c-lb{stroke:var(--lb)}.el.c-lb,.k-lb{fill:var(--lb)}
.c-unk{stroke:var(--unk)}.el.c-unk,.k-unk{fill:var(--unk)}
.c-error{stroke:var(--error)}.el.c-error,.k-error{fill:var(--error)}
.c-warning{stroke:var(--warning)}.el.c-warning,.k-warning{fill:var(--warning)}
.c-information{stroke:var(--information)}.el.c-information,.k-information{fill:var(--information)}
.c-hint{stroke:var(--hint)}.el.c-hint,.k-hint{fill:var(--hint)}
.k-line{fill:var(--line)}
${COLOUR_CLASSES_CSS}
.el.c-ok,.el.c-alt,.el.c-lb,.el.c-unk,.el.c-error,.el.c-warning,.el.c-information,.el.c-hint{stroke:var(--bg)}
`.trim().replace(/\n/g, "");
var xml = xmlText;
function width(chars, size) {
  return chars * size * CHAR;
}
function box(node) {
  const lines = [
    { text: clip(nodeTitle(node), MAX_CHARS), cls: "t" },
    ...node.details.map((d) => ({ text: clip(d, MAX_CHARS + 4), cls: "" })),
    ...findingLines(node).map((f) => ({ text: f, cls: `f-${severityOfLine(node, f)}` }))
  ];
  const chars = lines.map((l, i2) => width(l.text.length, i2 === 0 ? TITLE_SIZE : TEXT_SIZE));
  return {
    node,
    lines,
    width: Math.ceil(Math.max(...chars) + 2 * PAD_X + 2),
    height: lines.length * LINE + 2 * PAD_Y - 2
  };
}
function severityOfLine(node, line) {
  for (const [severity, icon] of Object.entries(SEVERITY_ICON)) if (line.startsWith(`${icon} `)) return severity;
  return node.findings[node.findings.length - 1]?.severity ?? "hint";
}
function edgeClass(edge) {
  if (edge.severity) return edge.severity;
  if (edge.kind === "backend") {
    switch (edge.receives) {
      case "client-address":
        return "ok";
      case "x-forwarded-for":
      case "proxy-protocol":
        return "alt";
      case "lb-address":
        return "lb";
      default:
        return "unk";
    }
  }
  return edge.unknown ? "unk" : "line";
}
var KIND_CLASS = { client: "cl", loadbalancer: "lb", listener: "li", pool: "po", member: "me" };
function n(value) {
  return String(Math.round(value));
}
function toSvg(map, options = {}) {
  const body2 = [];
  let top = 0;
  let totalWidth = 0;
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    const boxes = new Map(nodes.map((node) => [node.id, box(node)]));
    const labelChars = /* @__PURE__ */ new Map();
    for (const e of edges) {
      if (e.kind === "same-server") continue;
      const layer = LAYER[nodes.find((x) => x.id === e.to).kind] - 1;
      labelChars.set(layer, Math.max(labelChars.get(layer) ?? 0, edgeLabel(e).length));
    }
    const layout = layeredLayout(
      nodes.map((node) => ({ id: node.id, layer: LAYER[node.kind], width: boxes.get(node.id).width, height: boxes.get(node.id).height })),
      edges.map((e) => ({ from: e.from, to: e.to, back: e.kind === "same-server" })),
      { nodeGap: 14, layerGap: (layer) => Math.max(44, Math.ceil(width(labelChars.get(layer) ?? 0, LABEL_SIZE)) + 36) }
    );
    const loops = edges.filter((e) => e.kind === "same-server").length;
    const left = GROUP_PAD;
    const originY = top + GROUP_HEADER;
    const place = (id10) => {
      const p = layout.positions.get(id10);
      return { ...p, x: p.x + left, y: p.y + originY };
    };
    const groupWidth2 = layout.width + 2 * GROUP_PAD;
    const groupHeight = GROUP_HEADER + layout.height + loops * LOOP_LANE + (loops ? 10 : 0) + GROUP_PAD;
    let lane = 0;
    totalWidth = Math.max(totalWidth, groupWidth2, width(group.name.length + 16, 13) + 2 * GROUP_PAD);
    body2.push(`<g class="grp" data-group="${group.id}">`);
    body2.push(`<rect class="gf" x="4" y="${n(top + 4)}" width="${n(groupWidth2 - 8)}" height="${n(groupHeight - 8)}" rx="8"/>`);
    body2.push(`<text class="gt" x="${left}" y="${n(top + 20)}">${xml(`${group.name} \xB7 ${sourceName(group.source)}`)}</text>`);
    const labels = [];
    for (const edge of edges) {
      const from = place(edge.from);
      const to = place(edge.to);
      const colour = edgeClass(edge);
      const classes = `e c-${colour}${edge.unknown || edge.kind === "same-server" ? " u" : ""}${edge.severity ? " m" : ""}`;
      const label = edgeLabel(edge);
      let d;
      let labelAt;
      if (edge.kind === "same-server") {
        lane++;
        const sy = from.y + from.height - 6;
        const x1 = from.x - 10 - lane * 3;
        const y = originY + layout.height + 4 + lane * LOOP_LANE;
        const x2 = to.x + to.width + 12 + lane * 3;
        const ty = to.y + to.height - 7;
        d = `M${n(from.x)},${n(sy)}H${n(x1)}V${n(y)}H${n(x2)}V${n(ty)}H${n(to.x + to.width + 3)}`;
        labelAt = { x: (x1 + x2) / 2, y: y - 3, anchor: "middle" };
      } else {
        const sx = from.x + from.width;
        const sy = from.y + from.height / 2;
        const tx = to.x - 3;
        const ty = to.y + to.height / 2;
        const bend = Math.max(20, (tx - sx) / 2);
        d = `M${n(sx)},${n(sy)}C${n(sx + bend)},${n(sy)} ${n(tx - bend)},${n(ty)} ${n(tx)},${n(ty)}`;
        labelAt = { x: tx - 6, y: ty - 5, anchor: "end" };
      }
      body2.push(`<path class="${classes}" d="${d}"/>`);
      if (label) {
        labels.push(
          `<text class="el c-${colour}" x="${n(labelAt.x)}" y="${n(labelAt.y)}"${labelAt.anchor === "start" ? "" : ` text-anchor="${labelAt.anchor}"`}>${xml(label)}</text>`
        );
      }
    }
    body2.push(...labels);
    for (const node of nodes) {
      const b = boxes.get(node.id);
      const p = place(node.id);
      const classes = ["n", KIND_CLASS[node.kind], node.unknown ? "u" : "", node.severity ? `s-${node.severity}` : ""].filter(Boolean).join(" ");
      const interactive = node.location ? ` data-node="${node.id}"` : "";
      const tooltip = [
        node.label,
        ...node.findings.map((f) => clip(`${SEVERITY_ICON[f.severity]} ${f.ruleId}: ${f.message}`, MAX_TOOLTIP))
      ];
      const rx = node.kind === "client" ? b.height / 2 : node.kind === "pool" ? 10 : 5;
      const texts = b.lines.map((line, i2) => `<text y="${n(PAD_Y + 11 + i2 * LINE)}"${line.cls ? ` class="${line.cls}"` : ""}>${xml(line.text)}</text>`).join("");
      body2.push(
        // The origin is where the text starts, so the lines need no x.
        `<g class="${classes}"${interactive} transform="translate(${n(p.x + PAD_X)} ${n(p.y)})"><title>${xml(tooltip.join("\n"))}</title><rect x="-${PAD_X}" width="${n(p.width)}" height="${n(b.height)}" rx="${n(rx)}"/>${texts}</g>`
      );
    }
    body2.push("</g>");
    top += groupHeight + 8;
  }
  if (map.groups.length === 0) {
    body2.push(`<text class="lg" x="${GROUP_PAD}" y="24">No load balancer, listener, pool or member was found.</text>`);
    top = 40;
    totalWidth = 420;
  }
  if (options.legend !== false) {
    LEGEND.forEach((line, i2) => body2.push(`<text class="lg" x="${GROUP_PAD}" y="${n(top + 14 + i2 * LINE)}">${xml(line)}</text>`));
    totalWidth = Math.max(totalWidth, ...LEGEND.map((l) => width(l.length, TEXT_SIZE) + 2 * GROUP_PAD));
    top += LEGEND.length * LINE + 12;
  }
  const w = n(totalWidth);
  const h = n(top);
  const markers = COLOUR_CLASSES.map(
    (c) => `<marker id="k-${c}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="k-${c}" d="M0,0L8,4L0,8z"/></marker>`
  ).join("");
  const title = options.title ?? "ELB Lens client IP map";
  return `<svg xmlns="http://www.w3.org/2000/svg" class="elb-map" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="elb-map-title"><title id="elb-map-title">${xml(title)}</title><style>${STYLE}</style><defs>${markers}</defs><rect class="bg" width="${w}" height="${h}"/>
${body2.join("\n")}
</svg>
`;
}

// server/src/graph/sources.ts
function viewSource(view, name2) {
  return { name: name2(view.root), source: view.source, model: view.model, findings: view.findings };
}
function planView(filePath, text2, options = {}) {
  const plan = planAnalysis(filePath, text2, options);
  if (!plan) return void 0;
  const findings = nodeFindings(plan.reported, { rules: options.rules, allowInlineIgnores: false }, () => void 0);
  return { root: filePath, source: "plan", model: plan.model, findings };
}

// server/src/graph/index.ts
var MAP_FORMATS = ["mermaid", "dot", "svg", "json", "markdown"];

// server/src/cli/usage.ts
var UsageError = class extends Error {
  constructor(message, command) {
    super(message);
    this.command = command;
  }
  command;
};
var HELP_OPTION = { names: ["--help", "-h"], help: ["print this help"] };
function optionNames(options) {
  return options.flatMap((o) => o.names);
}
function unknownOption(flag, command, options) {
  const suggestion = closest(
    flag,
    optionNames([...options, HELP_OPTION]).filter((name2) => name2.startsWith("--"))
  );
  return new UsageError(`unknown option ${flag} for ${command}${suggestion ? `; did you mean ${suggestion}?` : ""}`, command);
}
var COLUMN = 40;
function optionsHelp(options) {
  const lines = [];
  for (const option of [...options, HELP_OPTION]) {
    const [long, short] = option.names;
    const names = `  ${short ? `${short}, ` : "    "}${long}${option.value ? ` ${option.value}` : ""}`;
    const [first, ...more] = option.help;
    if (names.length < COLUMN) lines.push(`${names.padEnd(COLUMN)}${first}`);
    else lines.push(names, `${" ".repeat(COLUMN)}${first}`);
    for (const line of more) lines.push(`${" ".repeat(COLUMN)}${line}`);
  }
  return lines.join("\n");
}
var KINDS_CHECKED = "Terraform (.tf, .tf.json), ELB API JSON (*.elb.json),\nTerraform plan JSON and Kubernetes Service YAML";
var KINDS_FOUND = "Terraform, ELB API JSON, plan JSON or Kubernetes Service YAML";
function nothingFound(paths) {
  return `nothing to check under ${paths.join(", ")}: no ${KINDS_FOUND} file found (ELB API JSON is read from *.elb.json unless .elb-lens.json "json.files" names other files)`;
}

// server/src/cli/args.ts
var SEVERITIES = ["hint", "information", "warning", "error"];
var FORMAT_NAMES = ["text", "compact", "json", "sarif", "junit", "checkstyle", "codequality"];
var INPUT_OPTIONS = [
  { names: ["--output", "-o"], value: "<file>", help: ["write the report to a file"] },
  {
    names: ["--config", "-c"],
    value: "<file>",
    help: ["use this configuration file for every path", "(default: the nearest .elb-lens.json above each file)"]
  },
  { names: ["--var"], value: "<name=value>", help: ["set a Terraform variable (repeatable)"] },
  {
    names: ["--var-file"],
    value: "<file>",
    help: ["read variables from a tfvars file (repeatable)", "(TF_VAR_<name> environment variables are read too)"]
  }
];
var CHECK_OPTIONS = [
  { names: ["--format", "-f"], value: `<${FORMAT_NAMES.join("|")}>`, help: ["output format (default: text)"] },
  ...INPUT_OPTIONS.slice(0, 1),
  {
    names: ["--min-severity"],
    value: "<error|warning|information|hint>",
    help: ["lowest severity that fails the run (default: warning)"]
  },
  ...INPUT_OPTIONS.slice(1),
  { names: ["--fix"], help: ["apply the fixes in place, then report what is left"] },
  { names: ["--dry-run"], help: ["with --fix: print a unified diff, change nothing"] },
  { names: ["--report-unused-ignores"], help: ["report elb-lens-ignore comments that suppress nothing"] },
  {
    names: ["--fail-on-empty"],
    help: ["exit 1 when the paths hold no file of a kind ELB Lens checks", "(without it: a warning on stderr, exit 0)"]
  },
  { names: ["--color"], help: ["force colours on"] },
  { names: ["--no-color"], help: ["force colours off (NO_COLOR in the environment too)"] },
  {
    names: ["--jobs", "-j"],
    value: "<n>",
    help: [
      "threads for independent modules (default: the number of cores",
      "for 10,000 files or more, else one; under 200 files and with",
      "--fix always one; never more than the number of cores)"
    ]
  },
  { names: ["--verbose", "-v"], help: ["print counts (files found, checked, not parsed) and timing on stderr"] },
  { names: ["--no-prescan"], help: ["parse every Terraform file instead of scanning first (same results)"] }
];
var GRAPH_OPTIONS = [
  {
    names: ["--format", "-f"],
    value: `<${MAP_FORMATS.join("|")}>`,
    help: ["output format (default: mermaid; markdown is Mermaid in", "a fence with a legend, for a CI job summary)"]
  },
  ...INPUT_OPTIONS
];
var EXIT_CODES = "Exit codes: 0 nothing at or above --min-severity, 2 findings, 1 usage, configuration or internal error\n(or, with --fail-on-empty, nothing to check; or the report could not be written: closed pipe, full disk).\n";
var COMMAND_USAGE = {
  check: `Usage: elb-lens check [paths...] [options]

Checks ${KINDS_CHECKED} files and folders
(default: .). Kubernetes manifests are recognised by their content (kind: Service).

Options:
${optionsHelp(CHECK_OPTIONS)}

${EXIT_CODES}`,
  graph: `Usage: elb-lens graph [paths...] [options]

Draws where the client address goes: client \u2192 load balancer \u2192 listener \u2192 pool \u2192 backend
(default path: .).

Options:
${optionsHelp(GRAPH_OPTIONS)}
`,
  rules: `Usage: elb-lens rules

Lists every id ELB Lens reports, with its default severity and what it means.

Options:
${optionsHelp([])}
`,
  explain: `Usage: elb-lens explain <rule-id>

Prints the documentation of a rule or of another id ELB Lens reports (see "elb-lens rules").

Options:
${optionsHelp([])}
`
};
var USAGE = `Usage:
  elb-lens check [paths...] [options]   check ${KINDS_CHECKED.replace("\n", "\n                                        ")}
                                        files and folders (default: .)
  elb-lens graph [paths...] [options]   draw where the client address goes: client \u2192 load balancer \u2192
                                        listener \u2192 pool \u2192 backend (default: .)
  elb-lens rules                        list the rules
  elb-lens explain <rule-id>            print a rule's documentation
  elb-lens <command> --help             the options of a command
  elb-lens -v, --version                print the version

Options for check:
${optionsHelp(CHECK_OPTIONS)}

Options for graph:
${optionsHelp(GRAPH_OPTIONS)}

${EXIT_CODES}`;
function wantsHelp(rest) {
  return rest.some((arg) => arg === "--help" || arg === "-h");
}
function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h") return { command: "help" };
  if (command === "help") return isCommand(rest[0]) ? { command: "help", of: rest[0] } : { command: "help" };
  if (command === "--version" || command === "-v" || command === "-V" || command === "version") return { command: "version" };
  if (isCommand(command) && wantsHelp(rest)) return { command: "help", of: command };
  if (command === "rules") {
    if (rest.length > 0) throw unknownOrExtra(rest[0], "rules");
    return { command: "rules" };
  }
  if (command === "explain") {
    if (!rest[0]) throw new UsageError("explain needs a rule id", "explain");
    if (rest[0].startsWith("-")) throw unknownOption(rest[0], "explain", []);
    return { command: "explain", ruleId: rest[0] };
  }
  if (command === "graph") return parseGraphArgs(rest);
  if (command !== "check") {
    const suggestion = command.startsWith("-") ? closest(command, ["--help", "--version"]) : closest(command, ["check", "graph", "rules", "explain", "help", "version"]);
    throw new UsageError(
      `unknown ${command.startsWith("-") ? "option" : "command"} "${command}"${suggestion ? `; did you mean ${suggestion}?` : ""}`
    );
  }
  const args2 = {
    command: "check",
    paths: [],
    format: "text",
    output: void 0,
    minSeverity: "warning",
    variables: {},
    varFiles: [],
    reportUnusedIgnores: false,
    color: void 0,
    config: void 0,
    fix: false,
    dryRun: false,
    jobs: void 0,
    verbose: false,
    prescan: true,
    failOnEmpty: false
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case "--format":
      case "-f":
        args2.format = value();
        if (!FORMAT_NAMES.includes(args2.format))
          throw new UsageError(`unknown format "${args2.format}" (choose ${FORMAT_NAMES.join(", ")})`, "check");
        break;
      case "--fix":
        args2.fix = true;
        break;
      case "--dry-run":
        args2.dryRun = true;
        break;
      case "--min-severity": {
        const severity = value();
        if (!SEVERITIES.includes(severity))
          throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(", ")}`, "check");
        args2.minSeverity = severity;
        break;
      }
      case "--jobs":
      case "-j": {
        const jobs = Number(value());
        if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs takes a whole number of 1 or more", "check");
        args2.jobs = jobs;
        break;
      }
      case "--verbose":
      case "-v":
        args2.verbose = true;
        break;
      case "--no-prescan":
        args2.prescan = false;
        break;
      case "--report-unused-ignores":
        args2.reportUnusedIgnores = true;
        break;
      case "--fail-on-empty":
        args2.failOnEmpty = true;
        break;
      case "--color":
        args2.color = true;
        break;
      case "--no-color":
        args2.color = false;
        break;
      default:
        if (inputFlag(flag, value, args2)) break;
        if (flag.startsWith("-") && flag !== "-") throw unknownOption(flag, "check", CHECK_OPTIONS);
        args2.paths.push(arg);
    }
  });
  if (args2.dryRun && !args2.fix) throw new UsageError("--dry-run only goes with --fix", "check");
  if (args2.paths.length === 0) args2.paths.push(".");
  return args2;
}
function isCommand(word) {
  return word === "check" || word === "graph" || word === "rules" || word === "explain";
}
function unknownOrExtra(arg, command) {
  return arg.startsWith("-") ? unknownOption(arg, command, []) : new UsageError(`${command} takes no argument, got "${arg}"`, command);
}
function parseGraphArgs(rest) {
  const args2 = {
    command: "graph",
    paths: [],
    format: "mermaid",
    output: void 0,
    variables: {},
    varFiles: [],
    config: void 0
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case "--format":
      case "-f": {
        const format2 = value();
        if (!MAP_FORMATS.includes(format2))
          throw new UsageError(`unknown graph format "${format2}" (choose ${MAP_FORMATS.join(", ")})`, "graph");
        args2.format = format2;
        break;
      }
      default:
        if (inputFlag(flag, value, args2)) break;
        if (flag.startsWith("-") && flag !== "-") throw unknownOption(flag, "graph", GRAPH_OPTIONS);
        args2.paths.push(arg);
    }
  });
  if (args2.paths.length === 0) args2.paths.push(".");
  return args2;
}
function inputFlag(flag, value, args2) {
  switch (flag) {
    case "--output":
    case "-o":
      args2.output = value();
      return true;
    case "--config":
    case "-c":
      args2.config = value();
      return true;
    case "--var": {
      const assignment = value();
      const eq = assignment.indexOf("=");
      if (eq <= 0) throw new UsageError(`--var takes name=value, got "${assignment}"`);
      args2.variables[assignment.slice(0, eq)] = assignment.slice(eq + 1);
      return true;
    }
    case "--var-file":
      args2.varFiles.push(value());
      return true;
    default:
      return false;
  }
}
function forEachFlag(rest, handle2) {
  for (let i2 = 0; i2 < rest.length; i2++) {
    const arg = rest[i2];
    const [flag, inlineValue] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    handle2(
      flag,
      () => {
        const v = inlineValue ?? rest[++i2];
        if (v === void 0) throw new UsageError(`${flag} needs a value`);
        return v;
      },
      arg
    );
  }
}

// server/src/cli/diff.ts
function splitLines(text2) {
  const lines = text2.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  return lines;
}
function myers(a, b) {
  const n2 = a.length;
  const m = b.length;
  const max = n2 + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x2 = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y2 = x2 - k;
      while (x2 < n2 && y2 < m && a[x2] === b[y2]) {
        x2++;
        y2++;
      }
      v[offset + k] = x2;
      if (x2 >= n2 && y2 >= m) {
        found = true;
        break;
      }
    }
  }
  const ops = [];
  let x = n2;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || k !== d && vd[offset + k - 1] < vd[offset + k + 1] ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: "same", line: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "add", line: b[y - 1] });
      else ops.push({ kind: "del", line: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
function show(prefix, line) {
  const body2 = line.replace(/\r?\n$|\r$/, "");
  const ending = line.slice(body2.length);
  return ending === "" ? `${prefix}${body2}
\\ No newline at end of file
` : `${prefix}${body2}${ending.endsWith("\n") ? ending : "\n"}`;
}
function unifiedDiff(oldName, newName, oldText, newText, context = 3) {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = myers(a, b);
  const changes = ops.map((op, i2) => op.kind === "same" ? -1 : i2).filter((i2) => i2 >= 0);
  const hunks = [];
  for (const i2 of changes) {
    const start2 = Math.max(0, i2 - context);
    const end = Math.min(ops.length, i2 + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start2 <= last[1]) last[1] = Math.max(last[1], end);
    else hunks.push([start2, end]);
  }
  let out2 = `--- ${oldName}
+++ ${newName}
`;
  for (const [start2, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (let i2 = 0; i2 < start2; i2++) {
      if (ops[i2].kind !== "add") oldLine++;
      if (ops[i2].kind !== "del") newLine++;
    }
    const slice = ops.slice(start2, end);
    const oldCount = slice.filter((o) => o.kind !== "add").length;
    const newCount = slice.filter((o) => o.kind !== "del").length;
    const range = (line, count) => count === 1 ? `${line}` : `${count === 0 ? line - 1 : line},${count}`;
    out2 += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@
`;
    for (const op of slice) out2 += show(op.kind === "same" ? " " : op.kind === "del" ? "-" : "+", op.line);
  }
  return out2;
}

// server/src/cli/graph.ts
var path14 = __toESM2(require("path"));

// server/src/cli/output.ts
var fs5 = __toESM2(require("fs"));
var path12 = __toESM2(require("path"));
function writeOutput(filePath, content) {
  let target = filePath;
  let stat = lstatOrUndefined(filePath);
  if (stat?.isSymbolicLink()) {
    try {
      target = fs5.realpathSync(filePath);
    } catch {
      fs5.writeFileSync(filePath, content);
      return;
    }
    stat = lstatOrUndefined(target);
  }
  if (stat && !stat.isFile()) {
    fs5.writeFileSync(target, content);
    return;
  }
  writeAtomically(target, content);
}
function lstatOrUndefined(filePath) {
  try {
    return fs5.lstatSync(filePath);
  } catch {
    return void 0;
  }
}
function writeAtomically(filePath, content) {
  const temporary = path12.join(path12.dirname(filePath), `.${path12.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  let mode;
  try {
    mode = fs5.statSync(filePath).mode & 4095;
  } catch {
    mode = void 0;
  }
  try {
    fs5.writeFileSync(temporary, content, mode !== void 0 ? { mode } : {});
    if (mode !== void 0) fs5.chmodSync(temporary, mode);
    fs5.renameSync(temporary, filePath);
  } catch (error) {
    fs5.rmSync(temporary, { force: true });
    throw error;
  }
}
function writeFailure(error) {
  const code = error?.code;
  if (code === "EPIPE") return "the reading end was closed (EPIPE)";
  if (code === "ENOSPC") return "no space left on the device (ENOSPC)";
  return error instanceof Error ? error.message : String(error);
}
function endOnStdioErrors(exitCode) {
  const watch = (stream, name2) => stream.on("error", (error) => {
    try {
      if (stream !== process.stderr) fs5.writeSync(2, `elb-lens: cannot write to ${name2}: ${writeFailure(error)}
`);
    } catch {
    }
    process.exit(exitCode);
  });
  watch(process.stdout, "standard output");
  watch(process.stderr, "standard error");
}

// server/src/cli/report.ts
var path13 = __toESM2(require("path"));
function relativePath(cwd, file) {
  const relative7 = path13.relative(cwd, file);
  return (relative7.startsWith("..") ? file : relative7).split(path13.sep).join("/");
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId)
  );
}
function atLeast(severity, minimum) {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[minimum];
}

// server/src/cli/select.ts
var MAX_PLAN_BYTES = 256 * 1024 * 1024;
function selectFiles(walked, configFor, kinds) {
  const selected = [];
  for (const { path: file, explicit } of walked) {
    const config = configFor(file);
    if (excludes(config, file)) continue;
    const content = nodeFileContent(file, MAX_PLAN_BYTES);
    const kind = classify(file, { config, explicit, content });
    if (kinds.has(kind) || explicit && kind !== "other") selected.push({ file, config, kind, content });
  }
  return selected;
}

// server/src/cli/graph.ts
var DRAWN_KINDS = /* @__PURE__ */ new Set(["terraform", "terraform-json", "elb-json", "kubernetes", "plan"]);
async function graph(args2, io, host) {
  const { environmentVariables: environmentVariables2 } = host;
  const cliVarFiles = args2.varFiles.map((f) => path14.resolve(io.cwd, f));
  for (const file of cliVarFiles) {
    if (readTextFile(file, MAX_PLAN_BYTES) === void 0) throw new UsageError(`cannot read --var-file ${file}`);
  }
  const resolver = new ConfigResolver((file) => readTextFile(file, 1024 * 1024), {
    configFile: args2.config ? path14.resolve(io.cwd, args2.config) : void 0,
    realPath: nodeFileSystem.realpath
  });
  const flags2 = { variables: args2.variables, varFiles: cliVarFiles, environmentVariables: environmentVariables2 };
  const effective = /* @__PURE__ */ new Map();
  const configFor = (file) => {
    const config = resolver.forFile(file);
    let result = effective.get(config);
    if (!result) effective.set(config, result = configure({ config, host: flags2 }));
    return result;
  };
  const service = await createElbLensService(
    createNodeHost((message) => io.stderr(`${message}
`)),
    { jsonFiles: (file) => namesElbJson(configFor(file), file) }
  );
  const walked = walk(
    args2.paths.map((p) => path14.resolve(io.cwd, p)),
    nodeFileSystem
  );
  if (walked.missing.length > 0) throw new UsageError(`no such file or directory: ${walked.missing.join(", ")}`);
  service.setWorkspaceFiles(walked.files.map((f) => f.path));
  const views = /* @__PURE__ */ new Map();
  const asked = /* @__PURE__ */ new Set();
  const selected = [...selectFiles(walked.files, configFor, DRAWN_KINDS)];
  if (selected.length === 0) io.stderr(`elb-lens: warning: ${nothingFound(args2.paths)}
`);
  for (const { file, config, kind, content } of selected) {
    if (kind === "plan") {
      const view = planView(file, content.text() ?? "", { rules: config.options.rules, log: (m) => io.stderr(`${m}
`) });
      if (view) views.set(`plan:${file}`, view);
      continue;
    }
    const unitKind = unitKindOf(kind);
    if (!unitKind || asked.has(unitKey(file, unitKind))) continue;
    asked.add(unitKey(file, unitKind));
    for (const view of service.models(file, config.options)) {
      const key = `${view.source}:${view.root}`;
      if (!views.has(key)) views.set(key, view);
    }
  }
  const shown = (file) => relativePath(io.cwd, file) || ".";
  const sources = [...views.values()].filter((v) => v.model.listeners.length + v.model.loadBalancers.length + v.model.pools.length + v.model.members.length > 0).map((v) => viewSource(v, shown)).sort((a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source));
  const map = buildClientIpMap(sources);
  const output = args2.format === "mermaid" ? toMermaid(map) : args2.format === "markdown" ? toMarkdown(map) : args2.format === "dot" ? toDot(map) : args2.format === "svg" ? toSvg(map) : toJson(map, shown);
  if (!args2.output) {
    io.stdout(output);
    return 0;
  }
  try {
    host.writeFile(path14.resolve(io.cwd, args2.output), output);
  } catch (error) {
    io.stderr(`elb-lens: cannot write ${args2.output}: ${writeFailure(error)}
`);
    return 1;
  }
  return 0;
}

// server/src/project/fixPolicy.ts
function fixToApply(finding) {
  const preferred = finding.fixes.find((f) => f.isPreferred === true);
  if (preferred) return preferred;
  return finding.fixes.length === 1 && finding.fixes[0].isPreferred !== false ? finding.fixes[0] : void 0;
}
function isAppliedFix(finding, fix, canEdit) {
  return fix === fixToApply(finding) && editable(fix, canEdit);
}
function editable(fix, canEdit) {
  return fix.edits.length > 0 && fix.edits.every((e) => canEdit(e.file));
}
function editsOverlap(a, b) {
  return a.start === b.start || a.start < b.end && b.start < a.end;
}
function selectFixes(findings, textOf, canEdit) {
  const edits = /* @__PURE__ */ new Map();
  const indexes = /* @__PURE__ */ new Map();
  const indexOf = (file) => {
    if (!indexes.has(file)) {
      const text2 = textOf(file);
      indexes.set(file, text2 === void 0 ? void 0 : new LineIndex(text2));
    }
    return indexes.get(file);
  };
  const fixes = [];
  let deferred = 0;
  const seen = /* @__PURE__ */ new Set();
  for (const finding of findings) {
    const fix = fixToApply(finding);
    if (!fix || !editable(fix, canEdit)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const converted = [];
    for (const edit of fix.edits) {
      const index = indexOf(edit.file);
      if (!index) break;
      converted.push({ file: edit.file, edit: toOffsets(index, edit) });
    }
    if (converted.length < fix.edits.length) continue;
    const clashes = converted.some(
      ({ file, edit }, i2) => (edits.get(file) ?? []).some((taken) => editsOverlap(taken, edit)) || converted.slice(0, i2).some((other) => other.file === file && editsOverlap(other.edit, edit))
    );
    if (clashes) {
      deferred++;
      continue;
    }
    for (const { file, edit } of converted) edits.set(file, [...edits.get(file) ?? [], edit]);
    fixes.push(fix);
  }
  return { fixes, edits, deferred };
}
function toOffsets(index, edit) {
  const start2 = index.offsetAt(edit.range.start);
  const end = Math.max(start2, index.offsetAt(edit.range.end));
  return { start: start2, end, newText: edit.newText };
}
function applyOffsetEdits(text2, edits) {
  let result = text2;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

// server/src/cli/fix.ts
function applyFixes(findings, textOf, canEdit) {
  const selection = selectFixes(findings, textOf, canEdit);
  const changed = /* @__PURE__ */ new Map();
  for (const [file, edits] of selection.edits) {
    const text2 = textOf(file);
    if (text2 === void 0) continue;
    const next = applyOffsetEdits(text2, edits);
    if (next !== text2) changed.set(file, next);
  }
  return { changed, applied: selection.fixes.length, deferred: selection.deferred };
}

// server/src/cli/formats.ts
var path15 = __toESM2(require("path"));
var import_url = require("url");

// server/src/cli/codequality.ts
var import_crypto = require("crypto");
var CODEQUALITY_SEVERITY = {
  error: "major",
  warning: "minor",
  information: "info",
  hint: "info"
};
function codequality(report) {
  const seen = /* @__PURE__ */ new Map();
  const issues = report.findings.map((f) => {
    const file = relativePath(report.cwd, f.file);
    const key = [f.ruleId, file, f.message].join("\0");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: "issue",
      check_name: f.ruleId,
      description: f.message,
      severity: CODEQUALITY_SEVERITY[f.severity],
      fingerprint: (0, import_crypto.createHash)("sha256").update(`${key}\0${occurrence}`).digest("hex"),
      location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } }
    };
  });
  return JSON.stringify(issues, null, 2) + "\n";
}

// server/src/cli/formats.ts
var COLORS2 = {
  error: "\x1B[31m",
  warning: "\x1B[33m",
  information: "\x1B[36m",
  hint: "\x1B[90m",
  dim: "\x1B[2m",
  reset: "\x1B[0m",
  bold: "\x1B[1m"
};
function paint(color, code, text2) {
  return color ? `${code}${text2}${COLORS2.reset}` : text2;
}
var FRAME_WIDTH = 120;
function codeFrame(text2, finding, color) {
  const lines = text2.split(/\r\n|\r|\n/);
  const { start: start2, end } = finding.range;
  const first = Math.max(0, start2.line - 2);
  const last = Math.min(lines.length - 1, start2.line + 1);
  const width2 = String(last + 1).length;
  const longest = Math.max(...lines.slice(first, last + 1).map((l) => l.length));
  const from = longest > FRAME_WIDTH ? Math.max(0, start2.character - 40) : 0;
  const clip2 = (line) => {
    if (longest <= FRAME_WIDTH) return line;
    const part = line.slice(from, from + FRAME_WIDTH);
    return `${from > 0 && line.length > 0 ? "\u2026" : ""}${part}${line.length > from + FRAME_WIDTH ? "\u2026" : ""}`;
  };
  const lead = longest > FRAME_WIDTH && from > 0 ? 1 : 0;
  const out2 = [];
  for (let line = first; line <= last; line++) {
    const marker = line === start2.line ? ">" : " ";
    out2.push(`  ${marker} ${String(line + 1).padStart(width2)} | ${printable(clip2(lines[line]))}`.trimEnd());
    if (line === start2.line) {
      const lineEnd = end.line === start2.line ? end.character : lines[line].length;
      const visibleEnd = Math.min(lineEnd, from + FRAME_WIDTH);
      const carets = "^".repeat(Math.max(1, visibleEnd - start2.character));
      out2.push(`    ${" ".repeat(width2)} | ${" ".repeat(start2.character - from + lead)}${paint(color, COLORS2[finding.severity], carets)}`);
    }
  }
  return out2.join("\n");
}
function summary(report) {
  const count = (severity) => report.findings.filter((f) => f.severity === severity).length;
  const parts2 = [
    `${count("error")} error(s)`,
    `${count("warning")} warning(s)`,
    `${count("information")} info`,
    `${count("hint")} hint(s)`
  ];
  return `${parts2.join(", ")} in ${report.fileCount} file(s) checked`;
}
var MESSAGE_WIDTH = 98;
function messageLines(message) {
  const problem = firstSentence(message);
  const lines = [`  ${problem}`];
  let line = "";
  for (const word of message.slice(problem.length).trim().split(/ +/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > MESSAGE_WIDTH) {
      lines.push(`  ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`  ${line}`);
  return lines;
}
var text = (report, { color }) => {
  const out2 = [];
  for (const finding of report.findings) {
    const where2 = `${printable(relativePath(report.cwd, finding.file))}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out2.push(
      `${paint(color, COLORS2.bold, where2)} ${paint(color, COLORS2[finding.severity], finding.severity)} ${paint(color, COLORS2.dim, finding.ruleId)}`
    );
    out2.push(...messageLines(printable(finding.message)));
    const source = report.readText(finding.file);
    if (source !== void 0) out2.push(codeFrame(source, finding, color));
    out2.push("");
  }
  out2.push(summary(report));
  return out2.join("\n") + "\n";
};
var compact = (report) => report.findings.map(
  (f) => `${printable(relativePath(report.cwd, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.ruleId}] ${printable(f.message)}`
).join("\n") + (report.findings.length > 0 ? "\n" : "");
var json = (report) => {
  const diagnostics = report.findings.map((f) => ({
    file: relativePath(report.cwd, f.file),
    range: f.range,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      // Whether `--fix` (and the editor's fix-all) applies it: the shared fix policy.
      appliedByFix: isAppliedFix(f, fix, report.canFix),
      edits: fix.edits.map(
        (e) => e.file === f.file ? { range: e.range, newText: e.newText } : { file: relativePath(report.cwd, e.file), range: e.range, newText: e.newText }
      )
    }))
  }));
  return JSON.stringify({ version: 1, files: report.fileCount, diagnostics }, null, 2) + "\n";
};
var SARIF_LEVEL = {
  error: "error",
  warning: "warning",
  information: "note",
  hint: "note"
};
function pascalCase(id10) {
  return id10.split(/[^A-Za-z0-9]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}
function firstParagraph(markdown) {
  const paragraphs = markdown.replace(/\r\n/g, "\n").split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0 && !p.startsWith("#") && !p.startsWith("```") && !p.startsWith("|"));
  const first = paragraphs[0];
  if (!first) return void 0;
  return first.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "").replace(/\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, "").replace(/\s+/g, " ");
}
function sarifRegion(range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1
  };
}
function artifactLocation(report, file) {
  const relative7 = path15.relative(report.cwd, file);
  if (relative7.startsWith("..") || path15.isAbsolute(relative7)) return { uri: (0, import_url.pathToFileURL)(file).href };
  return { uri: relative7.split(path15.sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}
var sarif = (report) => {
  const used = new Set(report.findings.map((f) => f.ruleId));
  const ruleList = [
    ...RULES.map((r) => ({ id: r.meta.id, defaultSeverity: r.meta.defaultSeverity, summary: r.meta.summary })),
    ...PSEUDO_RULES.filter((r) => used.has(r.id))
  ];
  const index = new Map(ruleList.map((r, i2) => [r.id, i2]));
  const rules = ruleList.map((r) => {
    const doc = report.tool.readDoc(r.id);
    const helpUri = report.tool.helpUri(r.id);
    return {
      id: r.id,
      name: pascalCase(r.id),
      shortDescription: { text: r.summary },
      fullDescription: { text: (doc && firstParagraph(doc)) ?? r.summary },
      // The help travels in the log itself: there may be no public page to link to.
      help: doc ? { text: doc, markdown: doc } : { text: r.summary, markdown: r.summary },
      ...helpUri ? { helpUri } : {},
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: { tags: ["terraform", "load-balancer", "client-ip"] }
    };
  });
  const results = report.findings.map((f) => {
    const ruleIndex = index.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...ruleIndex !== void 0 ? { ruleIndex } : {},
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report, f.file), region: sarifRegion(f.range) } }],
      ...f.related.length > 0 ? {
        relatedLocations: f.related.map((r, i2) => ({
          id: i2 + 1,
          physicalLocation: { artifactLocation: artifactLocation(report, r.file), region: sarifRegion(r.range) },
          message: { text: r.message }
        }))
      } : {},
      ...f.fixes.length > 0 ? {
        fixes: f.fixes.map((fix) => {
          const byFile = /* @__PURE__ */ new Map();
          for (const edit of fix.edits) byFile.set(edit.file, [...byFile.get(edit.file) ?? [], edit]);
          return {
            description: { text: fix.title },
            artifactChanges: [...byFile].map(([file, edits]) => ({
              artifactLocation: artifactLocation(report, file),
              replacements: edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } }))
            }))
          };
        })
      } : {}
    };
  });
  const informationUri = report.tool.informationUri;
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ELB Lens",
            ...informationUri ? { informationUri } : {},
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules
          }
        },
        // No URI for the base: it would be a path on the machine that ran the check (a CI
        // runner's checkout). Code scanning resolves %SRCROOT% against the repository root.
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The folder elb-lens check ran in." } } },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true }],
        results
      }
    ]
  };
  return JSON.stringify(log, null, 2) + "\n";
};
var xml2 = xmlText;
function where(report, f) {
  return `${relativePath(report.cwd, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}
var junit = (report) => {
  const byFile = /* @__PURE__ */ new Map();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) byFile.set(f.file, [...byFile.get(f.file) ?? [], f]);
  const suites = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const [file, findings] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
    const name2 = relativePath(report.cwd, file);
    const ruleIds = [...report.enabledRules(file)];
    for (const f of findings) if (!ruleIds.includes(f.ruleId)) ruleIds.push(f.ruleId);
    const cases = [];
    let failures = 0;
    for (const ruleId of ruleIds) {
      const ofRule = findings.filter((f) => f.ruleId === ruleId);
      const failing = ofRule.filter((f) => atLeast(f.severity, report.minSeverity));
      const lines = (list) => list.map((f) => `${where(report, f)} ${f.severity}: ${f.message}`).join("\n");
      let body2 = "";
      if (failing.length > 0) {
        failures++;
        const message = failing.length === 1 ? failing[0].message : `${failing.length} findings of ${ruleId}`;
        body2 += `
      <failure message="${xml2(message)}" type="${xml2(failing[0].severity)}">${xml2(lines(failing))}</failure>`;
      }
      const below = ofRule.filter((f) => !failing.includes(f));
      if (below.length > 0) body2 += `
      <system-out>${xml2(lines(below))}</system-out>`;
      cases.push(`    <testcase name="${xml2(ruleId)}" classname="${xml2(name2)}"${body2 ? `>${body2}
    </testcase>` : " />"}`);
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${xml2(name2)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">` + (cases.length > 0 ? `
${cases.join("\n")}
  </testsuite>` : "</testsuite>")
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="elb-lens" tests="${totalTests}" failures="${totalFailures}" errors="0">
` + suites.map((s) => s + "\n").join("") + "</testsuites>\n";
};
var CHECKSTYLE_SEVERITY = { error: "error", warning: "warning", information: "info", hint: "info" };
var checkstyle = (report) => {
  const byFile = /* @__PURE__ */ new Map();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) byFile.set(f.file, [...byFile.get(f.file) ?? [], f]);
  const out2 = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
    const name2 = xml2(relativePath(report.cwd, file));
    if (findings.length === 0) {
      out2.push(`  <file name="${name2}" />`);
      continue;
    }
    out2.push(`  <file name="${name2}">`);
    for (const f of findings) {
      out2.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${xml2(f.message)}" source="elb-lens.${xml2(f.ruleId)}" />`
      );
    }
    out2.push("  </file>");
  }
  out2.push("</checkstyle>");
  return out2.join("\n") + "\n";
};
var FORMATTERS = { text, compact, json, sarif, junit, checkstyle, codequality };

// server/src/cli/main.ts
var EXIT_CLEAN = 0;
var EXIT_ERROR = 1;
var EXIT_FINDINGS = 2;
var MAX_FIX_PASSES = 10;
var PARALLEL_MIN_FILES = 200;
var DEFAULT_PARALLEL_MIN_FILES = 1e4;
async function runCli(argv, io) {
  try {
    const args2 = parseArgs(argv);
    switch (args2.command) {
      case "help":
        io.stdout(args2.of ? COMMAND_USAGE[args2.of] : USAGE);
        return EXIT_CLEAN;
      case "version":
        io.stdout(`${readPackageJson(io.packageRoot).version ?? "unknown"}
`);
        return EXIT_CLEAN;
      case "rules":
        for (const rule of RULES) io.stdout(`${rule.meta.id.padEnd(32)} ${rule.meta.defaultSeverity.padEnd(12)} ${rule.meta.summary}
`);
        for (const pseudo of PSEUDO_RULES) io.stdout(`${pseudo.id.padEnd(32)} ${pseudo.defaultSeverity.padEnd(12)} ${pseudo.summary}
`);
        return EXIT_CLEAN;
      case "explain":
        io.stdout(explain(args2.ruleId, io.packageRoot));
        return EXIT_CLEAN;
      case "check":
        return await check(args2, io);
      case "graph":
        return await graph(args2, io, { environmentVariables: environmentVariables(io.env ?? process.env), writeFile: writeOutput });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`elb-lens: ${error.message}

${error.command ? COMMAND_USAGE[error.command] : USAGE}`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError) {
      io.stderr(`elb-lens: invalid configuration: ${error.relativeTo(io.cwd)}
`);
      return EXIT_ERROR;
    }
    if (error instanceof CheckError) {
      io.stderr(`elb-lens: ${error.message}
`);
      return EXIT_ERROR;
    }
    io.stderr(`elb-lens: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return EXIT_ERROR;
  }
}
function explain(id10, packageRoot) {
  const rule = findRule(id10);
  if (rule) {
    const page2 = readTextFile(path16.join(packageRoot, rule.meta.docsUrl), 1024 * 1024);
    return page2 ?? `${rule.meta.id}: ${rule.meta.summary}
`;
  }
  const pseudo = PSEUDO_RULES.find((r) => r.id === id10);
  if (!pseudo) {
    const suggestion = closest(id10, [...RULES.map((r) => r.meta.id), ...PSEUDO_RULES.map((r) => r.id)]);
    throw new UsageError(
      `unknown rule "${id10}"${suggestion ? ` (did you mean ${suggestion}?)` : ""}; "elb-lens rules" lists them`,
      "explain"
    );
  }
  const [file, anchor] = pseudo.docsPage.split("#");
  const page = readTextFile(path16.join(packageRoot, file), 1024 * 1024);
  const text2 = page !== void 0 && anchor ? markdownSection(page, anchor) : page;
  return `${pseudo.id} (${pseudo.defaultSeverity}): ${pseudo.summary}
${text2 ? `
${text2}` : ""}`;
}
function markdownSection(page, anchor) {
  const lines = page.split("\n");
  const slug = (heading) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
  const start2 = lines.findIndex((line) => /^#+ /.test(line) && slug(line.replace(/^#+ /, "")) === anchor);
  if (start2 < 0) return void 0;
  const level = /^#+/.exec(lines[start2])?.[0].length ?? 1;
  let end = start2 + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && (/^#+/.exec(lines[end])?.[0].length ?? 0) <= level)) end++;
  return `${lines.slice(start2, end).join("\n").trimEnd()}
`;
}
var CheckError = class extends Error {
};
var CHECKED_KINDS = /* @__PURE__ */ new Set(["terraform", "terraform-json", "elb-json", "plan", "kubernetes"]);
function environmentVariables(env) {
  const variables = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("TF_VAR_") && key.length > 7 && value !== void 0) variables[key.slice(7)] = value;
  }
  return variables;
}
function progressReporter(io, total, now = Date.now) {
  if (!io.stderrIsTty || total < 2) return { tick: () => void 0, done: () => void 0 };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const time = now();
      if (time - started < 500 || time - last < 100) return;
      last = time;
      shown = true;
      io.stderr(`\r\x1B[Kelb-lens: checking ${done}/${total} files\u2026`);
    },
    done() {
      if (shown) io.stderr("\r\x1B[K");
    }
  };
}
async function createCheckSession(args2, io) {
  const env = io.env ?? process.env;
  const cliVarFiles = args2.varFiles.map((f) => path16.resolve(io.cwd, f));
  const resolver = new ConfigResolver((file) => readTextFile(file, 1024 * 1024), {
    configFile: args2.config ? path16.resolve(io.cwd, args2.config) : void 0,
    realPath: nodeFileSystem.realpath
  });
  const flags2 = {
    variables: args2.variables,
    varFiles: cliVarFiles,
    environmentVariables: environmentVariables(env),
    reportUnusedIgnores: args2.reportUnusedIgnores
  };
  const effective = /* @__PURE__ */ new Map();
  const configFor = (file) => {
    const config = resolver.forFile(file);
    let result = effective.get(config);
    if (!result) effective.set(config, result = configure({ config, host: flags2 }));
    return result;
  };
  const host = createNodeHost((message) => io.stderr(`${message}
`));
  const docsDir = path16.join(io.packageRoot, "docs", "rules");
  const service = await createElbLensService(host, {
    docsBase: docsDir + path16.sep,
    jsonFiles: (file) => namesElbJson(configFor(file), file),
    prescan: args2.prescan,
    kubernetesFiles: (file) => namesKubernetes(configFor(file), file)
  });
  return { configFor, resolver, service, docsDir };
}
function analyzeGroup(session, file, planText, wanted, log) {
  const { options } = session.configFor(file);
  if (planText !== void 0) {
    return analyzePlan(file, planText, { rules: options.rules, docsBase: session.docsDir + path16.sep, log });
  }
  const findings = [];
  for (const [moduleFile, fileFindings2] of session.service.analyzeModule(file, options)) {
    if (wanted(moduleFile)) findings.push(...fileFindings2);
  }
  return findings;
}
function groupAnalyzer(session, groups, planText, wanted, sink) {
  return (index) => {
    const logs = [];
    const file = groups[index];
    sink.lines = logs;
    try {
      return { index, findings: analyzeGroup(session, file, planText(file), wanted, (m) => logs.push(`${m}
`)), logs };
    } finally {
      sink.lines = void 0;
    }
  };
}
function callerScanner(session, files, sink) {
  return (start2, end) => {
    const logs = [];
    sink.lines = logs;
    try {
      return { start: start2, callers: session.service.callerIndexOf(files.slice(start2, end)), logs };
    } finally {
      sink.lines = void 0;
    }
  };
}
async function check(args2, io) {
  const started = Date.now();
  const formatter = Object.prototype.hasOwnProperty.call(FORMATTERS, args2.format) ? FORMATTERS[args2.format] : void 0;
  if (!formatter) throw new UsageError(`unknown format "${args2.format}"`);
  const env = io.env ?? process.env;
  for (const file of args2.varFiles.map((f) => path16.resolve(io.cwd, f))) {
    if (readTextFile(file, MAX_PLAN_BYTES) === void 0) throw new UsageError(`cannot read --var-file ${file}`);
  }
  const printed = /* @__PURE__ */ new Set();
  const sink = { lines: void 0 };
  const stderr = (m) => {
    if (sink.lines) sink.lines.push(m);
    else {
      printed.add(m);
      io.stderr(m);
    }
  };
  const session = await createCheckSession(args2, { ...io, stderr });
  const walked = walk(
    args2.paths.map((p) => path16.resolve(io.cwd, p)),
    nodeFileSystem
  );
  if (walked.missing.length > 0) throw new UsageError(`no such file or directory: ${walked.missing.join(", ")}`);
  const jobs = args2.fix ? 1 : Math.min((0, import_os.availableParallelism)(), Math.max(1, args2.jobs ?? (0, import_os.availableParallelism)()));
  const minFiles = args2.jobs === void 0 ? DEFAULT_PARALLEL_MIN_FILES : PARALLEL_MIN_FILES;
  const workers = jobs > 1 && walked.files.length >= minFiles && new Set(walked.files.map((f) => path16.dirname(f.path))).size >= 2 * jobs ? new CheckWorkers(
    __filename,
    jobs - 1,
    {
      args: args2,
      cwd: io.cwd,
      env: Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("TF_VAR_"))),
      packageRoot: io.packageRoot,
      workspaceFiles: walked.files.map((f) => f.path)
    },
    jobs
  ) : void 0;
  try {
    return await checkWalked({ args: args2, io, started, formatter, session, walked, jobs, minFiles, workers, sink, printed, stderr });
  } finally {
    workers?.terminate();
  }
}
async function checkWalked(run2) {
  const { args: args2, io, started, formatter, session, walked, jobs, minFiles, sink, printed, stderr } = run2;
  const env = io.env ?? process.env;
  const { configFor, resolver, service, docsDir } = session;
  const files = [];
  const kinds = /* @__PURE__ */ new Map();
  const planTexts = /* @__PURE__ */ new Map();
  for (const { file, kind, content } of selectFiles(walked.files, configFor, CHECKED_KINDS)) {
    files.push(file);
    kinds.set(file, kind);
    if (kind === "plan") planTexts.set(file, content.text() ?? "");
  }
  if (files.length === 0) {
    io.stderr(`elb-lens: warning: ${nothingFound(args2.paths)}
`);
  }
  const wanted = new Set(files);
  service.setWorkspaceFiles(walked.files.map((f) => f.path));
  for (const config of new Set(files.map((f) => resolver.forFile(f)))) {
    for (const varFile of config.varFiles) {
      if (readTextFile(varFile, MAX_PLAN_BYTES) === void 0) {
        throw new CheckError(`${relativePath(io.cwd, config.path)}: varFiles: cannot read ${relativePath(io.cwd, varFile)}`);
      }
    }
  }
  const groups = formUnits(
    files,
    (file) => file,
    (file) => kinds.get(file) ?? "other"
  ).map((unit) => unit.members[0]);
  const isWanted = (file) => (wanted.has(file) || isLockFile(file)) && !planTexts.has(file);
  const log = (m) => stderr(`${m}
`);
  const print = (lines) => {
    for (const line of lines) {
      if (printed.has(line)) continue;
      printed.add(line);
      io.stderr(line);
    }
  };
  const analyzeAll = (showProgress) => {
    const progress = showProgress ? progressReporter(io, groups.length) : progressReporter({ ...io, stderrIsTty: false }, 0);
    const findings2 = [];
    groups.forEach((file, done) => {
      progress.tick(done);
      findings2.push(...analyzeGroup(session, file, planTexts.get(file), isWanted, log));
    });
    progress.done();
    return sortFindings(findings2);
  };
  const workers = groups.length >= 2 * jobs && files.length >= minFiles ? run2.workers : void 0;
  if (!workers) run2.workers?.terminate();
  let unparsed;
  let perThread;
  const canFix = (file) => wanted.has(file) && !planTexts.has(file);
  let findings;
  if (args2.fix) {
    const result = fixAll(service, analyzeAll, canFix, args2.dryRun);
    findings = result.findings;
    unparsed = service.stats().unparsedTerraformFiles;
    const fileCount = result.originals.size;
    if (args2.dryRun) {
      const diffs = [...result.originals].sort((a, b) => a[0].localeCompare(b[0])).map(([file, original]) => {
        const name2 = relativePath(io.cwd, file);
        return unifiedDiff(`a/${name2}`, `b/${name2}`, original, service.documentText(file) ?? original);
      });
      io.stdout(diffs.join(""));
      io.stderr(`elb-lens: ${result.applied} fix(es) would change ${fileCount} file(s); ${remaining(findings, args2.minSeverity)}
`);
    } else {
      io.stderr(`elb-lens: applied ${result.applied} fix(es) to ${fileCount} file(s)
`);
    }
  } else if (workers) {
    const scan = callerScanner(
      session,
      walked.files.map((f) => f.path),
      sink
    );
    const parts2 = [];
    for (let range = workers.scan.takeFront(); range; range = workers.scan.takeFront()) parts2.push(scan(...range));
    parts2.push(...await workers.scanned());
    parts2.sort((a, b) => a.start - b.start);
    for (const part of parts2) print(part.logs);
    const callers = mergeCallers(parts2);
    service.useCallerIndex(callers);
    const queue = ChunkQueue.create(groups.length, chunkSize(groups.length, jobs), workers.count);
    workers.run({ groups, plans: Object.fromEntries(planTexts), wanted: [...wanted], callers, analysis: queue.shape });
    if (io.workersFirst) await workers.started();
    const analyze = groupAnalyzer(session, groups, (f) => planTexts.get(f), isWanted, sink);
    const progress = progressReporter(io, groups.length);
    const mine = [];
    for (let range = queue.takeFront(); range; range = queue.takeFront()) {
      for (let index = range[0]; index < range[1]; index++) {
        progress.tick(queue.taken());
        mine.push(analyze(index));
      }
    }
    progress.done();
    const theirs = await workers.finish(queue);
    const byIndex = new Array(groups.length);
    for (const result of [mine, ...theirs.map((t) => t.groups)]) for (const group of result) byIndex[group.index] = group;
    findings = [];
    for (const [index, group] of byIndex.entries()) {
      if (!group) throw new Error(`group ${index} (${groups[index]}) was analysed by no thread`);
      print(group.logs);
      findings.push(...group.findings);
    }
    findings = sortFindings(findings);
    unparsed = (/* @__PURE__ */ new Set([...service.stats().unparsedTerraformPaths, ...theirs.flatMap((t) => t.unparsed)])).size;
    perThread = [mine.length, ...theirs.map((t) => t.groups.length)];
  } else {
    findings = analyzeAll(true);
    unparsed = service.stats().unparsedTerraformFiles;
  }
  if (args2.verbose) {
    io.stderr(
      `elb-lens: ${walked.files.length} file(s) found, ${files.length} checked in ${groups.length} group(s) (${threadsText(perThread)}); ${unparsed} Terraform file(s) not parsed (a scan showed they cannot matter); ${findings.length} finding(s) in ${Date.now() - started} ms
`
    );
  }
  const tool = toolInfo(io.packageRoot, docsDir);
  const report = {
    fileCount: files.length,
    files,
    findings,
    cwd: io.cwd,
    readText: (f) => planTexts.get(f) ?? service.documentText(f),
    minSeverity: args2.minSeverity,
    enabledRules: (file) => {
      const rules = configFor(file).options.rules ?? {};
      return RULES.map((r) => r.meta.id).filter((id10) => rules[id10] !== "off");
    },
    canFix,
    tool
  };
  const color = args2.color ?? (io.isTty && !args2.output && !env.NO_COLOR);
  if (args2.output) {
    const target = path16.resolve(io.cwd, args2.output);
    try {
      writeOutput(target, formatter(report, { color: false }));
    } catch (error) {
      throw new CheckError(`cannot write ${args2.output}: ${writeFailure(error)}`);
    }
  } else if (!args2.dryRun) io.stdout(formatter(report, { color }));
  if (files.length === 0 && args2.failOnEmpty) return EXIT_ERROR;
  return findings.some((f) => atLeast(f.severity, args2.minSeverity)) ? EXIT_FINDINGS : EXIT_CLEAN;
}
function threadsText(perThread) {
  if (!perThread) return "one thread";
  const tookPart = perThread.filter((n2) => n2 > 0).length;
  return `${tookPart} of ${perThread.length} threads analysed groups: ${perThread.join(" + ")}`;
}
function remaining(findings, minSeverity) {
  const failing = findings.filter((f) => atLeast(f.severity, minSeverity)).length;
  return `${findings.length} finding(s) would remain, ${failing} at or above ${minSeverity}`;
}
function fixAll(service, analyzeAll, canEdit, dryRun) {
  const originals = /* @__PURE__ */ new Map();
  let applied = 0;
  let findings = analyzeAll(true);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const selection = applyFixes(findings, (file) => service.documentText(file), canEdit);
    if (selection.changed.size === 0) break;
    for (const [file, text2] of selection.changed) {
      if (!originals.has(file)) originals.set(file, service.documentText(file) ?? "");
      if (dryRun) service.openDocument(file, text2);
      else {
        try {
          writeOutput(file, text2);
        } catch (error) {
          throw new CheckError(`cannot write the fixes to ${file}: ${writeFailure(error)}`);
        }
        service.fileChanged(file);
      }
    }
    applied += selection.applied;
    findings = analyzeAll(false);
  }
  for (const [file, original] of originals) if (service.documentText(file) === original) originals.delete(file);
  return { findings, applied, originals };
}
function readPackageJson(packageRoot) {
  try {
    return JSON.parse(fs6.readFileSync(path16.join(packageRoot, "package.json"), "utf8"));
  } catch {
    return {};
  }
}
function toolInfo(packageRoot, docsDir) {
  const pkg = readPackageJson(packageRoot);
  const links = projectLinks(pkg);
  return {
    version: pkg.version ?? "0.0.0",
    informationUri: links.home,
    helpUri: (id10) => links.rulePage(id10),
    readDoc: (id10) => readTextFile(path16.join(docsDir, `${id10}.md`), 1024 * 1024)
  };
}
function findPackageRoot(start2) {
  let dir = start2;
  for (let i2 = 0; i2 < 6; i2++) {
    if (fs6.existsSync(path16.join(dir, "package.json")) && fs6.existsSync(path16.join(dir, "docs"))) return dir;
    dir = path16.dirname(dir);
  }
  return start2;
}
function main() {
  endOnStdioErrors(EXIT_ERROR);
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    packageRoot: findPackageRoot(__dirname)
  }).then((code) => {
    process.exitCode = code;
  });
}
async function checkWorker(init2) {
  const sink = { lines: void 0 };
  const session = await createCheckSession(init2.args, {
    cwd: init2.cwd,
    env: init2.env,
    packageRoot: init2.packageRoot,
    stderr: (m) => sink.lines?.push(m)
  });
  session.service.setWorkspaceFiles(init2.workspaceFiles);
  let analyze;
  return {
    scan: callerScanner(session, init2.workspaceFiles, sink),
    begin(task) {
      session.service.useCallerIndex(task.callers);
      const wanted = new Set(task.wanted);
      const isWanted = (file) => (wanted.has(file) || isLockFile(file)) && task.plans[file] === void 0;
      analyze = groupAnalyzer(session, task.groups, (f) => task.plans[f], isWanted, sink);
    },
    analyze(index) {
      if (!analyze) throw new Error("a check worker analyses groups only after it has them");
      return analyze(index);
    },
    unparsed: () => session.service.stats().unparsedTerraformPaths
  };
}
if (isCheckWorker()) runCheckWorker(checkWorker);
else if (require.main === module) main();

// server/src/action/main.ts
var fs8 = __toESM2(require("fs"));
var path17 = __toESM2(require("path"));

// server/src/action/summary.ts
var MAX_ROWS = 200;
var MAX_MAP_CHARS = 4e5;
var ICON = { error: "\u{1F534} error", warning: "\u{1F7E1} warning", information: "\u{1F535} information", hint: "\u26AA hint" };
var cell = markdownText;
function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}
function findingsSummary(diagnostics, exitCode, map) {
  const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  const out2 = ["## ELB Lens", ""];
  out2.push(
    diagnostics.length === 0 ? "No findings." : `${plural(count("error"), "error", "errors")}, ${plural(count("warning"), "warning", "warnings")}, ${count("information")} information, ${plural(count("hint"), "hint", "hints")}` + (exitCode === 0 ? " (none at or above the failing severity)." : "."),
    ""
  );
  if (diagnostics.length > 0) {
    out2.push("| where | severity | rule | finding |", "|---|---|---|---|");
    for (const d of diagnostics.slice(0, MAX_ROWS)) {
      out2.push(
        `| \`${cell(`${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`)}\` | ${ICON[d.severity]} | \`${d.ruleId}\` | ${cell(d.message)} |`
      );
    }
    if (diagnostics.length > MAX_ROWS) out2.push("", `\u2026 and ${diagnostics.length - MAX_ROWS} more in the report file.`);
    out2.push("");
  }
  if (map !== void 0 && map.trim() !== "") {
    out2.push("### Client IP map", "");
    out2.push(
      map.length <= MAX_MAP_CHARS ? map.trimEnd() : `The map is too large for a job summary (${map.length} characters): run \`elb-lens graph\` locally.`
    );
    out2.push("");
  }
  return out2.join("\n") + "\n";
}

// server/src/action/workflow.ts
var fs7 = __toESM2(require("fs"));
function input(env, name2) {
  return (env[`INPUT_${name2.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function listInput(env, name2) {
  const value = input(env, name2);
  if (value === "") return [];
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  return (lines.length > 1 ? lines : value.split(/\s+/)).filter((item) => item !== "");
}
function booleanInput(env, name2, fallback) {
  const value = input(env, name2).toLowerCase();
  if (value === "") return fallback;
  return !["false", "no", "off", "0"].includes(value);
}
function escapeData(text2) {
  return text2.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text2) {
  return escapeData(text2).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(command, properties, message) {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}
`;
}
function setOutputs(env, outputs) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name2, value]) => {
    const text2 = String(value);
    if (!/[\r\n]/.test(text2)) return `${name2}=${text2}
`;
    const delimiter = `elb_lens_${Math.random().toString(36).slice(2)}`;
    return `${name2}<<${delimiter}
${text2}
${delimiter}
`;
  });
  fs7.appendFileSync(file, lines.join(""));
}
function appendSummary(env, markdown) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) fs7.appendFileSync(file, markdown);
}

// server/src/action/main.ts
var COMMAND = { error: "error", warning: "warning", information: "notice", hint: "notice" };
async function runAction(env, write, packageRoot) {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const paths = listInput(env, "paths");
  const format2 = input(env, "format") || "sarif";
  const output = input(env, "output") || "elb-lens.sarif";
  const minSeverity = input(env, "min-severity");
  const config = input(env, "config");
  const shared = [
    ...paths.length > 0 ? paths : ["."],
    ...config ? ["--config", config] : [],
    ...listInput(env, "var-files").flatMap((file) => ["--var-file", file])
  ];
  const cli = async (argv) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      cwd: workspace,
      stdout: (t) => stdout += t,
      stderr: (t) => stderr += t,
      isTty: false,
      env,
      packageRoot
    });
    return { code, stdout, stderr };
  };
  fs8.mkdirSync(path17.dirname(path17.resolve(workspace, output)), { recursive: true });
  const report = await cli([
    "check",
    ...shared,
    "--format",
    format2,
    "--output",
    output,
    ...minSeverity ? ["--min-severity", minSeverity] : []
  ]);
  if (report.stderr) write(report.stderr);
  if (report.code === 1) {
    const reason = report.stderr.split("\n").find((line) => line.trim() !== "") ?? "elb-lens check failed";
    write(workflowCommand("error", { title: "ELB Lens" }, reason));
    setOutputs(env, { "exit-code": 1 });
    return 1;
  }
  const listed = await cli(["check", ...shared, "--format", "json"]);
  const diagnostics = JSON.parse(listed.stdout).diagnostics;
  for (const d of diagnostics) {
    const properties = {
      file: d.file,
      line: d.range.start.line + 1,
      endLine: d.range.end.line + 1,
      col: d.range.start.character + 1,
      ...d.range.end.line === d.range.start.line ? { endColumn: d.range.end.character + 1 } : {},
      title: d.ruleId
    };
    write(workflowCommand(COMMAND[d.severity], properties, d.message));
  }
  const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  setOutputs(env, {
    "sarif-file": format2 === "sarif" ? output : "",
    "report-file": output,
    "exit-code": report.code,
    errors: count("error"),
    warnings: count("warning"),
    information: count("information"),
    hints: count("hint")
  });
  if (booleanInput(env, "summary", true)) {
    const map = await cli(["graph", ...shared, "--format", "markdown"]);
    appendSummary(env, findingsSummary(diagnostics, report.code, map.code === 0 ? map.stdout : void 0));
  }
  return report.code === 0 ? 0 : 1;
}
function actionMain() {
  void runAction(process.env, (t) => process.stdout.write(t), findPackageRoot(__dirname)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stdout.write(
        workflowCommand("error", { title: "ELB Lens" }, error instanceof Error ? error.stack ?? error.message : String(error))
      );
      process.exitCode = 1;
    }
  );
}

// server/src/action/entry.ts
if (require.main === module && !isCheckWorker()) main();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  actionMain,
  main
});
