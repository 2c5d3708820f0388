/**
 * A callback API call inside an `async` function becomes the awaited promise twin, with the
 * callback's body after the `await`:
 *
 * ```js
 * async function load(p) {
 *   fs.readFile(p, 'utf8', (err, text) => {
 *     if (err) throw err;
 *     use(text);
 *   });
 * }
 * // becomes
 * async function load(p) {
 *   const text = await fs.promises.readFile(p, 'utf8');
 *   use(text);
 * }
 * ```
 *
 * The shape is narrow on purpose, since everything around the call runs at another time afterwards:
 * the call is a statement of its own and the last thing its function does (nothing ran after it
 * before the callback did), its callback is written in place, takes the catalogue's values, returns
 * nothing and reads no `this` or `arguments` of its own, and its error is either forwarded
 * (`if (err) throw err;`: it stays a rejection) or handled by an `if (err)` that leaves the callback
 * (it becomes `try/catch` around the `await` only). Every other shape is refused with a name.
 */
import type { Scope } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { NodeCallbackApi } from './catalogues/node-callback-apis';
import { type TwinCallee, twinReference } from './blocking-calls';
import { type Plan, type RefusalReason, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { importEdit } from './module-references';
import { wordsOf } from './promise-wrappers';
import { walk } from './walk';

type InlineCallback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

/** The nearest function around `node`, or `null` at module top level (class field initialisers count as functions). */
export function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | 'other' | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') return current;
    if (current.type === 'PropertyDefinition' || current.type === 'AccessorProperty' || current.type === 'StaticBlock') return 'other';
  }
  return null;
}

/**
 * The plan that awaits `api`'s promise twin in place of `call` and runs `callback`'s body after it,
 * at level `review` (the rest of the function now waits for the call, and an error thrown after it
 * rejects the function's promise instead of escaping as an uncaught exception); or the refusal that
 * names the first thing that cannot be shown to keep the code's meaning.
 */
export function planAwaitTwin(file: AnalysisFile, call: TSESTree.CallExpression, api: NodeCallbackApi, callback: TSESTree.Expression): Plan {
  return planAwaitedCallback(file, call, api, callback, () => {
    if (api.twin.kind === 'global') return 'This twin is not rewritten automatically.';
    // A file that imports the callback API by name (`readFile`) reaches its twin through `promises`.
    return twinReference(file, call, api.twin, { viaAliasImport: true });
  });
}

/**
 * What a call's callback gets and how: a catalogue entry, or (for a project function that
 * callback-to-async makes `async`) an error-first callback with one value.
 */
export type AwaitedCallbackShape = Pick<NodeCallbackApi, 'module' | 'name' | 'style' | 'result'>;

/**
 * {@link planAwaitTwin} for any call whose promise form `calleeFor` names: the catalogue's twin, or
 * the same function once it returns a promise. `calleeFor` is asked only once every check passed;
 * a string is its refusal (`no-promise-twin`), null means the name it needs is taken.
 */
