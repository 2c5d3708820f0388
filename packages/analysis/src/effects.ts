import type { TSESTree } from '@typescript-eslint/types';
import { type EffectKind, effectKindOfName, globalStateObjects, moduleLoaders, pauseCallees, pauseVerbs, sqlReadKeywords, verbsOf } from './catalogues/effect-verbs';
import { calleeNames } from './names';
import type { BindingKey } from './scope';
import { skipTransparentWrappers } from './walk';

/**
 * What an awaited call may do to state outside the bindings, as far as the code shows: the effect
 * its verb suggests, and the handles (receiver roots and argument identifiers) through which it
 * reaches a store. Binding-level data flow cannot see a write to a cache directory followed by a
 * read of it; these facts let a run keep such pairs in order.
 */
export interface EffectFacts {
  /** From the verb of the operation's name (`index.insert` → `write`); `null` when none is catalogued. */
  readonly kind: EffectKind | null;
  /** Receiver roots and argument roots: `this`, a binding, or `global:name`. */
  readonly handles: ReadonlySet<Handle>;
  /** Handles the call may change although its verb does not say so: process-wide objects passed as arguments. */
  readonly mutableArguments: ReadonlySet<Handle>;
  /**
   * The awaited expression as written, whitespace folded (`cache.getRelease(url, 'x')`), when it
   * starts with a call of a named callee; `null` when it starts with `new` (each makes a fresh object).
   */
  readonly signature: string | null;
  /** The operation with its first argument when that is a name (`rubygems.getVersions(registryUrl)`). */
  readonly subject: string | null;
  /** Whether the operation takes no arguments: a read of ambient state (`getRepoStatus()`). */
  readonly takesNoArguments: boolean;
  /** `import()` or a test runner's module loader. */
  readonly loadsModule: boolean;
}

export type Handle = BindingKey | 'this';

/** How a handle's identifier resolves to a binding; `null` when it resolves to nothing the file knows. */
export type ResolveIdentifier = (identifier: TSESTree.Identifier) => BindingKey | null;

/**
 * The call that starts an awaited chain: in `fetch(url).then(read)` it is `fetch(url)`, in
 * `db.users.find(q).toArray()` it is `db.users.find(q)`. `null` for anything but a call or `new`.
 */
export function startingCall(operand: TSESTree.Expression): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let node = skipTransparentWrappers(operand);
  let call: TSESTree.CallExpression | TSESTree.NewExpression | null = null;
  while (node.type === 'CallExpression' || node.type === 'NewExpression') {
    call = node;
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== 'MemberExpression') break;
    const object = skipTransparentWrappers(callee.object);
    if (object.type !== 'CallExpression' && object.type !== 'NewExpression') break;
    node = object;
  }
  return call;
}

/** The name whose verb classifies a call: the method name, or the function's own name. */
function operationWord(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type !== 'MemberExpression') return null;
  if (!callee.computed && (callee.property.type === 'Identifier' || callee.property.type === 'PrivateIdentifier')) {
    return callee.property.name;
  }
  return callee.property.type === 'Literal' && typeof callee.property.value === 'string' ? callee.property.value : null;
}

const strength: Record<EffectKind, number> = { read: 0, write: 1, setup: 2, interactive: 3 };

const sqlReads: ReadonlySet<string> = new Set(sqlReadKeywords);

/**
 * The effect kind of one call by its name, and for `query(…)` by its statement when it is given one:
 * SQL text (a string or template, tagged or not, also as the `text`/`sql` of an options object) is a
 * read only when it starts with a reading keyword (`SELECT`, `SHOW`, `EXPLAIN`…), and a statement
 * passed by name (`runner.query(up)`, `this.query(sql, params)`) may be DDL or an `UPDATE` (a
 * migration's queries run one by one), so it counts as a write. A structured query (`query({ table })`,
 * GraphQL's `client.query({ query: GET_USER })`) stays a read.
 */
