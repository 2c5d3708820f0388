/**
 * `Promise.allSettled` results read without a status check (unicorn's
 * `no-unsafe-promise-all-settled-values`): a settled result has `value` only when it is fulfilled and
 * `reason` only when it is rejected, so `results.map((r) => r.value)` hands `undefined` on for every
 * failure, silently.
 *
 * The results are followed from where they are shown to be settled results, never from a name:
 * `await Promise.allSettled(…)` on the built-in `Promise` (the global, not a local binding), its
 * `.then((results) => …)`, a binding annotated `PromiseSettledResult<T>[]` (or one element), and from
 * there through `const` bindings, `filter`, array destructuring, indexing, `for…of` (with or without
 * `.entries()`) and the array methods' callbacks. A read is safe where a status check narrows it the
 * way TypeScript narrows a union: `if`/`else`, an earlier `if (…) return`/`continue`/`throw`, a
 * ternary, `&&`/`||`, `switch (r.status)`, `'value' in r`, a `filter` by status (a callback or a named
 * type guard), a destructured `status`, or an assertion of the status in a statement before it
 * (`assert.equal(r.status, 'fulfilled')`, `expect(r.status).toBe('fulfilled')`), or a check over the
 * whole array (`results.every(isFulfilled)`, `!results.some(isRejected)`). A read whose
 * absence is handled where it is made (`r.value ?? fallback`, `r.value?.id`, `if (r.value)`, a
 * destructuring default) is not reported either: the code already treats "no value" as a case.
 * A binding that is reassigned, or a value that leaves for code not seen here, is not judged.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { canCompleteNormally } from './exits';
import type { AnalysisFile } from './file';
import { memberName, promiseStaticCall } from './promise-methods';
import { findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { isFunctionNode, skipTransparentWrappers, walk } from './walk';
import { PerFile } from './per-file';

/** Why a read of a settled result's `value`/`reason` is not reported. */
export const settledReadSilenceReasons = [
  /** A status check (or a `filter` by status, or an assertion) before the read shows the result has the field. */
  'status-checked',
  /** The read handles a missing field where it is made (`??`, `?.`, a test, a destructuring default). */
  'absence-handled',
  /** The result's binding is reassigned, or the results reach code the analysis does not follow. */
  'origin-not-followed',
] as const;
export type SettledReadSilenceReason = (typeof settledReadSilenceReasons)[number];

export type SettledField = 'value' | 'reason';
type SettledStatus = 'fulfilled' | 'rejected';
/** What every element of a results array is known to be; `null` when it may be either. */
type Known = SettledStatus | null;

export interface UnsafeSettledRead {
  /** The read: `r.value`, a destructured `value` binding's use, or the `value` key of a pattern. */
  readonly node: TSESTree.Node;
  readonly field: SettledField;
}

/** What names one result in a status check: `r` of `r.status`, a destructured `status`, or `results[i]`. */
interface Subject {
  /** Whether `expression` is the result itself (`r` in `r.status`, `'value' in r`). */
  readonly isResult: (expression: TSESTree.Expression) => boolean;
  /** The variable a destructured `status` is bound to. */
  readonly status: Variable | null;
  /** The results array the result was taken from, for checks over all of it (`results.every(…)`). */
  readonly array?: Variable | null;
}

const fieldStatus: Record<SettledField, SettledStatus> = { value: 'fulfilled', reason: 'rejected' };

/** Array methods whose callback gets one element, and the parameter it comes in. */
const elementCallbackParameter: Readonly<Record<string, number>> = {
  map: 0,
  flatMap: 0,
  forEach: 0,
  filter: 0,
  find: 0,
  findIndex: 0,
  findLast: 0,
  findLastIndex: 0,
  some: 0,
  every: 0,
  reduce: 1,
  reduceRight: 1,
};

const cache = new PerFile<readonly UnsafeSettledRead[]>();

/** Every unsafe read of the file, in source order; cached per file. */
export function findUnsafeSettledReads(file: AnalysisFile): readonly UnsafeSettledRead[] {
  let found = cache.get(file);
  if (!found) {
    found = new SettledResults(file).find();
    cache.set(file, found);
  }
  return found;
}

/** Whether `node` is one of the names that declare `variable`. */
function declares(variable: Variable, node: TSESTree.Node): boolean {
  return (variable.identifiers as readonly TSESTree.Node[]).includes(node);
}

