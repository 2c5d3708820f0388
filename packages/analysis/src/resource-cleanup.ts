/**
 * Resources acquired in async code and not released on every path: asyncio's
 * `async with pool.acquire() as conn:` releases the connection however the block ends, but
 * `const client = await pool.connect(); await client.query(q); client.release();` leaks the client
 * whenever the query throws, and a pool that leaks clients stops answering once it has none left.
 *
 * A catalogued acquisition (`resourceApis`, `scoped` lifetime) bound to a local variable is judged
 * from that variable's references: released in a `finally` that covers every use, by `await using`,
 * returned, handed to another function or stored (then not this function's job), or released only
 * in straight-line code after something that may throw. Every reason to stay silent has a name.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { supportsAwaitUsing } from './disposal-target';
import { describeResourceAcquisition, type ResourceApi, resourceApis } from './catalogues/resource-apis';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { canReindent, indentUnitOf, lineIndent, reindent } from './layout';
import { resourceApiAt } from './resource-calls';
import { staticPropertyName } from './modules';
import { findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { isTestFile } from './sequential-awaits';
import { isFunctionNode, walk, nearestFunctionOf, nodeWithin } from './walk';
import { PerFile } from './per-file';

/** Why an acquisition is not reported. */
export const resourceCleanupSilenceReasons = [
  /** A release in the `finally` of a `try` that covers every use after the acquisition. */
  'released-in-finally',
  /** `await using` (or `using`): the resource is disposed however the block ends. */
  'await-using',
  /** The resource is returned to the caller: releasing it is the caller's job. */
  'returned',
  /** The resource is passed to another function or constructor, or read by a closure: whoever gets it may release it. */
  'handed-off',
  /** The resource is stored on `this`, in a module or outer binding, an object or an array: it outlives the function on purpose. */
  'stored',
  /** A full `for await` over a resource that iteration releases (a `Dir`, a `readline` interface), `break` included. */
  'released-by-iteration',
  /** A release in a `catch` clause: a hand-written every-path shape the rule does not follow, so it trusts it. */
  'released-in-catch',
  /** Nothing between the acquisition and the release can throw, so every path reaches the release. */
  'nothing-throws-before-release',
  /** The acquisition is not in an async function (module top level, a sync function). */
  'not-in-async-function',
  /** A test file (by the `testFiles` globs): the test run's end releases what a failing test leaves. */
  'test-file',
  /** Never released, but it closes itself when its input ends (a `readline` interface over a child's output, a file, a socket; not over `process.stdin`). */
  'closed-at-input-end',
  /** The resource is used in a shape the rule does not follow (reassigned, aliased through an expression, released outside its block). */
  'unknown-use',
] as const;

export type ResourceCleanupSilenceReason = (typeof resourceCleanupSilenceReasons)[number];

/**
 * - `never-released`: nothing releases the resource, and nothing takes it over;
 * - `not-released-on-throw`: it is released, but only in straight-line code after something that may
 *   throw (or return early), so those paths leak it;
 * - `not-released-on-return`: an async generator releases it on every path but a return at a
 *   `yield` (a consumer's `break` or `return()`): released in a `catch` and after the `try`, which
 *   a return skips.
 */
export type UnreleasedKind = 'never-released' | 'not-released-on-throw' | 'not-released-on-return';

export interface UnreleasedResource {
  /** The acquiring call. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly kind: UnreleasedKind;
  readonly api: ResourceApi;
  /** The variable holding the resource. */
  readonly name: string;
  /** The release as it would be written: `client.release()`, `await handle.close()`. */
  readonly release: string;
  /** The uses wrapped in `try { … } finally { release }` (review), or refused. */
  readonly finallyPlan: Plan;
  /** `await using` for the declaration, the release removed (review), or refused (also where the target does not support it). */
  readonly usingPlan: Plan;
  /**
   * In an async generator, the first `yield` that runs while the resource is held (after the
   * acquisition, before the last release): a consumer that stops there (`break`, `return()`) leaves
   * the generator suspended and the resource unreleased. `null` elsewhere.
   */
  readonly heldAcrossYield: TSESTree.YieldExpression | null;
}

