/**
 * The download helper's shapes: a `new Promise` that settles on a `.pipe()` chain's stream events
 * becomes `pipeline(…)`, whether its executor holds the chain (`planWrapper`) or it stands beside a
 * `.pipe()` statement (`planDetachedWrapper`: `response.data.pipe(writer); return new Promise(…)`).
 * The listeners must settle it as `pipeline` would (`settlementOf`), an error flag of the axios
 * docs' shape aside (`errorFlagOf`). Every plan is `review`: an error of any stream now rejects it once.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { listenerMethods } from './catalogues/stream-apis';
import { broughtNameClash, enclosingFunctionOf, keptRanges, reindented, tailProblem } from './callback-to-await';
import { type Plan, type RefusalReason, type TextEdit } from './edits';
import { type ExecutorFunction, promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { lineEndingOf, lineIndent } from './layout';
import { importEdit, referenceTo } from './module-references';
import { staticPropertyName } from './modules';
import { linkOf, nodeStreamApiFor, type PipeChain, pipelineWaitsForCloseOf, shortStreamText } from './pipe-links';
import { findVariable, innermostScope, isUndefinedValue } from './scope';
import { skipTransparentWrappers, usesThis, walk } from './walk';
import { chainProblem, closesAfterPipeline, type EnclosingFunction, type InlineHandler, isInline, refuse, registrationWords, statementsOf, wordsOfText } from './pipeline-chain';
/**
 * How the executor's listeners settle the promise, when they settle it as `pipeline(…)` would: the
 * last stream's `finish` (or a file stream's `close`) resolving nothing or a value read the same
 * once `pipeline` settled, `error` listeners only rejecting with the error, and `resolve`/`reject`
 * used nowhere else. The value (`null` for nothing); otherwise the refusal.
 */
function settlementOf(
  file: AnalysisFile,
  chain: PipeChain,
  executor: ExecutorFunction,
  resolveName: string,
  rejectName: string | null,
  flag: ErrorFlag | null,
): { value: TSESTree.Expression | null } | { plan: Plan } {
  const lastStage = chain.stages[chain.stages.length - 1];
  let resolved = false;
  let value: TSESTree.Expression | null = null;
  const handlers: TSESTree.Node[] = [];
  for (const stage of chain.stages) {
    for (const listener of stage.listeners) {
      const handler = listener.handler;
      handlers.push(handler);
      if (listener.event === 'error') {
        const param = isInline(handler) ? handler.params[0] : undefined;
        const forwards =
          rejectName !== null &&
          ((handler.type === 'Identifier' && handler.name === rejectName) ||
            (isInline(handler) && !handler.async && handler.params.length === 1 && param?.type === 'Identifier' && onlyCalls(withoutFlag(handler, flag), rejectName, [param.name])));
        if (!forwards) return { plan: refuse('handler-not-supported', 'An `error` listener does more than reject the promise with the error; a `catch` on `pipeline(…)` would be the place for it, by hand.') };
        continue;
      }
      if ((listener.event === 'finish' || (listener.event === 'close' && closesAfterPipeline(file, chain))) && stage === lastStage && !resolved) {
        const settled =
          handler.type === 'Identifier' && handler.name === resolveName
            ? { value: null }
            : isInline(handler)
              ? (guardedResolveValue(file, handler, resolveName, flag) ??
                resolvedValueOf(file, handler, resolveName) ??
                (listener.event === 'finish' ? closingResolveValue(file, handler, chain, resolveName) : null))
              : null;
        if (!settled) return { plan: refuse('handler-not-supported', `The \`${listener.event}\` listener does more than resolve the promise (with nothing, or with a value it reads).`) };
        if (settled.value) {
          const valueIssue = valueProblem(file, settled.value, chain, [resolveName, ...(rejectName ? [rejectName] : [])]);
          if (valueIssue) return { plan: refuse('handler-not-supported', `The \`${listener.event}\` listener resolves a value that ${valueIssue}; read after \`pipeline(…)\` it could differ.`) };
        }
        value = settled.value;
        resolved = true;
        continue;
      }
      return { plan: refuse('handler-not-supported', `A \`${listener.event ?? 'computed'}\` listener has no place in \`pipeline(…)\`; only the last stream's \`finish\` resolving the promise and \`error\` listeners rejecting it do.`) };
    }
  }
  if (!resolved) return { plan: refuse('handler-not-supported', 'The promise is not resolved on the last stream\'s `finish`, so it does not settle when `pipeline(…)` does.') };
  const within = (node: TSESTree.Node) => handlers.some((h) => h.range[0] <= node.range[0] && node.range[1] <= h.range[1]);
  for (const name of [resolveName, rejectName]) {
    if (name === null) continue;
    const variable = findVariable(innermostScope(file.scopeManager, executor.body), name);
    if (variable?.references.some((r) => !within(r.identifier))) {
      return { plan: refuse('settled-elsewhere', `The executor uses \`${name}\` outside the stream listeners, so the promise may settle otherwise than \`pipeline(…)\` does.`) };
    }
  }
  return { value };
}

/** A call of `name` with exactly `args` plain names as its arguments (`reject(err)`, `resolve()`), as an arrow's body or its one statement. */
function onlyCalls(statements: TSESTree.Expression | readonly TSESTree.Statement[], name: string, args: readonly string[]): boolean {
  const only = 'type' in statements ? null : statements.length === 1 ? statements[0] : undefined;
  const body = 'type' in statements ? statements : only?.type === 'ExpressionStatement' ? only.expression : null;
  return (
    body?.type === 'CallExpression' &&
    body.callee.type === 'Identifier' &&
    body.callee.name === name &&
    body.arguments.length === args.length &&
    body.arguments.every((a, i) => a.type === 'Identifier' && a.name === args[i])
  );
}