function isNeverReassigned(variable: Variable): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true || declares(variable, reference.identifier));
}

/** The variable `id` declares, or `null` when it is not a declaration the scope manager knows. */
function declaredVariable(file: AnalysisFile, id: TSESTree.Identifier): Variable | null {
  const variable = findVariable(innermostScope(file.scopeManager, id), id.name);
  return variable?.identifiers.includes(id) ? variable : null;
}

/** The expression's parent, past the wrappers that keep its value (`!`, `satisfies`). */
function valueParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (parent && (parent.type === 'TSNonNullExpression' || parent.type === 'TSSatisfiesExpression')) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

function statusLiteral(node: TSESTree.Expression): SettledStatus | null {
  const value =
    node.type === 'Literal' && typeof node.value === 'string'
      ? node.value
      : node.type === 'TemplateLiteral' && node.expressions.length === 0
        ? node.quasis[0]?.value.cooked
        : null;
  return value === 'fulfilled' || value === 'rejected' ? value : null;
}

function otherStatus(status: SettledStatus): SettledStatus {
  return status === 'fulfilled' ? 'rejected' : 'fulfilled';
}

/** The one expression a function returns: a concise body, or a body that is one `return`. */
function returnedExpression(fn: TSESTree.FunctionLike): TSESTree.Expression | null {
  const body = fn.body;
  if (!body) return null;
  if (body.type !== 'BlockStatement') return body;
  const only = body.body.length === 1 ? body.body[0] : undefined;
  return only?.type === 'ReturnStatement' ? only.argument : null;
}

/** `PromiseFulfilledResult`, `PromiseRejectedResult` or `PromiseSettledResult` (the lib's, not a local type) as a status. */
function settledTypeName(file: AnalysisFile, type: TSESTree.TypeNode): Known | undefined {
  if (type.type === 'TSUnionType') {
    const members = type.types.map((member) => settledTypeName(file, member));
    if (members.some((member) => member === undefined)) return undefined;
    return members.every((member) => member === members[0]) ? (members[0] ?? null) : null;
  }
  if (type.type !== 'TSTypeReference') return undefined;
  const name = type.typeName.type === 'Identifier' ? type.typeName : null;
  if (!name || !isBuiltinGlobal(file.scopeManager, name, name.name)) return undefined;
  if (name.name === 'PromiseSettledResult') return null;
  if (name.name === 'PromiseFulfilledResult') return 'fulfilled';
  if (name.name === 'PromiseRejectedResult') return 'rejected';
  return undefined;
}

/** What an annotation says a binding holds: settled results (`array`) or one result, and their status. */
function settledAnnotation(file: AnalysisFile, annotation: TSESTree.TSTypeAnnotation | undefined): { array: boolean; known: Known } | null {
  let type = annotation?.typeAnnotation;
  if (!type) return null;
  while (type.type === 'TSTypeOperator' && type.operator === 'readonly' && type.typeAnnotation) type = type.typeAnnotation;
  let array = false;
  if (type.type === 'TSArrayType') {
    array = true;
    type = type.elementType;
  } else if (
    type.type === 'TSTypeReference' &&
    type.typeName.type === 'Identifier' &&
    (type.typeName.name === 'Array' || type.typeName.name === 'ReadonlyArray')
  ) {
    const [element, ...rest] = type.typeArguments?.params ?? [];
    if (!element || rest.length > 0) return null;
    array = true;
    type = element;
  }
  const known = settledTypeName(file, type);
  return known === undefined ? null : { array, known };
}

class SettledResults {
  private readonly found: UnsafeSettledRead[] = [];
  /** Binding patterns already followed (an annotated callback parameter is also reached from its array). */
  private readonly bound = new Set<TSESTree.Node>();

  constructor(private readonly file: AnalysisFile) {}