export function planAwaitedCallback(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  api: AwaitedCallbackShape,
  callback: TSESTree.Expression,
  calleeFor: () => TwinCallee | string | null,
): Plan {
  if (call.optional || call.callee.type === 'ChainExpression' || call.parent.type === 'ChainExpression') {
    return refuse('unsupported-call-shape', 'An optional call is migrated by hand.');
  }
  const statement = call.parent;
  if (statement.type !== 'ExpressionStatement') {
    return refuse('callback-result-used', 'The call\'s own result is used (a stream, a child process, a timer id …); the twin returns a promise instead.');
  }
  if (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') {
    return refuse('callback-not-inline', 'The callback is not written at the call, so its body cannot move after the `await`; promisify the call by hand.');
  }
  if (callback.async || callback.generator) {
    return refuse('callback-returns-value', 'The callback is `async` or a generator: it returns a value the API drops, which the rewrite would keep.');
  }
  const scope = file.scopeManager.acquire(callback);
  if (!scope) return refuse('unsupported-call-shape', 'The callback has no scope of its own.');
  if (callback.type === 'FunctionExpression') {
    if (usesOwnThis(file, callback)) return refuse('callback-uses-this', 'The callback is a `function` that reads its own `this`, which would become the enclosing function\'s.');
    if ((scope.set.get('arguments')?.references.length ?? 0) > 0) {
      return refuse('callback-uses-arguments', 'The callback is a `function` that reads its own `arguments`, which would become the enclosing function\'s.');
    }
    if (callback.id && (file.scopeManager.acquire(callback, true)?.set.get(callback.id.name)?.references.length ?? 0) > 0) {
      return refuse('callback-not-inline', 'The callback refers to itself by name.');
    }
  }
  const enclosing = enclosingFunctionOf(call);
  if (enclosing === null || enclosing === 'other' || !enclosing.async) {
    return refuse(
      'not-awaitable-here',
      enclosing === null
        ? 'The call is at module top level, where an `await` would hold up every importer; move it into an async function.'
        : 'The enclosing function is not `async`: making it so would change what its callers get (a promise, and rejections instead of throws).',
    );
  }
  const tail = tailProblem(statement, enclosing);
  if (tail) return refuse('code-after-callback-call', tail);
  const parts = callbackParts(file, api, call, callback, scope);
  if ('reason' in parts) return refuse(parts.reason, parts.message);
  const clash = nameClash(file, enclosing, callback, scope, call);
  if (clash) return refuse('name-clash', `The callback declares \`${clash}\`, which the enclosing function already uses or declares elsewhere.`);
  return buildPlan(file, call, api, callback, statement, parts, calleeFor);
}

export function usesOwnThis(file: AnalysisFile, fn: InlineCallback | TSESTree.FunctionDeclaration): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return false;
    if (node.type === 'ThisExpression' || node.type === 'Super') found = true;
    return !found;
  });
  return found;
}

/**
 * Why the statement is not the last thing its async function does, or `null`: each statement from it
 * up to the function's body is the last of its block (or a branch of an `if`), with no loop, `try`,
 * `switch` or label between, since any of those would run code after the call before the callback did.
 */
export function tailProblem(statement: TSESTree.Node, fn: FunctionNode): string | null {
  let current: TSESTree.Node = statement;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return 'The call is not inside its function\'s body.';
    if (parent.type === 'BlockStatement') {
      if (parent.body[parent.body.length - 1] !== current) {
        return 'Code follows the call in its block: it ran before the callback, and would run after the `await`.';
      }
      if (parent.parent === fn) return null;
      current = parent;
      continue;
    }
    if (parent.type === 'IfStatement' && parent.test !== current) {
      // A branch must be a block, so the new statements have one to stand in.
      if (current.type !== 'BlockStatement' && current === statement) return 'The call is an `if` branch without braces.';
      current = parent;
      continue;
    }
    return `The call is inside ${placeNames[parent.type] ?? 'a statement'} whose code runs after the call and before the callback (the next iteration, a \`finally\`, the next case).`;
  }
}

const placeNames: Partial<Record<string, string>> = {
  ForStatement: 'a loop',
  ForInStatement: 'a loop',
  ForOfStatement: 'a loop',
  WhileStatement: 'a loop',
  DoWhileStatement: 'a loop',
  TryStatement: 'a `try`',
  CatchClause: 'a `catch`',
  SwitchCase: 'a `switch`',
  LabeledStatement: 'a labelled statement',
};

export interface CallbackParts {
  /** The error parameter, when the error is handled in a `catch`. */
  readonly errName: string | null;
  /** The value parameters, with the twin result's field each takes (`null` for the one value). */
  readonly values: readonly { readonly param: TSESTree.Identifier; readonly field: string | null; readonly reassigned: boolean }[];
  /** Source ranges copied into the new code, in order: before the `if`, the handler, after it. */
  readonly leading: readonly [number, number] | null;
  readonly handler: readonly [number, number] | null;
  /** Whether the handler leaves the callback on every path (so no `return;` need follow it). */
  readonly handlerExits: boolean;
  readonly rest: readonly [number, number] | null;
  /** Whether `rest` is an arrow's expression body, which becomes a statement. */
  readonly restIsExpression?: boolean;
  /** Words of the callback the rewrite drops (`if`, the forwarded `throw err` …). */
  readonly dropped: readonly string[];
}

export type PartsOrRefusal = CallbackParts | { readonly reason: RefusalReason; readonly message: string };

