/**
 * `.pipe()` chains of Node streams, and the `await pipeline(…)` that replaces them.
 *
 * `a.pipe(b).pipe(c)` forwards data, not errors: an error of `a` reaches only `a`'s own `error`
 * listeners (with none, it is thrown as an uncaught exception), and the other streams are never
 * destroyed. `pipeline(a, b, c)` from `node:stream/promises` destroys every stream when one fails
 * and rejects once. The finder (`findPipeChains`) takes each chain — written in one expression, with
 * `.on(…)` links between the pipes, or split over two statements through a `const` — whose streams
 * are shown to be Node's: a catalogued call or constructor (`catalogues/stream-apis.ts`) resolved
 * through imports and `require`, `process.stdout`, or the `TypeOracle`; never the member name
 * `pipe` alone (RxJS's `observable.pipe(map(…))` has one). It notes which streams have an `error`
 * listener and reports the chains where one has none. The planner (`planPipeline`) rewrites a
 * reported chain that is the last thing its `async` function does into an awaited `pipeline`, the
 * body of the last stream's `finish` listener after it, and the `error` listeners
 * (when they handled the error) in a `catch` around it.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { linkOf, type Link, listenerOf, nodeStreamApiFor, peelListeners, type PipeChain, type PipeStage, processStreamOf, type StreamListener } from './pipe-links';
import type { Plan } from './edits';
import { type PipelinePlan, planPipeline } from './pipeline-plan';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { staticPropertyName } from './modules';
import { constantInitializer, findVariable, innermostScope } from './scope';
import { hasOffsetWithin, skipTransparentWrappers, walk, wordOffsets } from './walk';
import { PerFile } from './per-file';

/**
 * Why a `.pipe()` chain of Node streams is not reported:
 * - `every-stream-handles-errors`: each stream of the chain has an `error` listener;
 * - `result-used-as-stream`: the chain's result (its last stream) is returned, passed, stored or
 *   bound to a name used otherwise: whoever gets it may handle its errors, and `pipeline` would
 *   give a promise instead of the stream;
 * - `stream-handled-elsewhere`: the streams without a listener are handed to other code (a
 *   `finished(s, cb)`, a helper), which may listen for their errors.
 */
export const pipeChainSilenceReasons = ['every-stream-handles-errors', 'result-used-as-stream', 'stream-handled-elsewhere'] as const;

export type PipeChainSilenceReason = (typeof pipeChainSilenceReasons)[number];
export interface ReportedPipeChain extends PipeChain {
  /** The streams without an `error` listener. */
  readonly unhandled: readonly PipeStage[];
  /** The rewrite, `await pipeline(…)` or `pipeline(…)` in place of a `new Promise`, or its refusal. */
  readonly plan: Plan;
  /** Which rewrite `plan` is. */
  readonly shape: PipelinePlan['shape'];
}

export interface PipeChainFacts {
  readonly reported: readonly ReportedPipeChain[];
  readonly silent: readonly { readonly chain: PipeChain; readonly reason: PipeChainSilenceReason }[];
}

const cache = new PerFile<PipeChainFacts>();
/** Listeners a stage took from the chain its name is bound to (`const gz = a.pipe(b).on('error', h)`): that chain's own when the two join. */
const fromBoundChain = new WeakSet<StreamListener>();
const none: PipeChainFacts = { reported: [], silent: [] };
/** The outermost link of the chain `node` is a link of: up through `.pipe`/`.on` calls on it. */
function chainTop(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let top = call;
  for (;;) {
    const member = top.parent;
    const outer = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== top || !outer || linkOf(outer)?.call !== outer) return top;
    top = outer;
  }
}

interface RawChain {
  readonly top: TSESTree.CallExpression;
  readonly links: readonly Link[];
  readonly root: TSESTree.Expression;
}

function rawChainOf(top: TSESTree.CallExpression): RawChain | null {
  const links: Link[] = [];
  let current: TSESTree.Expression = top;
  for (let link = linkOf(current); link; link = linkOf(current)) {
    links.unshift(link);
    current = link.object;
  }
  return links.some((l) => l.kind === 'pipe') ? { top, links, root: current } : null;
}

