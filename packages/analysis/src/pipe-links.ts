/**
 * The pieces of a `.pipe()` chain, shared by its finder (`stream-pipes.ts`) and its planner
 * (`pipeline-plan.ts`): the links (`.pipe(dest)` and listener calls such as `.on('error', h)`,
 * which return the stream itself), the listeners a stream has, and the stages of a chain.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { listenerMethods, type NodeStreamApi, nodeStreamApiOf, processStreams } from './catalogues/stream-apis';
import type { AnalysisFile } from './file';
import { resolveModuleMember, staticPropertyName } from './modules';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { skipTransparentWrappers } from './walk';

/** A listener added with `.on(event, handler)` (or `once`, `addListener` …). */
export interface StreamListener {
  /** The event, or `null` when it is not a string literal. */
  readonly event: string | null;
  readonly handler: TSESTree.Expression;
  readonly call: TSESTree.CallExpression;
}

/** One stream of a chain. */
export interface PipeStage {
  /** The stream as written, without the listener links that follow it in the chain. */
  readonly node: TSESTree.Expression;
  /** Whether it is shown to be a Node stream (a catalogued call, `process.stdout`, a typed stream, or a name bound to one). */
  readonly shown: boolean;
  readonly listeners: readonly StreamListener[];
  /** The stream's name (or, for `response.data`, the name it is a property of) is also read elsewhere than in the chain and in listener registrations. */
  readonly usedElsewhere: boolean;
  /** Some of its listeners are added outside the chain (in its initialiser, or by statements on its name). */
  readonly listenersOutside: boolean;
  /** Some of its listeners are added in its `const`'s initialiser (`const s = make().on('error', h)`), not by a chain it is bound to. */
  readonly listenersInInitializer: boolean;
  /** The statements on its name that only add listeners (`s.on('error', onError);`). */
  readonly registrations: readonly TSESTree.ExpressionStatement[];
}

/** A `.pipe()` chain of Node streams. */
export interface PipeChain {
  /** Where the chain is reported: the first `.pipe` of the chain. */
  readonly node: TSESTree.Node;
  /** The chain's outermost call (of the last statement, for a chain split over two). */
  readonly top: TSESTree.CallExpression;
  readonly stages: readonly PipeStage[];
  /** The statements that make the chain: one, or the `const` declaration and the statement that goes on from its name. */
  readonly statements: readonly TSESTree.Statement[];
  /** Whether a `.pipe(dest, options)` call passes options. */
  readonly pipeOptions: boolean;
}

const listenerNames = new Set<string>(listenerMethods);

export interface Link {
  readonly kind: 'pipe' | 'listen';
  readonly call: TSESTree.CallExpression;
  readonly object: TSESTree.Expression;
}

/** `x.pipe(…)` or `x.on(…)` (a listener method), as a link of a chain; `null` for anything else. */
export function linkOf(node: TSESTree.Node): Link | null {
  if (node.type !== 'CallExpression' || node.optional) return null;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.optional || callee.computed || callee.property.type !== 'Identifier') return null;
  const name = callee.property.name;
  if (name === 'pipe') return { kind: 'pipe', call: node, object: callee.object };
  return listenerNames.has(name) ? { kind: 'listen', call: node, object: callee.object } : null;
}

export function listenerOf(link: Link): StreamListener | null {
  const [event, handler] = link.call.arguments;
  if (!event || !handler || event.type === 'SpreadElement' || handler.type === 'SpreadElement') return null;
  return { event: event.type === 'Literal' && typeof event.value === 'string' ? event.value : null, handler, call: link.call };
}

/** An expression with its trailing listener links taken off: `s.on('error', h)` → `s` and its listener. */
export function peelListeners(node: TSESTree.Expression): { core: TSESTree.Expression; listeners: StreamListener[] } {
  const listeners: StreamListener[] = [];
  let current = node;
  for (let link = linkOf(current); link?.kind === 'listen'; link = linkOf(current)) {
    const listener = listenerOf(link);
    if (listener) listeners.unshift(listener);
    current = link.object;
  }
  return { core: current, listeners };
}

/** The stream as written, shortened for messages. */
export function shortStreamText(file: AnalysisFile, node: TSESTree.Node): string {
  const text = file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

/** `process.stdout` (of the global `process`, or `require('process')`): which of `process`'s streams `node` is, or `null`. */
export function processStreamOf(file: AnalysisFile, node: TSESTree.Expression): (typeof processStreams)[number] | null {
  const core = skipTransparentWrappers(node);
  if (core.type !== 'MemberExpression') return null;
  const name = staticPropertyName(core);
  const stream = processStreams.find((s) => s === name);
  if (!stream) return null;
  if (core.object.type === 'Identifier' && core.object.name === 'process' && isBuiltinGlobal(file.scopeManager, core.object, 'process')) return stream;
  const member = resolveModuleMember(file.scopeManager, core);
  return member?.module === 'process' && member.path.length === 1 ? stream : null;
}

/**
 * The catalogue entry that makes `node`: a catalogued call or constructor resolved through imports
 * and `require`, or a `const` bound to one (listener links peeled off); `undefined` when none shows.
 */
export function nodeStreamApiFor(file: AnalysisFile, node: TSESTree.Expression, depth: number): NodeStreamApi | undefined {
  return nodeStreamMakingOf(file, node, depth)?.api;
}

/** The catalogued call or constructor that makes `node` and its entry, through `const`s as {@link nodeStreamApiFor} goes. */
function nodeStreamMakingOf(file: AnalysisFile, node: TSESTree.Expression, depth: number): { api: NodeStreamApi; made: TSESTree.CallExpression | TSESTree.NewExpression } | undefined {
  if (depth > 4) return undefined;
  const core = peelListeners(skipTransparentWrappers(node)).core;
  if ((core.type === 'CallExpression' || core.type === 'NewExpression') && (core.callee.type === 'Identifier' || core.callee.type === 'MemberExpression')) {
    const member = resolveModuleMember(file.scopeManager, core.callee);
    const api = member ? nodeStreamApiOf(member.module, member.path, core.type === 'NewExpression' ? 'new' : 'call') : undefined;
    return api ? { api, made: core } : undefined;
  }
  if (core.type !== 'Identifier') return undefined;
  const variable = findVariable(innermostScope(file.scopeManager, core), core.name);
  const init = variable ? constantInitializer(variable) : null;
  return init ? nodeStreamMakingOf(file, init, depth + 1) : undefined;
}

/**
 * Whether `pipeline` settles only after `node` emitted `close` (`pipelineWaitsForClose`): a
 * catalogued stream that closes itself after `finish`, made without an option that stops it
 * (`{ autoClose: false }`, `{ emitClose: false }`). Options shown only as an object literal of plain
 * properties, or an encoding string; anything else (a name, a spread) may hold such an option, so
 * the answer is `false`.
 */
export function pipelineWaitsForCloseOf(file: AnalysisFile, node: TSESTree.Expression): boolean {
  const making = nodeStreamMakingOf(file, node, 0);
  const waits = making?.api.pipelineWaitsForClose;
  if (!making || !waits) return false;
  const options = making.made.arguments[waits.optionsAt];
  if (options === undefined || (options.type === 'Literal' && typeof options.value === 'string')) return true;
  if (options.type !== 'ObjectExpression') return false;
  return options.properties.every((p) => {
    if (p.type !== 'Property' || p.computed) return false;
    const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
    return !waits.unlessSet.includes(key) || (p.value.type === 'Literal' && p.value.value === true);
  });
}
