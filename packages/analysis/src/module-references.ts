/**
 * Writing a reference to a core module member into a file: through a binding the file already has
 * (`fs.promises.readFile` where `fs` is the module object, `fsp.readFile`, an imported `readFile`),
 * or through a new import in the file's own style — `import` or `require`, `node:` or bare
 * specifiers, its quotes and semicolons.
 */
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { moduleBindingOf, normalizeModuleName, requireSource } from './modules';
import { findVariable, innermostScope } from './scope';
import { walk } from './walk';
import { PerFile } from './per-file';

/** A reference to write at a site, and the import it needs (none when a binding is already there). */
export interface ModuleReference {
  readonly text: string;
  /** The words the reference and its import add to the file, for the plan's vocabulary. */
  readonly words: readonly string[];
  /** A named import to add, or `null`. */
  readonly needsImport: { readonly module: string; readonly name: string } | null;
}

/** How a module member is reached from another module's object: `fs/promises` from `fs` as `fs.promises`. */
export interface ModuleAlias {
  readonly module: string;
  readonly member: string;
}

interface Candidate {
  readonly variable: Variable;
  readonly module: string;
  readonly member: string | null;
}

const moduleCandidates = new PerFile<readonly Candidate[]>();

/** The file's top-level import and `require` bindings, resolved once per file. */
function candidatesOf(file: AnalysisFile): readonly Candidate[] {
  const cached = moduleCandidates.get(file);
  if (cached) return cached;
  const out: Candidate[] = [];
  const top = topScope(file);
  for (const variable of top?.variables ?? []) {
    const binding = moduleBindingOf(variable);
    if (binding) out.push({ variable, module: normalizeModuleName(binding.source), member: binding.member });
  }
  moduleCandidates.set(file, out);
  return out;
}

/**
 * The module scope, CommonJS's function scope around the whole program (`.cjs`, parsed with
 * `globalReturn`), or the global scope of a script: where top-level declarations live.
 */
function topScope(file: AnalysisFile): Scope | null {
  const global = file.scopeManager.globalScope;
  if (!global) return null;
  const module = global.childScopes.find((s) => s.type === 'module' || (s.type === 'function' && s.block.type === 'Program'));
  return module ?? global;
}

export interface ReferenceOptions {
  /**
   * When `member`'s own name is taken, import the alias's member instead and reach the member through
   * it (`promises.readFile`, with `promises` imported from `fs`): what a file that imports the callback
   * API `readFile` by name needs for its twin.
   */
  readonly viaAliasImport?: boolean;
}

/**
 * How to write `module.member` at `site`: through an existing binding visible there, else a new
 * named import of `member` when that name is free in the file (or, with `viaAliasImport`, of the
 * alias's member); `null` when none works.
 */
export function referenceTo(
  file: AnalysisFile,
  site: TSESTree.Node,
  module: string,
  member: string,
  alias?: ModuleAlias,
  options: ReferenceOptions = {},
): ModuleReference | null {
  const scope = innermostScope(file.scopeManager, site);
  const visible = (variable: Variable) => findVariable(scope, variable.name) === variable;
  for (const candidate of candidatesOf(file)) {
    if (!visible(candidate.variable)) continue;
    const name = candidate.variable.name;
    if (candidate.module === module && candidate.member === member) return { text: name, words: [name], needsImport: null };
    if (candidate.module === module && candidate.member === null) {
      return { text: `${name}.${member}`, words: [name, member], needsImport: null };
    }
    if (alias && candidate.module === alias.module && candidate.member === alias.member) {
      return { text: `${name}.${member}`, words: [name, member], needsImport: null };
    }
    if (alias && candidate.module === alias.module && candidate.member === null) {
      return { text: `${name}.${alias.member}.${member}`, words: [name, alias.member, member], needsImport: null };
    }
  }
  if (isNameFree(file, scope, member)) return { text: member, words: [member], needsImport: { module, name: member } };
  if (options.viaAliasImport && alias && isNameFree(file, scope, alias.member)) {
    return { text: `${alias.member}.${member}`, words: [alias.member, member], needsImport: { module: alias.module, name: alias.member } };
  }
  return null;
}

/** Whether a new top-level binding `name` would clash with nothing and be what `name` means at the site. */
export function isNameFree(file: AnalysisFile, siteScope: Scope | null, name: string): boolean {
  if (findVariable(siteScope, name)) return false;
  const global = file.scopeManager.globalScope;
  if (!global) return false;
  if (global.set.has(name)) return false;
  // An undeclared global the file uses (`readFile` from elsewhere) would be shadowed by the import.
  return !global.through.some((reference) => reference.identifier.name === name);
}