function kindOfCall(call: TSESTree.CallExpression | TSESTree.NewExpression, word: string | null): EffectKind | null {
  if (word === null) return null;
  const kind = effectKindOfName(word);
  if (kind !== 'read' || call.type !== 'CallExpression' || !verbsOf(word).includes('query')) return kind;
  let statement = call.arguments[0];
  if (statement?.type === 'ObjectExpression') {
    const property = statement.properties.find(
      (p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && (p.key.name === 'text' || p.key.name === 'sql'),
    );
    if (!property) return 'read';
    statement = property.value as TSESTree.Expression;
  }
  if (statement === undefined) return 'read';
  let core = skipTransparentWrappers(statement as TSESTree.Expression);
  // SQL built by concatenation starts with its leftmost part: `` `UPDATE ${table} ` + `SET …` ``.
  while (core.type === 'BinaryExpression' && core.operator === '+') core = skipTransparentWrappers(core.left);
  const text =
    core.type === 'Literal' && typeof core.value === 'string'
      ? core.value
      : core.type === 'TemplateLiteral'
        ? (core.quasis[0]?.value.cooked ?? '')
        : core.type === 'TaggedTemplateExpression'
          ? (core.quasi.quasis[0]?.value.cooked ?? '')
          : null;
  if (text === null) return core.type === 'Identifier' || core.type === 'MemberExpression' ? 'write' : 'read';
  const keyword = /^[\s(]*([a-z]+)/i.exec(text.replace(/--[^\n]*\n|\/\*[\s\S]*?\*\//g, ' '))?.[1]?.toLowerCase();
  return keyword !== undefined && sqlReads.has(keyword) ? 'read' : 'write';
}

/**
 * The effect kind the awaited operation's names suggest (`null` when unknown): the strongest along
 * its call chain, so a builder (`db.insertInto(t).values(v).execute()`) is known by its verb.
 */
export function effectKindOf(operand: TSESTree.Expression): EffectKind | null {
  let kind: EffectKind | null = null;
  let node = skipTransparentWrappers(operand);
  while (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const found = kindOfCall(node, node.type === 'CallExpression' ? operationWord(node) : null);
    if (found !== null && (kind === null || strength[found] > strength[kind])) kind = found;
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== 'MemberExpression') break;
    node = skipTransparentWrappers(callee.object);
  }
  return kind;
}

/**
 * The root a value is reached through, for handles: `a` of `a.b.c`, `this` of `this.x`; `null` for
 * anything else (a literal, a fresh object, a call's result).
 */
export function rootOf(node: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | null {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === 'Identifier' || current.type === 'ThisExpression') return current;
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'ChainExpression') {
      current = current.expression;
    } else return null;
  }
}

/**
 * Collects the handles an argument passes: names and member roots, also inside object and array
 * literals, templates, operators and the arguments of nested calls (`join(dir, 'x')` passes `dir`).
 * Function bodies are not entered: a callback passes code, not a store.
 */
function collectArgumentRoots(node: TSESTree.Node, out: (TSESTree.Identifier | TSESTree.ThisExpression)[]): void {
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'MemberExpression': {
      const root = rootOf(node);
      if (root) out.push(root);
      else if (node.type === 'MemberExpression') collectArgumentRoots(node.object, out);
      return;
    }
    case 'ObjectExpression':
      for (const property of node.properties) {
        collectArgumentRoots(property.type === 'Property' ? property.value : property.argument, out);
      }
      return;
    case 'ArrayExpression':
      for (const element of node.elements) if (element) collectArgumentRoots(element, out);
      return;
    case 'SpreadElement':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'ChainExpression':
      collectArgumentRoots(node.type === 'SpreadElement' ? node.argument : node.expression, out);
      return;
    case 'TemplateLiteral':
      for (const expression of node.expressions) collectArgumentRoots(expression, out);
      return;
    case 'BinaryExpression':
    case 'LogicalExpression':
      collectArgumentRoots(node.left, out);
      collectArgumentRoots(node.right, out);
      return;
    case 'ConditionalExpression':
      collectArgumentRoots(node.consequent, out);
      collectArgumentRoots(node.alternate, out);
      return;
    case 'CallExpression':
    case 'NewExpression':
      for (const argument of node.arguments) collectArgumentRoots(argument, out);
      return;
    default:
      return;
  }
}

const globalStateNames: ReadonlySet<string> = new Set(globalStateObjects.map((name) => `global:${name}`));

const combinators: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);

/**
 * The operations an awaited operand starts: the elements of `Promise.all([…])` (and its siblings,
 * nested too: what an earlier rewrite wrote), else the operand itself. A rewritten run must keep the
 * effects of its calls, or the next pass would join it with what they must precede.
 */
export function operationsOf(operand: TSESTree.Expression): TSESTree.Expression[] {
  const core = skipTransparentWrappers(operand);
  if (
    core.type === 'CallExpression' &&
    core.callee.type === 'MemberExpression' &&
    core.callee.object.type === 'Identifier' &&
    core.callee.object.name === 'Promise' &&
    core.callee.property.type === 'Identifier' &&
    combinators.has(core.callee.property.name) &&
    core.arguments[0]?.type === 'ArrayExpression'
  ) {
    return core.arguments[0].elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? operationsOf(e) : []));
  }
  return [operand];
}