  find(): readonly UnsafeSettledRead[] {
    const text = this.file.text;
    const annotated = /Promise(?:Settled|Fulfilled|Rejected)Result/.test(text);
    if (!text.includes('allSettled') && !annotated) return [];
    walk(this.file.ast, this.file.visitorKeys, (node) => {
      if (node.type === 'CallExpression') this.fromAllSettled(node);
      else if (annotated && isFunctionNode(node)) for (const param of node.params) this.fromAnnotation(param);
      else if (annotated && node.type === 'VariableDeclarator') this.fromAnnotation(node.id);
    });
    return this.found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  private fromAllSettled(call: TSESTree.CallExpression): void {
    if (call.arguments.length !== 1 || call.optional || promiseStaticCall(this.file, call) !== 'allSettled') return;
    const { parent, child } = valueParent(call);
    if (parent?.type === 'AwaitExpression') {
      this.arrayUses(parent, null);
    } else if (parent?.type === 'MemberExpression' && parent.object === child && memberName(parent) === 'then' && !parent.optional) {
      const then = parent.parent;
      const callback = then?.type === 'CallExpression' && then.callee === parent ? then.arguments[0] : undefined;
      const first = callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') ? callback.params[0] : undefined;
      if (first) this.bindArray(first, null);
    }
  }

  private fromAnnotation(pattern: TSESTree.Node): void {
    const target = pattern.type === 'AssignmentPattern' ? pattern.left : pattern;
    if (target.type !== 'Identifier') return;
    const annotation = settledAnnotation(this.file, target.typeAnnotation);
    if (!annotation) return;
    if (annotation.array) this.bindArray(target, annotation.known);
    else this.bindElement(target, annotation.known);
  }

  /** The pattern a binding takes (past a default), the first time it is followed; `null` after. */
  private claim(pattern: TSESTree.Node): TSESTree.Node | null {
    if (this.bound.has(pattern)) return null;
    this.bound.add(pattern);
    return pattern.type === 'AssignmentPattern' ? pattern.left : pattern;
  }

  /** The variable a name declares, when it is never reassigned (what it holds stays what was followed). */
  private followedVariable(id: TSESTree.Identifier): Variable | null {
    const variable = declaredVariable(this.file, id);
    return variable && isNeverReassigned(variable) ? variable : null;
  }

  /** A binding that holds the results array. */
  private bindArray(pattern: TSESTree.Node, known: Known): void {
    const target = this.claim(pattern);
    if (target?.type === 'Identifier') {
      const variable = this.followedVariable(target);
      if (!variable) return;
      for (const reference of variable.references) {
        if (reference.isRead() && !declares(variable, reference.identifier)) this.arrayUses(reference.identifier, known, variable);
      }
    } else if (target?.type === 'ArrayPattern') {
      for (const element of target.elements) {
        if (!element) continue;
        if (element.type === 'RestElement') this.bindArray(element.argument, known);
        else this.bindElement(element, known);
      }
    }
  }

  /** Where an expression whose value is the results array goes. */
  private arrayUses(expression: TSESTree.Node, known: Known, source: Variable | null = null): void {
    const { parent, child } = valueParent(expression);
    if (!parent) return;
    if (parent.type === 'VariableDeclarator' && parent.init === child) {
      this.bindArray(parent.id, known);
    } else if (parent.type === 'ForOfStatement' && parent.right === child) {
      const declaration = parent.left.type === 'VariableDeclaration' && parent.left.declarations.length === 1 ? parent.left.declarations[0] : undefined;
      if (declaration) this.bindElement(declaration.id, known, source);
    } else if (parent.type === 'MemberExpression' && parent.object === child) {
      if (parent.computed && !(parent.parent?.type === 'CallExpression' && parent.parent.callee === parent)) {
        this.elementExpressionUses(parent, known, source);
        return;
      }
      const method = memberName(parent);
      const call = parent.parent;
      if (method === null || call?.type !== 'CallExpression' || call.callee !== parent || parent.optional) return;
      if (method === 'entries' && call.arguments.length === 0) {
        const loop = valueParent(call);
        if (loop.parent?.type !== 'ForOfStatement' || loop.parent.right !== loop.child || loop.parent.left.type !== 'VariableDeclaration') return;
        const pair = loop.parent.left.declarations[0]?.id;
        const element = pair?.type === 'ArrayPattern' ? pair.elements[1] : undefined;
        if (element && element.type !== 'RestElement') this.bindElement(element, known, source);
        return;
      }
      const index = Object.hasOwn(elementCallbackParameter, method) ? elementCallbackParameter[method] : undefined;
      if (index === undefined) return;
      const callback = call.arguments[0];
      if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
        const param = callback.params[index];
        if (param) this.bindElement(param, known, source);
      }
      // A filtered array's results are some of the source's: a check over all of the source holds for them.
      if (method === 'filter') this.arrayUses(call, known ?? this.filterStatus(call.arguments[0]), source);
    }
  }