export interface ResourceCleanupResult {
  readonly resources: readonly UnreleasedResource[];
  /**
   * The `not-released-on-return` ones: released on every path a throw can take (so not in
   * `resources`, and silenced as `released-in-catch`), but not when a consumer stops the async
   * generator at a `yield`. `no-async-iterator-leak` reports them.
   */
  readonly returnOnly: readonly UnreleasedResource[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: ResourceCleanupSilenceReason }[];
}

export interface ResourceCleanupOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
  /**
   * Whether the project can compile or run `await using`; no `await using` plan otherwise. `'project'`
   * reads it from the project of `filePath` (`supportsAwaitUsing`), and only when a resource is found:
   * the reading costs a few `stat`s per file, and most files acquire nothing.
   */
  readonly awaitUsing?: boolean | 'project';
  /** The file's path on disk, for `awaitUsing: 'project'`. */
  readonly filePath?: string;
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
type StatementList = TSESTree.Program | TSESTree.BlockStatement | TSESTree.SwitchCase | TSESTree.StaticBlock;

const cache = new PerFile<Map<string, ResourceCleanupResult>>();

const scopedApis = (resourceApis as readonly ResourceApi[]).filter((api) => api.lifetime === 'scoped');

/**
 * A quoted specifier of a module the scoped entries come from (`'node:fs'`, `"fs/promises"`, `'pg'`):
 * a file that names none imports none of them, so it has nothing to judge (`fs.promises` reaches
 * `fs/promises` through `'fs'`).
 */
const scopedModuleSpecifier = new RegExp(
  `['"\`](?:node:)?(?:${[...new Set(scopedApis.flatMap((api) => [api.acquire.module, api.acquire.module.split('/')[0] ?? '']))]
    .map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})['"\`]`,
);

const isFunction = (node: TSESTree.Node | undefined): node is FunctionNode =>
  node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression' || node?.type === 'FunctionDeclaration';

/** The expression a value flows out of, past type assertions and `!`: `(x as T)`'s parent for `x`. */
function outerExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === 'TSAsExpression' || current.parent.type === 'TSNonNullExpression' || current.parent.type === 'TSSatisfiesExpression' || current.parent.type === 'TSTypeAssertion')
  ) {
    current = current.parent;
  }
  return current;
}

function statementListOf(statement: TSESTree.Node): StatementList | null {
  const parent = statement.parent;
  return parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'SwitchCase' || parent?.type === 'StaticBlock' ? parent : null;
}

function bodyOf(list: StatementList): readonly TSESTree.Node[] {
  return list.type === 'SwitchCase' ? list.consequent : list.body;
}

/** Where the acquired value goes: a local variable (with its statement), or a silence reason. */
type Placement =
  | { readonly kind: 'bound'; readonly variable: Variable; readonly statement: TSESTree.Node; readonly declaration: TSESTree.VariableDeclaration | null }
  | { readonly kind: 'discarded'; readonly statement: TSESTree.ExpressionStatement }
  | { readonly kind: 'silent'; readonly reason: ResourceCleanupSilenceReason };