/**
 * How an inline error-first callback splits into what it does with an error and what it does with
 * its values (`if (err) { … return; } rest`), or why it does not; what the await and `.then` forms
 * of a call are built from.
 */
export function callbackParts(file: AnalysisFile, api: AwaitedCallbackShape, call: TSESTree.CallExpression, callback: InlineCallback, scope: Scope): PartsOrRefusal {
  const params = callback.params;
  for (const param of params) {
    if (param.type !== 'Identifier') return { reason: 'callback-params-differ', message: 'A callback parameter is destructured, defaulted or a rest parameter.' };
  }
  const ids = params as TSESTree.Identifier[];
  const reassigned = (id: TSESTree.Identifier) => scope.set.get(id.name)?.references.some((r) => r.isWrite()) ?? false;
  const returnsValue = returnProblem(file, callback);
  if (returnsValue) return { reason: 'callback-returns-value', message: returnsValue };
  if (callback.typeParameters) return { reason: 'callback-params-differ', message: 'The callback has type parameters of its own.' };
  const dropped: string[] = callback.type === 'FunctionExpression' ? ['function'] : [];
  // A declared return type (`: void`) goes with the callback's head.
  if (callback.returnType) dropped.push(...wordsOf(file, callback.returnType));
  if (api.style === 'timer') {
    if (ids.length > 0 || call.arguments.length > (api.name === 'setTimeout' ? 2 : 1)) {
      return { reason: 'callback-params-differ', message: 'The timer passes extra arguments to its callback; the twin resolves to one value.' };
    }
    if (callback.body.type !== 'BlockStatement') {
      return { leading: null, handler: null, handlerExits: false, rest: callback.body.range, restIsExpression: true, errName: null, values: [], dropped };
    }
    const rest = inner(file, callback.body);
    return { leading: null, handler: null, handlerExits: false, rest: rest[0] < rest[1] ? rest : null, errName: null, values: [], dropped };
  }
  if (api.style !== 'error-first') return { reason: 'callback-params-differ', message: 'Only error-first callbacks and timers are migrated.' };
  const [errParam, ...valueParams] = ids;
  if (!errParam) return { reason: 'callback-error-ignored', message: 'The callback takes no error, so an error is ignored now and would reject after the rewrite.' };
  if (errParam.typeAnnotation) return { reason: 'callback-params-differ', message: 'The error parameter has a type annotation, which a `catch` clause cannot keep.' };
  const fields = api.result.kind === 'fields' ? api.result.fields : api.result.kind === 'value' ? [null] : [];
  if (valueParams.length > fields.length) {
    return { reason: 'callback-params-differ', message: `The callback takes ${valueParams.length} values; the catalogue gives it ${fields.length}.` };
  }
  if (api.result.kind === 'fields' && valueParams.some((p) => p.typeAnnotation)) {
    return { reason: 'callback-params-differ', message: 'Typed parameters of a callback with several values are migrated by hand.' };
  }
  // `dns.lookup(host, { all: true }, cb)` gives its callback an array, and its twin resolves to one, not `{ address, family }`.
  if (api.module === 'dns' && api.name === 'lookup' && call.arguments.length > 2) {
    const options = call.arguments[1];
    const plain = options?.type === 'Literal' || (options?.type === 'ObjectExpression' && options.properties.every((p) => p.type === 'Property' && !p.computed && !(p.key.type === 'Identifier' && p.key.name === 'all')));
    if (!plain) return { reason: 'unsupported-option', message: '`dns.lookup` with `all` (or options it cannot see) gives an array of addresses, not `{ address, family }`.' };
  }
  const values = valueParams.map((param, i) => ({ param, field: fields[i] ?? null, reassigned: reassigned(param) }));
  const errReferences = scope.set.get(errParam.name)?.references ?? [];
  if (errReferences.length === 0) {
    return { reason: 'callback-error-ignored', message: 'The callback never reads its error, so an error is ignored now and would reject after the rewrite.' };
  }
  if (callback.body.type !== 'BlockStatement') {
    return { reason: 'error-handling-not-supported', message: 'The callback is an expression; only an `if (err)` statement first in its body is migrated.' };
  }
  const body = callback.body;
  const first = body.body[0];
  if (first?.type !== 'IfStatement' || first.test.type !== 'Identifier' || first.test.name !== errParam.name) {
    return { reason: 'error-handling-not-supported', message: 'The callback\'s first statement is not `if (err) …`.' };
  }
  const within = (node: TSESTree.Node, range: readonly [number, number]) => range[0] <= node.range[0] && node.range[1] <= range[1];
  if (errReferences.some((r) => r.isWrite() || (r.identifier !== first.test && !within(r.identifier, first.consequent.range)))) {
    return { reason: 'error-handling-not-supported', message: 'The error is read outside its `if (err)` branch.' };
  }
  const consequent = first.consequent.type === 'BlockStatement' ? first.consequent.body : [first.consequent];
  const forwarded = consequent.length === 1 && consequent[0]?.type === 'ThrowStatement' && consequent[0].argument.type === 'Identifier' && consequent[0].argument.name === errParam.name;
  const lastHandled = consequent[consequent.length - 1];
  const handlerExits = lastHandled?.type === 'ReturnStatement' || lastHandled?.type === 'ThrowStatement';
  if (first.alternate) {
    if (body.body.length > 1) return { reason: 'error-handling-not-supported', message: 'Statements follow an `if (err) … else …`.' };
  } else if (!forwarded && !handlerExits) {
    return { reason: 'error-handling-not-supported', message: 'The `if (err)` branch does not leave the callback, so the rest runs after an error too.' };
  }
  // The values are given on success only; a handler that reads them reads what the API passed with the error.
  for (const { param } of values) {
    if ((scope.set.get(param.name)?.references ?? []).some((r) => within(r.identifier, first.consequent.range))) {
      return { reason: 'error-handling-not-supported', message: `The error branch reads \`${param.name}\`, which the twin does not give with its rejection.` };
    }
  }
  const leadingRange: [number, number] = [body.range[0] + 1, first.range[0]];
  const leading = file.text.slice(...leadingRange).trim() === '' ? null : trimmed(file.text, leadingRange);
  const handler = forwarded ? null : first.consequent.type === 'BlockStatement' ? inner(file, first.consequent) : first.consequent.range;
  let rest: readonly [number, number] | null;
  if (first.alternate) {
    const alternate = first.alternate;
    const after = trimmed(file.text, [alternate.range[1], body.range[1] - 1]);
    if (after[0] < after[1]) return { reason: 'would-drop-comment', message: 'A comment follows the `else` branch.' };
    rest = alternate.type === 'BlockStatement' ? inner(file, alternate) : alternate.range;
  } else {
    rest = trimmed(file.text, [first.range[1], body.range[1] - 1]);
  }
  if (rest && rest[0] >= rest[1]) rest = null;
  dropped.push('if', errParam.name);
  if (first.alternate) dropped.push('else');
  if (forwarded) dropped.push('throw');
  return { errName: forwarded ? null : errParam.name, values, leading, handler, handlerExits, rest, dropped };
}