/** How the file writes its imports: ESM or `require`, `node:` or bare, its quote and its semicolons. */
interface ImportStyle {
  readonly esm: boolean;
  readonly nodeScheme: boolean;
  readonly quote: string;
  readonly semicolon: boolean;
  /** The top-level statement the new import goes after, or `null` for before the first statement. */
  readonly after: TSESTree.Node | null;
}

function importStyleOf(file: AnalysisFile): ImportStyle {
  const body = file.ast.body;
  let lastImport: TSESTree.Node | null = null;
  let lastRequire: TSESTree.Node | null = null;
  let sample: { source: string; raw: string; statement: TSESTree.Node } | null = null;
  let nodeScheme: boolean | null = null;
  for (const statement of body) {
    let literal: TSESTree.StringLiteral | null = null;
    if (statement.type === 'ImportDeclaration') {
      lastImport = statement;
      literal = statement.source;
    } else if (statement.type === 'VariableDeclaration') {
      const init = statement.declarations[0]?.init;
      let root: TSESTree.Node | null | undefined = init;
      while (root?.type === 'MemberExpression') root = root.object;
      if (requireSource(root) !== null && root?.type === 'CallExpression') {
        lastRequire = statement;
        const argument = root.arguments[0];
        if (argument?.type === 'Literal' && typeof argument.value === 'string') literal = argument;
      }
    }
    if (literal) {
      sample ??= { source: literal.value, raw: literal.raw, statement };
      if (literal.value.startsWith('node:')) nodeScheme ??= true;
      else if (isCoreModule(literal.value)) nodeScheme ??= false;
    }
  }
  // A file with neither imports nor requires is CommonJS when it uses `module`, `exports` or `require` as globals.
  const commonJsGlobals = lastImport === null && lastRequire === null && usesCommonJsGlobals(file);
  const esm = lastImport !== null || (lastRequire === null && file.ast.sourceType === 'module' && !commonJsGlobals);
  const anchor = esm ? lastImport : lastRequire;
  const quote = sample ? (sample.raw.startsWith('"') ? '"' : "'") : quoteOfStrings(file);
  const styleStatement = anchor ?? sample?.statement ?? null;
  const semicolon = styleStatement ? file.text.slice(styleStatement.range[0], styleStatement.range[1]).trimEnd().endsWith(';') : true;
  return { esm, nodeScheme: nodeScheme ?? true, quote, semicolon, after: anchor };
}

/**
 * The quote a file without imports writes its strings with: the one most of its string literals use
 * (a JSX attribute's quotes are JSX's, and a string holding a quote may have picked the other one to
 * avoid escaping it); single quotes when it has none or as many of each.
 */
function quoteOfStrings(file: AnalysisFile): string {
  let double = 0;
  let single = 0;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'JSXAttribute') return false;
    if (node.type === 'Literal' && typeof node.value === 'string' && !/['"]/.test(node.value)) {
      if (node.raw.startsWith('"')) double++;
      else single++;
    }
    return true;
  });
  return double > single ? '"' : "'";
}

function usesCommonJsGlobals(file: AnalysisFile): boolean {
  const through = file.scopeManager.globalScope?.through ?? [];
  return through.some((reference) => reference.identifier.name === 'module' || reference.identifier.name === 'exports' || reference.identifier.name === 'require');
}

