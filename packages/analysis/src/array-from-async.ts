/**
 * Array accumulation loops that `Array.fromAsync()` (ES2024: Node 22, Chrome 121, Firefox 115,
 * Safari 16.4) writes in one call, the shapes eslint-plugin-unicorn's `prefer-array-from-async`
 * reports:
 *
 *     const items = [];                                const items = await Array.fromAsync(source);
 *     for await (const item of source) items.push(item);
 *
 *     const pages = [];                                const pages = await Array.fromAsync(urls, url => load(url));
 *     for await (const url of urls) pages.push(await load(url));
 *
 * and, with a plain `for…of`, the mapper form over a string or an array literal of primitives (whose
 * elements awaiting cannot change). The declaration is an empty array literal, `const` or `let`, right
 * before the loop; the loop's body is the one `push`; the array is not read before the loop ends
 * (nor by a hoisted function, which could run during the loop and would meet it uninitialised after
 * the rewrite); `Array` is the global.
 *
 * Every rewrite is `review`, never `safe`, though unicorn fixes the `for await` forms: the result is
 * assigned one microtask later than the loop ended (the call settles its own promise, which the
 * `await` then reads), and a source that is not iterable but array-like (`{ length: 2, 0: a, 1: b }`)
 * is read instead of throwing a `TypeError`. The plain `for…of` form also awaits each element, a
 * microtask per element. Nothing is reported where the nearest `package.json`'s `engines.node`
 * admits a Node before 22 (`engines-predate-static`).
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import { enginesAdmitNodeBefore } from './entry-points';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { memberName } from './promise-methods';
import { findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { walk } from './walk';

/** Why an accumulation loop is not reported. */
export const arrayFromAsyncSilenceReasons = [
  /** The nearest `package.json`'s `engines.node` admits a Node version without `Array.fromAsync`. */
  'engines-predate-static',
] as const;

/** The first Node major version with `Array.fromAsync` (V8 12.1). */
export const arrayFromAsyncSince = 22;

/** Whether the project of `filePath` says it runs on a Node without `Array.fromAsync` (`engines-predate-static`). */
export function enginesPredateArrayFromAsync(filePath: string | null | undefined): boolean {
  return enginesAdmitNodeBefore(filePath, arrayFromAsyncSince);
}

export interface ArrayFromAsyncLoop {
  /** The loop, where the report goes. */
  readonly loop: TSESTree.ForOfStatement;
  /** The empty array's declaration before it. */
  readonly declaration: TSESTree.VariableDeclaration;
  /**
   * The declaration and the loop as one `Array.fromAsync` declaration, `review`; `null` where a
   * comment between them would be lost.
   */
  readonly plan: Plan | null;
}

/** The one expression statement a loop body is, bare or alone in a block. */
function onlyExpression(body: TSESTree.Statement): TSESTree.Expression | null {
  const statement = body.type === 'BlockStatement' ? (body.body.length === 1 ? body.body[0] : undefined) : body;
  return statement?.type === 'ExpressionStatement' ? statement.expression : null;
}

/** Whether `node` contains an `await` or `yield` outside nested functions (a second suspension in the mapper). */
function suspends(file: AnalysisFile, node: TSESTree.Node): boolean {
  let found = false;
  walk(node, file.visitorKeys, (child) => {
    if (found) return false;
    if (child.type === 'AwaitExpression' || child.type === 'YieldExpression') found = true;
    if (child.type === 'ForOfStatement' && child.await) found = true;
    return !found && !(child !== node && (child.type === 'ArrowFunctionExpression' || child.type === 'FunctionExpression' || child.type === 'FunctionDeclaration'));
  });
  return found;
}

function isPrimitiveLiteral(node: TSESTree.Node | null): boolean {
  if (node === null) return true;
  if (node.type === 'Literal') return !('regex' in node && node.regex);
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'UnaryExpression' && node.operator === '-') return node.argument.type === 'Literal' && typeof node.argument.value === 'number';
  return node.type === 'Identifier' && node.name === 'undefined';
}

/**
 * A source whose elements are primitives that awaiting leaves as they are: a string, or an array
 * literal of primitive literals, written in the loop or bound to a `const` this loop alone reads.
 */
function isPrimitiveIterable(file: AnalysisFile, source: TSESTree.Expression): boolean {
  let node: TSESTree.Node = source;
  if (node.type === 'Identifier') {
    const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
    if (variable.references.some((r) => !r.init && r.identifier !== source)) return false;
    node = def.node.init;
  }
  if ((node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0)) return true;
  return node.type === 'ArrayExpression' && node.elements.every((element) => element?.type !== 'SpreadElement' && isPrimitiveLiteral(element));
}

/**
 * Whether the array is read anywhere but the loop's `push`, before the loop has ended: a read after
 * the rewrite's declaration point would meet it uninitialised, or see it filled all at once.
 */
