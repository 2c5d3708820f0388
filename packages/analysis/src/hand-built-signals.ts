/**
 * Hand-built signals: an `AbortController` that exists only to be aborted by a timer
 * (`setTimeout(() => c.abort(), ms)`) or by other signals (`parent.addEventListener('abort', () =>
 * c.abort())`), and whose `signal` is all anybody reads. The platform builds both:
 * `AbortSignal.timeout(ms)` and `AbortSignal.any([parent, AbortSignal.timeout(ms)])`, without a
 * timer that keeps the process alive or a listener that is never removed. The rules
 * `prefer-abort-signal-timeout` and `prefer-abort-signal-any` report what this finds.
 *
 * A controller is hand-built only when every use of it is seen: `c.signal` reads, and `c.abort()`
 * calls each of which is the whole body of a timer or `abort` listener callback (or of an
 * `if (parent.aborted)` check beside a listener on the same `parent`). One more use — a manual
 * `abort()`, the controller passed on or returned — makes it a real controller, and it is left alone.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { abortableApiAt } from './abortable-calls';
import { commentsWithin } from './comments';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { checkedPlan } from './invariant';
import { canReindent, indentUnitOf } from './layout';
import { staticPropertyName } from './modules';
import { unusedName } from './races';
import { isBuiltinGlobal } from './scope';
import { isTestFile } from './sequential-awaits';
import { walk } from './walk';
import { PerFile } from './per-file';

/** Why a hand-built-looking controller is not reported. */
export const handBuiltSignalSilenceReasons = [
  /** `c.abort()` is also called elsewhere (a cancel button, a `finally`): the controller does more than a timeout or a combination can. */
  'controller-aborted-elsewhere',
  /** The controller itself is passed on, returned, stored or reassigned: who else aborts it cannot be seen. */
  'controller-escapes',
  /** `c.abort(reason)` with a reason of its own: `AbortSignal.timeout` would abort with a `TimeoutError` instead. */
  'custom-abort-reason',
  /** The timer's id is used for something besides `clearTimeout` (returned, stored, refreshed). */
  'timer-id-used',
  /** More than one timer aborts the controller. */
  'several-timers',
  /** Nobody reads `c.signal`. */
  'signal-never-read',
  /** A timer or listener that aborts the controller sits in another block or function than the controller (a condition, a callback, a loop): it may run later, more than once, or never. */
  'trigger-elsewhere',
  /** A test file (by the `testFiles` globs): a timer that aborts a controller there mostly plays a user who cancels, and the test looks for that abort's error. */
  'test-file',
] as const;

export type HandBuiltSignalSilenceReason = (typeof handBuiltSignalSilenceReasons)[number];

/**
 * - `timeout`: one timer and nothing else aborts the controller → `AbortSignal.timeout(ms)`;
 * - `any`: one or more signals (and at most one timer) abort it → `AbortSignal.any([...])`.
 */
export type HandBuiltSignalKind = 'timeout' | 'any';

export interface HandBuiltSignal {
  readonly kind: HandBuiltSignalKind;
  /** Where to report: the timer call (`timeout`), or `new AbortController()` (`any`). */
  readonly node: TSESTree.Node;
  /** The replacement, as code: `AbortSignal.timeout(ms)`, `AbortSignal.any([parent, AbortSignal.timeout(ms)])`. */
  readonly replacement: string;
  /** The controller replaced by that signal (`review`), or refused with a reason. */
  readonly plan: Plan;
}

export interface HandBuiltSignalsResult {
  readonly signals: readonly HandBuiltSignal[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: HandBuiltSignalSilenceReason }[];
}

type FunctionLiteral = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** Something that aborts the controller, and the statement it is. */
type Trigger =
  | { readonly kind: 'timer'; readonly call: TSESTree.CallExpression; readonly delay: TSESTree.Expression | null; readonly statement: TSESTree.Statement; readonly clears: readonly TSESTree.ExpressionStatement[] }
  | { readonly kind: 'listener' | 'aborted-check'; readonly source: TSESTree.Expression; readonly statement: TSESTree.Statement };

const isFunctionLiteral = (node: TSESTree.Node | undefined): node is FunctionLiteral =>
  node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';

