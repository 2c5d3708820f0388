/**
 * The bounded, order-keeping form of independent work: what `loop-to-bounded` writes for the loops
 * `no-await-in-loop` reports (`findAwaitLoops`) and `unbounded-to-bounded` for the fan-outs
 * `no-unbounded-concurrency` reports (`findUnboundedFanOuts`). The judgements are theirs; this module
 * only plans the rewrite, or says why it cannot be written faithfully.
 *
 * ```ts
 * const pages = [];
 * for (const url of urls) {
 *   const page = await fetchPage(url);
 *   pages.push(page);
 * }
 * // becomes (limiter `local`; `p-map` writes `pMap(urls, async (url) => …, { concurrency: 8 })`)
 * const pages = await boundedMap(urls, 8, async (url) => {
 *   const page = await fetchPage(url);
 *   return page;
 * });
 * ```
 *
 * The bounded form keeps the results in input order, runs at most `concurrency` calls at once, and
 * on the first rejection rejects at once: calls already started run to their end, no new call
 * starts (with p-limit, whose queue has no stop, the queued calls still start). Every plan is
 * `review`: the iterations now overlap, so their effects interleave.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { type AsyncArrayCallback, forEachReceiverProblem } from './async-array-callbacks';
import type { UnboundedFanOut } from './bounded-concurrency';
import { applyEdits, type Plan, type Refusal, refusedPlan, type TextEdit } from './edits';
import { type AnalysisFile, isTypeScriptFile } from './file';
import { checkedPlan } from './invariant';
import type { IndependentLoop, LoopNode, LoopSilenceReason } from './loop-awaits';
import { canReindent, lineIndent } from './layout';
import { importEdit, importsWithRequire, type NewImport, referenceTo } from './module-references';
import { moduleBindingOf, staticPropertyName } from './modules';
import { freeNameAt, nameOfValue } from './names';
import { declarationBefore, insertionStatement, unusedName } from './races';
import { isBuiltinGlobal, referenceIndexOf } from './scope';
import { isFunctionNode, memberChainRoot, nearestFunctionOf, nodeWithin, skipTransparentWrappers, walk } from './walk';

/** Which limiter the bounded form calls: p-map's `pMap`, p-limit's `pLimit`, or the project's own small helper. */
export const boundedLimiterKinds = ['p-map', 'p-limit', 'local'] as const;

export type BoundedLimiterKind = (typeof boundedLimiterKinds)[number];

export interface BoundedFormOptions {
  readonly limiter: BoundedLimiterKind;
  /** How many calls run at once at most. */
  readonly concurrency: number;
  /** For `local`: the specifier the file imports the helper by, as it is written (`./lib/asyncwise-limit.js`). */
  readonly helperSpecifier: string;
  /** For `local`: whether the helper is an ES module (a file that loads modules with `require` cannot load one on every Node version). */
  readonly helperIsModule: boolean;
}

/** The name the local helper exports (`boundedMap(items, concurrency, fn)`). */
export const boundedHelperName = 'boundedMap';

/** A loop or fan-out with the plan that bounds it (or says why not), and how the change reads in a report. */
export interface BoundedRewrite {
  readonly node: TSESTree.Node;
  readonly plan: Plan;
  readonly description: string;
}

/** What no-await-in-loop's silence means for the rewrite: the loop must stay sequential, or the analysis cannot show it need not. */
const silenceMessages: Readonly<Record<LoopSilenceReason, string>> = {
  'for-await': 'a `for await` inside the loop reads one item at a time by design',
  'await-in-condition': 'the loop awaits only in its condition or update',
  'condition-loop': 'how many iterations run depends on what they do (a poll, a retry, pagination)',
  'early-exit': 'a `break` or `return` leaves the loop, so later iterations run only when earlier ones did not stop',
  'exit-depends-on-await': 'a `throw` after an await decides whether later iterations run',
  'yields-in-loop': 'the loop yields, so its consumer takes each item in order',
  'loop-carried-dependency': 'an iteration reads what an earlier one wrote (a cursor, an accumulator, a counter)',
  'writes-outer-binding': 'an iteration assigns a binding declared outside the loop; the last write wins',
  'callee-writes-shared-state': 'an iteration calls a function of this file that assigns state outside itself',
  'awaits-started-promise': 'the loop awaits promises already started, not calls',
  'batched-concurrency': 'each iteration awaits a batch (`Promise.all` or a limiter): the loop is the bound',
  'sleep-or-backoff': 'an iteration awaits a pause: the wait is the point',
  'ordered-writes': 'an iteration writes to a sink the iterations share, in order',
  'ordered-setup': 'an iteration starts, connects or installs something: what comes up first may matter',
  'shared-argument': 'an awaited call gets a collection made outside the loop, which it may fill in order',
  'interactive-call': 'an iteration asks the person at the terminal',
  'iteration-variable-unused': 'no iteration reads its element or counter: each does the same thing',
  'calls-each-element': 'an iteration calls its element (hooks, middleware): they run in order by contract',
  'test-file': 'a test file: its steps share fixtures and run in order on purpose',
  'sequential-by-choice': 'the other branch of its `if` runs the same list with `Promise.all`: the code chose when the calls may run together',
  'unsupported-loop': 'the loop head is not one the analysis follows',
};

/** The refused plan of a loop `no-await-in-loop` leaves alone, with its silence reason in the message. */
export function refusedSilencedLoop(reason: LoopSilenceReason): Plan {
  return refusedPlan({
    reason: 'loop-not-independent',
    message: `no-await-in-loop leaves this loop alone (${reason}): ${silenceMessages[reason]}; it stays sequential.`,
  });
}

/** How the limiter is called at a site: its name there, and the import and words it needs. */
interface LimiterCallee {
  readonly name: string;
  readonly imports: readonly NewImport[];
  readonly words: readonly string[];
}

/** The package each library limiter comes from, and the name its default export gets in a new import. */
const packageNames = { 'p-map': 'pMap', 'p-limit': 'pLimit' } as const;

/** The limiter's callee at `site`, through a binding the file has or a new import; a refusal when neither works. */
function limiterCallee(file: AnalysisFile, site: TSESTree.Node, options: BoundedFormOptions): LimiterCallee | Refusal {
  if (options.limiter === 'local') {
    if (options.helperIsModule && importsWithRequire(file)) {
      return {
        reason: 'limiter-not-importable',
        message: `This file loads modules with \`require\` and the helper (${options.helperSpecifier}) is an ES module; use --limiter p-map or p-limit, or a CommonJS helper.`,
      };
    }
    const reference = referenceTo(file, site, options.helperSpecifier, boundedHelperName);
    if (reference === null) {
      return { reason: 'name-taken', message: `The helper's name \`${boundedHelperName}\` is taken in this file; import the helper under another name by hand.` };
    }
    return {
      name: reference.text,
      imports: reference.needsImport ? [{ ...reference.needsImport, package: true }] : [],
      words: reference.words,
    };
  }
  const pkg = options.limiter;
  const existing = defaultBindingOf(file, pkg);
  if (existing !== null) return { name: existing, imports: [], words: [existing] };
  if (importsWithRequire(file)) {
    return {
      reason: 'limiter-not-importable',
      message: `${pkg} is an ES module only package (p-map from v5, p-limit from v4), which this CommonJS file cannot \`require\` on every Node version; use --limiter local.`,
    };
  }
  const name = packageNames[pkg];
  if (unusedName(file, [name]) === null) {
    return { reason: 'name-taken', message: `The name \`${name}\` is taken in this file; import ${pkg} under another name by hand.` };
  }
  return { name, imports: [{ module: pkg, name, package: true, default: true }], words: [name] };
}

/** The local name of a top-level default import (or `require`) of `pkg`, or `null`. */
function defaultBindingOf(file: AnalysisFile, pkg: string): string | null {
  const global = file.scopeManager.globalScope;
  const top = global?.childScopes.find((s) => s.type === 'module') ?? global;
  for (const variable of top?.variables ?? []) {
    const def = variable.defs[0];
    const binding = moduleBindingOf(variable);
    if (binding?.source !== pkg) continue;
    if (def?.type === 'ImportBinding' && def.node.type === 'ImportDefaultSpecifier') return variable.name;
    if (def?.type === 'ImportBinding' && def.node.type === 'ImportSpecifier' && binding.member === 'default') return variable.name;
  }
  return null;
}

/** The source text of a node. */
function textOf(file: AnalysisFile, node: TSESTree.Node): string {
  return file.text.slice(node.range[0], node.range[1]);
}

/** Whether a comment lies in `[start, end)` outside every one of `kept`'s ranges. */
function dropsComment(file: AnalysisFile, start: number, end: number, kept: readonly TSESTree.Node[]): boolean {
  return file.comments.some(
    (c) => c.range[0] >= start && c.range[1] <= end && !kept.some((node) => c.range[0] >= node.range[0] && c.range[1] <= node.range[1]),
  );
}