  /** `results[i]`: one result, named by its array and index in status checks. */
  private elementExpressionUses(element: TSESTree.MemberExpression, known: Known, source: Variable | null): void {
    const subject = { ...this.indexSubject(element), array: source };
    const { parent, child } = valueParent(element);
    if (parent?.type === 'MemberExpression' && parent.object === child) {
      const field = memberName(parent);
      if ((field === 'value' || field === 'reason') && !isWriteTarget(parent)) this.judge(parent, parent, field, subject, known);
    } else if (parent?.type === 'VariableDeclarator' && parent.init === child) {
      this.bindElement(parent.id, known, source);
    }
  }

  private indexSubject(element: TSESTree.MemberExpression): Subject {
    const array = skipTransparentWrappers(element.object);
    const key = element.property;
    const arrayVariable = array.type === 'Identifier' ? findVariable(innermostScope(this.file.scopeManager, array), array.name) : null;
    const sameKey = (other: TSESTree.Node): boolean => {
      if (key.type === 'Literal' && other.type === 'Literal') return key.value === other.value;
      return key.type === 'Identifier' && other.type === 'Identifier' && key.name === other.name;
    };
    return {
      status: null,
      isResult: (expression) => {
        const candidate = skipTransparentWrappers(expression);
        if (arrayVariable === null || candidate.type !== 'MemberExpression' || !candidate.computed || !sameKey(candidate.property)) return false;
        const object = skipTransparentWrappers(candidate.object);
        return object.type === 'Identifier' && object.name === arrayVariable.name && findVariable(innermostScope(this.file.scopeManager, object), object.name) === arrayVariable;
      },
    };
  }

