/**
 * Which calls are catalogued abortable APIs (`abortableApis`), and what they were given for a
 * signal. A call is matched through what its callee is: a module member through every import and
 * `require` form (modules.ts, with `fs.promises` and `events.EventEmitter` read as the modules they
 * are), a global (`fetch`, `setTimeout`, `AbortSignal.timeout`) only where no user binding shadows
 * it, and an instance method (`rl.question`) only on a `const` made by the catalogued factory.
 */
import type { TSESTree } from '@typescript-eslint/types';
import {
  type AbortableApi,
  abortableApiNames,
  abortableApiOf,
  abortableApis,
  abortableGlobalOf,
  abortableMethodOf,
  abortableModules,
  moduleObjectAliases,
  type SignalPlacement,
} from './catalogues/abortable-apis';
import type { AnalysisFile } from './file';
import { moduleBindingOf, type ModuleMember, normalizeModuleName, resolveModuleMember, staticPropertyName } from './modules';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { PerFile } from './per-file';

/** A module member with `fs.promises`-style aliases followed: `fs` + `['promises', 'readFile']` is `fs/promises` + `['readFile']`. */
export function canonicalModuleMember(member: ModuleMember): ModuleMember {
  let { module, path } = member;
  for (;;) {
    const aliases = Object.hasOwn(moduleObjectAliases, module) ? moduleObjectAliases[module] : undefined;
    const alias = path.length > 1 && path[0] !== undefined && aliases && Object.hasOwn(aliases, path[0]) ? aliases[path[0]] : undefined;
    if (alias === undefined) return { module, path };
    module = alias;
    path = path.slice(1);
  }
}

/** The last name of a callee (`fetch`, `x.readFile`, `x['readFile']`), without resolving anything. */
function calleeName(callee: TSESTree.Expression): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return staticPropertyName(callee);
  return null;
}

/**
 * The catalogued API `call` is a call of, or `undefined`. A cheap name test comes first, so most
 * calls are answered without the scope manager.
 */
export function abortableApiAt(file: AnalysisFile, call: TSESTree.CallExpression | TSESTree.NewExpression): AbortableApi | undefined {
  if (call.type !== 'CallExpression') return undefined;
  let callee: TSESTree.Node = call.callee;
  if (callee.type === 'TSNonNullExpression') callee = callee.expression;
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return undefined;
  const name = calleeName(callee);
  // A member's name is the API's; an identifier may be a renamed import (`setTimeout as sleep`).
  if (name === null || (callee.type === 'MemberExpression' && !abortableApiNames.has(name))) return undefined;
  const scopeManager = file.scopeManager;
  if (callee.type === 'Identifier') {
    const global = abortableGlobalOf(name);
    if (global && isBuiltinGlobal(scopeManager, callee, name)) return global;
  } else if (callee.object.type === 'Identifier') {
    const object = callee.object.name;
    const global = abortableGlobalOf(name, object) ?? (object === 'globalThis' ? abortableGlobalOf(name) : undefined);
    if (global) return isBuiltinGlobal(scopeManager, callee, object) ? global : undefined;
    const method = instanceMethodOf(file, callee.object, name);
    if (method) return method;
  }
  const member = resolveModuleMember(scopeManager, callee);
  if (!member) return undefined;
  const canonical = canonicalModuleMember(member);
  const [only] = canonical.path;
  if (canonical.path.length !== 1 || only === undefined) return undefined;
  return abortableApiOf(canonical.module, only);
}

/** `rl.question` where `rl` is a `const` made by a catalogued factory (`readline.createInterface(…)`). */
function instanceMethodOf(file: AnalysisFile, object: TSESTree.Identifier, name: string): AbortableApi | undefined {
  const variable = findVariable(innermostScope(file.scopeManager, object), object.name);
  const init = variable ? constantInitializer(variable) : null;
  if (init?.type !== 'CallExpression') return undefined;
  const maker = resolveModuleMember(file.scopeManager, init.callee);
  if (!maker) return undefined;
  const canonical = canonicalModuleMember(maker);
  const [factory] = canonical.path;
  if (canonical.path.length !== 1 || factory === undefined) return undefined;
  return abortableMethodOf(canonical.module, factory, name);
}

/**
 * What a call was given for a signal:
 * - `passed`: the signal expression (the `signal` property's value, or the signal argument);
 * - `absent`: provably none — no options argument (`index` is where one would go), an object
 *   literal without `signal` and without spreads (`options`), or a string shorthand (`'utf8'`);
 * - `unknown`: an options value the analysis cannot see into (a variable, a spread, a call), or an
 *   argument list whose shape does not say which argument the options are.
 */
export type SignalArgument =
  | { readonly kind: 'passed'; readonly signal: TSESTree.Node }
  | {
      readonly kind: 'absent';
      readonly index: number;
      readonly options: TSESTree.ObjectExpression | null;
      /** A string in the options' place (`readFile(p, 'utf8')`): the options' shorthand, which holds no signal. */
      readonly shorthand?: TSESTree.Literal;
    }
  | { readonly kind: 'unknown' };

const unknown: SignalArgument = { kind: 'unknown' };

