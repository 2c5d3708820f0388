/**
 * Async iterators advanced by hand whose `return()` never runs. An async generator suspended at a
 * `yield` inside `try { … } finally { cleanup }` runs its `finally` only when it finishes or when
 * `return()` is called: `for await` calls it on every early exit (`break`, `return`, a throw), but
 * code that calls `it.next()` itself must call `it.return()` too, or the generator stays suspended
 * and its cleanup (closing a file, releasing a client) never happens. asyncio has the same trap
 * (`contextlib.aclosing`), and the same remedy.
 *
 * Precision first: an iterator is judged only when its `return()` is shown to do something: a call
 * of an async generator function of this file, of another module of the project (read by the
 * declaration index) or of this class through `this`, that yields inside a `try` with a `finally`
 * or after a `using` declaration, or an `events.on` iterator (whose `return()` removes its
 * listeners). It is silent when the iterator is passed on, returned, stored or consumed by
 * `for await`; when `return()` is called in a `finally` that covers every `next()`; when nothing
 * can throw or leave before a straight-line `return()`; and when a loop consumes it to the end by
 * construction (its only exit is the `done` test, and nothing in it can throw). Every reason to
 * stay silent has a name.
 *
 * The generator's own side (`findGeneratorHeldResources`): the resources an async generator holds
 * across a `yield` with nothing a return runs to release them.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { fileSpaceOf } from './declarations/file-space';
import { moduleIndex } from './declarations/module-index';
import { type Plan, refusedPlan } from './edits';
import type { AnalysisFile } from './file';
import { returnRunsCleanup } from './generator-cleanup';
import { staticPropertyName } from './modules';
import { resourceApiAt } from './resource-calls';
import { findUnreleasedResources, planFinally, type ResourceCleanupSilenceReason, type UnreleasedResource } from './resource-cleanup';
import { findVariable, innermostScope } from './scope';
import { isTestFile } from './sequential-awaits';
import { type FunctionNode, isFunctionNode, walk, nearestFunctionOf, nodeWithin } from './walk';
import { PerFile } from './per-file';

/** Why an iterator advanced by hand is not reported. */
export const iteratorLeakSilenceReasons = [
  /** The generator has no `finally` or `using` around a `yield`: its `return()` would run no cleanup. */
  'no-cleanup-to-run',
  /** `it.return()` is called in a `finally` whose `try` holds every `it.next()`. */
  'closed-in-finally',
  /** `it.return()` follows the `next()` calls in straight-line code that nothing can throw out of or leave. */
  'nothing-throws-before-close',
  /** A loop consumes it to the end: its only exit is the `done` test, and nothing in it can throw. */
  'consumed-to-end',
  /** `for await (… of it)` consumes it, and closes it on every early exit. */
  'for-await-consumes',
  /** Passed to a function or constructor, delegated to with `yield*`, or read by a closure: whoever gets it closes it. */
  'handed-off',
  /** Returned to the caller, who advances and closes it. */
  'returned',
  /** Stored in an object, an array or another binding: it outlives this code on purpose. */
  'stored',
  /** Never advanced by hand (no `next()` call). */
  'not-advanced-by-hand',
  /** A test file (by the `testFiles` globs): tests step generators by hand to test them, and the run's end collects them. */
  'test-file',
  /** A use the rule does not follow (reassigned, `it.throw()`, `it[Symbol.asyncIterator]()`). */
  'unknown-use',
] as const;

export type IteratorLeakSilenceReason = (typeof iteratorLeakSilenceReasons)[number];

/**
 * - `never-closed`: nothing calls `return()`, and an exit (a `break`, a `return`, a throw, or
 *   simply stopping after a few steps) leaves the generator suspended;
 * - `not-closed-on-exit`: `return()` is called, but only on the paths that reach it.
 */
export type IteratorLeakKind = 'never-closed' | 'not-closed-on-exit';

export interface LeakedIterator {
  /** The call that makes the iterator (`lines(path)`). */
  readonly node: TSESTree.CallExpression;
  readonly kind: IteratorLeakKind;
  /** How the source is named in messages: `lines()`, `this.pages()`, `on()`. */
  readonly source: string;
  /** The variable holding it, or `''` when `next()` is called on the call itself. */
  readonly name: string;
  /** `try { … } finally { await it.return(undefined); }` around the uses (review), or refused. */
  readonly finallyPlan: Plan;
}

