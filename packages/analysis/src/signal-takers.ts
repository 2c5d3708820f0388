/**
 * Functions of the project that take an `AbortSignal`, and where they take it: what
 * `propagate-abort-signal` passes a signal to and `no-uncancelled-race` races, beside the
 * `abortableApis` catalogue. The evidence is the one a signal in scope needs, never a name: a
 * parameter called `signal` shown to be an `AbortSignal` (by its declared type or a use only a
 * signal has), options whose `signal` is one (destructured `{ signal }`, `options.signal` passed on),
 * or, from the declaration index, a parameter declared `AbortSignal` or options declared with a
 * `signal?: AbortSignal` member, and the same judgement of an imported function's body that this
 * file's functions get, which the index records before it drops the body (a plain-JavaScript
 * module's `load(url, signal)` that passes `signal` to `fetch`).
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { type AbortableApi, abortableApis, type SignalPlacement } from './catalogues/abortable-apis';
import { fileSpaceOf } from './declarations/file-space';
import { moduleIndex } from './declarations/module-index';
import { recordedSignalPlacement, recordedSignalUses, signalUsesIn } from './declarations/parameter-signal-uses';
import { memberName } from './declarations/reader';
import type { Shape } from './declarations/shape';
import type { AnalysisFile } from './file';
import { hasThisParameter, isAbortSignalBinding, type ParameterBinding, showsAbortSignal, signalMemberOf, signalPlacementOf } from './signal-evidence';
import { constantInitializer, findVariable, innermostScope } from './scope';
import { type FunctionNode, isFunctionNode } from './walk';
import { PerFile } from './per-file';

/** The text of a declared type around the variable's definition, when it has one. */
function declaredTypeText(file: AnalysisFile, variable: Variable): string | null {
  const def = variable.defs[0];
  if (!def) return null;
  // The annotation sits on the identifier (`signal: AbortSignal`) or on the pattern it is part of (`{ signal }: Options`).
  for (let node: TSESTree.Node | undefined = def.name; node && node !== def.node.parent; node = node.parent) {
    if ('typeAnnotation' in node && node.typeAnnotation && node.typeAnnotation.type === 'TSTypeAnnotation') {
      return file.text.slice(node.typeAnnotation.range[0], node.typeAnnotation.range[1]);
    }
    if (isFunctionNode(node)) break;
  }
  return null;
}

/** What the type checker says of a variable's declared name (`'unknown'` without types). */
export function typedAsSignal(file: AnalysisFile, variable: Variable): 'yes' | 'no' | 'unknown' {
  if (file.oracle.source !== 'types') return 'unknown';
  const name = variable.defs[0]?.name;
  return name?.type === 'Identifier' ? file.oracle.isAbortSignal(name) : 'unknown';
}

/** What the signal judgement reads of a variable of this file: its reads, writes and declared type. */
function bindingOfVariable(file: AnalysisFile, variable: Variable, declaration?: TSESTree.Identifier): ParameterBinding {
  return {
    reads: variable.references.flatMap((r) => (r.isRead() && r.identifier.type === 'Identifier' ? [r.identifier] : [])),
    reassigned: variable.references.some((r) => r.isWrite() && r.identifier !== declaration),
    typed: () => typedAsSignal(file, variable),
    declaredAbortSignal: () => {
      const type = declaredTypeText(file, variable);
      return type !== null && /\bAbortSignal\b/.test(type);
    },
  };
}

/** Whether a variable called `signal` is shown to be an `AbortSignal`: by its type when there are types, else by its declared type's text or a use. */
export function isAbortSignalVariable(file: AnalysisFile, variable: Variable): boolean {
  return isAbortSignalBinding(bindingOfVariable(file, variable));
}

/** Whether a use of the variable's `.signal` shows an `AbortSignal` (`options.signal` passed on as a `signal` option), and whether it is read as `?.signal`. */
export function signalOptionOf(variable: Variable): { readonly shown: boolean; readonly optional: boolean } {
  let optional = false;
  let shown = false;
  for (const reference of variable.references) {
    const member = signalMemberOf(reference.identifier);
    if (!member) continue;
    optional ||= member.optional;
    shown ||= showsAbortSignal(member);
  }
  return { shown, optional };
}

/**
 * Where a function of the project takes its signal, read from its own parameters on the same
 * evidence as a signal in scope: a parameter called `signal` shown to be an `AbortSignal` (or, with
 * types, any parameter typed `AbortSignal`) is the signal argument; a destructured `{ signal }` or a
 * parameter whose `.signal` is shown to be one (`options.signal` passed on as a `signal` option) is
 * the options argument. `null` when nothing shows it takes one.
 */
