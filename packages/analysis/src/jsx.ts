/**
 * JSX as a read: under the classic runtime, `<App />` compiles to `React.createElement(App)` (or the
 * file's `@jsx` pragma), and `<>…</>` to `React.Fragment` (or `@jsxFrag`), so an element reads the
 * binding at the root of that name although no identifier in the source says so. Without the
 * project's compiler settings the runtime is unknown, so the classic one is assumed unless the file
 * says otherwise (`@jsxRuntime automatic`, or `@jsxImportSource`, which implies it): a read too many
 * only keeps the analysis silent, a read too few lets it reorder code that depends on the binding.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { type BindingKey, findVariable, innermostScope } from './scope';
import { walk } from './walk';
import { PerFile } from './per-file';

interface JsxPragmas {
  /** The root binding elements read (`React` of `React.createElement`), or `null` under the automatic runtime. */
  readonly element: string | null;
  readonly fragment: string | null;
}

const pragmaCache = new PerFile<JsxPragmas>();

/** The file's JSX pragmas, from its comments, as Babel and TypeScript read them. */
function pragmasOf(file: AnalysisFile): JsxPragmas {
  const cached = pragmaCache.get(file);
  if (cached) return cached;
  let element = 'React';
  let fragment = 'React';
  let automatic = false;
  for (const comment of file.comments) {
    if (!comment.value.includes('@jsx')) continue;
    for (const match of comment.value.matchAll(/@(jsxFrag|jsxRuntime|jsxImportSource|jsx)\s+([\w$.-]+)/g)) {
      const [, tag, value = ''] = match;
      const root = value.split('.')[0] ?? value;
      if (tag === 'jsx') element = root;
      else if (tag === 'jsxFrag') fragment = root;
      else if (tag === 'jsxImportSource') automatic = true;
      else automatic = value === 'automatic';
    }
  }
  const pragmas = automatic ? { element: null, fragment: null } : { element, fragment };
  pragmaCache.set(file, pragmas);
  return pragmas;
}

/**
 * The bindings the JSX inside `node` reads through the classic runtime's pragma, resolved from the
 * scope of each element: `React` when `const React = await import('react')` declared it, the
 * global otherwise. Empty when `node` holds no JSX or the file uses the automatic runtime.
 */
export function jsxPragmaReads(file: AnalysisFile, node: TSESTree.Node): BindingKey[] {
  if (!file.text.slice(node.range[0], node.range[1]).includes('<')) return [];
  const pragmas = pragmasOf(file);
  if (pragmas.element === null) return [];
  const reads: BindingKey[] = [];
  walk(node, file.visitorKeys, (n) => {
    if (n.type !== 'JSXElement' && n.type !== 'JSXFragment') return true;
    const name = n.type === 'JSXElement' ? pragmas.element : pragmas.fragment;
    if (name !== null) {
      const variable = findVariable(innermostScope(file.scopeManager, n), name);
      reads.push(variable && variable.scope.type !== 'global' ? variable : `global:${name}`);
    }
    return true;
  });
  return reads;
}