/**
 * The error flag of the axios docs' download helper, kept by the executor beside its listeners:
 *
 * ```js
 * let error = null;
 * writer.on('error', (err) => { error = err; writer.close(); reject(err); });
 * writer.on('close', () => { if (!error) resolve(true); });
 * ```
 *
 * It changes nothing `pipeline(…)` would not do: the flag is set only by `error` listeners that
 * reject in the same turn, so where the guard stops `resolve` the promise is already rejected and
 * `resolve` would have done nothing; and the `close()` of a file stream in its own `error` listener
 * closes a stream that closes itself on error (made without `autoClose: false`), as `pipeline`
 * destroys it. So the flag's declaration, its assignments, those `close()` calls and the guard go
 * with the listeners. Only this exact shape: a `let` of the executor made `null`, `undefined`,
 * `false` or nothing, assigned only the error (`error = err;`, a statement of an `error` listener of
 * the chain), read only as `if (!error) resolve(…);` with no `else`, the one statement of a
 * listener. Anything else reading or writing it, and the flag's declaration is code the executor
 * runs (`executor-does-more`), its listeners listeners that do more (`handler-not-supported`).
 */
interface ErrorFlag {
  readonly declaration: TSESTree.VariableDeclaration;
  /** The statements of `error` listeners that go with the flag: its assignments, and the last file stream's `close()` in that stream's own listener. */
  readonly dropped: ReadonlySet<TSESTree.Node>;
  /** The guards, `if (!error) resolve(…);`, with the statement each guards. */
  readonly guards: ReadonlyMap<TSESTree.Node, TSESTree.ExpressionStatement>;
}

function errorFlagOf(file: AnalysisFile, executor: ExecutorFunction, chain: PipeChain): ErrorFlag | null {
  const body = executor.body;
  if (body.type !== 'BlockStatement') return null;
  const declaration = body.body.find((s): s is TSESTree.VariableDeclaration => s.type === 'VariableDeclaration' && s.kind === 'let');
  const declarator = declaration?.declarations.length === 1 ? declaration.declarations[0] : undefined;
  if (!declaration || declarator?.id.type !== 'Identifier') return null;
  const init = declarator.init;
  const unset = !init || (init.type === 'Literal' && (init.value === null || init.value === false)) || isUndefinedValue(file.scopeManager, init);
  const variable = file.scopeManager.getDeclaredVariables(declarator)[0];
  if (!unset || !variable || variable.defs.length !== 1) return null;
  const errorHandlers = new Map<TSESTree.Node, TSESTree.Expression>();
  const resolving = new Set<TSESTree.Node>();
  const last = chain.stages[chain.stages.length - 1];
  for (const stage of chain.stages) {
    for (const listener of stage.listeners) {
      if (!isInline(listener.handler)) continue;
      if (listener.event === 'error') errorHandlers.set(listener.handler, stage.node);
      else if (stage === last) resolving.add(listener.handler);
    }
  }
  const dropped = new Set<TSESTree.Node>();
  const guards = new Map<TSESTree.Node, TSESTree.ExpressionStatement>();
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const id = reference.identifier;
    const parent = id.parent;
    // `error = err;`, a statement of an `error` listener, assigning its parameter.
    if (reference.isWrite()) {
      const statement = parent?.parent;
      const handler = statement?.parent?.parent;
      const param = handler && isInline(handler) ? handler.params[0] : undefined;
      const assigns =
        parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === id && parent.right.type === 'Identifier' && param?.type === 'Identifier' && parent.right.name === param.name;
      if (!assigns || statement?.type !== 'ExpressionStatement' || statement.parent?.type !== 'BlockStatement' || !handler || !errorHandlers.has(handler)) return null;
      dropped.add(statement);
      continue;
    }
    // `if (!error) resolve(…);`, the one statement of a listener of the last stream.
    const guard = parent?.type === 'UnaryExpression' && parent.operator === '!' ? parent.parent : undefined;
    const block = guard?.parent;
    const handler = block?.parent;
    if (guard?.type !== 'IfStatement' || guard.test !== parent || guard.alternate || block?.type !== 'BlockStatement' || block.body.length !== 1 || !handler || !resolving.has(handler)) return null;
    const consequent = guard.consequent.type === 'BlockStatement' && guard.consequent.body.length === 1 ? guard.consequent.body[0] : guard.consequent;
    if (consequent?.type !== 'ExpressionStatement') return null;
    guards.set(guard, consequent);
  }
  if (dropped.size === 0 || guards.size === 0) return null;
  // The last file stream's `close()` in its own `error` listener, beside the flag's assignment.
  const stream = last ? skipTransparentWrappers(last.node) : null;
  const closeMethod = stream?.type === 'Identifier' && pipelineWaitsForCloseOf(file, stream) ? nodeStreamApiFor(file, stream, 0)?.pipelineWaitsForClose?.closeMethod : undefined;
  for (const [handler, node] of errorHandlers) {
    if (!closeMethod || stream?.type !== 'Identifier' || skipTransparentWrappers(node) !== stream || !isInline(handler) || handler.body.type !== 'BlockStatement') continue;
    if (!handler.body.body.some((s) => dropped.has(s))) continue;
    for (const statement of handler.body.body) {
      const call = statement.type === 'ExpressionStatement' ? statement.expression : null;
      const closes =
        call?.type === 'CallExpression' &&
        call.arguments.length === 0 &&
        call.callee.type === 'MemberExpression' &&
        call.callee.object.type === 'Identifier' &&
        call.callee.object.name === stream.name &&
        staticPropertyName(call.callee) === closeMethod;
      if (closes) dropped.add(statement);
    }
  }
  return { declaration, dropped, guards };
}