/** Whether the statements around `node` end with semicolons (the file's style), so the new statement does too. */
function usesSemicolons(file: AnalysisFile, node: TSESTree.Node): boolean {
  const parent = node.parent;
  const siblings: readonly TSESTree.Node[] =
    parent?.type === 'BlockStatement' || parent?.type === 'Program' ? parent.body : parent?.type === 'SwitchCase' ? parent.consequent : [];
  const candidates = [...siblings, ...file.ast.body].filter((s) => s !== node && (s.type === 'ExpressionStatement' || s.type === 'VariableDeclaration' || s.type === 'ImportDeclaration'));
  if (candidates.length === 0) return true;
  return candidates.some((s) => textOf(file, s).trimEnd().endsWith(';'));
}

/** The statement list `node` is an element of, or `null` (a loop as an `if`'s body). */
function statementListOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  const parent = node.parent;
  if (parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'StaticBlock') return parent.body;
  if (parent?.type === 'SwitchCase') return parent.consequent;
  return null;
}

/** How a loop's head becomes the mapper's parameters and the list it maps over. */
interface LoopHead {
  readonly iterable: TSESTree.Expression;
  /** The mapper's parameter list, without parentheses: `url`, `[key, value]`, `_, i`. */
  readonly params: string;
  /** Words of the head the rewrite drops (`for`, `const`, `of`; an indexed loop's `let`, `0`, `length` and repeated counter). */
  readonly removed: readonly string[];
  readonly added: readonly string[];
  /** The indexed loop's counter, whose reads in the body stay. */
  readonly counter: TSESTree.Identifier | null;
}

function refused(reason: Refusal['reason'], message: string): Plan {
  return refusedPlan({ reason, message });
}

/** The loop head as the mapper sees it, or a refusal for a head the bounded form cannot take. */
function loopHeadOf(file: AnalysisFile, loop: LoopNode): LoopHead | Plan {
  if (loop.type === 'ForOfStatement') {
    const left = loop.left;
    if (left.type !== 'VariableDeclaration' || left.declarations.length !== 1) {
      return refused('unsupported-loop-shape', 'The loop assigns its element to a binding declared outside it; the bounded form gives each call its own.');
    }
    if (left.kind === 'var') return refused('loop-scope-differs', 'The element is a `var`, visible after the loop; the bounded form would make it local to each call.');
    const declarator = left.declarations[0];
    return { iterable: loop.right, params: textOf(file, declarator.id), removed: ['for', left.kind, 'of'], added: [], counter: null };
  }
  if (loop.type !== 'ForStatement') return refused('unsupported-loop-shape', 'Only `for…of` and indexed `for` loops have a bounded form.');
  // `for (let i = 0; i < xs.length; i++)`: a map over `xs` with its index.
  const init = loop.init;
  const test = loop.test;
  const update = loop.update;
  const declarator = init?.type === 'VariableDeclaration' && init.kind === 'let' && init.declarations.length === 1 ? init.declarations[0] : undefined;
  const counter = declarator?.id.type === 'Identifier' && !declarator.id.typeAnnotation ? declarator.id : null;
  const startsAtZero = declarator?.init?.type === 'Literal' && declarator.init.value === 0;
  const list =
    test?.type === 'BinaryExpression' &&
    test.operator === '<' &&
    test.left.type === 'Identifier' &&
    test.left.name === counter?.name &&
    test.right.type === 'MemberExpression' &&
    !test.right.computed &&
    test.right.property.type === 'Identifier' &&
    test.right.property.name === 'length' &&
    test.right.object.type === 'Identifier'
      ? test.right.object
      : null;
  const stepsByOne =
    (update?.type === 'UpdateExpression' && update.operator === '++' && update.argument.type === 'Identifier' && update.argument.name === counter?.name) ||
    (update?.type === 'AssignmentExpression' &&
      update.operator === '+=' &&
      update.left.type === 'Identifier' &&
      update.left.name === counter?.name &&
      update.right.type === 'Literal' &&
      update.right.value === 1);
  // `i += 100`: one batch of the list per iteration, where the bounded form maps one element per call.
  const batchStep =
    update?.type === 'AssignmentExpression' &&
    update.operator === '+=' &&
    update.left.type === 'Identifier' &&
    update.left.name === counter?.name &&
    update.right.type === 'Literal' &&
    typeof update.right.value === 'number' &&
    update.right.value > 1
      ? update.right.value
      : null;
  if (counter && startsAtZero && list && batchStep !== null) {
    return refused('unsupported-loop-shape', `The loop takes \`${list.name}\` ${batchStep} at a time, one batch per iteration; the bounded form maps one element per call. Make the batches a list first, then loop over it with \`for…of\`.`);
  }
  if (!counter || !startsAtZero || !list || !stepsByOne) {
    return refused('unsupported-loop-shape', 'Only `for (let i = 0; i < xs.length; i++)` indexed loops map onto a list; write this one as `for…of` first.');
  }
  if (file.oracle.isArray(list) === 'no') return refused('unsupported-loop-shape', `\`${list.name}\` is not shown to be an array (a string is indexed by code unit but iterated by code point).`);
  // The body may read `xs[i]`, but nothing else of the list: a call or write on it could change what later iterations see.
  const index = referenceIndexOf(file);
  const listVariable = index.within(list.range[0], list.range[1])[0]?.resolved;
  let changesList = listVariable === null || listVariable === undefined || listVariable.references.some((ref) => ref.isWrite() && nodeWithin(ref.identifier, loop));
  if (listVariable) {
    for (const ref of listVariable.references) {
      if (!nodeWithin(ref.identifier, loop.body)) continue;
      const member = ref.identifier.parent;
      const read = member?.type === 'MemberExpression' && member.object === ref.identifier && member.computed && !isWriteTarget(member);
      if (!read) changesList = true;
    }
  }
  if (changesList) return refused('loop-scope-differs', `The body uses \`${list.name}\` other than reading \`${list.name}[…]\`; mapping over it would fix its length and elements when the map starts.`);
  const element = unusedName(file, ['_', '_item', '_element']);
  if (element === null) return refused('name-taken', 'No name is free for the unused element parameter.');
  const counterName = counter.name;
  return {
    iterable: list,
    params: `${element}, ${counterName}`,
    removed: ['for', 'let', '0', 'length', counterName, ...(update?.type === 'AssignmentExpression' ? ['1'] : [])],
    added: [element],
    counter,
  };
}

function isWriteTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return true;
  if (parent.type === 'UpdateExpression') return true;
  if (parent.type === 'UnaryExpression' && parent.operator === 'delete') return true;
  if (parent.type === 'CallExpression' && parent.callee === node) return true;
  return false;
}

/** Methods whose call on a binding from outside the loop collects into it in the order the calls finish. */
const collectingMethods: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add', 'append', 'appendChild']);

/** Where the results of a loop go: `const out = []` just before it and one `out.push(r)` ending its body. */
interface Collector {
  readonly declaration: TSESTree.VariableDeclaration;
  readonly init: TSESTree.ArrayExpression;
  readonly push: TSESTree.CallExpression;
  readonly argument: TSESTree.Expression;
  readonly name: string;
}

/** The results collector of `loop`, or `null` when its results go nowhere this form recognises. */
function collectorOf(file: AnalysisFile, loop: LoopNode): Collector | null {
  const body = loop.body;
  const last = body.type === 'BlockStatement' ? body.body[body.body.length - 1] : body;
  if (last?.type !== 'ExpressionStatement' || last.expression.type !== 'CallExpression') return null;
  const push = last.expression;
  const callee = push.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'push') return null;
  if (callee.object.type !== 'Identifier' || push.arguments.length !== 1) return null;
  const argument = push.arguments[0];
  if (!argument || argument.type === 'SpreadElement') return null;
  const list = statementListOf(loop);
  const before = list ? list[list.indexOf(loop) - 1] : undefined;
  if (before?.type !== 'VariableDeclaration' || before.kind === 'var' || before.declarations.length !== 1) return null;
  const declarator = before.declarations[0];
  if (declarator.id.type !== 'Identifier' || declarator.id.name !== callee.object.name) return null;
  if (declarator.init?.type !== 'ArrayExpression' || declarator.init.elements.length !== 0) return null;
  // The push is the loop's only use of the collector.
  const variable = referenceIndexOf(file).within(callee.object.range[0], callee.object.range[1])[0]?.resolved;
  if (!variable || variable.defs[0]?.node !== declarator) return null;
  if (variable.references.some((ref) => nodeWithin(ref.identifier, loop) && ref.identifier !== callee.object)) return null;
  return { declaration: before, init: declarator.init, push, argument, name: callee.object.name };
}

