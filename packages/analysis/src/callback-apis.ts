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
import { type NodeCallbackApi, nodeCallbackApiNames, nodeCallbackApiOf } from './catalogues/node-callback-apis';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { importEdit, referenceTo } from './module-references';
import { resolveModuleMember, staticPropertyName } from './modules';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { isBuiltinGlobal } from './scope';
import { isTestFile } from './sequential-awaits';
import { walk } from './walk';

export interface CallbackApiCall {
  readonly node: TSESTree.CallExpression;
  readonly api: NodeCallbackApi;
  /** `fs.readFile` as the code wrote it: for messages. */
  readonly name: string;
  /** The `new Promise` wrapper the call forwards to, rewritten to the twin; refused when the call is any other shape. */
  readonly plan: Plan;
}

export interface CallbackApiCallsOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new WeakMap<AnalysisFile, Map<string, readonly CallbackApiCall[]>>();

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
    calls.push({ node, api, name: text.length > 60 ? `${text.slice(0, 57)}...` : text, plan: planForwardingWrapper(file, node, api, callback) });
  });
  byOptions.set(key, calls);
  return calls;
}

function callbackApiAt(file: AnalysisFile, call: TSESTree.CallExpression): NodeCallbackApi | undefined {
  const callee = call.callee;
  const last = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (last === null || !nodeCallbackApiNames.has(last)) return undefined;
  const member = resolveModuleMember(file.scopeManager, callee);
  if (!member || member.path.length !== 1) return undefined;
  return nodeCallbackApiOf(member.module, last);
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

const refuse = (message: string): Plan => refusedPlan({ reason: 'not-a-forwarding-wrapper', message });

/**
 * `new Promise((resolve, reject) => api(args, (err, value) => (err ? reject(err) : resolve(value))))`
 * (or the `if (err) return reject(err); resolve(value);` body) becomes the twin called with `args`.
 * `review`: the twin settles as the wrapper did, but a synchronous throw of the callback API (bad
 * arguments) now rejects inside the twin instead; and the twin may settle a tick later or earlier.
 */
function planForwardingWrapper(file: AnalysisFile, call: TSESTree.CallExpression, api: NodeCallbackApi, callback: CallbackNode): Plan {
  const wrapper = forwardingWrapperOf(file, call, api, callback);
  if (!wrapper) return refuse('Only a `new Promise` that forwards the callback to `resolve`/`reject` is rewritten; migrate this call by hand (or with callback-to-promise-api).');
  const twin = api.twin;
  let twinText: string;
  let words: string[];
  let imports: { module: string; name: string }[] = [];
  const callee = call.callee;
  const objectIsModule = callee.type === 'MemberExpression' && resolveModuleMember(file.scopeManager, callee.object)?.path.length === 0;
  const objectText = objectIsModule && callee.type === 'MemberExpression' ? file.text.slice(callee.object.range[0], callee.object.range[1]) : null;
  if (twin.kind === 'member') {
    if (objectText !== null && twin.viaModuleObject) {
      twinText = `${objectText}.${twin.viaModuleObject}.${twin.member}`;
      words = [twin.viaModuleObject, twin.member];
    } else {
      const alias = twin.viaModuleObject ? { module: twin.module.split('/')[0] ?? twin.module, member: twin.viaModuleObject } : undefined;
      const reference = referenceTo(file, call, twin.module, twin.member, alias);
      if (!reference) return refusedPlan({ reason: 'twin-name-taken', message: `The twin ${describeTwin(twin)} needs a name this file already uses.` });
      twinText = reference.text;
      words = [...reference.words];
      if (reference.needsImport) imports = [reference.needsImport];
    }
  } else if (twin.kind === 'promisify') {
    const promisify = referenceTo(file, call, 'util', 'promisify');
    if (!promisify) return refusedPlan({ reason: 'twin-name-taken', message: '`promisify` is a name this file already uses.' });
    const target = file.text.slice(callee.range[0], callee.range[1]);
    twinText = `${promisify.text}(${target})`;
    words = [...promisify.words];
    if (promisify.needsImport) imports = [promisify.needsImport];
  } else {
    return refuse('This twin is not rewritten automatically.');
  }
  const args = call.arguments.filter((a) => a !== callback).map((a) => file.text.slice(a.range[0], a.range[1]));
  const edits: TextEdit[] = [{ range: [wrapper.node.range[0], wrapper.node.range[1]], text: `${twinText}(${args.join(', ')})` }];
  const importEdits = importEdit(file, imports);
  if (imports.length > 0 && !importEdits) return refusedPlan({ reason: 'twin-name-taken', message: 'There is no place to add the import the twin needs.' });
  if (importEdits) edits.push(...importEdits.edits);
  const removed = ['new', 'Promise', 'resolve', 'reject', ...wrapper.words];
  if (objectText !== null && twin.kind === 'member') removed.push(callee.type === 'MemberExpression' && !callee.computed ? api.name : '');
  return checkedPlan(file, 'review', edits, {
    owned: [wrapper.node],
    vocabulary: { added: [...words, ...(importEdits?.words ?? [])], removed: [...removed, api.name, 'if', 'return', 'else', 'null', 'undefined'] },
  });
}

/**
 * The `new Promise` around `call` when its executor does nothing but the call, and the callback only
 * forwards its error to `reject` and its value to `resolve`; with the names it declares.
 */
function forwardingWrapperOf(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  api: NodeCallbackApi,
  callback: CallbackNode,
): { node: TSESTree.NewExpression; words: string[] } | null {
  if (api.style !== 'error-first' || api.result.kind === 'fields') return null;
  if (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') return null;
  // The executor: `(resolve, reject) => call` or `{ call; }`.
  const executor = call.parent.type === 'ExpressionStatement' ? call.parent.parent?.parent : call.parent;
  if (!executor || (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression')) return null;
  if (executor.body.type === 'BlockStatement' ? executor.body.body.length !== 1 || executor.body.body[0] !== call.parent : executor.body !== call) return null;
  const created = executor.parent;
  if (
    created?.type !== 'NewExpression' ||
    created.arguments.length !== 1 ||
    created.arguments[0] !== executor ||
    created.callee.type !== 'Identifier' ||
    created.callee.name !== 'Promise' ||
    !isBuiltinGlobal(file.scopeManager, created, 'Promise')
  ) {
    return null;
  }
  const [resolveParam, rejectParam] = executor.params;
  const [errParam, valueParam, ...rest] = callback.params;
  if (resolveParam?.type !== 'Identifier' || rejectParam?.type !== 'Identifier' || errParam?.type !== 'Identifier' || rest.length > 0) return null;
  if (valueParam !== undefined && valueParam.type !== 'Identifier') return null;
  if (api.result.kind === 'value' && valueParam === undefined) return null;
  const names = { resolve: resolveParam.name, reject: rejectParam.name, err: errParam.name, value: valueParam?.name ?? null };
  if (!isForwardingBody(callback.body, names)) return null;
  // Every word the wrapper has besides the call's callee and kept arguments.
  const words = [names.resolve, names.reject, names.err, ...(names.value ? [names.value] : [])];
  if (executor.type === 'FunctionExpression' || callback.type === 'FunctionExpression') words.push('function');
  return { node: created, words };
}

interface ForwardingNames {
  readonly resolve: string;
  readonly reject: string;
  readonly err: string;
  readonly value: string | null;
}

const isName = (node: TSESTree.Node | null | undefined, name: string | null): boolean => node?.type === 'Identifier' && node.name === name;

/** `reject(err)` */
function isRejectCall(node: TSESTree.Node | null | undefined, names: ForwardingNames): boolean {
  return node?.type === 'CallExpression' && isName(node.callee, names.reject) && node.arguments.length === 1 && isName(node.arguments[0], names.err);
}

/** `resolve(value)`, or `resolve()` when the callback has no value. */
function isResolveCall(node: TSESTree.Node | null | undefined, names: ForwardingNames): boolean {
  if (node?.type !== 'CallExpression' || !isName(node.callee, names.resolve)) return false;
  return names.value === null ? node.arguments.length === 0 : node.arguments.length === 1 && isName(node.arguments[0], names.value);
}

function expressionOf(statement: TSESTree.Node | null | undefined): TSESTree.Node | null {
  if (statement?.type === 'ExpressionStatement') return statement.expression;
  if (statement?.type === 'ReturnStatement') return statement.argument;
  if (statement?.type === 'BlockStatement' && statement.body.length === 1) return expressionOf(statement.body[0]);
  return null;
}

/** `err ? reject(err) : resolve(v)`, `if (err) reject(err); else resolve(v);`, `if (err) return reject(err); resolve(v);`. */
function isForwardingBody(body: TSESTree.Node, names: ForwardingNames): boolean {
  if (body.type === 'ConditionalExpression') {
    return isName(body.test, names.err) && isRejectCall(body.consequent, names) && isResolveCall(body.alternate, names);
  }
  if (body.type !== 'BlockStatement') return false;
  const [first, second, ...rest] = body.body;
  if (rest.length > 0 || first === undefined) return false;
  if (second === undefined) {
    if (first.type === 'ExpressionStatement') return isForwardingBody(first.expression, names);
    return first.type === 'IfStatement' && isName(first.test, names.err) && isRejectCall(expressionOf(first.consequent), names) && isResolveCall(expressionOf(first.alternate), names);
  }
  return (
    first.type === 'IfStatement' &&
    first.alternate === null &&
    isName(first.test, names.err) &&
    (first.consequent.type === 'ReturnStatement' || (first.consequent.type === 'BlockStatement' && first.consequent.body.at(-1)?.type === 'ReturnStatement')) &&
    isRejectCall(expressionOf(first.consequent), names) &&
    isResolveCall(expressionOf(second), names)
  );
}