/** A handler's statements without those that go with the error flag (an arrow's expression body as it is). */
function withoutFlag(handler: InlineHandler, flag: ErrorFlag | null): TSESTree.Expression | readonly TSESTree.Statement[] {
  if (handler.body.type !== 'BlockStatement') return handler.body;
  return flag ? handler.body.body.filter((s) => !flag.dropped.has(s)) : handler.body.body;
}

/** What `() => { if (!error) resolve(value); }` resolves, the guard being the error flag's; `null` for any other handler. */
function guardedResolveValue(file: AnalysisFile, handler: InlineHandler, name: string, flag: ErrorFlag | null): { value: TSESTree.Expression | null } | null {
  const only = handler.body.type === 'BlockStatement' && handler.body.body.length === 1 ? handler.body.body[0] : undefined;
  const guarded = only && flag ? flag.guards.get(only) : undefined;
  return guarded && handler.params.length === 0 && !handler.async && !handler.generator ? resolveCallValue(file, guarded.expression, name) : null;
}

/**
 * `pipeline(a, b, c)` in place of a `new Promise` whose executor only makes the streams, builds the
 * chain and settles the promise: `resolve` on the last stream's `finish` (resolving nothing, as
 * `pipeline` does) and, for the streams that listen for errors, `reject`. The listeners may be added
 * in the chain or by statements on the streams' names, before or after it; streams the executor
 * declares (`const out = fs.createWriteStream(dest);`) move before the statement the `new Promise`
 * is in. Only inside an `async` function, where a throw while the streams are made rejects the
 * function as the executor's throw rejected the promise.
 * Level `review`: an error of a stream the executor did not listen to used to be thrown as an
 * uncaught exception (and the promise never settled) and now rejects it, a source that closes
 * before its end (a dropped connection) used to leave the promise pending and now rejects it, and
 * every stream is destroyed on error where `.pipe()` left the others open.
 */
export function planWrapper(file: AnalysisFile, chain: PipeChain, created: TSESTree.NewExpression, executor: ExecutorFunction): Plan {
  const { text } = file;
  // The statements adding the streams' listeners belong to the chain (`registrationProblem` judges them).
  const statements = statementsOf(chain);
  const outer = enclosingFunctionOf(created);
  if (outer === null || outer === 'other' || !outer.async) {
    return refuse(
      'not-awaitable-here',
      'The `new Promise` is not inside an `async` function: a stream that throws while it is made (a bad path type) would throw out of `pipeline(…)`\'s arguments instead of rejecting the promise.',
    );
  }
  const names = settlerNamesOf(executor);
  if ('level' in names) return names;
  const { resolveName, rejectName } = names;
  const flag = errorFlagOf(file, executor, chain);
  const declarations = executorDeclarations(file, executor, chain, statements, [resolveName, ...(rejectName ? [rejectName] : [])], flag);
  if (!Array.isArray(declarations)) return declarations;
  const settled = settledPipelineOf(file, chain, executor, created, resolveName, rejectName, flag);
  if ('level' in settled) return settled;
  const { value, reference, call } = settled;
  const placed = value ? placeValue(file, created, call, value) : { range: created.range, text: call, added: [], owned: created };
  const kept = value ? [...chain.stages.map((s) => s.node.range), value.range] : chain.stages.map((s) => s.node.range);
  let edit: TextEdit = { range: placed.range, text: placed.text };
  let owned: TSESTree.Node = placed.owned;
  if (declarations.length > 0) {
    const moved = movedDeclarations(file, created, executor, outer, declarations, reference.words);
    if ('reason' in moved) return refuse(moved.reason, moved.message);
    const [start] = moved.statement.range;
    const indent = lineIndent(text, start);
    const lines = declarations.map((d) => reindented(file, d.range, lineIndent(text, d.range[0]), indent, keptRanges(file, d)));
    edit = { range: [start, placed.range[1]], text: [...lines, `${text.slice(start, placed.range[0])}${placed.text}`].join(`${lineEndingOf(file)}${indent}`) };
    owned = moved.statement;
    kept.push(...declarations.map((d) => d.range), [start, placed.range[0]]);
  }
  if (dropsComment(file, edit.range, kept)) return refuse('would-drop-comment', 'A comment sits in the `new Promise` or the chain\'s listeners, which the rewrite removes; move it and run again.');
  const withImport = withPipelineImport(file, reference, edit);
  if ('level' in withImport) return withImport;
  const { edits, imports } = withImport;
  const removed: string[] = ['new', 'Promise', 'function', 'pipe', ...listenerMethods, resolveName, ...(rejectName ? [rejectName] : [])];
  if (created.typeArguments) removed.push(...wordsOfText(text.slice(created.typeArguments.range[0], created.typeArguments.range[1])));
  for (const s of [...statements.slice(0, -chain.statements.length), ...(flag ? [flag.declaration] : [])]) removed.push(...registrationWords(file, s));
  for (const stage of chain.stages) {
    for (const listener of stage.listeners) {
      const event = listener.call.arguments[0];
      if (event) removed.push(text.slice(event.range[0], event.range[1]));
      removed.push(...wordsOfText(text.slice(listener.handler.range[0], listener.handler.range[1])));
    }
  }
  for (const s of chain.statements.slice(0, -1)) {
    if (s.type === 'VariableDeclaration') removed.push('const', ...s.declarations.map((d) => text.slice(d.id.range[0], d.id.range[1])));
  }
  return checkedPlan(file, 'review', edits, { owned: [owned], vocabulary: { added: [...reference.words, ...placed.added, ...(imports?.words ?? [])], removed } });
}