/** How a loop writes the collection it fills: `out.push(x)`, `set.add(x)`, `map.set(k, v)` or `out[k] = v`. */
type WriteKind = 'push' | 'add' | 'set' | 'key';

/** A write statement's expression: an `out.push(…)`, `set.add(…)` or `map.set(…)` call, or an `out[k] = v` assignment. */
type CollectingWrite = TSESTree.CallExpression | TSESTree.AssignmentExpression;

/**
 * Results written anywhere in the body (`if (item.ok) out.push(item)`, several writes, writes in an
 * inner loop, `byName[name] = await read(name)`, `map.set(k, await get(k))`) into a local collection
 * of the enclosing function: each call collects what it would write in an array it returns, and
 * the writes are made once the map resolves, in list order. An object's or a `Map`'s keys, a `Set`'s
 * items and an array's items then come in the order the loop wrote them, and where a key repeats
 * the later write of the list still wins: the collection ends as the sequential loop left it.
 */
interface WriteCollector {
  readonly name: string;
  readonly kind: WriteKind;
  readonly writes: ReadonlySet<CollectingWrite>;
  /** The type the call's own array is declared with (`: Item[]`); `''` when the writes give it one, or in JavaScript. */
  readonly annotation: string;
  /** Whether an entry `[k, v]` is written `as const` (TypeScript then types it as a tuple without an annotation). */
  readonly constEntries: boolean;
}

/**
 * The write collectors of `loop`, one per collection its body writes (in the order of their first
 * writes), each one that passes `writeCollectorFor`; a collection that does not is left out, and the
 * body's check then refuses its writes. Collections are distinct objects (each made fresh, never
 * handed on), so deferring the writes of each keeps every one as the loop left it: nothing in the
 * loop reads any of them, and only the order within one collection shows.
 */
function writeCollectorsOf(file: AnalysisFile, loop: LoopNode, options: BoundedFormOptions): WriteCollector[] {
  if (loop.body.type !== 'BlockStatement' || loop.body.body.length === 0) return [];
  const collectors: WriteCollector[] = [];
  for (const { variable, kind } of collectedBindingsOf(file, loop)) {
    const collector = writeCollectorFor(file, loop, variable, kind, options);
    if (collector) collectors.push(collector);
  }
  return collectors;
}

/**
 * The write collector of `variable` in `loop`, or `null`. The collection is a `const`/`let` of the
 * function the loop is in, never assigned again and made fresh: an array literal (or, for pushes,
 * the array a bounded map or `Promise.all` resolved to, as an earlier rewrite of the same run leaves
 * it), a `new Set()` for `add`, a `new Map()` for `set`, an object literal without accessors or
 * `__proto__` for `out[k] = v`. No function reads or writes it (nothing can see it fill while the
 * loop runs); every use of it in the loop is a statement of one of these writes outside any function
 * of the body (the `for…of` list, read once before the loop, aside).
 */
function writeCollectorFor(file: AnalysisFile, loop: LoopNode, variable: Variable, kind: WriteKind, options: BoundedFormOptions): WriteCollector | null {
  const declarator = variable.defs[0]?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || !declarator.init) return null;
  if (!isFreshCollectionFor(file, kind, declarator.init, options)) return null;
  const declaration = declarator.parent;
  // An exported collection is read by other modules, whenever they like.
  if (declaration.kind === 'var' || declaration.declare || variable.defs.length !== 1 || declaration.parent.type === 'ExportNamedDeclaration') return null;
  const home = nearestFunctionOf(declaration);
  if (home !== nearestFunctionOf(loop)) return null;
  // Handed on before the loop runs (`track(out)`, `const view = out`), the collection could be read
  // through another name while the loop runs; handed on after it (`report(out)`), it is complete,
  // unless a loop around this one runs that code before this loop's next run. A `return` ends the
  // function, so the loop never runs after it.
  const around = outermostLoopBetween(loop, declaration);
  for (const ref of variable.references) {
    const id = ref.identifier;
    if (ref.isWrite() && id !== declarator.id) return null;
    if (nodeWithin(id, loop) && !(loop.type === 'ForOfStatement' && nodeWithin(id, loop.right))) continue;
    if (nearestFunctionOf(id) !== home) return null;
    const meanwhile = id.range[0] < loop.range[1] || (around !== null && nodeWithin(id, around));
    if (id !== declarator.id && meanwhile && id.parent?.type !== 'ReturnStatement' && !(id.type === 'Identifier' && isKeptUse(file, id))) return null;
  }
  const writes = new Set<CollectingWrite>();
  for (const ref of variable.references) {
    const id = ref.identifier;
    if (!nodeWithin(id, loop) || (loop.type === 'ForOfStatement' && nodeWithin(id, loop.right))) continue;
    if (id.type !== 'Identifier' || !nodeWithin(id, loop.body) || inFunctionOf(id, loop)) return null;
    const write = writeOf(id, kind);
    if (write === null) return null;
    writes.add(write);
  }
  if (writes.size === 0) return null;
  const name = declarator.id.name;
  const typed = isTypeScriptFile(file);
  if (kind === 'push') {
    return { name, kind, writes, annotation: declarator.id.typeAnnotation ? textOf(file, declarator.id.typeAnnotation) : '', constEntries: false };
  }
  // TypeScript types an array that is only pushed to from its pushes, but not one returned before the
  // first push (a `continue`), nor a literal written `as const` (which makes it readonly): those get the
  // collection's own types.
  const literalEntry = [...writes].some((write) => entryOf(write).some((part) => ['ArrayExpression', 'ObjectExpression'].includes(skipTransparentWrappers(part).type)));
  const annotated = typed && (kind !== 'key' || literalEntry || continuesOwnLoop(file, loop));
  const annotation = !annotated
    ? ''
    : kind === 'add'
      ? `: Parameters<typeof ${name}.add>[0][]`
      : kind === 'set'
        ? `: Parameters<typeof ${name}.set>[]`
        : `: [keyof typeof ${name}, (typeof ${name})[keyof typeof ${name}]][]`;
  return { name, kind, writes, annotation, constEntries: typed && !annotated };
}

/** The outermost loop around `loop` inside the block `declaration` is in, or `null`. */
function outermostLoopBetween(loop: LoopNode, declaration: TSESTree.Node): TSESTree.Node | null {
  const block = declaration.parent;
  let found: TSESTree.Node | null = null;
  for (let current: TSESTree.Node | undefined = loop.parent; current && current !== block && !isFunctionNode(current); current = current.parent) {
    if (current.type === 'ForStatement' || current.type === 'ForOfStatement' || current.type === 'ForInStatement' || current.type === 'WhileStatement' || current.type === 'DoWhileStatement') found = current;
  }
  return found;
}

/**
 * Whether a use of the collection keeps it to itself: a member of it (`out.push(x)`, `out[k]`,
 * `out.length`), a copy of it (`[...out]`), or `Object.keys/values/entries(out)`. Anything else
 * (an argument, an assignment to another name, a return) may hand it on.
 */
function isKeptUse(file: AnalysisFile, id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (parent?.type === 'MemberExpression' && parent.object === id) return true;
  if (parent?.type === 'SpreadElement' && parent.parent.type === 'ArrayExpression') return true;
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(id)) return false;
  const callee = parent.callee;
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    ['keys', 'values', 'entries'].includes(staticPropertyName(callee) ?? '') &&
    isBuiltinGlobal(file.scopeManager, callee, 'Object')
  );
}

/** The write `id` (a use of the collection) is the object of, when it is a statement of `kind`; else `null`. */
function writeOf(id: TSESTree.Identifier, kind: WriteKind): CollectingWrite | null {
  const member = id.parent;
  if (member?.type !== 'MemberExpression' || member.object !== id) return null;
  if (kind === 'key') {
    const assignment = member.parent;
    const ok = member.computed && assignment?.type === 'AssignmentExpression' && assignment.left === member && assignment.operator === '=' && assignment.parent.type === 'ExpressionStatement';
    return ok ? assignment : null;
  }
  const call = member.parent;
  if (member.computed || member.property.type !== 'Identifier' || member.property.name !== kind || call?.type !== 'CallExpression' || call.callee !== member) return null;
  if (call.parent.type !== 'ExpressionStatement') return null;
  const arity = kind === 'add' ? 1 : kind === 'set' ? 2 : null;
  if (arity !== null && (call.arguments.length !== arity || call.arguments.some((a) => a.type === 'SpreadElement'))) return null;
  return call;
}

/** The key and value a `set(k, v)` call or `out[k] = v` writes (the item of an `add`). */
function entryOf(write: CollectingWrite): TSESTree.Expression[] {
  const parts = write.type === 'AssignmentExpression' ? [write.left.type === 'MemberExpression' ? write.left.property : null, write.right] : write.arguments;
  return parts.filter((part): part is TSESTree.Expression => part !== null && part.type !== 'SpreadElement' && part.type !== 'PrivateIdentifier');
}

