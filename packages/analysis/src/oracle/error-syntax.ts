import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { isBuiltinGlobal } from '../scope';
import type { ErrorKind } from './type-oracle';

/**
 * Whether the syntax of `node` shows it can never be an `Error`: ESLint core's judgement in
 * `prefer-promise-reject-errors` (`couldBeError`, plus the global `undefined`), so the untyped
 * rule reports exactly what core reports. Everything that could hold an object (a name, a call, a
 * member, `await`, `yield`, `this`, a type assertion) is `'unknown'`, never a guess.
 *
 * Two choices differ from core, both towards silence: `this` could be an `Error` (a method of a
 * subclass), and TypeScript's wrappers are looked through (`e!`, `e satisfies T`) or, for `as` and
 * `<T>e`, trusted, because core treats every one of them as "never an Error" and reports
 * `reject(error as Error)`.
 */
export function syntaxErrorKind(node: TSESTree.Expression, scopeManager: ScopeManager, depth = 0): ErrorKind {
  if (depth > 32) return 'unknown';
  const next = (child: TSESTree.Expression) => syntaxErrorKind(child, scopeManager, depth + 1);
  switch (node.type) {
    case 'Identifier':
      return node.name === 'undefined' && isBuiltinGlobal(scopeManager, node, 'undefined') ? 'not-error' : 'unknown';
    case 'CallExpression':
    case 'NewExpression':
    case 'MemberExpression':
    case 'TaggedTemplateExpression':
    case 'YieldExpression':
    case 'AwaitExpression':
    case 'ChainExpression':
    case 'ThisExpression':
    case 'TSAsExpression':
    case 'TSTypeAssertion':
      return 'unknown';
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSInstantiationExpression':
      return next(node.expression);
    case 'AssignmentExpression':
      if (node.operator === '=' || node.operator === '&&=') return next(node.right);
      if (node.operator === '||=' || node.operator === '??=') return either(next(node.left), next(node.right));
      // Arithmetic and bitwise assignments produce primitives (or throw).
      return 'not-error';
    case 'SequenceExpression': {
      const last = node.expressions[node.expressions.length - 1];
      return last ? next(last) : 'not-error';
    }
    case 'LogicalExpression':
      // `a && b` is `a` only when `a` is falsy, and a falsy value is no Error.
      if (node.operator === '&&') return next(node.right);
      return either(next(node.left), next(node.right));
    case 'ConditionalExpression':
      return either(next(node.consequent), next(node.alternate));
    default:
      // Literals, templates, object and array literals, functions, classes, unary, update and binary
      // operators, `import(…)`, meta properties, JSX: none of them makes an Error.
      return 'not-error';
  }
}

function either(a: ErrorKind, b: ErrorKind): ErrorKind {
  return a === 'not-error' && b === 'not-error' ? 'not-error' : 'unknown';
}
