/**
 * Facts about an `async` function shared by the rules that judge one (`require-await`,
 * `no-async-promise-executor`): what it awaits and returns, what ESLint calls it in a message, where
 * its head is, and the plan that removes its `async`.
 */
import type { TSESTree } from '@typescript-eslint/types';
import jsTokens from 'js-tokens';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { findPunctuator, nextCodeOffset, previousCodeOffset } from './trivia';
import { type FunctionNode, isFunctionNode, walk } from './walk';

/** What a function's own body does, not counting nested functions (which have their own). */
export interface OwnBodyFacts {
  /** An `await`, `for await` or `await using` of the function itself. */
  readonly awaits: boolean;
  /** Values it returns: each `return x`'s `x`, or an arrow's expression body. */
  readonly returned: readonly TSESTree.Expression[];
  /** Its `yield` and `yield*` expressions. */
  readonly yields: readonly TSESTree.YieldExpression[];
  /** Whether it has a `return;` without a value. */
  readonly bareReturn: boolean;
  /** Its `throw` statements. */
  readonly throws: readonly TSESTree.ThrowStatement[];
}

const factsCache = new WeakMap<FunctionNode, OwnBodyFacts>();

/** The function's own awaits, returns and yields, found by one walk of its body that skips nested functions. */
export function ownBodyFacts(file: AnalysisFile, fn: FunctionNode): OwnBodyFacts {
  const cached = factsCache.get(fn);
  if (cached) return cached;
  let awaits = false;
  let bareReturn = false;
  const returned: TSESTree.Expression[] = [];
  const yields: TSESTree.YieldExpression[] = [];
  const throws: TSESTree.ThrowStatement[] = [];
  if (fn.body.type !== 'BlockStatement') returned.push(fn.body);
  walk(fn.body, file.visitorKeys, (node) => {
    if (node !== fn.body && isFunctionNode(node)) return false;
    switch (node.type) {
      case 'AwaitExpression':
        awaits = true;
        break;
      case 'ForOfStatement':
        if (node.await) awaits = true;
        break;
      case 'VariableDeclaration':
        if (node.kind === 'await using') awaits = true;
        break;
      case 'ReturnStatement':
        if (node.argument) returned.push(node.argument);
        else bareReturn = true;
        break;
      case 'YieldExpression':
        yields.push(node);
        break;
      case 'ThrowStatement':
        throws.push(node);
        break;
      default:
        break;
    }
    return true;
  });
  const facts = { awaits, returned, yields, bareReturn, throws };
  factsCache.set(fn, facts);
  return facts;
}

/** The node whose text holds a method's `async`: the method or property for a method's function, else the function. */
export function nodeWithAsyncKeyword(fn: FunctionNode): TSESTree.Node {
  const parent = fn.parent;
  if (parent?.type === 'MethodDefinition' && parent.value === fn) return parent;
  if (parent?.type === 'Property' && parent.method && parent.value === fn) return parent;
  return fn;
}

/** The range of the function's `async` keyword, or `null` when it has none. */
export function asyncKeywordRange(file: AnalysisFile, fn: FunctionNode): readonly [number, number] | null {
  if (!fn.async) return null;
  const holder = nodeWithAsyncKeyword(fn);
  if (holder === fn) return [fn.range[0], fn.range[0] + 5];
  // A method's modifiers come before its key: decorators, `static`, `override`, `public`, `async`.
  const member = holder as TSESTree.MethodDefinition | TSESTree.Property;
  const decorators = 'decorators' in member ? (member.decorators ?? []) : [];
  const from = decorators.length > 0 ? (decorators[decorators.length - 1] as TSESTree.Decorator).range[1] : member.range[0];
  const to = member.computed ? previousCodeOffset(file, member.key.range[0]) : member.key.range[0];
  let offset = from;
  for (const token of jsTokens(file.text.slice(from, to))) {
    if (token.type === 'IdentifierName' && token.value === 'async') return [offset, offset + 5];
    offset += token.value.length;
  }
  return null;
}

