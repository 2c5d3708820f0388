/**
 * The `await pipeline(a, b, c)` from `node:stream/promises` that replaces a reported `.pipe()`
 * chain (`stream-pipes.ts` finds them): the streams become its arguments, the last stream's
 * `finish` listener's body runs after the `await`, and `error` listeners that handled the error
 * become one `catch` around it (listeners that only rethrow are dropped: their error is now the
 * rejection). A `new Promise` that settles on the streams' events becomes `pipeline(…)` too
 * (`pipeline-wrappers.ts`). Every plan is `review`: the function now waits for the streams, and an
 * error of any stream rejects it once.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { listenerMethods, streamDoneEvents } from './catalogues/stream-apis';
import { enclosingFunctionOf, inner, keptRanges, nameClash, reindented, returnProblem, tailProblem, usesOwnThis } from './callback-to-await';
import { type Plan, type TextEdit } from './edits';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { importEdit, referenceTo } from './module-references';
import { type PipeChain, type StreamListener } from './pipe-links';
import { findVariable, innermostScope } from './scope';
import { chainProblem, closesAfterPipeline, type EnclosingFunction, type InlineHandler, isInline, refuse, registrationWords, statementsOf, wordsOfText } from './pipeline-chain';
import { detachedWrapperOf, planDetachedWrapper, planWrapper } from './pipeline-wrappers';
const doneEvents = new Set<string>(streamDoneEvents);

/** A handler's problem as an inline function whose body can move into the enclosing function, or `null`. */
function handlerProblem(file: AnalysisFile, handler: InlineHandler, maxParams: number): string | null {
  if (handler.async || handler.generator) return 'is `async` or a generator';
  if (handler.params.length > maxParams || handler.params.some((p) => p.type !== 'Identifier' || p.typeAnnotation)) return 'takes parameters the rewrite cannot give it';
  if (handler.type === 'FunctionExpression') {
    if (usesOwnThis(file, handler)) return 'is a `function` that reads its own `this` (the stream)';
    if ((file.scopeManager.acquire(handler)?.set.get('arguments')?.references.length ?? 0) > 0) return 'reads its own `arguments`';
    if (handler.id) return 'is a named function';
  }
  if (returnProblem(file, handler)) return 'returns a value';
  return null;
}

/** An error handler that only rethrows (`(err) => { throw err; }`): its error becomes the rejection. */
function onlyRethrows(handler: TSESTree.Node): boolean {
  if (!isInline(handler)) return false;
  const param = handler.params[0];
  if (param?.type !== 'Identifier') return false;
  const body = handler.body.type === 'BlockStatement' && handler.body.body.length === 1 ? handler.body.body[0] : null;
  return body?.type === 'ThrowStatement' && body.argument.type === 'Identifier' && body.argument.name === param.name;
}

/**
 * A name the rewrite may call in place of the listener (`handler(err)` for `.on('error', handler)`):
 * a plain parameter of the enclosing function (a callback), or a function of the file never
 * reassigned that cannot tell the two calls apart — an arrow bound by `const`, or a declared
 * `function` that reads neither its own `this` (the stream, as a listener) nor `arguments`.
 */
function isCallableName(file: AnalysisFile, node: TSESTree.Node): node is TSESTree.Identifier {
  if (node.type !== 'Identifier') return false;
  const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || variable.references.some((r) => r.isWrite() && r.init !== true)) return false;
  if (def.type === 'Parameter') return true;
  if (def.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') {
    const fn = def.node;
    return !fn.async && !fn.generator && !usesOwnThis(file, fn) && (file.scopeManager.acquire(fn)?.set.get('arguments')?.references.length ?? 0) === 0;
  }
  if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.parent?.type !== 'VariableDeclaration' || def.parent.kind !== 'const') return false;
  const init = def.node.init;
  return init?.type === 'ArrowFunctionExpression' && !init.async;
}

/**
 * How a chain is rewritten: `await pipeline(…)` where the chain ends an `async` function, or
 * `pipeline(…)` in place of a `new Promise` whose executor is the chain and only settles it.
 */
export interface PipelinePlan {
  readonly shape: 'await' | 'promise-wrapper';
  readonly plan: Plan;
}

/**
 * The `await pipeline(a, b, c)` that replaces a reported chain, at level `review` (the function now
 * waits for the streams, and an error of any stream rejects it once instead of reaching the
 * listeners of its own stream or being thrown as an uncaught exception); or the refusal naming the
 * first thing that cannot be shown to keep the code's meaning.
 */
