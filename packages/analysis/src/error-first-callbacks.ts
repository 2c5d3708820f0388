/**
 * Three judgements about Node's error-first callback convention, from ESLint's deprecated core rules
 * that eslint-plugin-n keeps alive:
 * - `handle-callback-err`: a callback whose error parameter is never read;
 * - `callback-return`: a callback call after which the function goes on running;
 * - `no-callback-literal`: a callback called with a value that can never be an error in the error position.
 * The peers judge names and positions; these add what keeps them from their best-known false
 * positives: a call that is already the last thing its function does, a destructured option called
 * `err`, a callback whose declared first parameter cannot be an error.
 */
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { findVariable, innermostScope } from './scope';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers, nearestFunctionOf } from './walk';

// ---------------------------------------------------------------------------------------------
// handle-callback-err

/** Why a function whose first parameter matches the error name is not reported. */
export const handleCallbackErrSilenceReasons = [
  /** The function reads `arguments`, which holds the error too (`cb.apply(null, arguments)`). */
  'uses-arguments',
  /** The first parameter is destructured (`({ err }) => …`): its `err` is an option's member, not a callback's error. */
  'destructured-parameter',
  /** A class method: its parameters are the class's contract (often an override that ignores the error on purpose). */
  'class-method',
] as const;
export type HandleCallbackErrSilenceReason = (typeof handleCallbackErrSilenceReasons)[number];

/** The error parameter as the rule's option names it: a name, or a regular expression when it starts with `^`. */
export function errorParameterMatcher(option: string): (name: string) => boolean {
  if (option.startsWith('^')) {
    const pattern = new RegExp(option, 'u');
    return (name) => pattern.test(name);
  }
  return (name) => name === option;
}

function functionScopeOf(file: AnalysisFile, fn: FunctionNode): Scope | null {
  return file.scopeManager.acquire(fn, true);
}

function readsArguments(scope: Scope): boolean {
  // Arrow functions have no `arguments` of their own; a read inside one is its enclosing function's.
  const variable = scope.set.get('arguments');
  return variable !== undefined && variable.references.length > 0;
}

/**
 * Judges one function: its first parameter when it matches the error name and nothing reads it;
 * `{ silenced }` for such a parameter the rule leaves alone; `null` otherwise.
 */
export function judgeHandleCallbackErr(
  file: AnalysisFile,
  fn: FunctionNode,
  matches: (name: string) => boolean,
): { readonly param: TSESTree.Identifier } | { readonly silenced: HandleCallbackErrSilenceReason } | null {
  const first = fn.params[0];
  if (!first) return null;
  const identifier = first.type === 'AssignmentPattern' ? first.left : first;
  if (identifier.type !== 'Identifier') {
    return destructuredNames(identifier).some(matches) ? { silenced: 'destructured-parameter' } : null;
  }
  if (!matches(identifier.name)) return null;
  const scope = functionScopeOf(file, fn);
  if (!scope) return null;
  const variable = scope.set.get(identifier.name);
  if (!variable || variable.references.some((reference) => reference.identifier !== identifier)) return null;
  if (readsArguments(scope)) return { silenced: 'uses-arguments' };
  const parent = fn.parent;
  if (parent.type === 'MethodDefinition' || parent.type === 'TSAbstractMethodDefinition') return { silenced: 'class-method' };
  return { param: identifier };
}

function destructuredNames(pattern: TSESTree.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => destructuredNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? destructuredNames(element) : []));
    case 'AssignmentPattern':
      return destructuredNames(pattern.left);
    case 'RestElement':
      return destructuredNames(pattern.argument);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// callback-return

/** Why a call of a callback name is not reported as missing its `return`. */
export const callbackReturnSilenceReasons = [
  /** Nothing of the function runs after the call: it is the last statement on its path (also in `if`/`else`, `try`/`catch`, a `switch` case ending in `break`). */
  'last-on-path',
  /** The call's value is used (`const r = cb()`, `f(cb())`): it is not a call-and-forget the rule is about. */
  'value-used',
  /** The path after the call passes a statement whose continuation is not read (`with`, a labelled `break`/`continue`): no claim. */
  'path-unknown',
  /**
   * The call runs on every iteration of a loop (only blocks between it and the loop body): the
   * callback is a visitor called once per element by design, not a continuation a `return` should
   * end (`for (const x of list) cb(x)`); a `return` there would stop the loop after one element.
   */
  'called-each-iteration',
] as const;
export type CallbackReturnSilenceReason = (typeof callbackReturnSilenceReasons)[number];