function placementOf(file: AnalysisFile, value: TSESTree.Node, fn: FunctionNode, api: ResourceApi): Placement {
  const outer = outerExpression(value);
  const parent = outer.parent;
  if (!parent) return { kind: 'silent', reason: 'unknown-use' };
  switch (parent.type) {
    case 'ReturnStatement':
      return { kind: 'silent', reason: 'returned' };
    case 'ArrowFunctionExpression':
      return { kind: 'silent', reason: parent.body === outer ? 'returned' : 'unknown-use' };
    case 'ExpressionStatement':
      return { kind: 'discarded', statement: parent };
    case 'CallExpression':
    case 'NewExpression':
      return { kind: 'silent', reason: parent.callee === outer ? 'unknown-use' : 'handed-off' };
    case 'ForOfStatement':
      return { kind: 'silent', reason: parent.right === outer && parent.await && api.releasedByIteration ? 'released-by-iteration' : 'unknown-use' };
    case 'VariableDeclarator': {
      const declaration = parent.parent;
      if (parent.init !== outer || parent.id.type !== 'Identifier' || declaration?.type !== 'VariableDeclaration') return { kind: 'silent', reason: 'unknown-use' };
      if (declaration.kind === 'await using' || declaration.kind === 'using') return { kind: 'silent', reason: 'await-using' };
      const variable = file.scopeManager.getDeclaredVariables(parent)[0];
      if (!variable || statementListOf(declaration) === null) return { kind: 'silent', reason: 'unknown-use' };
      return { kind: 'bound', variable, statement: declaration, declaration };
    }
    case 'AssignmentExpression': {
      if (parent.right !== outer || parent.operator !== '=') return { kind: 'silent', reason: 'unknown-use' };
      if (parent.left.type !== 'Identifier') return { kind: 'silent', reason: 'stored' };
      const variable = findVariable(innermostScope(file.scopeManager, parent.left), parent.left.name);
      const def = variable?.defs[0];
      if (!variable || !def || variable.defs.length !== 1 || def.type !== 'Variable') return { kind: 'silent', reason: 'stored' };
      // A binding of an outer function or the module outlives this call: someone else releases it.
      if (nearestFunctionOf(def.node) !== fn) return { kind: 'silent', reason: 'stored' };
      const statement = parent.parent;
      if (statement?.type !== 'ExpressionStatement' || statementListOf(statement) === null) return { kind: 'silent', reason: 'unknown-use' };
      return { kind: 'bound', variable, statement, declaration: null };
    }
    default:
      return { kind: 'silent', reason: 'unknown-use' };
  }
}

/** What one reference to the resource does. */
type Use =
  | { readonly kind: 'release'; readonly call: TSESTree.CallExpression }
  | { readonly kind: 'use' }
  | { readonly kind: 'escape'; readonly reason: ResourceCleanupSilenceReason };

function useOf(reference: TSESTree.Identifier, api: ResourceApi, fn: FunctionNode, acquirer: TSESTree.Node | null): Use {
  // A closure may run later, after this function is done: it may be the release (an event handler).
  if (nearestFunctionOf(reference) !== fn) return { kind: 'escape', reason: 'handed-off' };
  const outer = outerExpression(reference);
  const parent = outer.parent;
  if (!parent) return { kind: 'use' };
  switch (parent.type) {
    case 'MemberExpression': {
      if (parent.object !== outer) return { kind: 'use' };
      const name = staticPropertyName(parent);
      const call = parent.parent?.type === 'ChainExpression' ? parent.parent.parent : parent.parent;
      const callee = parent.parent?.type === 'ChainExpression' ? parent.parent : parent;
      if (api.release.kind === 'method' && name !== null && api.release.names.includes(name) && call?.type === 'CallExpression' && call.callee === callee) {
        return { kind: 'release', call };
      }
      return { kind: 'use' };
    }
    case 'CallExpression': {
      if (parent.callee === outer) return { kind: 'use' };
      const callee = parent.callee;
      if (
        api.release.kind === 'owner-method' &&
        parent.arguments[0] === outer &&
        callee.type === 'MemberExpression' &&
        acquirer !== null &&
        callee.object.type === 'Identifier' &&
        acquirer.type === 'Identifier' &&
        callee.object.name === acquirer.name
      ) {
        const name = staticPropertyName(callee);
        if (name !== null && api.release.names.includes(name)) return { kind: 'release', call: parent };
      }
      return { kind: 'escape', reason: 'handed-off' };
    }
    case 'NewExpression':
      return { kind: 'escape', reason: 'handed-off' };
    case 'ReturnStatement':
      return { kind: 'escape', reason: 'returned' };
    case 'ArrowFunctionExpression':
      return { kind: 'escape', reason: parent.body === outer ? 'returned' : 'unknown-use' };
    case 'ForOfStatement':
      return { kind: 'escape', reason: parent.right === outer && parent.await && api.releasedByIteration ? 'released-by-iteration' : 'unknown-use' };
    case 'IfStatement':
      return parent.test === outer ? { kind: 'use' } : { kind: 'escape', reason: 'unknown-use' };
    case 'UnaryExpression':
    case 'BinaryExpression':
      return { kind: 'use' };
    case 'LogicalExpression':
      // `client && client.release()`: the release is found from the other reference.
      return parent.left === outer && (parent.parent?.type === 'ExpressionStatement' || parent.parent?.type === 'IfStatement') ? { kind: 'use' } : { kind: 'escape', reason: 'unknown-use' };
    case 'Property':
    case 'ArrayExpression':
    case 'AssignmentExpression':
    case 'VariableDeclarator':
    case 'SpreadElement':
    case 'YieldExpression':
      return { kind: 'escape', reason: 'stored' };
    default:
      return { kind: 'escape', reason: 'unknown-use' };
  }
}