export function planPipeline(file: AnalysisFile, chain: PipeChain): PipelinePlan {
  const statement = chain.statements[chain.statements.length - 1];
  const firstStatement = statementsOf(chain)[0];
  if (!statement || !firstStatement) return awaited(refuse('unsupported-call-shape', 'The chain is not a statement.'));
  const fn = enclosingFunctionOf(chain.top);
  const created = fn !== null && fn !== 'other' && fn.parent.type === 'NewExpression' ? fn.parent : null;
  const executor = created ? promiseExecutorOf(file, created) : null;
  if (created && executor && executor === fn) return { shape: 'promise-wrapper', plan: planWrapper(file, chain, created, executor) };
  if (fn === null || fn === 'other' || !fn.async) {
    return awaited(
      refuse(
        'not-awaitable-here',
        fn === null
          ? 'The chain is at module top level, where an `await` would hold up every importer; move it into an async function.'
          : 'The enclosing function is not `async`: making it so would change what its callers get (a promise, and rejections instead of throws).',
      ),
    );
  }
  const detached = detachedWrapperOf(file, chain);
  if (detached) return { shape: 'promise-wrapper', plan: planDetachedWrapper(file, chain, fn, detached) };
  const tail = tailProblem(statement, fn);
  if (tail) return awaited(refuse('code-after-pipe', 'Code may run after the chain in its function (later statements, a loop, a `try`): it ran while the streams flowed, and would run only once `await pipeline(…)` settles.'));
  const problem = chainProblem(file, chain, false);
  if (problem) return awaited(problem);
  return awaited(planAwaited(file, chain, fn, firstStatement, statement));
}

function awaited(plan: Plan): PipelinePlan {
  return { shape: 'await', plan };
}