/** Whether `callee` is a name or a chain of names (`cb`, `this.callback`, `opts.done`) and its text is one of `names`. */
function calleeText(file: AnalysisFile, callee: TSESTree.Node): string | null {
  let current = callee;
  while (current.type === 'MemberExpression' && !current.computed) current = current.object;
  if (current.type !== 'Identifier' && current.type !== 'ThisExpression') return null;
  if (current.type === 'ThisExpression' && current === callee) return null;
  return file.text.slice(callee.range[0], callee.range[1]);
}

/** The statement the call is the whole of, or the right side of `cb && cb()` / `cb || cb()` in; null when its value is used. */
function statementOfCall(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = call;
  if (node.parent?.type === 'ChainExpression') node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'ExpressionStatement') return parent;
  if (parent?.type === 'LogicalExpression' && parent.right === node && parent.parent.type === 'ExpressionStatement') return parent.parent;
  return null;
}

type PathEnd = 'function-ends' | 'runs-on' | 'unknown';

/** Statements that run nothing when control reaches them: a hoisted function declaration, an empty statement, a type. */
export function runsNothing(statement: TSESTree.Node): boolean {
  return (
    statement.type === 'FunctionDeclaration' ||
    statement.type === 'EmptyStatement' ||
    statement.type === 'TSTypeAliasDeclaration' ||
    statement.type === 'TSInterfaceDeclaration' ||
    statement.type === 'TSDeclareFunction'
  );
}

/**
 * What runs once `statement` completes normally, within its function: nothing (`function-ends`),
 * more of the function (`runs-on`), or a path this walk does not read (`unknown`).
 */
function afterStatement(statement: TSESTree.Node): PathEnd {
  let current: TSESTree.Node = statement;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return 'function-ends';
    switch (parent.type) {
      case 'BlockStatement':
      case 'StaticBlock': {
        const rest = parent.body.slice(parent.body.indexOf(current as TSESTree.Statement) + 1).filter((s) => !runsNothing(s));
        const next = rest[0];
        if (next) return next.type === 'ReturnStatement' ? 'function-ends' : 'runs-on';
        if (isFunctionNode(parent.parent)) return 'function-ends';
        current = parent;
        break;
      }
      case 'SwitchCase': {
        const rest = parent.consequent.slice(parent.consequent.indexOf(current as TSESTree.Statement) + 1).filter((s) => !runsNothing(s));
        const next = rest[0];
        if (next?.type === 'ReturnStatement') return 'function-ends';
        if (next?.type === 'BreakStatement') {
          if (next.label) return 'unknown';
          current = parent.parent;
          break;
        }
        if (next) return 'runs-on';
        const cases = parent.parent.cases;
        // Falling through into the next case runs its statements.
        if (cases.indexOf(parent) !== cases.length - 1) return 'runs-on';
        current = parent.parent;
        break;
      }
      case 'IfStatement':
      case 'LabeledStatement':
      case 'TryStatement':
      case 'CatchClause':
        current = parent;
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        // The next iteration runs, which a `return` would have stopped.
        return 'runs-on';
      case 'Program':
        return 'function-ends';
      default:
        return 'unknown';
    }
  }
}

/**
 * Judges a call of one of the callback `names`: the call when more of its function can run after
 * it (so calling back and going on may call back twice); `{ silenced }` for a call the rule leaves
 * alone; `null` for a call that is no callback call of a function, or already returned.
 */
export function judgeCallbackReturn(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  names: readonly string[],
): { readonly call: TSESTree.CallExpression } | { readonly silenced: CallbackReturnSilenceReason } | null {
  const text = calleeText(file, skipTransparentWrappers(call.callee));
  if (text === null || !names.includes(text)) return null;
  const owner = nearestFunctionOf(call);
  if (!owner) return null;
  if (returnedBeforeFunction(call, owner)) return null;
  const statement = statementOfCall(call);
  if (!statement) return { silenced: 'value-used' };
  const end = afterStatement(statement);
  if (end === 'function-ends') return { silenced: 'last-on-path' };
  if (end === 'unknown') return { silenced: 'path-unknown' };
  if (calledEachIteration(statement)) return { silenced: 'called-each-iteration' };
  return { call };
}

/** Whether only blocks stand between `statement` and the body of the loop around it, so every iteration that completes runs it. */
function calledEachIteration(statement: TSESTree.Node): boolean {
  for (let current = statement; current.parent; current = current.parent) {
    const parent = current.parent;
    switch (parent.type) {
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return parent.body === current;
      case 'BlockStatement':
        break;
      default:
        return false;
    }
  }
  return false;
}