  /** A binding that holds one result: a name, or an object pattern taking its fields apart. */
  private bindElement(pattern: TSESTree.Node, known: Known, array: Variable | null = null): void {
    // A default for the whole result (`[first = fallback]`) does not change what a result has.
    const target = this.claim(pattern);
    if (target?.type === 'Identifier') {
      const variable = this.followedVariable(target);
      if (!variable) return;
      const subject = variableSubject(variable, array);
      for (const reference of [...variable.references].sort((a, b) => a.identifier.range[0] - b.identifier.range[0])) {
        if (declares(variable, reference.identifier)) continue;
        const { parent, child } = valueParent(reference.identifier);
        if (parent?.type === 'MemberExpression' && parent.object === child) {
          const field = memberName(parent);
          if ((field === 'value' || field === 'reason') && !isWriteTarget(parent) && this.judge(parent, parent, field, subject, known)) return;
        } else if (parent?.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'ObjectPattern') {
          // `const { value } = result` reads the field where the declaration stands.
          if (this.judgePattern(parent.id, parent, subject, known, false)) return;
        }
      }
    } else if (target?.type === 'ObjectPattern') {
      const statusProperty = target.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && propertyKeyName(p) === 'status');
      let status: Variable | null = null;
      if (statusProperty) {
        if (statusProperty.value.type !== 'Identifier') return;
        status = this.followedVariable(statusProperty.value);
        if (!status) return;
      }
      this.judgePattern(target, target, { status, array, isResult: () => false }, known, true);
    }
  }

  /**
   * The `value`/`reason` properties of an object pattern over one result. A property bound to a name
   * is judged at each use of the name when `followNames` (the pattern is the result's own binding), a
   * property taken further apart is read where the pattern stands. Returns whether it reported.
   */
  private judgePattern(pattern: TSESTree.ObjectPattern, at: TSESTree.Node, subject: Subject, known: Known, followNames: boolean): boolean {
    for (const property of pattern.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const field = propertyKeyName(property);
      if (field !== 'value' && field !== 'reason') continue;
      // `{ value = fallback }`: a missing value is handled where it is taken.
      if (property.value.type === 'AssignmentPattern') continue;
      if (property.value.type === 'Identifier' && followNames) {
        const variable = this.followedVariable(property.value);
        if (!variable) continue;
        const uses = variable.references.filter((r) => !declares(variable, r.identifier)).sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
        for (const use of uses) if (this.judge(use.identifier, use.identifier, field, subject, known)) return true;
      } else if (this.judge(property.key, at, field, subject, known)) {
        return true;
      }
    }
    return false;
  }

  /** Reports the read `node` (standing at `at`) unless the result is known or narrowed to have `field`. Returns whether it reported. */
  private judge(node: TSESTree.Node, at: TSESTree.Node, field: SettledField, subject: Subject, known: Known): boolean {
    const need = fieldStatus[field];
    if (known === need || isAbsenceHandled(at)) return false;
    if (known === null && this.isNarrowed(at, subject, need)) return false;
    this.found.push({ node, field });
    return true;
  }

  /** Whether every path to `node` passes a check that the result's status is `need`. */
  private isNarrowed(node: TSESTree.Node, subject: Subject, need: SettledStatus): boolean {
    let child = node;
    let parent = node.parent;
    while (parent) {
      switch (parent.type) {
        case 'ConditionalExpression':
        case 'IfStatement':
          if (child === parent.consequent && this.implies(parent.test, true, subject, need)) return true;
          if (child === parent.alternate && this.implies(parent.test, false, subject, need)) return true;
          break;
        case 'LogicalExpression':
          if (child === parent.right && parent.operator !== '??' && this.implies(parent.left, parent.operator === '&&', subject, need)) return true;
          break;
        case 'SwitchCase':
          if (child !== parent.test && this.switchCaseNarrows(parent, subject, need)) return true;
          break;
        default:
          break;
      }
      const statements = statementList(parent);
      if (statements && this.earlierStatementsNarrow(statements, child, subject, need)) return true;
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  /** An earlier `if (…) <exit>` whose test leaves only `need` after it, or an assertion of the status. */
  private earlierStatementsNarrow(statements: readonly TSESTree.Node[], child: TSESTree.Node, subject: Subject, need: SettledStatus): boolean {
    for (const statement of statements) {
      if (statement === child) return false;
      if (statement.type === 'IfStatement') {
        if (!canCompleteNormally(this.file, statement.consequent) && this.implies(statement.test, false, subject, need)) return true;
        if (statement.alternate && !canCompleteNormally(this.file, statement.alternate) && this.implies(statement.test, true, subject, need)) return true;
      } else if (statement.type === 'ExpressionStatement' && this.assertsStatus(statement.expression, subject, need)) {
        return true;
      }
    }
    return false;
  }

  /**
   * `assert(test)`, `ok(test)`, `equal(status, 'fulfilled')` (and `strictEqual`, `deepEqual`,
   * `deepStrictEqual`, ava's `is`, tap's `same`/`equals`), bare or as a member of anything
   * (`assert.ok`, `t.assert.strictEqual`), awaited or not, and `expect(status).toBe('fulfilled')`
   * (and `toEqual`, `toStrictEqual`): each throws unless the status is as checked, so what follows
   * has it. The names are matched as names: a function of that name that does not throw can only
   * keep the rule quiet, never make it report.
   */
  private assertsStatus(expression: TSESTree.Expression, subject: Subject, need: SettledStatus): boolean {
    let call = skipTransparentWrappers(expression);
    if (call.type === 'AwaitExpression') call = skipTransparentWrappers(call.argument);
    if (call.type !== 'CallExpression') return false;
    const callee = skipTransparentWrappers(call.callee);
    const [first, second] = call.arguments;
    if (!first || first.type === 'SpreadElement') return false;
    // `assert`, `ok`, `strictEqual` … bare (imported from `node:assert`) or as a member
    // (`assert.ok`, node:test's `t.assert.strictEqual`, tap's `t.ok`, ava's `t.is`).
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee) : null;
    const object = callee.type === 'MemberExpression' ? skipTransparentWrappers(callee.object) : null;
    if (name === 'assert' || name === 'ok' || name === 'true') {
      return this.implies(first, true, subject, need);
    }
    if (name !== null && assertEqualNames.has(name)) {
      return second !== undefined && second.type !== 'SpreadElement' && this.isStatusEquality(first, second, subject) === need;
    }
    const method = name;
    if (method !== null && ['toBe', 'toEqual', 'toStrictEqual'].includes(method) && object?.type === 'CallExpression') {
      const expectCallee = skipTransparentWrappers(object.callee);
      const actual = object.arguments[0];
      if (expectCallee.type !== 'Identifier' || expectCallee.name !== 'expect' || !actual || actual.type === 'SpreadElement') return false;
      return this.isStatusEquality(actual, first, subject) === need;
    }
    return false;
  }

  /** The status literal when one side is the result's status and the other that literal. */
  private isStatusEquality(a: TSESTree.Expression, b: TSESTree.Expression, subject: Subject): SettledStatus | null {
    if (this.isStatus(a, subject)) return statusLiteral(skipTransparentWrappers(b));
    if (this.isStatus(b, subject)) return statusLiteral(skipTransparentWrappers(a));
    return null;
  }

  private isStatus(expression: TSESTree.Expression, subject: Subject): boolean {
    const node = skipTransparentWrappers(expression);
    if (node.type === 'Identifier') {
      return subject.status !== null && subject.status.references.some((reference) => reference.identifier === node);
    }
    return node.type === 'MemberExpression' && memberName(node) === 'status' && subject.isResult(node.object);
  }

  /** Whether knowing that `test` is `when` shows the status is `need`. */
  private implies(test: TSESTree.Expression, when: boolean, subject: Subject, need: SettledStatus): boolean {
    const node = skipTransparentWrappers(test);
    switch (node.type) {
      case 'UnaryExpression':
        return node.operator === '!' && this.implies(node.argument, !when, subject, need);
      case 'LogicalExpression': {
        if (node.operator === '??') return false;
        const left = this.implies(node.left, when, subject, need);
        const right = this.implies(node.right, when, subject, need);
        // `a && b` true: both hold; false: one fails. `a || b` the other way round.
        return (node.operator === '&&') === when ? left || right : left && right;
      }
      case 'BinaryExpression': {
        if (node.operator === 'in') {
          const key = node.left.type === 'Literal' ? node.left.value : null;
          if ((key !== 'value' && key !== 'reason') || !subject.isResult(node.right)) return false;
          const shown = fieldStatus[key];
          return when ? shown === need : shown !== need;
        }
        if (!['===', '==', '!==', '!='].includes(node.operator)) return false;
        const literal = this.isStatusEquality(node.left, node.right, subject);
        if (literal === null) return false;
        const equal = (node.operator === '===' || node.operator === '==') === when;
        return equal ? literal === need : literal === otherStatus(need);
      }
      case 'CallExpression': {
        const argument = node.arguments[0];
        if (!argument || argument.type === 'SpreadElement') return false;
        // `results.every(isFulfilled)` true, `results.some(isRejected)` false: every result of the array has the status.
        const callee = skipTransparentWrappers(node.callee);
        const method = callee.type === 'MemberExpression' ? memberName(callee) : null;
        if (callee.type === 'MemberExpression' && (method === 'every' || method === 'some') && this.isSourceArray(callee.object, subject)) {
          if (method === 'every') return when && this.guardStatus(argument) === need;
          return !when && this.guardStatus(argument) === otherStatus(need);
        }
        // A type guard: `isFulfilled(r)` true shows what its predicate says.
        if (!when || !subject.isResult(argument)) return false;
        return this.guardStatus(node.callee) === need;
      }
      default:
        return false;
    }
  }

  /** Whether `expression` names the array the subject's result was taken from. */
  private isSourceArray(expression: TSESTree.Expression, subject: Subject): boolean {
    const node = skipTransparentWrappers(expression);
    const array = subject.array;
    return node.type === 'Identifier' && array !== null && array !== undefined && array.references.some((reference) => reference.identifier === node);
  }

  /** What a `filter` callback keeps: results of one status, when its test shows it. */
  private filterStatus(callback: TSESTree.CallExpressionArgument | undefined): Known {
    return callback && callback.type !== 'SpreadElement' ? this.guardStatus(callback) : null;
  }

  /**
   * The status a predicate function's `true` shows of its first parameter: from a type predicate
   * (`r is PromiseFulfilledResult<T>`) or from the test it returns. A name is followed to the one
   * function it is bound to.
   */
  private guardStatus(callee: TSESTree.Expression): Known {
    let fn: TSESTree.Node = skipTransparentWrappers(callee);
    if (fn.type === 'Identifier') {
      const variable = findVariable(innermostScope(this.file.scopeManager, fn), fn.name);
      const def = variable && variable.defs.length === 1 && isNeverReassigned(variable) ? variable.defs[0] : undefined;
      if (def?.type === 'FunctionName') fn = def.node;
      else if (def?.type === 'Variable' && def.node.init && def.node.id.type === 'Identifier') fn = skipTransparentWrappers(def.node.init);
      else return null;
    }
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return null;
    const param = fn.params[0];
    const predicate = fn.returnType?.typeAnnotation;
    if (predicate?.type === 'TSTypePredicate' && !predicate.asserts && predicate.typeAnnotation && param?.type === 'Identifier' && predicate.parameterName.type === 'Identifier' && predicate.parameterName.name === param.name) {
      const shown = settledTypeName(this.file, predicate.typeAnnotation.typeAnnotation);
      if (shown) return shown;
    }
    const returned = returnedExpression(fn);
    const subject = param && this.parameterSubject(param);
    if (!returned || !subject) return null;
    if (this.implies(returned, true, subject, 'fulfilled')) return 'fulfilled';
    if (this.implies(returned, true, subject, 'rejected')) return 'rejected';
    return null;
  }

  private parameterSubject(param: TSESTree.Parameter): Subject | null {
    if (param.type === 'Identifier') {
      const variable = declaredVariable(this.file, param);
      return variable ? variableSubject(variable, null) : null;
    }
    if (param.type === 'ObjectPattern') {
      const property = param.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && propertyKeyName(p) === 'status');
      const status = property?.value.type === 'Identifier' ? declaredVariable(this.file, property.value) : null;
      return status ? { status, isResult: () => false } : null;
    }
    return null;
  }

  /** `switch (r.status)`: the cases that can reach this one (falling through) all test for `need`. */
  private switchCaseNarrows(switchCase: TSESTree.SwitchCase, subject: Subject, need: SettledStatus): boolean {
    const statement = switchCase.parent;
    if (statement?.type !== 'SwitchStatement' || !this.isStatus(statement.discriminant, subject)) return false;
    const cases = statement.cases;
    for (let i = cases.indexOf(switchCase); i >= 0; i--) {
      const current = cases[i] as TSESTree.SwitchCase;
      if (current.test === null || statusLiteral(skipTransparentWrappers(current.test)) !== need) return false;
      const previous = cases[i - 1];
      const fallsThrough = previous !== undefined && previous.consequent.every((s) => canCompleteNormally(this.file, s));
      if (!fallsThrough) return true;
    }
    return true;
  }
}