function signalParameterOf(file: AnalysisFile, fn: FunctionNode): SignalPlacement | null {
  const scope = file.scopeManager.acquire(fn);
  if (!scope) return null;
  return signalPlacementOf(fn, (target) => {
    const variable = scope.set.get(target.name);
    return variable ? bindingOfVariable(file, variable, target) : null;
  });
}

/**
 * A function of the project that takes a signal, described like a catalogued API (`module: null`,
 * named as the call writes it: `fetchUser`, `client.get`, `this.fetchPage`).
 */
export interface ProjectSignalTaker extends AbortableApi {
  readonly module: null;
  /**
   * How sure the signal's place is: `safe` where it was read from the one function the call runs
   * (a function of this file, an imported one, a method of a class the value is shown to be);
   * `review` where another may run with other parameters (`this.m()`, which a subclass may
   * override; an interface's method or a declared function type, which an implementation may
   * give other defaults; overloads, which agree only on what each declares).
   */
  readonly level: 'safe' | 'review';
  /**
   * Whether the signal argument has a default value (`(executionSignal = signal) => …`): a call that
   * leaves it out gets that signal, so it is not one that gets none.
   */
  readonly signalDefaulted?: boolean;
}

/** A call of a function of this file that takes a signal, as the catalogue's calls are described. */
export interface ProjectSignalCall {
  readonly node: TSESTree.CallExpression;
  readonly api: ProjectSignalTaker;
}

const takerCache = new PerFile<Map<Variable, ProjectSignalTaker | null>>();

/**
 * The function of this file `variable` is bound to, described like a catalogued API that accepts a
 * signal (`module: null`, the function's name) when it takes one (see {@link signalParameterOf}):
 * a function declaration, or a `const` bound to a function or arrow. `null` otherwise. Cached per file.
 */
function signalTakerOf(file: AnalysisFile, variable: Variable): ProjectSignalTaker | null {
  let byVariable = takerCache.get(file);
  if (!byVariable) takerCache.set(file, (byVariable = new Map<Variable, ProjectSignalTaker | null>()));
  const cached = byVariable.get(variable);
  if (cached !== undefined) return cached;
  let api: ProjectSignalTaker | null = null;
  const def = variable.defs[0];
  const fn = def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration' ? def.node : def?.type === 'Variable' ? constantInitializer(variable) : null;
  if (
    variable.defs.length === 1 &&
    (fn?.type === 'FunctionDeclaration' || fn?.type === 'FunctionExpression' || fn?.type === 'ArrowFunctionExpression') &&
    fn.params.length > 0 &&
    // A text test first: most functions take no signal, and their parameters' references need not be read.
    (file.oracle.source === 'types' || /signal/i.test(file.text.slice(fn.range[0], fn.range[1])))
  ) {
    const placement = signalParameterOf(file, fn);
    if (placement) api = withDefault(takerNamed(variable.name, placement, 'safe'), fn.params);
  }
  byVariable.set(variable, api);
  return api;
}

/** Calls by name of this file's own functions that take a signal. */
export function projectSignalCalls(file: AnalysisFile): ProjectSignalCall[] {
  const calls: ProjectSignalCall[] = [];
  for (const scope of file.scopeManager.scopes) {
    for (const variable of scope.variables) {
      const api = signalTakerOf(file, variable);
      if (!api) continue;
      for (const reference of variable.references) {
        const call = reference.identifier.parent;
        if (reference.isRead() && call?.type === 'CallExpression' && call.callee === reference.identifier) calls.push({ node: call, api });
      }
    }
  }
  return calls;
}

function takerNamed(name: string, signal: SignalPlacement, level: ProjectSignalTaker['level']): ProjectSignalTaker {
  return { module: null, name, role: 'accepts-signal', signal, result: 'promise', level };
}

/** The taker, marked when its signal argument is a parameter with a default value (see {@link ProjectSignalTaker.signalDefaulted}). */
function withDefault(taker: ProjectSignalTaker, params: readonly TSESTree.Parameter[] | undefined): ProjectSignalTaker {
  if (taker.signal?.kind !== 'argument' || !params) return taker;
  const param = params[taker.signal.argument];
  const inner = param?.type === 'TSParameterProperty' ? param.parameter : param;
  return inner?.type === 'AssignmentPattern' && !(inner.right.type === 'Identifier' && inner.right.name === 'undefined') ? { ...taker, signalDefaulted: true } : taker;
}

const isAbortSignalShape = (shape: Shape | undefined): boolean => shape?.kind === 'not-promise' && shape.abortSignal === true;

/** The name a declared parameter binds, when it is a plain one (`signal`, `signal?`, `signal = x`, `private signal`). */
function parameterName(param: TSESTree.Parameter | undefined): string | null {
  const inner = param?.type === 'TSParameterProperty' ? param.parameter : param;
  const target = inner?.type === 'AssignmentPattern' ? inner.left : inner;
  return target?.type === 'Identifier' ? target.name : null;
}