/** The `try` whose `finally` holds `node` (below `fn`), or `null`. */
function finallyAround(node: TSESTree.Node, fn: FunctionNode): TSESTree.TryStatement | null {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent !== fn) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === 'TryStatement' && parent.finalizer === current) return parent;
    current = parent;
  }
  return null;
}

function inCatch(node: TSESTree.Node, fn: FunctionNode): boolean {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent !== fn) {
    if (current.parent.type === 'CatchClause') return true;
    current = current.parent;
  }
  return false;
}

/**
 * Whether evaluating `node` may throw or leave the function early, apart from the `allowed` calls (the
 * releases): a call, `new`, `await`, `yield`, `throw`, a tagged template, an iteration, or a `return`,
 * `break` or `continue` that skips what follows. Nested functions do not run here.
 */
function mayThrowOrExit(file: AnalysisFile, node: TSESTree.Node, allowed: ReadonlySet<TSESTree.Node>): boolean {
  let found = false;
  walk(node, file.visitorKeys, (n) => {
    if (found || isFunction(n) || n.type === 'ClassBody') return false;
    if (allowed.has(n)) return false;
    switch (n.type) {
      case 'CallExpression':
      case 'NewExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'ThrowStatement':
      case 'TaggedTemplateExpression':
      case 'ForOfStatement':
      case 'ForInStatement':
      case 'ReturnStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        found = true;
        return false;
      default:
        return true;
    }
  });
  return found;
}

/** The statement of `list` that holds `node`. */
function statementIn(list: StatementList, node: TSESTree.Node): TSESTree.Node | null {
  return bodyOf(list).find((s) => nodeWithin(node, s)) ?? null;
}

const refuse = (message: string): Plan => refusedPlan({ reason: 'unsupported-call-shape', message });

/** The names the statements declare at their own level (`const r = …`, `function f() {}`, `class C {}`). */
function declaredNames(statements: readonly TSESTree.Node[]): Set<string> {
  const names = new Set<string>();
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        walk(declarator.id, { Identifier: [], ObjectPattern: ['properties'], ArrayPattern: ['elements'], Property: ['value'], RestElement: ['argument'], AssignmentPattern: ['left'] }, (n) => {
          if (n.type === 'Identifier') names.add(n.name);
          return true;
        });
      }
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      names.add(statement.id.name);
    }
  }
  return names;
}

function readsAny(file: AnalysisFile, statements: readonly TSESTree.Node[], names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  for (const statement of statements) {
    walk(statement, file.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === 'Identifier' && names.has(n.name)) found = true;
      return !found;
    });
  }
  return found;
}

/** `text[start, end)` with every line break followed by `unit` more indentation, comments kept byte for byte. */
function indented(file: AnalysisFile, start: number, end: number, unit: string): string {
  const keep = file.comments.filter((c) => c.range[0] >= start && c.range[1] <= end).map((c) => [c.range[0] - start, c.range[1] - start] as const);
  return reindent(file.text.slice(start, end), unit, keep).replace(new RegExp(`\\n${unit}(?=\\r?\\n)`, 'g'), '\n');
}

/**
 * `try { <uses> } finally { <release> }` around the statements after the acquisition, for one
 * release that is a statement of the acquisition's own block (moved into the `finally`), or for a
 * resource never released (the release written from the catalogue). Statements after the release
 * move into the `try` too when they read a name the wrapped statements declare. Also the plan
 * `no-async-iterator-leak` offers, with `await it.return(undefined)` as the release.
 */