/**
 * The effect facts of an awaited operand, one per operation it starts (see `operationsOf`). Kept
 * apart, not merged: a run rewritten to one `Promise.all` must meet the statements around it exactly
 * as its calls did, or the codemod's next pass would join what the rule keeps apart.
 */
export function effectFactsOfOperand(operand: TSESTree.Expression, text: string, resolve: ResolveIdentifier): EffectFacts[] {
  return operationsOf(operand).map((o) => effectFactsOf(o, text, resolve));
}

/**
 * The effect facts of one awaited operand. `text` is the file's text (signatures are compared as
 * written, whitespace folded); `resolve` maps identifiers to bindings.
 */
export function effectFactsOf(operand: TSESTree.Expression, text: string, resolve: ResolveIdentifier): EffectFacts {
  const core = skipTransparentWrappers(operand);
  const call = startingCall(operand);
  const handles = new Set<Handle>();
  const mutableArguments = new Set<Handle>();
  const add = (root: TSESTree.Identifier | TSESTree.ThisExpression, isArgument: boolean) => {
    const key = root.type === 'ThisExpression' ? 'this' : resolve(root);
    if (key === null) return;
    handles.add(key);
    if (isArgument && typeof key === 'string' && globalStateNames.has(key)) mutableArguments.add(key);
  };
  if (call) {
    const callee = skipTransparentWrappers(call.callee);
    if (callee.type === 'MemberExpression') {
      const receiver = rootOf(callee.object);
      if (receiver) add(receiver, false);
    }
  }
  // The arguments of every call along the chain (`get(url).then(parse, opts)`), and of `import(…)`.
  const roots: (TSESTree.Identifier | TSESTree.ThisExpression)[] = [];
  let node: TSESTree.Node = core;
  while (node.type === 'CallExpression' || node.type === 'NewExpression') {
    for (const argument of node.arguments) collectArgumentRoots(argument, roots);
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== 'MemberExpression') break;
    node = skipTransparentWrappers(callee.object);
  }
  if (core.type === 'ImportExpression') collectArgumentRoots(core.source, roots);
  for (const root of roots) add(root, true);

  const calleeName = call ? (calleeNames(call)[0] ?? null) : null;
  const argumentsText = call ? call.arguments.map((a) => foldSpace(text.slice(a.range[0], a.range[1]))) : [];
  const first = call?.arguments[0];
  const firstIsName = first !== undefined && (first.type === 'Identifier' || first.type === 'MemberExpression') && rootOf(first) !== null;
  return {
    kind: effectKindOf(operand),
    handles,
    mutableArguments,
    signature: calleeName === null || call?.type !== 'CallExpression' ? null : foldSpace(text.slice(core.range[0], core.range[1])),
    subject: calleeName !== null && firstIsName ? `${calleeName}(${argumentsText[0] ?? ''}` : null,
    takesNoArguments: call !== null && call.arguments.length === 0,
    loadsModule: core.type === 'ImportExpression' || (calleeName !== null && (moduleLoaders as readonly string[]).includes(calleeName)),
  };
}

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Why a later statement's effects keep it out of a run: a member of `silenceReasons`. */
export type EffectConflict =
  | 'ordered-callee'
  | 'module-load-order'
  | 'repeated-call'
  | 'repeated-subject'
  | 'setup-then-use'
  | 'shared-state-write';

const writes = (kind: EffectKind | null) => kind === 'write' || kind === 'setup';

/**
 * The effects seen so far in one run, aggregated so that checking the next statement costs its own
 * size, not the run's: maps from handle to what the run did through it, and sets of signatures.
 */
export class RunEffects {
  /** Every handle the run used, and whether a statement may have written through it. */
  private readonly handles = new Map<Handle, boolean>();
  private readonly signatures = new Set<string>();
  private readonly subjects = new Set<string>();
  private readonly orderedGroups = new Set<number>();
  private anyWrite = false;
  private anySetup = false;
  private loadedModule = false;
  private size = 0;

  constructor(
    private readonly testTier: boolean,
    /** Whether the file resets its module registry, so that two loads must keep their order. */
    private readonly resetsModuleRegistry: boolean,
  ) {}

  /**
   * Why `next` (with the `ordered` pattern groups its callee matches) cannot join the run, or `null`.
   * Checks only what the statements' names and handles show; the binding checks come before this.
   */
  conflict(operations: readonly EffectFacts[], orderedGroups: readonly number[]): EffectConflict | null {
    if (orderedGroups.some((g) => this.orderedGroups.has(g))) return 'ordered-callee';
    for (const operation of operations) {
      const conflict = this.conflictOf(operation);
      if (conflict) return conflict;
    }
    return null;
  }