/**
 * The executor's own declarations of the chain's streams (`const out = fs.createWriteStream(dest);`),
 * in source order, when the executor is nothing but them, the chain and the statements adding its
 * streams' listeners, in any order: streams emit their events asynchronously, so no listener could
 * run before the executor returned, wherever it was added. Otherwise the refusal: a statement that
 * does more (`executor-does-more`: a log, a `data` counter, a timer), one that settles the promise
 * itself (`settled-elsewhere`: a timeout's `reject`), or a listener statement outside the executor.
 */
function executorDeclarations(
  file: AnalysisFile,
  executor: ExecutorFunction,
  chain: PipeChain,
  statements: readonly TSESTree.Statement[],
  settlers: readonly string[],
  flag: ErrorFlag | null,
): TSESTree.VariableDeclaration[] | Plan {
  const body = executor.body;
  if (body.type !== 'BlockStatement') {
    return body === chain.top && statements.length === 1 ? [] : refuse('stream-used-elsewhere', 'A stream of the chain is listened to outside the `new Promise` executor; `pipeline` would take over its errors and end.');
  }
  if (statements.some((s) => !body.body.includes(s))) {
    return refuse('stream-used-elsewhere', 'A stream of the chain is listened to outside the `new Promise` executor; `pipeline` would take over its errors and end.');
  }
  const streams = streamVariablesOf(file, chain);
  const declarations: TSESTree.VariableDeclaration[] = [];
  for (const statement of body.body) {
    if (statements.includes(statement) || statement === flag?.declaration) continue;
    const declarator = statement.type === 'VariableDeclaration' && statement.kind === 'const' && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
    const declared = declarator ? file.scopeManager.getDeclaredVariables(declarator) : [];
    if (declarator && declared.length === 1 && streams.has(declared[0] ?? null) && statement.type === 'VariableDeclaration') {
      declarations.push(statement);
      continue;
    }
    return strayStatementRefusal(file, executor, statement, streams, settlers);
  }
  return declarations;
}

/**
 * Why a statement of a `new Promise` executor that is neither a stream's declaration, the chain nor
 * a listener statement keeps the wrapper from becoming `pipeline(…)`: it settles the promise itself
 * (`settled-elsewhere`), uses a stream of the chain (`stream-used-elsewhere`), or does something
 * else that ran while the streams flowed (`executor-does-more`).
 */
function strayStatementRefusal(file: AnalysisFile, executor: ExecutorFunction, statement: TSESTree.Statement, streams: ReadonlySet<Variable | null>, settlers: readonly string[]): Plan {
  const shown = shortStreamText(file, statement);
  let settles = false;
  let readsStream = false;
  walk(statement, file.visitorKeys, (node) => {
    if (node.type !== 'Identifier') return true;
    const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
    if (settlers.includes(node.name) && variable?.scope.block === executor) settles = true;
    if (variable && streams.has(variable)) readsStream = true;
    return !settles;
  });
  if (settles) return refuse('settled-elsewhere', `The executor settles the promise outside the stream listeners (\`${shown}\`), so it may settle otherwise than \`pipeline(…)\` does (a timeout, an early \`reject\`).`);
  if (readsStream) return refuse('stream-used-elsewhere', `The executor uses a stream of the chain outside it (\`${shown}\`); \`pipeline\` would take over its errors and end.`);
  return refuse('executor-does-more', `The executor does more than make the streams, build the chain and listen on them (\`${shown}\`); that code ran while the streams flowed, and has no place in \`pipeline(…)\`.`);
}

/** The variables the chain's streams are bound to, for the streams written as names. */
function streamVariablesOf(file: AnalysisFile, chain: PipeChain): Set<Variable | null> {
  return new Set(chain.stages.map((s) => skipTransparentWrappers(s.node)).flatMap((n) => (n.type === 'Identifier' ? [findVariable(innermostScope(file.scopeManager, n), n.name)] : [])));
}

/**
 * The statement the executor's stream declarations move before, when they can: the `new Promise` is
 * what that statement evaluates first and a throw there lands where the promise's rejection did —
 * awaited (`await new Promise(…);`, `const x = await new Promise(…);`, `return await …`), or
 * returned outside a `try` (whose `catch` the throw would reach). The names must be free in the
 * enclosing function, and a `function` executor's declarations must not read its `this` or
 * `arguments`.
 */