export function planFinally(file: AnalysisFile, list: StatementList, acquisition: TSESTree.Node, releases: readonly TSESTree.CallExpression[], releaseText: string): Plan {
  const body = bodyOf(list);
  const after = body.slice(body.indexOf(acquisition) + 1);
  let releaseStatement: TSESTree.Node | null = null;
  let inside: TSESTree.Node[] = [...after];
  let trailing: TSESTree.Node[] = [];
  if (releases.length > 0) {
    const [release] = releases;
    if (releases.length !== 1 || !release) return refuse('The resource is released in more than one place; move the release into one `finally` by hand.');
    const statement = release.parent?.type === 'AwaitExpression' ? release.parent.parent : release.parent;
    if (statement?.type !== 'ExpressionStatement' || statement.parent !== list) {
      return refuse('The release is not a statement of the block that acquires the resource; move it into a `finally` by hand.');
    }
    releaseStatement = statement;
    const at = after.indexOf(statement);
    inside = after.slice(0, at);
    trailing = after.slice(at + 1);
    if (!readsAny(file, trailing, declaredNames(inside))) trailing = [];
  }
  const first = inside[0];
  const lastInside = inside[inside.length - 1];
  if (!first || !lastInside) return refuse('Nothing uses the resource between its acquisition and its release.');
  const name = acquiredName(acquisition);
  if (name !== null && returnsPendingUse(file, [...inside, ...trailing], name)) {
    return refuse(`A \`return\` hands back a value read from \`${name}\` without awaiting it: the \`finally\` would release \`${name}\` while that promise still needs it. Write \`return await …\` first.`);
  }
  if (![...inside, ...trailing].every((s) => canReindent(s, file))) {
    return refuse('A string or template spanning lines would change if its lines were indented; wrap the uses in `try/finally` by hand.');
  }
  const indent = lineIndent(file.text, acquisition.range[0]);
  const unit = indentUnitOf(file);
  const inner = `\n${indent}${unit}`;
  let tryBody: string;
  let end: number;
  if (releaseStatement === null) {
    tryBody = indented(file, first.range[0], lastInside.range[1], unit);
    end = lastInside.range[1];
  } else {
    tryBody = indented(file, first.range[0], releaseStatement.range[0], unit).trimEnd();
    const lastTrailing = trailing[trailing.length - 1];
    if (lastTrailing) tryBody += inner + indented(file, releaseStatement.range[1], lastTrailing.range[1], unit).trimStart();
    end = lastTrailing ? lastTrailing.range[1] : releaseStatement.range[1];
  }
  const finallyBody = releaseStatement === null ? `${releaseText};` : file.text.slice(releaseStatement.range[0], releaseStatement.range[1]);
  const edit: TextEdit = { range: [first.range[0], end], text: `try {${inner}${tryBody}\n${indent}} finally {${inner}${finallyBody}\n${indent}}` };
  const added = releaseStatement === null ? ['try', 'finally', ...releaseText.split(/[^\w$]+/).filter((w) => w !== '')] : ['try', 'finally'];
  return checkedPlan(file, 'review', [edit], {
    owned: releaseStatement === null ? inside : [...inside, releaseStatement, ...trailing],
    vocabulary: { added, removed: [] },
  });
}

/** The one name `const x = …` declares, or `null`. */
function acquiredName(acquisition: TSESTree.Node): string | null {
  if (acquisition.type !== 'VariableDeclaration' || acquisition.declarations.length !== 1) return null;
  const id = acquisition.declarations[0]?.id;
  return id?.type === 'Identifier' ? id.name : null;
}

/**
 * Whether one of `statements` (not counting nested functions) returns a value that reads `name`
 * outside any `await` (`return rl.question(q)`, `return handle.readFile()`): moved into the `try`,
 * that promise would still be using the resource when the `finally` releases it.
 */
function returnsPendingUse(file: AnalysisFile, statements: readonly TSESTree.Node[], name: string): boolean {
  let found = false;
  for (const statement of statements) {
    walk(statement, file.visitorKeys, (node) => {
      if (found || (node !== statement && isFunctionNode(node))) return false;
      if (node.type !== 'ReturnStatement' || !node.argument || node.argument.type === 'AwaitExpression') return true;
      walk(node.argument, file.visitorKeys, (inner) => {
        // What an `await` in the value reads is settled before the `return`, so only reads outside one count.
        if (found || isFunctionNode(inner) || inner.type === 'AwaitExpression') return false;
        if (inner.type === 'Identifier' && inner.name === name) found = true;
        return !found;
      });
      return false;
    });
    if (found) return true;
  }
  return false;
}