/** The one expression a function literal's body is (`() => x`, `() => { x; }`), or `null`. */
function onlyExpression(fn: FunctionLiteral): TSESTree.Expression | null {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const [only, ...rest] = fn.body.body;
  return rest.length === 0 && only?.type === 'ExpressionStatement' ? only.expression : null;
}

/** The statement `node` is the expression of, or `null`. */
function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | null {
  return node.parent?.type === 'ExpressionStatement' ? node.parent : null;
}

/** An expression whose value cannot change between two adjacent statements that write nothing: names, members, literals and operators on them. */
function isStable(node: TSESTree.Node, file: AnalysisFile): boolean {
  let stable = true;
  walk(node, file.visitorKeys, (n) => {
    if (!stable) return false;
    switch (n.type) {
      case 'Identifier':
      case 'Literal':
      case 'MemberExpression':
      case 'ChainExpression':
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'UnaryExpression':
      case 'ConditionalExpression':
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TemplateLiteral':
      case 'TemplateElement':
        if (n.type === 'UnaryExpression' && n.operator === 'delete') stable = false;
        return stable;
      default:
        // Type annotations inside `as` are not values.
        if (n.type.startsWith('TS') && n.type !== 'TSNonNullExpression') return false;
        stable = false;
        return false;
    }
  });
  return stable;
}

/** `source.addEventListener('abort', fn)` (with no options, or `{ once: true }`) for the listener `fn`. */
function abortListenerOf(fn: FunctionLiteral): TSESTree.Expression | null {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[1] !== fn || call.callee.type !== 'MemberExpression') return null;
  if (staticPropertyName(call.callee) !== 'addEventListener' || call.callee.optional) return null;
  const [event, , options, ...rest] = call.arguments;
  if (rest.length > 0 || event?.type !== 'Literal' || event.value !== 'abort') return null;
  if (options !== undefined) {
    if (options.type !== 'ObjectExpression') return null;
    const onlyOnce = options.properties.every((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'once');
    if (!onlyOnce) return null;
  }
  return call.callee.object;
}

/** Whether `abort`'s arguments pass the source's own reason (`c.abort(source.reason)`), or none. */
function reasonIs(abort: TSESTree.CallExpression, file: AnalysisFile, source: TSESTree.Expression | null): 'none' | 'source' | 'custom' {
  const [reason, ...rest] = abort.arguments;
  if (reason === undefined) return 'none';
  if (rest.length > 0 || source === null || reason.type !== 'MemberExpression' || staticPropertyName(reason) !== 'reason') return 'custom';
  return textOf(file, reason.object) === textOf(file, source) ? 'source' : 'custom';
}

const textOf = (file: AnalysisFile, node: TSESTree.Node) => file.text.slice(node.range[0], node.range[1]);

type Classified = { readonly trigger: Trigger } | { readonly silence: HandBuiltSignalSilenceReason };

/** What one `c.abort()` call is part of. */
function classifyAbort(file: AnalysisFile, abort: TSESTree.CallExpression): Classified {
  // `if (source.aborted) c.abort();`
  const abortStatement = statementOf(abort);
  const ifStatement = abortStatement?.parent.type === 'BlockStatement' && abortStatement.parent.body.length === 1 ? abortStatement.parent.parent : abortStatement?.parent;
  if (ifStatement?.type === 'IfStatement' && ifStatement.alternate === null && ifStatement.test.type === 'MemberExpression' && staticPropertyName(ifStatement.test) === 'aborted') {
    const source = ifStatement.test.object;
    if (source.type === 'Super') return { silence: 'controller-aborted-elsewhere' };
    const reason = reasonIs(abort, file, source);
    return reason === 'custom' ? { silence: 'custom-abort-reason' } : { trigger: { kind: 'aborted-check', source, statement: ifStatement } };
  }
  const fn = abort.parent.type === 'ExpressionStatement' ? abort.parent.parent.parent : abort.parent;
  if (!isFunctionLiteral(fn) || onlyExpression(fn) !== abort || fn.params.length > 1) return { silence: 'controller-aborted-elsewhere' };
  const registration = fn.parent;
  if (registration?.type !== 'CallExpression') return { silence: 'controller-aborted-elsewhere' };
  const source = abortListenerOf(fn);
  if (source) {
    const statement = statementOf(registration);
    if (!statement) return { silence: 'controller-aborted-elsewhere' };
    const reason = reasonIs(abort, file, source);
    return reason === 'custom' ? { silence: 'custom-abort-reason' } : { trigger: { kind: 'listener', source, statement } };
  }
  if (registration.arguments[0] !== fn || abortableApiAt(file, registration)?.role !== 'timer') return { silence: 'controller-aborted-elsewhere' };
  if (reasonIs(abort, file, null) !== 'none') return { silence: 'custom-abort-reason' };
  const [, delay, ...rest] = registration.arguments;
  if (rest.length > 0 || delay?.type === 'SpreadElement') return { silence: 'controller-aborted-elsewhere' };
  return timerTrigger(file, registration, delay ?? null);
}

