/**
 * Whether the end of a statement can be reached: the structural "can complete normally" of the
 * language, over `return`, `throw`, `break`, `continue`, infinite loops, `switch` fall-through and
 * `try/catch/finally`, plus the calls that end the process (`process.exit()`, `process.abort()` on
 * the global `process`). Nested functions are not entered. It decides whether a `then()` handler
 * can end without returning a value (`always-return`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { methodCallOf } from './promise-methods';
import { isBuiltinGlobal } from './scope';
import { skipTransparentWrappers } from './walk';

interface Completion {
  /** The statement's end is reachable. */
  readonly normal: boolean;
  /** Labels of the `break`s that leave it (`null` for an unlabelled `break`). */
  readonly breaks: ReadonlySet<string | null>;
}

const none: ReadonlySet<string | null> = new Set();

function union(a: ReadonlySet<string | null>, b: ReadonlySet<string | null>): ReadonlySet<string | null> {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Set([...a, ...b]);
}

function without(set: ReadonlySet<string | null>, ...labels: (string | null)[]): ReadonlySet<string | null> {
  if (!labels.some((label) => set.has(label))) return set;
  const out = new Set(set);
  for (const label of labels) out.delete(label);
  return out;
}

/** Whether `expression` is `process.exit()` or `process.abort()` on the global `process`: nothing after it runs. */
export function endsProcess(file: AnalysisFile, expression: TSESTree.Expression): boolean {
  const call = methodCallOf(expression);
  if (!call || (call.method !== 'exit' && call.method !== 'abort')) return false;
  const receiver = skipTransparentWrappers(call.receiver);
  return receiver.type === 'Identifier' && receiver.name === 'process' && isBuiltinGlobal(file.scopeManager, receiver, 'process');
}

function isConstantTrue(test: TSESTree.Expression | null): boolean {
  return test === null || (test.type === 'Literal' && test.value === true);
}

function sequence(file: AnalysisFile, statements: readonly TSESTree.Statement[]): Completion {
  let breaks = none;
  for (const statement of statements) {
    const completion = completionOf(file, statement);
    breaks = union(breaks, completion.breaks);
    if (!completion.normal) return { normal: false, breaks };
  }
  return { normal: true, breaks };
}

function loop(file: AnalysisFile, body: TSESTree.Statement, infinite: boolean, label: string | null): Completion {
  const completion = completionOf(file, body);
  const leaves = completion.breaks.has(null) || (label !== null && completion.breaks.has(label));
  return { normal: !infinite || leaves, breaks: without(completion.breaks, null, label) };
}

function completionOf(file: AnalysisFile, statement: TSESTree.Statement, label: string | null = null): Completion {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
      return { normal: false, breaks: none };
    case 'BreakStatement':
      return { normal: false, breaks: new Set([statement.label?.name ?? null]) };
    case 'ExpressionStatement':
      return { normal: !endsProcess(file, statement.expression), breaks: none };
    case 'BlockStatement':
      return sequence(file, statement.body);
    case 'IfStatement': {
      const consequent = completionOf(file, statement.consequent);
      const alternate = statement.alternate ? completionOf(file, statement.alternate) : { normal: true, breaks: none };
      return { normal: consequent.normal || alternate.normal, breaks: union(consequent.breaks, alternate.breaks) };
    }
    case 'WhileStatement':
      return loop(file, statement.body, isConstantTrue(statement.test), label);
    case 'DoWhileStatement':
      return loop(file, statement.body, isConstantTrue(statement.test), label);
    case 'ForStatement':
      return loop(file, statement.body, isConstantTrue(statement.test), label);
    case 'ForInStatement':
    case 'ForOfStatement':
      return loop(file, statement.body, false, label);
    case 'LabeledStatement': {
      const completion = completionOf(file, statement.body, statement.label.name);
      const broken = completion.breaks.has(statement.label.name);
      return { normal: completion.normal || broken, breaks: without(completion.breaks, statement.label.name) };
    }
    case 'SwitchStatement': {
      let breaks = none;
      let lastNormal = true;
      for (const switchCase of statement.cases) {
        const completion = sequence(file, switchCase.consequent);
        breaks = union(breaks, completion.breaks);
        // Only the last case's end is the switch's end; earlier cases fall through into it.
        lastNormal = completion.normal;
      }
      const hasDefault = statement.cases.some((switchCase) => switchCase.test === null);
      return { normal: !hasDefault || lastNormal || breaks.has(null), breaks: without(breaks, null) };
    }
    case 'TryStatement': {
      const block = completionOf(file, statement.block);
      const handler = statement.handler ? completionOf(file, statement.handler.body) : null;
      const finalizer = statement.finalizer ? completionOf(file, statement.finalizer) : null;
      const breaks = union(union(block.breaks, handler?.breaks ?? none), finalizer?.breaks ?? none);
      if (finalizer && !finalizer.normal) return { normal: false, breaks };
      return { normal: block.normal || (handler?.normal ?? false), breaks };
    }
    case 'WithStatement':
      return completionOf(file, statement.body);
    default:
      return { normal: true, breaks: none };
  }
}

/** Whether control can reach the end of `block` (a function body) without a `return`, a `throw` or ending the process. */
export function canReachEnd(file: AnalysisFile, block: TSESTree.BlockStatement): boolean {
  return completionOf(file, block).normal;
}

/**
 * Whether control can leave `statement` at its end (not by `return`, `throw`, `break`, `continue` or
 * ending the process): what follows an `if (…) return;` runs only when its test was false.
 */
export function canCompleteNormally(file: AnalysisFile, statement: TSESTree.Statement): boolean {
  return completionOf(file, statement).normal;
}