/**
 * Where a function takes its signal, read from its declared parameters only (the declaration
 * index's function shape): a parameter declared `AbortSignal` (optional or `| undefined` too),
 * called `signal` unless a type checker is behind the file (then any name, as for a signal in
 * scope), is the signal argument; a parameter declared as options with a `signal` member declared
 * `AbortSignal` (a type literal, an interface or alias, imported or not) is the options argument.
 */
function declaredSignalPlacement(file: AnalysisFile, shape: Extract<Shape, { kind: 'function' }>): SignalPlacement | null {
  const declaration = shape.declaration as { readonly params?: readonly TSESTree.Parameter[] } | undefined;
  if (declaration?.params && hasThisParameter({ params: declaration.params })) return null;
  // Past a handful of parameters no options argument is looked for: a signal is near the front or last.
  const arity = Math.min(shape.arity ?? 0, 8);
  for (let index = 0; index < arity; index++) {
    const parameter = shape.parameter?.(index);
    if (!parameter) return null;
    if (isAbortSignalShape(parameter)) {
      const name = declaration?.params ? parameterName(declaration.params[index]) : null;
      if (name === 'signal' || file.oracle.source === 'types') return { kind: 'argument', argument: index };
      continue;
    }
    if (parameter.kind === 'object' && isAbortSignalShape(parameter.member('signal')) && mayUseSignalOption(file, shape.declaration, index)) {
      return { kind: 'option', argument: index, property: 'signal' };
    }
  }
  return null;
}

/**
 * Whether the function declared by `declaration` may read the `signal` of its options parameter
 * `index`, though its type declares one: a destructuring pattern names `signal` (or keeps a rest);
 * a plain parameter's body reads `.signal` or passes the value on ({@link signalUsesIn}: this
 * file's functions asked now, another module's as recorded before its body was dropped). A
 * declaration without a body (an interface's method, a function type) may.
 */
function mayUseSignalOption(file: AnalysisFile, declaration: TSESTree.Node | undefined, index: number): boolean {
  if (!declaration || !isFunctionNode(declaration)) return true;
  const param = declaration.params[index];
  const target = param?.type === 'AssignmentPattern' ? param.left : param;
  if (target?.type === 'ObjectPattern') {
    return target.properties.some((p) => p.type === 'RestElement' || (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'signal'));
  }
  const uses = inFile(file, declaration) ? signalUsesIn(declaration, file.visitorKeys) : recordedSignalUses(declaration);
  return uses?.[index] ?? true;
}

/** Whether `node` belongs to the file being linted (another module's nodes come from the index, without parents). */
function inFile(file: AnalysisFile, node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent) current = current.parent;
  return current === file.ast;
}

/** A callee the declaration index may show takes a signal: a name, or a static member of `this` or of a value (`client.get`, `api.users.list`). */
export function mayBeDeclaredTaker(callee: TSESTree.Expression): boolean {
  if (callee.type === 'Identifier') return true;
  if (callee.type !== 'MemberExpression' || memberName(callee) === null) return false;
  const object = callee.object;
  return object.type === 'ThisExpression' || object.type === 'Identifier' || (object.type === 'MemberExpression' && mayBeDeclaredTaker(object));
}

const declaredCache = new WeakMap<TSESTree.CallExpression, ProjectSignalTaker | null>();

/**
 * What the declaration index shows the callee to be, when it is a function that takes a signal: an
 * imported function (relative import, re-export, tsconfig `paths`), a function of this file by its
 * declared parameters, a method of `this` or of a value whose class or type the index resolves
 * (`client.get` for a `const client = new Client()`). A method of this file is also read from its
 * body, as this file's functions are. Another module is read only when this is asked, which the
 * rules do only for a call that could be reported. Cached per call.
 */
function declaredSignalTakerAt(file: AnalysisFile, call: TSESTree.CallExpression): ProjectSignalTaker | null {
  const cached = declaredCache.get(call);
  if (cached !== undefined) return cached;
  let taker: ProjectSignalTaker | null = null;
  const callee = call.callee;
  if (callee.type === 'Identifier' || callee.type === 'MemberExpression') {
    const shape = moduleIndex.shapes.expression(callee, fileSpaceOf(file));
    if (shape.kind === 'function') {
      const declaration = shape.declaration;
      // This file's function is judged from its body now; another module's as the index judged it before dropping the body.
      const fromBody = declaration && isFunctionNode(declaration) ? (inFile(file, declaration) ? signalParameterOf(file, declaration) : recordedSignalPlacement(declaration)) : null;
      const placement = fromBody ?? declaredSignalPlacement(file, shape);
      if (placement) {
        const viaThis = callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression';
        // An implementation, not a type: an interface's method or a declared function type may be
        // implemented with other defaults (or tell a skipped argument from a missing one).
        const implementation = declaration !== undefined && isFunctionNode(declaration);
        const name = file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '');
        const params = (declaration as { readonly params?: readonly TSESTree.Parameter[] } | undefined)?.params;
        taker = withDefault(takerNamed(name, placement, viaThis || !implementation ? 'review' : 'safe'), params);
      }
    }
  }
  declaredCache.set(call, taker);
  return taker;
}