const coreModules = new Set(['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'readline', 'stream', 'timers', 'url', 'util', 'zlib']);

function isCoreModule(source: string): boolean {
  return coreModules.has(source.split('/')[0] ?? source);
}

/** Whether the file loads modules with `require` (it has `require` declarations and no `import`, or is a script). */
export function importsWithRequire(file: AnalysisFile): boolean {
  return !importStyleOf(file).esm;
}

/** An import to add: a named member of a Node core module unless `package` (a package or a relative path, written as given). */
export interface NewImport {
  readonly module: string;
  readonly name: string;
  /** A package or relative specifier: written as given, never with `node:`. */
  readonly package?: boolean;
  /** Bind the module's default export to `name` (`import pMap from 'p-map'`); ES module files only. */
  readonly default?: boolean;
}

/**
 * One text edit that adds the named imports to the file, in its style, after its last import (or
 * `require` declaration), or before its first statement; with the words it adds. Imports from one
 * module share a statement. `null` when there is no place for them, or a default import is asked
 * of a file that loads modules with `require`.
 */
export function importEdit(
  file: AnalysisFile,
  imports: readonly NewImport[],
): { readonly edits: readonly { readonly range: readonly [number, number]; readonly text: string }[]; readonly words: readonly string[] } | null {
  if (imports.length === 0) return null;
  const style = importStyleOf(file);
  const byModule = new Map<string, string[]>();
  const packages = new Set<string>();
  const defaults: NewImport[] = [];
  for (const entry of imports) {
    const { module, name } = entry;
    if (entry.default) {
      if (!style.esm) return null;
      defaults.push(entry);
      continue;
    }
    if (entry.package) packages.add(module);
    const names = byModule.get(module) ?? [];
    if (!names.includes(name)) names.push(name);
    byModule.set(module, names);
  }
  const edits: { range: readonly [number, number]; text: string }[] = [];
  const words: string[] = [];
  const lines: string[] = [];
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const semi = style.semicolon ? ';' : '';
  for (const { module, name } of defaults) {
    const specifier = `${style.quote}${module}${style.quote}`;
    lines.push(`import ${name} from ${specifier}${semi}`);
    words.push('import', name, 'from', specifier);
  }
  for (const [module, names] of byModule) {
    // A module the file already imports by name gets the new names beside the old ones.
    const extended = extendExistingImport(file, module, names, style.esm);
    if (extended) {
      edits.push({ range: extended.range, text: extended.text });
      words.push(...extended.words);
      continue;
    }
    const specifier = `${style.quote}${style.nodeScheme && !packages.has(module) ? 'node:' : ''}${module}${style.quote}`;
    if (style.esm) {
      lines.push(`import { ${names.join(', ')} } from ${specifier}${semi}`);
      words.push('import', ...names, 'from', specifier);
    } else {
      lines.push(`const { ${names.join(', ')} } = require(${specifier})${semi}`);
      words.push('const', ...names, 'require', specifier);
    }
  }
  if (lines.length > 0) {
    if (style.after) {
      const at = endOfLineAfter(file.text, style.after.range[1]);
      edits.push({ range: [at, at], text: lines.map((l) => `${eol}${l}`).join('') });
    } else {
      const first = firstStatementAfterDirectives(file.ast);
      if (!first) return null;
      const at = first.range[0];
      edits.push({ range: [at, at], text: lines.map((l) => `${l}${eol}`).join('') });
    }
  }
  return { edits, words };
}

/** Adds `names` after the last specifier of a top-level `import { … } from module` (or `const { … } = require(module)`). */
function extendExistingImport(
  file: AnalysisFile,
  module: string,
  names: readonly string[],
  esm: boolean,
): { readonly range: readonly [number, number]; readonly text: string; readonly words: readonly string[] } | null {
  for (const statement of file.ast.body) {
    let last: TSESTree.Node | undefined;
    if (esm && statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && normalizeModuleName(statement.source.value) === module) {
      const specifiers = statement.specifiers;
      if (specifiers.length === 0 || !specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind !== 'type')) continue;
      last = specifiers[specifiers.length - 1];
    } else if (!esm && statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
      const declarator = statement.declarations[0];
      const source = requireSource(declarator?.init);
      if (source === null || normalizeModuleName(source) !== module || declarator?.id.type !== 'ObjectPattern') continue;
      const properties = declarator.id.properties;
      if (properties.length === 0 || properties.some((p) => p.type === 'RestElement')) continue;
      last = properties[properties.length - 1];
    }
    if (!last) continue;
    const at = last.range[1];
    return { range: [at, at], text: names.map((n) => `, ${n}`).join(''), words: [...names] };
  }
  return null;
}

function firstStatementAfterDirectives(program: TSESTree.Program): TSESTree.Node | null {
  for (const statement of program.body) {
    // oxc-parser writes `directive: null` on every other expression statement, typescript-estree leaves it out.
    if (statement.type === 'ExpressionStatement' && typeof statement.directive === 'string') continue;
    return statement;
  }
  return null;
}

/** The end of the line a statement ends on, when only whitespace and a line comment follow it there; else the statement's end. */
function endOfLineAfter(text: string, offset: number): number {
  const match = /^[ \t]*(\/\/[^\n\r\u2028\u2029]*)?(?=\r?\n|[\r\u2028\u2029]|$)/.exec(text.slice(offset, offset + 2000));
  return match ? offset + match[0].length : offset;
}