function movedDeclarations(
  file: AnalysisFile,
  created: TSESTree.NewExpression,
  executor: ExecutorFunction,
  outer: EnclosingFunction,
  declarations: readonly TSESTree.VariableDeclaration[],
  words: readonly string[],
): { statement: TSESTree.Statement } | { reason: RefusalReason; message: string } {
  const awaitedHere = created.parent.type === 'AwaitExpression' && created.parent.argument === created;
  const around = awaitedHere ? created.parent : created;
  const parent = around.parent;
  let statement: TSESTree.Statement | null = null;
  if (parent?.type === 'ExpressionStatement' && awaitedHere) statement = parent;
  else if (parent?.type === 'ReturnStatement' && (awaitedHere || !insideTry(parent))) statement = parent;
  else if (parent?.type === 'VariableDeclarator' && parent.init === around && awaitedHere && parent.parent.declarations.length === 1) statement = parent.parent;
  if (!statement || statement.parent?.type !== 'BlockStatement') {
    return {
      reason: 'unsupported-call-shape',
      message: 'The executor makes streams of its own, which move out of it: the `new Promise` must be awaited as a statement or a `const`\'s initialiser, or returned outside a `try`.',
    };
  }
  const usesOwn = executor.type === 'FunctionExpression' && (declarations.some((d) => usesThis(d, file.visitorKeys)) || (file.scopeManager.acquire(executor)?.set.get('arguments')?.references.length ?? 0) > 0);
  if (usesOwn) return { reason: 'handler-not-supported', message: 'The `function` executor\'s stream declarations read its own `this` or `arguments`, which would become the enclosing function\'s.' };
  const names = new Set(declarations.flatMap((d) => d.declarations.map((v) => (v.id.type === 'Identifier' ? v.id.name : ''))));
  const clash = broughtNameClash(file, outer, executor, names, created.callee) ?? words.find((w) => names.has(w)) ?? null;
  if (clash) return { reason: 'name-clash', message: `The executor declares \`${clash}\`, which the enclosing function already uses or declares elsewhere.` };
  return { statement };
}

/**
 * The value a settling handler resolves the promise with: `{ value: null }` for `() => resolve()`
 * (and `resolve(undefined)`, `resolve(void 0)`), the argument for `() => resolve(value)`, or `null`
 * when the handler does more than that one call.
 */
function resolvedValueOf(file: AnalysisFile, handler: InlineHandler, name: string): { value: TSESTree.Expression | null } | null {
  const [body, ...more] = handlerExpressions(handler) ?? [];
  return body && more.length === 0 ? resolveCallValue(file, body, name) : null;
}

/** The expressions a handler without parameters runs, one per statement, when every statement is one; `null` otherwise. */
function handlerExpressions(handler: InlineHandler): TSESTree.Expression[] | null {
  if (handler.async || handler.generator || handler.params.length > 0) return null;
  if (handler.body.type !== 'BlockStatement') return [handler.body];
  const out: TSESTree.Expression[] = [];
  for (const statement of handler.body.body) {
    if (statement.type !== 'ExpressionStatement') return null;
    out.push(statement.expression);
  }
  return out;
}

/** What `resolve(value)` (`name` being the executor's `resolve`) resolves: `{ value: null }` for nothing; `null` when `node` is no such call. */
function resolveCallValue(file: AnalysisFile, node: TSESTree.Expression, name: string): { value: TSESTree.Expression | null } | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== name || node.arguments.length > 1) return null;
  const [value] = node.arguments;
  if (value?.type === 'SpreadElement') return null;
  // `resolve(undefined)` and `resolve(void 0)` resolve nothing, as `pipeline` does.
  return { value: value && !isUndefinedValue(file.scopeManager, value) ? value : null };
}

/**
 * What a last file stream's `finish` listener that closes the stream and resolves the promise
 * resolves: `() => out.close(resolve)` and `() => out.close(() => resolve(value))` resolve on the
 * `close` that follows, `() => { out.close(); resolve(value); }` on `finish` itself, its `close()`
 * doing nothing the stream would not do itself; both settle as `pipeline`, which waits for that
 * `close`, does. Only on a stream `pipeline` waits to close (`pipelineWaitsForCloseOf`): made with
 * `{ autoClose: false }`, its `close()` is what closes the descriptor. `null` for any other handler.
 */
function closingResolveValue(file: AnalysisFile, handler: InlineHandler, chain: PipeChain, name: string): { value: TSESTree.Expression | null } | null {
  const last = chain.stages[chain.stages.length - 1];
  const stream = last ? skipTransparentWrappers(last.node) : null;
  const closeMethod = stream ? nodeStreamApiFor(file, stream, 0)?.pipelineWaitsForClose?.closeMethod : undefined;
  if (stream?.type !== 'Identifier' || !closeMethod || !closesAfterPipeline(file, chain)) return null;
  const closes = (node: TSESTree.Expression, args: number): node is TSESTree.CallExpression =>
    node.type === 'CallExpression' &&
    node.arguments.length === args &&
    node.callee.type === 'MemberExpression' &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === stream.name &&
    staticPropertyName(node.callee) === closeMethod;
  const expressions = handlerExpressions(handler) ?? [];
  const [first, second, ...more] = expressions;
  if (first && !second && closes(first, 1)) {
    const callback = first.arguments[0];
    if (callback?.type === 'Identifier' && callback.name === name) return { value: null };
    return callback && isInline(callback) ? resolvedValueOf(file, callback, name) : null;
  }
  if (!first || !second || more.length > 0) return null;
  const [close, settle] = closes(first, 0) ? [first, second] : [second, first];
  return closes(close, 0) ? resolveCallValue(file, settle, name) : null;
}

/**
 * Why `value`, read where the `finish` listener read it, could read differently once it is read
 * after `pipeline(…)` settles (a moment later, and outside the executor): it calls or assigns
 * (code that could run differently), names the executor's `resolve`/`reject`, reads `this` or
 * `arguments`, or reads a stream of the chain other than a property the stream never changes
 * (`out.path`; `out.bytesWritten` and `out.destroyed` are the stream's state). Plain names,
 * literals, member reads, templates, arrays and object literals of them are read the same, since
 * the last stream has finished in both. `null` when it reads the same.
 */