/**
 * Every `.pipe()` chain of Node streams in the file, reported (some stream has no `error`
 * listener, with the rewrite's plan) or silent with a reason. A file without `.pipe` costs one text
 * test. Cached per file.
 */
export function findPipeChains(file: AnalysisFile): PipeChainFacts {
  const cached = cache.get(file);
  if (cached) return cached;
  if (!file.text.includes('.pipe') && !/\.\s*pipe\b/.test(file.text)) {
    cache.set(file, none);
    return none;
  }
  const tops: TSESTree.CallExpression[] = [];
  const seen = new Set<TSESTree.Node>();
  // Only subtrees whose text holds `pipe` can hold a `.pipe()` call.
  const offsets = wordOffsets(file.text, 'pipe');
  walk(file.ast, file.visitorKeys, (node) => {
    if (!hasOffsetWithin(offsets, node.range[0], node.range[1])) return false;
    if (linkOf(node)?.kind !== 'pipe') return true;
    const top = chainTop(node as TSESTree.CallExpression);
    if (!seen.has(top)) {
      seen.add(top);
      tops.push(top);
    }
    return true;
  });
  tops.sort((a, b) => a.range[0] - b.range[0]);
  const built = new Map<TSESTree.CallExpression, PipeChain>();
  const consumed = new Set<PipeChain>();
  const chains: PipeChain[] = [];
  for (const top of tops) {
    const raw = rawChainOf(top);
    if (!raw) continue;
    const chain = buildChain(file, raw, built, consumed);
    if (!chain) continue;
    built.set(top, chain);
    chains.push(chain);
  }
  const reported: ReportedPipeChain[] = [];
  const silent: { chain: PipeChain; reason: PipeChainSilenceReason }[] = [];
  for (const chain of chains) {
    if (consumed.has(chain)) continue;
    // Only a chain with a stream shown to be Node's is one: `.pipe` alone is RxJS's and gulp's too.
    if (!chain.stages.some((s) => s.shown)) continue;
    if (!isStatementOnItsOwn(file, chain.top)) {
      silent.push({ chain, reason: 'result-used-as-stream' });
      continue;
    }
    const withoutListener = chain.stages.filter((s) => !s.listeners.some((l) => l.event === 'error' || l.event === null));
    if (withoutListener.length === 0) {
      silent.push({ chain, reason: 'every-stream-handles-errors' });
      continue;
    }
    const unhandled = withoutListener.filter((s) => !s.usedElsewhere);
    if (unhandled.length === 0) {
      silent.push({ chain, reason: 'stream-handled-elsewhere' });
      continue;
    }
    const { plan, shape } = planPipeline(file, chain);
    reported.push({ ...chain, unhandled, plan, shape });
  }
  const facts = { reported, silent };
  cache.set(file, facts);
  return facts;
}

/** A statement of its own, or the expression body of a `new Promise` executor, which the promise ignores. */
function isStatementOnItsOwn(file: AnalysisFile, top: TSESTree.CallExpression): boolean {
  if (top.parent.type === 'ExpressionStatement') return true;
  const arrow = top.parent;
  return arrow.type === 'ArrowFunctionExpression' && arrow.body === top && arrow.parent.type === 'NewExpression' && promiseExecutorOf(file, arrow.parent) === arrow;
}

