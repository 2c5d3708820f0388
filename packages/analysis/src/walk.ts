import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys as typescriptVisitorKeys } from '@typescript-eslint/visitor-keys';

/** Child keys per node type, as ESLint's `sourceCode.visitorKeys` or typescript-eslint's table. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export const defaultVisitorKeys: VisitorKeys = typescriptVisitorKeys;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Calls `visit` for each child of `node`, by the host's visitor keys (never a hard-coded key list),
 * in source order, or in reverse when `reverse` is set (for pushing onto a stack). Allocates nothing.
 */
export function forEachChild(
  node: TSESTree.Node,
  keys: VisitorKeys,
  visit: (child: TSESTree.Node) => void,
  reverse = false,
): void {
  const nodeKeys = keys[node.type];
  if (!nodeKeys) return;
  const count = nodeKeys.length;
  for (let k = 0; k < count; k++) {
    const value = (node as unknown as Record<string, unknown>)[nodeKeys[reverse ? count - 1 - k : k] as string];
    if (Array.isArray(value)) {
      const length = value.length;
      for (let i = 0; i < length; i++) {
        const item: unknown = value[reverse ? length - 1 - i : i];
        if (isNode(item)) visit(item);
      }
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/** Child nodes of `node` in source order. */
export function childNodes(node: TSESTree.Node, keys: VisitorKeys): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  forEachChild(node, keys, (child) => out.push(child));
  return out;
}

/**
 * Depth-first pre-order walk with an explicit stack, so deeply nested code (a 10,000-term string
 * concatenation) cannot overflow the call stack. `enter` returns `false` to skip a node's children.
 * Children are pushed straight onto the stack (no array per node): the walk runs on every file.
 */
export function walk(
  root: TSESTree.Node,
  keys: VisitorKeys,
  enter: (node: TSESTree.Node) => boolean | void,
): void {
  const stack: TSESTree.Node[] = [root];
  const push = (child: TSESTree.Node) => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (enter(node) === false) continue;
    // Pushed in reverse, so children come off the stack in source order.
    forEachChild(node, keys, push, true);
  }
}

/** Sets `parent` on every node below `root`, as ESLint does before rules run. */
export function setParents(root: TSESTree.Node, keys: VisitorKeys): void {
  walk(root, keys, (node) => {
    forEachChild(node, keys, (child) => {
      (child as { parent?: TSESTree.Node }).parent = node;
    });
  });
}

const functionTypes = new Set<string>(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return functionTypes.has(node.type);
}

/** The nearest function around `node` (not `node` itself), or `null` at module level. */
export function nearestFunctionOf(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return null;
}

/** Whether `node` lies inside `container`'s source range (`container` itself included). */
export function nodeWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** Strips parentheses-free wrappers that do not change a value at run time (TS assertions, `!`, optional chains). */
export function skipTransparentWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current: TSESTree.Expression = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        break;
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/**
 * The object a member chain starts from, through TS assertions, `!` and optional chains:
 * `a` of `a.b[c].d`, of `(a.b as T[]).push` and of `a!.b?.c`; a call, `this` or any other start as it is.
 */
export function memberChainRoot(node: TSESTree.MemberExpression): TSESTree.Expression {
  let object: TSESTree.Expression = skipTransparentWrappers(node.object);
  while (object.type === 'MemberExpression') object = skipTransparentWrappers(object.object);
  return object;
}

/**
 * Whether `this` (or `super`) of the enclosing function is used inside `node`, looking through arrow
 * functions (which share it) but not into other functions or class bodies (which bind their own).
 */
export function usesThis(node: TSESTree.Node, keys: VisitorKeys): boolean {
  let found = false;
  walk(node, keys, (n) => {
    if (found) return false;
    if (n.type === 'ThisExpression' || n.type === 'Super') {
      found = true;
      return false;
    }
    if (n !== node && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ClassBody')) {
      return false;
    }
    return true;
  });
  return found;
}

/** The offsets where `word` occurs in `text`, ascending: a subtree without one cannot hold the word's node. */
export function wordOffsets(text: string, word: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) offsets.push(i);
  return offsets;
}

/** Whether a sorted list of offsets has one in `[start, end)`. */
export function hasOffsetWithin(offsets: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && (offsets[lo] as number) < end;
}