function valueProblem(file: AnalysisFile, value: TSESTree.Expression, chain: PipeChain, executorNames: readonly string[]): string | null {
  const streams = streamVariablesOf(file, chain);
  const check = (node: TSESTree.Node): string | null => {
    switch (node.type) {
      case 'Identifier': {
        if (executorNames.includes(node.name)) return `names the executor's \`${node.name}\``;
        if (node.name === 'arguments') return 'reads `arguments`';
        const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
        if (variable && streams.has(variable)) return `reads the stream \`${node.name}\`, whose state \`pipeline\` changes`;
        return null;
      }
      case 'Literal':
      case 'TemplateElement':
        return null;
      case 'TemplateLiteral':
        return firstProblem(node.expressions, check);
      case 'ArrayExpression':
        return firstProblem(node.elements.filter((e) => e !== null), check);
      case 'ObjectExpression':
        return firstProblem(node.properties, (p) => (p.type === 'Property' && p.kind === 'init' && !p.method ? (p.computed ? check(p.key) ?? check(p.value) : check(p.value)) : 'builds an object with accessors or spreads'));
      case 'MemberExpression': {
        const object = skipTransparentWrappers(node.object);
        const fixed = object.type === 'Identifier' ? nodeStreamApiFor(file, object, 0)?.fixedProperties ?? [] : [];
        if (object.type === 'Identifier' && !node.computed && fixed.includes(staticPropertyName(node) ?? '')) return null;
        return check(node.object) ?? (node.computed ? check(node.property) : null);
      }
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        return check(node.expression);
      default:
        return node.type === 'ThisExpression' ? 'reads `this`' : 'runs code (a call, an assignment, an operator)';
    }
  };
  return check(value);
}

function firstProblem<T>(nodes: readonly T[], check: (node: T) => string | null): string | null {
  for (const node of nodes) {
    const problem = check(node);
    if (problem) return problem;
  }
  return null;
}

/**
 * Where a `pipeline(…)` resolving a value goes: `return new Promise(…)` (with or without `await`,
 * outside any `try`) becomes `await pipeline(…);` then `return value;`; anywhere else the
 * `new Promise` becomes `pipeline(…).then(() => value)`. Both read the value once the last stream
 * has finished, where the `finish` listener read it. Inside a `try`, an awaited `pipeline` would
 * bring its rejection into the `catch`, which the returned promise's never reached.
 */
function placeValue(file: AnalysisFile, created: TSESTree.Expression, call: string, value: TSESTree.Expression): { range: readonly [number, number]; text: string; added: string[]; owned: TSESTree.Node } {
  const { text } = file;
  const valueText = text.slice(value.range[0], value.range[1]);
  const around = created.parent.type === 'AwaitExpression' ? created.parent : created;
  const statement = around.parent;
  if (statement.type === 'ReturnStatement' && statement.argument === around && !insideTry(statement)) {
    const semi = text.slice(statement.range[0], statement.range[1]).endsWith(';') ? ';' : '';
    const indent = lineIndent(text, statement.range[0]);
    return { range: statement.range, text: `await ${call}${semi}${lineEndingOf(file)}${indent}return ${valueText}${semi}`, added: ['await'], owned: statement };
  }
  const body = value.type === 'ObjectExpression' ? `(${valueText})` : valueText;
  return { range: created.range, text: `${call}.then(() => ${body})`, added: ['then'], owned: created };
}

/** Whether `node` sits in a `try` block or `catch` clause of its function, where an awaited rejection would be caught. */
function insideTry(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression' || parent.type === 'ArrowFunctionExpression') return false;
    if (parent.type === 'TryStatement' && child !== parent.finalizer) return true;
  }
  return false;
}

/**
 * A `new Promise` next to the chain that only waits for its streams — the download helper's other
 * shape, `src.pipe(dest);` then `return new Promise((resolve, reject) => { dest.on('finish',
 * resolve); dest.on('error', reject); })`: the statement right after the chain's, holding the
 * `new Promise` (returned, awaited, or a `const`'s awaited initialiser), or a `const` bound to one
 * right before the chain and used once, by the statement right after it (`return done;`). Found
 * when its executor adds a listener on a stream of the chain; `planDetachedWrapper` judges the rest.
 */
interface DetachedWrapper {
  readonly created: TSESTree.NewExpression;
  readonly executor: ExecutorFunction;
  /** Where the promise's value surfaces: the `new Promise` itself, or the name it is bound to. */
  readonly use: TSESTree.Expression;
  /** The statement `use` is in, after the chain's. */
  readonly statement: TSESTree.Statement;
  /** The `const` declaration of the promise, before the chain, when it is built first. */
  readonly before: TSESTree.VariableDeclaration | null;
  /** Statements between the chain and the wrapper. */
  readonly between: readonly TSESTree.Statement[];
}

