/**
 * Calls of Node core callback APIs that have a promise twin: `fs.readFile(p, (err, data) => …)`,
 * `exec(cmd, cb)`, `zlib.gzip(buf, cb)`. The finder resolves each call through imports and `require`
 * (modules.ts) to an entry of `nodeCallbackApis`, never by name, and counts it only in its callback
 * form (`crypto.randomBytes(16)` without a callback is another API). The planner rewrites the one
 * shape whose meaning the twin keeps exactly: a `new Promise` whose executor only forwards the
 * callback to `resolve`/`reject`.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { describeTwin } from './catalogues/blocking-apis';
import type { NodeCallbackApi } from './catalogues/node-callback-apis';
import { enclosingFunctionOf, planAwaitTwin } from './callback-to-await';
import { type Plan, type RefusalReason, refusedPlan } from './edits';
import { type ExecutorFunction, promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { callbackApiAt, promiseWrapperOf } from './promise-wrappers';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { isTestFile } from './sequential-awaits';
import { walk } from './walk';
import { PerFile } from './per-file';

export interface CallbackApiCall {
  readonly node: TSESTree.CallExpression;
  readonly api: NodeCallbackApi;
  /** `fs.readFile` as the code wrote it: for messages. */
  readonly name: string;
  /**
   * `promise-wrapper` when the call is made by a `new Promise` executor, `callback` otherwise: which
   * codemod migrates it (promise-wrapper-to-promisify or callback-to-promise-api).
   */
  readonly shape: 'promise-wrapper' | 'callback';
  /**
   * The one rewrite offered for the call: for a `promise-wrapper`, the twin in place of a wrapper
   * that only forwards; for a `callback`, the awaited twin with the callback's body after it.
   * Refused, with the reason, for every shape that cannot be shown to keep the code's meaning.
   */
  readonly plan: Plan;
  /** callback-to-promise-api's plan: `plan` for a `callback`, refused as `inside-promise-executor` for a `promise-wrapper`. */
  readonly awaitPlan: Plan;
}

export interface CallbackApiCallsOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new PerFile<Map<string, readonly CallbackApiCall[]>>();

/**
 * Every callback-form call of a catalogued Node callback API, with its plan; none in a test file
 * (tests written with `done` callbacks are a style of their own). Cached per file and options.
 */
export function findCallbackApiCalls(file: AnalysisFile, options: CallbackApiCallsOptions = {}): readonly CallbackApiCall[] {
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${options.relativePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  if (!byOptions) cache.set(file, (byOptions = new Map<string, readonly CallbackApiCall[]>()));
  if (isTestFile(options.relativePath, testFiles)) {
    byOptions.set(key, []);
    return [];
  }
  const calls: CallbackApiCall[] = [];
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type !== 'CallExpression') return;
    const api = callbackApiAt(file, node);
    if (!api) return;
    const callback = callbackArgument(node, api);
    if (!callback) return;
    const text = file.text.slice(node.callee.range[0], node.callee.range[1]);
    const name = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    const executor = enclosingFunctionOf(node);
    const created = executor !== null && executor !== 'other' ? executor.parent : null;
    const ownExecutor = created?.type === 'NewExpression' ? promiseExecutorOf(file, created) : null;
    const inExecutor = ownExecutor !== null && ownExecutor === executor ? ownExecutor : null;
    if (keepsCallbackForm(node, api, callback, inExecutor)) return;
    if (inExecutor !== null && created?.type === 'NewExpression') {
      const wrapper = promiseWrapperOf(file, created);
      const plan =
        wrapper?.call === node
          ? wrapper.plan
          : refusedPlan({
              reason: 'not-a-forwarding-wrapper',
              message:
                api.style === 'timer'
                  ? `A \`new Promise\` that waits for a timer is the twin ${describeTwin(api.twin)} with the delay first; it is rewritten by hand.`
                  : 'Only a `new Promise` whose executor makes this one call and forwards its callback becomes the twin; migrate it by hand.',
            });
      const awaitPlan = refusedPlan({ reason: 'inside-promise-executor', message: 'The call is made by a `new Promise` executor: promise-wrapper-to-promisify migrates the wrapper.' });
      calls.push({ node, api, name, shape: 'promise-wrapper', plan, awaitPlan });
      return;
    }
    const plan = planAwaitTwin(file, node, api, callback);
    // A timer anywhere but the end of an async function schedules work for later; it does not wait.
    if (api.style === 'timer' && plan.level === 'refused' && plan.refusals.some((r) => schedulingShapes.has(r.reason))) return;
    calls.push({ node, api, name, shape: 'callback', plan, awaitPlan: plan });
  });
  byOptions.set(key, calls);
  return calls;
}

