/**
 * A function that returns a value where a function returning `void` is expected, as
 * typescript-eslint's `strict-void-return` reports it. TypeScript lets `() => 1` stand for
 * `() => void`, so the value is silently dropped: a promise with its rejection, a generator that is
 * never started, a result the author meant to use (`names.forEach((n) => \`Hi ${n}\`)`).
 *
 * The judgement is the {@link TypeOracle}'s: where the place expects only `void`
 * (`expectsOnlyVoidFunction`, or `overridesVoidMember` for a class member) and what the function
 * returns (`callResultKind`, and `voidValueKind` of each returned value). With types it is
 * typescript-eslint's, exact; without, the place must be declared (a parameter typed `() => void`,
 * an annotated variable, a catalogued platform callback, an intrinsic element's `on…` handler) and
 * the value shown by the syntax (a literal, an object, arithmetic, a promise, `async`, a generator):
 * a call of something unknown (`() => save()`) is never reported.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { arrowOffset, asyncRemovalEdits, nodeWithAsyncKeyword, ownBodyFacts } from './async-functions';
import type { Plan, TextEdit } from './edits';
import { prependVoidEdits } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { mayNameAFunction } from './misused-promises';
import { isFunctionNode, walk } from './walk';

export interface VoidReturnOptions {
  /** Accept a function returning `any` (typescript-eslint's `allowReturnAny`). Default false. */
  readonly allowReturnAny?: boolean;
}

export type VoidReturnMessage = 'asyncFunc' | 'nonVoidFunc' | 'nonVoidReturn';

export type VoidReturnSuggestion = 'addVoid' | 'wrapInAsyncIife';

export interface VoidReturnFinding {
  readonly messageId: VoidReturnMessage;
  /** What is reported: a returned value, a `return` statement, a return type, or a function (at its head when `head`). */
  readonly node: TSESTree.Node;
  /** Report at the function's head (`functionHeadRange`) rather than the whole function. */
  readonly head: boolean;
  /**
   * typescript-eslint's suggestion, a `review` plan: `void` before an arrow's expression body (the
   * caller then gets `undefined`, which it was typed to ignore; `async` goes too, unless the body
   * awaits), or an async body moved into an async arrow called at once (the function returns
   * nothing; its promise still floats, now visibly). `null` when none applies.
   */
  readonly suggestion: { readonly kind: VoidReturnSuggestion; readonly plan: Plan } | null;
}

type FunctionLiteral = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