export interface IteratorLeakResult {
  readonly iterators: readonly LeakedIterator[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: IteratorLeakSilenceReason }[];
}

export interface IteratorLeakOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new PerFile<Map<string, IteratorLeakResult>>();

/** The async generator function a call of `callee` runs, when this file shows it: a declared function, a `const` function expression, or `this.m` of the enclosing class. */
function generatorOf(file: AnalysisFile, callee: TSESTree.Node): TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | null {
  if (callee.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, callee), callee.name);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || !def) return null;
    if (def.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') return def.node.async && def.node.generator ? def.node : null;
    if (def.type === 'Variable' && def.parent.kind === 'const' && def.node.init?.type === 'FunctionExpression') {
      const init = def.node.init;
      return init.async && init.generator ? init : null;
    }
    return null;
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const name = callee.property.name;
    // `this` is the instance only in a non-static method (or an arrow inside one).
    let fn = nearestFunctionOf(callee);
    while (fn?.type === 'ArrowFunctionExpression') fn = nearestFunctionOf(fn);
    const method = fn?.parent;
    if (method?.type !== 'MethodDefinition' || method.static || method.parent.type !== 'ClassBody') return null;
    const target = method.parent.body.find(
      (m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && !m.static && m.kind === 'method' && !m.computed && m.key.type === 'Identifier' && m.key.name === name,
    );
    const value = target?.value;
    return value?.type === 'FunctionExpression' && value.async && value.generator ? value : null;
  }
  return null;
}

/**
 * For a callee imported from another module of the project (`lines`, `ns.lines`), whether it is an
 * async generator whose `return()` runs cleanup, as the declaration index read it from that module
 * (`true`/`false`), or null when the index does not show an async generator (a package's `.d.ts`,
 * an overload, a function of another kind).
 */
function importedGeneratorCleanup(file: AnalysisFile, callee: TSESTree.Expression): boolean | null {
  // `lines()`, or `ns.lines()` on a namespace import (or an imported object).
  const root = callee.type === 'MemberExpression' && !callee.computed ? callee.object : callee;
  if (root.type !== 'Identifier') return null;
  const def = findVariable(innermostScope(file.scopeManager, root), root.name)?.defs[0];
  if (def?.type !== 'ImportBinding') return null;
  const shape = moduleIndex.shapes.expression(callee, fileSpaceOf(file));
  return shape.kind === 'function' && shape.asyncGenerator ? shape.asyncGenerator.returnRunsCleanup : null;
}

/** What makes the iterator, when its `return()` is shown to do something: the generator with cleanup, or a catalogued iterator (`events.on`). */
function sourceOf(file: AnalysisFile, call: TSESTree.CallExpression): { source: string } | 'no-cleanup' | null {
  const callee = call.callee;
  const generator = generatorOf(file, callee);
  const cleanup = generator ? returnRunsCleanup(generator, file.visitorKeys) : importedGeneratorCleanup(file, callee);
  if (cleanup !== null) {
    if (!cleanup) return 'no-cleanup';
    const text = file.text.slice(callee.range[0], callee.range[1]);
    return { source: `${text}()` };
  }
  const api = resourceApiAt(file, call);
  if (api?.release.kind === 'method' && api.release.names.includes('return') && api.releasedByIteration && !api.awaited) {
    const text = file.text.slice(callee.range[0], callee.range[1]);
    return { source: /^[\w$.]+$/.test(text) ? `${text}()` : `${api.acquire.name}()` };
  }
  return null;
}

/** The method called on `node` as a receiver (`node.next(…)`), with the call, or null. */
function methodCallOn(node: TSESTree.Node): { name: string; call: TSESTree.CallExpression } | null {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node) return null;
  const name = staticPropertyName(member);
  const call = member.parent;
  if (name === null || call?.type !== 'CallExpression' || call.callee !== member) return null;
  return { name, call };
}