/** Whether `init` makes a collection of the kind the loop writes that nothing else holds. */
function isFreshCollectionFor(file: AnalysisFile, kind: WriteKind, init: TSESTree.Expression, options: BoundedFormOptions): boolean {
  const core = skipTransparentWrappers(init);
  switch (kind) {
    case 'push':
      return core.type === 'ArrayExpression' || isFreshArrayResult(file, core, options);
    case 'add':
    case 'set': {
      const constructor = kind === 'add' ? 'Set' : 'Map';
      return core.type === 'NewExpression' && core.callee.type === 'Identifier' && core.callee.name === constructor && isBuiltinGlobal(file.scopeManager, core, constructor);
    }
    case 'key':
      // A setter (its own or a prototype's) would run when the writes are made, not when the loop made them.
      return (
        core.type === 'ObjectExpression' &&
        core.properties.every((p) => p.type === 'SpreadElement' || (p.kind === 'init' && !(p.computed === false && staticKeyOf(p) === '__proto__')))
      );
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function staticKeyOf(property: TSESTree.Property): string | null {
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' ? String(property.key.value) : null;
}

/**
 * Whether `node` is `await Promise.all(…)`, `await pMap(…)` (p-map's default export) or `await
 * boundedMap(…)` (the local helper): each resolves to a new array that nothing else holds, as an
 * earlier loop rewritten in the same run leaves its results (`const res = await pMap(…)`).
 */
function isFreshArrayResult(file: AnalysisFile, node: TSESTree.Node, options: BoundedFormOptions): boolean {
  if (node.type !== 'AwaitExpression' || node.argument.type !== 'CallExpression') return false;
  const callee = node.argument.callee;
  if (callee.type === 'MemberExpression') {
    return callee.object.type === 'Identifier' && callee.object.name === 'Promise' && staticPropertyName(callee) === 'all' && isBuiltinGlobal(file.scopeManager, callee, 'Promise');
  }
  if (callee.type !== 'Identifier') return false;
  const variable = referenceIndexOf(file).within(callee.range[0], callee.range[1])[0]?.resolved;
  const binding = variable ? moduleBindingOf(variable) : null;
  if (binding === null) return false;
  if (binding.source === 'p-map') return binding.member === null || binding.member === 'default';
  return binding.source === options.helperSpecifier && binding.member === boundedHelperName;
}

/**
 * The bindings of the write statements in the body of `loop` (outside functions) into collections
 * declared outside the loop, each with how its first write writes it, in the order of their first
 * writes (an array the body fills for itself is not the loop's results). A write `out[i] = r` by an
 * indexed loop's counter is not one: it fills the same places in any order and stays as it is.
 */
function collectedBindingsOf(file: AnalysisFile, loop: LoopNode): { readonly variable: Variable; readonly kind: WriteKind }[] {
  const index = referenceIndexOf(file);
  const found = new Map<Variable, WriteKind>();
  const outerVariable = (node: TSESTree.Node): Variable | null => {
    if (node.type !== 'Identifier') return null;
    const variable = index.within(node.range[0], node.range[1])[0]?.resolved;
    return variable && !variable.defs.some((def) => nodeWithin(def.name, loop)) ? variable : null;
  };
  const record = (variable: Variable | null, kind: WriteKind): void => {
    if (variable && !found.has(variable)) found.set(variable, kind);
  };
  walk(loop.body, file.visitorKeys, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type !== 'ExpressionStatement') return true;
    const expression = node.expression;
    if (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression' && !expression.callee.computed && expression.callee.property.type === 'Identifier') {
      const method = expression.callee.property.name;
      if (method === 'push' || method === 'add' || method === 'set') record(outerVariable(expression.callee.object), method);
    } else if (expression.type === 'AssignmentExpression' && expression.operator === '=' && expression.left.type === 'MemberExpression' && expression.left.computed) {
      if (!isCounterKey(loop, expression.left)) record(outerVariable(expression.left.object), 'key');
    }
    return true;
  });
  return [...found].map(([variable, kind]) => ({ variable, kind }));
}

/** Whether `member` is `out[i]` by the counter of an indexed loop. */
function isCounterKey(loop: LoopNode, member: TSESTree.MemberExpression): boolean {
  const key = member.property;
  const declarator = loop.type === 'ForStatement' && loop.init?.type === 'VariableDeclaration' ? loop.init.declarations[0] : undefined;
  return member.computed && key.type === 'Identifier' && declarator?.id.type === 'Identifier' && declarator.id.name === key.name;
}

/** Whether the body has a `continue` of `loop` itself (not of an inner loop, not in a function). */
function continuesOwnLoop(file: AnalysisFile, loop: LoopNode): boolean {
  let found = false;
  walk(loop.body, file.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'ContinueStatement' && !node.label && !insideInnerLoop(node, loop)) found = true;
    return !found;
  });
  return found;
}

/** Whether `node` lies in a function inside `loop`. */
function inFunctionOf(node: TSESTree.Node, loop: LoopNode): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) if (isFunctionNode(current)) return true;
  return false;
}

/** What the body does that a callback cannot do the same way, or the edits that make it a callback body (`continue` → `return`). */
function bodyEdits(file: AnalysisFile, loop: LoopNode, collector: Collector | null, writes: CallWrites | null = null): TextEdit[] | Plan {
  const index = referenceIndexOf(file);
  const edits: TextEdit[] = [];
  let problem: Plan | null = null;
  // Whether a write through `root` reaches something outside one iteration: `this`, an outer binding,
  // or anything the body did not declare (`getBucket(k).push(r)`, `(await open()).add(r)`).
  const outer = (root: TSESTree.Node): boolean => {
    if (root.type !== 'Identifier') return true;
    const ref = index.within(root.range[0], root.range[1])[0];
    const variable = ref?.resolved;
    if (!variable) return true;
    return !variable.defs.every((def) => nodeWithin(def.name, loop.body));
  };
  walk(loop.body, file.visitorKeys, (node) => {
    if (problem) return false;
    // A function in the body (`found.forEach((x) => out.push(x))`) may run during the iteration: its
    // writes to outer collections are checked, its own `var`, `continue` and locals are not the loop's.
    if (isFunctionNode(node)) {
      problem = outerCollectionWriteIn(file, node, outer);
      return false;
    }
    if (node.type === 'VariableDeclaration' && node.kind === 'var') {
      problem = refused('loop-scope-differs', 'The body declares a `var`, shared by every iteration and visible after the loop; inside a callback it would be each call\'s own.');
      return false;
    }
    if (node.type === 'ContinueStatement') {
      // controlFlow of the judge let only a `continue` of this loop before any await through; it ends this call.
      if (collector) {
        problem = refused('unsupported-loop-shape', `A \`continue\` skips \`${collector.name}.push(…)\`; the bounded map would keep a result for every element.`);
        return false;
      }
      if (!insideInnerLoop(node, loop)) {
        // With write collectors the call returns what it collected so far.
        edits.push({ range: [node.range[0], node.range[0] + 'continue'.length], text: writes ? `return ${writes.returned}` : 'return' });
      }
      return false;
    }
    const written = node.type === 'CallExpression' || node.type === 'AssignmentExpression' ? writes?.collectors.find((w) => w.collector.writes.has(node)) : undefined;
    if (written && (node.type === 'CallExpression' || node.type === 'AssignmentExpression')) {
      const edit = writes?.single?.write === node ? { range: node.range, text: `return ${writes.single.text}` } : collectingWriteEdit(file, node, written.collector, written.own);
      if ('level' in edit) problem = edit;
      else edits.push(edit);
      return true;
    }
    if (node.type === 'CallExpression' && node !== collector?.push && node.callee.type === 'MemberExpression') {
      const name = !node.callee.computed && node.callee.property.type === 'Identifier' ? node.callee.property.name : null;
      if (name !== null && collectingMethods.has(name) && outer(memberChainRoot(node.callee))) {
        problem = refused('collects-out-of-order', `\`${textOf(file, node.callee)}(…)\` collects in the order the calls finish, not the order of the list; collect into one local array, object, Map or Set of this function that nothing else holds or reads meanwhile.`);
        return false;
      }
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && outer(memberChainRoot(node.left))) {
      // `out[i] = r` by the counter fills the same places in any order; other keys keep their insertion order.
      if (!isCounterKey(loop, node.left)) {
        problem = refused('collects-out-of-order', `\`${textOf(file, node.left)} = …\` writes in the order the calls finish; collect into one local array, object, Map or Set of this function that nothing else holds or reads meanwhile.`);
        return false;
      }
    }
    return true;
  });
  if (problem) return problem;
  if (collector) {
    const [start, end] = collector.push.range;
    if (dropsComment(file, start, end, [collector.argument])) return refused('would-drop-comment', 'A comment inside the `push(…)` call would be lost.');
    edits.push({ range: [start, end], text: `return ${textOf(file, collector.argument)}` });
  }
  return edits;
}