function isFunctionLiteral(node: TSESTree.Node): node is FunctionLiteral {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

/** Values that are never functions: the oracle is not asked about them (typescript-eslint's check would find no signature). */
const neverCallable = new Set<string>([
  'Literal',
  'TemplateLiteral',
  'ArrayExpression',
  'ObjectExpression',
  'BinaryExpression',
  'UpdateExpression',
  'UnaryExpression',
  'ClassExpression',
  'AwaitExpression',
  'JSXElement',
  'JSXFragment',
]);

/**
 * The findings for `node`, a value in a place that may expect a `void` function (a call argument,
 * a property, a variable's initialiser or an assignment, a returned value, an array element, a JSX
 * attribute's value, an arrow's body). Cheap first: without types only function literals and names
 * that may name a function are read.
 */
export function findVoidReturnMisuses(file: AnalysisFile, node: TSESTree.Expression, options: VoidReturnOptions = {}): VoidReturnFinding[] {
  if (neverCallable.has(node.type)) return [];
  if (file.oracle.source === 'syntax' && !isFunctionLiteral(node)) {
    if ((node.type !== 'Identifier' && node.type !== 'MemberExpression') || !mayNameAFunction(file, node)) return [];
  }
  if (file.oracle.expectsOnlyVoidFunction(node) !== 'yes') return [];
  return nonVoidFunctionFindings(file, node, options);
}

/**
 * The findings for a class member that overrides or implements a member declared to return `void`:
 * a method, or a property holding a function (which is also read against its own declared type).
 */
export function findVoidMemberMisuses(
  file: AnalysisFile,
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
  options: VoidReturnOptions = {},
): VoidReturnFinding[] {
  const value = member.value;
  if (!value || value.type === 'TSEmptyBodyFunctionExpression') return [];
  if (member.type === 'MethodDefinition' && member.kind !== 'method') return [];
  if (member.type === 'PropertyDefinition' && file.oracle.source === 'syntax' && !isFunctionLiteral(value)) return [];
  if (file.oracle.overridesVoidMember(member) === 'yes') return nonVoidFunctionFindings(file, value, options);
  return member.type === 'PropertyDefinition' ? findVoidReturnMisuses(file, value, options) : [];
}

function isReported(kind: string, allowAny: boolean): boolean {
  return kind === 'value' || (kind === 'any' && !allowAny);
}

/** What is wrong with `fn` standing where only a `void` function is expected. */
function nonVoidFunctionFindings(file: AnalysisFile, fn: TSESTree.Expression, options: VoidReturnOptions): VoidReturnFinding[] {
  const allowAny = options.allowReturnAny ?? false;
  const result = file.oracle.callResultKind(fn);
  if (result === 'void' || (result === 'any' && allowAny)) return [];
  if (!isFunctionLiteral(fn)) return isReported(result, allowAny) ? [{ messageId: 'nonVoidFunc', node: fn, head: false, suggestion: null }] : [];
  if (fn.generator) return [{ messageId: 'nonVoidFunc', node: fn, head: true, suggestion: null }];
  if (fn.async) {
    const body = fn.body;
    if (body.type !== 'BlockStatement') {
      const plan = doesSomething(file, body) ? planAddVoid(file, fn as TSESTree.ArrowFunctionExpression, body) : null;
      return [{ messageId: 'asyncFunc', node: fn, head: true, suggestion: plan ? { kind: 'addVoid', plan } : null }];
    }
    const plan = planWrapInAsyncIife(file, fn, body);
    return [{ messageId: 'asyncFunc', node: fn, head: true, suggestion: plan ? { kind: 'wrapInAsyncIife', plan } : null }];
  }
  if (fn.body.type !== 'BlockStatement') {
    const body = fn.body;
    if (!isReported(file.oracle.voidValueKind(body), allowAny)) return [];
    const plan = doesSomething(file, body) ? planAddVoid(file, fn as TSESTree.ArrowFunctionExpression, body) : null;
    return [{ messageId: 'nonVoidReturn', node: body, head: false, suggestion: plan ? { kind: 'addVoid', plan } : null }];
  }
  const annotation = fn.returnType?.typeAnnotation;
  // A declared return type other than `void` is the report; without types, only one the oracle reads as a value.
  if (annotation && annotation.type !== 'TSVoidKeyword' && result !== 'unknown') {
    return [{ messageId: 'nonVoidFunc', node: annotation, head: false, suggestion: null }];
  }
  const out: VoidReturnFinding[] = [];
  for (const argument of ownBodyFacts(file, fn).returned) {
    const statement = argument.parent;
    if (statement?.type !== 'ReturnStatement') continue;
    if (isReported(file.oracle.voidValueKind(argument), allowAny)) out.push({ messageId: 'nonVoidReturn', node: statement, head: false, suggestion: null });
  }
  return out;
}

/** Whether evaluating `node` does something beyond producing its value (typescript-eslint offers `void` only then). */
function doesSomething(file: AnalysisFile, node: TSESTree.Node): boolean {
  let found = false;
  walk(node, file.visitorKeys, (child) => {
    if (found) return false;
    if (child !== node && isFunctionNode(child)) return false;
    switch (child.type) {
      case 'CallExpression':
      case 'NewExpression':
      case 'AssignmentExpression':
      case 'UpdateExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'TaggedTemplateExpression':
      case 'ImportExpression':
        found = true;
        return false;
      case 'UnaryExpression':
        if (child.operator === 'delete') {
          found = true;
          return false;
        }
        return true;
      default:
        return true;
    }
  });
  return found;
}

/**
 * `() => x` → `() => void x`, taking `async` off first (`async () => save()` → `() => void save()`):
 * not when the body awaits (it needs `async`) nor where a declared return type would not fit.
 */
function planAddVoid(file: AnalysisFile, fn: TSESTree.ArrowFunctionExpression, body: TSESTree.Expression): Plan | null {
  const edits: TextEdit[] = [];
  if (fn.async) {
    if (ownBodyFacts(file, fn).awaits) return null;
    const removal = asyncRemovalEdits(file, fn, 'void');
    if (!removal) return null;
    edits.push(...removal);
  } else if (fn.returnType && fn.returnType.typeAnnotation.type !== 'TSVoidKeyword') {
    return null;
  }
  edits.push(...prependVoidEdits(file, arrowOffset(file, fn) + 2, body, true));
  return checkedPlan(file, 'review', edits, { owned: [fn], vocabulary: { added: ['void'], removed: ['async', 'Promise', 'undefined'] } });
}

/**
 * An async function's body moved into an async arrow it calls at once, `async` taken off the
 * function: `async () => { … }` → `() => void (async () => { … })()`, `async function () { … }` →
 * `function () { (async () => { … })(); }`. The arrow keeps `this`, `arguments` and `super` as they
 * were; the function now returns `undefined`.
 */
function planWrapInAsyncIife(file: AnalysisFile, fn: FunctionLiteral, body: TSESTree.BlockStatement): Plan | null {
  const removal = asyncRemovalEdits(file, fn, 'void');
  if (!removal) return null;
  const edits: TextEdit[] = [...removal];
  if (fn.type === 'ArrowFunctionExpression') {
    const arrowEnd = arrowOffset(file, fn) + 2;
    edits.push({ range: [arrowEnd, arrowEnd], text: ' void (async () =>' }, { range: [fn.range[1], fn.range[1]], text: ')()' });
  } else {
    edits.push({ range: [body.range[0], body.range[0]], text: '{ (async () => ' }, { range: [body.range[1], body.range[1]], text: ')(); }' });
  }
  return checkedPlan(file, 'review', edits, {
    owned: [nodeWithAsyncKeyword(fn)],
    vocabulary: { added: ['void', 'async'], removed: ['async', 'Promise', 'undefined'] },
  });
}