/** The `try` whose `finally` holds `node` (below `fn`), or `null`. */
function finallyAround(node: TSESTree.Node, fn: FunctionNode | null): TSESTree.TryStatement | null {
  for (let current: TSESTree.Node = node; current.parent && current.parent !== fn; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === 'TryStatement' && parent.finalizer === current) return parent;
  }
  return null;
}

const isLoop = (n: TSESTree.Node): boolean =>
  n.type === 'WhileStatement' || n.type === 'DoWhileStatement' || n.type === 'ForStatement' || n.type === 'ForInStatement' || n.type === 'ForOfStatement';

/** Whether `test` reads a `done`: `r.done`, `!r.done`, `(r = await it.next()).done`, a destructured `done`. */
function isDoneTest(test: TSESTree.Node | null | undefined): boolean {
  if (!test) return false;
  if (test.type === 'UnaryExpression' && test.operator === '!') return isDoneTest(test.argument);
  if (test.type === 'Identifier') return test.name === 'done';
  return test.type === 'MemberExpression' && !test.computed && test.property.type === 'Identifier' && test.property.name === 'done';
}

/**
 * Whether running `nodes` may throw out of them or leave them, apart from the `allowed` nodes (the
 * iterator's own `next()`/`return()` calls, whose throw means the generator has already finished): a
 * call, `new`, `await`, `yield`, `throw`, a tagged template or an iteration; a `return`; a `break` or
 * `continue` whose loop is not inside them, or a `break` out of one of the `drainLoops` (the loops
 * that advance the iterator) not guarded by a `done` test. What a `try` with a `catch` runs is
 * caught, so only its returns and breaks, and its `catch` and `finally`, count. A bare `return`
 * guarded by a `done` test leaves after the generator has finished.
 */
function mayLeave(file: AnalysisFile, nodes: readonly TSESTree.Node[], allowed: ReadonlySet<TSESTree.Node>, drainLoops: ReadonlySet<TSESTree.Node> = new Set()): boolean {
  const inside = (target: TSESTree.Node | null): boolean => target !== null && nodes.some((n) => nodeWithin(target, n));
  const leaves = (root: TSESTree.Node, caught: boolean): boolean => {
    let found = false;
    walk(root, file.visitorKeys, (n) => {
      if (found || isFunctionNode(n) || n.type === 'ClassBody' || allowed.has(n)) return false;
      switch (n.type) {
        case 'TryStatement':
          if (!n.handler) return true;
          // What the try block throws is caught; its returns and breaks still leave.
          found = leaves(n.block, true) || leaves(n.handler.body, caught) || (n.finalizer !== null && leaves(n.finalizer, caught));
          return false;
        case 'BreakStatement':
        case 'ContinueStatement': {
          const target = loopTargetOf(n);
          // Leaving a loop that advances the iterator stops it early, unless the iterator is done.
          if (n.type === 'BreakStatement' && target !== null && drainLoops.has(target)) found = !isDoneGuarded(n);
          else if (!inside(target)) found = true;
          return false;
        }
        case 'ReturnStatement':
          if (isDoneGuarded(n)) return false;
          found = true;
          return false;
        case 'ThrowStatement':
        case 'CallExpression':
        case 'NewExpression':
        case 'AwaitExpression':
        case 'YieldExpression':
        case 'TaggedTemplateExpression':
        case 'ForOfStatement':
        case 'ForInStatement':
          if (!caught) {
            found = true;
            return false;
          }
          return true;
        default:
          return true;
      }
    });
    return found;
  };
  return nodes.some((n) => leaves(n, false));
}

/** The loop (or labelled statement, or `switch`) a `break`/`continue` leaves. */
function loopTargetOf(statement: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = statement.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return null;
    if (statement.label) {
      if (current.type === 'LabeledStatement' && current.label.name === statement.label.name) return current;
    } else if (isLoop(current) || (statement.type === 'BreakStatement' && current.type === 'SwitchStatement')) {
      return current;
    }
  }
  return null;
}

