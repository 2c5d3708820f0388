/**
 * Promises where the code does not handle them: a promise as a boolean test (always truthy), spread
 * into an object (it has no own properties), an async predicate (always truthy), and an async function
 * where a `void`-returning callback is expected, whose rejection nobody sees.
 *
 * The judgement is typescript-eslint's `no-misused-promises`, asked of the {@link TypeOracle}: exact
 * with types; without, reported only where the code shows both the promise and the `void` expectation.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { heritageOf } from './declarations/heritage';
import { isVoidFunction } from './declarations/shape';
import { fileSpaceOf } from './declarations/file-space';
import { moduleIndex } from './declarations/module-index';
import type { AnalysisFile } from './file';
import type { Tri } from './tri';

export type VoidReturnPlace = 'arguments' | 'attributes' | 'properties' | 'returns' | 'variables';

export interface MisusedPromiseOptions {
  /**
   * Accept an async callback whose whole body is one `try` with a `catch`: only the `catch` block can
   * reject it (typescript-eslint#5543). Default true.
   */
  readonly allowTryCatchCallbacks?: boolean;
  /** JSX attributes that accept promise-returning functions (React 19's `action`, a form library's `onSubmit`). */
  readonly allowedAttributes?: readonly string[];
}

/** Array methods whose callback's result is read as a boolean. */
const predicateMethods = new Set(['filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every']);

function isFunctionExpression(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

/** `async () => { try { … } catch (e) { … } }`: nothing outside the try, and a catch that handles. */
function isWrappedInTryCatch(node: TSESTree.Expression): boolean {
  if (!isFunctionExpression(node) || node.body.type !== 'BlockStatement') return false;
  const [only, ...rest] = node.body.body;
  return rest.length === 0 && only?.type === 'TryStatement' && only.handler !== null;
}

/**
 * `first() === 'yes' && second() === 'yes'`. Without types each side may read other modules (the
 * callee's parameter types, the value's declaration); a side the modules already read answer with
 * anything but `'yes'` decides first, so the other side's modules are read only when they can change
 * the answer. With types the checker answers both, in order.
 */
function bothYes(file: AnalysisFile, first: () => Tri, second: () => Tri): boolean {
  if (file.oracle.source === 'syntax') return moduleIndex.allYes([first, second]);
  return first() === 'yes' && second() === 'yes';
}

/** Whether a boolean test of `node` tests a promise (always truthy). */
export function isMisusedConditional(file: AnalysisFile, node: TSESTree.Expression): boolean {
  return file.oracle.isAlwaysPromiseLike(node) === 'yes';
}

/** Whether `{ ...node }` spreads a promise. */
export function isMisusedSpread(file: AnalysisFile, node: TSESTree.Expression): boolean {
  return file.oracle.isPromiseLike(node) === 'yes';
}

/** The async predicate of `xs.filter(async …)` and its kin on an array, or null. */
export function misusedPredicate(file: AnalysisFile, call: TSESTree.CallExpression): TSESTree.Expression | null {
  const callee = call.callee;
  const callback = call.arguments[0];
  if (callee.type !== 'MemberExpression' || !callback || callback.type === 'SpreadElement') return null;
  const name = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
  if (name === null || !predicateMethods.has(name)) return null;
  return bothYes(file, () => file.oracle.returnsPromise(callback), () => file.oracle.isArray(callee.object)) ? callback : null;
}

/**
 * Whether `node`, a promise-returning function, stands where a `void`-returning function is
 * expected. The caller says where `node` is; the judgement is the same for every place.
 */
export function isMisusedVoidReturn(file: AnalysisFile, node: TSESTree.Expression, options: MisusedPromiseOptions = {}): boolean {
  if ((options.allowTryCatchCallbacks ?? true) && isWrappedInTryCatch(node)) return false;
  // Cheap first: an async function expression shows itself; a name is read only where a void function is expected.
  if (isFunctionExpression(node)) {
    return bothYes(file, () => file.oracle.returnsPromise(node), () => file.oracle.expectsVoidFunction(node));
  }
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return false;
  if (file.oracle.source === 'syntax' && !mayNameAFunction(file, node)) return false;
  return bothYes(file, () => file.oracle.expectsVoidFunction(node), () => file.oracle.returnsPromise(node));
}

/**
 * Without types, a name can only be shown to return a promise through a declaration that is a
 * function: a function declaration, an import, a `const` holding a function expression, a parameter
 * or variable with a declared type, or a member (`this.save`, `api.save`). A `const x = call()` is
 * left alone before anything is read for it: answering would mean reading what `call` returns, often
 * from another module, for a value that is almost never a function.
 */
export function mayNameAFunction(file: AnalysisFile, node: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
  if (node.type === 'MemberExpression') return true;
  const binding = fileSpaceOf(file).value(node.name, node);
  if (!binding) return false;
  switch (binding.kind) {
    case 'declarations':
    case 'import':
    case 'member':
      return true;
    case 'parameter':
      return binding.annotation !== null;
    case 'variable': {
      const init = binding.declarator.init;
      return binding.id.typeAnnotation !== undefined || (init !== null && isFunctionExpression(init));
    }
  }
}

/** Whether a JSX attribute's value is a promise-returning function where a `void` handler is expected. */
export function isMisusedAttribute(file: AnalysisFile, attribute: TSESTree.JSXAttribute, options: MisusedPromiseOptions = {}): TSESTree.Expression | null {
  const value = attribute.value;
  if (value?.type !== 'JSXExpressionContainer' || value.expression.type === 'JSXEmptyExpression') return null;
  const name = attribute.name.type === 'JSXIdentifier' ? attribute.name.name : `${attribute.name.namespace.name}:${attribute.name.name.name}`;
  if (options.allowedAttributes?.includes(name)) return null;
  return isMisusedVoidReturn(file, value.expression, options) ? value.expression : null;
}

export interface InheritedMisuse {
  /** The async method (its key), reported where it is declared. */
  readonly node: TSESTree.Node;
  /** The extended or implemented type whose member returns `void`. */
  readonly heritageTypeName: string;
}

/**
 * Async methods of a class that override a member its base class or an implemented interface
 * declares as returning `void` (callers of the base type drop the promise).
 */
export function inheritedMethodMisuses(file: AnalysisFile, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): InheritedMisuse[] {
  const heritage = heritageOf(node, fileSpaceOf(file));
  if (heritage.length === 0) return [];
  const out: InheritedMisuse[] = [];
  for (const member of node.body.body) {
    if (member.type !== 'MethodDefinition' || member.kind !== 'method' || member.static || member.computed) continue;
    if (member.key.type !== 'Identifier' || !member.value.async || member.value.generator) continue;
    const key = member.key.name;
    for (const parent of heritage) {
      const shape = parent.shape();
      if (shape.kind === 'object' && isVoidFunction(shape.member(key))) {
        out.push({ node: member.key, heritageTypeName: parent.name });
        break;
      }
    }
  }
  return out;
}

