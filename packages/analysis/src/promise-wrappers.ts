/**
 * `new Promise` wrappers around an error-first callback call:
 *
 * ```js
 * new Promise((resolve, reject) => fs.readFile(p, (err, data) => (err ? reject(err) : resolve(data))))
 * ```
 *
 * When the executor does nothing but the call and the callback only forwards its error to `reject`
 * and its one value to `resolve`, the wrapper is what the promise twin does: a catalogued Node API
 * becomes its twin (`fs.promises.readFile(p)`), any other function `util.promisify(fn)(args)`
 * (a method `promisify(obj.m).call(obj, args)`, where `obj` is a name or `this` and so reads the
 * same twice). The wrappers considered are those whose executor makes a call with an inline callback
 * that hands its first parameter to `reject`: the shape of an error-first wrapper, whatever it does
 * besides.
 */
import { builtinModules } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import { describeTwin } from './catalogues/blocking-apis';
import { type NodeCallbackApi, nodeCallbackApiNames, nodeCallbackApiOf } from './catalogues/node-callback-apis';
import { type Plan, type RefusalReason, refusedPlan, type TextEdit } from './edits';
import { type ExecutorFunction, promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { importEdit, referenceTo } from './module-references';
import { resolveModuleMember, staticPropertyName } from './modules';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { isTestFile } from './sequential-awaits';
import { walk } from './walk';
import { PerFile } from './per-file';

export interface PromiseWrapper {
  /** The `new Promise(…)` expression the plan replaces. */
  readonly node: TSESTree.NewExpression;
  /** The call the executor makes with the forwarding callback. */
  readonly call: TSESTree.CallExpression;
  /** The catalogued Node API the call resolves to, or `null` for any other function. */
  readonly api: NodeCallbackApi | null;
  /** The callee as the code wrote it: for messages. */
  readonly name: string;
  readonly plan: Plan;
}

const cache = new PerFile<{ list: readonly PromiseWrapper[]; byNode: Map<TSESTree.NewExpression, PromiseWrapper> }>();

function wrappersOf(file: AnalysisFile): { list: readonly PromiseWrapper[]; byNode: Map<TSESTree.NewExpression, PromiseWrapper> } {
  const cached = cache.get(file);
  if (cached) return cached;
  const list: PromiseWrapper[] = [];
  const byNode = new Map<TSESTree.NewExpression, PromiseWrapper>();
  if (file.text.includes('Promise')) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'NewExpression') return;
      const wrapper = wrapperAt(file, node);
      if (wrapper) {
        list.push(wrapper);
        byNode.set(node, wrapper);
      }
    });
  }
  const result = { list, byNode };
  cache.set(file, result);
  return result;
}

export interface PromiseWrapperOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

/**
 * Every error-first `new Promise` wrapper of the file, in source order, with its plan; none in a
 * test file, as prefer-promise-api (a test's own promise helpers are a style of their own). Cached per file.
 */
export function findPromiseWrappers(file: AnalysisFile, options: PromiseWrapperOptions = {}): readonly PromiseWrapper[] {
  if (isTestFile(options.relativePath, options.testFiles ?? defaultTestFilePatterns)) return [];
  return wrappersOf(file).list;
}

/** The wrapper `node` is, when it is one (see {@link findPromiseWrappers}). */
export function promiseWrapperOf(file: AnalysisFile, node: TSESTree.NewExpression): PromiseWrapper | null {
  return wrappersOf(file).byNode.get(node) ?? null;
}

/** The catalogued Node callback API a call resolves to, through imports and `require`, never by name alone. */
export function callbackApiAt(file: AnalysisFile, call: TSESTree.CallExpression): NodeCallbackApi | undefined {
  const callee = call.callee;
  const last = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (last === null || !nodeCallbackApiNames.has(last)) return undefined;
  const member = resolveModuleMember(file.scopeManager, callee);
  if (!member || member.path.length !== 1) return undefined;
  return nodeCallbackApiOf(member.module, last);
}

const isName = (node: TSESTree.Node | null | undefined, name: string | null): boolean => node?.type === 'Identifier' && node.name === name;

