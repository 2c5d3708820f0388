import type { TSESTree } from '@typescript-eslint/types';

/**
 * Per-file memo keyed by the Program node: enabling ten rules computes each fact once per file,
 * and the entry goes away with the AST. Works in any host that hands every rule the same Program
 * object for a file (ESLint and oxlint both do).
 */
export function perFile<T>(compute: (program: TSESTree.Program) => T): (program: TSESTree.Program) => T {
  const cache = new WeakMap<TSESTree.Program, T>();
  return (program) => {
    let value = cache.get(program);
    if (value === undefined && !cache.has(program)) {
      value = compute(program);
      cache.set(program, value);
    }
    return value as T;
  };
}