/** A timer's statement and the `clearTimeout(id)` statements that are all its id is used for. */
function timerTrigger(file: AnalysisFile, call: TSESTree.CallExpression, delay: TSESTree.Expression | null): Classified {
  const parent = call.parent;
  if (parent.type === 'ExpressionStatement') return { trigger: { kind: 'timer', call, delay, statement: parent, clears: [] } };
  const declaration = parent.type === 'VariableDeclarator' ? parent.parent : null;
  if (parent.type !== 'VariableDeclarator' || parent.init !== call || parent.id.type !== 'Identifier' || declaration?.declarations.length !== 1) return { silence: 'timer-id-used' };
  const [variable] = file.scopeManager.getDeclaredVariables(parent);
  if (!variable || variable.defs.length !== 1) return { silence: 'timer-id-used' };
  const clears: TSESTree.ExpressionStatement[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const id = reference.identifier;
    const clear = id.parent;
    const statement = clear ? statementOf(clear) : null;
    const isClear =
      clear?.type === 'CallExpression' && clear.arguments.length === 1 && clear.arguments[0] === id && clear.callee.type === 'Identifier' &&
      (clear.callee.name === 'clearTimeout' || clear.callee.name === 'clearInterval') && isBuiltinGlobal(file.scopeManager, clear.callee, clear.callee.name);
    if (!isClear || !statement || !reference.isRead() || reference.isWrite()) return { silence: 'timer-id-used' };
    clears.push(statement);
  }
  return { trigger: { kind: 'timer', call, delay, statement: declaration, clears } };
}

/** The statements of the list `statement` sits in, or `null` when it is not in one. */
function statementList(statement: TSESTree.Node): readonly TSESTree.Node[] | null {
  const parent = statement.parent;
  if (parent?.type === 'Program' || parent?.type === 'BlockStatement' || parent?.type === 'StaticBlock') return parent.body;
  if (parent?.type === 'SwitchCase') return parent.consequent;
  return null;
}

export interface HandBuiltSignalsOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new PerFile<Map<string, HandBuiltSignalsResult>>();

/**
 * Every `const c = new AbortController()` (the built-in) that only a timer and `abort` listeners
 * abort and whose `signal` is all that is read, with the plan that replaces it by
 * `AbortSignal.timeout`/`AbortSignal.any`. Cached per file.
 */