/** `if (r.done) break;`, `if (done) { return; }`: an exit whose only guard is a `done` test, so the generator has finished. */
function isDoneGuarded(statement: TSESTree.BreakStatement | TSESTree.ReturnStatement): boolean {
  let holder: TSESTree.Node | undefined = statement.parent;
  if (holder?.type === 'BlockStatement' && holder.body.length === 1) holder = holder.parent;
  if (holder?.type !== 'IfStatement' || holder.alternate !== null || !isDoneTest(holder.test)) return false;
  if (statement.type === 'ReturnStatement') return statement.argument === null;
  const target = loopTargetOf(statement);
  return target !== null && isLoop(target);
}

type StatementList = TSESTree.Program | TSESTree.BlockStatement | TSESTree.SwitchCase | TSESTree.StaticBlock;

function statementListOf(statement: TSESTree.Node): StatementList | null {
  const parent = statement.parent;
  return parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'SwitchCase' || parent?.type === 'StaticBlock' ? parent : null;
}

function bodyOf(list: StatementList): readonly TSESTree.Node[] {
  return list.type === 'SwitchCase' ? list.consequent : list.body;
}

/**
 * The loops that advance the iterator, when each `next()` is in a loop whose own test is a `done`
 * test or `true` (its exits are then its `done` test and its `break`s, which `mayLeave` judges);
 * null when a `next()` is outside such a loop (a step or two by hand, then stopping).
 */
function drainLoopsOf(nexts: readonly TSESTree.CallExpression[], span: readonly TSESTree.Node[]): Set<TSESTree.Node> | null {
  const loops = new Set<TSESTree.Node>();
  for (const next of nexts) {
    let loop: TSESTree.Node | null = null;
    for (let current: TSESTree.Node | undefined = next.parent; current && !loop; current = current.parent) {
      if (isLoop(current)) loop = current;
      else if (span.includes(current) || isFunctionNode(current)) break;
    }
    if (!loop) return null;
    const drains =
      loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement'
        ? isDoneTest(loop.test) || (loop.test.type === 'Literal' && loop.test.value === true)
        : loop.type === 'ForStatement' && (loop.test === null || isDoneTest(loop.test));
    if (!drains) return null;
    loops.add(loop);
  }
  return loops;
}

type Judgement = { readonly kind: IteratorLeakKind; readonly name: string; readonly finallyPlan: Plan } | { readonly silent: IteratorLeakSilenceReason };

const noPlan = (message: string): Plan => refusedPlan({ reason: 'unsupported-call-shape', message });

/** The `finally` that closes the iterator: the uses after its declaration wrapped, the straight-line `return()` (if one) moved into it. */
function closePlan(file: AnalysisFile, list: StatementList, declaration: TSESTree.Node, name: string, closes: readonly TSESTree.CallExpression[]): Plan {
  const fn = nearestFunctionOf(declaration);
  if (!fn?.async) return refusedPlan({ reason: 'not-awaitable-here', message: 'The function is not `async`, so a `finally` cannot await `return()`.' });
  return planFinally(file, list, declaration, closes, `await ${name}.return(undefined)`);
}

