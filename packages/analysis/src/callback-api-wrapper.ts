/**
 * `callback-to-async --keep-callback-api`: an exported function made async keeps its callback API.
 *
 * The async function moves to a free name beside it (`readConfig` → `readConfigAsync`), and the
 * exported name becomes a wrapper: called without a callback it returns the promise; called with
 * one it hands the promise to the callback through `util.callbackify`, which calls it once, from
 * `process.nextTick`. So an existing callback caller sees what it saw: one call of its callback,
 * after the call returned, and an error its callback throws stays an uncaught exception (never a
 * rejection, never a second call of the callback, as `p.then((v) => cb(null, v), cb)` would make
 * of it). In TypeScript two overloads give both call forms their types.
 *
 * Whether the original called back synchronously on some path (which the wrapper would change)
 * is the planner's judgement, made before these edits are asked for.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { CallbackProblem } from './callback-last-functions';
import type { TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { indentUnitOf, lineEndingOf } from './layout';
import { importEdit, isNameFree, referenceTo } from './module-references';
import { innermostScope } from './scope';
import type { FunctionNode } from './walk';

/** One function that keeps its callback API, as the final text of the rewrite holds it (async, its callback parameter still there). */
export interface KeptFunction {
  readonly fn: FunctionNode;
  /** What the promise overload resolves to, as TypeScript writes it; null in JavaScript, which gets no overloads. */
  readonly valueType: string | null;
}

/** The name the async function takes beside the wrapper that keeps the exported one. */
export function asyncNameFor(name: string): string {
  return `${name}Async`;
}

/**
 * The edits that give each of `kept` its wrapper (one import of `callbackify` for the file, at most),
 * or, per function, why it cannot have one: a parameter that is no plain name (a wrapper forwards
 * each by name; an overload cannot hold a default), a name the async function cannot take, a
 * declaration that is not a lone module-level statement.
 */
export function keptCallbackApiEdits(file: AnalysisFile, kept: readonly KeptFunction[]): { readonly edits: readonly TextEdit[]; readonly refused: ReadonlyMap<FunctionNode, CallbackProblem> } {
  const refused = new Map<FunctionNode, CallbackProblem>();
  const planned: { fn: FunctionNode; statement: TSESTree.Node; prefix: [number, number]; wrapper: (callbackify: string) => string; rename: TextEdit }[] = [];
  const nl = lineEndingOf(file);
  const unit = indentUnitOf(file);
  for (const { fn, valueType } of kept) {
    const problem = (message: string): void => void refused.set(fn, { reason: 'kept-api-not-writable', message, at: fn.range[0] });
    const declared = declarationOf(fn);
    if (!declared) {
      problem('The function is not the one declaration of a module-level statement, so there is no place for its wrapper.');
      continue;
    }
    const { statement, declaration, id } = declared;
    const params = fn.params;
    if (!params.every((p): p is TSESTree.Identifier => p.type === 'Identifier' && (p.decorators ?? []).length === 0)) {
      problem('A parameter is a pattern, a default or a rest parameter: the wrapper forwards each parameter by its name.');
      continue;
    }
    const name = id.name;
    const asyncName = asyncNameFor(name);
    if (!isNameFree(file, innermostScope(file.scopeManager, statement), asyncName)) {
      problem(`The async function would be named \`${asyncName}\`, a name the file already uses.`);
      continue;
    }
    const text = (p: TSESTree.Identifier) => file.text.slice(p.range[0], Math.max(p.range[1], p.typeAnnotation?.range[1] ?? 0));
    const callback = params[params.length - 1] as TSESTree.Identifier;
    const others = params.slice(0, -1);
    const names = others.map((p) => p.name);
    const callbackText = text(callback);
    // The implementation's callback is optional: absent, the promise is returned.
    const optionalCallback = callback.optional || valueType === null ? callbackText : `${callback.name}?${callbackText.slice(callback.name.length)}`;
    const prefix = file.text.slice(statement.range[0], declaration.range[0]);
    const signature = (list: readonly string[]) => `${prefix}function ${name}(${list.join(', ')})`;
    const jsParams = valueType === null ? [...names, callback.name] : [...others.map(text), optionalCallback];
    planned.push({
      fn,
      statement,
      prefix: [statement.range[0], declaration.range[0]],
      wrapper: (callbackify) =>
        [
          ...(valueType === null ? [] : [`${signature(others.map(text))}: Promise<${valueType}>;`, `${signature([...others.map(text), callbackText])}: void;`]),
          `${signature(jsParams)} {`,
          `${unit}return ${callback.name} === undefined ? ${asyncName}(${names.join(', ')}) : ${callbackify}(${asyncName})(${[...names, callback.name].join(', ')});`,
          '}',
        ].join(nl),
      rename: { range: id.range, text: asyncName },
    });
  }
  if (planned.length === 0) return { edits: [], refused };
  const first = planned[0] as (typeof planned)[number];
  const reference = referenceTo(file, first.statement, 'util', 'callbackify');
  const imports = reference?.needsImport ? importEdit(file, [reference.needsImport]) : null;
  if (!reference || (reference.needsImport && !imports)) {
    for (const { fn } of planned) refused.set(fn, { reason: 'kept-api-not-writable', message: 'The file has no name free for `util.callbackify`, nor a place for its import.', at: fn.range[0] });
    return { edits: [], refused };
  }
  const edits: TextEdit[] = [];
  const importEdits = [...(imports?.edits ?? [])];
  for (const { prefix, wrapper, rename } of planned) {
    // An import written before the first statement goes at the very offset the wrapper does: one edit holds both.
    const same = importEdits.findIndex((e) => e.range[0] === prefix[0] && e.range[1] === prefix[0]);
    const before = same >= 0 ? (importEdits.splice(same, 1)[0] as TextEdit).text : '';
    edits.push({ range: prefix, text: `${before}${wrapper(reference.text)}${nl}${nl}` }, rename);
  }
  return { edits: [...edits, ...importEdits], refused };
}

/** The module-level statement holding `fn`, the declaration in it (after `export`), and the name it is declared under. */
function declarationOf(fn: FunctionNode): { statement: TSESTree.Node; declaration: TSESTree.Node; id: TSESTree.Identifier } | null {
  let declaration: TSESTree.Node;
  let id: TSESTree.Identifier;
  if (fn.type === 'FunctionDeclaration') {
    if (!fn.id) return null;
    declaration = fn;
    id = fn.id;
  } else {
    const declarator = fn.parent;
    if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || declarator.id.typeAnnotation || declarator.parent.declarations.length !== 1) return null;
    declaration = declarator.parent;
    id = declarator.id;
  }
  const statement = declaration.parent?.type === 'ExportNamedDeclaration' || declaration.parent?.type === 'ExportDefaultDeclaration' ? declaration.parent : declaration;
  return statement.parent?.type === 'Program' ? { statement, declaration, id } : null;
}