/** The inline callback of `call` (its last argument) when it hands its first parameter to `reject`. */
function rejectingCallback(file: AnalysisFile, call: TSESTree.CallExpression, reject: string): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | null {
  const callback = call.arguments[call.arguments.length - 1];
  if (!callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return null;
  const err = callback.params[0];
  if (err?.type !== 'Identifier') return null;
  let found = false;
  walk(callback.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' && isName(node.callee, reject) && isName(node.arguments[0], err.name)) found = true;
    return !found;
  });
  return found ? callback : null;
}

/** The calls an executor's body makes as statements of its own (or as its expression body). */
function executorCalls(executor: ExecutorFunction): TSESTree.CallExpression[] {
  if (executor.body.type !== 'BlockStatement') return executor.body.type === 'CallExpression' ? [executor.body] : [];
  const out: TSESTree.CallExpression[] = [];
  for (const statement of executor.body.body) {
    const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : null;
    if (expression?.type === 'CallExpression') out.push(expression);
  }
  return out;
}

function wrapperAt(file: AnalysisFile, node: TSESTree.NewExpression): PromiseWrapper | null {
  const executor = promiseExecutorOf(file, node);
  if (!executor || node.arguments.length !== 1) return null;
  const [resolveParam, rejectParam] = executor.params;
  if (resolveParam?.type !== 'Identifier' || rejectParam?.type !== 'Identifier') return null;
  let found: { call: TSESTree.CallExpression; callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression } | null = null;
  for (const call of executorCalls(executor)) {
    const callback = rejectingCallback(file, call, rejectParam.name);
    if (callback) {
      found = { call, callback };
      break;
    }
  }
  if (!found) return null;
  const { call, callback } = found;
  const api = callbackApiAt(file, call) ?? null;
  const calleeText = file.text.slice(call.callee.range[0], call.callee.range[1]);
  const name = calleeText.length > 60 ? `${calleeText.slice(0, 57)}...` : calleeText;
  return { node, call, api, name, plan: planWrapper(file, node, executor, call, callback, api, resolveParam.name, rejectParam.name) };
}

const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

interface ForwardingNames {
  readonly resolve: string;
  readonly reject: string;
  readonly err: string;
  readonly value: string | null;
}

/**
 * The wrapper's plan, at level `review`: the twin settles as the wrapper did, but a synchronous
 * throw of the API (bad arguments) now happens inside the twin's own executor, and it may settle a
 * tick earlier or later.
 */
