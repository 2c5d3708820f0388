/**
 * Functions that return a promise without being `async`, as typescript-eslint's
 * `promise-function-async` reports them: a reader (and the caller) cannot see from the head that the
 * function is asynchronous, and a synchronous `throw` in it escapes as an exception where callers
 * expect a rejection.
 *
 * What a call returns is the {@link TypeOracle}'s `signatureReturnKind`: with types the checker's
 * signatures (typescript-eslint's judgement: every signature returns a `Promise`, or a union with one
 * where no return type is declared), without them a declared return type (`: Promise<T>`, through
 * aliases and imports) or an arrow's expression body. A block body without a declared type is read
 * here, from its own `return`s: reported when every value it returns is shown to be a promise, or
 * some are and the rest are shown not to be (a union: typescript-eslint's "hybrid" message), and
 * the body cannot fall off its end; anything else stays silent.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { ownBodyFacts, planAddAsync } from './async-functions';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import type { FunctionLike, FunctionReturnKind } from './oracle/type-oracle';

export interface MissingAsync {
  readonly node: FunctionLike;
  /** `'hybrid'`: a union of a promise and something else; `'vague'`: `any` or `unknown` (reported only with `allowAny: false`). */
  readonly kind: 'promise' | 'hybrid' | 'vague';
  /** Adding `async` (`review`), or `null` where the return type is vague (as typescript-eslint offers no fix there). */
  readonly plan: Plan | null;
}

export interface MissingAsyncOptions {
  /** Whether `any` and `unknown` return types are accepted (default true). */
  readonly allowAny?: boolean;
  /** Names of classes or interfaces that count as promises besides `Promise`. */
  readonly allowedPromiseNames?: readonly string[];
}

/** The finding for one function that is not `async`, or `null`. */
export function findMissingAsync(file: AnalysisFile, fn: FunctionLike, options: MissingAsyncOptions = {}): MissingAsync | null {
  if (fn.async || fn.generator || !canBeAsync(fn)) return null;
  const names = ['Promise', ...(options.allowedPromiseNames ?? [])];
  let kind = file.oracle.signatureReturnKind(fn, names);
  if (kind === 'unknown' && fn.body.type === 'BlockStatement' && !fn.returnType) kind = fromOwnReturns(file, fn);
  if (kind === 'vague') return options.allowAny === false ? { node: fn, kind, plan: null } : null;
  if (kind !== 'promise' && kind !== 'hybrid') return null;
  return { node: fn, kind, plan: planAddAsync(file, fn) };
}

/** Getters, setters, constructors and abstract methods cannot be `async`. */
function canBeAsync(fn: FunctionLike): boolean {
  const parent = fn.parent;
  if (parent.type === 'TSAbstractMethodDefinition') return false;
  if (parent.type === 'Property' && parent.value === fn) return parent.kind === 'init';
  if (parent.type === 'MethodDefinition' && parent.value === fn) return parent.kind === 'method';
  return true;
}

function fromOwnReturns(file: AnalysisFile, fn: FunctionLike): FunctionReturnKind {
  const facts = ownBodyFacts(file, fn);
  if (facts.returned.length === 0) return 'other';
  const body = fn.body as TSESTree.BlockStatement;
  const last = body.body[body.body.length - 1];
  // A bare `return;` or a reachable end adds `undefined` or `void` to what TypeScript infers.
  if (facts.bareReturn || (last?.type !== 'ReturnStatement' && last?.type !== 'ThrowStatement')) return 'unknown';
  let promises = 0;
  for (const value of facts.returned) {
    const kind = file.oracle.promiseKind(value);
    if (kind === 'unknown') return 'unknown';
    if (kind === 'promise') promises++;
  }
  if (promises === 0) return 'other';
  return promises === facts.returned.length ? 'promise' : 'hybrid';
}
