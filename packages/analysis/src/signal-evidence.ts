/**
 * What shows that a function takes an `AbortSignal`, judged from how its parameters are used: one
 * judgement for this file's functions (their bindings read through the scope manager) and for
 * another module's (read by the declaration index while it still has the function's body, see
 * `declarations/parameter-signal-uses.ts`). Never a name alone: a `signal` is one when something
 * only a signal has is used, or when it is passed on as a `signal` option.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { SignalPlacement } from './catalogues/abortable-apis';
import { staticPropertyName } from './modules';
import type { Tri } from './tri';

/** Members only an `AbortSignal` (or an `EventTarget` listening for `abort`) has. */
const signalMembers = new Set(['aborted', 'throwIfAborted', 'reason', 'onabort']);

/** Whether a use of a value (a variable, or `options.signal`) shows it is an `AbortSignal`. Needs parent pointers. */
export function showsAbortSignal(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (!parent) return false;
  if (parent.type === 'MemberExpression' && parent.object === use) {
    const name = staticPropertyName(parent);
    if (name !== null && signalMembers.has(name)) return true;
    if (name === 'addEventListener' || name === 'removeEventListener') {
      const call = parent.parent;
      const [event] = call.type === 'CallExpression' ? call.arguments : [];
      return event?.type === 'Literal' && event.value === 'abort';
    }
    return false;
  }
  // Passed on as a `signal` option: `fetch(u, { signal })`, `{ signal: options?.signal }`.
  if (parent.type === 'ChainExpression') return showsAbortSignal(parent);
  return parent.type === 'Property' && parent.value === use && !parent.computed && parent.key.type === 'Identifier' && parent.key.name === 'signal';
}

/** The `.signal` member read on `use` (`options.signal`, `options?.signal`), when `use` is its object. */
export function signalMemberOf(use: TSESTree.Node): TSESTree.MemberExpression | null {
  const member = use.parent;
  if (member?.type !== 'MemberExpression' || member.object !== use || member.computed || staticPropertyName(member) !== 'signal') return null;
  return member;
}

/** What the judgement reads of one parameter's binding, from whichever reader found its uses. */
export interface ParameterBinding {
  /** The identifiers that read it, with parent pointers. */
  readonly reads: readonly TSESTree.Identifier[];
  /** Whether anything but its own declaration writes it (then a use shows nothing of what the caller passed). */
  readonly reassigned: boolean;
  /** What a type checker says of it being an `AbortSignal`; `'unknown'` without one. */
  readonly typed: () => Tri;
  /** Whether its declared type's text names `AbortSignal` (without a checker). */
  readonly declaredAbortSignal: () => boolean;
}

/** Whether a binding is shown to be an `AbortSignal`: by its type when there are types, else by its declared type's text or a use. */
export function isAbortSignalBinding(binding: ParameterBinding): boolean {
  const typed = binding.typed();
  if (typed !== 'unknown') return typed === 'yes';
  return binding.declaredAbortSignal() || binding.reads.some(showsAbortSignal);
}

/** Whether a TypeScript `this` parameter comes first, which takes no argument: the parameters' indexes are not the call's. */
export function hasThisParameter(fn: { readonly params: readonly TSESTree.Parameter[] }): boolean {
  const [first] = fn.params;
  return first?.type === 'Identifier' && first.name === 'this';
}

/** The identifier a plain parameter binds (`options`, `options = {}`), or null for a pattern. */
export function plainParameter(param: TSESTree.Parameter): TSESTree.Identifier | null {
  const target = param.type === 'AssignmentPattern' ? param.left : param;
  return target.type === 'Identifier' ? target : null;
}

/** The identifiers bound to a destructured `signal` of each parameter (`{ signal }`, `{ signal: s = x }`). */
export function destructuredSignals(param: TSESTree.Parameter): TSESTree.Identifier[] {
  const target = param.type === 'AssignmentPattern' ? param.left : param;
  if (target.type !== 'ObjectPattern') return [];
  const found: TSESTree.Identifier[] = [];
  for (const property of target.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'signal') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value.type === 'Identifier') found.push(value);
  }
  return found;
}

/**
 * Where a function takes its signal, judged from its parameters' bindings (`bindingOf` answers for
 * a parameter's identifier, null where its uses cannot be told): a parameter called `signal` shown
 * to be an `AbortSignal` (or, with types, any parameter typed `AbortSignal`) is the signal argument;
 * a destructured `{ signal }` shown to be one, or a parameter whose `.signal` is passed on as a
 * `signal` option, is the options argument. `null` when nothing shows it takes one.
 */
export function signalPlacementOf(
  fn: { readonly params: readonly TSESTree.Parameter[] },
  bindingOf: (target: TSESTree.Identifier) => ParameterBinding | null,
): SignalPlacement | null {
  if (hasThisParameter(fn)) return null;
  for (const [index, param] of fn.params.entries()) {
    const target = plainParameter(param);
    if (target) {
      const binding = bindingOf(target);
      if (!binding || binding.reassigned) continue;
      if (target.name === 'signal' ? isAbortSignalBinding(binding) : binding.typed() === 'yes') return { kind: 'argument', argument: index };
      if (binding.reads.some((read) => showsSignalOption(read))) return { kind: 'option', argument: index, property: 'signal' };
      continue;
    }
    for (const value of destructuredSignals(param)) {
      const binding = bindingOf(value);
      if (binding && isAbortSignalBinding(binding)) return { kind: 'option', argument: index, property: 'signal' };
    }
  }
  return null;
}

/** Whether a read of a value reads its `.signal` and shows that one is an `AbortSignal` (`options.signal` passed on). */
function showsSignalOption(read: TSESTree.Node): boolean {
  const member = signalMemberOf(read);
  return member !== null && showsAbortSignal(member);
}