/** `await using` for `const x = await acquire()`, the one release statement removed (with its line). */
function planUsing(file: AnalysisFile, placement: Extract<Placement, { kind: 'bound' }>, api: ResourceApi, releases: readonly TSESTree.CallExpression[], supported: boolean): Plan {
  if (!supported) {
    return refusedPlan({
      reason: 'target-lacks-await-using',
      message: 'The project does not show that it can compile or run `await using` (TypeScript with `esnext.disposable` in `lib`, or `engines.node` ≥ 24).',
    });
  }
  if (!api.asyncDispose) {
    return refusedPlan({ reason: 'not-disposable', message: `A ${api.resource} has no \`Symbol.asyncDispose\` on Node 20, so \`await using\` cannot release it.` });
  }
  const declaration = placement.declaration;
  if (declaration === null || declaration.kind !== 'const' || declaration.declarations.length !== 1 || declaration.parent?.type !== 'BlockStatement') {
    return refuse('Only a `const` declaration of the resource alone, in a block, can become `await using`.');
  }
  const edits: TextEdit[] = [{ range: [declaration.range[0], declaration.range[0] + 'const'.length], text: 'await using' }];
  const owned: TSESTree.Node[] = [declaration];
  const removed: string[] = ['const'];
  if (releases.length > 1) return refuse('The resource is released in more than one place.');
  const [release] = releases;
  if (release) {
    const statement = release.parent?.type === 'AwaitExpression' ? release.parent.parent : release.parent;
    if (statement?.type !== 'ExpressionStatement' || statement.parent !== declaration.parent) return refuse('The release is not a statement of the block that declares the resource.');
    const lineStart = file.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const onlyStatementOnLine = file.text.slice(lineStart, statement.range[0]).trim() === '' && /^[ \t]*(\r?\n|$)/.test(file.text.slice(statement.range[1]));
    const end = onlyStatementOnLine ? statement.range[1] + (/^[ \t]*(\r?\n)?/.exec(file.text.slice(statement.range[1]))?.[0].length ?? 0) : statement.range[1];
    edits.push({ range: [onlyStatementOnLine ? lineStart : statement.range[0], end], text: '' });
    owned.push(statement);
    removed.push(...file.text.slice(statement.range[0], statement.range[1]).split(/[^\w$]+/).filter((w) => w !== ''));
  }
  return checkedPlan(file, 'review', edits, { owned, vocabulary: { added: ['await', 'using'], removed } });
}

/** How the release is written for a resource held in `name`: `await handle.close()`, `client.release()`, `await pool.release(resource)`. */
function releaseTextOf(api: ResourceApi, name: string, acquirer: TSESTree.Node | null, file: AnalysisFile): string | null {
  const [first] = api.release.names;
  if (first === undefined) return null;
  // The catalogued releases that return a promise are awaited.
  const awaited = api.resource === 'FileHandle' || api.resource === 'Dir' || api.release.kind === 'owner-method';
  if (api.release.kind === 'method') return `${awaited ? 'await ' : ''}${name}.${first}()`;
  if (acquirer?.type !== 'Identifier') return null;
  return `${awaited ? 'await ' : ''}${file.text.slice(acquirer.range[0], acquirer.range[1])}.${first}(${name})`;
}