export function detachedWrapperOf(file: AnalysisFile, chain: PipeChain): DetachedWrapper | null {
  const first = chain.statements[0];
  const last = chain.statements[chain.statements.length - 1];
  const block = last?.parent;
  if (!first || !last || block?.type !== 'BlockStatement') return null;
  const at = block.body.indexOf(last);
  const registrations = new Set(chain.stages.flatMap((s) => s.registrations));
  const listensOnChain = (executor: ExecutorFunction) => executor.body.type === 'BlockStatement' && executor.body.body.some((b) => registrations.has(b as TSESTree.ExpressionStatement));
  // Built first: `const done = new Promise(…); src.pipe(dest); return done;`.
  const previous = block.body[block.body.indexOf(first) - 1];
  const declarator = previous?.type === 'VariableDeclaration' && previous.kind === 'const' && previous.declarations.length === 1 ? previous.declarations[0] : undefined;
  const init = declarator?.init ? skipTransparentWrappers(declarator.init) : null;
  if (previous?.type === 'VariableDeclaration' && declarator && init?.type === 'NewExpression') {
    const executor = promiseExecutorOf(file, init);
    const variable = file.scopeManager.getDeclaredVariables(declarator)[0];
    const reads = variable?.references.filter((r) => r.init !== true) ?? [];
    const read = reads.length === 1 && variable?.defs.length === 1 ? reads[0]?.identifier : undefined;
    const next = block.body[at + 1];
    // Read where the promise itself is returned or awaited (`return done;`, not `return () => done;`).
    if (executor && listensOnChain(executor) && read?.type === 'Identifier' && next && promiseOfStatement(next) === read) {
      return { created: init, executor, use: read, statement: next, before: previous, between: [] };
    }
  }
  // Built after, right away or a few statements later.
  for (let i = at + 1; i < block.body.length; i++) {
    const statement = block.body[i];
    if (!statement) break;
    const promise = promiseOfStatement(statement);
    const created = promise?.type === 'NewExpression' ? promise : null;
    const executor = created ? promiseExecutorOf(file, created) : null;
    if (created && executor && listensOnChain(executor)) return { created, executor, use: created, statement, before: null, between: block.body.slice(at + 1, i) };
  }
  return null;
}

/** The promise a statement returns or awaits as a whole, a `new Promise` or a name: `return new Promise(…)`, `return await done`, `await …;`, `const x = await …`. */
function promiseOfStatement(statement: TSESTree.Statement): TSESTree.NewExpression | TSESTree.Identifier | null {
  let value: TSESTree.Expression | null | undefined = null;
  if (statement.type === 'ReturnStatement') value = statement.argument;
  else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AwaitExpression') value = statement.expression;
  else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1 && statement.declarations[0]?.init?.type === 'AwaitExpression') value = statement.declarations[0].init;
  if (value?.type === 'AwaitExpression') value = value.argument;
  return value?.type === 'NewExpression' || value?.type === 'Identifier' ? value : null;
}

/**
 * `await pipeline(src, dest)` in place of `src.pipe(dest);` and the `new Promise` beside it that
 * only listens on the chain's streams (`detachedWrapperOf`), with `return value;` after it where the
 * promise resolved a value and was returned. The listeners are judged as a wrapper's are
 * (`settlementOf`); the executor must hold nothing but the statements adding them, every listener
 * statement of the chain's streams must be in it, no code may run between the chain and the
 * wrapper (it ran while the streams flowed, and could throw with the streams left open), and the
 * source must not be piped elsewhere too (`pipeline` would destroy it when this chain fails).
 * Level `review`, for the same reasons as a wrapper around the chain: an error of the source used
 * to be uncaught and leave the promise pending, and now rejects it and destroys every stream.
 */
export function planDetachedWrapper(file: AnalysisFile, chain: PipeChain, fn: EnclosingFunction, wrapper: DetachedWrapper): Plan {
  const { text } = file;
  const { created, executor, use, statement, before, between } = wrapper;
  if (between.length > 0) {
    return refuse('code-after-pipe', `Code runs between the chain and the \`new Promise\` that waits for it (\`${shortStreamText(file, between[0] as TSESTree.Node)}\`): it ran while the streams flowed, and a throw there left them open.`);
  }
  if (enclosingFunctionOf(created) !== fn) return refuse('unsupported-call-shape', 'The `new Promise` is not in the chain\'s function.');
  const names = settlerNamesOf(executor);
  if ('level' in names) return names;
  const { resolveName, rejectName } = names;
  const body = executor.body;
  if (body.type !== 'BlockStatement') return refuse('unsupported-call-shape', 'The executor is an expression.');
  const registrations = new Set(chain.stages.flatMap((s) => s.registrations));
  if ([...registrations].some((r) => !body.body.includes(r))) {
    return refuse('stream-used-elsewhere', 'A stream of the chain is listened to outside the `new Promise` that waits for it; `pipeline` would take over its errors and end.');
  }
  const streams = streamVariablesOf(file, chain);
  const flag = errorFlagOf(file, executor, chain);
  for (const s of body.body) {
    if (!registrations.has(s as TSESTree.ExpressionStatement) && s !== flag?.declaration) return strayStatementRefusal(file, executor, s, streams, [resolveName, ...(rejectName ? [rejectName] : [])]);
  }
  const source = skipTransparentWrappers(chain.stages[0]?.node ?? chain.top);
  const sourceVariable = source.type === 'Identifier' ? findVariable(innermostScope(file.scopeManager, source), source.name) : null;
  if (sourceVariable?.references.some((r) => r.identifier !== source && r.init !== true && r.identifier.type === 'Identifier' && isPipedFrom(r.identifier))) {
    return refuse('stream-used-elsewhere', `\`${source.type === 'Identifier' ? source.name : ''}\` is piped into another stream too; \`pipeline\` would destroy it when this chain fails, and the other would end early.`);
  }
  const settled = settledPipelineOf(file, chain, executor, created, resolveName, rejectName, flag);
  if ('level' in settled) return settled;
  const { value, reference, call } = settled;
  const around = use.parent?.type === 'AwaitExpression' && use.parent.argument === use ? use.parent : use;
  const returned = statement.type === 'ReturnStatement' && statement.argument === around && !insideTry(statement);
  const semi = text.slice(statement.range[0], statement.range[1]).endsWith(';') ? ';' : '';
  const placed = value
    ? placeValue(file, use, call, value)
    : returned && tailProblem(statement, fn) === null
      ? { range: statement.range, text: `await ${call}${semi}`, added: ['await'], owned: statement }
      : { range: use.range, text: call, added: [], owned: statement };
  const start = (before ?? chain.statements[0] ?? statement).range[0];
  const edit: TextEdit = { range: [start, placed.range[1]], text: `${text.slice(statement.range[0], placed.range[0])}${placed.text}` };
  const kept: (readonly [number, number])[] = [...chain.stages.map((s) => s.node.range), [statement.range[0], placed.range[0]]];
  if (value) kept.push(value.range);
  if (dropsComment(file, edit.range, kept)) return refuse('would-drop-comment', 'A comment sits in the chain or the `new Promise` that waits for it, which the rewrite removes; move it and run again.');
  const withImport = withPipelineImport(file, reference, edit);
  if ('level' in withImport) return withImport;
  const { edits, imports } = withImport;
  const removed: string[] = ['new', 'Promise', 'function', 'pipe', 'await', 'return', ...listenerMethods, resolveName, ...(rejectName ? [rejectName] : [])];
  if (created.typeArguments) removed.push(...wordsOfText(text.slice(created.typeArguments.range[0], created.typeArguments.range[1])));
  for (const s of [...registrations, ...(flag ? [flag.declaration] : [])]) removed.push(...registrationWords(file, s));
  for (const s of chain.statements) removed.push(...registrationWords(file, s));
  if (before) removed.push(...wordsOfText(text.slice(before.range[0], before.range[1])), text.slice(use.range[0], use.range[1]));
  return checkedPlan(file, 'review', edits, {
    owned: [...(before ? [before] : []), ...chain.statements, statement],
    vocabulary: { added: ['await', ...reference.words, ...placed.added, ...(imports?.words ?? [])], removed },
  });
}

