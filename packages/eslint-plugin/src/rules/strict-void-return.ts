import { findVoidMemberMisuses, findVoidReturnMisuses, functionHeadRange, type VoidReturnFinding } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [{ allowReturnAny?: boolean }];
export type MessageIds = 'asyncFunc' | 'nonVoidFunc' | 'nonVoidReturn' | 'suggestAddVoidOp' | 'suggestWrapInAsyncIIFE';

export default createRule<Options, MessageIds>({
  name: 'strict-void-return',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing a value-returning function in a position accepting a void function',
      // In no config: TypeScript allows it on purpose, and most such values are harmless (typescript-eslint keeps it out too).
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // typescript-eslint's messages word for word.
    messages: {
      asyncFunc: 'Async function used in a context where a void function is expected.',
      nonVoidFunc: 'Value-returning function used in a context where a void function is expected.',
      nonVoidReturn: 'Value returned in a context where a void return is expected.',
      suggestAddVoidOp: 'Add a void operator to discard the return value.',
      suggestWrapInAsyncIIFE: 'Wrap the function body in an async IIFE.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowReturnAny: {
            type: 'boolean',
            description: 'Whether to allow functions returning `any` to be used in place expecting a `void` function.',
          },
        },
      },
    ],
    defaultOptions: [{ allowReturnAny: false }],
  },
  create(context, [options]) {
    const file = () => analysisFileFor(context);
    const report = (findings: readonly VoidReturnFinding[]) => {
      for (const finding of findings) {
        const analysis = file();
        const range =
          finding.head && (finding.node.type === 'ArrowFunctionExpression' || finding.node.type === 'FunctionExpression')
            ? functionHeadRange(analysis, finding.node)
            : null;
        const suggestion = finding.suggestion;
        context.report({
          node: finding.node,
          ...(range ? { loc: { start: context.sourceCode.getLocFromIndex(range[0]), end: context.sourceCode.getLocFromIndex(range[1]) } } : {}),
          messageId: finding.messageId,
          ...(suggestion
            ? getSuggestions([{ plan: suggestion.plan, messageId: suggestion.kind === 'addVoid' ? 'suggestAddVoidOp' : 'suggestWrapInAsyncIIFE' }])
            : {}),
        });
      }
    };
    const check = (node: TSESTree.Node | null | undefined) => {
      if (!node || node.type === 'SpreadElement' || node.type === 'JSXEmptyExpression' || !('type' in node)) return;
      report(findVoidReturnMisuses(file(), node as TSESTree.Expression, options));
    };
    const checkMember = (node: TSESTree.MethodDefinition | TSESTree.PropertyDefinition) => report(findVoidMemberMisuses(file(), node, options));
    return {
      ArrayExpression(node) {
        for (const element of node.elements) check(element);
      },
      ArrowFunctionExpression(node) {
        if (node.body.type !== 'BlockStatement') check(node.body);
      },
      AssignmentExpression(node) {
        if (node.operator === '=') check(node.right);
      },
      CallExpression(node) {
        for (const argument of node.arguments) check(argument);
      },
      NewExpression(node) {
        for (const argument of node.arguments) check(argument);
      },
      JSXAttribute(node) {
        if (node.value?.type === 'JSXExpressionContainer') check(node.value.expression);
      },
      MethodDefinition: checkMember,
      PropertyDefinition: checkMember,
      Property(node) {
        if (node.parent.type === 'ObjectExpression' && node.kind === 'init') check(node.value);
      },
      ReturnStatement(node) {
        check(node.argument);
      },
      VariableDeclarator(node) {
        check(node.init);
      },
    };
  },
});