function judgeBound(file: AnalysisFile, variable: Variable, declaration: TSESTree.Node): Judgement {
  const fn = nearestFunctionOf(declaration);
  if (variable.references.filter((r) => r.isWrite()).length !== 1) return { silent: 'unknown-use' };
  const nexts: TSESTree.CallExpression[] = [];
  const closes: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    const id = reference.identifier;
    if (nearestFunctionOf(id) !== fn) return { silent: 'handed-off' };
    const method = methodCallOn(id);
    if (method?.name === 'next') nexts.push(method.call);
    else if (method?.name === 'return') closes.push(method.call);
    else {
      const parent = id.parent;
      if (parent?.type === 'ForOfStatement' && parent.right === id) return { silent: parent.await ? 'for-await-consumes' : 'unknown-use' };
      if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee !== id) return { silent: 'handed-off' };
      if (parent?.type === 'YieldExpression' && parent.delegate) return { silent: 'handed-off' };
      if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === id)) return { silent: 'returned' };
      if (parent?.type === 'Property' || parent?.type === 'ArrayExpression' || parent?.type === 'AssignmentExpression' || parent?.type === 'VariableDeclarator' || parent?.type === 'YieldExpression') {
        return { silent: 'stored' };
      }
      return { silent: 'unknown-use' };
    }
  }
  if (nexts.length === 0) return { silent: 'not-advanced-by-hand' };
  for (const close of closes) {
    const guard = finallyAround(close, fn);
    if (guard && nexts.every((n) => nodeWithin(n, guard.block))) return { silent: 'closed-in-finally' };
  }
  const list = statementListOf(declaration);
  if (!list) return { silent: 'unknown-use' };
  const body = bodyOf(list);
  const holders = [...nexts, ...closes].map((call) => body.find((s) => nodeWithin(call, s)));
  if (holders.some((h) => h === undefined || h.range[0] < declaration.range[1])) return { silent: 'unknown-use' };
  const last = Math.max(...holders.map((h) => body.indexOf(h as TSESTree.Node)));
  const span = body.slice(body.indexOf(declaration) + 1, last + 1);
  const allowed = new Set<TSESTree.Node>([...nexts, ...closes].map((c): TSESTree.Node => (c.parent?.type === 'AwaitExpression' ? c.parent : c)));
  const name = variable.name;
  if (closes.length > 0) {
    // A straight-line close after the last next(): every path that cannot leave reaches it.
    const closeStatements = closes.map((c) => body.find((s) => nodeWithin(c, s)));
    const lastNext = Math.max(...nexts.map((n) => body.findIndex((s) => nodeWithin(n, s))));
    if (closeStatements.some((s) => s !== undefined && body.indexOf(s) > lastNext) && !mayLeave(file, span, allowed)) return { silent: 'nothing-throws-before-close' };
    return { kind: 'not-closed-on-exit', name, finallyPlan: closePlan(file, list, declaration, name, closes) };
  }
  const loops = drainLoopsOf(nexts, span);
  if (loops !== null && !mayLeave(file, span, allowed, loops)) return { silent: 'consumed-to-end' };
  return { kind: 'never-closed', name, finallyPlan: closePlan(file, list, declaration, name, []) };
}

function judge(file: AnalysisFile, call: TSESTree.CallExpression): Judgement {
  const parent = call.parent;
  if (parent?.type === 'MemberExpression' && parent.object === call) {
    const method = methodCallOn(call);
    // `lines(p).next()`: one step, and the iterator is gone with its generator suspended.
    if (method?.name === 'next') return { kind: 'never-closed', name: '', finallyPlan: noPlan('The iterator is not kept in a variable, so nothing can close it; keep it and close it in a `finally`.') };
    return { silent: 'unknown-use' };
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier' && parent.parent.type === 'VariableDeclaration') {
    const declaration = parent.parent;
    if (declaration.kind !== 'const' && declaration.kind !== 'let') return { silent: 'unknown-use' };
    const variable = file.scopeManager.getDeclaredVariables(parent)[0];
    return variable ? judgeBound(file, variable, declaration) : { silent: 'unknown-use' };
  }
  if (parent?.type === 'ForOfStatement' && parent.right === call) return { silent: parent.await ? 'for-await-consumes' : 'unknown-use' };
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee !== call) return { silent: 'handed-off' };
  if (parent?.type === 'YieldExpression' && parent.delegate) return { silent: 'handed-off' };
  if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === call)) return { silent: 'returned' };
  if (parent?.type === 'Property' || parent?.type === 'ArrayExpression' || parent?.type === 'AssignmentExpression') return { silent: 'stored' };
  return { silent: 'unknown-use' };
}

/**
 * The async iterators of `file` advanced by hand with `next()` whose `return()` may never run,
 * with the silenced ones and their reasons. Only iterators whose `return()` is shown to run
 * cleanup are judged; test files are left alone. Cached per file and options.
 */