function judge(
  file: AnalysisFile,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  api: ResourceApi,
  awaitUsing: () => boolean,
  silence: (reason: ResourceCleanupSilenceReason) => null,
  returnOnly: UnreleasedResource[],
): UnreleasedResource | null {
  const fn = nearestFunctionOf(call);
  if (!fn?.async) return silence('not-in-async-function');
  let value: TSESTree.Node = call;
  if (api.awaited) {
    const outer = outerExpression(call);
    if (outer.parent?.type !== 'AwaitExpression') {
      // `return pool.connect()` hands the promise on; anything else is a shape the rule does not follow.
      return silence(outer.parent?.type === 'ReturnStatement' || (outer.parent?.type === 'ArrowFunctionExpression' && outer.parent.body === outer) ? 'returned' : 'unknown-use');
    }
    value = outer.parent;
  }
  const acquirer = call.callee.type === 'MemberExpression' ? call.callee.object : null;
  const placement = placementOf(file, value, fn, api);
  if (placement.kind === 'silent') return silence(placement.reason);
  if (placement.kind === 'discarded') {
    const refused = refuse('The resource is thrown away as soon as it is acquired; keep it in a variable and release it.');
    return { node: call, kind: 'never-released', api, name: '', release: '', finallyPlan: refused, usingPlan: refused, heldAcrossYield: null };
  }
  const { variable, statement } = placement;
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length !== 1 || (placement.declaration === null && variable.defs[0]?.node.type === 'VariableDeclarator' && variable.defs[0].node.init)) return silence('unknown-use');
  const releases: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    if (reference.identifier.type !== 'Identifier') return silence('unknown-use');
    const use = useOf(reference.identifier, api, fn, acquirer);
    if (use.kind === 'escape') return silence(use.reason);
    if (use.kind === 'release') releases.push(use.call);
  }
  const list = statementListOf(statement);
  if (!list) return silence('unknown-use');
  for (const release of releases) {
    const guard = finallyAround(release, fn);
    if (guard && nodeWithin(call, guard.block)) return silence('released-in-finally');
    if (guard && statementListOf(guard) === list) {
      const body = bodyOf(list);
      const between = body.slice(body.indexOf(statement) + 1, body.indexOf(guard));
      if (guard.range[0] > statement.range[0] && !between.some((s) => mayThrowOrExit(file, s, new Set()))) return silence('released-in-finally');
    }
    if (inCatch(release, fn)) {
      // A return at a `yield` inside the `try` skips the `catch` and what follows it.
      const stranded = fn.generator ? firstYieldWithin(file, fn.body, statement.range[1], Math.max(...releases.map((r) => r.range[0])), releases) : null;
      const release = stranded === null ? null : releaseTextOf(api, variable.name, acquirer, file);
      if (stranded !== null && release !== null) {
        const refused = refuse('The resource is released in a `catch` and after the `try`; move the release into one `finally` by hand.');
        returnOnly.push({ node: call, kind: 'not-released-on-return', api, name: variable.name, release, finallyPlan: refused, usingPlan: refused, heldAcrossYield: stranded });
      }
      return silence('released-in-catch');
    }
  }
  const name = variable.name;
  const release = releaseTextOf(api, name, acquirer, file);
  if (release === null) return silence('unknown-use');
  if (releases.length === 0) {
    if (api.closesAtInputEnd && !readsStdin(file, call)) return silence('closed-at-input-end');
    return {
      node: call,
      kind: 'never-released',
      api,
      name,
      release,
      finallyPlan: planFinally(file, list, statement, [], release),
      usingPlan: planUsing(file, placement, api, [], awaitUsing()),
      heldAcrossYield: fn.generator ? firstYieldWithin(file, fn.body, statement.range[1], fn.body.range[1], []) : null,
    };
  }
  // Every release must sit in the acquisition's own block, after it; otherwise the paths are not ours to follow.
  const body = bodyOf(list);
  const holders = releases.map((r) => statementIn(list, r));
  if (holders.some((h) => h === null || h.range[0] < statement.range[1])) return silence('unknown-use');
  const lastHolder = Math.max(...holders.map((h) => (h ? body.indexOf(h) : -1)));
  const span = body.slice(body.indexOf(statement) + 1, lastHolder + 1);
  const allowed = new Set<TSESTree.Node>(releases.map((r): TSESTree.Node => (r.parent?.type === 'AwaitExpression' ? r.parent : r)));
  if (!span.some((s) => mayThrowOrExit(file, s, allowed))) return silence('nothing-throws-before-release');
  return {
    node: call,
    kind: 'not-released-on-throw',
    api,
    name,
    release,
    finallyPlan: planFinally(file, list, statement, releases, release),
    usingPlan: planUsing(file, placement, api, releases, awaitUsing()),
    heldAcrossYield: fn.generator ? firstYieldWithin(file, fn.body, statement.range[1], Math.max(...releases.map((r) => r.range[0])), releases) : null,
  };
}