/**
 * Whether the function `call` calls is declared to return something shown not to be a promise
 * (`function makeRequest(input: string, signal?: AbortSignal): ModelRequest`, an object type with
 * no `then`, a generator): it
 * builds a value around the signal rather than running an operation the signal could stop. Asked
 * only of a call about to be reported, as it may read the declared type's module.
 */
export function declaredToReturnNoPromise(file: AnalysisFile, call: TSESTree.CallExpression): boolean {
  if (call.callee.type === 'Super') return false;
  const shape = moduleIndex.shapes.expression(call.callee, fileSpaceOf(file));
  if (shape.kind !== 'function') return false;
  const returned = shape.returns();
  // A declared object type without a `then` (a thenable type is read as a promise).
  return returned.kind === 'not-promise' || (returned.kind === 'object' && returned.member('then').kind === 'unknown');
}

/**
 * The function of the project that `call` calls, described like a catalogued API, when it takes a
 * signal; `undefined` otherwise. A function of this file called by name is read from its parameters
 * and body (no module read); anything else the declaration index resolves (see
 * {@link declaredSignalTakerAt}). What `no-uncancelled-race` races and `propagate-abort-signal`
 * passes a signal to, beside the catalogue.
 */
export function projectSignalTakerAt(file: AnalysisFile, call: TSESTree.CallExpression): ProjectSignalTaker | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, callee), callee.name);
    const local = variable ? signalTakerOf(file, variable) : null;
    if (local) return local;
  }
  if (!mayTakeSignal(file, callee)) return undefined;
  const declared = mayBeDeclaredTaker(callee) ? declaredSignalTakerAt(file, call) : null;
  return declared ?? typedSignalTakerAt(file, call) ?? undefined;
}

/**
 * A callee that may be shown to take a signal: one the declaration index may resolve (see
 * {@link mayBeDeclaredTaker}), or with types any name or member (`getClient().get`, `this.clients[0].get`),
 * whose signature the checker reads.
 */
export function mayTakeSignal(file: AnalysisFile, callee: TSESTree.Expression): boolean {
  return mayBeDeclaredTaker(callee) || (file.oracle.source === 'types' && callee.type === 'MemberExpression' && callee.object.type !== 'Super');
}

const typedCache = new WeakMap<TSESTree.CallExpression, ProjectSignalTaker | null>();

/**
 * What the type checker shows the callee to be, when the declaration index showed nothing: a
 * function whose signature takes a signal (`TypeOracle.signalParameterAt`) and returns a promise
 * — a library's method whose declared options have `signal?: AbortSignal`, a method of a value
 * the index cannot follow (`const client = createClient()`). A signature that returns no promise
 * builds a value around the signal (as `returns-no-promise`), and is not one. The fix is `safe`
 * only where the signature is the one function the call runs (a function or class method of the
 * program's own, named by the callee, not through `this`); elsewhere — a declaration file's or an
 * interface's member, overloads, a union, a value typed after a function (a wrapper's result) —
 * a `review`. Asked only of a call that could be reported. Cached per call.
 */
export function typedSignalTakerAt(file: AnalysisFile, call: TSESTree.CallExpression): ProjectSignalTaker | null {
  if (file.oracle.source !== 'types') return null;
  const cached = typedCache.get(call);
  if (cached !== undefined) return cached;
  const answer = file.oracle.signalParameterAt(call);
  let taker: ProjectSignalTaker | null = null;
  if (answer.kind === 'takes' && answer.returnsPromise) {
    const callee = call.callee;
    const viaThis = callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression';
    const name = file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '');
    taker = takerNamed(name, answer.signal, answer.implementation && !viaThis ? 'safe' : 'review');
    if (answer.settlesBeforeRead) taker = { ...taker, readsAfterSettling: true };
    if (answer.signalDefaulted) taker = { ...taker, signalDefaulted: true };
  }
  typedCache.set(call, taker);
  return taker;
}

const catalogued: ReadonlySet<AbortableApi> = new Set(abortableApis);

/** Whether `api` describes a function of the project, not an entry of the catalogue. */
export function isProjectTaker(api: AbortableApi): api is ProjectSignalTaker {
  return api.module === null && !catalogued.has(api);
}