/** The text inside a block's braces, without the whitespace at either end; an empty range when there is none. */
export function inner(file: AnalysisFile, block: TSESTree.BlockStatement): readonly [number, number] {
  return trimmed(file.text, [block.range[0] + 1, block.range[1] - 1]);
}

export function trimmed(text: string, [start, end]: readonly [number, number]): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return [s, e];
}

/** Why the callback's own returns would change the function's result, or `null`. */
export function returnProblem(file: AnalysisFile, callback: InlineCallback): string | null {
  if (callback.body.type !== 'BlockStatement') {
    return callback.body.type === 'CallExpression' || callback.body.type === 'AssignmentExpression' || callback.body.type === 'UnaryExpression'
      ? null
      : 'The callback is an expression whose value it returns.';
  }
  let problem: string | null = null;
  walk(callback.body, file.visitorKeys, (node) => {
    if (problem) return false;
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression' || node.type === 'ClassBody') return false;
    if (node.type === 'ReturnStatement' && node.argument) problem = 'The callback returns a value, which would become the enclosing function\'s result.';
    return problem === null;
  });
  return problem;
}

/**
 * A name the callback brings into the enclosing function (its parameters and declarations) that
 * is declared or read anywhere else in that function, where it would clash or be captured; or `null`.
 */
