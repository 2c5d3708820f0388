import {
  inheritedMethodMisuses,
  isMisusedAttribute,
  isMisusedConditional,
  isMisusedSpread,
  isMisusedVoidReturn,
  misusedPredicate,
  type MisusedPromiseOptions,
} from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleListener } from '@typescript-eslint/utils/ts-eslint';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

interface ChecksVoidReturn {
  arguments?: boolean;
  attributes?: boolean;
  inheritedMethods?: boolean;
  properties?: boolean;
  returns?: boolean;
  variables?: boolean;
}

export type Options = [
  {
    checksConditionals?: boolean | { flagUnions?: 'all' | 'strict' | 'none' };
    checksSpreads?: boolean;
    checksVoidReturn?: boolean | ChecksVoidReturn;
    allowTryCatchCallbacks?: boolean;
    allowedAttributes?: string[];
  },
];
export type MessageIds =
  | 'conditional'
  | 'predicate'
  | 'spread'
  | 'voidReturnArgument'
  | 'voidReturnAttribute'
  | 'voidReturnInheritedMethod'
  | 'voidReturnProperty'
  | 'voidReturnReturnValue'
  | 'voidReturnVariable';

const voidReturnPlaces = ['arguments', 'attributes', 'inheritedMethods', 'properties', 'returns', 'variables'] as const;

function voidReturnChecks(option: Options[0]['checksVoidReturn']): Required<ChecksVoidReturn> | null {
  if (option === false) return null;
  const given = option === true || option === undefined ? {} : option;
  return Object.fromEntries(voidReturnPlaces.map((place) => [place, given[place] ?? true])) as Required<ChecksVoidReturn>;
}