/** The `const` declaration a chain is the one initialiser of, and its name's variable; `null` otherwise. */
function boundChainVariable(file: AnalysisFile, top: TSESTree.CallExpression): { declaration: TSESTree.VariableDeclaration; variable: Variable } | null {
  const declarator = top.parent;
  if (declarator.type !== 'VariableDeclarator' || declarator.init !== top || declarator.id.type !== 'Identifier') return null;
  const declaration = declarator.parent;
  if (declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const' || declaration.declarations.length !== 1) return null;
  const variable = file.scopeManager.getDeclaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
  return variable ? { declaration, variable } : null;
}

function buildChain(file: AnalysisFile, raw: RawChain, built: ReadonlyMap<TSESTree.CallExpression, PipeChain>, consumed: Set<PipeChain>): PipeChain | null {
  const groups: { node: TSESTree.Expression; listeners: StreamListener[] }[] = [{ node: raw.root, listeners: [] }];
  let pipeOptions = false;
  let first: TSESTree.Node | null = null;
  for (const link of raw.links) {
    if (link.kind === 'pipe') {
      const [destination, options] = link.call.arguments;
      if (!destination || destination.type === 'SpreadElement' || link.call.arguments.length > 2) return null;
      if (options) pipeOptions = true;
      first ??= (link.call.callee as TSESTree.MemberExpression).property;
      const peeled = peelListeners(destination);
      groups.push({ node: peeled.core, listeners: peeled.listeners });
      continue;
    }
    const listener = listenerOf(link);
    if (listener) groups[groups.length - 1]?.listeners.push(listener);
  }
  if (!first) return null;
  let stages = groups.map((g) => stageOf(file, g.node, g.listeners));
  let statements: TSESTree.Statement[] = [raw.top.parent as TSESTree.Statement];
  let pipeOptionsAll = pipeOptions;
  // `const gz = a.pipe(b); gz.pipe(c);`: one chain, split over two statements through a name read nowhere else.
  const head = stages[0];
  if (raw.root.type === 'Identifier' && head) {
    const variable = findVariable(innermostScope(file.scopeManager, raw.root), raw.root.name);
    const init = variable ? constantInitializer(variable) : null;
    const earlier = init?.type === 'CallExpression' ? built.get(init) : undefined;
    if (variable && earlier && !consumed.has(earlier) && !head.usedElsewhere && onlyRootOf(variable, raw.root)) {
      const bound = boundChainVariable(file, earlier.top);
      if (bound?.variable === variable) {
        consumed.add(earlier);
        const last = earlier.stages[earlier.stages.length - 1];
        if (last) {
          const joined: PipeStage = {
            node: last.node,
            shown: last.shown || head.shown,
            listeners: [...last.listeners, ...head.listeners.filter((l) => !fromBoundChain.has(l))],
            usedElsewhere: last.usedElsewhere,
            listenersOutside: last.listenersOutside || head.listenersOutside,
            listenersInInitializer: last.listenersInInitializer || head.listenersInInitializer,
            registrations: [...last.registrations, ...head.registrations],
          };
          stages = [...earlier.stages.slice(0, -1), joined, ...stages.slice(1)];
          statements = [...earlier.statements.slice(0, -1), bound.declaration, ...statements];
          pipeOptionsAll ||= earlier.pipeOptions;
          return { node: earlier.node, top: raw.top, stages, statements, pipeOptions: pipeOptionsAll };
        }
      }
    }
  }
  return { node: first, top: raw.top, stages, statements, pipeOptions: pipeOptionsAll };
}

/** Whether the variable's only reads are `root` and listener registrations on it. */
function onlyRootOf(variable: Variable, root: TSESTree.Identifier): boolean {
  return variable.references.every((r) => r.init === true || r.identifier === root || (r.identifier.type === 'Identifier' && listenerRegistration(r.identifier) !== null));
}

/** The listener links on `id`, and their statement, when `id` is only the receiver of listener registrations (`s.on('error', h).on('end', g);`). */
function listenerRegistration(id: TSESTree.Expression): { listeners: StreamListener[]; statement: TSESTree.ExpressionStatement } | null {
  const listeners: StreamListener[] = [];
  let current: TSESTree.Expression = id;
  for (;;) {
    const member: TSESTree.Node | undefined = current.parent;
    const call: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current || !call) break;
    const link = linkOf(call);
    if (link?.kind !== 'listen' || link.call !== call) break;
    const listener = listenerOf(link);
    if (listener) listeners.push(listener);
    current = link.call;
  }
  const statement = current.parent;
  return listeners.length > 0 && statement?.type === 'ExpressionStatement' ? { listeners, statement } : null;
}