function planWrapper(
  file: AnalysisFile,
  node: TSESTree.NewExpression,
  executor: ExecutorFunction,
  call: TSESTree.CallExpression,
  callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  api: NodeCallbackApi | null,
  resolve: string,
  reject: string,
): Plan {
  const alone = executor.body.type === 'BlockStatement' ? executor.body.body.length === 1 : executor.body === call;
  if (executor.async || executor.generator || !alone) {
    return refuse('executor-does-more', 'The executor does more than make the call; only a wrapper around the one call becomes its twin.');
  }
  if (call.optional || call.callee.type === 'ChainExpression' || call.parent.type === 'ChainExpression') {
    return refuse('unsupported-call-shape', 'An optional call is migrated by hand.');
  }
  const [errParam, valueParam, ...more] = callback.params;
  if (errParam?.type !== 'Identifier' || (valueParam !== undefined && valueParam.type !== 'Identifier')) {
    return refuse('not-a-forwarding-wrapper', 'The callback\'s parameters are destructured or defaulted.');
  }
  if (more.length > 0) return refuse('resolves-several-values', 'The callback takes several values; the twin resolves to one.');
  const names: ForwardingNames = { resolve, reject, err: errParam.name, value: valueParam?.name ?? null };
  if (!isForwardingBody(callback.body, names)) {
    return refuse('not-a-forwarding-wrapper', 'The callback does more than `err ? reject(err) : resolve(value)`.');
  }
  // `resolve` and `reject` must be used by the callback alone: anywhere else they would be left unbound.
  const executorScope = file.scopeManager.acquire(executor);
  for (const param of [resolve, reject]) {
    const references = executorScope?.set.get(param)?.references ?? [];
    if (references.some((r) => r.identifier.range[0] < callback.range[0] || r.identifier.range[1] > callback.range[1])) {
      return refuse('not-a-forwarding-wrapper', `\`${param}\` is used outside the callback.`);
    }
  }
  if (call.arguments.some((a) => a.type === 'SpreadElement') && api) return refuse('unsupported-call-shape', 'A spread argument is migrated by hand.');
  if (executor.type === 'FunctionExpression' && usesOwnThisOrArguments(file, executor)) {
    return refuse('receiver-not-rebindable', 'The executor is a `function` that reads its own `this` or `arguments`.');
  }
  // Types the wrapper spells (`new Promise<T>`, annotated parameters) go with it: the twin's own type says what it resolves to.
  const typed: TSESTree.Node[] = [
    ...(node.typeArguments ? [node.typeArguments] : []),
    ...[executor, callback].flatMap((fn) => [...(fn.returnType ? [fn.returnType] : []), ...(fn.typeParameters ? [fn.typeParameters] : [])]),
    ...[...executor.params, ...callback.params].flatMap((param) => (param.type === 'Identifier' && param.typeAnnotation ? [param.typeAnnotation] : [])),
  ];
  const typeWords = typed.flatMap((t) => wordsOf(file, t));
  const removed = ['new', 'Promise', resolve, reject, names.err, ...(names.value ? [names.value] : []), 'if', 'return', 'else', ...typeWords];
  if (executor.type === 'FunctionExpression' || callback.type === 'FunctionExpression') removed.push('function');
  const args = call.arguments.filter((a) => a !== callback);
  const argsText = args.length > 0 ? file.text.slice((args[0] as TSESTree.Node).range[0], (args[args.length - 1] as TSESTree.Node).range[1]) : '';
  // Comments inside the wrapper survive only in the arguments.
  for (const comment of file.comments) {
    if (comment.range[0] < node.range[0] || comment.range[1] > node.range[1]) continue;
    const inArgs = args.length > 0 && (args[0] as TSESTree.Node).range[0] <= comment.range[0] && comment.range[1] <= (args[args.length - 1] as TSESTree.Node).range[1];
    if (!inArgs) return refuse('would-drop-comment', 'A comment inside the wrapper would be dropped; move it out and run again.');
  }
  if (api) return planTwinCall(file, node, call, api, names, argsText, removed);
  return planPromisify(file, node, call, names, argsText, removed);
}

function usesOwnThisOrArguments(file: AnalysisFile, fn: TSESTree.FunctionExpression): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return false;
    if (node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments')) found = true;
    return !found;
  });
  return found;
}

/** The words of a type (or any node): what a rewrite that drops it removes. */
export function wordsOf(file: AnalysisFile, node: TSESTree.Node): string[] {
  const out: string[] = [];
  walk(node, file.visitorKeys, (n) => {
    if (n.type === 'Identifier') out.push(n.name);
    else if (n.type.startsWith('TS') && n.type.endsWith('Keyword')) out.push(file.text.slice(n.range[0], n.range[1]));
    else if (n.type === 'Literal') out.push(file.text.slice(n.range[0], n.range[1]));
    return true;
  });
  return out;
}

