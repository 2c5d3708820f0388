/**
 * What the declaration index knows about a value: whether it is a promise, and, for values that are
 * not, what calling it or reading one of its members gives. Built only from declarations the code
 * shows (an `async` modifier, a declared `Promise<…>` type, an object literal, a class body), never
 * from a member's name.
 */
export type Shape =
  /** A promise; `thenable` when only a `PromiseLike` (or another `then`-bearing type) is declared. */
  | { readonly kind: 'promise'; readonly thenable: boolean }
  /** Something callable; what a call returns is read only when asked. */
  | { readonly kind: 'function'; readonly returns: () => Shape }
  /** Something with members (an object literal, a class instance or its statics, an interface). */
  | { readonly kind: 'object'; readonly member: (name: string) => Shape; readonly construct?: () => Shape }
  /** Shown not to be a thenable (a declared primitive, `void`, a literal). */
  | { readonly kind: 'not-promise' }
  | { readonly kind: 'unknown' };

export const unknownShape: Shape = { kind: 'unknown' };
export const notPromise: Shape = { kind: 'not-promise' };
export const promiseShape: Shape = { kind: 'promise', thenable: false };
export const thenableShape: Shape = { kind: 'promise', thenable: true };

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
      returns: () => agreeing(shapes.map((s) => (s.kind === 'function' ? s.returns() : unknownShape))),
    };
  }
  if (shapes.every((s) => s.kind === 'promise')) {
    return shapes.some((s) => s.kind === 'promise' && s.thenable) ? thenableShape : promiseShape;
  }
  if (shapes.every((s) => s.kind === 'not-promise')) return notPromise;
  return unknownShape;
}