export function nameClash(file: AnalysisFile, fn: FunctionNode, callback: InlineCallback, scope: Scope, call: TSESTree.CallExpression): string | null {
  const brought = new Set<string>();
  // The error parameter is dropped or becomes the `catch` clause's own: it never lands in the function's scope.
  const err = callback.params[0]?.type === 'Identifier' ? callback.params[0].name : null;
  for (const variable of scope.variables) if (variable.name !== 'arguments' && variable.name !== err) brought.add(variable.name);
  return broughtNameClash(file, fn, callback, brought, call.callee);
}

/**
 * Which of the names `brought` out of `moved` into `fn` (code of `moved` that now runs in `fn`'s
 * own scope) is declared or read in `fn` outside `moved`, or is a word of `callee` (where the
 * rewrite calls it) or of the names a twin is reached through (`promisify`, `promises`); or `null`.
 */
export function broughtNameClash(file: AnalysisFile, fn: FunctionNode, moved: TSESTree.Node, brought: ReadonlySet<string>, callee: TSESTree.Node): string | null {
  if (brought.size === 0) return null;
  const outside = (node: TSESTree.Node) => node.range[1] <= moved.range[0] || node.range[0] >= moved.range[1];
  const inside = (node: TSESTree.Node) => moved.range[0] <= node.range[0] && node.range[1] <= moved.range[1];
  for (const other of file.scopeManager.scopes) {
    const block = other.block;
    // Scopes of types alone (a function type's parameters) hold no values.
    if (typeOnlyScopes.has(other.type)) continue;
    if (block.range[0] < fn.range[0] || block.range[1] > fn.range[1] || inside(block)) continue;
    for (const name of brought) if (other.set.has(name)) return name;
    for (const reference of other.references) {
      if (outside(reference.identifier) && brought.has(reference.identifier.name)) return reference.identifier.name;
    }
  }
  // The callee's own words (`fs`, `promisify`) must not be shadowed where the twin is called.
  let clash: string | null = null;
  walk(callee, file.visitorKeys, (node) => {
    if (node.type === 'Identifier' && brought.has(node.name)) clash = node.name;
    return clash === null;
  });
  if (clash) return clash;
  for (const name of ['promisify', 'promises']) if (brought.has(name)) return name;
  return null;
}

const typeOnlyScopes = new Set(['functionType', 'conditionalType', 'mappedType', 'type']);

/** `text` with every line after the first moved from `from` indentation to `to`, comments and multi-line literals aside. */
export function reindented(file: AnalysisFile, range: readonly [number, number], from: string, to: string, keep: readonly (readonly [number, number])[]): string {
  const [start, end] = range;
  let out = '';
  let cursor = start;
  const shift = (text: string) => text.replace(/\n([ \t]*)/g, (_match, indent: string) => `\n${indent.startsWith(from) ? to + indent.slice(from.length) : indent}`);
  for (const [keepStart, keepEnd] of keep) {
    if (keepEnd <= start || keepStart >= end) continue;
    out += shift(file.text.slice(cursor, keepStart)) + file.text.slice(keepStart, keepEnd);
    cursor = keepEnd;
  }
  return out + shift(file.text.slice(cursor, end));
}

/** Ranges whose text must stay byte for byte when moved: comments, and strings and templates that span lines. */
export function keptRanges(file: AnalysisFile, node: TSESTree.Node): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  for (const comment of file.comments) if (comment.range[0] >= node.range[0] && comment.range[1] <= node.range[1]) out.push(comment.range);
  walk(node, file.visitorKeys, (n) => {
    if ((n.type === 'TemplateLiteral' || n.type === 'Literal') && file.text.slice(n.range[0], n.range[1]).includes('\n')) {
      out.push(n.range);
      return false;
    }
    return true;
  });
  return out.sort((a, b) => a[0] - b[0]);
}

