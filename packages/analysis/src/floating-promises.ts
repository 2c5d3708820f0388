/**
 * Floating promises: an expression statement whose value is a promise nobody awaits, returns or
 * handles, so its rejection is lost (an `unhandledRejection`, which ends a Node process by default).
 *
 * The judgement is typescript-eslint's `no-floating-promises`, asked of the {@link TypeOracle}: with
 * types it is exact; without, a statement is reported only when the declaration index shows its value
 * is a promise, and everything else stays quiet.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { checkedPlan } from './invariant';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import { ScopedSpace, type TypeBinding, type ValueBinding } from './declarations/space';

/**
 * typescript-eslint's `TypeOrValueSpecifier`: a plain name, or a name declared in the project's
 * files (`file`, optionally one `path`), in TypeScript's lib (`lib`), or exported by a package.
 */
export type TypeOrValueSpecifier =
  | string
  | { readonly from: 'file'; readonly name: string | readonly string[]; readonly path?: string }
  | { readonly from: 'lib'; readonly name: string | readonly string[] }
  | { readonly from: 'package'; readonly name: string | readonly string[]; readonly package: string };

export interface FloatingPromiseOptions {
  /** `void p;` marks a promise as deliberately ignored (default true). */
  readonly ignoreVoid?: boolean;
  /** Skip `(async () => { … })();` at statement level (default false). */
  readonly ignoreIIFE?: boolean;
  /** Also report thenables that are not built-in promises, e.g. a declared `PromiseLike` (default false). */
  readonly checkThenables?: boolean;
  /** Calls whose promises may float: their callee matches one of these. */
  readonly allowForKnownSafeCalls?: readonly TypeOrValueSpecifier[];
  /** Promises that may float: their declared type's name matches one of these. */
  readonly allowForKnownSafePromises?: readonly TypeOrValueSpecifier[];
  /**
   * Test runners' `describe`/`it`/`test`/`suite` and hooks (node:test, vitest, jest, mocha's globals):
   * the runner awaits what they return, so a statement calling one is not floating (default true).
   */
  readonly allowTestRunnerCalls?: boolean;
}

export type FloatingKind =
  /** A promise nobody handles. */
  | 'floating'
  /** An array of promises nobody handles (`[a(), b()];`, `xs.map(async …);` on an array). */
  | 'promise-array'
  /** `.catch(x)` or `.then(f, x)` where `x` is shown not to be a function: the rejection still floats. */
  | 'non-function-handler';

export type FloatingSuggestionKind = 'void' | 'await' | 'catch';

export interface FloatingPromise {
  readonly node: TSESTree.Expression;
  readonly kind: FloatingKind;
  /** Ways to handle it, each a `review` plan (a suggestion: each changes when or whether an error surfaces). */
  readonly suggestions: readonly { readonly kind: FloatingSuggestionKind; readonly plan: Plan }[];
}

/** Packages whose test functions the runner awaits itself. */
const testRunnerModules = new Set(['node:test', 'test', 'vitest', '@jest/globals', 'mocha', 'bun:test']);
const testRunnerFunctions = new Set([
  'describe',
  'it',
  'test',
  'suite',
  'context',
  'before',
  'after',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
]);

/** Operands that need parentheses after a prefix (`void`, `await`) or before a `.catch(…)`. */
const lowPrecedence = new Set<string>([
  'SequenceExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'BinaryExpression',
  'AssignmentExpression',
  'ArrowFunctionExpression',
  'YieldExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
]);

/** Operands that need parentheses before a member access (`x.catch`), beyond the low-precedence ones. */
const needsParensForMember = new Set<string>([...lowPrecedence, 'UnaryExpression', 'AwaitExpression', 'UpdateExpression', 'NewExpression', 'FunctionExpression', 'ClassExpression', 'ObjectExpression', 'Literal']);

function unwrapChain(node: TSESTree.Expression): TSESTree.Expression {
  return node.type === 'ChainExpression' ? node.expression : node;
}

function names(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function staticName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return null;
}

/** Where a name comes from, as typescript-eslint's specifiers tell them apart. */
type Origin =
  | { readonly kind: 'import'; readonly source: string; readonly imported: string }
  | { readonly kind: 'local' }
  | { readonly kind: 'global' };

function originOf(binding: ValueBinding | TypeBinding | null): Origin {
  if (!binding) return { kind: 'global' };
  if (binding.kind === 'import') return { kind: 'import', source: binding.source, imported: binding.imported };
  return { kind: 'local' };
}

function isRelative(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/');
}

/** Whether a name matches a specifier: a plain name anywhere; else declared in the project, in the lib, or by the package. */
function matchesSpecifier(specifier: TypeOrValueSpecifier, name: string, origin: Origin): boolean {
  const exported = origin.kind === 'import' && origin.imported !== 'default' && origin.imported !== '*' ? origin.imported : name;
  if (typeof specifier === 'string') return specifier === name || specifier === exported;
  const wanted = names(specifier.name);
  switch (specifier.from) {
    case 'package':
      return origin.kind === 'import' && origin.source === specifier.package && wanted.includes(exported);
    case 'lib':
      return origin.kind === 'global' && wanted.includes(name);
    case 'file':
      return (origin.kind === 'local' || (origin.kind === 'import' && isRelative(origin.source))) && wanted.includes(exported);
  }
}

