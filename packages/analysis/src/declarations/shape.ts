import type { TSESTree } from '@typescript-eslint/types';

/**
 * What the declaration index knows about a value: whether it is a promise, and, for values that are
 * not, what calling it or reading one of its members gives. Built only from declarations the code
 * shows (an `async` modifier, a declared `Promise<…>` type, an object literal, a class body), never
 * from a member's name.
 */
export type Shape =
  /**
   * A promise; `thenable` when only a `PromiseLike` (or another `then`-bearing type) is declared;
   * `nullable` when declared as a union with `undefined`, `null` or `void` (so not always a promise);
   * `member` for a thenable whose members are declared (an interface with a `then` of its own).
   */
  | { readonly kind: 'promise'; readonly thenable: boolean; readonly nullable?: boolean; readonly member?: (name: string) => Shape }
  /**
   * Something callable; what a call returns, and what its parameters are declared as, read only when
   * asked. `asyncGenerator` when it is an `async function*` of another module whose body the index
   * read: whether its `return()` runs cleanup (a `yield` inside `try/finally` or after `using`).
   */
  | {
      readonly kind: 'function';
      readonly returns: () => Shape;
      readonly parameter?: (index: number) => Shape;
      readonly asyncGenerator?: { readonly returnRunsCleanup: boolean };
      /** How many parameters it declares before a rest parameter (a TypeScript `this` parameter included). */
      readonly arity?: number;
      /**
       * The most arguments a declared signature takes (its parameters, a `this` parameter aside),
       * where the declaration is typed and has no rest parameter; absent where any number may be
       * passed. A call with more matches no declared signature (a callback form the types leave out).
       */
      readonly maxArguments?: number;
      /** The one declaration it was read from; absent where several agree (overloads, merged members). */
      readonly declaration?: TSESTree.Node;
    }
  /** Something with members (an object literal, a class instance or its statics, an interface). */
  | { readonly kind: 'object'; readonly member: (name: string) => Shape; readonly construct?: () => Shape }
  /**
   * Shown not to be a thenable (a declared primitive, a literal); `void`, arrays and the global
   * `AbortSignal` (declared so, `undefined` and `null` aside: an optional signal) are told apart.
   */
  | { readonly kind: 'not-promise'; readonly void?: boolean; readonly array?: boolean; readonly abortSignal?: boolean }
  | { readonly kind: 'unknown' };

export const unknownShape: Shape = { kind: 'unknown' };
export const notPromise: Shape = { kind: 'not-promise' };
export const promiseShape: Shape = { kind: 'promise', thenable: false };
export const thenableShape: Shape = { kind: 'promise', thenable: true };
export const voidShape: Shape = { kind: 'not-promise', void: true };
export const arrayShape: Shape = { kind: 'not-promise', array: true };
export const abortSignalShape: Shape = { kind: 'not-promise', abortSignal: true };

/** Whether a shape is a function declared to return `void` (what a callback parameter typed `() => void` is). */
export function isVoidFunction(shape: Shape): boolean {
  if (shape.kind !== 'function') return false;
  const returns = shape.returns();
  return returns.kind === 'not-promise' && returns.void === true;
}

/**
 * One shape for several declarations of one thing (overloads, an interface's merged members): a
 * promise only when every one says so, otherwise nothing is known.
 */
export function agreeing(shapes: readonly Shape[]): Shape {
  const first = shapes[0];
  if (!first) return unknownShape;
  if (shapes.length === 1) return first;
  if (shapes.every((s) => s.kind === 'function')) {
    return {
      kind: 'function',
      arity: Math.max(...shapes.map((s) => (s.kind === 'function' ? (s.arity ?? 0) : 0))),
      ...(shapes.every((s) => s.kind === 'function' && s.maxArguments !== undefined)
        ? { maxArguments: Math.max(...shapes.map((s) => (s.kind === 'function' ? (s.maxArguments ?? 0) : 0))) }
        : {}),
      returns: () => agreeing(shapes.map((s) => (s.kind === 'function' ? s.returns() : unknownShape))),
      parameter: (index) => agreeing(shapes.map((s) => (s.kind === 'function' && s.parameter ? s.parameter(index) : unknownShape))),
    };
  }
  if (shapes.every((s) => s.kind === 'promise')) {
    const thenable = shapes.some((s) => s.kind === 'promise' && s.thenable);
    const nullable = shapes.some((s) => s.kind === 'promise' && s.nullable);
    return { kind: 'promise', thenable, ...(nullable ? { nullable } : {}) };
  }
  if (shapes.every((s) => s.kind === 'not-promise')) {
    if (shapes.every((s) => s.kind === 'not-promise' && s.void)) return voidShape;
    if (shapes.every((s) => s.kind === 'not-promise' && s.abortSignal)) return abortSignalShape;
    return shapes.every((s) => s.kind === 'not-promise' && s.array) ? arrayShape : notPromise;
  }
  return unknownShape;
}
