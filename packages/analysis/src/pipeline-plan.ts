/**
 * The `await pipeline(a, b, c)` from `node:stream/promises` that replaces a reported `.pipe()`
 * chain (`stream-pipes.ts` finds them): the streams become its arguments, the last stream's
 * `finish` listener's body runs after the `await`, and `error` listeners that handled the error
 * become one `catch` around it (listeners that only rethrow are dropped: their error is now the
 * rejection). Every plan is `review`: the function now waits for the streams, and an error of any
 * stream rejects it once.
 */
import type { TSESTree } from '@typescript-eslint/types';
import jsTokens from 'js-tokens';
import { listenerMethods, streamDoneEvents } from './catalogues/stream-apis';
import { enclosingFunctionOf, inner, keptRanges, nameClash, reindented, returnProblem, tailProblem, usesOwnThis } from './callback-to-await';
import { type Plan, type RefusalReason, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { importEdit, referenceTo } from './module-references';
import { linkOf, type PipeChain, processStreamOf, shortStreamText, type StreamListener } from './pipe-links';
import { findVariable, innermostScope } from './scope';
import { skipTransparentWrappers } from './walk';

const doneEvents = new Set<string>(streamDoneEvents);

const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

type InlineHandler = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

function isInline(node: TSESTree.Node): node is InlineHandler {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

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

/** The words of a text, as the invariant counts them: what a dropped copy of a handler removes. */
function wordsOfText(text: string): string[] {
  const out: string[] = [];
  for (const token of jsTokens(text)) {
    if (token.type !== 'Punctuator' && token.type !== 'WhiteSpace' && token.type !== 'LineTerminatorSequence') out.push(token.value);
  }
  return out;
}

/** A plain parameter of the enclosing function: a callback the rewrite may call in place of the listener. */
function isParameterName(file: AnalysisFile, node: TSESTree.Node): node is TSESTree.Identifier {
  if (node.type !== 'Identifier') return false;
  const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
  return variable?.defs.length === 1 && variable.defs[0]?.type === 'Parameter' && variable.references.every((r) => !r.isWrite());
}

/**
 * The `await pipeline(a, b, c)` that replaces a reported chain, at level `review` (the function now
 * waits for the streams, and an error of any stream rejects it once instead of reaching the
 * listeners of its own stream or being thrown as an uncaught exception); or the refusal naming the
 * first thing that cannot be shown to keep the code's meaning.
 */
export function planPipeline(file: AnalysisFile, chain: PipeChain): Plan {
  const { text } = file;
  if (chain.pipeOptions) return refuse('unsupported-option', '`.pipe(dest, options)` passes options (`{ end: false }` keeps the destination open), which `pipeline` does not take.');
  const statement = chain.statements[chain.statements.length - 1];
  const firstStatement = chain.statements[0];
  if (!statement || !firstStatement) return refuse('unsupported-call-shape', 'The chain is not a statement.');
  const fn = enclosingFunctionOf(chain.top);
  if (fn === null || fn === 'other' || !fn.async) {
    return refuse(
      'not-awaitable-here',
      fn === null
        ? 'The chain is at module top level, where an `await` would hold up every importer; move it into an async function.'
        : 'The enclosing function is not `async`: making it so would change what its callers get (a promise, and rejections instead of throws).',
    );
  }
  const tail = tailProblem(statement, fn);
  if (tail) return refuse('code-after-pipe', 'Code may run after the chain in its function (later statements, a loop, a `try`): it ran while the streams flowed, and would run only once `await pipeline(…)` settles.');
  if (chain.statements.length > 1) {
    const block = statement.parent;
    const body = block && 'body' in block && Array.isArray(block.body) ? (block.body as TSESTree.Node[]) : [];
    const at = body.indexOf(statement);
    if (chain.statements.some((s, i) => body[at - (chain.statements.length - 1) + i] !== s)) {
      return refuse('code-after-pipe', 'Code runs between the statements that build the chain: it ran while the streams flowed, and would run before they exist.');
    }
  }
  for (const stage of chain.stages) {
    if (stage.usedElsewhere || stage.listenersOutside) {
      return refuse('stream-used-elsewhere', `\`${shortStreamText(file, stage.node)}\` is used or listened to outside the chain; \`pipeline\` would take over its errors and end.`);
    }
    const core = skipTransparentWrappers(stage.node);
    if (linkOf(core)?.kind === 'pipe') return refuse('unsupported-call-shape', 'A stream of the chain is itself a `.pipe()` chain.');
    const processStream = stage === chain.stages[0] ? null : processStreamOf(file, core);
    if (processStream && processStream !== 'stdin') {
      return refuse('ends-process-stream', `\`.pipe()\` never ends \`process.${processStream}\`, and \`pipeline\` does: what the program writes to it afterwards would be lost.`);
    }
  }
  const lastStage = chain.stages[chain.stages.length - 1];
  const errors: StreamListener[] = [];
  let done: StreamListener | null = null;
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
      return refuse('handler-not-supported', `A \`${listener.event ?? 'computed'}\` listener ${stage === lastStage ? '' : 'on a stream before the last '}has no place after \`await pipeline(…)\`; only the last stream's \`finish\` and the \`error\` listeners move (\`close\` also follows an error).`);
    }
  }
  // Every error listener must say the same, since one `catch` takes them all.
  const errorTexts = new Set(errors.map((l) => normalized(text.slice(l.handler.range[0], l.handler.range[1]))));
  if (errorTexts.size > 1) return refuse('error-handlers-differ', 'The streams handle their errors differently; one `catch` around `await pipeline(…)` would give every error the same handler.');
  const errorListener = errors[0] ?? null;
  for (const listener of [errorListener, done]) {
    if (!listener) continue;
    const handler = listener.handler;
    if (isInline(handler)) {
      const problem = handlerProblem(file, handler, listener === done ? 0 : 1);
      if (problem) return refuse('handler-not-supported', `The \`${listener.event ?? ''}\` listener ${problem}.`);
      const scope = file.scopeManager.acquire(handler);
      const clash = scope ? nameClash(file, fn, handler, scope, chain.top) : null;
      if (clash) return refuse('name-clash', `The \`${listener.event ?? ''}\` listener declares \`${clash}\`, which the enclosing function already uses or declares elsewhere.`);
    } else if (!isParameterName(file, handler)) {
      return refuse('handler-not-supported', `The \`${listener.event ?? ''}\` listener is not written at the chain nor a callback parameter of the function, so what it does with \`this\` cannot be seen.`);
    }
  }
  const reference = referenceTo(file, chain.top, 'stream/promises', 'pipeline', { module: 'stream', member: 'promises' }, { viaAliasImport: true });
  if (!reference) return refuse('twin-name-taken', '`pipeline` from `node:stream/promises` needs a name this file already uses; import it under another name by hand.');
  // Every comment of the statements must lie in a part that is copied.
  const copied: (readonly [number, number])[] = chain.stages.map((s) => s.node.range);
  for (const listener of [errorListener, done]) if (listener) copied.push(listener.handler.range);
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
    if (done && !endsInExit) {
      body = body === '' ? `return${semi || ';'}` : `${body}${nl}${inside}return${semi || ';'}`;
      added.push('return');
    }
    added.push('try', 'catch');
    const head = param === null ? 'catch {' : `catch (${param}) {`;
    lines.push(`try {${nl}${inside}${awaited}${nl}${indent}} ${head}${body === '' ? '' : `${nl}${inside}${body}`}${nl}${indent}}`);
  } else {
    lines.push(awaited);
  }
  if (done) {
    const body = bodyOf(done.handler, indent, `${text.slice(done.handler.range[0], done.handler.range[1])}()${semi || ';'}`);
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
      if (listener !== errorListener && listener !== done) removed.push(...wordsOfText(text.slice(listener.handler.range[0], listener.handler.range[1])));
    }
  }
  for (const s of chain.statements.slice(0, -1)) {
    if (s.type === 'VariableDeclaration') removed.push('const', ...s.declarations.map((d) => text.slice(d.id.range[0], d.id.range[1])));
  }
  return checkedPlan(file, 'review', edits, {
    owned: chain.statements,
    vocabulary: { added: [...added, ...(imports?.words ?? [])], removed },
  });
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