/** `id.pipe(…)`: the name is the source of a chain. */
function isPipedFrom(id: TSESTree.Identifier): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && !!member.parent && linkOf(member.parent)?.kind === 'pipe';
}

/** Whether a comment inside `range` lies outside every `kept` range, so the edit would drop it. */
function dropsComment(file: AnalysisFile, range: readonly [number, number], kept: readonly (readonly [number, number])[]): boolean {
  return file.comments.some((c) => c.range[0] >= range[0] && c.range[1] <= range[1] && !kept.some(([start, end]) => start <= c.range[0] && c.range[1] <= end));
}

/** The edit and the import `pipeline` needs, when the file lacks it; the refusal when there is no place for the import. */
function withPipelineImport(file: AnalysisFile, reference: NonNullable<ReturnType<typeof referenceTo>>, edit: TextEdit): { edits: TextEdit[]; imports: ReturnType<typeof importEdit> } | Plan {
  const imports = reference.needsImport ? importEdit(file, [reference.needsImport]) : null;
  if (reference.needsImport && !imports) return refuse('twin-name-taken', 'There is no place to add the import `pipeline` needs.');
  return { edits: imports ? [edit, ...imports.edits] : [edit], imports };
}

/** The executor's `resolve` and `reject` names, or the refusal when its parameters are not plain names. */
function settlerNamesOf(executor: ExecutorFunction): { resolveName: string; rejectName: string | null } | Plan {
  const [resolveParam, rejectParam, ...more] = executor.params;
  if (resolveParam?.type !== 'Identifier' || (rejectParam && rejectParam.type !== 'Identifier') || more.length > 0) {
    return refuse('handler-not-supported', 'The executor\'s parameters are not plain `resolve` and `reject` names.');
  }
  return { resolveName: resolveParam.name, rejectName: rejectParam?.type === 'Identifier' ? rejectParam.name : null };
}

/** `pipeline(a, b, c)` of the chain's streams as written, through the name the file gives `pipeline` at `at`; the refusal when it has none to give. */
function pipelineCallOf(file: AnalysisFile, chain: PipeChain, at: TSESTree.Node): { reference: NonNullable<ReturnType<typeof referenceTo>>; call: string } | Plan {
  const reference = referenceTo(file, at, 'stream/promises', 'pipeline', { module: 'stream', member: 'promises' }, { viaAliasImport: true });
  if (!reference) return refuse('twin-name-taken', '`pipeline` from `node:stream/promises` needs a name this file already uses; import it under another name by hand.');
  const args = chain.stages.map((s) => file.text.slice(s.node.range[0], s.node.range[1]));
  return { reference, call: `${reference.text}(${args.join(', ')})` };
}

/**
 * What a `new Promise` around the chain's listeners becomes, once they settle it as `pipeline`
 * would (`settlementOf`) and nothing else about the chain stands in the way (`chainProblem`): the
 * value it resolved (`null` for nothing) and the `pipeline(…)` call; otherwise the refusal.
 */
function settledPipelineOf(
  file: AnalysisFile,
  chain: PipeChain,
  executor: ExecutorFunction,
  created: TSESTree.NewExpression,
  resolveName: string,
  rejectName: string | null,
  flag: ErrorFlag | null,
): { value: TSESTree.Expression | null; reference: NonNullable<ReturnType<typeof referenceTo>>; call: string } | Plan {
  const settlement = settlementOf(file, chain, executor, resolveName, rejectName, flag);
  if ('plan' in settlement) return settlement.plan;
  const problem = chainProblem(file, chain, true);
  if (problem) return problem;
  const pipelineCall = pipelineCallOf(file, chain, created);
  return 'level' in pipelineCall ? pipelineCall : { value: settlement.value, ...pipelineCall };
}
