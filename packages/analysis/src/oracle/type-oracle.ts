import type { TSESTree } from '@typescript-eslint/types';
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
}
