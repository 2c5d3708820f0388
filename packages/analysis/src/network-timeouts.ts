/**
 * Network calls with no bound on their time: `fetch(url)`, `http.get(url, cb)` or undici's
 * `request(url)` given neither a signal nor a timeout option wait as long as the server lets
 * them — forever, for a server that accepts the connection and never answers. asyncio's
 * `wait_for(coro, timeout)` is the idea; here it is `signal: AbortSignal.timeout(ms)` or the
 * call's own timeout option (`timeout` for `http.request`, `headersTimeout`/`bodyTimeout` for
 * undici).
 *
 * The calls are the catalogue's network entries (`abortableApis` with `network`), found and
 * resolved as every cancellation rule finds them (abortable-calls.ts). What the call was given is
 * read with `signalArgumentOf`: an options value the analysis cannot see into (a variable, a call,
 * a spread) is an escape hatch, never a report, since it may carry either.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { findAbortableCalls, signalArgumentOf } from './abortable-calls';
import { type AbortableApi, describeAbortableApi } from './catalogues/abortable-apis';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import type { AnalysisFile } from './file';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { isTestFile } from './sequential-awaits';
import { findUnpropagatedSignals } from './signal-propagation';
import { PerFile } from './per-file';

/** Why a catalogued network call is not reported. */
export const networkTimeoutSilenceReasons = [
  /** The call gets a signal, which the caller (or a timeout signal) bounds. */
  'signal-passed',
  /** The call's options set one of its own timeout options (`timeout`, `headersTimeout`, `bodyTimeout`). */
  'timeout-option',
  /** The options are a value the analysis cannot see into (a variable, a call, a spread): they may carry a signal or a timeout. */
  'opaque-options',
  /** `fetch(request)` with a `Request` object, which may carry its own signal. */
  'request-object',
  /** A signal is in scope and not passed: `propagate-abort-signal` reports the call, and passing that signal is the remedy. */
  'signal-in-scope',
  /** A test file (by the `testFiles` globs): the test runner's timeout bounds the call. */
  'test-file',
] as const;

export type NetworkTimeoutSilenceReason = (typeof networkTimeoutSilenceReasons)[number];

export interface UntimedNetworkCall {
  readonly node: TSESTree.CallExpression;
  readonly api: AbortableApi;
  /** How the call is named in messages: `fetch`, `http.request`. */
  readonly name: string;
  /** The call's own timeout options, for the message (empty for `fetch`). */
  readonly timeoutOptions: readonly string[];
}

export interface UntimedNetworkCallsResult {
  readonly calls: readonly UntimedNetworkCall[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: NetworkTimeoutSilenceReason }[];
}

export interface NetworkTimeoutOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

/** Whether an object literal (already known to hold no spread and no computed key) sets one of `names`. */
function setsOption(options: TSESTree.ObjectExpression, names: readonly string[]): boolean {
  return options.properties.some((property) => {
    if (property.type !== 'Property') return false;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
    if (key === null || !names.includes(key)) return false;
    // `timeout: undefined` bounds nothing.
    return !(property.value.type === 'Identifier' && property.value.name === 'undefined');
  });
}

/** Whether `node` is `new Request(…)` of the built-in, inline or through a `const`. */
function isRequestObject(file: AnalysisFile, node: TSESTree.Node | undefined): boolean {
  if (node === undefined) return false;
  let value: TSESTree.Node | null = node;
  if (node.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
    value = variable ? constantInitializer(variable) : null;
  }
  return value?.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'Request' && isBuiltinGlobal(file.scopeManager, value, 'Request');
}

/** For `http.request(options)`: the options literal when it is the first argument, which takes the place of the URL. */
function urlFirstOptions(call: TSESTree.CallExpression, api: AbortableApi): TSESTree.ObjectExpression | null {
  const first = call.arguments[0];
  return api.signal?.kind === 'option' && api.signal.shift === 'url-first' && first?.type === 'ObjectExpression' ? first : null;
}

const cache = new PerFile<Map<string, UntimedNetworkCallsResult>>();

/**
 * Every call of a catalogued network API with neither a signal nor one of its timeout options.
 * Silent on opaque options, `Request` objects, calls `propagate-abort-signal` already reports and
 * test files. Cached per file and options.
 */
export function findUntimedNetworkCalls(file: AnalysisFile, options: NetworkTimeoutOptions = {}): UntimedNetworkCallsResult {
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${options.relativePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const calls: UntimedNetworkCall[] = [];
  const silenced: UntimedNetworkCallsResult['silenced'][number][] = [];
  const result = { calls, silenced };
  if (!byOptions) cache.set(file, (byOptions = new Map<string, UntimedNetworkCallsResult>()));
  byOptions.set(key, result);
  const network = findAbortableCalls(file).filter((c) => c.api.network !== undefined);
  if (network.length === 0) return result;
  const inTestFile = isTestFile(options.relativePath, testFiles);
  let unpropagated: ReadonlySet<TSESTree.Node> | null = null;
  for (const { node, api } of network) {
    const timeoutOptions = api.network?.timeoutOptions ?? [];
    const silence = (reason: NetworkTimeoutSilenceReason) => silenced.push({ node, reason });
    if (inTestFile) {
      silence('test-file');
      continue;
    }
    const argument = signalArgumentOf(node, api);
    if (argument.kind === 'passed') {
      silence('signal-passed');
      continue;
    }
    if (argument.kind === 'unknown') {
      silence('opaque-options');
      continue;
    }
    const literal = argument.options ?? urlFirstOptions(node, api);
    if (literal && setsOption(literal, timeoutOptions)) {
      silence('timeout-option');
      continue;
    }
    if (api.module === null && api.name === 'fetch' && isRequestObject(file, node.arguments[0])) {
      silence('request-object');
      continue;
    }
    unpropagated ??= new Set(findUnpropagatedSignals(file).calls.map((c) => c.node));
    if (unpropagated.has(node)) {
      silence('signal-in-scope');
      continue;
    }
    calls.push({ node, api, name: describeAbortableApi(api), timeoutOptions });
  }
  return result;
}

/** The timeout options in words for messages: "`headersTimeout` or `bodyTimeout`". */
export function describeTimeoutOptions(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(' or ');
}