/**
 * What a timer call outside an awaitable place is for: work scheduled to run later (a timeout that
 * stops a collector, a retry queued on the next turn), not a wait the twin could replace.
 */
const schedulingShapes: ReadonlySet<RefusalReason> = new Set<RefusalReason>(['not-awaitable-here', 'code-after-callback-call', 'callback-not-inline', 'callback-returns-value']);

/**
 * Whether `call` keeps its callback form on purpose, so the twin is not what it means:
 * - the code uses what the call returns (`const t = setTimeout(…)` cleared later, `setTimeout(…).unref()`,
 *   `pipeline(…)` used as a stream, a child process): the twin returns a promise instead;
 * - a timer made by a `new Promise` executor that does more than wait for it (`reject` on a timeout
 *   beside a listener): only `new Promise((resolve) => setTimeout(resolve, ms))` is the twin.
 */
function keepsCallbackForm(call: TSESTree.CallExpression, api: NodeCallbackApi, callback: CallbackNode, executor: ExecutorFunction | null): boolean {
  if (api.handle !== undefined && !resultDiscarded(call, executor)) return true;
  if (api.style !== 'timer' || executor === null) return false;
  const alone = executor.body.type === 'BlockStatement' ? executor.body.body.length === 1 : executor.body === call;
  const resolve = executor.params[0];
  return !alone || resolve?.type !== 'Identifier' || !resolvesOnly(callback, resolve.name);
}

/** Whether nothing reads the call's value: a statement of its own, `void`ed, or the expression body of a promise executor (whose value is dropped). */
function resultDiscarded(call: TSESTree.CallExpression, executor: ExecutorFunction | null): boolean {
  const parent = call.parent;
  if (parent.type === 'ExpressionStatement') return true;
  if (parent.type === 'UnaryExpression' && parent.operator === 'void') return true;
  return executor !== null && executor.body === call;
}

/** `resolve` itself, or a callback that only calls it: `() => resolve()`, `() => { resolve(value); }`. */
function resolvesOnly(callback: CallbackNode, resolve: string): boolean {
  if (callback.type === 'Identifier') return callback.name === resolve;
  if ((callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') || callback.params.length > 0) return false;
  const body = callback.body;
  const only = body.type === 'BlockStatement' ? (body.body.length === 1 && body.body[0]?.type === 'ExpressionStatement' ? body.body[0].expression : null) : body;
  return only?.type === 'CallExpression' && only.callee.type === 'Identifier' && only.callee.name === resolve;
}

type CallbackNode = TSESTree.Expression;

/** The callback the call passes: the last argument (the first for timers), when it is a function or a name. */
function callbackArgument(call: TSESTree.CallExpression, api: NodeCallbackApi): CallbackNode | null {
  const argument = api.style === 'timer' ? call.arguments[0] : call.arguments[call.arguments.length - 1];
  if (!argument || argument.type === 'SpreadElement') return null;
  const isCallable =
    argument.type === 'ArrowFunctionExpression' ||
    argument.type === 'FunctionExpression' ||
    argument.type === 'Identifier' ||
    argument.type === 'MemberExpression';
  // The call's own leading argument is data (a path, a command), never the callback.
  if (!isCallable || (api.style !== 'timer' && call.arguments.length < 2 && api.module !== 'dns')) return null;
  return argument;
}