function stageOf(file: AnalysisFile, node: TSESTree.Expression, inline: readonly StreamListener[]): PipeStage {
  const listeners = [...inline];
  let usedElsewhere = false;
  let listenersInInitializer = false;
  const registrations: TSESTree.ExpressionStatement[] = [];
  const core = skipTransparentWrappers(node);
  if (core.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, core), core.name);
    if (variable) {
      const init = constantInitializer(variable);
      const api = nodeStreamApiFor(file, core, 0);
      const fixed = api?.fixedProperties ?? [];
      const closeMethod = api?.pipelineWaitsForClose?.closeMethod;
      if (init) {
        const peeled = peelListeners(init);
        const ofChain = linkOf(peeled.core)?.kind === 'pipe';
        for (const listener of peeled.listeners) {
          if (ofChain) fromBoundChain.add(listener);
          else listenersInInitializer = true;
        }
        listeners.push(...peeled.listeners);
      }
      const closeCalls: TSESTree.Identifier[] = [];
      for (const reference of variable.references) {
        if (reference.init === true || reference.identifier === core) continue;
        const id = reference.identifier;
        const registered = id.type === 'Identifier' ? listenerRegistration(id) : null;
        if (registered) {
          listeners.push(...registered.listeners);
          registrations.push(registered.statement);
          continue;
        }
        // A read of a property the stream never changes (`out.path`) hands nothing of it to other code.
        if (id.type === 'Identifier' && fixedPropertyRead(id, fixed)) continue;
        if (id.type === 'Identifier' && closeMethod && methodCallOn(id, closeMethod)) {
          closeCalls.push(id);
          continue;
        }
        // The root of another chain pipes the same stream again; any other read hands it to other code.
        if (id.type !== 'Identifier' || !isChainRoot(id)) usedElsewhere = true;
      }
      // `out.close(cb)` in the stream's own `finish` listener closes what `pipeline` closes, and hands the stream to no other code;
      // in its own `error` listener it closes a stream that is closing itself (it closes on error unless made with `autoClose: false`).
      const inOwnListener = (id: TSESTree.Node) =>
        listeners.some((l) => (l.event === 'finish' || l.event === 'error') && l.handler.range[0] <= id.range[0] && id.range[1] <= l.handler.range[1]);
      if (closeCalls.some((id) => !inOwnListener(id))) usedElsewhere = true;
    }
  }
  if (core.type === 'MemberExpression') {
    const member = memberStageUses(file, core);
    if (member) {
      listeners.push(...member.listeners);
      registrations.push(...member.registrations);
      usedElsewhere = member.usedElsewhere;
    }
  }
  return {
    node,
    shown: isShownNodeStream(file, node, 0),
    listeners,
    usedElsewhere,
    listenersOutside: listenersInInitializer || registrations.length > 0,
    listenersInInitializer,
    registrations,
  };
}

/** `id.path`, read and not written, where `path` is one of `fixed`. */
function fixedPropertyRead(id: TSESTree.Identifier, fixed: readonly string[]): boolean {
  const member = id.parent;
  if (member?.type !== 'MemberExpression' || member.object !== id || !fixed.includes(staticPropertyName(member) ?? '')) return false;
  const user = member.parent;
  const written = (user?.type === 'AssignmentExpression' && user.left === member) || user?.type === 'UpdateExpression' || (user?.type === 'UnaryExpression' && user.operator === 'delete');
  return !written && !(user?.type === 'CallExpression' && user.callee === member);
}

/** `id.method(…)`: a call of `method` on `id`. */
function methodCallOn(id: TSESTree.Identifier, method: string): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && staticPropertyName(member) === method && member.parent?.type === 'CallExpression' && member.parent.callee === member;
}

function isChainRoot(id: TSESTree.Identifier): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && !!member.parent && linkOf(member.parent)?.kind === 'pipe';
}