/**
 * The edit that makes one write of the collection a push into the call's own array: `out.push(x)` →
 * `found.push(x)`, `set.add(x)` → `found.push(x)`, `map.set(k, v)` and `out[k] = v` →
 * `found.push([k, v])` (`as const` in TypeScript when the array has no declared type).
 */
function collectingWriteEdit(file: AnalysisFile, write: CollectingWrite, collector: WriteCollector, own: string): TextEdit | Plan {
  if (write.type === 'CallExpression' && (collector.kind === 'push' || collector.kind === 'add')) {
    const callee = write.callee as TSESTree.MemberExpression;
    if (collector.kind === 'push') return { range: callee.object.range, text: own };
    if (dropsComment(file, callee.range[0], callee.range[1], [])) return refused('would-drop-comment', `A comment in \`${collector.name}.add\` would be lost.`);
    return { range: callee.range, text: `${own}.push` };
  }
  const entry = entryText(file, write, collector, collector.constEntries);
  return typeof entry === 'string' ? { range: write.range, text: `${own}.push(${entry})` } : entry;
}

/** What one write writes, as an expression: the item of a push or `add`, the `[k, v]` of a key or `set` (`as const` when asked). */
function entryText(file: AnalysisFile, write: CollectingWrite, collector: WriteCollector, asConst: boolean): string | Plan {
  const parts = entryOf(write);
  if (dropsComment(file, write.range[0], write.range[1], parts)) return refused('would-drop-comment', `A comment in a write to \`${collector.name}\` would be lost.`);
  // A comma expression would split the entry; anything else reads the same as an array element.
  const texts = parts.map((part) => (part.type === 'SequenceExpression' ? `(${textOf(file, part)})` : textOf(file, part)));
  if (collector.kind === 'push' || collector.kind === 'add') return texts.join(', ');
  return `[${texts.join(', ')}]${asConst ? ' as const' : ''}`;
}

/** One collection's writes in the calls: the array each call collects them in, and the name each call's array has when they are written back. */
interface CallWrite {
  readonly collector: WriteCollector;
  readonly own: string;
  readonly each: string;
  /** How one written entry is named when written back: `[key, value]` for keys and `set`, `item` for `add` and a single push. */
  readonly entry: string;
}

/** How the calls of a bounded map hand back the writes of a loop's body into the collections around it. */
interface CallWrites {
  readonly collectors: readonly CallWrite[];
  /** What a call returns: its one array, or all of them (`[newA, newB] as const`, or the name they are held by). */
  readonly returned: string;
  /** Where a `continue` returns them too: the name the arrays are held by together, and its initialiser. */
  readonly tuple: { readonly name: string; readonly text: string } | null;
  /** The one write, ending the body, of the one collection: the call returns its entry (`text`), written back as `element`. */
  readonly single: { readonly write: CollectingWrite; readonly text: string; readonly element: string } | null;
  /** The words the rewrite adds. */
  readonly words: readonly string[];
}

/**
 * How the calls hand back what `collectors` collect, with names free in the file: the names follow
 * each collection's (`newPackages` for `packages`, `sizesEntries` for `sizes`), else generic ones.
 * When the body's last statement is the one write of one collection and no `continue` skips it, each
 * call returns that entry itself: `out[key] = await f(x)` is written back from `[key, value]` pairs.
 */
function callWritesOf(file: AnalysisFile, loop: LoopNode, collectors: readonly WriteCollector[]): CallWrites | Plan | null {
  if (collectors.length === 0) return null;
  // Names free where the loop is, not in the whole file: a second rewrite elsewhere (applied in a later
  // pass, once the first one's names are in the text) derives its own names the same way.
  const taken = new Set<string>();
  const pick = (candidates: readonly (string | null)[], ownedByLoop = false): string | null => {
    const name = freeNameAt(file, loop, candidates, taken, ownedByLoop);
    if (name !== null) taken.add(name);
    return name;
  };
  const typed = isTypeScriptFile(file);
  const words: string[] = [];
  const calls: CallWrite[] = [];
  const named = collectors.map((collector) => {
    const { name, kind } = collector;
    const capital = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    const own = pick(kind === 'push' || kind === 'add' ? [`new${capital}`, 'found', 'collected', 'pushed', 'gathered'] : [`${name}Entries`, 'found', 'collected', 'pushed', 'gathered']);
    const each = pick([`${name}Batch`, 'batch', 'chunk', 'part', 'group']);
    return { collector, own, each };
  });
  // Several arrays handed back at a `continue` too: the pair (or triple) is made once, beside them,
  // and every `return` hands back that one; it holds the same arrays, so it holds what they hold then.
  const tupleName = collectors.length > 1 && continuesOwnLoop(file, loop) ? pick(['collected', 'gathered', 'found', 'written']) : null;
  for (const { collector, own, each } of named) {
    const { name, kind } = collector;
    // A push's item is named only when the call returns it alone (one collection). An entry is named
    // after what the loop writes (`sizes[file] = info.size` gives `[file, size]`); the `for…of` head
    // that names it keeps the loop's own scopes inside its list, so the element's name may be reused,
    // and each collection's head is its own, so two may name their entries alike.
    const local = new Set(taken);
    const pickEntry = (candidates: readonly (string | null)[]): string | null => {
      const picked = freeNameAt(file, loop, candidates, local, true);
      if (picked !== null) local.add(picked);
      return picked;
    };
    const [keyName, valueName] = writtenNames(collector);
    const entryNames =
      kind === 'key' || kind === 'set'
        ? [pickEntry([keyName, 'key', 'name', 'k', 'entryKey']), pickEntry([valueName, 'value', 'result', 'v', 'entryValue'])]
        : kind === 'add' || collectors.length === 1
          ? [pickEntry([valueName, 'item', 'element', 'entry', 'added'])]
          : [];
    if (own === null || each === null || entryNames.some((n) => n === null)) return refused('name-taken', `No name is free for the array each call collects \`${name}\`'s items in.`);
    const entry = entryNames.length === 2 ? `[${entryNames.join(', ')}]` : (entryNames[0] ?? '');
    calls.push({ collector, own, each, entry });
    words.push(own, each, name, kind, ...entryNames.filter((n): n is string => n !== null), ...(collector.annotation.match(/[\p{L}\p{N}_$]+/gu) ?? []));
  }
  // TypeScript types an array declared without a type from its pushes, but not where a `continue`
  // returns it before them: the call's array would then need a type the collection does not declare.
  const untyped = typed && continuesOwnLoop(file, loop) ? calls.find((c) => c.collector.kind === 'push' && c.collector.annotation === '') : undefined;
  if (untyped) return refused('unsupported-loop-shape', `\`${untyped.collector.name}\` is declared without a type, which the array each call returns early (at a \`continue\`) would need; declare its type first.`);
  const only = calls.length === 1 ? calls[0] : undefined;
  const write = only && only.collector.writes.size === 1 ? [...only.collector.writes][0] : undefined;
  const body = loop.body;
  const last = body.type === 'BlockStatement' ? body.body[body.body.length - 1] : undefined;
  let single: CallWrites['single'] = null;
  if (only && write && last?.type === 'ExpressionStatement' && last.expression === write && !continuesOwnLoop(file, loop)) {
    const { kind } = only.collector;
    const parts = entryOf(write);
    // A literal written `as const` would be readonly; one push of several items is no single entry. In
    // TypeScript a pushed or added item loses the collection's declared type as its context (`'a'`
    // would widen to `string`), so only an array declared without one returns its item itself.
    const literal = parts.some((part) => ['ArrayExpression', 'ObjectExpression'].includes(skipTransparentWrappers(part).type));
    const fits =
      kind === 'push'
        ? write.type === 'CallExpression' && write.arguments.length === 1 && write.arguments[0]?.type !== 'SpreadElement' && (!typed || only.collector.annotation === '')
        : kind === 'add'
          ? !typed
          : !typed || !literal;
    if (fits) {
      const text = entryText(file, write, only.collector, typed && (kind === 'key' || kind === 'set'));
      if (typeof text !== 'string') return text;
      single = { write, text, element: only.entry };
    }
  }
  const tuple = `[${calls.map((c) => c.own).join(', ')}]${typed ? ' as const' : ''}`;
  const returned = only ? only.own : (tupleName ?? tuple);
  return {
    collectors: calls,
    returned,
    tuple: tupleName === null ? null : { name: tupleName, text: tuple },
    single,
    words: [...words, ...(tupleName === null ? [] : [tupleName]), ...(typed ? ['as', 'const'] : [])],
  };
}