function buildPlan(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  api: AwaitedCallbackShape,
  callback: InlineCallback,
  statement: TSESTree.ExpressionStatement,
  parts: CallbackParts,
  calleeFor: () => TwinCallee | string | null,
): Plan {
  const { text } = file;
  const reference = calleeFor();
  if (typeof reference === 'string') return refuse('no-promise-twin', reference);
  if (!reference) return refuse('twin-name-taken', 'The twin needs a name this file already uses; import it under another name by hand.');
  const args = call.arguments.filter((a) => a !== callback);
  const firstArg = args[0];
  const lastArg = args[args.length - 1];
  const argsRange: readonly [number, number] | null = firstArg && lastArg ? [firstArg.range[0], lastArg.range[1]] : null;
  // Every comment of the statement must lie in a part that is copied.
  const copied = [argsRange, parts.leading, parts.handler, parts.rest].filter((r) => r !== null);
  for (const comment of file.comments) {
    if (comment.range[0] < statement.range[0] || comment.range[1] > statement.range[1]) continue;
    if (!copied.some(([s, e]) => s <= comment.range[0] && comment.range[1] <= e)) {
      return refuse('would-drop-comment', 'A comment sits where the callback\'s head or its error check is removed; move it and run again.');
    }
  }
  const statementText = text.slice(statement.range[0], statement.range[1]);
  const semi = statementText.endsWith(';') ? ';' : '';
  const nl = lineEndingOf(file);
  const indent = lineIndent(text, statement.range[0]);
  const unit = indentUnitOf(file);
  const kept = keptRanges(file, callback);
  const bodyIndent = (range: readonly [number, number] | null) => (range ? lineIndent(text, range[0]) : indent);
  const moved = (range: readonly [number, number], to: string) => reindented(file, range, bodyIndent(range), to, kept);
  const awaited = `await ${reference.callee}(${argsRange ? text.slice(...argsRange) : ''})`;
  const values = parts.values;
  const pattern = () => {
    const fields = values.map(({ param, field }) => (field === null || field === param.name ? param.name : `${field}: ${param.name}`));
    return `{ ${fields.join(', ')} }`;
  };
  const typed = (param: TSESTree.Identifier) => text.slice(param.range[0], param.range[1]);
  const lines: string[] = [];
  if (parts.leading) lines.push(moved(parts.leading, indent));
  const added = ['await', ...reference.words];
  const oneValue = values.length === 1 && values[0]?.field === null ? values[0] : null;
  if (parts.errName === null) {
    if (values.length === 0) lines.push(`${awaited}${semi}`);
    else {
      const keyword = values.some((v) => v.reassigned) ? 'let' : 'const';
      added.push(keyword);
      lines.push(`${keyword} ${oneValue ? typed(oneValue.param) : pattern()} = ${awaited}${semi}`);
    }
  } else {
    added.push('try', 'catch', 'let', 'return', ...values.map((v) => v.param.name));
    const inside = indent + unit;
    let assignment = `${awaited}${semi}`;
    if (oneValue) {
      lines.push(`let ${typed(oneValue.param)}${semi}`);
      assignment = `${oneValue.param.name} = ${awaited}${semi}`;
    } else if (values.length > 0) {
      lines.push(`let ${values.map((v) => v.param.name).join(', ')}${semi}`);
      assignment = `${semi ? '' : ';'}(${pattern()} = ${awaited})${semi}`;
    }
    const handler = parts.handler ? `${nl}${inside}${moved(parts.handler, inside)}` : '';
    const exit = parts.handlerExits ? '' : `${nl}${inside}return${semi}`;
    lines.push(`try {${nl}${inside}${assignment}${nl}${indent}} catch (${parts.errName}) {${handler}${exit}${nl}${indent}}`);
  }
  added.push(...values.flatMap((v) => (v.field ? [v.field] : [])));
  if (parts.rest) lines.push(`${moved(parts.rest, indent)}${parts.restIsExpression ? semi : ''}`);
  const edits: TextEdit[] = [{ range: statement.range, text: lines.join(`${nl}${indent}`) }];
  const imports = importEdit(file, reference.imports);
  if (reference.imports.length > 0 && !imports) return refuse('twin-name-taken', 'There is no place to add the import the twin needs.');
  if (imports) edits.push(...imports.edits);
  const calleeName = call.callee.type === 'MemberExpression' && call.callee.computed ? text.slice(call.callee.property.range[0], call.callee.property.range[1]) : api.name;
  return checkedPlan(file, 'review', edits, {
    owned: [statement],
    vocabulary: {
      added: [...added, ...(imports?.words ?? [])],
      removed: [...parts.dropped, calleeName, ...reference.removed],
    },
  });
}