/** Assertions that throw unless their two arguments are equal. */
const assertEqualNames = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is', 'same', 'equals']);

/** A result held by a variable: `r.status`, `'value' in r`. */
function variableSubject(variable: Variable, array: Variable | null): Subject {
  const ids = new Set<TSESTree.Node>(variable.references.map((reference) => reference.identifier));
  return { status: null, array, isResult: (expression) => ids.has(skipTransparentWrappers(expression)) };
}

function propertyKeyName(property: TSESTree.Property): string | null {
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : null;
}

function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent?.type === 'AssignmentExpression' && parent.left === member) ||
    parent?.type === 'UpdateExpression' ||
    (parent?.type === 'UnaryExpression' && parent.operator === 'delete')
  );
}

function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      return node.body;
    case 'SwitchCase':
      return node.consequent;
    default:
      return null;
  }
}

/**
 * Whether the read's missing case is handled where it is made: `r.value ?? x`, `r.value || x`,
 * `r.value && …`, `r.value?.id`, a test (`if (r.value)`, `!r.value`, `r.value ? … : …`),
 * `typeof r.value`, or a comparison with `undefined`/`null`.
 */
function isAbsenceHandled(read: TSESTree.Node): boolean {
  let { parent, child } = valueParent(read);
  // `r?.value ?? x`: the optional chain around the read is the value.
  while (parent?.type === 'ChainExpression') ({ parent, child } = valueParent(parent));
  if (!parent) return false;
  switch (parent.type) {
    case 'LogicalExpression':
      return parent.left === child;
    case 'MemberExpression':
      return parent.object === child && parent.optional;
    case 'CallExpression':
      return parent.callee === child && parent.optional;
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return parent.test === child;
    case 'ForStatement':
      return parent.test === child;
    case 'UnaryExpression':
      return parent.operator === '!' || parent.operator === 'typeof';
    case 'BinaryExpression': {
      if (!['===', '==', '!==', '!='].includes(parent.operator)) return false;
      const other = parent.left === child ? parent.right : parent.left;
      return (
        (other.type === 'Identifier' && other.name === 'undefined') ||
        (other.type === 'Literal' && other.value === null && other.raw === 'null') ||
        (other.type === 'UnaryExpression' && other.operator === 'void')
      );
    }
    default:
      return false;
  }
}