class FloatingJudge {
  private readonly space: ScopedSpace;
  private readonly ignoreVoid: boolean;
  private readonly checkThenables: boolean;

  constructor(
    private readonly file: AnalysisFile,
    private readonly options: FloatingPromiseOptions,
  ) {
    this.space = new ScopedSpace(file.scopeManager, null, () => false);
    this.ignoreVoid = options.ignoreVoid ?? true;
    this.checkThenables = options.checkThenables ?? false;
  }

  private isPromise(node: TSESTree.Expression): boolean {
    const kind = this.file.oracle.promiseKind(node);
    if (kind === 'promise') return !this.isKnownSafePromise(node);
    return kind === 'thenable' && this.checkThenables && !this.isKnownSafePromise(node);
  }

  /** Whether the statement's value is unhandled, and how. */
  unhandled(node: TSESTree.Expression): FloatingKind | null {
    switch (node.type) {
      case 'ChainExpression':
        return this.unhandled(node.expression);
      case 'AssignmentExpression':
        return null;
      case 'SequenceExpression':
        for (const expression of node.expressions) {
          const kind = this.unhandled(expression);
          if (kind) return kind;
        }
        return null;
      case 'UnaryExpression':
        return node.operator === 'void' && !this.ignoreVoid ? this.unhandled(node.argument) : null;
      case 'ConditionalExpression':
        return this.unhandled(node.consequent) ?? this.unhandled(node.alternate);
      case 'LogicalExpression':
        return this.unhandled(node.left) ?? this.unhandled(node.right);
      case 'ArrayExpression':
        return this.file.oracle.isPromiseArray(node) === 'yes' ? 'promise-array' : null;
      case 'CallExpression':
        return this.file.oracle.isPromiseArray(node) === 'yes' ? 'promise-array' : this.unhandledCall(node);
      default:
        if (this.isPromise(node)) return 'floating';
        return this.file.oracle.isPromiseArray(node) === 'yes' ? 'promise-array' : null;
    }
  }

  private unhandledCall(node: TSESTree.CallExpression): FloatingKind | null {
    const callee = node.callee;
    if (!this.isPromise(node)) return null;
    if (this.isKnownSafeCall(node)) return null;
    if (callee.type === 'MemberExpression') {
      const name = staticName(callee);
      if (name === 'catch' && node.arguments.length >= 1) return this.handlerKind(node.arguments[0]);
      if (name === 'then' && node.arguments.length >= 2) return this.handlerKind(node.arguments[1]);
      if (name === 'finally') return this.unhandled(callee.object);
    }
    return 'floating';
  }

  /** A rejection handler shown not to be a function leaves the rejection unhandled; one not known to be is trusted. */
  private handlerKind(handler: TSESTree.CallExpressionArgument | undefined): FloatingKind | null {
    if (!handler || handler.type === 'SpreadElement') return null;
    if (handler.type === 'Literal' || (handler.type === 'Identifier' && handler.name === 'undefined' && !this.space.value('undefined', handler))) {
      return 'non-function-handler';
    }
    return null;
  }

  isIife(node: TSESTree.Expression): boolean {
    const call = unwrapChain(node);
    return call.type === 'CallExpression' && (call.callee.type === 'ArrowFunctionExpression' || call.callee.type === 'FunctionExpression');
  }

  /** What the callee of `call` is bound to: its name, and where that name comes from. */
  private calleeOrigin(callee: TSESTree.Expression): { name: string; origin: Origin } | null {
    if (callee.type === 'Identifier') return { name: callee.name, origin: originOf(this.space.value(callee.name, callee)) };
    if (callee.type === 'MemberExpression') {
      const name = staticName(callee);
      if (name === null) return null;
      // `api.track()`: the member of a namespace import, or of something local.
      const object = callee.object.type === 'Identifier' ? this.space.value(callee.object.name, callee) : null;
      if (object?.kind === 'import' && object.imported === '*') return { name, origin: { kind: 'import', source: object.source, imported: name } };
      return { name, origin: { kind: 'local' } };
    }
    return null;
  }

  private isTestRunnerCall(call: TSESTree.CallExpression): boolean {
    let callee: TSESTree.Node = call.callee;
    // `describe.only(…)`, `it.skip(…)`, `test.each(table)(…)`.
    while (callee.type === 'CallExpression') callee = callee.callee;
    while (callee.type === 'MemberExpression' && callee.object.type !== 'ThisExpression') {
      if (callee.object.type === 'Identifier') {
        callee = callee.object;
        break;
      }
      callee = callee.object;
    }
    if (callee.type !== 'Identifier') return false;
    const binding = this.space.value(callee.name, callee);
    if (binding?.kind === 'import') {
      return testRunnerModules.has(binding.source) && (binding.imported === 'default' || testRunnerFunctions.has(binding.imported));
    }
    // Globals of jest, mocha and vitest's `globals: true`.
    return binding === null && testRunnerFunctions.has(callee.name);
  }