/**
 * The names of what every write of `collector` writes, when they agree: its key's and its value's
 * (`[file, size]` for `sizes[file] = info.size`, `[undefined, tag]` for `tags.add(tag)`); `null` where
 * the writes give none, or different ones.
 */
function writtenNames(collector: WriteCollector): readonly [string | null, string | null] {
  const agreed = (names: readonly (string | null)[]): string | null => (names.every((n) => n !== null && n === names[0]) ? (names[0] ?? null) : null);
  const entries = [...collector.writes].map((write) => entryOf(write));
  if (collector.kind === 'add' || collector.kind === 'push') return [null, agreed(entries.map((parts) => (parts.length === 1 && parts[0] ? nameOfValue(parts[0]) : null)))];
  const key = agreed(entries.map((parts) => (parts.length === 2 && parts[0] ? nameOfValue(parts[0]) : null)));
  const value = agreed(entries.map((parts) => (parts.length === 2 && parts[1] ? nameOfValue(parts[1]) : null)));
  return [key, value === key ? null : value];
}

/** The statement that writes a call's entries back into the collection: all of them from `each`, or one (`entry`) when `each` is `null`. */
function writeBackText(write: CallWrite, each: string | null): string {
  const { name, kind } = write.collector;
  const [key, value] = write.entry.replace(/^\[|\]$/g, '').split(', ');
  const one = kind === 'push' ? `${name}.push(${write.entry})` : kind === 'add' ? `${name}.add(${write.entry})` : kind === 'set' ? `${name}.set(${key}, ${value})` : `${name}[${key}] = ${value}`;
  if (each === null) return one;
  return kind === 'push' ? `${name}.push(...${each})` : `for (const ${write.entry} of ${each}) ${one}`;
}

/** The refusal for a write to an outer collection (`out.push(x)`, `byKey[k] = v`) inside a function of the loop body, or `null`. */
function outerCollectionWriteIn(file: AnalysisFile, fn: TSESTree.Node, outer: (root: TSESTree.Node) => boolean): Plan | null {
  let problem: Plan | null = null;
  walk(fn, file.visitorKeys, (node) => {
    if (problem) return false;
    const target =
      node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && collectingMethods.has(node.callee.property.name)
        ? node.callee
        : node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression'
          ? node.left
          : null;
    if (target !== null && outer(memberChainRoot(target))) {
      problem = refused('collects-out-of-order', `\`${textOf(file, target)}\` in a function of the loop body writes in the order the calls finish; collect into one local array, object, Map or Set of this function that nothing else holds or reads meanwhile.`);
    }
    return problem === null;
  });
  return problem;
}

function insideInnerLoop(node: TSESTree.Node, loop: LoopNode): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === 'ForStatement' || current.type === 'ForOfStatement' || current.type === 'ForInStatement' || current.type === 'WhileStatement' || current.type === 'DoWhileStatement') return true;
  }
  return false;
}

/** The call of the bounded form: `boundedMap(xs, 8, mapper)`, `pMap(xs, mapper, { concurrency: 8 })`. */
function boundedCall(callee: string, iterable: string, mapper: string, options: BoundedFormOptions): { text: string; words: string[] } {
  const n = String(options.concurrency);
  if (options.limiter === 'p-map') return { text: `${callee}(${iterable}, ${mapper}, { concurrency: ${n} })`, words: [callee, 'concurrency', n] };
  return { text: `${callee}(${iterable}, ${n}, ${mapper})`, words: [callee, n] };
}

/** How a change reads in a report: `loop → boundedMap(urls, …) (8 at once)`. */
function describe(kind: string, callee: string, iterable: string, options: BoundedFormOptions): string {
  return `${kind} → ${callee}(${shortInput(iterable)}, …), ${options.concurrency} at once`;
}

function shortInput(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 30 ? `${oneLine.slice(0, 29)}…` : oneLine;
}

/**
 * The bounded form of a loop `findAwaitLoops` reports: results pushed into an array declared just
 * before the loop become the map's result; any other loop becomes a bounded run whose completion
 * is awaited. Refused, with the reason, for a head the form cannot take, a body that would mean
 * something else inside a callback (`var`, collecting in completion order), or a name it needs that
 * the file already uses.
 */
