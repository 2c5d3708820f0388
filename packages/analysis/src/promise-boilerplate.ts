/**
 * Hand-written forms of two newer `Promise` statics, as eslint-plugin-unicorn reports them:
 * - `prefer-promise-with-resolvers`: an executor that only copies `resolve`/`reject` out to outer
 *   variables (`Promise.withResolvers()`, ES2024: Node 22, Chrome 119, Firefox 121, Safari 17.4);
 * - `prefer-promise-try`: `new Promise((resolve) => resolve(f()))` and `Promise.resolve().then(f)`
 *   (`Promise.try(f)`, ES2025: Node 24, Chrome 128, Firefox 134, Safari 18.2).
 *
 * Exact from syntax and scope (the `Promise` must be the global one). The two constructor rewrites
 * keep what runs, when, and how the promise settles, so they are `safe`; `Promise.resolve().then(f)`
 * is never rewritten (`f` would run at once instead of a microtask later). Each static needs a
 * runtime that has it: where the nearest `package.json`'s `engines.node` admits a Node without it,
 * nothing is reported (`engines-predate-static`). A TypeScript `lib` without it is the user's to
 * add, as the rules' pages say.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import { enginesAdmitNodeBefore } from './entry-points';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { promiseStaticCall } from './promise-methods';
import { findVariable, innermostScope } from './scope';
import { skipTransparentWrappers } from './walk';

/** Why a hand-written form of a newer `Promise` static is not reported. */
export const promiseBoilerplateSilenceReasons = [
  /** The nearest `package.json`'s `engines.node` admits a Node version that lacks the static. */
  'engines-predate-static',
] as const;
export type PromiseBoilerplateSilenceReason = (typeof promiseBoilerplateSilenceReasons)[number];

/** The first Node major version with each static (V8 12.0 and 12.8 / 13.x). */
export const promiseStaticsSince = { withResolvers: 22, try: 24 } as const satisfies Record<string, number>;

/**
 * Whether the project of `filePath` says it runs on a Node without `Promise.<method>`: its nearest
 * `package.json` declares an `engines.node` whose lowest admitted major predates
 * {@link promiseStaticsSince}. No `package.json`, no `engines`, or no real path (`<input>`) shows
 * nothing against it: `false`. Read through the cached manifests of `entry-points.ts`.
 */
export function enginesPredateStatic(filePath: string | null | undefined, method: keyof typeof promiseStaticsSince): boolean {
  return enginesAdmitNodeBefore(filePath, promiseStaticsSince[method]);
}

export interface ExtractedResolvers {
  readonly node: TSESTree.NewExpression;
  /**
   * `const { promise, resolve, reject } = Promise.withResolvers();` in place of the `let`
   * declarations and the promise's `const`: `safe`, since the executor only copied the resolvers
   * out, synchronously, and the copies were their variables' only writes (they become `const`).
   * `null` where the declarations are not adjacent, a variable is written elsewhere, types are
   * annotated, or a comment would be dropped.
   */
  readonly plan: Plan | null;
}

interface Extraction {
  readonly property: 'resolve' | 'reject';
  readonly target: TSESTree.Identifier;
  readonly variable: Variable;
}

const resolverProperties = ['resolve', 'reject'] as const;

function hasCommentIn(file: AnalysisFile, range: readonly [number, number]): boolean {
  return file.comments.some((c) => c.range[0] >= range[0] && c.range[1] <= range[1]);
}

/** The executor's statements as `outer = resolve` copies, one per resolver at most; `null` when it does anything else. */
function resolverExtractions(file: AnalysisFile, executor: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): Extraction[] | null {
  if (executor.async || executor.generator || executor.body.type !== 'BlockStatement') return null;
  const params = executor.params;
  if (params.length === 0 || params.length > 2) return null;
  const names: string[] = [];
  for (const param of params) {
    if (param.type !== 'Identifier' || param.name === 'this' || names.includes(param.name)) return null;
    names.push(param.name);
  }
  const extractions: Extraction[] = [];
  for (const statement of executor.body.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression' || statement.expression.operator !== '=') return null;
    const { left, right } = statement.expression;
    if (left.type !== 'Identifier' || right.type !== 'Identifier') return null;
    const property = resolverProperties[names.indexOf(right.name)];
    if (property === undefined || extractions.some((e) => e.property === property)) return null;
    const variable = findVariable(innermostScope(file.scopeManager, left), left.name);
    // The copy must go out of the executor, to a variable the code declares.
    if (!variable || variable.defs.length === 0 || names.includes(left.name) || variable.scope.block === executor) return null;
    extractions.push({ property, target: left, variable });
  }
  return extractions.length > 0 ? extractions : null;
}