/** Whether the call sits in a `return` of its function, or is an arrow's expression body (which returns it). */
function returnedBeforeFunction(call: TSESTree.CallExpression, owner: FunctionNode): boolean {
  for (let current: TSESTree.Node = call; current !== owner; current = current.parent as TSESTree.Node) {
    if (current.type === 'ReturnStatement') return true;
    // An arrow's expression body is its return value; a block body is not a return.
    if (current.parent === owner) return owner.body === current && current.type !== 'BlockStatement';
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// no-callback-literal

/** The names eslint-plugin-n's `no-callback-literal` takes for error-first callbacks. */
export const errorFirstCallbackNames = ['callback', 'cb'] as const;

/** Why a callback called with a non-error first argument is not reported. */
export const callbackLiteralSilenceReasons = [
  /** The callback's declared type, or its own definition, shows its first parameter is a value, not an error (`cb: (found: boolean) => void`). */
  'not-error-first',
] as const;
export type CallbackLiteralSilenceReason = (typeof callbackLiteralSilenceReasons)[number];

/**
 * Whether a value can never be an error: eslint-plugin-n's `couldBeError`, inverted. A literal other
 * than `null`, a template, an array or object literal; through assignments, sequences, `&&`/`||`/`??`
 * and conditionals. A name (`undefined`, a variable), a call, a member and anything else could be one.
 */
export function isNeverAnError(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'Literal':
      return node.value !== null || 'regex' in node || 'bigint' in node;
    case 'TemplateLiteral':
    case 'ArrayExpression':
    case 'ObjectExpression':
      return true;
    case 'AssignmentExpression':
      return isNeverAnError(node.right);
    case 'SequenceExpression': {
      const last = node.expressions.at(-1);
      return last !== undefined && isNeverAnError(last);
    }
    case 'LogicalExpression':
      return isNeverAnError(node.left) && isNeverAnError(node.right);
    case 'ConditionalExpression':
      return isNeverAnError(node.consequent) && isNeverAnError(node.alternate);
    default:
      return false;
  }
}

const errorName = /^(?:e|ex|er|err|error|exc|exception)$|err(?:or)?$/iu;

/** Type annotations that can never hold an `Error`: `string`, `number`, `boolean`, literals and unions of them. */
function typeIsNeverAnError(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case 'TSStringKeyword':
    case 'TSNumberKeyword':
    case 'TSBooleanKeyword':
    case 'TSBigIntKeyword':
    case 'TSSymbolKeyword':
    case 'TSLiteralType':
    case 'TSTemplateLiteralType':
    case 'TSArrayType':
    case 'TSTupleType':
      return true;
    case 'TSUnionType':
      return type.types.every(typeIsNeverAnError);
    default:
      return false;
  }
}

/** The function type or function a callback variable is declared as, when the file shows it. */
function declaredSignature(variable: Variable): readonly TSESTree.Parameter[] | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (!def) return null;
  if (def.type === 'FunctionName' && isFunctionNode(def.node)) return def.node.params;
  const name = def.name;
  if (name.type === 'Identifier' && name.typeAnnotation?.typeAnnotation.type === 'TSFunctionType') return name.typeAnnotation.typeAnnotation.params;
  if (def.type === 'Variable' && def.node.init) {
    const init = skipTransparentWrappers(def.node.init);
    if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init.params;
  }
  return null;
}

/** Whether a declared first parameter shows a value, not an error: typed as one that cannot be an `Error`, or untyped and not named like one. */
function firstParameterIsValue(params: readonly TSESTree.Parameter[]): boolean {
  const first = params[0];
  if (!first) return false;
  const target = first.type === 'AssignmentPattern' ? first.left : first;
  if (target.type !== 'Identifier') return false;
  const annotation = target.typeAnnotation?.typeAnnotation;
  if (annotation) return typeIsNeverAnError(annotation);
  return !errorName.test(target.name);
}

/**
 * Judges `callback(x, …)` / `cb(x, …)`: the call when `x` can never be an error (a literal, a
 * template, an object); `{ silenced }` when the callback is shown not to be error-first; `null` otherwise.
 */
export function judgeCallbackLiteral(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
): { readonly call: TSESTree.CallExpression } | { readonly silenced: CallbackLiteralSilenceReason } | null {
  const callee = call.callee;
  if (callee.type !== 'Identifier' || !(errorFirstCallbackNames as readonly string[]).includes(callee.name)) return null;
  const first = call.arguments[0];
  if (!first || first.type === 'SpreadElement' || !isNeverAnError(first)) return null;
  const variable = findVariable(innermostScope(file.scopeManager, call), callee.name);
  const signature = variable ? declaredSignature(variable) : null;
  if (signature && firstParameterIsValue(signature)) return { silenced: 'not-error-first' };
  return { call };
}
