import { findMissingAsync, type FunctionLike, functionHeadRange } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [
  {
    allowAny?: boolean;
    allowedPromiseNames?: string[];
    checkArrowFunctions?: boolean;
    checkFunctionDeclarations?: boolean;
    checkFunctionExpressions?: boolean;
    checkMethodDeclarations?: boolean;
  },
];
export type MessageIds = 'missingAsync' | 'missingAsyncHybridReturn' | 'addAsync';

export default createRule<Options, MessageIds>({
  name: 'promise-function-async',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require any function or method that returns a Promise to be marked async',
      // Not in `recommended`: a style rule (typescript-eslint keeps it out of its configs too).
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // typescript-eslint's messages word for word; `addAsync` is ours (theirs is a fix).
    messages: {
      missingAsync: 'Functions that return promises must be async.',
      missingAsyncHybridReturn:
        'Functions that return promises must be async. Consider adding an explicit return type annotation if the function is intended to return a union of promise and non-promise types.',
      addAsync: 'Add `async`: a synchronous throw then becomes a rejection.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowAny: { type: 'boolean', description: 'Whether to consider `any` and `unknown` to be Promises.' },
          allowedPromiseNames: {
            type: 'array',
            description: 'Any extra names of classes or interfaces to be considered Promises.',
            items: { type: 'string' },
          },
          checkArrowFunctions: { type: 'boolean', description: 'Whether to check arrow functions.' },
          checkFunctionDeclarations: { type: 'boolean', description: 'Whether to check standalone function declarations.' },
          checkFunctionExpressions: { type: 'boolean', description: 'Whether to check inline function expressions' },
          checkMethodDeclarations: { type: 'boolean', description: 'Whether to check methods on classes and object literals.' },
        },
      },
    ],
    defaultOptions: [
      {
        allowAny: true,
        allowedPromiseNames: [],
        checkArrowFunctions: true,
        checkFunctionDeclarations: true,
        checkFunctionExpressions: true,
        checkMethodDeclarations: true,
      },
    ],
  },
  create(context, [options]) {
    const check = (fn: FunctionLike) => {
      const file = analysisFileFor(context);
      const finding = findMissingAsync(file, fn, options);
      if (!finding) return;
      const [start, end] = functionHeadRange(file, fn);
      context.report({
        node: fn,
        loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
        messageId: finding.kind === 'hybrid' ? 'missingAsyncHybridReturn' : 'missingAsync',
        ...(finding.plan ? getSuggestions([{ plan: finding.plan, messageId: 'addAsync' }]) : {}),
      });
    };
    return {
      ...(options.checkArrowFunctions && { 'ArrowFunctionExpression[async=false]': check }),
      ...(options.checkFunctionDeclarations && { 'FunctionDeclaration[async=false]': check }),
      'FunctionExpression[async=false]'(fn: TSESTree.FunctionExpression) {
        const isMethod = fn.parent.type === 'MethodDefinition' && fn.parent.kind === 'method';
        if (isMethod ? options.checkMethodDeclarations : options.checkFunctionExpressions) check(fn);
      },
    };
  },
});