/**
 * The first `yield` of `body` (not of a nested function) that starts within `[start, end)` and is
 * not inside the block or `catch` of a `try` whose `finally` holds one of the `releases` (a return
 * at such a `yield` runs that `finally`): in source order, the first the generator can be stopped
 * at while it holds what was acquired at `start` without releasing it.
 */
function firstYieldWithin(file: AnalysisFile, body: TSESTree.Node, start: number, end: number, releases: readonly TSESTree.Node[]): TSESTree.YieldExpression | null {
  let found: TSESTree.YieldExpression | null = null;
  walk(body, file.visitorKeys, (n) => {
    if (found || (n !== body && (isFunction(n) || n.type === 'ClassBody')) || n.range[1] <= start || n.range[0] >= end) return false;
    const finalizer = n.parent?.type === 'TryStatement' ? n.parent.finalizer : null;
    if (finalizer && finalizer !== n && releases.some((r) => nodeWithin(r, finalizer))) return false;
    if (n.type === 'YieldExpression' && n.range[0] >= start) found = n;
    return found === null;
  });
  return found;
}

/** Whether the acquisition's options name `process.stdin` (the built-in) as the input: `createInterface({ input: process.stdin })`. */
function readsStdin(file: AnalysisFile, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const [first] = call.arguments;
  const input =
    first?.type === 'ObjectExpression'
      ? first.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'input')?.value
      : first;
  return (
    input?.type === 'MemberExpression' &&
    !input.computed &&
    input.object.type === 'Identifier' &&
    input.object.name === 'process' &&
    input.property.type === 'Identifier' &&
    input.property.name === 'stdin' &&
    isBuiltinGlobal(file.scopeManager, input.object, 'process')
  );
}

/**
 * The catalogued `scoped` resources acquired in async functions of `file` and not released on every
 * path, with the silenced ones and their reasons. Cached per file and options.
 */
export function findUnreleasedResources(file: AnalysisFile, options: ResourceCleanupOptions = {}): ResourceCleanupResult {
  const awaitUsingOption = options.awaitUsing ?? false;
  const key = JSON.stringify([options.relativePath ?? null, options.testFiles ?? null, awaitUsingOption, awaitUsingOption === 'project' ? (options.filePath ?? null) : null]);
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const resources: UnreleasedResource[] = [];
  const returnOnly: UnreleasedResource[] = [];
  const silenced: { node: TSESTree.Node; reason: ResourceCleanupSilenceReason }[] = [];
  const text = file.text;
  // A text test first: a file that imports none of the catalogued modules has nothing to judge.
  if (scopedModuleSpecifier.test(text)) {
    const testFile = isTestFile(options.relativePath, options.testFiles ?? defaultTestFilePatterns);
    let supported: boolean | null = awaitUsingOption === 'project' ? null : awaitUsingOption;
    const awaitUsing = () => (supported ??= supportsAwaitUsing(options.filePath));
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return true;
      const api = resourceApiAt(file, node);
      if (!api || api.lifetime !== 'scoped') return true;
      if (testFile) {
        silenced.push({ node, reason: 'test-file' });
        return true;
      }
      const found = judge(
        file,
        node,
        api,
        awaitUsing,
        (reason) => {
          silenced.push({ node, reason });
          return null;
        },
        returnOnly,
      );
      if (found) resources.push(found);
      return true;
    });
  }
  const result: ResourceCleanupResult = { resources, returnOnly, silenced };
  if (!byOptions) cache.set(file, (byOptions = new Map<string, ResourceCleanupResult>()));
  byOptions.set(key, result);
  return result;
}

/** How an acquisition is named in messages: `pool.connect()`, `open(…)`. */
export function describeAcquisition(file: AnalysisFile, resource: UnreleasedResource): string {
  const callee = resource.node.callee;
  const text = file.text.slice(callee.range[0], callee.range[1]);
  return /^[\w$.]+$/.test(text) ? `${resource.node.type === 'NewExpression' ? 'new ' : ''}${text}()` : describeResourceAcquisition(resource.api.acquire);
}