function staticStringValue(node: TSESTree.Node): string | null {
  if (node.type === 'Literal') {
    if ('regex' in node && node.regex) return `/${node.regex.pattern}/${node.regex.flags}`;
    if ('bigint' in node && typeof node.bigint === 'string') return node.bigint;
    return String(node.value);
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

function staticKeyName(member: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (member.key.type === 'Identifier' && !member.computed) return member.key.name;
  return staticStringValue(member.key);
}

/**
 * What ESLint calls a function in messages ("Async function 'load'", "Async arrow function",
 * "Static async method 'open'"): ESLint core's `getFunctionNameWithKind`, capitalised as
 * `require-await` prints it, so the message text is the same.
 */
export function describeFunction(fn: FunctionNode): string {
  const parent = fn.parent;
  const words: string[] = [];
  const member = parent && (parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition' || parent.type === 'Property') ? parent : null;
  if (member && member.type !== 'Property') {
    if (member.static) words.push('static');
    if (!member.computed && member.key.type === 'PrivateIdentifier') words.push('private');
  }
  if (fn.async) words.push('async');
  if (fn.generator) words.push('generator');
  if (member?.type === 'Property' || member?.type === 'MethodDefinition') {
    if (member.kind === 'constructor') return 'Constructor';
    words.push(member.kind === 'get' ? 'getter' : member.kind === 'set' ? 'setter' : 'method');
  } else if (member?.type === 'PropertyDefinition') {
    words.push('method');
  } else {
    if (fn.type === 'ArrowFunctionExpression') words.push('arrow');
    words.push('function');
  }
  if (member) {
    if (!member.computed && member.key.type === 'PrivateIdentifier') words.push(`#${member.key.name}`);
    else {
      const name = staticKeyName(member);
      if (name !== null) words.push(`'${name}'`);
      else if (fn.id) words.push(`'${fn.id.name}'`);
    }
  } else if (fn.id) {
    words.push(`'${fn.id.name}'`);
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The offset of the `(` that opens the parameters (or an arrow's lone unparenthesised parameter). */
function paramsStart(file: AnalysisFile, fn: FunctionNode): number {
  if (fn.type === 'ArrowFunctionExpression' && fn.params.length === 1) {
    const param = fn.params[0] as TSESTree.Parameter;
    const before = previousCodeOffset(file, param.range[0]);
    return before >= 0 && file.text[before] === '(' ? before : param.range[0];
  }
  const from = fn.typeParameters?.range[1] ?? fn.id?.range[1] ?? fn.range[0];
  const found = findPunctuator(file, '(', from, fn.body.range[0]);
  return found >= 0 ? found : fn.range[0];
}

/** The offset of an arrow function's `=>`. */
export function arrowOffset(file: AnalysisFile, fn: TSESTree.ArrowFunctionExpression): number {
  const lastParam = fn.params[fn.params.length - 1];
  const from = fn.returnType?.range[1] ?? lastParam?.range[1] ?? fn.typeParameters?.range[1] ?? fn.range[0];
  const found = findPunctuator(file, '=>', from, fn.body.range[0]);
  return found >= 0 ? found : fn.body.range[0];
}

/**
 * The part of a function ESLint reports on (`getFunctionHeadLoc`): a method or property from its
 * start to its parameters, an arrow's `=>`, a function from `async` to its parameters.
 */
export function functionHeadRange(file: AnalysisFile, fn: FunctionNode): readonly [number, number] {
  const parent = fn.parent;
  if (parent && (parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition')) {
    return [parent.range[0], paramsStart(file, fn)];
  }
  if (fn.type === 'ArrowFunctionExpression') {
    const arrow = arrowOffset(file, fn);
    return [arrow, arrow + 2];
  }
  return [fn.range[0], paramsStart(file, fn)];
}

/** Statement lists, where a statement may follow another without a separator but ASI's. */
function isInStatementList(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'TSModuleBlock':
      return true;
    case 'SwitchCase':
      return parent.consequent.includes(statement as TSESTree.Statement);
    default:
      return false;
  }
}

/**
 * Whether removing `async` lets the code before it run on into what follows (ASI no longer applies):
 * `x = 1\n async [key]() {}` in a class body becomes `x = 1\n[key]() {}`, read as `1[key]()`; an
 * arrow at the start of a statement becomes `(…) => …` after the previous line. A `;` is then put
 * where `async` was. When unsure it answers true: an empty statement or class element changes nothing.
 */
function needsSemicolonAfterRemoval(file: AnalysisFile, fn: FunctionNode, asyncEnd: number): boolean {
  const next = file.text[nextCodeOffset(file, asyncEnd)];
  const holder = nodeWithAsyncKeyword(fn);
  if (holder.type === 'MethodDefinition') {
    if (next !== '[' && next !== '*') return false;
    const body = holder.parent;
    const index = body.body.indexOf(holder);
    const previous = index > 0 ? body.body[index - 1] : undefined;
    if (!previous || (previous.type !== 'PropertyDefinition' && previous.type !== 'AccessorProperty' && previous.type !== 'TSAbstractPropertyDefinition')) return false;
    return file.text[previous.range[1] - 1] !== ';';
  }
  if (next !== '(' && next !== '[') return false;
  // The function at the very start of an expression statement (`async () => {}` as a statement).
  let statement: TSESTree.Node | undefined = fn.parent;
  while (statement && statement.range[0] === fn.range[0] && statement.type !== 'ExpressionStatement') statement = statement.parent;
  if (!statement || statement.type !== 'ExpressionStatement' || statement.range[0] !== fn.range[0]) return false;
  if (!isInStatementList(statement)) return false;
  const before = previousCodeOffset(file, statement.range[0]);
  if (before < 0) return false;
  const char = file.text[before];
  return char !== ';' && char !== '{' && char !== ':';
}

/**
 * Removing `async`: the function then returns its value instead of a promise of it, and a throw
 * leaves it as an exception instead of a rejection, so the plan is a `review` one (a suggestion),
 * never a fix. It also unwraps a declared `Promise<T>` to `T` (`AsyncGenerator` to `Generator`), as
 * typescript-eslint's suggestion does; any other declared return type would no longer fit, so the
 * plan is refused (`return-type-not-rewritable`), as it is when the function awaits
 * (`function-awaits`: without `async`, `await` does not parse).
 */
export function planRemoveAsync(file: AnalysisFile, fn: FunctionNode): Plan {
  if (!asyncKeywordRange(file, fn)) return refusedPlan({ reason: 'would-lose-code', message: 'asyncwise could not find the `async` keyword. This is an asyncwise bug.' });
  if (ownBodyFacts(file, fn).awaits) {
    return refusedPlan({ reason: 'function-awaits', message: 'The function uses `await`, which needs `async`.' });
  }
  const edits = asyncRemovalEdits(file, fn, 'unwrap');
  if (!edits) {
    return refusedPlan({
      reason: 'return-type-not-rewritable',
      message: 'The declared return type would no longer fit a function without `async`; change it by hand.',
    });
  }
  return checkedPlan(file, 'review', edits, {
    owned: [nodeWithAsyncKeyword(fn)],
    vocabulary: { removed: ['async', 'Promise', 'AsyncGenerator'], added: ['Generator'] },
  });
}

/**
 * The edits that take `async` off a function (with the `;` that keeps the previous line apart where
 * ASI needs one) and fit its declared return type: `'unwrap'` makes `Promise<T>` `T` (and
 * `AsyncGenerator` `Generator`), `'void'` makes `Promise<void>`, `Promise<undefined>` and `void`
 * itself `void`. `null` when the function has no `async` or its return type does not fit; the
 * caller checks the plan (and whether the body still needs `async`).
 */
export function asyncRemovalEdits(file: AnalysisFile, fn: FunctionNode, returnType: 'unwrap' | 'void'): TextEdit[] | null {
  const range = asyncKeywordRange(file, fn);
  if (!range) return null;
  const edits: TextEdit[] = [];
  let end = range[1];
  while (end < file.text.length && /\s/.test(file.text.charAt(end))) end++;
  edits.push({ range: [range[0], end], text: needsSemicolonAfterRemoval(file, fn, range[1]) ? ';' : '' });
  const annotation = fn.returnType?.typeAnnotation;
  if (annotation) {
    const reference = annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' ? annotation : null;
    const typeName = reference?.typeName.type === 'Identifier' ? reference.typeName.name : null;
    if (returnType === 'void') {
      if (annotation.type === 'TSVoidKeyword') return edits;
      const only = reference?.typeArguments?.params.length === 1 ? reference.typeArguments.params[0] : undefined;
      if (typeName !== 'Promise' || (only?.type !== 'TSVoidKeyword' && only?.type !== 'TSUndefinedKeyword')) return null;
      edits.push({ range: annotation.range, text: 'void' });
    } else if (reference && fn.generator && typeName === 'AsyncGenerator') {
      edits.push({ range: reference.typeName.range, text: 'Generator' });
    } else if (reference?.typeArguments && !fn.generator && typeName === 'Promise') {
      // `Promise<T>` → `T`: the name and `<` go, and the closing `>`.
      const args = reference.typeArguments;
      edits.push({ range: [reference.typeName.range[0], args.range[0] + 1], text: '' });
      edits.push({ range: [args.range[1] - 1, args.range[1]], text: '' });
    } else {
      return null;
    }
  }
  return edits;
}

/** Where `async` goes: before a method's key (after its decorators and modifiers), else before the function. */
function asyncInsertionOffset(file: AnalysisFile, fn: FunctionNode): number {
  const holder = nodeWithAsyncKeyword(fn);
  if (holder === fn) return fn.range[0];
  const member = holder as TSESTree.MethodDefinition | TSESTree.Property;
  return member.computed ? previousCodeOffset(file, member.key.range[0]) : member.key.range[0];
}

/**
 * Adding `async` to a function that returns a promise: the same value then arrives through another
 * promise (one more microtask, a different object), and a synchronous throw becomes a rejection,
 * so the plan is a `review` one (a suggestion), never a fix.
 */
export function planAddAsync(file: AnalysisFile, fn: FunctionNode): Plan {
  const at = asyncInsertionOffset(file, fn);
  // `return(x) => p` has no space to keep `return` and `async` apart.
  const glue = /[\p{ID_Continue}$\u200c\u200d]/u.test(file.text[at - 1] ?? '') ? ' ' : '';
  return checkedPlan(file, 'review', [{ range: [at, at], text: `${glue}async ` }], {
    owned: [nodeWithAsyncKeyword(fn)],
    vocabulary: { added: ['async'], removed: [] },
  });
}
