import type { TSESTree } from '@typescript-eslint/types';
import type { SignalPlacement } from '../catalogues/abortable-apis';
import type { Tri } from '../tri';

/**
 * What a value is, finer than {@link TypeOracle.isPromiseLike}: a built-in `Promise` (or a subclass),
 * another thenable (`PromiseLike`, a hand-written `then`), shown not to be one, or not known.
 */
export type PromiseKind = 'promise' | 'thenable' | 'no' | 'unknown';

/**
 * What a value is as a rejection reason: an `Error` (a subclass, or a type TypeScript derives from
 * it), shown not to be one, typed `any` or `unknown` (the checker allows anything there, and
 * typescript-eslint's options decide), or not known (syntax that could be an `Error`: stay quiet).
 */
export type ErrorKind = 'error' | 'not-error' | 'any' | 'unknown-type' | 'unknown';

/**
 * What calling a function returns, as typescript-eslint's `promise-function-async` reads its
 * signatures: `'promise'` a `Promise` (or a type named in the question) from every signature;
 * `'hybrid'` a union that holds one beside something else, where no return type is declared;
 * `'vague'` `any` or `unknown`; `'other'` anything else; `'unknown'` not shown.
 */
export type FunctionReturnKind = 'promise' | 'hybrid' | 'vague' | 'other' | 'unknown';

/**
 * What a value is where a `void` return is expected, as typescript-eslint's `strict-void-return`
 * reads it: `'void'` (`void`, `undefined` or `never`: nothing a caller could use), `'any'` (typed
 * `any`, which the rule's `allowReturnAny` accepts), `'value'` (anything else: a number, `null`, an
 * object, a promise), `'unknown'` not shown.
 */
export type VoidValueKind = 'void' | 'any' | 'value' | 'unknown';

/**
 * Where the function a call runs takes an `AbortSignal`, as the checker reads its declared types:
 * - `takes`: every signature the callee has puts it in the same place — a parameter typed
 *   `AbortSignal` (`| undefined`, `| null` too) is the `argument`; a parameter whose type has an
 *   optional `signal` member typed so (`options?: { signal?: AbortSignal }`, `RequestInit`) is the
 *   `option`. A declaration with a body that cannot read that `signal` (destructured without it,
 *   or used only through its other members) does not count.
 * - `none`: the callee's signatures are shown to take none;
 * - `unknown`: no types, `any`, signatures that disagree (overloads or a union where only some take
 *   one), a parameter that is an options object in some types of its union and not in others
 *   (`string | Options`): stay quiet.
 */
export type CallSignalParameter =
  | {
      readonly kind: 'takes';
      readonly signal: SignalPlacement;
      /**
       * Whether the one signature read is the function the call runs: declared with a body in the
       * program's own code, and named by the callee itself (not a value typed after it, such as a
       * wrapper's result, nor an interface's or a declaration file's member, whose implementation
       * may give other defaults).
       */
      readonly implementation: boolean;
      /** Whether every signature returns a thenable. */
      readonly returnsPromise: boolean;
      /**
       * Whether some signature's promise settles with something read later — a `Response` (its body),
       * a stream, an async iterable — whose reading the signal, aborted once a race settles, would
       * abort too.
       */
      readonly settlesBeforeRead: boolean;
      /** Whether the signal argument's parameter has a default value: a call that leaves it out gets that signal. */
      readonly signalDefaulted: boolean;
    }
  | { readonly kind: 'none' | 'unknown' };

/** A function whose calls the oracle can be asked about. */
export type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * The questions the analysis asks about types, answered with or without a type checker.
 *
 * Three implementations share this interface: one over typescript-eslint's parser services (rules in
 * a type-aware ESLint config), one over a TypeScript program (codemods run with a project), and a
 * syntax-only one that needs nothing. Every rule works with the syntax-only oracle and gets more
 * precise with types; `'unknown'` always means "stay quiet".
 */