  private isKnownSafeCall(call: TSESTree.CallExpression): boolean {
    if ((this.options.allowTestRunnerCalls ?? true) && this.isTestRunnerCall(call)) return true;
    const specifiers = this.options.allowForKnownSafeCalls ?? [];
    if (specifiers.length === 0) return false;
    const callee = this.calleeOrigin(call.callee);
    if (!callee) return false;
    return specifiers.some((specifier) => matchesSpecifier(specifier, callee.name, callee.origin));
  }

  private isKnownSafePromise(node: TSESTree.Expression): boolean {
    const specifiers = this.options.allowForKnownSafePromises ?? [];
    if (specifiers.length === 0) return false;
    const typeName = this.declaredTypeName(unwrapChain(node));
    if (typeName === null) return false;
    return specifiers.some((specifier) => matchesSpecifier(specifier, typeName.name, typeName.origin));
  }

  /** The name of the declared type of a value, when the code writes one (`(): SafePromise<T>`, `x: SafePromise`). */
  private declaredTypeName(node: TSESTree.Expression): { name: string; origin: Origin } | null {
    let annotation: TSESTree.TypeNode | undefined;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier') {
      const binding = this.space.value(node.callee.name, node.callee);
      if (binding?.kind === 'declarations') {
        const fn = binding.nodes[0];
        if (fn && (fn.type === 'FunctionDeclaration' || fn.type === 'TSDeclareFunction')) annotation = fn.returnType?.typeAnnotation;
      } else if (binding?.kind === 'variable') {
        const init = binding.declarator.init;
        if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) annotation = init.returnType?.typeAnnotation;
      }
    } else if (node.type === 'Identifier') {
      const binding = this.space.value(node.name, node);
      if (binding?.kind === 'variable') annotation = binding.id.typeAnnotation?.typeAnnotation;
      if (binding?.kind === 'parameter') annotation = binding.annotation ?? undefined;
    }
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return null;
    const name = annotation.typeName.name;
    return { name, origin: originOf(this.space.type(name, annotation)) };
  }

  /** Whether `await` may be written where `node` is: in an async function, or at a module's top level. */
  private canAwait(node: TSESTree.Node): boolean {
    let current = node.parent;
    while (current) {
      if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
        return current.async;
      }
      if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return false;
      current = current.parent;
    }
    return this.file.ast.sourceType === 'module';
  }

  suggestions(statement: TSESTree.ExpressionStatement, kind: FloatingKind): FloatingPromise['suggestions'] {
    const expression = statement.expression;
    const [start, end] = expression.range;
    const source = this.file.text.slice(start, end);
    const wrapped = lowPrecedence.has(expression.type) ? `(${source})` : source;
    const owned = { owned: [statement], vocabulary: { removed: [], added: [] as string[] } };
    const out: { kind: FloatingSuggestionKind; plan: Plan }[] = [];
    if (this.ignoreVoid) {
      out.push({
        kind: 'void',
        plan: checkedPlan(this.file, 'review', [{ range: [start, end], text: `void ${wrapped}` }], { ...owned, vocabulary: { removed: [], added: ['void'] } }),
      });
    }
    if (kind === 'promise-array') return out;
    if (this.canAwait(statement)) {
      // `void p` (reported when ignoreVoid is off) becomes `await p`, as typescript-eslint's suggestion does.
      const isVoid = expression.type === 'UnaryExpression' && expression.operator === 'void';
      const edit = isVoid
        ? { range: [start, expression.argument.range[0]] as const, text: 'await ' }
        : { range: [start, end] as const, text: `await ${wrapped}` };
      out.push({
        kind: 'await',
        plan: checkedPlan(this.file, 'review', [edit], { ...owned, vocabulary: { removed: isVoid ? ['void'] : [], added: ['await'] } }),
      });
    }
    // A statement may not start with `(` where the line before could run into it; offer `.catch` only without one.
    if (kind === 'floating' && !needsParensForMember.has(unwrapChain(expression).type)) {
      out.push({
        kind: 'catch',
        plan: checkedPlan(this.file, 'review', [{ range: [end, end], text: '.catch((error) => console.error(error))' }], {
          ...owned,
          vocabulary: { removed: [], added: ['catch', 'error', 'console'] },
        }),
      });
    }
    return out;
  }
}

/**
 * The floating promise an expression statement leaves, or null. Call it for each `ExpressionStatement`
 * (rules do it from their listener; nothing here walks the file).
 */
export function findFloatingPromise(
  file: AnalysisFile,
  statement: TSESTree.ExpressionStatement,
  options: FloatingPromiseOptions = {},
): FloatingPromise | null {
  // Directives (`'use strict';`) are expression statements too.
  if (statement.directive !== undefined && statement.directive !== null) return null;
  const judge = new FloatingJudge(file, options);
  if (options.ignoreIIFE && judge.isIife(statement.expression)) return null;
  const kind = judge.unhandled(statement.expression);
  if (!kind) return null;
  return { node: statement.expression, kind, suggestions: judge.suggestions(statement, kind) };
}