export function planBoundedLoop(file: AnalysisFile, found: IndependentLoop, options: BoundedFormOptions): BoundedRewrite {
  const loop = found.loop;
  const result = (plan: Plan, description = 'loop → bounded map'): BoundedRewrite => ({ node: loop, plan, description });
  if (loop.parent?.type === 'LabeledStatement') return result(refused('unsupported-loop-shape', 'The loop is labelled; remove the label first.'));
  const head = loopHeadOf(file, loop);
  if ('level' in head) return result(head);
  // A `continue` would skip the one push ending the body: each call then collects its own pushes.
  // Another collection written too (\`seen.add(x); out.push(await f(x))\`): each call collects them all.
  const single = collectorOf(file, loop);
  const collector = single && !continuesOwnLoop(file, loop) && collectedBindingsOf(file, loop).length === 1 ? single : null;
  const writes = collector ? null : callWritesOf(file, loop, writeCollectorsOf(file, loop, options));
  if (writes && 'level' in writes) return result(writes);
  const inner = bodyEdits(file, loop, collector, writes);
  if (!Array.isArray(inner)) return result(inner);
  let mapperBody: string | null = null;
  if (writes?.single && loop.body.type === 'BlockStatement' && loop.body.body.length === 1 && !dropsComment(file, loop.body.range[0], loop.body.range[1], [])) {
    // The body is the one write: the call's result is the entry, written as the arrow's expression.
    const entry = writes.single.text;
    mapperBody = entry.startsWith('{') ? `(${entry})` : entry;
  } else if (writes && !writes.single && loop.body.type === 'BlockStatement') {
    // Each call collects in arrays of its own: declared first in the body, returned after its last statement.
    const body = loop.body;
    const first = body.body[0] as TSESTree.Statement;
    const last = body.body[body.body.length - 1] as TSESTree.Statement;
    const open = body.range[0] + 1;
    const end = last.range[1];
    if (inner.some((e) => e.range[0] === open || e.range[0] === end || e.range[1] === end)) {
      return result(refused('unsupported-loop-shape', 'The body starts or ends with a statement the rewrite changes; put it on its own line first.'));
    }
    const multiline = file.text.slice(open, first.range[0]).includes('\n');
    const separator = multiline ? `\n${lineIndent(file.text, first.range[0])}` : ' ';
    const semi = usesSemicolons(file, loop) ? ';' : '';
    const tuple = writes.tuple ? `${separator}const ${writes.tuple.name} = ${writes.tuple.text}${semi}` : '';
    const declarations = `${writes.collectors.map((w) => `${separator}const ${w.own}${w.collector.annotation} = []${semi}`).join('')}${tuple}`;
    inner.push({ range: [open, open], text: declarations });
    // On one line, a last statement without its semicolon needs one before the `return`.
    const closing = multiline ? `\n${lineIndent(file.text, last.range[0])}` : /[;}]$/.test(textOf(file, last)) ? ' ' : '; ';
    inner.push({ range: [end, end], text: `${closing}return ${writes.returned}${semi}` });
  }
  // The statement replaced: the loop, or from the collector's declaration to the loop's end.
  const statement: TSESTree.Node = collector ? collector.declaration : loop;
  const calleeOrRefusal = limiterCallee(file, statement, options);
  if ('reason' in calleeOrRefusal) return result(refusedPlan(calleeOrRefusal));
  const callee = calleeOrRefusal;
  if (callsBinding(file, loop.body, callee.name)) {
    return result(refusedPlan({ reason: 'loop-not-independent', message: `Each iteration already runs a bounded map (\`${callee.name}\`): the loop is what bounds the work (batches); it stays sequential.` }));
  }
  const headEnd = loop.body.range[0];
  const kept = [head.iterable, ...(head.counter ? [] : [loop.type === 'ForOfStatement' ? loop.left : loop])];
  if (dropsComment(file, loop.range[0], headEnd, kept)) return result(refused('would-drop-comment', 'A comment in the loop head would be lost.'));
  if (collector && dropsComment(file, collector.init.range[1], loop.range[0], [])) return result(refused('would-drop-comment', 'A comment between the results array and the loop would be lost.'));

  const [bodyStart, bodyEnd] = loop.body.range;
  const shifted = inner.map((e) => ({ range: [e.range[0] - bodyStart, e.range[1] - bodyStart] as const, text: e.text }));
  const bodyText = applyEdits(file.text.slice(bodyStart, bodyEnd), shifted);
  const block = mapperBody ?? (loop.body.type === 'BlockStatement' ? bodyText : `{ ${bodyText} }`);
  const iterable = textOf(file, head.iterable);
  const edits: TextEdit[] = [];
  const words: string[] = ['await', 'async', 'return', ...head.added, ...callee.words];
  let callText: string;
  let described: string;
  let limiterDeclaration: TextEdit | null = null;
  if (options.limiter === 'p-limit') {
    const limit = unusedName(file, ['limit', 'limitCalls', 'limiter']);
    if (limit === null) return result(refused('name-taken', 'No name is free for the p-limit limiter.'));
    // The limiter is made once, just before the statement it bounds.
    const at = statementListOf(statement) === null ? null : statement;
    if (at === null) return result(refused('unsupported-loop-shape', 'The loop is not a statement of a block, so there is no place to declare the limiter in; put it in braces first.'));
    const semi = usesSemicolons(file, statement) ? ';' : '';
    limiterDeclaration = declarationBefore(file, at, `const ${limit} = ${callee.name}(${options.concurrency})${semi}`);
    callText = `Promise.all(Array.from(${iterable}, (${head.params}) => ${limit}(async () => ${block})))`;
    words.push('const', limit, String(options.concurrency), 'Promise', 'all', 'Array', 'from');
    described = `${collector ? 'loop results' : 'loop'} → each call through ${limit} = ${callee.name}(${options.concurrency}), over ${shortInput(iterable)}`;
  } else {
    const call = boundedCall(callee.name, iterable, `async (${head.params}) => ${block}`, options);
    callText = call.text;
    words.push(...call.words);
    described = describe(collector ? 'loop results' : 'loop', callee.name, iterable, options);
  }
  if (writes) {
    // The collections stay; the loop → `for (const batch of await bounded(…)) out.push(...batch);`, in list order.
    const before = limiterDeclaration?.text ?? '';
    const semi = usesSemicolons(file, loop) ? ';' : '';
    const writeBacks = writes.collectors.map((w) => writeBackText(w, writes.single ? null : w.each));
    const element = writes.single ? writes.single.element : writes.collectors.length === 1 ? (writes.collectors[0] as CallWrite).each : `[${writes.collectors.map((w) => w.each).join(', ')}]`;
    let statementText: string;
    if (writeBacks.length === 1) statementText = `${writeBacks[0] ?? ''}${semi}`;
    else {
      // Several collections: one statement each, in a block at the loop's indentation.
      const indent = lineIndent(file.text, loop.range[0]);
      const multiline = loop.body.type === 'BlockStatement' && file.text.slice(loop.body.range[0], loop.body.body[0]?.range[0] ?? loop.body.range[0]).includes('\n');
      const inside = multiline && loop.body.type === 'BlockStatement' && loop.body.body[0] ? lineIndent(file.text, loop.body.body[0].range[0]) : `${indent}  `;
      statementText = multiline ? `{${writeBacks.map((t) => `\n${inside}${t}${semi}`).join('')}\n${indent}}` : `{ ${writeBacks.map((t) => `${t};`).join(' ')} }`;
    }
    edits.push({ range: [loop.range[0], loop.range[1]], text: `${before}for (const ${element} of await ${callText}) ${statementText}` });
    words.push('for', 'const', 'of', 'push', 'as', ...writes.words);
    const kinds = new Set(writes.collectors.map((w) => w.collector.kind));
    const pushed = kinds.size === 1 && kinds.has('push');
    described = `${described.replace(/^loop/, pushed ? 'loop pushes' : 'loop writes')}, ${pushed ? 'pushed' : 'written'} in list order`;
  } else if (collector) {
    // `const out = [];` + loop → `const out = await bounded(…);`: the declaration keeps its kind, name and type.
    const semicolon = textOf(file, collector.declaration).trimEnd().endsWith(';') ? ';' : '';
    if (limiterDeclaration) edits.push(limiterDeclaration);
    edits.push({ range: [collector.init.range[0], loop.range[1]], text: `await ${callText}${semicolon}` });
  } else {
    // The limiter's declaration goes before the loop, in the same edit: two edits may not meet at one point.
    const before = limiterDeclaration?.text ?? '';
    edits.push({ range: [loop.range[0], loop.range[1]], text: `${before}await ${callText}${usesSemicolons(file, loop) ? ';' : ''}` });
  }
  const imports = importEdit(file, callee.imports);
  if (callee.imports.length > 0 && imports === null) return result(refused('name-taken', 'There is no place to add the import the limiter needs.'));
  if (imports) edits.push(...imports.edits);
  const removed = [...head.removed, 'continue', ...(collector ? [collector.name, 'push'] : []), ...(writes?.collectors.flatMap((w) => [w.collector.name, w.collector.kind]) ?? [])];
  const plan = checkedPlan(file, 'review', edits, {
    owned: collector ? [collector.declaration, loop] : [loop],
    vocabulary: { added: [...words, ...(imports?.words ?? [])], removed },
  });
  return result(plan, described);
}

/**
 * The bounded form of a fan-out `findUnboundedFanOuts` reports: `Promise.all(xs.map(fn))` becomes
 * `boundedMap(xs, 8, fn)` (or `pMap(xs, fn, { concurrency: 8 })`, or with p-limit each call of an
 * async arrow goes through `limit(…)`). Only `Promise.all` over `xs.map(inline function)` is
 * written; `allSettled`, `any`, `race` and arrays filled in a loop are refused, as are callbacks
 * that take the array argument, a `thisArg`, or use `arguments`.
 */
export function planBoundedFanOut(file: AnalysisFile, fanOut: UnboundedFanOut, options: BoundedFormOptions): BoundedRewrite {
  const call = fanOut.call;
  const result = (plan: Plan, description = `Promise.${fanOut.combinator}(map) → bounded map`): BoundedRewrite => ({ node: call, plan, description });
  if (fanOut.combinator !== 'all') {
    return result(refused('unsupported-call-shape', `\`Promise.${fanOut.combinator}\` gives other results than a bounded map; bound its calls by hand (p-limit keeps each call's own promise).`));
  }
  const mapped = call.arguments[0];
  if (fanOut.shape !== 'map' || mapped?.type !== 'CallExpression' || mapped.callee.type !== 'MemberExpression' || call.arguments.length !== 1) {
    return result(refused('unsupported-call-shape', 'The promises are started in a loop; write the loop as a bounded map by hand (or run loop-to-bounded on a loop that awaits each call).'));
  }
  const callback = mapped.arguments[0];
  if (mapped.arguments.length !== 1 || !callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) {
    return result(refused('unsupported-call-shape', 'The mapper is not a function written in place (or `map` gets a `thisArg`); a bounded map passes it only the element and the index.'));
  }
  if (callback.params.length > 2 || callback.params.some((p) => p.type === 'RestElement') || (callback.type === 'FunctionExpression' && usesArguments(file, callback))) {
    return result(refused('unsupported-call-shape', 'The mapper takes the array (or all its arguments); a bounded map passes only the element and the index.'));
  }
  const input = mapped.callee.object;
  if (file.oracle.isArray(input) === 'no') return result(refused('unsupported-call-shape', `\`${textOf(file, input)}\` is not shown to be an array.`));
  if (dropsComment(file, call.range[0], call.range[1], [input, callback])) return result(refused('would-drop-comment', 'A comment in the `Promise.all(….map(…))` call would be lost.'));
  const calleeOrRefusal = limiterCallee(file, call, options);
  if ('reason' in calleeOrRefusal) return result(refusedPlan(calleeOrRefusal));
  const callee = calleeOrRefusal;
  const imports = importEdit(file, callee.imports);
  if (callee.imports.length > 0 && imports === null) return result(refused('name-taken', 'There is no place to add the import the limiter needs.'));
  const inputText = textOf(file, input);
  const edits: TextEdit[] = [...(imports?.edits ?? [])];
  const words: string[] = [...callee.words, ...(imports?.words ?? [])];
  if (options.limiter === 'p-limit') {
    const wrapped = limitWrappedCallback(file, callback, call, callee, options);
    if ('level' in wrapped) return result(wrapped);
    edits.push(...wrapped.edits);
    words.push(...wrapped.words);
    return result(
      checkedPlan(file, 'review', edits, { owned: [callback], vocabulary: { added: words, removed: ['async'] } }),
      `Promise.all(map) → each call through ${wrapped.limit} = ${callee.name}(${options.concurrency}), over ${shortInput(inputText)}`,
    );
  }
  const bounded = boundedCall(callee.name, inputText, dedentedText(file, callback, call), options);
  edits.push({ range: [call.range[0], call.range[1]], text: bounded.text });
  words.push(...bounded.words);
  return result(
    checkedPlan(file, 'review', edits, { owned: [call], vocabulary: { added: words, removed: ['Promise', 'all', 'map'] } }),
    describe('Promise.all(map)', callee.name, inputText, options),
  );
}

