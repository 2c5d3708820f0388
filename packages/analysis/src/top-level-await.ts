/**
 * Work started at a module's top level and left to run — a promise chain, an async IIFE, a call of
 * an async function — where top-level `await` would say it, as eslint-plugin-unicorn's
 * `prefer-top-level-await` reports it; only in files that are ES modules, since top-level `await`
 * is a syntax error in CommonJS and in scripts.
 *
 * A file is an ES module when its name ends in `.mjs`/`.mts`, or the nearest `package.json` says
 * `"type": "module"` (and the name does not end in `.cjs`/`.cts`), or — for a file with no real
 * path only — it has `import`/`export` syntax. A file parsed as a script is never one. Anything
 * else — a `.js` or `.ts` file of a package without a `type`, even with `import` syntax (its build
 * may emit CommonJS) — is `'unknown'`, and the rule stays silent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import { packageTypeOf } from './entry-points';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isBuiltinPromiseRoot, isPromiseMethod, methodCallOf, promiseStaticCall } from './promise-methods';
import { findVariable, innermostScope } from './scope';
import { isFunctionNode, skipTransparentWrappers } from './walk';

export type ModuleKind = 'module' | 'commonjs' | 'unknown';

/** Why a top-level promise is not reported. */
export const topLevelAwaitSilenceReasons = [
  /** The file is not shown to be an ES module, where top-level `await` would not parse. */
  'not-es-module',
  /** The receiver of a top-level `then`/`catch`/`finally` is not shown to be a promise. */
  'not-known-promise',
] as const;
export type TopLevelAwaitSilenceReason = (typeof topLevelAwaitSilenceReasons)[number];

const moduleKinds = new WeakMap<TSESTree.Program, ModuleKind>();

/**
 * Whether the file is an ES module (see the module comment for how it is decided); cached per file.
 * `filename` is the host's name for the file (which may be no real path, as in a test); the
 * `package.json` is only looked up from a real one.
 */
export function moduleKindOf(file: AnalysisFile, filename: string | null = file.path ?? null): ModuleKind {
  const cached = moduleKinds.get(file.ast);
  if (cached) return cached;
  const kind = decideModuleKind(file, filename);
  moduleKinds.set(file.ast, kind);
  return kind;
}

function decideModuleKind(file: AnalysisFile, filename: string | null): ModuleKind {
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.cjs') || name.endsWith('.cts') || file.ast.sourceType === 'script') return 'commonjs';
  if (name.endsWith('.mjs') || name.endsWith('.mts')) return 'module';
  const moduleSyntax = file.ast.body.some(
    (s) => s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' || s.type === 'ExportAllDeclaration',
  );
  if (file.path && existsSync(path.dirname(file.path))) {
    const type = packageTypeOf(file.path);
    if (type === 'module') return 'module';
    if (type === 'commonjs') return 'commonjs';
    // `import` syntax in a `.ts` or `.js` file of a package without a `type` says nothing about what
    // runs: TypeScript or a bundler (tsup's default) may well emit CommonJS, where `await` would break.
    return 'unknown';
  }
  // A file with no real path (an editor buffer, a test): its own syntax is all there is.
  if (moduleSyntax) return 'module';
  return 'unknown';
}

export interface TopLevelPromise {
  /** Where unicorn reports: the method name of a chain, the IIFE's head, the call of an async function. */
  readonly node: TSESTree.Node;
  readonly kind: 'promise' | 'iife' | 'identifier';
  /** The called function's name, for `identifier`. */
  readonly name: string | null;
  /**
   * `await ` before a call of an async function written as a statement: a `review` plan, since the
   * rest of the module then waits for it (and its rejection fails the module's loading instead of
   * being an unhandled rejection). `null` for the other kinds and for calls inside an expression.
   */
  readonly plan: Plan | null;
}

/** Whether `node` is inside no function and no class (a class body's code runs later, or with its own `this`). */
function isTopLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === 'ClassDeclaration' || current.type === 'ClassExpression' || current.type === 'TSModuleBlock') return false;
  }
  return true;
}

const wrapperTypes = new Set<string>(['ChainExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

/** `node` with the `?.` chain, `!` and type assertions wrapped around it. */
function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && wrapperTypes.has(current.parent.type) && (current.parent as { expression?: TSESTree.Node }).expression === current) current = current.parent;
  return current;
}