export default createRule<Options, MessageIds>({
  name: 'no-misused-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Promises in places not designed to handle them',
      recommended: true,
      requiresTypeChecking: false,
    },
    // typescript-eslint's messages word for word.
    messages: {
      conditional: 'Expected non-Promise value in a boolean conditional.',
      predicate: 'Expected a non-Promise value to be returned.',
      spread: 'Expected a non-Promise value to be spread in an object.',
      voidReturnArgument: 'Promise returned in function argument where a void return was expected.',
      voidReturnAttribute: 'Promise-returning function provided to attribute where a void return was expected.',
      voidReturnInheritedMethod:
        "Promise-returning method provided where a void return was expected by extended/implemented type '{{ heritageTypeName }}'.",
      voidReturnProperty: 'Promise-returning function provided to property where a void return was expected.',
      voidReturnReturnValue: 'Promise-returning function provided to return value where a void return was expected.',
      voidReturnVariable: 'Promise-returning function provided to variable where a void return was expected.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checksConditionals: {
            description: 'Whether to warn when a Promise is provided to conditional statements.',
            oneOf: [
              { type: 'boolean', description: 'Whether to check conditionals.' },
              {
                type: 'object',
                additionalProperties: false,
                description: 'Detailed settings for conditional inspection.',
                properties: {
                  flagUnions: {
                    type: 'string',
                    enum: ['all', 'strict', 'none'],
                    description: 'How unions containing Promise-like types are checked (`strict` is read as `none`).',
                  },
                },
              },
            ],
          },
          checksSpreads: { type: 'boolean', description: 'Whether to warn when `...` spreading a `Promise`.' },
          checksVoidReturn: {
            description: 'Whether to warn when a Promise is returned from a function typed as returning `void`.',
            oneOf: [
              { type: 'boolean', description: 'Whether to check every place.' },
              {
                type: 'object',
                additionalProperties: false,
                description: 'Which places to check (each defaults to true).',
                properties: Object.fromEntries(
                  voidReturnPlaces.map((place) => [place, { type: 'boolean', description: `Whether to check ${place}.` }]),
                ),
              },
            ],
          },
          allowTryCatchCallbacks: {
            type: 'boolean',
            description: 'Accept an async callback whose whole body is one `try` with a `catch`.',
          },
          allowedAttributes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'JSX attributes that accept promise-returning functions.',
          },
        },
      },
    ],
    defaultOptions: [
      { checksConditionals: true, checksSpreads: true, checksVoidReturn: true, allowTryCatchCallbacks: true, allowedAttributes: [] },
    ],
  },
  create(context, [options]) {
    const misuse: MisusedPromiseOptions = {
      allowTryCatchCallbacks: options.allowTryCatchCallbacks,
      allowedAttributes: options.allowedAttributes,
    };
    const file = () => analysisFileFor(context);
    const listeners: RuleListener = {};
    const add = <K extends keyof RuleListener>(selector: K, listener: NonNullable<RuleListener[K]>) => {
      const previous = listeners[selector];
      listeners[selector] = (previous
        ? (node: never) => {
            previous(node);
            (listener as (node: never) => void)(node);
          }
        : listener);
    };

    if (options.checksConditionals !== false) {
      const flagUnions = typeof options.checksConditionals === 'object' ? (options.checksConditionals.flagUnions ?? 'none') : 'none';
      const checked = new Set<TSESTree.Node>();
      const checkConditional = (node: TSESTree.Expression, isTest: boolean): void => {
        if (checked.has(node)) return;
        checked.add(node);
        if (node.type === 'LogicalExpression') {
          if (node.operator !== '??' || isTest) checkConditional(node.left, isTest);
          if (isTest) checkConditional(node.right, isTest);
          return;
        }
        const analysis = file();
        const misused = flagUnions === 'all' ? isMisusedSpread(analysis, node) : isMisusedConditional(analysis, node);
        if (misused) context.report({ node, messageId: 'conditional' });
      };
      const checkTest = (node: { test: TSESTree.Expression | null }) => {
        if (node.test) checkConditional(node.test, true);
      };
      add('IfStatement', checkTest);
      add('WhileStatement', checkTest);
      add('DoWhileStatement', checkTest);
      add('ForStatement', checkTest);
      add('ConditionalExpression', checkTest);
      add('LogicalExpression', (node) => checkConditional(node, false));
      add('UnaryExpression', (node) => {
        if (node.operator === '!') checkConditional(node.argument, true);
      });
      add('CallExpression', (node) => {
        const callback = misusedPredicate(file(), node);
        if (callback) context.report({ node: callback, messageId: 'predicate' });
      });
    }

    const voidChecks = voidReturnChecks(options.checksVoidReturn);
    if (voidChecks) {
      const check = (node: TSESTree.Node | null | undefined, messageId: MessageIds) => {
        if (!node || node.type === 'SpreadElement' || !('type' in node)) return;
        if (isMisusedVoidReturn(file(), node as TSESTree.Expression, misuse)) context.report({ node, messageId });
      };
      if (voidChecks.arguments) {
        const checkArguments = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
          for (const argument of node.arguments) check(argument, 'voidReturnArgument');
        };
        add('CallExpression', checkArguments);
        add('NewExpression', checkArguments);
      }
      if (voidChecks.attributes) {
        add('JSXAttribute', (node) => {
          const value = isMisusedAttribute(file(), node, misuse);
          if (value) context.report({ node: value, messageId: 'voidReturnAttribute' });
        });
      }
      if (voidChecks.properties) {
        add('Property', (node) => {
          if (node.parent.type === 'ObjectExpression') check(node.value, 'voidReturnProperty');
        });
      }
      if (voidChecks.returns) add('ReturnStatement', (node) => check(node.argument, 'voidReturnReturnValue'));
      if (voidChecks.variables) {
        add('VariableDeclarator', (node) => {
          if (node.id.type === 'Identifier' && node.id.typeAnnotation) check(node.init, 'voidReturnVariable');
        });
        add('AssignmentExpression', (node) => {
          if (node.operator === '=') check(node.right, 'voidReturnVariable');
        });
      }
      if (voidChecks.inheritedMethods) {
        const checkClass = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) => {
          for (const misused of inheritedMethodMisuses(file(), node)) {
            context.report({ node: misused.node, messageId: 'voidReturnInheritedMethod', data: { heritageTypeName: misused.heritageTypeName } });
          }
        };
        add('ClassDeclaration', checkClass);
        add('ClassExpression', checkClass);
      }
    }

    if (options.checksSpreads !== false) {
      add('SpreadElement', (node) => {
        if (isMisusedSpread(file(), node.argument)) context.report({ node: node.argument, messageId: 'spread' });
      });
    }
    return listeners;
  },
});