  private conflictOf(next: EffectFacts): EffectConflict | null {
    if (this.resetsModuleRegistry && next.loadsModule && this.loadedModule) return 'module-load-order';
    if (next.signature !== null && this.signatures.has(next.signature)) return 'repeated-call';
    if (this.testTier && next.subject !== null && this.subjects.has(next.subject)) return 'repeated-subject';
    let shares = false;
    let readsWritten = false;
    for (const handle of next.handles) {
      const written = this.handles.get(handle);
      if (written === undefined) continue;
      shares = true;
      if (written) readsWritten = true;
    }
    if (this.anySetup && (next.kind !== 'setup' || shares)) return 'setup-then-use';
    // A test arranges, acts and asserts through fixtures the calls do not name (a database, the
    // working directory): there, a write is ordered with everything around it.
    if (this.testTier && (this.anyWrite || (writes(next.kind) && this.size > 0))) return 'shared-state-write';
    if (readsWritten) return 'shared-state-write';
    if (shares && (writes(next.kind) || next.mutableArguments.size > 0)) return 'shared-state-write';
    if (this.anyWrite && next.kind === 'read' && next.takesNoArguments) return 'shared-state-write';
    return null;
  }

  /** Records a statement that joined the run: each operation it starts, and its `ordered` groups. */
  add(operations: readonly EffectFacts[], orderedGroups: readonly number[]): void {
    for (const group of orderedGroups) this.orderedGroups.add(group);
    for (const operation of operations) this.addOperation(operation);
  }

  private addOperation(facts: EffectFacts): void {
    const written = writes(facts.kind);
    for (const handle of facts.handles) {
      const mutable = written || facts.mutableArguments.has(handle);
      this.handles.set(handle, (this.handles.get(handle) ?? false) || mutable);
    }
    if (facts.signature !== null) this.signatures.add(facts.signature);
    if (facts.subject !== null) this.subjects.add(facts.subject);
    this.anyWrite ||= written;
    this.anySetup ||= facts.kind === 'setup';
    this.loadedModule ||= facts.loadsModule;
    this.size++;
  }
}

/** The effect kind of one call by its own name (not its chain), with the root of its receiver (`null` for a plain function call). */
export function callEffectOf(call: TSESTree.CallExpression | TSESTree.NewExpression): {
  readonly kind: EffectKind | null;
  readonly receiver: TSESTree.Identifier | TSESTree.ThisExpression | null;
  readonly method: string | null;
} {
  const word = call.type === 'CallExpression' ? operationWord(call) : null;
  const callee = skipTransparentWrappers(call.callee);
  const receiver = callee.type === 'MemberExpression' ? rootOf(callee.object) : null;
  return { kind: kindOfCall(call, word), receiver, method: callee.type === 'MemberExpression' ? word : null };
}

const pauseNames: ReadonlySet<string> = new Set(pauseCallees);
const pauseWords: ReadonlySet<string> = new Set(pauseVerbs);

/**
 * Whether an awaited operand is a pause: a call whose verb waits (`sleep`, `delay`, `waitFor`,
 * `backoff`), a timer promise (`setTimeout` of `timers/promises`), or a `new Promise` whose executor
 * only sets a timer (`new Promise((r) => setTimeout(r, ms))`). By name, so used only to stay silent.
 */
export function isPause(operand: TSESTree.Expression): boolean {
  const core = skipTransparentWrappers(operand);
  if (core.type === 'NewExpression' && core.callee.type === 'Identifier' && core.callee.name === 'Promise') {
    const executor = core.arguments[0];
    if (executor?.type !== 'ArrowFunctionExpression' && executor?.type !== 'FunctionExpression') return false;
    const body = executor.body.type === 'BlockStatement' && executor.body.body.length === 1 ? executor.body.body[0] : executor.body;
    const expression = body?.type === 'ExpressionStatement' ? body.expression : body;
    return expression?.type === 'CallExpression' && calleeNames(expression).some((name) => pauseNames.has(name) || name.endsWith('.setTimeout'));
  }
  const call = startingCall(core);
  if (!call) return false;
  if (calleeNames(call).some((name) => pauseNames.has(name))) return true;
  const word = call.type === 'CallExpression' ? operationWord(call) : null;
  const first = word === null ? undefined : verbsOf(word)[0];
  return first !== undefined && pauseWords.has(first);
}