/** Shapes where a top-level promise is already handled or kept for later, as unicorn leaves them. */
function isHandledOrKept(file: AnalysisFile, call: TSESTree.CallExpression): boolean {
  const outer = outermostWrapper(call);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === 'UnaryExpression' && parent.operator === 'void') return true;
  if (parent.type === 'AwaitExpression') return true;
  if (parent.type === 'VariableDeclarator' && parent.init === outer) return true;
  // The receiver of a further `then`/`catch`/`finally`: the chain's last call is the one to judge.
  if (parent.type === 'MemberExpression' && parent.object === outer && parent.parent.type === 'CallExpression' && parent.parent.callee === parent) {
    const method = methodCallOf(parent.parent);
    if (method && isPromiseMethod(method.method)) return true;
  }
  return isPromiseCombinatorElement(file, outer);
}

/** An element (through `?:`, `||`, `??`) of the array handed to `Promise.all/allSettled/any/race`. */
function isPromiseCombinatorElement(file: AnalysisFile, node: TSESTree.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === 'ConditionalExpression' && parent.test !== current) current = parent;
    else if (parent.type === 'LogicalExpression' && (parent.right === current || parent.operator !== '&&')) current = parent;
    else if (parent.type === 'ChainExpression') current = parent;
    else break;
  }
  const array = current.parent;
  if (array?.type !== 'ArrayExpression' || !array.parent || array.parent.type !== 'CallExpression' || array.parent.arguments[0] !== array) return false;
  const name = promiseStaticCall(file, array.parent);
  return name === 'all' || name === 'allSettled' || name === 'any' || name === 'race';
}

/** The async function a name is bound to: a function declaration, or a `const` initialised with one. */
function asyncFunctionOf(file: AnalysisFile, callee: TSESTree.Identifier): TSESTree.Node | null {
  const variable = findVariable(innermostScope(file.scopeManager, callee), callee.name);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (!def) return null;
  let value: TSESTree.Node | null = null;
  if (def.type === 'FunctionName') value = def.node;
  else if (def.type === 'Variable' && def.parent?.type === 'VariableDeclaration' && def.parent.kind === 'const') value = def.node.init;
  if (!value || !isFunctionNode(value) || !value.async || value.generator) return null;
  return value;
}

/**
 * Judges a call: a {@link TopLevelPromise} when it is a top-level promise chain whose receiver is
 * shown to be a built-in promise (not a declared thenable, whose `then` may be anything), an async IIFE, or a call of an async function of the file, not awaited,
 * discarded with `void`, kept in a variable, chained further or handed to a `Promise` combinator,
 * in a file shown to be an ES module; `{ silenced }` when the module kind or the receiver is not
 * shown; `null` otherwise.
 */
export function findTopLevelPromise(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  filename: string | null = file.path ?? null,
): TopLevelPromise | { readonly silenced: TopLevelAwaitSilenceReason } | null {
  if (!isTopLevel(call) || isHandledOrKept(file, call)) return null;
  const callee = skipTransparentWrappers(call.callee);
  let finding: TopLevelPromise | { readonly silenced: TopLevelAwaitSilenceReason } | null = null;
  const method = methodCallOf(call);
  if (method && isPromiseMethod(method.method) && !method.computed && callee.type === 'MemberExpression') {
    finding = isBuiltinPromiseRoot(file, method.receiver) ? { node: callee.property, kind: 'promise', name: null, plan: null } : { silenced: 'not-known-promise' };
  } else if ((callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression') && callee.async && !callee.generator) {
    finding = { node: callee, kind: 'iife', name: null, plan: null };
  } else if (callee.type === 'Identifier' && asyncFunctionOf(file, callee)) {
    finding = { node: call, kind: 'identifier', name: callee.name, plan: planAwait(file, call) };
  }
  if (finding && !('silenced' in finding) && moduleKindOf(file, filename) !== 'module') return { silenced: 'not-es-module' };
  return finding;
}

function planAwait(file: AnalysisFile, call: TSESTree.CallExpression): Plan | null {
  if (call.parent.type !== 'ExpressionStatement' || call.parent.expression !== call) return null;
  return checkedPlan(file, 'review', [{ range: [call.range[0], call.range[0]], text: 'await ' }], { owned: [call], vocabulary: { added: ['await'], removed: [] } });
}