/**
 * With p-limit, each call of an `async` arrow goes through `limit`: `async (x) => body` becomes
 * `(x) => limit(async () => body)`, and `const limit = pLimit(8)` is declared before the statement
 * holding `site`. Only an `async (…) => …` arrow without declared types is wrapped.
 */
function limitWrappedCallback(
  file: AnalysisFile,
  callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  site: TSESTree.Node,
  callee: LimiterCallee,
  options: BoundedFormOptions,
  declarationPrefix = '',
): { readonly limit: string; readonly edits: readonly TextEdit[]; readonly words: readonly string[] } | Plan {
  if (callback.type !== 'ArrowFunctionExpression' || !callback.async || callback.returnType || callback.typeParameters) {
    return refused('unsupported-call-shape', 'With p-limit only an `async` arrow without declared types is wrapped; use --limiter p-map or local.');
  }
  const firstParam = callback.params[0];
  const asyncEnd = firstParam ? file.text.lastIndexOf('(', firstParam.range[0]) : file.text.indexOf('(', callback.range[0]);
  const head = file.text.slice(callback.range[0], asyncEnd);
  const body = callback.body;
  const arrow = file.text.lastIndexOf('=>', body.range[0]);
  if (!/^async\s+$/.test(head) || asyncEnd < 0 || !/^=>\s*$/.test(file.text.slice(arrow, body.range[0]))) {
    return refused('unsupported-call-shape', 'With p-limit only an `async (…) => …` arrow with its parameters in parentheses is wrapped.');
  }
  const limit = unusedName(file, ['limit', 'limitCalls', 'limiter']);
  const at = insertionStatement(site);
  if (limit === null || at === null) return refused('unsupported-call-shape', 'There is no statement before the call to declare the limiter in, or no free name for it.');
  const semi = usesSemicolons(file, at) ? ';' : '';
  const declaration = declarationBefore(file, at, `const ${limit} = ${callee.name}(${options.concurrency})${semi}`);
  return {
    limit,
    edits: [
      // What else the caller writes where the statement starts goes into the same edit: two edits may not meet at one point.
      { range: declaration.range, text: `${declaration.text}${declarationPrefix}` },
      { range: [callback.range[0], asyncEnd], text: '' },
      { range: [body.range[0], body.range[0]], text: `${limit}(async () => ` },
      { range: [body.range[1], body.range[1]], text: ')' },
    ],
    words: ['const', limit, String(options.concurrency), 'async'],
  };
}

/**
 * The bounded form of a `forEach` with an async callback that `no-async-array-callback` reports,
 * for `foreach-async-to-for-of --concurrent`: `xs.forEach(async (x) => …);` becomes
 * `await boundedMap(xs, 8, async (x) => …);` (or `await pMap(xs, fn, { concurrency: 8 })`, or with
 * p-limit `await Promise.all(xs.map((x) => limit(async () => …)))`). The calls now overlap a few at
 * a time instead of all at once, and the function waits for them: `review`. Refused where the
 * `Promise.all` form is (a call that is not a statement of its own, a function that cannot await),
 * for lodash's and underscore's `forEach`, a callback not written in place, one that takes the array
 * or reads `arguments`, a `thisArg`, and a receiver with holes or one the callback reads or changes.
 */
export function planBoundedForEach(file: AnalysisFile, found: AsyncArrayCallback, options: BoundedFormOptions): BoundedRewrite {
  const call = found.call;
  const result = (plan: Plan, description = 'forEach(async …) → bounded map'): BoundedRewrite => ({ node: call, plan, description });
  const callee = call.callee;
  if (found.method !== 'forEach' || callee.type !== 'MemberExpression') {
    return result(refused('unsupported-call-shape', `A bounded form is written for the method form \`xs.forEach(…)\`, not for \`${found.method}(…)\`.`));
  }
  // The statement, the receiver and the enclosing function must allow `await Promise.all(xs.map(…))`: the bounded form needs the same.
  if (found.promiseAll.level === 'refused') return result(found.promiseAll);
  const callback = found.callback;
  if (call.arguments.length !== 1 || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') || callback.generator) {
    return result(refused('unsupported-call-shape', 'The callback is not a function written in place (or `forEach` gets a `thisArg`); a bounded map passes it only the element and the index.'));
  }
  if (callback.params.length > 2 || callback.params.some((p) => p.type === 'RestElement') || (callback.type === 'FunctionExpression' && usesArguments(file, callback))) {
    return result(refused('unsupported-call-shape', 'The callback takes the array (or all its arguments); a bounded map passes only the element and the index.'));
  }
  const input = callee.object;
  if (input.type === 'SequenceExpression') return result(refused('unsupported-call-shape', 'The receiver is a comma expression; name it first.'));
  const problem = forEachReceiverProblem(file, callback, input);
  if (problem !== null) return result(refused('loop-scope-differs', problem));
  if (dropsComment(file, call.range[0], call.range[1], [input, callback])) return result(refused('would-drop-comment', 'A comment in the `forEach(…)` call would be lost.'));
  const calleeOrRefusal = limiterCallee(file, call, options);
  if ('reason' in calleeOrRefusal) return result(refusedPlan(calleeOrRefusal));
  const limiter = calleeOrRefusal;
  const imports = importEdit(file, limiter.imports);
  if (limiter.imports.length > 0 && imports === null) return result(refused('name-taken', 'There is no place to add the import the limiter needs.'));
  const inputText = textOf(file, input);
  const edits: TextEdit[] = [...(imports?.edits ?? [])];
  const words: string[] = ['await', ...limiter.words, ...(imports?.words ?? [])];
  if (options.limiter === 'p-limit') {
    // `xs.forEach(async (x) => …)` → `await Promise.all(xs.map((x) => limit(async () => …)))`, the limiter declared before.
    const statementStart = call.parent?.range[0] === call.range[0] ? call.range[0] : null;
    const wrapped = limitWrappedCallback(file, callback, call, limiter, options, statementStart === null ? '' : 'await Promise.all(');
    if ('level' in wrapped) return result(wrapped);
    edits.push(...wrapped.edits, { range: callee.property.range, text: 'map' }, { range: [call.range[1], call.range[1]], text: ')' });
    if (statementStart === null) edits.push({ range: [call.range[0], call.range[0]], text: 'await Promise.all(' });
    words.push(...wrapped.words, 'Promise', 'all', 'map');
    return result(
      checkedPlan(file, 'review', edits, { owned: [call], vocabulary: { added: words, removed: ['forEach', 'async'] } }),
      `forEach(async …) → each call through ${wrapped.limit} = ${limiter.name}(${options.concurrency}), over ${shortInput(inputText)}`,
    );
  }
  const bounded = boundedCall(limiter.name, inputText, dedentedText(file, callback, call), options);
  edits.push({ range: [call.range[0], call.range[1]], text: `await ${bounded.text}` });
  words.push(...bounded.words);
  return result(
    checkedPlan(file, 'review', edits, { owned: [call], vocabulary: { added: words, removed: ['forEach'] } }),
    describe('forEach(async …)', limiter.name, inputText, options),
  );
}

/** Whether `root` calls the top-level binding `name` (the limiter an inner rewrite wrote). */
function callsBinding(file: AnalysisFile, root: TSESTree.Node, name: string): boolean {
  const index = referenceIndexOf(file);
  let found = false;
  walk(root, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name) {
      const variable = index.within(node.callee.range[0], node.callee.range[1])[0]?.resolved;
      found = variable !== null && variable !== undefined && (variable.scope.type === 'module' || variable.scope.type === 'global');
    }
    return !found;
  });
  return found;
}

/**
 * The text of `node` moved up to the line `anchor` starts on: continuation lines lose the
 * indentation `node`'s line has beyond `anchor`'s, when every one of them has it and no string or
 * template spans lines (whose content would change); else the text as written.
 */
function dedentedText(file: AnalysisFile, node: TSESTree.Node, anchor: TSESTree.Node): string {
  const text = textOf(file, node);
  const nodeIndent = lineIndent(file.text, node.range[0]);
  const anchorIndent = lineIndent(file.text, anchor.range[0]);
  if (!text.includes('\n') || nodeIndent.length <= anchorIndent.length || !nodeIndent.startsWith(anchorIndent) || !canReindent(node, file)) return text;
  const extra = nodeIndent.slice(anchorIndent.length);
  const lines = text.split('\n');
  if (!lines.slice(1).every((line) => line.trim() === '' || line.startsWith(extra))) return text;
  return [lines[0], ...lines.slice(1).map((line) => (line.startsWith(extra) ? line.slice(extra.length) : line))].join('\n');
}

function usesArguments(file: AnalysisFile, fn: TSESTree.FunctionExpression): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found || (isFunctionNode(node) && node.type !== 'ArrowFunctionExpression')) return false;
    if (node.type === 'Identifier' && node.name === 'arguments') found = true;
    return !found;
  });
  return found;
}
