/**
 * One fact of a function body that the declaration index keeps after dropping the body: for each
 * parameter, whether the body may use the parameter's `signal`. An options type that declares
 * `signal?: AbortSignal` says what callers may pass, not what the function reads: a config helper
 * that reads three other fields of the same options type takes no signal (langchain's
 * `patchConfig(config, { callbacks, runName }: RunnableConfig)`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import { forEachChild, type VisitorKeys } from '../walk';

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const recorded = new WeakMap<TSESTree.Node, readonly boolean[]>();

/** The name a parameter binds when it is a plain one (`options`, `options = {}`), else null. */
function plainName(param: TSESTree.Parameter): string | null {
  const target = param.type === 'AssignmentPattern' ? param.left : param;
  return target.type === 'Identifier' ? target.name : null;
}

/**
 * For each parameter of `fn`: `false` when its body (nested functions included) uses a plain
 * parameter only through static members other than `signal` (`options.retries`), `true` otherwise
 * — it reads `options.signal`, or passes, spreads, returns or destructures the value, which may take
 * the signal along. A destructured parameter is read from its pattern instead, so it is `true` here.
 * Shadowing is not resolved, which can only make a use seem possible.
 */
export function signalUsesIn(fn: FunctionLike, keys: VisitorKeys): readonly boolean[] {
  const known = recorded.get(fn);
  if (known) return known;
  const names = fn.params.map(plainName);
  const uses = fn.params.map((_, i) => names[i] === null);
  const wanted = new Set(names.filter((n): n is string => n !== null));
  // Parents are carried along: another module's nodes, parsed by the index, have none.
  const stack: [TSESTree.Node, TSESTree.Node | null][] = wanted.size > 0 ? [[fn.body, fn]] : [];
  let item: [TSESTree.Node, TSESTree.Node | null] | undefined;
  while ((item = stack.pop())) {
    const [node, parent] = item;
    forEachChild(node, keys, (child) => stack.push([child, node]));
    if (node.type !== 'Identifier' || !wanted.has(node.name)) continue;
    // A property key or a member's name is not a use of the parameter.
    if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) continue;
    if (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand) continue;
    let used = true;
    if (parent?.type === 'MemberExpression' && parent.object === node) {
      const property = parent.property;
      const member = !parent.computed && property.type === 'Identifier' ? property.name : property.type === 'Literal' ? String(property.value) : null;
      used = member === null || member === 'signal';
    }
    if (used) for (const [i, name] of names.entries()) if (name === node.name) uses[i] = true;
  }
  recorded.set(fn, uses);
  return uses;
}

/** What {@link signalUsesIn} recorded for `fn`, where it was computed before the body was dropped. */
export function recordedSignalUses(fn: TSESTree.Node): readonly boolean[] | undefined {
  return recorded.get(fn);
}