function planAwaited(file: AnalysisFile, chain: PipeChain, fn: EnclosingFunction, firstStatement: TSESTree.Statement, statement: TSESTree.Statement): Plan {
  const { text } = file;
  const lastStage = chain.stages[chain.stages.length - 1];
  const errors: StreamListener[] = [];
  let done: StreamListener | null = null;
  let closed: StreamListener | null = null;
  const closes = closesAfterPipeline(file, chain);
  for (const stage of chain.stages) {
    for (const listener of stage.listeners) {
      if (listener.event === 'error') {
        if (!onlyRethrows(listener.handler)) errors.push(listener);
        continue;
      }
      if (listener.event !== null && doneEvents.has(listener.event) && stage === lastStage && done === null) {
        done = listener;
        continue;
      }
      if (listener.event === 'close' && stage === lastStage && closed === null && closes) {
        closed = listener;
        continue;
      }
      return refuse(
        'handler-not-supported',
        `A \`${listener.event ?? 'computed'}\` listener ${stage === lastStage ? '' : 'on a stream before the last '}has no place after \`await pipeline(…)\`; only the last stream's \`finish\`, its \`close\` when it is a file stream (\`pipeline\` waits for it), and the \`error\` listeners move (\`close\` of another stream may come before \`pipeline\` settles, or never).`,
      );
    }
  }
  // The file stream's `close` follows its own error too: with a listener handling that error, the body ran on failure as well.
  if (closed && lastStage?.listeners.some((l) => l.event === 'error' && !onlyRethrows(l.handler))) {
    return refuse('handler-not-supported', 'The last stream handles its errors and has a `close` listener, which ran after such an error too; after `await pipeline(…)` it would run only on success.');
  }
  // Every error listener must say the same, since one `catch` takes them all.
  const errorTexts = new Set(errors.map((l) => normalized(text.slice(l.handler.range[0], l.handler.range[1]))));
  if (errorTexts.size > 1) return refuse('error-handlers-differ', 'The streams handle their errors differently; one `catch` around `await pipeline(…)` would give every error the same handler.');
  const errorListener = errors[0] ?? null;
  for (const listener of [errorListener, done, closed]) {
    if (!listener) continue;
    const handler = listener.handler;
    if (isInline(handler)) {
      const problem = handlerProblem(file, handler, listener === errorListener ? 1 : 0);
      if (problem) return refuse('handler-not-supported', `The \`${listener.event ?? ''}\` listener ${problem}.`);
      const scope = file.scopeManager.acquire(handler);
      const clash = scope ? nameClash(file, fn, handler, scope, chain.top) : null;
      if (clash) return refuse('name-clash', `The \`${listener.event ?? ''}\` listener declares \`${clash}\`, which the enclosing function already uses or declares elsewhere.`);
    } else if (!isCallableName(file, handler)) {
      return refuse('handler-not-supported', `The \`${listener.event ?? ''}\` listener is not written at the chain, a callback parameter of the function nor a function of the file, so what it does with \`this\` cannot be seen.`);
    }
  }
  const reference = referenceTo(file, chain.top, 'stream/promises', 'pipeline', { module: 'stream', member: 'promises' }, { viaAliasImport: true });
  if (!reference) return refuse('twin-name-taken', '`pipeline` from `node:stream/promises` needs a name this file already uses; import it under another name by hand.');
  // Every comment of the statements must lie in a part that is copied.
  const copied: (readonly [number, number])[] = chain.stages.map((s) => s.node.range);
  for (const listener of [errorListener, done, closed]) if (listener) copied.push(listener.handler.range);
  const replaced: readonly [number, number] = [firstStatement.range[0], statement.range[1]];
  for (const comment of file.comments) {
    if (comment.range[0] < replaced[0] || comment.range[1] > replaced[1]) continue;
    if (!copied.some(([s, e]) => s <= comment.range[0] && comment.range[1] <= e)) {
      return refuse('would-drop-comment', 'A comment sits in a part of the chain the rewrite removes; move it and run again.');
    }
  }
  const nl = lineEndingOf(file);
  const indent = lineIndent(text, firstStatement.range[0]);
  const unit = indentUnitOf(file);
  const semi = text.slice(statement.range[0], statement.range[1]).endsWith(';') ? ';' : '';
  const args = chain.stages.map((s) => text.slice(s.node.range[0], s.node.range[1]));
  const awaited = `await ${reference.text}(${args.join(', ')})${semi}`;
  const added = ['await', ...reference.words];
  const lines: string[] = [];
  const bodyOf = (handler: TSESTree.Expression, to: string, call: string): string => {
    if (!isInline(handler)) return call;
    if (handler.body.type !== 'BlockStatement') return `${text.slice(handler.body.range[0], handler.body.range[1])};`;
    const range = inner(file, handler.body);
    if (range[0] >= range[1]) return '';
    return reindented(file, range, lineIndent(text, range[0]), to, keptRanges(file, handler));
  };
  if (errorListener) {
    const handler = errorListener.handler;
    const inside = indent + unit;
    let param: string | null = isInline(handler) ? ((handler.params[0] as TSESTree.Identifier | undefined)?.name ?? null) : null;
    if (!isInline(handler)) {
      // The `catch` holds only the call of the handler, so its binding may shadow anything but the handler's own name.
      param = text.slice(handler.range[0], handler.range[1]) === 'err' ? 'error' : 'err';
      added.push(param);
    }
    let body = bodyOf(handler, inside, `${text.slice(handler.range[0], handler.range[1])}(${param ?? ''})${semi || ';'}`);
    const endsInExit = isInline(handler) && handler.body.type === 'BlockStatement' && ['ReturnStatement', 'ThrowStatement'].includes(handler.body.body[handler.body.body.length - 1]?.type ?? '');
    if ((done || closed) && !endsInExit) {
      body = body === '' ? `return${semi || ';'}` : `${body}${nl}${inside}return${semi || ';'}`;
      added.push('return');
    }
    added.push('try', 'catch');
    const head = param === null ? 'catch {' : `catch (${param}) {`;
    lines.push(`try {${nl}${inside}${awaited}${nl}${indent}} ${head}${body === '' ? '' : `${nl}${inside}${body}`}${nl}${indent}}`);
  } else {
    lines.push(awaited);
  }
  // `finish`, then the file stream's `close`: the order they are emitted in, both before `pipeline` settles.
  for (const listener of [done, closed]) {
    if (!listener) continue;
    const body = bodyOf(listener.handler, indent, `${text.slice(listener.handler.range[0], listener.handler.range[1])}()${semi || ';'}`);
    if (body !== '') lines.push(body);
  }
  const edits: TextEdit[] = [{ range: replaced, text: lines.join(`${nl}${indent}`) }];
  const imports = reference.needsImport ? importEdit(file, [reference.needsImport]) : null;
  if (reference.needsImport && !imports) return refuse('twin-name-taken', 'There is no place to add the import `pipeline` needs.');
  if (imports) edits.push(...imports.edits);
  // What the chain's structure was: the pipes, the listener calls and their events, the listeners the one `catch` replaces.
  const removed: string[] = ['pipe', ...listenerMethods, 'function'];
  for (const stage of chain.stages) {
    for (const listener of stage.listeners) {
      const event = listener.call.arguments[0];
      if (event) removed.push(text.slice(event.range[0], event.range[1]));
      if (listener !== errorListener && listener !== done && listener !== closed) removed.push(...wordsOfText(text.slice(listener.handler.range[0], listener.handler.range[1])));
    }
  }
  for (const s of chain.statements.slice(0, -1)) {
    if (s.type === 'VariableDeclaration') removed.push('const', ...s.declarations.map((d) => text.slice(d.id.range[0], d.id.range[1])));
  }
  for (const s of statementsOf(chain).slice(0, -chain.statements.length)) removed.push(...registrationWords(file, s));
  return checkedPlan(file, 'review', edits, {
    owned: statementsOf(chain),
    vocabulary: { added: [...added, ...(imports?.words ?? [])], removed },
  });
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