function isFunctionLiteral(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/** Which argument holds the options for a placement, or `null` when the call's shape does not say. */
function optionsIndex(args: readonly TSESTree.CallExpressionArgument[], placement: Extract<SignalPlacement, { kind: 'option' }>): number | null {
  if (args.some((a) => a.type === 'SpreadElement')) return null;
  if (placement.argument < 0) {
    // After a variable number of streams: only an object literal at the end is known to be the options.
    const last = args[args.length - 1];
    return last?.type === 'ObjectExpression' ? args.length - 1 : null;
  }
  const index = placement.argument;
  switch (placement.shift) {
    case undefined:
      return index;
    case 'args-array': {
      const before = args[index - 1];
      if (before === undefined || before.type === 'ArrayExpression') return index;
      if (before.type === 'ObjectExpression' || isFunctionLiteral(before)) return index - 1;
      return null;
    }
    case 'url-first': {
      const first = args[0];
      if (first === undefined || first.type === 'ObjectExpression') return 0;
      if (first.type === 'Literal' || first.type === 'TemplateLiteral' || (first.type === 'NewExpression' && first.callee.type === 'Identifier' && first.callee.name === 'URL')) return index;
      // An identifier first: the options if nothing object-like follows it.
      return args[index]?.type === 'ObjectExpression' ? index : null;
    }
    default: {
      const never: never = placement.shift;
      return never;
    }
  }
}

/** The `signal` property of an object literal: its value, `null` when there is none, `undefined` when a spread or computed key hides it. */
function signalProperty(object: TSESTree.ObjectExpression): TSESTree.Node | null | undefined {
  let found: TSESTree.Node | null = null;
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') return undefined;
    if (property.computed) {
      if (property.key.type === 'Literal' && property.key.value === 'signal') found = property.value;
      else if (property.key.type !== 'Literal') return undefined;
      continue;
    }
    const key = property.key.type === 'Identifier' ? property.key.name : String(property.key.value);
    if (key === 'signal') found = property.value;
  }
  return found;
}

/** What `call` (a call of `api`) was given for a signal; see {@link SignalArgument}. */
export function signalArgumentOf(call: TSESTree.CallExpression, api: AbortableApi): SignalArgument {
  const placement = api.signal;
  if (placement === null) return unknown;
  const args = call.arguments;
  if (placement.kind === 'argument') {
    const argument = args[placement.argument];
    return argument && argument.type !== 'SpreadElement' ? { kind: 'passed', signal: argument } : unknown;
  }
  const index = optionsIndex(args, placement);
  if (index === null) return unknown;
  const options = args[index];
  // Nothing there (a planner adding options after fewer arguments must fill the gap itself).
  if (options === undefined) return { kind: 'absent', index, options: null };
  if (isFunctionLiteral(options)) return { kind: 'absent', index, options: null };
  if (options.type === 'Literal' && typeof options.value === 'string') return { kind: 'absent', index, options: null, shorthand: options };
  if (options.type !== 'ObjectExpression') return unknown;
  const signal = signalProperty(options);
  if (signal === undefined) return unknown;
  if (signal === null) return { kind: 'absent', index, options };
  // `signal: undefined` passes none.
  if (signal.type === 'Identifier' && signal.name === 'undefined') return { kind: 'absent', index, options };
  return { kind: 'passed', signal };
}

/** A catalogued call and its API. */
export interface AbortableCall {
  readonly node: TSESTree.CallExpression;
  readonly api: AbortableApi;
}

const globalNames = new Set(abortableApis.flatMap((api) => (api.module === null ? [api.object ?? api.name] : [])));
const catalogueSources = new Set([...abortableModules].flatMap((module) => [module, `node:${module}`]));

const cache = new PerFile<readonly AbortableCall[]>();

/** The call whose callee is `node`, or whose callee is a member path starting at `node` (`fs.promises.readFile(…)`). */
function callAbove(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current: TSESTree.Node = node;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
  const parent = current.parent;
  return parent?.type === 'CallExpression' && parent.callee === current ? parent : null;
}

/**
 * Every call of a catalogued API in the file, in source order, found from the bindings of
 * catalogued modules, the references of catalogued globals and inline `require` calls, not by a walk
 * of every node. Cached per file.
 */
export function findAbortableCalls(file: AnalysisFile): readonly AbortableCall[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const calls = new Set<TSESTree.CallExpression>();
  const scopeManager = file.scopeManager;
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def) continue;
      if (def.type === 'ImportBinding' || def.type === 'Variable') {
        const binding = moduleBindingOf(variable);
        if (binding && catalogueSources.has(binding.source)) {
          for (const reference of variable.references) {
            const call = reference.isRead() ? callAbove(reference.identifier) : null;
            if (call) calls.add(call);
          }
          continue;
        }
      }
      // A `const rl = readline.createInterface(…)`: its method calls are candidates too.
      const init = def.type === 'Variable' ? constantInitializer(variable) : null;
      if (init?.type === 'CallExpression' && calleeName(init.callee) === 'createInterface') {
        for (const reference of variable.references) {
          const call = reference.isRead() ? callAbove(reference.identifier) : null;
          if (call) calls.add(call);
        }
      }
    }
  }
  const global = scopeManager.globalScope;
  if (global) {
    const references = [...global.through];
    for (const name of [...globalNames, 'globalThis']) {
      const variable = global.set.get(name);
      if (variable && variable.defs.length === 0) references.push(...variable.references);
    }
    for (const reference of references) {
      const name = reference.identifier.name;
      if (name === 'require') {
        const requireCall = reference.identifier.parent;
        if (requireCall?.type === 'CallExpression' && requireCall.callee === reference.identifier) {
          const call = callAbove(requireCall);
          if (call) calls.add(call);
        }
      } else if (globalNames.has(name) || name === 'globalThis') {
        const call = callAbove(reference.identifier);
        if (call) calls.add(call);
      }
    }
  }
  const found: AbortableCall[] = [];
  for (const node of [...calls].sort((a, b) => a.range[0] - b.range[0])) {
    const api = abortableApiAt(file, node);
    if (api) found.push({ node, api });
  }
  cache.set(file, found);
  return found;
}

/** Whether `source` (as written in an import) is a module the catalogue names. */
export function isAbortableModuleSource(source: string): boolean {
  return abortableModules.has(normalizeModuleName(source));
}