export function findHandBuiltSignals(file: AnalysisFile, options: HandBuiltSignalsOptions = {}): HandBuiltSignalsResult {
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${options.relativePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const signals: HandBuiltSignal[] = [];
  const silenced: HandBuiltSignalsResult['silenced'][number][] = [];
  const result = { signals, silenced };
  if (!byOptions) cache.set(file, (byOptions = new Map<string, HandBuiltSignalsResult>()));
  byOptions.set(key, result);
  if (!file.text.includes('AbortController') || !/\babort\b/.test(file.text)) return result;
  const inTestFile = isTestFile(options.relativePath, testFiles);
  const global = file.scopeManager.globalScope;
  const variable = global?.set.get('AbortController');
  const references = variable && variable.defs.length === 0 ? [...variable.references] : [];
  for (const reference of global?.through ?? []) if (reference.identifier.name === 'AbortController') references.push(reference);
  for (const reference of references) {
    const created = reference.identifier.parent;
    if (created?.type !== 'NewExpression' || created.callee !== reference.identifier || created.arguments.length > 0) continue;
    const declarator = created.parent;
    if (declarator.type !== 'VariableDeclarator' || declarator.init !== created || declarator.id.type !== 'Identifier') continue;
    const found = judgeController(file, created, declarator);
    if (inTestFile && !('silence' in found) && found.signal) silenced.push({ node: created, reason: 'test-file' });
    else if ('silence' in found) silenced.push({ node: created, reason: found.silence });
    else if (found.signal) signals.push(found.signal);
  }
  signals.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return result;
}

function judgeController(
  file: AnalysisFile,
  created: TSESTree.NewExpression,
  declarator: TSESTree.VariableDeclarator,
): { readonly silence: HandBuiltSignalSilenceReason } | { readonly signal: HandBuiltSignal | null } {
  const [controller] = file.scopeManager.getDeclaredVariables(declarator);
  if (!controller || controller.defs.length !== 1) return { silence: 'controller-escapes' };
  const signalReads: TSESTree.MemberExpression[] = [];
  const triggers: Trigger[] = [];
  for (const reference of controller.references) {
    if (reference.init) continue;
    const id = reference.identifier;
    const member = id.parent;
    if (reference.isWrite() || member?.type !== 'MemberExpression' || member.object !== id || member.computed) return { silence: 'controller-escapes' };
    const name = staticPropertyName(member);
    if (name === 'signal') {
      const outer = member.parent;
      // `c.signal = …` or `c.signal.x = …` are not reads of the signal.
      if (outer.type === 'AssignmentExpression' && outer.left === member) return { silence: 'controller-escapes' };
      signalReads.push(member);
      continue;
    }
    const abort = member.parent;
    if (name !== 'abort' || abort.type !== 'CallExpression' || abort.callee !== member) return { silence: 'controller-escapes' };
    const classified = classifyAbort(file, abort);
    if ('silence' in classified) return classified;
    triggers.push(classified.trigger);
  }
  const timers = triggers.filter((t) => t.kind === 'timer');
  const listeners = triggers.filter((t) => t.kind === 'listener');
  if (timers.length === 0 && listeners.length === 0) return { signal: null };
  if (timers.length > 1) return { silence: 'several-timers' };
  const declaration = declarator.parent;
  const list = statementList(declaration);
  if (triggers.some((t) => list === null || statementList(t.statement) !== list || t.statement.range[0] < declaration.range[1])) return { silence: 'trigger-elsewhere' };
  // An `if (source.aborted)` check counts only beside a listener on the same source.
  const listened = new Set(listeners.map((l) => (l.kind === 'timer' ? '' : textOf(file, l.source))));
  for (const check of triggers) if (check.kind === 'aborted-check' && !listened.has(textOf(file, check.source))) return { silence: 'controller-aborted-elsewhere' };
  if (signalReads.length === 0) return { silence: 'signal-never-read' };
  const timer = timers[0]?.kind === 'timer' ? timers[0] : undefined;
  const kind: HandBuiltSignalKind = listeners.length === 0 ? 'timeout' : 'any';
  const delayText = timer ? (timer.delay ? textOf(file, timer.delay) : '0') : null;
  const timeoutText = delayText === null ? null : `AbortSignal.timeout(${delayText})`;
  const sources = [...new Set(listeners.map((l) => (l.kind === 'timer' ? '' : textOf(file, l.source))))];
  const replacement = kind === 'timeout' ? (timeoutText ?? '') : `AbortSignal.any([${[...sources, ...(timeoutText ? [timeoutText] : [])].join(', ')}])`;
  const node = kind === 'timeout' && timer ? timer.call : created;
  return { signal: { kind, node, replacement, plan: planReplacement(file, declarator, triggers, signalReads, replacement, kind) } };
}

function refuse(reason: 'unsupported-call-shape' | 'would-drop-comment' | 'name-taken', message: string): Plan {
  return refusedPlan({ reason, message });
}

/**
 * The controller's declaration, and the trigger statements right after it, become one declaration
 * of the signal; `c.signal` becomes that name; `clearTimeout(id)` statements go (a `finally` left
 * empty goes with them). `review`: the abort reason becomes a `TimeoutError` (or the source's
 * reason), the timer no longer keeps the process alive, and an already-aborted source aborts at once.
 */
function planReplacement(
  file: AnalysisFile,
  declarator: TSESTree.VariableDeclarator,
  triggers: readonly Trigger[],
  signalReads: readonly TSESTree.MemberExpression[],
  replacement: string,
  kind: HandBuiltSignalKind,
): Plan {
  const declaration = declarator.parent;
  const list = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? statementList(declaration) : null;
  const id = declarator.id;
  if (!declaration || !list || id.type !== 'Identifier' || id.typeAnnotation) {
    return refuse('unsupported-call-shape', 'The controller is not declared alone in a statement list without a type annotation; replace it by hand.');
  }
  // The triggers must be the statements right after the declaration, so their sources and delay can move into it.
  const statements = new Set<TSESTree.Node>(triggers.map((t) => t.statement));
  const at = list.indexOf(declaration);
  const following = list.slice(at + 1, at + 1 + statements.size);
  if (following.length !== statements.size || following.some((s) => !statements.has(s))) {
    return refuse('unsupported-call-shape', 'The timer and listeners are not the statements right after the controller; move them there, or replace the controller by hand.');
  }
  for (const trigger of triggers) {
    const moved = trigger.kind === 'timer' ? trigger.delay : trigger.source;
    if (moved && !isStable(moved, file)) return refuse('unsupported-call-shape', 'A delay or source signal is computed by a call; bind it to a `const` first.');
  }
  const last = following[following.length - 1] ?? declaration;
  if (commentsWithin(file.comments, declaration.range[0], last.range[1]).length > 0) {
    return refuse('would-drop-comment', 'A comment sits among the statements the signal replaces; move it, or replace the controller by hand.');
  }
  const name = unusedName(file, kind === 'timeout' ? ['signal', 'timeoutSignal', 'deadlineSignal'] : ['signal', 'combinedSignal', 'anySignal']);
  if (name === null) return refuse('name-taken', 'Every name the signal could take is used in this file.');
  const keyword = file.text.slice(declaration.range[0], id.range[0]);
  const edits: TextEdit[] = [{ range: [declaration.range[0], last.range[1]], text: `${keyword}${name} = ${replacement};` }];
  const owned: TSESTree.Node[] = [declaration, ...following];
  for (const read of signalReads) {
    edits.push({ range: read.range, text: name });
    owned.push(read);
  }
  const removedWords = [...parameterNames(file, following, triggers), 'AbortController', 'new', 'function', 'abort', 'addEventListener', "'abort'", '"abort"', 'aborted', 'reason', 'once', 'true', 'if', 'setTimeout', 'const', 'let', 'var', id.name];
  const timer = triggers.find((t) => t.kind === 'timer');
  if (timer?.kind === 'timer') {
    const timerId = timer.statement.type === 'VariableDeclaration' ? timer.statement.declarations[0]?.id : undefined;
    if (timerId?.type === 'Identifier') removedWords.push(timerId.name);
    if (timer.call.callee.type === 'Identifier') removedWords.push(timer.call.callee.name);
    for (const clear of timer.clears) {
      const removal = clearRemoval(file, clear, edits);
      if ('refusal' in removal) return removal.refusal;
      // An unwrapped `try` carries the renamed reads inside it in its own text.
      for (let i = edits.length - 1; i > 0; i--) {
        const edit = edits[i];
        if (edit && removal.edit.range[0] < edit.range[0] && edit.range[1] <= removal.edit.range[1] && removal.edit.text !== '') edits.splice(i, 1);
      }
      edits.push(removal.edit);
      owned.push(removal.owned);
    }
    removedWords.push('clearTimeout', 'clearInterval', 'try', 'finally');
  }
  return checkedPlan(file, 'review', edits, {
    owned,
    vocabulary: { added: ['AbortSignal', 'timeout', 'any', name, ...(timer && !timer.delay ? ['0'] : [])], removed: [...removedWords, 'signal'] },
  });
}

/**
 * How a `clearTimeout(id)` statement goes: on its own; with its `finally` when it is all the block
 * holds and the `try` has a `catch`; or, when the `try` has no `catch`, with the `try` itself, its
 * block's statements taking its place one level less indented.
 */
function clearRemoval(
  file: AnalysisFile,
  clear: TSESTree.ExpressionStatement,
  reads: readonly TextEdit[],
): { readonly edit: TextEdit; readonly owned: TSESTree.Node } | { readonly refusal: Plan } {
  const block = clear.parent;
  const list = statementList(clear);
  if (!list) return { refusal: refuse('unsupported-call-shape', 'A `clearTimeout` of the timer is not a statement of its own; remove it by hand.') };
  const tryStatement = block?.parent;
  const onlyInFinally = block?.type === 'BlockStatement' && block.body.length === 1 && tryStatement?.type === 'TryStatement' && tryStatement.finalizer === block;
  if (commentsWithin(file.comments, (onlyInFinally ? block : clear).range[0], (onlyInFinally ? block : clear).range[1]).length > 0) {
    return { refusal: refuse('would-drop-comment', 'A comment sits beside the `clearTimeout` the rewrite removes; remove it by hand.') };
  }
  if (!onlyInFinally) {
    const index = list.indexOf(clear);
    const previous = list[index - 1];
    const start = previous ? previous.range[1] : clear.range[0];
    // From the end of the code before it, so its line goes too.
    return { edit: { range: [start, clear.range[1]], text: '' }, owned: clear };
  }
  if (tryStatement.handler) {
    // `try { … } catch { … } finally { clearTimeout(t); }` keeps its catch.
    return { edit: { range: [tryStatement.handler.range[1], block.range[1]], text: '' }, owned: tryStatement };
  }
  // `try { body } finally { clearTimeout(t); }`: the body takes the try's place.
  const body = tryStatement.block;
  const first = body.body[0];
  const lastInBody = body.body[body.body.length - 1];
  if (!first || !lastInBody || !canReindent(body, file) || statementList(tryStatement) === null) {
    return { refusal: refuse('unsupported-call-shape', 'The `try` around the work holds nothing but the timer’s cleanup, and its block cannot be unwrapped here; remove the `finally` by hand.') };
  }
  // The block's own declarations join the enclosing scope: refuse a name used anywhere else around it.
  const scope = file.scopeManager.acquire(body);
  const outer = enclosingBody(tryStatement);
  const outside = file.text.slice(outer.range[0], tryStatement.range[0]) + file.text.slice(tryStatement.range[1], outer.range[1]);
  for (const variable of scope?.variables ?? []) {
    if (new RegExp(`(?<![\\w$])${variable.name.replace(/\$/g, '\\$')}(?![\\w$])`).test(outside)) {
      return { refusal: refuse('name-taken', `\`${variable.name}\`, declared in the \`try\` block, is used around it too; remove the \`finally\` by hand.`) };
    }
  }
  if (commentsWithin(file.comments, tryStatement.range[0], first.range[0]).length > 0 || commentsWithin(file.comments, lastInBody.range[1], tryStatement.range[1]).length > 0) {
    return { refusal: refuse('would-drop-comment', 'A comment sits in the `try`’s braces the rewrite removes; remove the `finally` by hand.') };
  }
  const unit = indentUnitOf(file);
  const [from, to] = [first.range[0], lastInBody.range[1]];
  let slice = file.text.slice(from, to);
  for (const read of [...reads].filter((r) => from <= r.range[0] && r.range[1] <= to).sort((a, b) => b.range[0] - a.range[0])) {
    slice = slice.slice(0, read.range[0] - from) + read.text + slice.slice(read.range[1] - from);
  }
  const inner = slice.replace(/\n([ \t]*)/g, (_, indent: string) => `\n${indent.startsWith(unit) ? indent.slice(unit.length) : indent}`);
  return { edit: { range: tryStatement.range, text: inner }, owned: tryStatement };
}

/**
 * The names the rewrite removes with the trigger statements besides its structure words: the
 * callbacks' parameters (`(event) => c.abort()`) and the sources' names, which are written once
 * in the new signal where the listener, the `aborted` check and the reason each named them.
 */
function parameterNames(file: AnalysisFile, statements: readonly TSESTree.Node[], triggers: readonly Trigger[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    walk(statement, file.visitorKeys, (n) => {
      if (isFunctionLiteral(n)) for (const param of n.params) if (param.type === 'Identifier') names.push(param.name);
    });
  }
  for (const trigger of triggers) {
    if (trigger.kind === 'timer') continue;
    walk(trigger.source, file.visitorKeys, (n) => {
      if (n.type === 'Identifier') names.push(n.name);
    });
  }
  return names;
}

/** The function body or program a statement is in, for a name test. */
function enclosingBody(node: TSESTree.Node): TSESTree.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'Program') return current;
  }
  return node;
}