/**
 * Whether `node` is shown to be a Node stream: a catalogued call or constructor resolved through
 * imports and `require`, `process.stdin/stdout/stderr`, a `const` bound to one (or to a chain
 * whose last stream is one), or the `TypeOracle`'s `'yes'`.
 */
export function isShownNodeStream(file: AnalysisFile, node: TSESTree.Expression, depth: number): boolean {
  if (depth > 4) return false;
  const core = peelListeners(skipTransparentWrappers(node)).core;
  if (core.type === 'CallExpression' || core.type === 'NewExpression') {
    const pipe = linkOf(core);
    if (pipe?.kind === 'pipe') {
      const destination = core.arguments[0];
      return destination !== undefined && destination.type !== 'SpreadElement' && isShownNodeStream(file, destination, depth + 1);
    }
    if (nodeStreamApiFor(file, core, depth)) return true;
  } else if (processStreamOf(file, core)) {
    return true;
  } else if (core.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, core), core.name);
    const init = variable ? constantInitializer(variable) : null;
    if (init && isShownNodeStream(file, init, depth + 1)) return true;
  }
  return file.oracle.isNodeStream(core) === 'yes';
}

/**
 * The listeners, listener statements and other uses of a stream written as a property read of a
 * name that is never reassigned (`response.data`, `res.body`): every read of the name that reaches
 * the same property path is that stream (`response.data.on('error', reject);` listens on it,
 * `response.data.destroy()` uses it); a read of another plain property (`response.status`) is
 * not, and any other read of the name (passing `response` on, a call of its method) may reach the
 * stream, so counts as a use. `null` when the path or its root cannot be followed.
 */
function memberStageUses(file: AnalysisFile, core: TSESTree.MemberExpression): { listeners: StreamListener[]; registrations: TSESTree.ExpressionStatement[]; usedElsewhere: boolean } | null {
  const names: string[] = [];
  let root: TSESTree.Expression = core;
  while (root.type === 'MemberExpression') {
    const name = root.optional ? null : staticPropertyName(root);
    if (name === null) return null;
    names.unshift(name);
    root = root.object;
  }
  if (root.type !== 'Identifier') return null;
  const variable = findVariable(innermostScope(file.scopeManager, root), root.name);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  const fixed = def?.type === 'Parameter' ? variable.references.every((r) => !r.isWrite()) : constantInitializer(variable) !== null;
  if (!fixed) return null;
  const listeners: StreamListener[] = [];
  const registrations: TSESTree.ExpressionStatement[] = [];
  let usedElsewhere = false;
  for (const reference of variable.references) {
    if (reference.init === true || reference.identifier === root) continue;
    // Follow the read down the same property path as far as it goes.
    let node: TSESTree.Node = reference.identifier;
    let depth = 0;
    while (depth < names.length) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.optional || staticPropertyName(parent) !== names[depth]) break;
      node = parent;
      depth++;
    }
    if (depth < names.length) {
      // Another plain property on the way to the stream, read and not called (`response.status`): not the stream.
      const parent = node.parent;
      const otherProperty = parent?.type === 'MemberExpression' && parent.object === node && staticPropertyName(parent) !== null && !(parent.parent?.type === 'CallExpression' && parent.parent.callee === parent);
      if (!otherProperty) usedElsewhere = true;
      continue;
    }
    const stream = node as TSESTree.MemberExpression;
    if (stream === core) continue;
    const registered = listenerRegistration(stream);
    if (registered) {
      listeners.push(...registered.listeners);
      registrations.push(registered.statement);
      continue;
    }
    if (!isPipedSource(stream)) usedElsewhere = true;
  }
  return { listeners, registrations, usedElsewhere };
}

/** `stream.pipe(…)`: the stream is the source of another chain. */
function isPipedSource(stream: TSESTree.Expression): boolean {
  const member = stream.parent;
  return member?.type === 'MemberExpression' && member.object === stream && !!member.parent && linkOf(member.parent)?.kind === 'pipe';
}