export interface TypeOracle {
  /** `'types'` when answers come from a type checker, `'syntax'` when from the code alone. */
  readonly source: 'types' | 'syntax';
  /**
   * Whether the value of `node` is a promise or another thenable. `'yes'` when it is shown to be
   * (a promise type, or syntax that can only produce one), `'no'` when it cannot be, `'unknown'` otherwise.
   */
  isPromiseLike(node: TSESTree.Expression): Tri;
  /**
   * Whether the value is a built-in promise or only another thenable, for rules that treat the two
   * apart (typescript-eslint's `checkThenables`). `'yes'` from {@link isPromiseLike} is always
   * `'promise'` or `'thenable'` here.
   */
  promiseKind(node: TSESTree.Expression): PromiseKind;
  /** Whether the value is a thenable on every path (not `Promise<T> | undefined`), as a boolean test sees it. */
  isAlwaysPromiseLike(node: TSESTree.Expression): Tri;
  /** Whether calling the value returns a thenable: an async function, one declared to return a promise. */
  returnsPromise(node: TSESTree.Expression): Tri;
  /**
   * Whether the place `node` stands in (a call argument, an object property, an annotated variable's
   * initialiser or assignment, a returned value, a JSX attribute) expects a function that returns `void`.
   */
  expectsVoidFunction(node: TSESTree.Expression): Tri;
  /**
   * Whether the place `node` stands in expects a function that returns only `void`, as
   * typescript-eslint's `strict-void-return` asks: every signature of the expected type returns
   * `void` (for a call argument: of the one overload, or of every overload, or some overload's `void`
   * beside others' `any`, nullish or type parameters). Stricter than {@link expectsVoidFunction}, which
   * also answers `'yes'` where one overload of several takes a `void` function.
   */
  expectsOnlyVoidFunction(node: TSESTree.Expression): Tri;
  /**
   * Whether a class member (a method, or a property's value) overrides or implements a member that
   * its base class or an implemented interface declares as a function returning only `void`.
   */
  overridesVoidMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): Tri;
  /**
   * Whether a class method overrides or implements a member of the same name that its base class or
   * an implemented interface declares, whatever its type. `'no'` only where every base is shown and
   * none declares it (or the method cannot implement one: `#private`, `private`); without types a
   * base's members are known only where it declares them, so that is `'unknown'` for any class with
   * a base. For a property of an object literal (a method, or a function as its value): whether the
   * type the literal is checked against (`satisfies T`, `as T`, an annotated variable; with types
   * any contextual type, a parameter's too) declares it; without types `'unknown'` where the literal
   * has such a type, `'no'` where it has none.
   */
  implementsMember(member: TSESTree.MethodDefinition | TSESTree.Property): Tri;
  /** What the value of `node` is as a value returned where `void` is expected. */
  voidValueKind(node: TSESTree.Expression): VoidValueKind;
  /**
   * What calling the value of `node` returns, over all its call signatures, as a `void` return sees
   * it: `'void'` when every one returns `void`, `undefined` or `never`; `'any'` when the others return
   * `any`; `'value'` when one returns anything else; `'unknown'` when no signature is shown.
   */
  callResultKind(node: TSESTree.Expression): VoidValueKind;
  /** Whether the value is an array (or tuple). */
  isArray(node: TSESTree.Expression): Tri;
  /** Whether the value is an array (or tuple) holding promises: `[a(), b()]`, `[1, 2].map(async …)`. */
  isPromiseArray(node: TSESTree.Expression): Tri;
  /**
   * Whether the value of `node` is an `Error`. Without types only `'not-error'` (literals, object
   * and array literals, templates, arithmetic, the global `undefined`: what ESLint core's
   * `prefer-promise-reject-errors` knows is never one) and `'unknown'`; with types, typescript-eslint's
   * `isErrorLike` (and `Readonly<Error>`), or `'any'`/`'unknown-type'` for values so typed.
   */
  errorKind(node: TSESTree.Expression): ErrorKind;
  /**
   * What calling `node` returns, from its signature: with types the checker's, without them only a
   * declared return type or an arrow's expression body (a block body's returns are the analysis's
   * to read: see `findMissingAsync`). `promiseNames` are type names that count as `Promise`.
   */
  signatureReturnKind(node: FunctionLike, promiseNames: readonly string[]): FunctionReturnKind;
  /**
   * Whether the value is an `AbortSignal` (the lib's or `@types/node`'s, `undefined` and `null`
   * aside: an optional signal passes on as well). Without types always `'unknown'`: a name says
   * nothing (`signal` is an OS signal as often), and the analysis looks for uses only a signal has.
   */
  isAbortSignal(node: TSESTree.Expression): Tri;
  /**
   * Where the function `call` runs takes an `AbortSignal` (see {@link CallSignalParameter}). Asked
   * only of the few calls a signal rule could report, never of every call. Without types always
   * `'unknown'`: the declaration index answers instead, from what the code declares.
   */
  signalParameterAt(call: TSESTree.CallExpression): CallSignalParameter;
  /**
   * Whether the value is a Node stream: its type has a `pipe` or `write` member declared by
   * `@types/node` (`Readable`, `Writable`, `NodeJS.ReadableStream`, an `http.ServerResponse` …).
   * Without types always `'unknown'`: a `.pipe` member says nothing (RxJS and gulp have one); the
   * analysis looks for the catalogued calls that make streams instead.
   */
  isNodeStream(node: TSESTree.Expression): Tri;
}