/** A catalogued API: its twin called with the same arguments. */
function planTwinCall(
  file: AnalysisFile,
  node: TSESTree.NewExpression,
  call: TSESTree.CallExpression,
  api: NodeCallbackApi,
  names: ForwardingNames,
  argsText: string,
  removed: string[],
): Plan {
  if (api.style !== 'error-first') return refuse('not-a-forwarding-wrapper', 'Only error-first callbacks are forwarded this way.');
  if (api.result.kind === 'fields') {
    return refuse('twin-value-differs', `The twin ${describeTwin(api.twin)} resolves to an object of several values, the wrapper to one.`);
  }
  if (api.result.kind === 'value' && names.value === null) {
    return refuse('twin-value-differs', `The wrapper resolves \`undefined\`; the twin ${describeTwin(api.twin)} resolves to the call's value.`);
  }
  const twin = api.twin;
  let twinText: string;
  const words: string[] = [];
  let imports: { module: string; name: string }[] = [];
  const callee = call.callee;
  const objectIsModule = callee.type === 'MemberExpression' && resolveModuleMember(file.scopeManager, callee.object)?.path.length === 0;
  const objectText = objectIsModule && callee.type === 'MemberExpression' ? file.text.slice(callee.object.range[0], callee.object.range[1]) : null;
  if (twin.kind === 'member') {
    if (objectText !== null && twin.viaModuleObject) {
      twinText = `${objectText}.${twin.viaModuleObject}.${twin.member}`;
      words.push(twin.viaModuleObject, twin.member);
    } else {
      const alias = twin.viaModuleObject ? { module: twin.module.split('/')[0] ?? twin.module, member: twin.viaModuleObject } : undefined;
      const reference = referenceTo(file, call, twin.module, twin.member, alias, { viaAliasImport: true });
      if (!reference) return refuse('twin-name-taken', `The twin ${describeTwin(twin)} needs a name this file already uses.`);
      twinText = reference.text;
      words.push(...reference.words);
      if (reference.needsImport) imports = [reference.needsImport];
    }
  } else if (twin.kind === 'promisify') {
    const promisify = referenceTo(file, call, 'util', 'promisify');
    if (!promisify) return refuse('twin-name-taken', '`promisify` is a name this file already uses.');
    twinText = `${promisify.text}(${file.text.slice(callee.range[0], callee.range[1])})`;
    words.push(...promisify.words);
    if (promisify.needsImport) imports = [promisify.needsImport];
  } else {
    return refuse('no-promise-twin', 'This twin is not rewritten automatically.');
  }
  const edits: TextEdit[] = [{ range: node.range, text: `${twinText}(${argsText})` }];
  const importEdits = importEdit(file, imports);
  if (imports.length > 0 && !importEdits) return refuse('twin-name-taken', 'There is no place to add the import the twin needs.');
  if (importEdits) edits.push(...importEdits.edits);
  if (objectText !== null && twin.kind === 'member') removed.push(callee.type === 'MemberExpression' && !callee.computed ? api.name : '');
  return checkedPlan(file, 'review', edits, {
    owned: [node],
    vocabulary: { added: [...words, ...(importEdits?.words ?? [])], removed: [...removed, api.name, 'null', 'undefined'] },
  });
}

/** Any other function: `promisify(fn)(args)`, a method `promisify(obj.m).call(obj, args)`. */
function planPromisify(file: AnalysisFile, node: TSESTree.NewExpression, call: TSESTree.CallExpression, names: ForwardingNames, argsText: string, removed: string[]): Plan {
  const callee = call.callee;
  if (callee.type === 'MemberExpression' || callee.type === 'Identifier') {
    // A core module's function outside the catalogue may have a custom promisify that resolves to something else.
    const member = resolveModuleMember(file.scopeManager, callee);
    if (member && builtinModules.includes(member.module)) {
      return refuse('uncatalogued-core-api', 'The callee is a Node core function outside the catalogue: its promisified form may resolve to something else (a custom promisify).');
    }
  }
  if (names.value === null) {
    return refuse('twin-value-differs', 'The wrapper resolves `undefined`; `util.promisify` would resolve to whatever value the function passes its callback.');
  }
  const promisify = referenceTo(file, call, 'util', 'promisify');
  if (!promisify) return refuse('twin-name-taken', '`promisify` is a name this file already uses.');
  const calleeText = file.text.slice(callee.range[0], callee.range[1]);
  let text: string;
  const added = [...promisify.words];
  if (callee.type === 'Identifier') {
    text = `${promisify.text}(${calleeText})(${argsText})`;
  } else if (callee.type === 'MemberExpression' && !callee.optional && (callee.object.type === 'Identifier' || callee.object.type === 'ThisExpression') && (!callee.computed || callee.property.type === 'Literal')) {
    const receiver = file.text.slice(callee.object.range[0], callee.object.range[1]);
    text = `${promisify.text}(${calleeText}).call(${receiver}${argsText ? `, ${argsText}` : ''})`;
    added.push('call', receiver);
  } else {
    return refuse('receiver-not-rebindable', 'The callee\'s receiver is not a plain name or `this`, so `promisify(…).call(receiver, …)` would evaluate it twice.');
  }
  const edits: TextEdit[] = [{ range: node.range, text }];
  const importEdits = importEdit(file, promisify.needsImport ? [promisify.needsImport] : []);
  if (promisify.needsImport && !importEdits) return refuse('twin-name-taken', 'There is no place to add the import `promisify` needs.');
  if (importEdits) edits.push(...importEdits.edits);
  return checkedPlan(file, 'review', edits, {
    owned: [node],
    vocabulary: { added: [...added, ...(importEdits?.words ?? [])], removed: [...removed, 'null', 'undefined'] },
  });
}

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