/**
 * `new Promise((resolve, reject) => { outerResolve = resolve; outerReject = reject; })` on the
 * global `Promise`, with an executor that does nothing else; else `null`.
 */
export function findExtractedResolvers(file: AnalysisFile, node: TSESTree.NewExpression): ExtractedResolvers | null {
  if (node.arguments.length !== 1) return null;
  const executor = promiseExecutorOf(file, node);
  if (!executor) return null;
  const extractions = resolverExtractions(file, executor);
  if (!extractions) return null;
  return { node, plan: planWithResolvers(file, node, executor, extractions) };
}

function planWithResolvers(
  file: AnalysisFile,
  node: TSESTree.NewExpression,
  executor: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  extractions: readonly Extraction[],
): Plan | null {
  const declarator = node.parent;
  if (declarator.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier' || declarator.id.typeAnnotation) return null;
  const declaration = declarator.parent;
  if (declaration.kind !== 'const' || declaration.declarations.length !== 1) return null;
  if (executor.params.some((p) => p.type === 'Identifier' && p.typeAnnotation) || executor.returnType) return null;
  const container = declaration.parent;
  const statements: readonly TSESTree.Node[] | null =
    container.type === 'Program' || container.type === 'BlockStatement' || container.type === 'StaticBlock' ? container.body : container.type === 'SwitchCase' ? container.consequent : null;
  if (!statements) return null;
  // The `let` declarations right before the promise's, declaring the targets and nothing else.
  const targets = new Set(extractions.map((e) => e.variable));
  const declared = new Set<Variable>();
  let first = statements.indexOf(declaration);
  while (declared.size < targets.size) {
    const previous = statements[first - 1];
    if (previous?.type !== 'VariableDeclaration' || previous.kind !== 'let') return null;
    for (const d of previous.declarations) {
      if (d.id.type !== 'Identifier' || d.id.typeAnnotation || d.init) return null;
      const variable = findVariable(innermostScope(file.scopeManager, d.id), d.id.name);
      if (!variable || !targets.has(variable) || declared.has(variable)) return null;
      declared.add(variable);
    }
    first--;
  }
  // `const` now: the copy in the executor must be each variable's only write.
  if (extractions.some((e) => e.variable.references.some((r) => r.isWrite() && r.identifier !== e.target && !r.init))) return null;
  const range: readonly [number, number] = [(statements[first] as TSESTree.Node).range[0], declaration.range[1]];
  if (hasCommentIn(file, range)) return null;
  const binding = (property: string, local: string) => (property === local ? property : `${property}: ${local}`);
  const ordered = resolverProperties.flatMap((property) => extractions.filter((e) => e.property === property));
  const bindings = [binding('promise', declarator.id.name), ...ordered.map((e) => binding(e.property, e.target.name))].join(', ');
  const typeArguments = node.typeArguments ? file.text.slice(node.typeArguments.range[0], node.typeArguments.range[1]) : '';
  const paramNames = executor.params.flatMap((p) => (p.type === 'Identifier' ? [p.name] : []));
  return checkedPlan(file, 'safe', [{ range, text: `const {${bindings}} = Promise.withResolvers${typeArguments}();` }], {
    owned: statements.slice(first, statements.indexOf(declaration) + 1),
    vocabulary: { added: ['const', 'promise', 'resolve', 'reject', 'withResolvers', ...extractions.map((e) => e.target.name)], removed: ['let', 'new', 'function', ...paramNames, ...extractions.map((e) => e.target.name)] },
  });
}

// prefer-promise-try ------------------------------------------------------------------------------

export interface PromiseTryBoilerplate {
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /**
   * `Promise.try(() => f())` in place of `new Promise((resolve) => resolve(f()))`: `safe`, since
   * `f()` still runs at once, its throw still rejects, its value (or promise) still settles the
   * result the same way. `null` for `Promise.resolve().then(f)`, where `f` runs a microtask later and
   * is given `undefined` (`Promise.try(f)` calls it at once with no argument); for a constructor with
   * a type argument (`Promise.try<T>` does not compile: the lib's `try` takes two type parameters
   * and the second has no default); where the executor is annotated or a comment would be lost.
   */
  readonly plan: Plan | null;
}

/** Whether `name`'s binding is read inside `node`. */
function reads(file: AnalysisFile, node: TSESTree.Node, param: TSESTree.Identifier): boolean {
  const variable = findVariable(innermostScope(file.scopeManager, param), param.name);
  return variable?.references.some((r) => r.identifier.range[0] >= node.range[0] && r.identifier.range[1] <= node.range[1]) ?? false;
}

/** `new Promise((resolve) => resolve(f(…)))` (an arrow, its body or one statement the one call); else `null`. */
export function findPromiseTryConstructor(file: AnalysisFile, node: TSESTree.NewExpression): PromiseTryBoilerplate | null {
  if (node.arguments.length !== 1) return null;
  const executor = promiseExecutorOf(file, node);
  if (executor?.type !== 'ArrowFunctionExpression' || executor.async || executor.generator || executor.params.length !== 1) return null;
  const [param] = executor.params;
  if (param?.type !== 'Identifier') return null;
  let expression: TSESTree.Node | null = executor.body;
  if (executor.body.type === 'BlockStatement') {
    const [only, ...rest] = executor.body.body;
    expression = rest.length === 0 && only?.type === 'ExpressionStatement' ? only.expression : null;
  }
  if (expression?.type !== 'CallExpression' || expression.optional || expression.callee.type !== 'Identifier' || expression.callee.name !== param.name) return null;
  const [value, ...rest] = expression.arguments;
  if (!value || rest.length > 0 || value.type === 'SpreadElement' || skipTransparentWrappers(value).type !== 'CallExpression') return null;
  if (reads(file, value, param)) return null;
  return { node, plan: planPromiseTry(file, node, executor, param, value) };
}

function planPromiseTry(file: AnalysisFile, node: TSESTree.NewExpression, executor: TSESTree.ArrowFunctionExpression, param: TSESTree.Identifier, value: TSESTree.Expression): Plan | null {
  if (param.typeAnnotation || executor.returnType || executor.typeParameters || node.typeArguments) return null;
  // `new (new Promise(…))()` or `new new Promise(…).x()` would take the rewrite as their callee.
  let current: TSESTree.Node = node;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
  if (current.parent?.type === 'NewExpression' && current.parent.callee === current) return null;
  const keep = value.range;
  if (file.comments.some((c) => c.range[0] >= node.range[0] && c.range[1] <= node.range[1] && !(c.range[0] >= keep[0] && c.range[1] <= keep[1]))) return null;
  const valueText = file.text.slice(value.range[0], value.range[1]);
  // An object-literal-looking body cannot arise (the value is a call), so the arrow body needs no parentheses.
  return checkedPlan(file, 'safe', [{ range: node.range, text: `Promise.try(() => ${valueText})` }], {
    owned: [node],
    vocabulary: { added: ['try'], removed: ['new', param.name] },
  });
}

/** Kinds of `then` argument unicorn takes for a callback: a function, a member, a name other than `undefined`. */
function isCallbackCandidate(node: TSESTree.CallExpressionArgument): boolean {
  // An optional chain (`a?.b`) may be `undefined`, which `then` ignores.
  const inner = node.type === 'SpreadElement' || node.type === 'ChainExpression' ? null : skipTransparentWrappers(node);
  if (!inner || inner.type === 'ChainExpression') return false;
  if (inner.type === 'ArrowFunctionExpression' || inner.type === 'FunctionExpression' || inner.type === 'MemberExpression') return true;
  return inner.type === 'Identifier' && inner.name !== 'undefined';
}

/** `Promise.resolve().then(f)` on the global `Promise`: reported, never rewritten (see {@link PromiseTryBoilerplate.plan}). */
export function findResolveThenBoilerplate(file: AnalysisFile, node: TSESTree.CallExpression): PromiseTryBoilerplate | null {
  const callee = node.callee;
  if (node.optional || callee.type !== 'MemberExpression' || callee.optional || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'then') return null;
  const [callback, ...rest] = node.arguments;
  if (!callback || rest.length > 0 || !isCallbackCandidate(callback)) return null;
  const receiver = callee.object;
  if (receiver.type !== 'CallExpression' || receiver.optional || receiver.arguments.length !== 0) return null;
  if (receiver.callee.type !== 'MemberExpression' || receiver.callee.optional || promiseStaticCall(file, receiver) !== 'resolve') return null;
  return { node, plan: null };
}