export function findLeakedIterators(file: AnalysisFile, options: IteratorLeakOptions = {}): IteratorLeakResult {
  const key = JSON.stringify([options.relativePath ?? null, options.testFiles ?? null]);
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const testFile = isTestFile(options.relativePath, options.testFiles ?? defaultTestFilePatterns);
  const iterators: LeakedIterator[] = [];
  const silenced: { node: TSESTree.Node; reason: IteratorLeakSilenceReason }[] = [];
  // A text test first: without a `.next(` call nothing is advanced by hand.
  if (/\.\s*next\s*\(/.test(file.text)) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'CallExpression') return true;
      const callee = node.callee;
      if (callee.type !== 'Identifier' && !(callee.type === 'MemberExpression' && (callee.object.type === 'ThisExpression' || callee.object.type === 'Identifier'))) return true;
      const source = sourceOf(file, node);
      if (source === null) return true;
      if (source === 'no-cleanup') {
        silenced.push({ node, reason: 'no-cleanup-to-run' });
        return true;
      }
      const verdict: Judgement = testFile ? { silent: 'test-file' } : judge(file, node);
      if ('silent' in verdict) silenced.push({ node, reason: verdict.silent });
      else iterators.push({ node, kind: verdict.kind, source: source.source, name: verdict.name, finallyPlan: verdict.finallyPlan });
      return true;
    });
  }
  const result: IteratorLeakResult = { iterators, silenced };
  if (!byOptions) cache.set(file, (byOptions = new Map<string, IteratorLeakResult>()));
  byOptions.set(key, result);
  return result;
}

/**
 * Why an acquisition inside an async generator is not reported as held across a `yield`:
 * `require-resource-cleanup`'s reasons (released in a `finally`, `await using`, yielded, returned or
 * stored, …), which hold for a consumer's `return()` as for a throw, and `no-yield-while-held`.
 */
export type GeneratorResourceSilenceReason = ResourceCleanupSilenceReason | 'no-yield-while-held';

/** A catalogued resource an async generator holds across a `yield` without a `finally` or `await using` to release it. */
export interface GeneratorHeldResource extends UnreleasedResource {
  readonly heldAcrossYield: TSESTree.YieldExpression;
}

export interface GeneratorResourceResult {
  readonly resources: readonly GeneratorHeldResource[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: GeneratorResourceSilenceReason }[];
}

export interface GeneratorResourceOptions extends IteratorLeakOptions {
  /** The file's path on disk: whether `await using` can be offered is read from its project, as `require-resource-cleanup` reads it. */
  readonly filePath?: string;
}

const isAsyncGenerator = (fn: FunctionNode | null): boolean => fn !== null && fn.type !== 'ArrowFunctionExpression' && fn.async && fn.generator;

/**
 * The catalogued resources async generators of `file` acquire and hold across a `yield` with no
 * `finally` or `await using` releasing them: a consumer that stops early (`break` out of
 * `for await`, `return()`) resumes the generator with a return at that `yield`, which runs only
 * `finally` blocks and disposals, so the resource is never released. This is
 * `findUnreleasedResources`'s judgement of the same acquisitions (so every reason it stays silent
 * holds here too), narrowed to those with a `yield` between the acquisition and the release, with
 * its plans (`try/finally`, `await using` where the project supports it).
 */
export function findGeneratorHeldResources(file: AnalysisFile, options: GeneratorResourceOptions = {}): GeneratorResourceResult {
  const resources: GeneratorHeldResource[] = [];
  const silenced: { node: TSESTree.Node; reason: GeneratorResourceSilenceReason }[] = [];
  // A text test first: without a `yield` no generator suspends while holding anything.
  if (!/\byield\b/.test(file.text)) return { resources, silenced };
  const cleanup = findUnreleasedResources(file, { relativePath: options.relativePath, testFiles: options.testFiles, awaitUsing: 'project', filePath: options.filePath });
  for (const resource of [...cleanup.resources, ...cleanup.returnOnly]) {
    // A resource thrown away as soon as it is acquired is never held: require-resource-cleanup reports it.
    if (resource.name === '' || !isAsyncGenerator(nearestFunctionOf(resource.node))) continue;
    const { heldAcrossYield } = resource;
    if (heldAcrossYield === null) silenced.push({ node: resource.node, reason: 'no-yield-while-held' });
    else resources.push({ ...resource, heldAcrossYield });
  }
  const reported = new Set<TSESTree.Node>(cleanup.returnOnly.map((r) => r.node));
  for (const entry of cleanup.silenced) if (!reported.has(entry.node) && isAsyncGenerator(nearestFunctionOf(entry.node))) silenced.push(entry);
  return { resources, silenced };
}