function readsArrayEarly(variable: Variable, loop: TSESTree.ForOfStatement, push: TSESTree.Node): boolean {
  return variable.references.some((reference) => {
    const id = reference.identifier;
    if (reference.init || id === push) return false;
    if (id.range[0] < loop.range[1]) return true;
    // A function declaration inside the array's scope is hoisted: it may be called from the loop's source.
    const scopeBlock = variable.scope.block as TSESTree.Node;
    for (let node: TSESTree.Node | undefined = id.parent; node && node !== scopeBlock; node = node.parent) if (node.type === 'FunctionDeclaration') return true;
    return false;
  });
}

/** The loops of the file, in source order. */
export function findArrayFromAsyncLoops(file: AnalysisFile): ArrayFromAsyncLoop[] {
  const found: ArrayFromAsyncLoop[] = [];
  if (!file.text.includes('push') || enginesPredateArrayFromAsync(file.path)) return found;
  walk(file.ast, file.visitorKeys, (node) => {
    const statements = node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' ? node.body : node.type === 'SwitchCase' ? node.consequent : null;
    if (!statements) return;
    for (let i = 0; i + 1 < statements.length; i++) {
      const declaration = statements[i];
      const loop = statements[i + 1];
      if (declaration?.type === 'VariableDeclaration' && loop?.type === 'ForOfStatement') {
        const finding = accumulationLoop(file, declaration, loop);
        if (finding) found.push(finding);
      }
    }
  });
  return found;
}

function accumulationLoop(file: AnalysisFile, declaration: TSESTree.VariableDeclaration, loop: TSESTree.ForOfStatement): ArrayFromAsyncLoop | null {
  if ((declaration.kind !== 'const' && declaration.kind !== 'let') || declaration.declarations.length !== 1 || declaration.declare) return null;
  const declarator = declaration.declarations[0] as TSESTree.VariableDeclarator;
  const init = declarator.init;
  if (declarator.id.type !== 'Identifier' || init?.type !== 'ArrayExpression' || init.elements.length !== 0) return null;
  const left = loop.left;
  const binding = left.type === 'VariableDeclaration' && (left.kind === 'const' || left.kind === 'let') && left.declarations.length === 1 ? left.declarations[0]?.id : undefined;
  if (binding?.type !== 'Identifier' || binding.typeAnnotation || binding.name === declarator.id.name) return null;
  const push = onlyExpression(loop.body);
  if (push?.type !== 'CallExpression' || push.optional || push.arguments.length !== 1) return null;
  const callee = push.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.optional || memberName(callee) !== 'push') return null;
  if (callee.object.type !== 'Identifier' || callee.object.name !== declarator.id.name) return null;
  const array = findVariable(innermostScope(file.scopeManager, declarator.id), declarator.id.name);
  if (!array?.identifiers.includes(declarator.id) || readsArrayEarly(array, loop, callee.object)) return null;
  if (!isBuiltinGlobal(file.scopeManager, declaration, 'Array')) return null;
  const pushed = push.arguments[0] as TSESTree.CallExpressionArgument;
  let mapper: TSESTree.Expression | null = null;
  if (!(pushed.type === 'Identifier' && pushed.name === binding.name)) {
    // `push(await f(item))`: `f(item)` becomes the mapper, whose promise `Array.fromAsync` awaits.
    if (pushed.type !== 'AwaitExpression' || suspends(file, pushed.argument)) return null;
    mapper = pushed.argument;
  }
  // A plain `for…of` does not await its elements; `Array.fromAsync` does, which only primitives survive unchanged.
  if (!loop.await && (mapper === null || !isPrimitiveIterable(file, loop.right))) return null;
  return { loop, declaration, plan: planArrayFromAsync(file, declaration, declarator.id, loop, binding, mapper) };
}

function planArrayFromAsync(
  file: AnalysisFile,
  declaration: TSESTree.VariableDeclaration,
  name: TSESTree.Identifier,
  loop: TSESTree.ForOfStatement,
  binding: TSESTree.Identifier,
  mapper: TSESTree.Expression | null,
): Plan | null {
  const range: [number, number] = [declaration.range[0], loop.range[1]];
  if (file.comments.some((c) => c.range[0] >= range[0] && c.range[1] <= range[1])) return null;
  const text = (node: TSESTree.Node) => file.text.slice(node.range[0], node.range[1]);
  const source = loop.right.type === 'SequenceExpression' ? `(${text(loop.right)})` : text(loop.right);
  const body = mapper && (mapper.type === 'SequenceExpression' || text(mapper).startsWith('{') ? `(${text(mapper)})` : text(mapper));
  // The name with its type annotation, which typescript-estree's range includes.
  const target = text(name);
  // unicorn's text exactly (no parentheses around the one parameter), so a config moves over without a diff.
  const call = `Array.fromAsync(${source}${body ? `, ${binding.name} => ${body}` : ''})`;
  const kind = declaration.kind;
  return checkedPlan(file, 'review', [{ range, text: `${kind} ${target} = await ${call};` }], {
    owned: [declaration, loop],
    vocabulary: { added: ['Array', 'fromAsync', 'await'], removed: ['for', 'await', 'of', 'const', 'let', 'push', name.name, binding.name] },
  });
}
